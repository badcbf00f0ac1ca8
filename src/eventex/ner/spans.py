"""Span completion: domain words the head left just outside a WEAPON or ENERGY_ASSET mention.

The corpus guidelines put an asset's type words inside its mention ("[oil exploration blocks]", "[Bayraktar TB2
drone]"); the head often tags only the noun or only the name. The words come from ``entity_patterns.toml``
(each label's ``modifiers`` on the left of a type noun, ``modifiers`` then one of ``heads`` on the right), so the
rules stay data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventex.resources import read_toml
from eventex.schema import Entity

_WORD = re.compile(r"[A-Za-z][\w-]*")


@dataclass(frozen=True)
class _Lexicon:
    modifiers: frozenset[str]
    heads: frozenset[str]


class SpanCompleter:
    """Extends WEAPON / ENERGY_ASSET spans over adjacent modifier words (left) and modifiers + a head (right)."""

    def __init__(self) -> None:
        self.lexicons = {
            label: _Lexicon(frozenset(spec["modifiers"]), frozenset(spec["heads"]))
            for label, spec in read_toml("entity_patterns.toml").items()
        }

    def __call__(self, text: str, ents: list[Entity]) -> list[Entity]:
        """The entities with completed spans; an entity lying wholly inside an extension is absorbed."""
        out = sorted(ents, key=lambda e: e.start)
        for e in list(out):
            lex = self.lexicons.get(e.label)
            if lex is None or e not in out:
                continue
            start, end = self._left(text, e.start, lex, out), self._right(text, e.end, lex, out)
            if (start, end) != (e.start, e.end):
                grown = e.model_copy(update={"start": start, "end": end, "text": text[start:end]})
                kept = [o for o in out if not (start <= o.start and o.end <= end)]
                out = sorted([*kept, grown], key=lambda o: o.start)
        return out

    @staticmethod
    def _free(a: int, b: int, ents: list[Entity]) -> bool:
        """No entity overlaps [a, b) without lying inside it."""
        return not any(o.start < b and a < o.end and not (a <= o.start and o.end <= b) for o in ents)

    def _left(self, text: str, start: int, lex: _Lexicon, ents: list[Entity]) -> int:
        if not text[start].islower():
            return start  # modifiers attach to a type noun ("small arms"), not to a name ("a heavy Mi-26")
        while start >= 2 and text[start - 1] == " ":
            m = re.search(r"([A-Za-z][\w-]*)$", text[: start - 1])
            if not m or m.group(1).lower() not in lex.modifiers or not self._free(m.start(1), start - 1, ents):
                break
            start = m.start(1)
        return start

    def _right(self, text: str, end: int, lex: _Lexicon, ents: list[Entity]) -> int:
        pos, words = end, []
        while pos < len(text) and text[pos] == " ":
            m = _WORD.match(text, pos + 1)
            if not m:
                break
            words.append((m.group().lower(), m.end()))
            pos = m.end()
            if m.group().lower() not in lex.modifiers:
                break
        for k in range(len(words) - 1, -1, -1):
            word, stop = words[k]
            is_head = word in lex.heads or word[:-1] in lex.heads  # plural heads too
            if is_head and all(w in lex.modifiers for w, _ in words[:k]) and self._free(end, stop, ents):
                return stop
        return end
