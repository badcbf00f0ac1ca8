"""brat standoff (``.txt``/``.ann`` pairs) ↔ gold documents.

Per document ``ID.txt`` (the text) and ``ID.ann``: a ``T`` line per mention (its entity label) and per event
trigger (its event type); an ``E`` line per event with its roles (``buyer``, ``buyer2`` … for more fillers of one
role) and ``date`` for its DATE mention; ``A`` lines ``Status`` (events), ``Implicit`` and ``Confidence``
(mentions); ``N`` lines ``Reference T iso3:ID`` and ``Reference T affiliation:ID``; an ``AnnotatorNotes`` note
``canonical: NAME`` on a mention and ``implicit: ROLE ROLE2=ISO3 …`` on an event (its inferred fillers, with
the state they stand for by world knowledge). The directory's ``documents.jsonl`` keeps what brat has no place
for: document fields, mention handles and event ids (documents missing there get defaults). ``annotation.conf``
declares the types for the brat server.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from eventex.corpus.gold import GoldDocument
from eventex.corpus.interchange import DATE_ROLE, META_FIELDS, Unmapped, finish_document, span_problem
from eventex.errors import InputError, MissingFileError, not_utf8
from eventex.schema import ENTITY_LABELS, EVENT_TYPES, STATUSES, event_roles

SIDECAR = "documents.jsonl"
_SLOT = re.compile(r"([a-z_]+?)(\d*)")
_NORMS = {"iso3": "id", "affiliation": "affiliation"}


def annotation_conf() -> str:
    """The brat ``annotation.conf`` for eventex documents."""
    events = []
    for t in EVENT_TYPES:
        roles = [f"{r}{'*' if many else '?'}:<ENTITY>" for r, many in event_roles(t).items()]
        events.append(f"{t}\t{', '.join([*roles, f'{DATE_ROLE}?:DATE'])}")
    return "\n".join([
        "[entities]", *ENTITY_LABELS, "", "[relations]", "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "",
        "[events]", *events, "", "[attributes]", f"Status\tArg:<EVENT>, Value:{'|'.join(STATUSES)}",
        "Implicit\tArg:<ENTITY>", "Confidence\tArg:<ENTITY>", "",
    ])


def to_brat(doc: GoldDocument) -> tuple[str, dict[str, Any]]:
    """The ``.ann`` text of a gold document and its ``documents.jsonl`` line."""
    lines: list[str] = []
    tid = {m.mid: f"T{i}" for i, m in enumerate(doc.mentions, 1)}
    counts = {"A": 0, "N": 0, "#": 0}

    def add(kind: str, body: str) -> None:
        counts[kind] += 1
        lines.append(f"{kind}{counts[kind]}\t{body}")

    for m in doc.mentions:
        t = tid[m.mid]
        lines.append(f"{t}\t{m.label} {m.start} {m.end}\t{m.text}")
        if m.implicit:
            add("A", f"Implicit {t}")
        if m.confidence != 1.0:
            add("A", f"Confidence {t} {m.confidence}")
        for db, field in _NORMS.items():
            if (value := getattr(m, field)) is not None:
                add("N", f"Reference {t} {db}:{value}\t{value}")
        if m.canonical is not None:
            add("#", f"AnnotatorNotes {t}\tcanonical: {m.canonical}")
    for n, ev in enumerate(doc.events, 1):
        trigger = f"T{len(doc.mentions) + n}"
        lines.append(f"{trigger}\t{ev.type} {ev.trigger.start} {ev.trigger.end}\t{ev.trigger.text}")
        seen: dict[str, int] = {}
        slots, implicit = [f"{ev.type}:{trigger}"], []
        for a in ev.arguments:
            seen[a.role] = seen.get(a.role, 0) + 1
            slot = a.role + (str(seen[a.role]) if seen[a.role] > 1 else "")
            slots.append(f"{slot}:{tid[a.mention]}")
            if a.implicit:
                implicit.append(f"{slot}={a.id}" if a.id else slot)
        if ev.date:
            slots.append(f"{DATE_ROLE}:{tid[ev.date]}")
        lines.append(f"E{n}\t{' '.join(slots)}")
        add("A", f"Status E{n} {ev.status}")
        if implicit:
            add("#", f"AnnotatorNotes E{n}\timplicit: {' '.join(implicit)}")
    meta = doc.model_dump(mode="json", include={"id", *META_FIELDS}, exclude_none=True)
    meta["mids"] = {tid[m.mid]: m.mid for m in doc.mentions if tid[m.mid] != m.mid}
    meta["events"] = {f"E{n}": ev.id for n, ev in enumerate(doc.events, 1) if ev.id != f"E{n}"}
    return "".join(line + "\n" for line in lines), meta


def write_brat(docs: list[GoldDocument], out: str | Path) -> None:
    """Write ``ID.txt``/``ID.ann`` per document, ``documents.jsonl`` and ``annotation.conf`` into ``out``;
    InputError, before writing anything, for an id that is not a plain file name (``../x``, ``a/b.txt``): files
    are named after ids, and an id must never name a file outside ``out``."""
    for doc in docs:
        if Path(doc.id).name != doc.id or doc.id in ("", ".", "..") or "\0" in doc.id:
            raise InputError(f"document id {doc.id!r} is not a plain file name: brat files are named after ids")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    metas = []
    for doc in docs:
        ann, meta = to_brat(doc)
        (out / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8", newline="")
        (out / f"{doc.id}.ann").write_text(ann, encoding="utf-8")
        metas.append(json.dumps(meta, ensure_ascii=False) + "\n")
    (out / SIDECAR).write_text("".join(metas), encoding="utf-8")
    (out / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")


def read_brat(directory: str | Path, split: str = "train") -> tuple[list[GoldDocument], list[Unmapped]]:
    """Gold documents of every ``.ann`` file in ``directory`` (in ``documents.jsonl`` order, then by name), and
    every annotation that could not be mapped. A document that does not validate, or whose files link outside
    ``directory``, is reported and left out."""
    directory = Path(directory)
    if not directory.is_dir():
        raise MissingFileError(f"no such brat directory: {directory}")
    metas: dict[str, dict[str, Any]] = {}
    if (directory / SIDECAR).exists():
        for n, line in enumerate(_read_utf8(directory / SIDECAR).splitlines(), 1):
            try:
                meta = json.loads(line)
                metas[str(meta["id"])] = meta
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise InputError(f"{directory / SIDECAR}:{n}: not a document line: {e}") from e
    stems = sorted(p.stem for p in directory.glob("*.ann"))
    order = [s for s in metas if s in stems] + [s for s in stems if s not in metas]
    docs, problems = [], []
    root = directory.resolve()
    for stem in order:
        txt, ann_file = directory / f"{stem}.txt", directory / f"{stem}.ann"
        if not txt.exists():
            problems.append(Unmapped(stem, f"{stem}.ann", "no .txt file beside it; document not imported"))
            continue
        if outside := [p.name for p in (txt, ann_file) if not p.resolve().is_relative_to(root)]:
            message = f"links to a file outside {directory}; document not imported"
            problems.append(Unmapped(stem, " and ".join(outside), message))
            continue
        text = _read_utf8(txt)
        meta = metas.get(stem, {"id": stem})
        fields = {"split": split, **{k: v for k, v in meta.items() if k not in ("mids", "events")}, "text": text}
        ann = _read_utf8(ann_file)
        fields |= _AnnReader(stem, text, meta, problems).read(ann)
        if doc := finish_document(fields, stem, problems):
            docs.append(doc)
    return docs, problems


def _read_utf8(path: Path) -> str:
    """The text of ``path``, exactly as stored (offsets count in it); InputError naming it unless UTF-8."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        raise not_utf8(path, e) from e


