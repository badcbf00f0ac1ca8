"""The state a mention's own words name: a title before it ('Russian Foreign Minister X', 'Indonesia's Pertamina'),
an apposition after it ('X, Russia's foreign minister'), or an 'of' phrase ('X of Pakistan')."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import dropwhile, takewhile

from eventex.schema import Entity

WORD = re.compile(r"[\w'’-]+")
"""A word, with its apostrophes and hyphens."""
_APPOSITION_GAP = re.compile(r"\s*(?:, the|,)\s*")
"""What may lie between a mention and the state in apposition after it ('Lavrov, Russia’s …')."""
_TITLED_APPOSITION = re.compile(r"\s*,\s+(?:the\s+)?((?:[A-Za-z-]+\s+){1,4})(?:of|at)\s+(?:the\s+)?")
"""A title in apposition whose 'of' phrase names the state ('Likhachev, the head of Russia’s Rosatom', 'X, director
general of Russian State Nuclear Corporation Rosatom'): the title's words are the group."""
_TITLE_OF = re.compile(r"((?:[A-Za-z-]+\s+){1,6})of\s+(?:the\s+)?\Z")
"""A title whose 'of' phrase the state after it ends ('the Minister of Foreign Affairs of [Cuba], X'): the words
before the 'of' (the title is their run of title words at its end)."""
_TITLE_NAME_GAP = re.compile(r"[ \t]*,?[ \t]*")
"""What may lie between a title's state and the name it titles ('… of Cuba, Rogelio Sierra', '… of Ghana Kwame
Mensah')."""


def context_state(text: str, ent: Entity, states: list[Entity], starts: list[int], words: set[str],
                   need_title: bool, person_starts: Sequence[int] = ()) -> str | None:
    """The state named just before ('Russian Foreign Minister Sergei Lavrov', 'Indonesia’s Pertamina') or
    in an apposition after ('Sergei Lavrov, Russia’s foreign minister') a mention, through title words."""
    before = bisect.bisect_right(starts, ent.start) - 1  # the last state starting before the mention
    k = before
    if k >= 0 and 0 <= ent.start - states[k].end < 60:
        e = states[k]
        gap = text[e.end : ent.start]
        clean = [w for w in WORD.findall(gap) if w.lower() not in ("'s", "’s", "s")]
        # 'in Tashkent, the state corporation Rosatom'; a dateline's dash ('London - Rosatom said')
        apposed = re.match(r"\s*(?:[,;:()]|[-–—]\s)", gap)
        # a headline that ends in a state ('… trips to Africa and Russia') titles no name on the next line
        titled = any(w.lower() not in TITLE_GLUE for w in clean)  # 'India and Xi' is no title
        # a comma inside the gap ends a list item ('Poland's deputy defence minister, and Baykar's manager');
        # one that ends it sets off the name ('Russia's largest oil firm, Rosneft')
        listed = "," in gap.rstrip().removesuffix(",")
        if ("." not in gap and "\n" not in gap and not apposed and not listed
                and (titled or not (need_title or clean)) and all(w.lower() in words for w in clean)):
            return e.id
    k = bisect.bisect_left(starts, ent.end)
    if need_title and k < len(states) and _OF_GAP.fullmatch(text, ent.end, states[k].start):
        return states[k].id  # 'Abdul Qadeer Khan of Pakistan', 'King Abdullah of Jordan'
    if k < len(states) and _APPOSITION_GAP.fullmatch(text, ent.end, states[k].start):
        e = states[k]
        tail = WORD.findall(text[e.end : e.end + 40])[:3]
        named = not need_title and _NAME_AFTER.match(text, e.end) is not None  # 'Exxon, Canada's Husky Energy':
        # a list of firms, not a description of the first
        if any(w.lower() in words for w in tail) and not named and not _titles_next(text, e, person_starts) and (
            not _clause_subject(text, e.end, words)
        ):
            return e.id  # (not '… of X, Chinese Foreign Ministry spokesperson Hua said': Hua's title)
    if need_title and before >= 0 and _TITLE_NAME_GAP.fullmatch(text, states[before].end, ent.start):
        e = states[before]  # 'the Minister of Foreign Affairs of Cuba, Rogelio Sierra, …'
        title = _TITLE_OF.search(text, max(0, e.start - 80), e.start)
        named = list(takewhile(lambda w: w.lower() in words, reversed(title.group(1).split()))) if title else []
        if any(w.lower() not in TITLE_GLUE for w in named):  # ('… Committee and President of Laos X': 'President')
            return e.id
    if k < len(states) and (m := _TITLED_APPOSITION.fullmatch(text, ent.end, states[k].start)) and all(
        w.lower() in words for w in m.group(1).split()
    ) and not _titles_next(text, states[k], person_starts):
        return states[k].id
    return None


_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
"""What lies between a person's name and the state they come from ('Abdul Qadeer Khan of Pakistan')."""
_NAME_AFTER = re.compile(r"['’]s\s+[A-Z]")
"""A possessive followed by a capitalised word: the state's name opens another name ('Canada's Husky Energy')."""


_FINITE_AUXILIARIES = frozenset({
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "is", "was", "are", "were", "has",
    "have", "had",
})
"""Words after a title that make it the subject of a new clause, no apposition ('talks with Foreign Minister X, the
Kuwaiti foreign minister will call on …')."""


def _clause_subject(text: str, end: int, words: set[str]) -> bool:
    """Whether the title words after a state that ends at ``end`` run straight into a finite auxiliary."""
    after = WORD.findall(text[end : end + 80].split(",", 1)[0].split(".", 1)[0])
    rest = list(dropwhile(lambda w: w.lower() in words, after))
    return bool(rest) and rest[0].lower() in _FINITE_AUXILIARIES


_CLAUSE_END = re.compile(r"[,;.()\n]")
"""A character that ends the clause a title is read in."""


def _titles_next(text: str, state: Entity, person_starts: Sequence[int]) -> bool:
    """Whether the title ending in ``state`` is that of a person named right after it, in the same clause ('… of Viet
    Nam To Lam, President of the Russian Federation Vladimir Putin paid …'); ``person_starts`` sorted."""
    k = bisect.bisect_left(person_starts, state.end)
    return k < len(person_starts) and _CLAUSE_END.search(text, state.end, person_starts[k]) is None


TITLE_GLUE = frozenset({"of", "the", "for", "and"})
"""Title words that join others ('Minister of Trade and Industry') and make no title alone ('India and Xi')."""
