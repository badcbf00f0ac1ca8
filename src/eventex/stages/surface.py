"""The lookup key of a mention's surface form, shared by resolution and linking."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")


def straight_quotes(text: str) -> str:
    """``text`` with curly quotes and backticks made straight ("People’s" → "People's")."""
    return text.translate(_QUOTES)


def normalise_surface(text: str) -> str:
    """The lookup key of a mention: straight quotes, no 'the', no possessive, single spaces."""
    s = " ".join(straight_quotes(text).split())
    s = _POSSESSIVE.sub("", s)
    if s.lower().startswith("the "):
        s = s[4:]
    return s
