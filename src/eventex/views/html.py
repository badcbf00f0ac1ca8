"""Results as one self-contained HTML page: the text with its entities highlighted, one card per event.

The page loads nothing (inline CSS and a short script; a Content-Security-Policy forbids any request).
Hovering, focusing or clicking an event card marks its trigger, date, role fillers and sources in the text.
Highlights use exact offsets: the text of every highlight is ``text[start:end]``; overlapping spans are split
into nested pieces that share a ``data-m`` number, so the pieces of one span, read in order, spell its text.

A page for many documents (:func:`render` of a list, :func:`render_records` / :func:`write_report` of the JSONL
records that ``eventex extract -o`` writes) adds counts per type and status, filters by type, status and
country, and a search box. Records carry no text: their page shows the pieces of the text that the record's
spans cover (evidence sentences, fillers, entities with ``--entities``), at their offsets.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import count
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from eventex.errors import InputError, MissingFileError
from eventex.schema import (
    ENTITY_LABELS,
    EVENT_TYPES,
    STATUSES,
    Citation,
    Entity,
    Event,
    Extraction,
    Span,
    event_roles,
)
from eventex.views.marks import Mark, Marks, escape_text, markup
from eventex.views.style import LABEL_COLORS, SCRIPT, STATUS_COLORS, TEXT_PAIRS, css

__all__ = [
    "LABEL_COLORS", "STATUS_COLORS", "TEXT_PAIRS", "render", "render_records", "write_report",
]

TYPE_NAMES = {"visit": "Visit", "arms_sale": "Arms sale", "energy_investment": "Energy investment",
              "recognition": "Recognition"}
_COUNTRY_ID = re.compile(r"[A-Z]{3}")
_EVENT = TypeAdapter(Event)


# --------------------------------------------------------------------------------------------- documents


@dataclass
class _Doc:
    """One document as the page shows it: pieces of its text at their offsets, entities, events."""

    name: str
    runs: list[tuple[int, str]]
    complete: bool = True
    published: str | None = None
    entities: list[Entity] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    model: str | None = None
    error: tuple[str, str] | None = None


def _from_extraction(ex: Extraction, name: str) -> _Doc:
    return _Doc(
        name=name, runs=[(0, ex.text)], published=ex.published.isoformat() if ex.published else None,
        entities=list(ex.entities), events=list(ex.events), model=ex.meta.model,
        warnings=[f"not read: characters {u.start}-{u.end}: {u.reason}" for u in ex.meta.unread],
    )


def _from_record(rec: object, where: str) -> _Doc:
    """A document from one record of ``eventex extract``'s JSONL output; ValueError for anything else."""
    if not isinstance(rec, dict):
        raise InputError(f"{where}: a record is a JSON object, got {type(rec).__name__}")
    if "doc_id" in rec:
        raise InputError(f"{where}: a flat row (extract --flat); the report reads records: run extract without --flat")
    name = str(rec.get("id", where))
    if "error" in rec:
        return _Doc(name=name, runs=[], error=(str(rec["error"]), str(rec.get("message", ""))))
    if not isinstance(rec.get("events"), list):
        raise InputError(f"{where}: not an eventex record (no 'events' list and no 'error')")
    try:
        events = [_EVENT.validate_python(e) for e in rec["events"]]
        entities = [Entity.model_validate(e) for e in rec.get("entities") or []]
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise InputError(f"{where}: invalid event or entity ({loc}: {first['msg']})") from None
    spans: list[Span] = list(entities)
    for ev in events:
        spans += _event_spans(ev)
    return _Doc(
        name=name, runs=_runs(spans), complete=False, published=rec.get("published"), entities=entities,
        events=events, warnings=[str(w) for w in rec.get("warnings") or []],
    )


def _event_spans(ev: Any) -> list[Span]:
    spans: list[Span] = [ev.trigger, *ev.evidence, *_fillers(ev).values()]
    spans += [ev.date] if ev.date else []
    for c in ev.sources:
        spans += [c, c.date] if c.date else [c]
    return spans


def _fillers(ev: Any) -> dict[tuple[str, int], Entity]:
    """The role fillers of an event, keyed by (role, position in the role)."""
    out = {}
    for role, many in event_roles(ev.type).items():
        value = getattr(ev, role)
        for i, e in enumerate(value if many else [value] if value else []):
            out[role, i] = e
    return out


def _runs(spans: Iterable[Span]) -> list[tuple[int, str]]:
    """The stretches of text that the spans cover, joined where they touch or overlap, in order."""
    runs: list[tuple[int, str]] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if runs and s.start <= runs[-1][0] + len(runs[-1][1]):
            start, text = runs[-1]
            end = start + len(text)
            if s.end > end:
                runs[-1] = (start, text + s.text[end - s.start :])
        elif s.end > s.start:
            runs.append((s.start, s.text))
    return runs


