"""Gold documents: the corpus line models, their semantic checks, validation and loading of JSONL files."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eventex.errors import CorpusError
from eventex.schema import Entity, EventType, Span, Status, event_roles

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
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    docs.append(GoldDocument.model_validate_json(line))
                except ValidationError as e:
                    err = e.errors()[0]
                    field = ".".join(str(p) for p in err["loc"]) or "<line>"
                    raise CorpusError(f"{f}:{n}: {field}: {err['msg']} (validate-corpus lists every problem)") from e
    return docs


def dumps(doc: GoldDocument) -> str:
    """One JSONL line for ``doc``."""
    return json.dumps(doc.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
