"""Hard-wrapped prose: the line breaks of wire copy wrapped at a fixed width are spaces (spaCy-free, so the entity
head's light steps can use it)."""

from __future__ import annotations

SENTENCE_END = frozenset({".", "!", "?", "…"})
"""Tokens after which a sentence may end (a line break ends one too)."""
CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})
"""Quotes that may close a sentence ('… “we will go ahead.”')."""

WRAP_WIDTH = 100
"""Longest line of hard-wrapped prose (wire copy is wrapped at 60-80 characters)."""
WRAP_MIN_WIDTH = 40
"""Shortest longest-line of a hard-wrapped block: a block of shorter lines is a list, one item a line."""
WRAP_FILL = 0.6
"""A wrapped line fills at least this share of the longest line of its block."""
OPEN_ENDINGS = frozenset({"the", "a", "an", "of", "to", "for", "with", "from", "and", "its", "their"})
"""Words no heading or sentence ends with: a line of a wrapped block that ends in one ('The' + 'Philippines has
approved …', '… a contract for the' + 'shore-based missile') runs on."""


def unwrap_lines(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped prose as spaces (same length, so the same offsets): wire copy
    wrapped at a fixed width ('CGN has agreed to' + 'invest …') parses as the sentences it holds. A break is a wrap
    before a lower-case word, or inside a block of three or more lines, the longest between :data:`WRAP_MIN_WIDTH`
    and :data:`WRAP_WIDTH`, after a line that fills the block ('… power station project in' + 'Britain, …') or ends
    in an open word ('The' + 'Philippines has …'), when that line ends no sentence. A headline over its lede, a short
    heading or a list keeps its breaks."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    breaks = ["\n"] * (len(lines) - 1)
    block: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i].strip():
            block.append(i)
            continue
        widths = [len(lines[j].rstrip()) for j in block]
        wrapped = len(block) >= 3 and WRAP_MIN_WIDTH <= max(widths) <= WRAP_WIDTH
        for j, width in zip(block[:-1], widths, strict=False):
            end = lines[j].rstrip()[-1:]
            if end in SENTENCE_END or end in CLOSING_QUOTES:
                continue
            words = lines[j].split()
            if lines[j + 1].lstrip()[:1].islower() or (wrapped and (
                width >= WRAP_FILL * max(widths) or (words and words[-1].lower() in OPEN_ENDINGS)
            )):
                breaks[j] = " "
        block = []
    return "".join(line + brk for line, brk in zip(lines, [*breaks, ""], strict=True))
