"""``eventex evaluate``: score the pipeline on a gold corpus and/or a CoNLL-2003 file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventex.cli import exits
from eventex.cli.files import check_output, user_files, write_text
from eventex.errors import InputError, MissingFileError, UsageError
from eventex.ner.runtime import RUNTIMES


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex evaluate``."""
    p = sub.add_parser("evaluate", help="score the pipeline on a gold corpus and/or a CoNLL-2003 NER file")
    p.add_argument("--gold", metavar="PATH", help="gold corpus: a JSONL file or a directory of them")
    p.add_argument("--model", default=None, help="for eventex.load: a model directory, 'default' or 'spacy'")
    p.add_argument("--runtime", choices=RUNTIMES, help="entity head runtime (default: the model's own, auto)")
    p.add_argument("--ner-conll", metavar="PATH", help="also score entities on a CoNLL-2003 file")
    p.add_argument("--limit-docs", type=int, metavar="N", help="use only the first N documents of each input")
    p.add_argument("--json", action="store_true", help="print the JSON report instead of tables")
    p.add_argument("--out", metavar="FILE", help="also write the JSON report to FILE")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="bootstrap samples (0: no CIs)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    p.add_argument("--batch-size", type=int, default=8, help="texts per pipeline batch")
    p.set_defaults(func=run)


def check_inputs(args: argparse.Namespace) -> None:
    """Read the gold corpus and the CoNLL file before the model loads: InputError for one without documents,
    CorpusError for one in the wrong format."""
    from eventex.corpus.conll import read_conll
    from eventex.corpus.gold import load

    if args.gold:
        with user_files(args.gold):
            if not Path(args.gold).exists():
                raise MissingFileError(f"{args.gold}: no such file or directory")
            if not load(args.gold):
                raise InputError(f"{args.gold}: no gold documents (a JSONL corpus, or a directory of them)")
    if args.ner_conll:
        with user_files(args.ner_conll):
            read_conll(args.ner_conll)


def run(args: argparse.Namespace) -> int:
    """Score, print the tables (or the JSON report) and write ``--out``."""
    from eventex.eval.score import run_conll, run_evaluation
    from eventex.loading import build_extractor
    from eventex.views.text import format_conll_report, format_report

    if not args.gold and not args.ner_conll:
        raise UsageError("give --gold PATH and/or --ner-conll PATH")
    check_inputs(args)
    if args.out:
        check_output(args.out)
    extractor = build_extractor(args.model, runtime=args.runtime)
    opts = {
        "batch_size": args.batch_size, "limit_docs": args.limit_docs, "bootstrap_samples": args.bootstrap,
        "seed": args.seed, "extractor": extractor,
    }
    reports = {}
    tables = []
    if args.gold:
        with user_files():
            report = run_evaluation(args.gold, **opts)
        reports["corpus"] = report
        tables.append(format_report(report))
    if args.ner_conll:
        with user_files():
            conll = run_conll(args.ner_conll, **opts)
        reports["ner_conll"] = conll
        tables.append(format_conll_report(conll))
    payload = json.dumps({k: r.model_dump(mode="json") for k, r in reports.items()}, indent=2)
    if args.out:
        write_text(args.out, payload + "\n")
    print(payload if args.json else "\n\n".join(tables))
    return exits.OK