def _entity_title(e: Entity) -> str:
    who = e.canonical if e.canonical and e.canonical != e.text else ""
    ids = ", ".join(x for x in (e.id, e.affiliation and f"for {e.affiliation}") if x)
    return " ".join(x for x in (f"{e.label}:", who, f"[{ids}]" if ids else "", "(implicit)" if e.implicit else "") if x)


# --------------------------------------------------------------------------------------------- page parts


def _date_text(ev: Any) -> str:
    d = ev.date
    ends = sorted({x.isoformat() for x in (d.date_start, d.date_end) if x})
    return f"“{d.text}” = {'..'.join(ends) or 'unresolved'} ({d.granularity})"


def _filler_html(e: Entity) -> str:
    parts = [f'<span class="chip L-{e.label}">{escape_text(e.text)}</span>']
    if e.canonical and e.canonical != e.text:
        parts.append(f"= {escape_text(e.canonical)}")
    if e.id:
        parts.append(f"<code>{escape(e.id)}</code>")
    if e.affiliation:
        parts.append(f'<span class="muted">for</span> <code>{escape(e.affiliation)}</code>')
    notes = [e.label] + (["implicit"] if e.implicit else [])
    parts.append(f'<span class="muted">({", ".join(notes)})</span>')
    return " ".join(parts)


def _source_text(c: Citation) -> str:
    date = f" = {c.date.date_start.isoformat()}" if c.date and c.date.date_start else ""
    return f"{escape_text(c.outlet)}{date} <span class=\"muted\">(“{escape_text(c.text)}”)</span>"


def _card(ev: Any, marks: Marks) -> str:
    targets = [marks.add(ev.trigger, "TRIGGER", f"trigger of {ev.id} ({ev.type})")]
    trigger = f'“{escape_text(ev.trigger.text)}” <span class="muted">@{ev.trigger.start}</span>'
    rows = [f"<dt>trigger</dt><dd>{trigger}</dd>"]
    if ev.date:
        targets.append(marks.add(ev.date, "DATE", f"date of {ev.id}"))
        rows.append(f"<dt>date</dt><dd>{escape_text(_date_text(ev))}</dd>")
    countries: set[str] = set()
    fillers = _fillers(ev)
    for role in event_roles(ev.type):
        values = [e for (r, _), e in fillers.items() if r == role]
        if not values:
            continue
        for e in values:
            targets.append(marks.add(e, e.label, _entity_title(e)))
            countries |= {x for x in (e.id, e.affiliation) if x and _COUNTRY_ID.fullmatch(x)}
        items = "".join(f"<li>{_filler_html(e)}</li>" for e in values)
        rows.append(f"<dt>{role.replace('_', ' ')}</dt><dd><ul>{items}</ul></dd>")
    if ev.sources:
        for c in ev.sources:
            targets.append(marks.add(c, "SOURCE", f"source: {c.outlet}"))
        items = "".join(f"<li>{_source_text(c)}</li>" for c in ev.sources)
        rows.append(f"<dt>sources</dt><dd><ul>{items}</ul></dd>")
    label = f"{TYPE_NAMES[ev.type]} event {ev.id}, {ev.status}"
    attrs = (
        f'class="card T-{ev.type}" data-event="{escape(ev.id)}" data-type="{ev.type}" data-status="{ev.status}" '
        f'data-countries="{" ".join(sorted(countries))}" data-marks="{" ".join(map(str, dict.fromkeys(targets)))}" '
        f'aria-label="{escape(label)}"'
    )
    return (
        f"<article {attrs}><header><strong>{TYPE_NAMES[ev.type]}</strong> "
        f'<span class="badge S-{ev.status}">{ev.status}</span> '
        f'<span class="muted" title="confidence">{ev.confidence:.2f}</span> <code class="muted">{escape(ev.id)}</code> '
        f'<button type="button" class="markbtn" aria-pressed="false">mark in text</button></header>'
        f"<dl>{''.join(rows)}</dl></article>"
    )


