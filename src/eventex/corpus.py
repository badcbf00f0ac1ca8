"""The annotated corpus: gold documents, the authoring markup, loading and validation."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eventex.errors import CorpusError
from eventex.schema import ENTITY_LABELS, EVENT_TYPES, Entity, EventType, Span, Status, event_roles

Split = Literal["train", "dev", "test"]


class GoldMention(Entity):
    """An annotated entity mention; ``mid`` is its handle within the document."""

    mid: str


class GoldArgument(BaseModel):
    """A role filled by a mention (``implicit`` when the filler is inferred from that mention)."""

    model_config = ConfigDict(extra="forbid")
    role: str
    mention: str
    implicit: bool = False
    id: str | None = Field(
        default=None,
        description="For an implicit filler known from world knowledge: the state it names (e.g. the maker state "
        "of a weapon, the host state of a field), overriding the mention's own id.",
    )


class GoldEvent(BaseModel):
    """An annotated event: one per real-world event; roles point at mentions."""

    model_config = ConfigDict(extra="forbid")
    id: str
    type: EventType
    status: Status
    trigger: Span
    date: str | None = Field(default=None, description="mid of the DATE mention giving the event's time")
    arguments: list[GoldArgument] = Field(default_factory=list)


class GoldDocument(BaseModel):
    """One annotated article: a line of ``corpora/*.jsonl``."""

    model_config = ConfigDict(extra="forbid")
    id: str
    split: Split
    published: dt.date | None = None
    title: str | None = None
    hard_negative: bool = False
    genre: str | None = Field(default=None, description="writing style: monitor analysis, wire brief, readout, …")
    text: str
    mentions: list[GoldMention] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    notes: str | None = None

    def mention(self, mid: str) -> GoldMention:
        """The mention with handle ``mid``."""
        for m in self.mentions:
            if m.mid == mid:
                return m
        raise KeyError(mid)


@dataclass(frozen=True)
class Problem:
    """One problem found by :func:`validate`: where (line, field) and what."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


ID_RE = re.compile(r"^[A-Z]{3}$")


def check_document(doc: GoldDocument) -> list[tuple[str, str]]:
    """Semantic checks beyond the types: offsets, references, roles. Returns (field, message) pairs."""
    errs: list[tuple[str, str]] = []
    text = doc.text
    mids: dict[str, GoldMention] = {}
    for i, m in enumerate(doc.mentions):
        where = f"mentions.{i}"
        if m.end > len(text) or text[m.start : m.end] != m.text:
            errs.append((f"{where}.text", f"{m.text!r} != text[{m.start}:{m.end}] = {text[m.start:m.end]!r}"))
        if m.text != m.text.strip() or not m.text:
            errs.append((f"{where}.text", f"span {m.text!r} is empty or has outer whitespace"))
        if m.mid in mids:
            errs.append((f"{where}.mid", f"duplicate mention handle {m.mid!r}"))
        mids[m.mid] = m
        if m.id is not None and not ID_RE.match(m.id):
            errs.append((f"{where}.id", f"id {m.id!r} is not a 3-letter upper-case code"))
    seen_spans: set[tuple[int, int, str]] = set()
    for i, m in enumerate(doc.mentions):
        key = (m.start, m.end, m.label)
        if key in seen_spans:
            errs.append((f"mentions.{i}", f"duplicate mention {m.text!r} at {m.start}"))
        seen_spans.add(key)
    for i, ev in enumerate(doc.events):
        where = f"events.{i}"
        t = ev.trigger
        if t.end > len(text) or text[t.start : t.end] != t.text:
            errs.append((f"{where}.trigger", f"{t.text!r} != text[{t.start}:{t.end}]"))
        if ev.date is not None:
            if ev.date not in mids:
                errs.append((f"{where}.date", f"unknown mention {ev.date!r}"))
            elif mids[ev.date].label != "DATE":
                errs.append((f"{where}.date", f"mention {ev.date!r} is {mids[ev.date].label}, not DATE"))
        roles = event_roles(ev.type)
        counts: dict[str, int] = {}
        for j, arg in enumerate(ev.arguments):
            if arg.role not in roles:
                errs.append((f"{where}.arguments.{j}.role", f"{arg.role!r} is not a role of {ev.type}"))
                continue
            if arg.mention not in mids:
                errs.append((f"{where}.arguments.{j}.mention", f"unknown mention {arg.mention!r}"))
            if arg.id is not None and (not arg.implicit or not ID_RE.match(arg.id)):
                errs.append((f"{where}.arguments.{j}.id", f"id {arg.id!r} needs an implicit filler and 3 capitals"))
            counts[arg.role] = counts.get(arg.role, 0) + 1
        for role, n in counts.items():
            if n > 1 and not roles[role]:
                errs.append((f"{where}.arguments", f"role {role!r} takes one filler, got {n}"))
    if doc.hard_negative and doc.events:
        errs.append(("events", "a hard-negative document has events"))
    return errs


def validate(path: str | Path) -> list[Problem]:
    """Every error in a JSONL corpus file, with its line and field."""
    path = Path(path)
    errors: list[Problem] = []
    ids: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = GoldDocument.model_validate_json(line)
            except ValidationError as e:
                for err in e.errors():
                    loc = ".".join(str(p) for p in err["loc"]) or "<line>"
                    errors.append(Problem(str(path), lineno, loc, err["msg"]))
                continue
            if doc.id in ids:
                errors.append(Problem(str(path), lineno, "id", f"duplicate document id {doc.id!r}"))
            ids.add(doc.id)
            errors.extend(Problem(str(path), lineno, f, m) for f, m in check_document(doc))
    return errors


def load(path: str | Path) -> list[GoldDocument]:
    """Load a JSONL corpus file (or every ``*.jsonl`` in a directory) into gold documents."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    docs = []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            try:
                docs.extend(GoldDocument.model_validate_json(line) for line in fh if line.strip())
            except ValidationError as e:
                raise CorpusError(str(e)) from e
    return docs


# --- authoring markup -------------------------------------------------------------------------

_TAG_RE = re.compile(r"\{([A-Z_]+)(?:=([A-Z]{3}))?(?:\s+#([\w-]+))?\}")
_SEP = "==="


class MarkupError(CorpusError):
    """A problem in an authoring file, with its line number."""


def _strip_markup(body: str, line0: int) -> tuple[str, list[tuple[int, int, str, str | None, str | None]]]:
    """Remove ``[text]{LABEL=ID #handle}`` markup; return plain text and (start, end, label, id, handle)."""
    out: list[str] = []
    pos = 0
    stack: list[tuple[int, int]] = []  # (plain offset, source line)
    spans = []
    i = 0
    line = line0
    while i < len(body):
        ch = body[i]
        if ch == "\n":
            line += 1
        if ch == "[":
            stack.append((pos, line))
            i += 1
            continue
        if ch == "]":
            m = _TAG_RE.match(body, i + 1)
            if not m or not stack:
                raise MarkupError(f"line {line}: ']' without a matching '[' and a {{LABEL}} tag")
            start, _ = stack.pop()
            spans.append((start, pos, m.group(1), m.group(2), m.group(3)))
            i = m.end()
            continue
        if ch in "{}":
            raise MarkupError(f"line {line}: stray {ch!r}")
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        raise MarkupError(f"line {stack[-1][1]}: '[' never closed")
    return "".join(out), spans


def parse_markup(source: str, *, name: str = "<markup>") -> GoldDocument:
    """Parse an authoring file (header, ``===``, marked-up text, ``===``, event lines)."""
    parts = source.split(f"\n{_SEP}\n")
    if len(parts) != 3:
        raise MarkupError(f"{name}: expected header, text and events separated by lines '{_SEP}'")
    header_src, body, events_src = parts
    header: dict[str, str] = {}
    for ln in header_src.splitlines():
        if ln.strip():
            key, _, value = ln.partition(":")
            header[key.strip()] = value.strip()
    body_line0 = header_src.count("\n") + 3
    text, raw = _strip_markup(body.strip("\n"), body_line0 + len(body) - len(body.lstrip("\n")))
    mentions: list[GoldMention] = []
    triggers: dict[str, Span] = {}
    auto = 0
    for start, end, label, kb, handle in raw:
        piece = text[start:end]
        if label == "TRIGGER":
            if not handle:
                raise MarkupError(f"{name}: trigger {piece!r} has no #handle")
            triggers[handle] = Span(text=piece, start=start, end=end)
            continue
        if label not in ENTITY_LABELS:
            raise MarkupError(f"{name}: unknown label {label!r} on {piece!r}")
        auto += 1
        mentions.append(
            GoldMention(text=piece, start=start, end=end, label=label, id=kb, mid=handle or f"m{auto}")
        )
    mentions.sort(key=lambda m: (m.start, m.end))
    events: list[GoldEvent] = []
    ev_line0 = header_src.count("\n") + body.count("\n") + 5
    for k, ln in enumerate(events_src.splitlines()):
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        toks = ln.split()
        if len(toks) < 3:
            raise MarkupError(f"{name}: line {ev_line0 + k}: event needs 'ID TYPE STATUS key=value…'")
        ev_id, ev_type, status, *kvs = toks
        if ev_type not in EVENT_TYPES:
            raise MarkupError(f"{name}: line {ev_line0 + k}: unknown event type {ev_type!r}")
        trig = date = None
        args: list[GoldArgument] = []
        for kv in kvs:
            key, _, val = kv.partition("=")
            handles = [h.strip() for h in val.split(",") if h.strip()]
            if key == "trigger":
                if not handles or handles[0].lstrip("#") not in triggers:
                    raise MarkupError(f"{name}: line {ev_line0 + k}: unknown trigger {val!r}")
                trig = triggers[handles[0].lstrip("#")]
            elif key == "date":
                date = handles[0].lstrip("#") if handles else None
            else:
                for h in handles:
                    implicit = h.startswith("~")
                    handle, _, kb = h.lstrip("~#").partition("=")
                    if kb and not implicit:
                        raise MarkupError(f"{name}: line {ev_line0 + k}: only implicit fillers take an id: {h!r}")
                    args.append(GoldArgument(role=key, mention=handle, implicit=implicit, id=kb or None))
        if trig is None:
            raise MarkupError(f"{name}: line {ev_line0 + k}: event {ev_id} has no trigger")
        events.append(
            GoldEvent(id=ev_id, type=ev_type, status=status, trigger=trig, date=date, arguments=args)
        )
    return GoldDocument(
        id=header.get("id", name),
        split=header.get("split", "train"),
        published=header.get("published") or None,
        title=header.get("title"),
        hard_negative=header.get("hard_negative", "false").lower() == "true",
        notes=header.get("notes"),
        genre=header.get("genre"),
        text=text,
        mentions=mentions,
        events=events,
    )


def iter_markup(directory: str | Path) -> Iterator[tuple[Path, GoldDocument]]:
    """Parse every ``*.txt`` authoring file under ``directory`` (MarkupError on a bad one)."""
    for f in sorted(Path(directory).glob("*.txt")):
        try:
            doc = parse_markup(f.read_text(encoding="utf-8"), name=f.name)
        except ValidationError as e:
            raise MarkupError(str(e)) from e
        yield f, doc


def build(directory: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write ``train/dev/test.jsonl`` from the authoring files; returns documents per split."""
    out_dir = Path(out_dir)
    by_split: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for path, doc in iter_markup(directory):
        problems = check_document(doc)
        if problems:
            raise MarkupError("; ".join(f"{path.name}: {f}: {m}" for f, m in problems))
        by_split[doc.split].append(dumps(doc))
    for split, lines in by_split.items():
        (out_dir / f"{split}.jsonl").write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return {k: len(v) for k, v in by_split.items()}


def dumps(doc: GoldDocument) -> str:
    """One JSONL line for ``doc``."""
    return json.dumps(doc.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


def add_cli(sub) -> None:
    """Register ``eventex build-corpus`` and ``eventex validate-corpus``."""
    b = sub.add_parser("build-corpus", help="compile corpora/src/*.txt authoring files into split JSONL files")
    b.add_argument("src", help="directory of authoring files")
    b.add_argument("out", help="directory for train/dev/test.jsonl")
    b.set_defaults(func=_cmd_build)
    v = sub.add_parser("validate-corpus", help="check offsets, labels, roles, references and statuses")
    v.add_argument("paths", nargs="+", help="JSONL corpus files")
    v.set_defaults(func=_cmd_validate)


def _cmd_build(args) -> int:
    counts = build(args.src, args.out)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


def _cmd_validate(args) -> int:
    import sys

    n_err = 0
    for p in args.paths:
        errs = validate(p)
        for e in errs:
            print(e, file=sys.stderr)
        n_err += len(errs)
        if not errs:
            print(f"{p}: ok")
    return 1 if n_err else 0
