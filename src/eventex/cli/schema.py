"""``eventex schema``: the JSON Schema of results (or of the corpus format)."""

from __future__ import annotations

import argparse
import json

from pydantic import TypeAdapter


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eventex schema``."""
    p = sub.add_parser("schema", help="print the JSON Schema of extraction results")
    p.add_argument("--corpus", action="store_true", help="the schema of an annotated corpus line instead")
    p.set_defaults(func=run)


def schema_json(corpus: bool = False) -> str:
    """The JSON Schema of :class:`~eventex.schema.Extraction` (or of a corpus line), as formatted JSON."""
    if corpus:
        from eventex.corpus.gold import GoldDocument as model
    else:
        from eventex.schema import Extraction as model
    return json.dumps(TypeAdapter(model).json_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    print(schema_json(args.corpus), end="")
    return 0
