"""``eventex build-corpus`` and ``eventex validate-corpus``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventex.cli import exits
from eventex.cli.files import check_output, input_files, user_files
from eventex.errors import InputError, MissingFileError


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex build-corpus`` and ``eventex validate-corpus``."""
    b = sub.add_parser("build-corpus", help="compile corpora/src/*.txt authoring files into split JSONL files")
    b.add_argument("src", help="directory of authoring files")
    b.add_argument("out", help="directory for train/dev/test.jsonl (created if missing)")
    b.set_defaults(func=run_build)
    v = sub.add_parser("validate-corpus", help="check offsets, labels, roles, references and statuses")
    v.add_argument("paths", nargs="+", help="JSONL corpus files, or directories (every *.jsonl below them)")
    v.set_defaults(func=run_validate)


def run_build(args: argparse.Namespace) -> int:
    """Compile the authoring files; print the documents per split."""
    from eventex.corpus.markup import build

    src = Path(args.src)
    if not src.exists():
        raise MissingFileError(f"{src}: no such directory")
    if not src.is_dir():
        raise InputError(f"{src}: is not a directory")
    if not any(src.glob("*.txt")):
        raise InputError(f"{src}: no authoring files (*.txt) in it")
    check_output(args.out, directory=True)
    with user_files():
        counts = build(args.src, args.out)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return exits.OK


def run_validate(args: argparse.Namespace) -> int:
    """Print every problem of each file (or that it is ok); RECORD_ERRORS when there are problems (a file without
    documents is one); InputError when no file has a document."""
    from eventex.corpus.gold import validate

    lines: list[tuple[bool, str]] = []  # (a problem?, the line), in file order
    documents = 0
    for p in input_files(args.paths, "*.jsonl"):
        with user_files(p):
            n = sum(1 for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
            errs = validate(p) if n else []
        documents += n
        lines += [(True, str(e)) for e in errs] or [(not n, f"{p}: ok" if n else f"{p}: no documents")]
    if not documents:
        raise InputError(f"no documents in {', '.join(args.paths)}: nothing validated")
    for problem, line in lines:
        print(line, file=sys.stderr if problem else sys.stdout)
    return exits.of_failures(sum(problem for problem, _ in lines))
