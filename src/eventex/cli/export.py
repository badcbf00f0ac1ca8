"""``eventex export``: a corpus, or extraction results with their input texts, for annotation tools and training."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eventex.cli import exits
from eventex.cli.files import user_files, write_text
from eventex.corpus.gold import GoldDocument
from eventex.errors import InputError, UsageError

FORMATS = ("label-studio", "brat", "spacy", "conll")

EPILOG = """\
INPUT: a corpus (JSONL file or directory of them), or the records of 'eventex extract -o' with --texts naming
  the inputs they were extracted from (same --text-field/--id-field).
label-studio: a JSON list of tasks (corpus: annotations; results: predictions) and, with --config, the labeling
  config; brat: OUT is a directory of .txt/.ann pairs; spacy: a DocBin of the entities; conll: BIO per token.
Mentions that spaCy tokens cannot carry (not on token boundaries, overlapping) are listed on stderr."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex export``."""
    p = sub.add_parser(
        "export", help="write a corpus or extraction results for Label Studio, brat, spaCy or CoNLL",
        description="Export a corpus, or extraction results as pre-annotations.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="INPUT", help="corpus JSONL (file or directory) or extract records")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file (brat: directory)")
    p.add_argument("--config", metavar="XML", help="label-studio: also write the labeling config here")
    p.add_argument("--texts", nargs="+", metavar="TEXTS", help="the inputs of extract records (files, dirs)")
    p.add_argument("--text-field", default="text", metavar="F", help="text field of --texts (default text)")
    p.add_argument("--id-field", metavar="F", help="id field of --texts, as given to extract")
    p.set_defaults(func=run)


def _first_record(path: Path) -> dict[str, Any] | None:
    if path.is_dir():
        return None
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}: not JSONL: {e}") from e
                return rec if isinstance(rec, dict) else None
    raise InputError(f"{path}: empty")


def _record_tasks(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Label Studio prediction tasks of extract records joined with their input texts by id."""
    from eventex.corpus.labelstudio import record_task
    from eventex.io.readers import read_inputs
    from eventex.io.records import Options
    from eventex.version import __version__

    if not args.texts:
        raise UsageError("extract records hold no text: give --texts with the inputs they were extracted from")
    opts = Options(text_field=args.text_field, id_field=args.id_field)
    texts = {item.id: item.text for item in read_inputs(args.texts, opts) if isinstance(item.text, str)}
    tasks = []
    with open(args.input, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{args.input}:{n}: not JSON: {e}") from e
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
                raise InputError(f"{args.input}:{n}: not an extract record (a JSON object with an id)")
            if "error" in rec:
                print(f"eventex export: {args.input}:{n}: {rec.get('id')} failed in extract; left out", file=sys.stderr)
                continue
            if rec.get("id") not in texts:
                raise InputError(f"{args.input}:{n}: no text with id {rec.get('id')!r} in --texts")
            tasks.append(record_task(rec, texts[rec["id"]], model_version=f"eventex {__version__}"))
    return tasks


def _documents(args: argparse.Namespace) -> tuple[list[dict[str, Any]] | None, list[GoldDocument]]:
    """The tasks of extract records (None for a corpus) and the gold documents of INPUT."""
    from eventex.corpus.gold import load
    from eventex.corpus.labelstudio import import_tasks

    first = _first_record(Path(args.input))
    if first is None or "mentions" in first:
        return None, load(args.input)
    tasks = _record_tasks(args)
    docs, problems = import_tasks(tasks, source="predictions")
    for p in problems:
        print(f"eventex export: {p}", file=sys.stderr)
    return tasks, docs


def run(args: argparse.Namespace) -> int:
    """Write OUT (and the config); print what was written."""
    if args.config and args.format != "label-studio":
        raise UsageError("--config goes with --format label-studio")
    out = Path(args.output)
    left_out: list[str] = []
    with user_files():
        tasks, docs = _documents(args)
        if not docs:
            raise InputError(f"{args.input}: no documents to export")
        if args.format == "label-studio":
            from eventex.corpus.labelstudio import gold_task, labeling_config

            tasks = tasks if tasks is not None else [gold_task(d) for d in docs]
            write_text(args.output, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
            if args.config:
                write_text(args.config, labeling_config())
        elif args.format == "brat":
            from eventex.corpus.brat import write_brat

            with user_files(out):  # a failed write names no file
                write_brat(docs, out)
        elif args.format == "spacy":
            from eventex.corpus.tokenized import docbin_bytes

            data, left_out = docbin_bytes(docs)
            with user_files(out):
                out.write_bytes(data)
        else:
            from eventex.corpus.tokenized import conll_text

            text, left_out = conll_text(docs)
            write_text(args.output, text)
    for line in left_out:
        print(f"eventex export: left out: {line}", file=sys.stderr)
    print(f"eventex export: {len(docs)} documents -> {out}", file=sys.stderr)
    return exits.OK
