"""``resources/vocabulary.toml``: the word lists the rules read by name, in their format, each one used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventex.resources import read_toml, vocabulary

SRC = Path(__file__).resolve().parents[1] / "src" / "eventex"
LISTS = read_toml("vocabulary.toml")


@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_format(name: str) -> None:
    words = LISTS[name]
    assert re.fullmatch(r"[a-z_]+", name)
    assert words and all(isinstance(w, str) and w == w.strip().lower() and w for w in words), name
    assert len(set(words)) == len(words), f"{name} repeats a word"


def test_each_list_is_read_by_the_code() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    read = set(re.findall(r'vocabulary\("([a-z_]+)"\)', code))
    assert read == set(LISTS)


def test_unknown_list_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        vocabulary("no_such_list")
    assert "dispatch" in vocabulary("sending_verbs")
