"""``eventex import``: Label Studio or brat annotations into corpus JSONL that ``validate-corpus`` accepts."""

from __future__ import annotations

import argparse
import sys

from eventex.cli import exits
from eventex.cli.files import user_files, write_text
from eventex.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex import``."""
    p = sub.add_parser(
        "import", help="turn Label Studio or brat annotations into corpus JSONL",
        description="Import annotations; every annotation that cannot be mapped is listed on stderr (exit 1).",
    )
    p.add_argument("input", metavar="INPUT", help="Label Studio JSON export, or a brat directory")
    p.add_argument("--format", required=True, choices=("label-studio", "brat"))
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="corpus JSONL file")
    p.add_argument("--split", default="train", choices=("train", "dev", "test"),
                   help="split of documents that do not name theirs (default train)")
    p.add_argument("--predictions", action="store_true", help="label-studio: import predictions, not annotations")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the documents; print each unmapped annotation and a summary."""
    from eventex.corpus.gold import dumps

    with user_files():
        if args.format == "label-studio":
            from eventex.corpus.labelstudio import import_tasks, read_tasks

            source = "predictions" if args.predictions else "annotations"
            docs, problems = import_tasks(read_tasks(args.input), split=args.split, source=source)
        else:
            from eventex.corpus.brat import read_brat

            docs, problems = read_brat(args.input, split=args.split)
        for p in problems:
            print(f"eventex import: {p}", file=sys.stderr)
        if not docs:
            raise InputError(f"{args.input}: no documents imported; nothing written")
    write_text(args.output, "".join(dumps(d) + "\n" for d in docs))
    print(f"eventex import: {len(docs)} documents -> {args.output}, {len(problems)} annotations not mapped",
          file=sys.stderr)
    return exits.of_failures(len(problems))
