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

__all__ = [
    "LABEL_COLORS", "STATUS_COLORS", "TEXT_PAIRS", "render", "render_records", "write_report",
]

TEXT = "#1a1a1a"
MUTED = "#555555"
PAGE = "#ffffff"
FOCUS = "#0b4fa3"
LABEL_COLORS: dict[str, str] = {
    "PERSON": "#ffd6a5", "ORG": "#cfe3ff", "GPE": "#c7f0c2", "LOC": "#e6f5b8", "NORP": "#ffe9a8",
    "WEAPON": "#ffc4c4", "ENERGY_ASSET": "#dcccff", "MONEY": "#bff0e8", "QUANTITY": "#e4e4e4",
    "DATE": "#f6d2f0", "MISC": "#eeeeee", "TRIGGER": "#fff0a0", "SOURCE": "#dfe5ec",
}
"""Highlight background of each entity label (and of event triggers and cited sources); text is ``TEXT``."""
STATUS_COLORS: dict[str, str] = {
    "actual": "#1b6e3a", "planned": "#1f4fa3", "proposed": "#6b3fa0", "negated": "#a32020", "alleged": "#7a5200",
}
"""Badge background of each event status; badge text is white."""
TYPE_COLORS: dict[str, str] = {
    "visit": "#2f6fb0", "arms_sale": "#b03030", "energy_investment": "#7a5cc0", "recognition": "#2f8a4a",
}
ERROR_TEXT, ERROR_BG = "#7a1212", "#fdecea"
TEXT_PAIRS: list[tuple[str, str, str]] = [
    ("text", TEXT, PAGE), ("muted", MUTED, PAGE), ("error", ERROR_TEXT, ERROR_BG),
    *((f"highlight {label}", TEXT, bg) for label, bg in LABEL_COLORS.items()),
    *((f"badge {status}", "#ffffff", bg) for status, bg in STATUS_COLORS.items()),
]
"""Every (what, text colour, background colour) pair the page draws text with."""

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


# --------------------------------------------------------------------------------------------- highlights


@dataclass
class _Mark:
    """A highlighted span; ``n`` is its number on the page (``data-m``)."""

    start: int
    end: int
    label: str
    n: int
    titles: list[str]


class _Marks:
    """The highlights of one document, one per (start, end, label), numbered from a page-wide counter."""

    def __init__(self, counter: Iterator[int]) -> None:
        self.counter = counter
        self.by_key: dict[tuple[int, int, str], _Mark] = {}

    def add(self, span: Span, label: str, title: str) -> int:
        key = (span.start, span.end, label)
        mark = self.by_key.get(key)
        if mark is None:
            mark = self.by_key[key] = _Mark(span.start, span.end, label, next(self.counter), [])
        if title not in mark.titles:
            mark.titles.append(title)
        return mark.n


def _escape_text(s: str) -> str:
    """Text for an HTML text node that parses back to ``s`` (CR survives as a reference; NUL cannot)."""
    return escape(s, quote=False).replace("\r", "&#13;").replace("\0", "\ufffd")


def _open(m: _Mark) -> str:
    cls = "trig" if m.label == "TRIGGER" else "src" if m.label == "SOURCE" else "ent"
    title = escape("; ".join(m.titles))
    return f'<mark class="{cls} L-{m.label}" data-m="{m.n}" data-span="{m.start}:{m.end}" title="{title}">'


def _close(m: _Mark, final: bool) -> str:
    tag = f'<i class="t" data-t="{m.label}"></i>' if final and m.label not in ("TRIGGER", "SOURCE") else ""
    return "</mark>" + tag


def _markup(base: int, text: str, marks: Sequence[_Mark]) -> str:
    """``text`` (which starts at offset ``base``) as HTML with nested ``<mark>`` pieces for the marks in it."""
    end = base + len(text)
    starts: dict[int, list[_Mark]] = {}
    for m in sorted(marks, key=lambda m: (m.start, -m.end, m.n)):
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({base, end, *starts, *(m.end for m in marks)})
    out: list[str] = []
    stack: list[_Mark] = []
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
            out.append(_escape_text(text[p - base : bounds[i + 1] - base]))
    return "".join(out)


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
    parts = [f'<span class="chip L-{e.label}">{_escape_text(e.text)}</span>']
    if e.canonical and e.canonical != e.text:
        parts.append(f"= {_escape_text(e.canonical)}")
    if e.id:
        parts.append(f"<code>{escape(e.id)}</code>")
    if e.affiliation:
        parts.append(f'<span class="muted">for</span> <code>{escape(e.affiliation)}</code>')
    notes = [e.label] + (["implicit"] if e.implicit else [])
    parts.append(f'<span class="muted">({", ".join(notes)})</span>')
    return " ".join(parts)


