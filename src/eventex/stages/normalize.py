"""Normalisation stage: time expressions against the publication date, and parenthesised citations."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator

from eventex.document import Document
from eventex.schema import Citation, TimeExpression

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DASH = r"\s*[-–—]\s*"
_UNITS = {"week": 7, "month": 31, "year": 366}

_DAY_RANGE = re.compile(
    rf"^(?P<m>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:{_DASH}|,\s*|\s+and\s+)(?P<d2>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?$", re.I
)
_DAY = re.compile(rf"^(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?$", re.I)
_DAY_FIRST = re.compile(rf"^(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?$", re.I)
_MONTH_YEAR = re.compile(rf"^(?:(?P<part>early|mid|late|mid-)\s*)?(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?$", re.I)
_YEAR = re.compile(r"^(?:(?P<part>early|mid|late|mid-)\s*)?(?P<y>(?:19|20)\d\d)$", re.I)
_YEAR_RANGE = re.compile(rf"^(?P<y1>(?:19|20)\d\d)(?:{_DASH}|\s+to\s+)(?P<y2>(?:19|20)?\d\d)$")
_DECADE = re.compile(r"^(?:the\s+)?(?P<y>(?:19|20)\d)0s$", re.I)
_RELATIVE = re.compile(r"^(?P<rel>last|next|this|past|previous|coming)\s+(?P<unit>week|month|year)$", re.I)
_AFTER = re.compile(r"(?:after|since|from)\s*$", re.I)
_BEFORE = re.compile(r"(?:before|until|by)\s*$", re.I)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _infer_year(month: int, published: dt.date | None) -> int | None:
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _part(start: dt.date, end: dt.date, part: str | None) -> tuple[dt.date, dt.date]:
    if not part:
        return start, end
    span = (end - start).days
    third = dt.timedelta(days=span // 3)
    if part.lower() == "early":
        return start, start + third
    if part.lower() == "late":
        return end - third, end
    return start + third, end - third


def normalise_date(text: str, published: dt.date | None = None) -> tuple[dt.date | None, dt.date | None, str]:
    """(start, end, granularity) of a date expression; years are inferred from ``published`` when absent."""
    s = " ".join(text.replace("’", "'").split())
    try:
        if m := _DAY_RANGE.match(s):
            month = MONTHS[m["m"].lower().rstrip(".")]
            year = int(m["y"]) if m["y"] else _infer_year(month, published)
            if year is None:
                return None, None, "unresolved"
            return dt.date(year, month, int(m["d1"])), dt.date(year, month, int(m["d2"])), "range"
        if (m := _DAY.match(s)) or (m := _DAY_FIRST.match(s)):
            month = MONTHS[m["m"].lower().rstrip(".")]
            year = int(m["y"]) if m["y"] else _infer_year(month, published)
            if year is None:
                return None, None, "unresolved"
            d = dt.date(year, month, int(m["d"]))
            return d, d, "day"
        if m := _MONTH_YEAR.match(s):
            month = MONTHS[m["m"].lower().rstrip(".")]
            year = int(m["y"]) if m["y"] else _infer_year(month, published)
            if year is None:
                return None, None, "unresolved"
            a, b = _part(dt.date(year, month, 1), _month_end(year, month), m["part"])
            return a, b, "range" if m["part"] else "month"
        if m := _YEAR.match(s):
            year = int(m["y"])
            a, b = _part(dt.date(year, 1, 1), dt.date(year, 12, 31), m["part"])
            return a, b, "range" if m["part"] else "year"
        if m := _YEAR_RANGE.match(s):
            y1, y2 = m["y1"], m["y2"]
            y2 = y1[:2] + y2 if len(y2) == 2 else y2
            return dt.date(int(y1), 1, 1), dt.date(int(y2), 12, 31), "range"
        if m := _DECADE.match(s):
            y = int(m["y"]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "range"
        if published and (m := _RELATIVE.match(s)):
            return _relative(m["rel"].lower(), m["unit"].lower(), published)
        low = s.lower()
        if published and low in ("today", "yesterday", "tomorrow"):
            d = published + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[low])
            return d, d, "day"
    except ValueError:  # e.g. February 30
        return None, None, "unresolved"
    return None, None, "unresolved"


def _relative(rel: str, unit: str, pub: dt.date) -> tuple[dt.date, dt.date, str]:
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6), "range"
    if unit == "month":
        y, mth = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        return dt.date(y, mth + 1, 1), _month_end(y, mth + 1), "month"
    y = pub.year + step
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def time_expression(text: str, start: int, end: int, published: dt.date | None) -> TimeExpression:
    """A :class:`TimeExpression` for ``text[start:end]``; 'after 2008' opens the interval to ``published``."""
    piece = text[start:end]
    a, b, gran = normalise_date(piece, published)
    before = text[max(0, start - 10) : start]
    if a and _AFTER.search(before):
        a, b, gran = b + dt.timedelta(days=1), published, "range"
    elif b and _BEFORE.search(before):
        a, gran = None, "range"
    return TimeExpression(text=piece, start=start, end=end, date_start=a, date_end=b, granularity=gran)


# --- citations ---------------------------------------------------------------------------------

_PAREN = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
_CITE_DATE = re.compile(
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:\s*(?:[-–,]|and)\s*\d{{1,2}}(?!\d))*(?:,\s*(?:19|20)\d\d)?)\s*$"
)


def find_citations(text: str, published: dt.date | None = None) -> list[Citation]:
    """Every 'Outlet, Month Day' item in parenthesised source lists, e.g. '(Interfax, February 1, 2)'."""
    out: list[Citation] = []
    for paren in _PAREN.finditer(text):
        inner_start = paren.start() + 1
        inner = paren.group()[1:-1]
        pos = 0
        for item in inner.split(";"):
            item_start = inner_start + pos + (len(item) - len(item.lstrip()))
            pos += len(item) + 1
            body = item.strip()
            m = _CITE_DATE.search(body)
            if not m:
                continue
            outlet = body[: m.start()].rstrip(" ,")
            if not outlet or len(outlet) > 120 or not any(c.isalpha() for c in outlet):
                continue
            d_start = item_start + m.start("date")
            d_end = item_start + m.end("date")
            out.append(
                Citation(
                    text=text[item_start : item_start + len(body)],
                    start=item_start,
                    end=item_start + len(body),
                    outlet=outlet,
                    date=time_expression(text, d_start, d_end, published),
                )
            )
    return out


class Normaliser:
    """Fills ``Document.times`` from DATE entities and ``Document.citations``."""

    name = "normalize"
    requires = ("entities",)
    assigns = ("times", "citations")

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Normalise each document."""
        return map(self, docs)

    def __call__(self, doc: Document) -> Document:
        """Normalise one document."""
        doc.citations = find_citations(doc.text, doc.published)
        doc.times = [
            time_expression(doc.text, e.start, e.end, doc.published) for e in doc.entities if e.label == "DATE"
        ]
        return doc
