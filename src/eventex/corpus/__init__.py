"""The annotated corpus: gold documents (models, checks, validation, loading), the authoring markup and the
CoNLL-2003 reader. The gold models and the functions most callers need are importable from here."""

from eventex.corpus.gold import (
    GoldArgument,
    GoldDocument,
    GoldEvent,
    GoldMention,
    Problem,
    check_document,
    dumps,
    load,
    validate,
)
from eventex.corpus.markup import MarkupError, build, iter_markup, parse_markup

__all__ = [
    "GoldArgument", "GoldDocument", "GoldEvent", "GoldMention", "MarkupError", "Problem", "build",
    "check_document", "dumps", "iter_markup", "load", "parse_markup", "validate",
]
