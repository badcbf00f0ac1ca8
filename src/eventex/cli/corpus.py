"""``eventex build-corpus`` and ``eventex validate-corpus``."""

from __future__ import annotations

import argparse
import sys

from eventex.cli import exits
from eventex.cli.files import user_files


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex build-corpus`` and ``eventex validate-corpus``."""
    b = sub.add_parser("build-corpus", help="compile corpora/src/*.txt authoring files into split JSONL files")
    b.add_argument("src", help="directory of authoring files")
    b.add_argument("out", help="directory for train/dev/test.jsonl")
    b.set_defaults(func=run_build)
    v = sub.add_parser("validate-corpus", help="check offsets, labels, roles, references and statuses")
    v.add_argument("paths", nargs="+", help="JSONL corpus files")
    v.set_defaults(func=run_validate)


def run_build(args: argparse.Namespace) -> int:
    """Compile the authoring files; print the documents per split."""
    from eventex.corpus.markup import build

    with user_files():
        counts = build(args.src, args.out)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return exits.OK


def run_validate(args: argparse.Namespace) -> int:
    """Print every problem of each file (or that it is ok); RECORD_ERRORS when there are problems."""
    from eventex.corpus.gold import validate

    n_err = 0
    for p in args.paths:
        with user_files():
            errs = validate(p)
        for e in errs:
            print(e, file=sys.stderr)
        n_err += len(errs)
        if not errs:
            print(f"{p}: ok")
    return exits.of_failures(n_err)