def _section(doc: _Doc, counter: Iterator[int]) -> str:
    name = escape_text(doc.name)
    head = f'<h2><span class="name">{name}</span>'
    if doc.error:
        kind, message = doc.error
        return (
            f'<section class="doc err" data-name="{escape(doc.name)}">{head}</h2>'
            f'<p class="error"><strong>error {escape(kind)}</strong>: {escape_text(message)}</p></section>'
        )
    marks = Marks(counter)
    for e in doc.entities:
        marks.add(e, e.label, _entity_title(e))
    cards = [_card(ev, marks) for ev in doc.events]
    facts = [f"published {doc.published}" if doc.published else "publication date unknown",
             f"{len(doc.events)} event{'s' * (len(doc.events) != 1)}"]
    facts += [f"model {doc.model}"] if doc.model else []
    head += f' <span class="muted">{escape(" · ".join(facts))}</span></h2>'
    warnings = "".join(f"<li>{escape_text(w)}</li>" for w in doc.warnings)
    texts = _text_html(doc, list(marks.by_key.values()))
    sources = {(c.start, c.end): c for ev in doc.events for c in ev.sources}
    source_list = "".join(f"<li>{_source_text(c)}</li>" for _, c in sorted(sources.items()))
    return (
        f'<section class="doc" data-name="{escape(doc.name)}">{head}'
        + (f'<ul class="warn" aria-label="warnings">{warnings}</ul>' if warnings else "")
        + f'<div class="cols"><div class="text" role="region" tabindex="0" aria-label="text of {escape(doc.name)}">'
        f"{texts}</div>"
        f'<div class="events" role="region" aria-label="events of {escape(doc.name)}">'
        + ("".join(cards) or '<p class="muted">No events found.</p>')
        + "</div></div>"
        + (f'<div class="sources"><h3>Sources cited</h3><ul>{source_list}</ul></div>' if source_list else "")
        + "</section>"
    )


def _text_html(doc: _Doc, marks: list[Mark]) -> str:
    starts = [start for start, _ in doc.runs]
    per_run: list[list[Mark]] = [[] for _ in doc.runs]
    for m in marks:
        i = bisect_right(starts, m.start) - 1
        if m.end > m.start and i >= 0 and m.end <= starts[i] + len(doc.runs[i][1]):
            per_run[i].append(m)
    if doc.complete:
        return "".join(markup(base, text, ms) for (base, text), ms in zip(doc.runs, per_run, strict=True))
    note = '<p class="muted">The record has no text: these are the parts its spans cover, at their offsets.</p>'
    return note + "".join(
        f'<p class="run" data-start="{base}"><span class="at" aria-hidden="true">@{base}</span> '
        f'<span class="piece">{markup(base, text, ms)}</span></p>'
        for (base, text), ms in zip(doc.runs, per_run, strict=True)
    )


def _legend(docs: Sequence[_Doc]) -> str:
    used = {e.label for d in docs for e in d.entities} | {
        e.label for d in docs for ev in d.events for e in _fillers(ev).values()
    }
    used |= {"TRIGGER"} if any(d.events for d in docs) else set()
    used |= {"DATE"} if any(ev.date for d in docs for ev in d.events) else set()
    used |= {"SOURCE"} if any(ev.sources for d in docs for ev in d.events) else set()
    names = {"TRIGGER": "event trigger", "SOURCE": "cited source"}
    items = "".join(
        f'<li><span class="chip L-{label}">{names.get(label, label)}</span></li>'
        for label in (*ENTITY_LABELS, "TRIGGER", "SOURCE") if label in used
    )
    return f'<ul class="legend" aria-label="highlight colours">{items}</ul>' if items else ""


def _summary(docs: Sequence[_Doc]) -> str:
    events = [ev for d in docs for ev in d.events]
    failed = sum(d.error is not None for d in docs)
    counts = Counter((ev.type, ev.status) for ev in events)
    head = "".join(f'<th scope="col">{s}</th>' for s in STATUSES)
    rows = "".join(
        f'<tr><th scope="row">{TYPE_NAMES[t]}</th>'
        + "".join(f"<td>{counts[t, s]}</td>" for s in STATUSES)
        + f"<td>{sum(counts[t, s] for s in STATUSES)}</td></tr>"
        for t in EVENT_TYPES
    )
    totals = "".join(f"<td>{sum(counts[t, s] for t in EVENT_TYPES)}</td>" for s in STATUSES)
    countries: dict[str, str] = {}  # id → name (a state's canonical name where a GPE filler gives it)
    for ev in events:
        for e in _fillers(ev).values():
            for x in (e.id, e.affiliation):
                if x and _COUNTRY_ID.fullmatch(x):
                    named = e.canonical if x == e.id and e.label == "GPE" and e.canonical else None
                    if named or x not in countries:
                        countries[x] = named or x

    def select(key: str, label: str, options: Iterable[tuple[str, str]]) -> str:
        opts = "".join(f'<option value="{escape(v)}">{escape_text(t)}</option>' for v, t in options)
        return (f'<label for="f-{key}">{label}</label>'
                f'<select id="f-{key}" data-filter="{key}"><option value="">all</option>{opts}</select>')

    filters = (
        '<form class="filters" role="search" aria-label="filter events" onsubmit="return false">'
        + select("type", "Type", ((t, TYPE_NAMES[t]) for t in EVENT_TYPES))
        + select("status", "Status", ((s, s) for s in STATUSES))
        + select("country", "Country", ((k, f"{v} ({k})" if v != k else k) for k, v in sorted(countries.items())))
        + '<label for="f-q">Search</label><input id="f-q" type="search" data-filter="q" '
        'placeholder="words in the text or the events">'
        f'<output class="shown" aria-live="polite">{len(events)} events shown</output></form>'
    )
    return (
        f'<p class="totals">{len(docs)} documents, {len(events)} events'
        + (f', <span class="error">{failed} failed</span>' if failed else "")
        + "</p>"
        f'<table class="counts"><caption>Events per type and status</caption><thead><tr><th scope="col">type</th>'
        f'{head}<th scope="col">total</th></tr></thead><tbody>{rows}</tbody>'
        f'<tfoot><tr><th scope="row">total</th>{totals}<td>{len(events)}</td></tr></tfoot></table>'
        + filters
    )