class _AnnReader:
    """Reads one ``.ann`` file into mention and event fields, reporting the lines it cannot map."""

    def __init__(self, stem: str, text: str, meta: dict[str, Any], problems: list[Unmapped]) -> None:
        self.stem, self.text, self.problems = stem, text, problems
        self.mids: dict[str, str] = meta.get("mids", {})
        self.event_ids: dict[str, str] = meta.get("events", {})
        self.mentions: dict[str, dict[str, Any]] = {}
        self.triggers: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}

    def report(self, n: int, message: str) -> None:
        self.problems.append(Unmapped(self.stem, f"{self.stem}.ann:{n}", message))

    def read(self, ann: str) -> dict[str, Any]:
        lines = [(n, line.split("\t")) for n, line in enumerate(ann.splitlines(), 1) if line.strip()]
        for kind in "TEAN#":
            for n, cols in lines:
                if cols[0][:1] == kind:
                    getattr(self, f"_{'note' if kind == '#' else kind}")(n, cols)
        for n, cols in lines:
            if cols[0][:1] not in "TEAN#":
                self.report(n, f"{cols[0][:1]!r} annotations have no eventex counterpart; not imported")
        for eid, event in self.events.items():
            if "status" not in event:
                self.report(event.pop("_line"), f"event {eid} has no Status attribute; not imported")
                event["_drop"] = True
        events = [{k: v for k, v in e.items() if k != "_line"} for e in self.events.values() if "_drop" not in e]
        for event in events:
            for a in event["arguments"]:
                del a["_slot"]
        return {"mentions": list(self.mentions.values()), "events": events}

    def _T(self, n: int, cols: list[str]) -> None:
        head = cols[1].split(" ") if len(cols) >= 2 else []
        if len(head) != 3 or not head[1].isdigit() or not head[2].isdigit():
            self.report(n, "not a text-bound annotation of one span (discontinuous?); not imported")
            return
        label, start, end = head[0], int(head[1]), int(head[2])
        if problem := span_problem(self.text, start, end, cols[2] if len(cols) > 2 else None):
            self.report(n, f"{problem}; not imported")
        elif label in ENTITY_LABELS:
            mid = self.mids.get(cols[0], cols[0])
            self.mentions[cols[0]] = {"mid": mid, "text": self.text[start:end], "start": start, "end": end,
                                      "label": label}
        elif label in EVENT_TYPES:
            self.triggers[cols[0]] = {"type": label, "text": self.text[start:end], "start": start, "end": end}
        else:
            self.report(n, f"label {label!r} is neither an entity label nor an event type; not imported")

    def _E(self, n: int, cols: list[str]) -> None:
        slots = [s.partition(":") for s in cols[1].split()] if len(cols) >= 2 else []
        if not slots or slots[0][2] not in self.triggers:
            self.report(n, "event without an imported trigger; not imported")
            return
        trigger = self.triggers[slots[0][2]]
        event: dict[str, Any] = {
            "id": self.event_ids.get(cols[0], cols[0]), "type": trigger["type"], "arguments": [], "_line": n,
            "trigger": {k: trigger[k] for k in ("text", "start", "end")},
        }
        roles = event_roles(trigger["type"])
        for slot, _, target in slots[1:]:
            match = _SLOT.fullmatch(slot)
            role = match.group(1) if match else slot
            if target not in self.mentions:
                self.report(n, f"{slot}:{target} does not point at an imported mention; not imported")
            elif role == DATE_ROLE and "date" not in event:
                event["date"] = self.mentions[target]["mid"]
            elif role in roles:
                event["arguments"].append({"role": role, "mention": self.mentions[target]["mid"], "_slot": slot})
            else:
                self.report(n, f"{slot!r} is not a role of {trigger['type']}; not imported")
        self.events[cols[0]] = event

    def _A(self, n: int, cols: list[str]) -> None:
        parts = cols[1].split() if len(cols) >= 2 else []
        name, target, value = [*parts, None, None, None][:3]
        if name == "Status" and target in self.events and value in STATUSES and len(parts) == 3:
            self.events[target]["status"] = value
        elif name == "Implicit" and target in self.mentions and len(parts) == 2:
            self.mentions[target]["implicit"] = True
        elif name == "Confidence" and target in self.mentions and len(parts) == 3 and _is_float(value):
            self.mentions[target]["confidence"] = float(value)
        else:
            self.report(n, f"attribute {cols[1:]!r} is not Status of an event, Implicit or Confidence of a mention; "
                           "not imported")

    def _N(self, n: int, cols: list[str]) -> None:
        parts = cols[1].split() if len(cols) >= 2 else []
        db, _, value = parts[2].partition(":") if len(parts) == 3 else ("", "", "")
        if parts[:1] == ["Reference"] and parts[1] in self.mentions and db in _NORMS and value:
            self.mentions[parts[1]][_NORMS[db]] = value
        else:
            self.report(n, f"normalization {cols[1:]!r} is not iso3:ID or affiliation:ID of a mention; not imported")

    def _note(self, n: int, cols: list[str]) -> None:
        parts = cols[1].split() if len(cols) >= 2 else []
        note = cols[2] if len(cols) > 2 else ""
        if len(parts) == 2 and parts[0] == "AnnotatorNotes" and parts[1] in self.mentions and \
                note.startswith("canonical: "):
            self.mentions[parts[1]]["canonical"] = note.removeprefix("canonical: ")
        elif len(parts) == 2 and parts[0] == "AnnotatorNotes" and parts[1] in self.events and \
                note.startswith("implicit: "):
            self._implicit(n, self.events[parts[1]], note.removeprefix("implicit: ").split())
        else:
            self.report(n, f"note {cols[1:]!r} is not 'canonical: …' on a mention or 'implicit: …' on an event; "
                           "not imported")

    def _implicit(self, n: int, event: dict[str, Any], items: list[str]) -> None:
        by_slot = {a["_slot"]: a for a in event["arguments"]}
        for item in items:
            slot, _, iso = item.partition("=")
            if slot not in by_slot:
                self.report(n, f"implicit {item!r}: the event has no argument {slot!r}; not imported")
                continue
            by_slot[slot]["implicit"] = True
            if iso:
                by_slot[slot]["id"] = iso


def _is_float(value: str | None) -> bool:
    try:
        float(value or "")
    except ValueError:
        return False
    return True
