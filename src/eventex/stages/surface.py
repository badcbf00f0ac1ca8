"""The lookup key of a mention's surface form, shared by resolution and linking."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")


def normalise_surface(text: str) -> str:
    """The lookup key of a mention: straight quotes, no 'the', no possessive, single spaces."""
    s = " ".join(text.translate(_QUOTES).split())
    s = _POSSESSIVE.sub("", s)
    if s.lower().startswith("the "):
        s = s[4:]
    return s