# --------------------------------------------------------------------------------------------- pages


def _page(docs: Sequence[_Doc], title: str, fragment: bool) -> str:
    counter = count(1)
    many = len(docs) > 1 or any(not d.complete for d in docs)
    body = (
        f"<h1>{escape_text(title)}</h1>"
        + (_summary(docs) if many else "")
        + _legend(docs)
        + "".join(_section(d, counter) for d in docs)
    )
    root = f'<div class="evx"><style>{css()}</style>{body}<script>{SCRIPT}</script></div>'
    if fragment:
        return root
    csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape_text(title)}</title></head><body>{root}</body></html>\n"
    )


def render(
    results: Extraction | Sequence[Extraction],
    *,
    names: Sequence[str] | None = None,
    title: str | None = None,
    fragment: bool = False,
) -> str:
    """One self-contained HTML page for one result or a list of them (with counts, filters and search).

    ``names`` label the documents (default "document 1", …); ``fragment`` gives a ``<div>`` to embed (Jupyter)
    instead of a whole page.
    """
    items = [results] if isinstance(results, Extraction) else list(results)
    bad = next((x for x in items if not isinstance(x, Extraction)), None)
    if bad is not None or isinstance(results, str | bytes):
        wrong = results if bad is None else bad
        raise TypeError(f"render takes an Extraction or a list of them, got {type(wrong).__name__}")
    names = list(names) if names is not None else [f"document {i}" for i in range(1, len(items) + 1)]
    if len(names) != len(items):
        raise ValueError(f"{len(names)} names for {len(items)} results")
    docs = [_from_extraction(ex, name) for ex, name in zip(items, names, strict=True)]
    default = "eventex: " + (f"{len(docs)} documents" if len(docs) != 1 else "events")
    return _page(docs, title or default, fragment)


def render_records(records: Iterable[dict[str, Any]], *, title: str = "eventex report") -> str:
    """The report page for records as ``eventex extract -o FILE.jsonl`` writes them (error records included)."""
    return _records_page(((f"record {n}", rec) for n, rec in enumerate(records, 1)), title)


def _records_page(records: Iterable[tuple[str, object]], title: str) -> str:
    return _page([_from_record(rec, where) for where, rec in records], title, fragment=False)


def _read_records(path: Path) -> list[tuple[str, object]]:
    """(``path:line``, record) for every non-blank line of a JSONL results file."""
    out = []
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                out.append((f"{path}:{n}", json.loads(raw.decode("utf-8"))))
            except UnicodeDecodeError as e:
                raise InputError(f"{path}:{n}: not UTF-8 (byte 0x{e.object[e.start]:02x})") from None
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: not JSON ({e.msg}); the report reads extract's JSONL output") from None
    if not out:
        raise InputError(f"{path}: no records; the report reads extract's JSONL output")
    return out


def write_report(records_path: str | Path, out_path: str | Path, *, title: str | None = None) -> int:
    """Write the HTML report of a JSONL results file (``eventex extract -o``) to ``out_path``; returns the
    number of documents."""
    src = Path(records_path)
    if src.suffix.lower() == ".parquet":
        raise InputError(f"{src}: the report reads JSONL results (extract -o FILE.jsonl), not Parquet")
    if src.is_dir():
        raise InputError(f"{src}: is a directory; the report reads one results file (extract -o FILE.jsonl)")
    if not src.is_file():
        raise MissingFileError(f"no such results file: {src}")
    records = _read_records(src)
    Path(out_path).write_text(_records_page(records, title or f"eventex report: {src.name}"), encoding="utf-8")
    return len(records)