def _source_text(c: Citation) -> str:
    date = f" = {c.date.date_start.isoformat()}" if c.date and c.date.date_start else ""
    return f"{_escape_text(c.outlet)}{date} <span class=\"muted\">(“{_escape_text(c.text)}”)</span>"


def _card(ev: Any, marks: _Marks) -> str:
    targets = [marks.add(ev.trigger, "TRIGGER", f"trigger of {ev.id} ({ev.type})")]
    trigger = f'“{_escape_text(ev.trigger.text)}” <span class="muted">@{ev.trigger.start}</span>'
    rows = [f"<dt>trigger</dt><dd>{trigger}</dd>"]
    if ev.date:
        targets.append(marks.add(ev.date, "DATE", f"date of {ev.id}"))
        rows.append(f"<dt>date</dt><dd>{_escape_text(_date_text(ev))}</dd>")
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
    name = _escape_text(doc.name)
    head = f'<h2><span class="name">{name}</span>'
    if doc.error:
        kind, message = doc.error
        return (
            f'<section class="doc err" data-name="{escape(doc.name)}">{head}</h2>'
            f'<p class="error"><strong>error {escape(kind)}</strong>: {_escape_text(message)}</p></section>'
        )
    marks = _Marks(counter)
    for e in doc.entities:
        marks.add(e, e.label, _entity_title(e))
    cards = [_card(ev, marks) for ev in doc.events]
    facts = [f"published {doc.published}" if doc.published else "publication date unknown",
             f"{len(doc.events)} event{'s' * (len(doc.events) != 1)}"]
    facts += [f"model {doc.model}"] if doc.model else []
    head += f' <span class="muted">{escape(" · ".join(facts))}</span></h2>'
    warnings = "".join(f"<li>{_escape_text(w)}</li>" for w in doc.warnings)
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


