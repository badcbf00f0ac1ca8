"""Highlights in the report page: numbered marks over exact offsets, nested where spans overlap."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import escape

from eventex.schema import Span


@dataclass
class Mark:
    """A highlighted span; ``n`` is its number on the page (``data-m``)."""

    start: int
    end: int
    label: str
    n: int
    titles: list[str]


class Marks:
    """The highlights of one document, one per (start, end, label), numbered from a page-wide counter."""

    def __init__(self, counter: Iterator[int]) -> None:
        self.counter = counter
        self.by_key: dict[tuple[int, int, str], Mark] = {}

    def add(self, span: Span, label: str, title: str) -> int:
        key = (span.start, span.end, label)
        mark = self.by_key.get(key)
        if mark is None:
            mark = self.by_key[key] = Mark(span.start, span.end, label, next(self.counter), [])
        if title not in mark.titles:
            mark.titles.append(title)
        return mark.n


def escape_text(s: str) -> str:
    """Text for an HTML text node that parses back to ``s`` (CR survives as a reference; NUL cannot)."""
    return escape(s, quote=False).replace("\r", "&#13;").replace("\0", "\ufffd")


def _open(m: Mark) -> str:
    cls = "trig" if m.label == "TRIGGER" else "src" if m.label == "SOURCE" else "ent"
    title = escape("; ".join(m.titles))
    return f'<mark class="{cls} L-{m.label}" data-m="{m.n}" data-span="{m.start}:{m.end}" title="{title}">'


def _close(m: Mark, final: bool) -> str:
    tag = f'<i class="t" data-t="{m.label}"></i>' if final and m.label not in ("TRIGGER", "SOURCE") else ""
    return "</mark>" + tag


def markup(base: int, text: str, marks: Sequence[Mark]) -> str:
    """``text`` (which starts at offset ``base``) as HTML with nested ``<mark>`` pieces for the marks in it."""
    end = base + len(text)
    starts: dict[int, list[Mark]] = {}
    for m in sorted(marks, key=lambda m: (m.start, -m.end, m.n)):
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({base, end, *starts, *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    for i, p in enumerate(bounds):
        if any(m.end == p for m in stack):
            reopen = []
            while any(m.end == p for m in stack):
                m = stack.pop()
                out.append(_close(m, m.end == p))
                if m.end != p:
                    reopen.append(m)
            for m in reversed(reopen):
                out.append(_open(m))
                stack.append(m)
        for m in starts.get(p, ()):
            out.append(_open(m))
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(escape_text(text[p - base : bounds[i + 1] - base]))
    return "".join(out)
