"""``eventex schema``: the JSON Schema of results (or of the corpus format)."""

from __future__ import annotations

import argparse
import json

from pydantic import TypeAdapter

from eventex.schema import Extraction


def schema_json(corpus: bool = False) -> str:
    """The JSON Schema of :class:`Extraction` (or of a corpus line), as formatted JSON."""
    if corpus:
        from eventex.corpus import GoldDocument

        model = GoldDocument
    else:
        model = Extraction
    return json.dumps(TypeAdapter(model).json_schema(), indent=2, ensure_ascii=False) + "\n"


def add_cli(sub: argparse._SubParsersAction) -> None:
    """Register ``eventex schema``."""
    p = sub.add_parser("schema", help="print the JSON Schema of extraction results")
    p.add_argument("--corpus", action="store_true", help="the schema of an annotated corpus line instead")
    p.set_defaults(func=lambda a: print(schema_json(a.corpus), end=""))