def _text_html(doc: _Doc, marks: list[_Mark]) -> str:
    starts = [start for start, _ in doc.runs]
    per_run: list[list[_Mark]] = [[] for _ in doc.runs]
    for m in marks:
        i = bisect_right(starts, m.start) - 1
        if m.end > m.start and i >= 0 and m.end <= starts[i] + len(doc.runs[i][1]):
            per_run[i].append(m)
    if doc.complete:
        return "".join(_markup(base, text, ms) for (base, text), ms in zip(doc.runs, per_run, strict=True))
    note = '<p class="muted">The record has no text: these are the parts its spans cover, at their offsets.</p>'
    return note + "".join(
        f'<p class="run" data-start="{base}"><span class="at" aria-hidden="true">@{base}</span> '
        f'<span class="piece">{_markup(base, text, ms)}</span></p>'
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
        opts = "".join(f'<option value="{escape(v)}">{_escape_text(t)}</option>' for v, t in options)
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


# --------------------------------------------------------------------------------------------- styles and script


def _css() -> str:
    labels = "".join(f".evx .L-{k}{{background:{v}}}" for k, v in LABEL_COLORS.items())
    statuses = "".join(f".evx .S-{k}{{background:{v}}}" for k, v in STATUS_COLORS.items())
    types = "".join(f".evx .T-{k}{{border-left-color:{v}}}" for k, v in TYPE_COLORS.items())
    return (
        f".evx{{font:15px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:{TEXT};background:{PAGE};"
        "max-width:1400px;margin:0 auto;padding:0 1rem}"
        ".evx h1{font-size:1.5rem}.evx h2{font-size:1.15rem;margin:1.5rem 0 .5rem;overflow-wrap:anywhere}"
        ".evx h3{font-size:1rem}"
        f".evx .muted{{color:{MUTED};font-weight:normal}}"
        f".evx .error{{color:{ERROR_TEXT};background:{ERROR_BG};padding:.1rem .4rem;border-radius:4px}}"
        ".evx .doc{border-top:1px solid #bbb;padding-bottom:.5rem}"
        ".evx .cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.25rem;align-items:start}"
        "@media (max-width:800px){.evx .cols{grid-template-columns:minmax(0,1fr)}}"
        ".evx .text{white-space:pre-wrap;overflow-wrap:anywhere;max-height:85vh;overflow:auto;padding:.5rem .75rem;"
        "border:1px solid #ccc;border-radius:6px;line-height:1.9}"
        ".evx .events{max-height:85vh;overflow:auto}"
        ".evx .run{margin:.3rem 0}.evx .at{font-size:.75em;color:" + MUTED + "}"
        ".evx mark{color:inherit;background:none;padding:1px 1px;border-radius:3px}"
        ".evx mark.trig{border-bottom:2px solid #6b5200;font-weight:600}"
        ".evx mark.src{border-bottom:1px dotted #333}"
        ".evx mark.on{outline:2px solid #000;outline-offset:1px}"
        f".evx mark.pin{{outline:3px solid {FOCUS};outline-offset:1px}}"
        f".evx i.t::after{{content:attr(data-t);font:600 .62rem/1 system-ui,sans-serif;font-style:normal;"
        f"color:{TEXT};background:{PAGE};border:1px solid #888;border-radius:3px;padding:0 2px;margin-left:2px;"
        "vertical-align:middle}"
        ".evx .chip{padding:0 .3rem;border-radius:3px}"
        ".evx .legend{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0}"
        ".evx .card{border:1px solid #bbb;border-left:6px solid #888;border-radius:6px;padding:.4rem .7rem;"
        "margin:0 0 .6rem;cursor:pointer}"
        f".evx .card.pinned{{box-shadow:0 0 0 3px {FOCUS}}}"
        ".evx .card header{display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline}"
        ".evx .card dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .7rem;margin:.3rem 0}"
        ".evx .card dt{font-weight:600}.evx .card dd{margin:0}.evx .card ul{margin:0;padding-left:1rem}"
        ".evx .badge{color:#fff;border-radius:9px;padding:0 .5rem;font-size:.85em}"
        f".evx .markbtn{{margin-left:auto;font:inherit;font-size:.8em;color:{TEXT};background:{PAGE};"
        "border:1px solid #888;border-radius:4px;cursor:pointer}"
        f".evx :focus-visible{{outline:3px solid {FOCUS};outline-offset:2px}}"
        ".evx .counts{border-collapse:collapse;margin:.5rem 0}"
        ".evx .counts th,.evx .counts td{border:1px solid #bbb;padding:.15rem .5rem;text-align:right}"
        ".evx .counts caption,.evx .counts th[scope=row]{text-align:left;font-weight:600}"
        ".evx .filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;margin:.75rem 0;"
        "position:sticky;top:0;background:" + PAGE + ";padding:.4rem 0;z-index:1}"
        ".evx .filters label{font-weight:600}.evx [hidden]{display:none!important}"
        + labels + statuses + types
    )


_SCRIPT = """(function(root){if(!root)return;
var all=function(sel,el){return Array.prototype.slice.call((el||root).querySelectorAll(sel));};
var marksOf=function(card){return card.dataset.marks.split(' ').reduce(function(acc,n){
 return acc.concat(all('mark[data-m="'+n+'"]'));},[]);};
var set=function(card,cls,on){marksOf(card).forEach(function(m){m.classList.toggle(cls,on);});};
var pin=function(card){var on=!card.classList.contains('pinned');card.classList.toggle('pinned',on);
 card.querySelector('button.markbtn').setAttribute('aria-pressed',String(on));
 all('mark.pin').forEach(function(m){m.classList.remove('pin');});
 all('.card.pinned').forEach(function(c){set(c,'pin',true);});
 var first=marksOf(card)[0];if(on&&first)first.scrollIntoView({block:'nearest'});};
all('.card').forEach(function(card){
 card.addEventListener('mouseenter',function(){set(card,'on',true);});
 card.addEventListener('mouseleave',function(){set(card,'on',false);});
 card.addEventListener('focusin',function(){set(card,'on',true);});
 card.addEventListener('focusout',function(){set(card,'on',false);});
 card.addEventListener('click',function(){pin(card);});});
var f={};all('[data-filter]').forEach(function(el){f[el.dataset.filter]=el;
 el.addEventListener('input',apply);el.addEventListener('change',apply);});
function apply(){var t=f.type.value,s=f.status.value,c=f.country.value,q=f.q.value.trim().toLowerCase();
 var active=t||s||c||q,shown=0;
 all('.doc').forEach(function(doc){var k=0;
  if(doc._text===undefined)doc._text=(doc.dataset.name+' '+(doc.querySelector('.text')||doc).textContent).toLowerCase();
  all('.card',doc).forEach(function(card){
   var ok=(!t||card.dataset.type===t)&&(!s||card.dataset.status===s)
    &&(!c||(' '+card.dataset.countries+' ').indexOf(' '+c+' ')>=0)
    &&(!q||doc._text.indexOf(q)>=0||card.textContent.toLowerCase().indexOf(q)>=0);
   card.hidden=!ok;k+=ok?1:0;});
  doc.hidden=!!active&&!k;shown+=k;});
 root.querySelector('.shown').textContent=shown+' events shown';}
})(document.currentScript&&document.currentScript.parentElement);"""


# --------------------------------------------------------------------------------------------- pages


def _page(docs: Sequence[_Doc], title: str, fragment: bool) -> str:
    counter = count(1)
    many = len(docs) > 1 or any(not d.complete for d in docs)
    body = (
        f"<h1>{_escape_text(title)}</h1>"
        + (_summary(docs) if many else "")
        + _legend(docs)
        + "".join(_section(d, counter) for d in docs)
    )
    root = f'<div class="evx"><style>{_css()}</style>{body}<script>{_SCRIPT}</script></div>'
    if fragment:
        return root
    csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_escape_text(title)}</title></head><body>{root}</body></html>\n"
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
