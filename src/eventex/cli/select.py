"""``eventex select``: the documents to annotate next, ranked by the model's uncertainty and diversity."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from eventex.chunk import check_item
from eventex.cli import exits
from eventex.cli.extract import MAX_PRINTED_ERRORS, positive
from eventex.cli.files import check_output, user_files
from eventex.errors import FailureKind, InputError, UsageError
from eventex.io.readers import read_inputs
from eventex.io.records import MAX_CHARS, Failure, Options, encode
from eventex.loading import loaded
from eventex.ner.runtime import RUNTIMES
from eventex.pipeline import TextInput, parse_published

EPILOG = """\
inputs: as for eventex extract (.txt files, directories, .jsonl/.ndjson, .csv, .parquet, a datasets directory,
  or - for JSONL on stdin).
output: one JSON object a line, best first: {id, rank, score (after the diversity penalty), uncertainty,
  parts {entities, events, rules}, published, text, reasons [{kind, text, start, end, weight, detail}]}.
  Documents that cannot be read or extracted are listed on stderr (exit status 1) and never selected."""


def fraction(value: str) -> float:
    """An argparse type: a number from 0 to 1."""
    x = float(value)
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return x


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex select``."""
    p = sub.add_parser(
        "select",
        help="rank documents for annotation: the ones the model is least sure of, not alike",
        description="Select the documents to annotate next: the model's uncertainty (low-margin entity spans, "
        "low-confidence events, rule conflicts), spread out by diversity.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, or - (JSONL on stdin)")
    p.add_argument("-n", type=positive, default=50, metavar="N", help="documents to select (default 50)")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="output JSONL file or - for stdout (default)")
    p.add_argument(
        "--diversity", type=fraction, metavar="D",
        help="0 (uncertainty alone) to 1: how much likeness to the documents already selected lowers a score "
        "(default: resources/select.toml)",
    )
    p.add_argument("--batch-size", type=positive, default=16, metavar="N", help="texts a batch (default 16)")
    p.add_argument("--text-field", default="text", metavar="F", help="text field (default text)")
    p.add_argument("--id-field", metavar="F", help="id field (default: the position, as for extract)")
    p.add_argument("--published-field", default="published", metavar="F", help="date field (default published)")
    p.add_argument("--published", metavar="DATE", help="default date of inputs")
    p.add_argument(
        "--max-chars", type=positive, default=MAX_CHARS, metavar="N", help=f"longer texts fail (default {MAX_CHARS:,})"
    )
    p.add_argument("--model", metavar="PATH", help="model directory (default: the shipped model)")
    p.add_argument("--rules", metavar="TOML", help="user rules added to the shipped ones (docs/rules.md)")
    p.add_argument("--runtime", choices=RUNTIMES, help="entity head runtime (default auto)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Score every input document, write the selection, report failures and a summary on stderr."""
    from eventex.annotate.select import Selector, record, select

    if args.model == "spacy":
        raise UsageError("--model spacy gives no tag probabilities: select needs the transformer entity head")
    parse_published(args.published)
    if args.output != "-":
        check_output(args.output)
    opts = Options(
        text_field=args.text_field, id_field=args.id_field, published_field=args.published_field,
        published=args.published, max_chars=args.max_chars,
    )
    selector = Selector(loaded(args.model, runtime=args.runtime, rules=args.rules))
    failures: list[tuple[str, Failure]] = []
    seen: set[str] = set()

    def ready() -> Iterator[tuple[str, TextInput]]:
        for item in read_inputs(args.inputs, opts):
            checked = check_item(item, args.max_chars)
            if item.id in seen:
                checked = Failure(FailureKind.DUPLICATE_ID, f"id {item.id!r} is already used; not scored")
            seen.add(item.id)
            if isinstance(checked, Failure):
                failures.append((item.id, checked))
                continue
            text, published = checked
            yield item.id, (text, {"published": published})

    scored = []
    for doc_id, outcome in selector.score(ready(), batch_size=args.batch_size):
        if isinstance(outcome, Failure):
            failures.append((doc_id, outcome))
        else:
            scored.append(outcome)
    for doc_id, f in failures[:MAX_PRINTED_ERRORS]:
        print(f"{doc_id}: {f.kind}: {f.message}", file=sys.stderr)
    if len(failures) > MAX_PRINTED_ERRORS:
        print(f"(and {len(failures) - MAX_PRINTED_ERRORS} more documents that could not be scored)", file=sys.stderr)
    if not scored:
        raise InputError(f"no document of {', '.join(args.inputs)} could be scored: nothing to select")
    diversity = selector.rules.diversity if args.diversity is None else args.diversity
    chosen = select(scored, args.n, diversity)
    data = encode([record(s, rank, score) for rank, (s, score) in enumerate(chosen, 1)])
    with user_files(args.output):
        if args.output == "-":
            sys.stdout.buffer.write(data)
        else:
            with open(args.output, "wb") as f:
                f.write(data)
    where = "" if args.output == "-" else f" -> {args.output}"
    print(f"eventex select: {len(chosen)} of {len(scored)} documents selected, {len(failures)} failed{where}",
          file=sys.stderr)
    return exits.of_failures(len(failures))
