"""Label Studio tasks ↔ gold documents, extraction results as Label Studio pre-annotations, and the labeling
config they go with.

A task's ``data`` holds the text, ``doc_id`` and the document fields. Its annotation (or prediction) results:

- a ``labels`` region per mention (the region id is the mention handle) with the entity label, and per-region
  text areas ``ref_id``, ``canonical``, ``affiliation`` and choice ``flags`` (``implicit``);
- a ``labels`` region ``Trigger`` per event (the region id is the event id) with per-region choices
  ``event_type`` and ``status``, and the text area ``world_ids`` (``role=ISO3`` lines: the state an implicit
  filler stands for by world knowledge);
- one ``relation`` per (trigger, mention) pair, its labels the roles the mention fills (``ROLE (implicit)`` for
  an inferred filler) and ``date`` for the event's date. Label Studio keeps one relation per pair of regions, so
  an event's arguments come back grouped by mention (in first-appearance order).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from pydantic import TypeAdapter, ValidationError

from eventex.corpus.gold import GoldDocument
from eventex.corpus.interchange import DATE_ROLE, META_FIELDS, ROLES, Unmapped, finish_document, span_problem
from eventex.errors import CorpusError, InputError
from eventex.schema import ENTITY_LABELS, EVENT_TYPES, STATUSES, Entity, Event, Span, event_roles

TEXT = "text"
LABEL = "label"
TRIGGER = "Trigger"
EVENT_TYPE = "event_type"
STATUS = "status"
WORLD_IDS = "world_ids"
FLAGS = "flags"
MENTION_TEXTS = ("ref_id", "canonical", "affiliation")
"""Per-region text areas of a mention, in the order of the gold fields ``id``, ``canonical``, ``affiliation``."""
_GOLD_FIELD = dict(zip(MENTION_TEXTS, ("id", "canonical", "affiliation"), strict=True))
IMPLICIT = " (implicit)"

_EVENTS: TypeAdapter[Event] = TypeAdapter(Event)


def labeling_config() -> str:
    """The Label Studio labeling config (XML) that the tasks of this module go with."""
    view = ET.Element("View")
    labels = ET.SubElement(view, "Labels", name=LABEL, toName=TEXT)
    for value in (*ENTITY_LABELS, TRIGGER):
        ET.SubElement(labels, "Label", value=value)
    ET.SubElement(view, "Text", name=TEXT, value="$text")
    relations = ET.SubElement(view, "Relations", choice="multiple")
    for value in (*ROLES, *(r + IMPLICIT for r in ROLES), DATE_ROLE):
        ET.SubElement(relations, "Relation", value=value)
    trigger = ET.SubElement(view, "View", visibleWhen="region-selected", whenLabelValue=TRIGGER)
    for name, values in ((EVENT_TYPE, EVENT_TYPES), (STATUS, STATUSES)):
        ET.SubElement(trigger, "Header", value=name.replace("_", " "))
        choices = ET.SubElement(trigger, "Choices", name=name, toName=TEXT, perRegion="true")
        for value in values:
            ET.SubElement(choices, "Choice", value=value)
    ET.SubElement(trigger, "Header", value="world-knowledge ids of implicit fillers (role=ISO3, one a line)")
    ET.SubElement(trigger, "TextArea", name=WORLD_IDS, toName=TEXT, perRegion="true")
    mention = ET.SubElement(view, "View", visibleWhen="region-selected")
    for name in MENTION_TEXTS:
        ET.SubElement(mention, "Header", value=name.replace("_", " "))
        ET.SubElement(mention, "TextArea", name=name, toName=TEXT, perRegion="true", maxSubmissions="1")
    flags = ET.SubElement(mention, "Choices", name=FLAGS, toName=TEXT, perRegion="true", choice="multiple")
    ET.SubElement(flags, "Choice", value="implicit")
    ET.indent(view)
    return ET.tostring(view, encoding="unicode") + "\n"


def _region(rid: str, span: Span, name: str, kind: str, **value: Any) -> dict[str, Any]:
    return {
        "id": rid, "from_name": name, "to_name": TEXT, "type": kind,
        "value": {"start": span.start, "end": span.end, "text": span.text, **value},
    }


def _per_region_text(rid: str, span: Span, name: str, value: str) -> dict[str, Any]:
    region = _region(rid, span, name, "textarea")
    region["value"]["text"] = [value]
    return region


def _relation(trigger: str, mention: str, labels: list[str]) -> dict[str, Any]:
    return {"from_id": trigger, "to_id": mention, "type": "relation", "direction": "right", "labels": labels}


def _mention_results(rid: str, m: Entity) -> list[dict[str, Any]]:
    region = _region(rid, m, LABEL, "labels", labels=[m.label])
    if m.confidence != 1.0:
        region["score"] = m.confidence
    out = [region]
    for name in MENTION_TEXTS:
        if (value := getattr(m, _GOLD_FIELD[name])) is not None:
            out.append(_per_region_text(rid, m, name, value))
    if m.implicit:
        out.append(_region(rid, m, FLAGS, "choices", choices=["implicit"]))
    return out


def _trigger_results(
    rid: str, trigger: Span, event_type: str, status: str, world: list[str], score: float | None = None
) -> list[dict[str, Any]]:
    region = _region(rid, trigger, LABEL, "labels", labels=[TRIGGER])
    if score is not None:
        region["score"] = score
    out = [
        region,
        _region(rid, trigger, EVENT_TYPE, "choices", choices=[event_type]),
        _region(rid, trigger, STATUS, "choices", choices=[status]),
    ]
    if world:
        out.append(_per_region_text(rid, trigger, WORLD_IDS, "\n".join(world)))
    return out


def _relations(trigger: str, links: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """One relation per mention, labelled with every role it fills (in first-appearance order)."""
    grouped: dict[str, list[str]] = {}
    for mention, label in links:
        grouped.setdefault(mention, []).append(label)
    return [_relation(trigger, mention, labels) for mention, labels in grouped.items()]


def _world_lines(event_id: str, pairs: list[tuple[str, str]]) -> list[str]:
    roles = [role for role, _ in pairs]
    if len(set(roles)) < len(roles):
        raise CorpusError(f"event {event_id}: two implicit fillers of one role have world-knowledge ids")
    return [f"{role}={iso}" for role, iso in pairs]


def gold_task(doc: GoldDocument, kind: str = "annotations") -> dict[str, Any]:
    """The Label Studio task of a gold document, its annotations as ``annotations`` (or ``predictions``)."""
    clash = {m.mid for m in doc.mentions} & {e.id for e in doc.events}
    if clash:
        raise CorpusError(f"document {doc.id}: mention handles {sorted(clash)} are also event ids")
    results: list[dict[str, Any]] = []
    for m in doc.mentions:
        results += _mention_results(m.mid, m)
    for ev in doc.events:
        world = _world_lines(ev.id, [(a.role, a.id) for a in ev.arguments if a.id])
        results += _trigger_results(ev.id, ev.trigger, ev.type, ev.status, world)
        links = [(a.mention, a.role + IMPLICIT if a.implicit else a.role) for a in ev.arguments]
        results += _relations(ev.id, links + ([(ev.date, DATE_ROLE)] if ev.date else []))
    meta = doc.model_dump(mode="json", include=set(META_FIELDS), exclude_none=True)
    return {"data": {TEXT: doc.text, "doc_id": doc.id, **meta}, kind: [{"result": results}]}


def prediction_task(
    doc_id: str, text: str, events: Iterable[Event], entities: Iterable[Entity] = (),
    published: dt.date | None = None, model_version: str | None = None,
) -> dict[str, Any]:
    """A task with the extraction of ``text`` (its events, and entities if given) as Label Studio predictions.

    Mentions are the entities plus every role filler and event date not among them; an implicit filler links
    to the mention at its span (its state id, when it differs, goes to ``world_ids``)."""
    mentions: dict[tuple[int, int], tuple[str, Entity]] = {}
    results: list[dict[str, Any]] = []

    def mention(e: Entity) -> tuple[str, Entity]:
        if (e.start, e.end) not in mentions:
            rid = f"m{len(mentions) + 1}"
            mentions[(e.start, e.end)] = (rid, e)
            results.extend(_mention_results(rid, e))
        return mentions[(e.start, e.end)]

    for e in entities:
        mention(e)
    for n, ev in enumerate(events, 1):
        rid = f"t{n}"
        links: list[tuple[str, str]] = []
        world: list[tuple[str, str]] = []
        for role, many in event_roles(ev.type).items():
            value = getattr(ev, role)
            for filler in value if many else [value] if value else []:
                if not filler.implicit:
                    links.append((mention(filler)[0], role))
                    continue
                mid, m = mention(filler.model_copy(update={"implicit": False, "id": None}))
                links.append((mid, role + IMPLICIT))
                if filler.id and filler.id != m.id:
                    world.append((role, filler.id))
        if ev.date:
            date = Entity(text=ev.date.text, start=ev.date.start, end=ev.date.end, label="DATE")
            links.append((mention(date)[0], DATE_ROLE))
        results += _trigger_results(rid, ev.trigger, ev.type, ev.status, _world_lines(ev.id, world), ev.confidence)
        results += _relations(rid, links)
    data: dict[str, Any] = {TEXT: text, "doc_id": doc_id}
    if published:
        data["published"] = published.isoformat()
    prediction: dict[str, Any] = {"result": results}
    if model_version:
        prediction["model_version"] = model_version
    return {"data": data, "predictions": [prediction]}


def record_task(record: dict[str, Any], text: str, model_version: str | None = None) -> dict[str, Any]:
    """The pre-annotation task of one ``eventex extract`` record (which holds no text) and its input text."""
    try:
        events = [_EVENTS.validate_python(e) for e in record.get("events", [])]
        entities = [Entity.model_validate(e) for e in record.get("entities", [])]
        published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
    except (ValidationError, ValueError, TypeError) as e:
        raise InputError(f"record {record.get('id')!r} is not an eventex extract record: {e}") from e
    for span in [*entities, *(s for ev in events for s in (ev.trigger, *_fillers(ev)))]:
        if text[span.start : span.end] != span.text:
            raise InputError(f"record {record.get('id')!r}: {span.text!r} is not at {span.start} in its input text")
    return prediction_task(str(record["id"]), text, events, entities, published, model_version)


def _fillers(ev: Event) -> list[Span]:
    out: list[Span] = [ev.date] if ev.date else []
    for role, many in event_roles(ev.type).items():
        value = getattr(ev, role)
        out += value if many else [value] if value else []
    return out


# ---------------------------------------------------------------------------------------------------- import


def read_tasks(path: str | Path) -> list[dict[str, Any]]:
    """The tasks of a Label Studio JSON export (a list of tasks, or one task)."""
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: not JSON: {e}") from e
    tasks = [tasks] if isinstance(tasks, dict) else tasks
    if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
        raise InputError(f"{path}: expected a list of Label Studio tasks")
    return tasks


def import_tasks(
    tasks: list[dict[str, Any]], split: str = "train", source: str = "annotations"
) -> tuple[list[GoldDocument], list[Unmapped]]:
    """Gold documents of Label Studio tasks (their latest ``annotations``, or their ``predictions``), and every
    annotation that could not be mapped. A document that does not validate is reported and left out."""
    docs: list[GoldDocument] = []
    problems: list[Unmapped] = []
    for i, task in enumerate(tasks):
        data = task.get("data") if isinstance(task.get("data"), dict) else {}
        name = str(task.get("id", data.get("doc_id", i)))
        text = data.get(TEXT)
        if not isinstance(text, str):
            problems.append(Unmapped(name, "data.text", "missing or not a string; task not imported"))
            continue
        results = _chosen_results(task, name, source, problems)
        if results is None:
            continue
        fields = {"id": str(data.get("doc_id", name)), "split": split, TEXT: text}
        fields |= {k: data[k] for k in META_FIELDS if data.get(k) is not None}
        fields |= _TaskReader(name, text, problems).read(results)
        if doc := finish_document(fields, name, problems):
            docs.append(doc)
    return docs, problems


def _chosen_results(
    task: dict[str, Any], name: str, source: str, problems: list[Unmapped]
) -> list[dict[str, Any]] | None:
    """The result list of the task's latest annotation that was not cancelled (or of its first prediction)."""
    entries = [a for a in task.get(source) or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    if not entries:
        problems.append(Unmapped(name, source, f"no {source}; task not imported"))
        return None
    if len(entries) > 1:
        entries.sort(key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""))
        for other in entries[:-1]:
            problems.append(Unmapped(name, f"{source} {other.get('id', '?')}", "not imported: a later one is"))
    results = entries[-1].get("result")
    if not isinstance(results, list):
        problems.append(Unmapped(name, source, "result is not a list; task not imported"))
        return None
    return results


class _TaskReader:
    """Reads one task's results into mention and event fields, reporting what it cannot map."""

    def __init__(self, task: str, text: str, problems: list[Unmapped]) -> None:
        self.task, self.text, self.problems = task, text, problems
        self.regions: dict[str, dict[str, Any]] = {}
        self.attrs: dict[str, dict[str, Any]] = {}

    def report(self, where: str, message: str) -> None:
        self.problems.append(Unmapped(self.task, where, message))

    def read(self, results: list[dict[str, Any]]) -> dict[str, Any]:
        relations: list[tuple[int, dict[str, Any]]] = []
        for i, r in enumerate(results):
            if not isinstance(r, dict):
                self.report(f"result {i}", "not an object")
            elif r.get("type") == "relation":
                relations.append((i, r))
            else:
                self._region_result(i, r)
        mentions: list[dict[str, Any]] = []
        events: dict[str, dict[str, Any]] = {}
        for rid, region in self.regions.items():
            attrs = self.attrs.get(rid, {})
            if region["label"] == TRIGGER:
                if event := self._event(rid, region, attrs):
                    events[rid] = event
            else:
                mentions.append(self._mention(rid, region, attrs))
        known = {m["mid"]: m for m in mentions}
        for i, r in relations:
            self._relation(i, r, events, known)
        for rid, event in events.items():
            self._world_ids(rid, event)
        for rid, attrs in self.attrs.items():
            if rid not in self.regions:
                for _, where in attrs.values():
                    self.report(where, "no labelled region with this id; not imported")
        return {"mentions": mentions, "events": list(events.values())}

    def _region_result(self, i: int, r: dict[str, Any]) -> None:
        value, rid, name = r.get("value"), r.get("id"), r.get("from_name")
        if not isinstance(value, dict) or not isinstance(rid, str):
            self.report(f"result {i}", "no region id or value")
            return
        where = f"result {i} (region {rid}, {value.get('start')}-{value.get('end')})"
        if r.get("type") == "labels" and name == LABEL:
            labels = value.get("labels")
            if not (isinstance(labels, list) and len(labels) == 1 and labels[0] in (*ENTITY_LABELS, TRIGGER)):
                self.report(where, f"labels {labels!r}: expected one of {', '.join((*ENTITY_LABELS, TRIGGER))}")
            elif problem := span_problem(self.text, value.get("start"), value.get("end"), value.get("text")):
                self.report(where, problem)
            else:
                score = r.get("score")
                self.regions[rid] = {"start": value["start"], "end": value["end"], "label": labels[0], "where": where,
                                     "score": score if isinstance(score, int | float) else None}
        elif r.get("type") == "choices" and name in (EVENT_TYPE, STATUS, FLAGS):
            self.attrs.setdefault(rid, {})[name] = (value.get("choices"), where)
        elif r.get("type") == "textarea" and name in (*MENTION_TEXTS, WORLD_IDS):
            self.attrs.setdefault(rid, {})[name] = (value.get("text"), where)
        else:
            self.report(where, f"{r.get('type')!r} result from {name!r} is not part of the eventex config")

    def _one_choice(self, attrs: dict[str, Any], name: str, allowed: tuple[str, ...], rid: str) -> str | None:
        choices, where = attrs.get(name, (None, f"region {rid}"))
        if not (isinstance(choices, list) and len(choices) == 1 and choices[0] in allowed):
            self.report(where, f"{name} {choices!r}: expected one of {', '.join(allowed)}")
            return None
        return choices[0]

    def _event(self, rid: str, region: dict[str, Any], attrs: dict[str, Any]) -> dict[str, Any] | None:
        for name in (*MENTION_TEXTS, FLAGS):
            if name in attrs:
                self.report(attrs[name][1], f"{name} is for mentions, not triggers; ignored")
        event_type = self._one_choice(attrs, EVENT_TYPE, EVENT_TYPES, rid)
        status = self._one_choice(attrs, STATUS, STATUSES, rid)
        if event_type is None or status is None:
            self.report(region["where"], "trigger without a valid event type and status: event not imported")
            return None
        start, end = region["start"], region["end"]
        return {
            "id": rid, "type": event_type, "status": status, "arguments": [],
            "trigger": {"text": self.text[start:end], "start": start, "end": end},
            "_world": attrs.get(WORLD_IDS),
        }

    def _mention(self, rid: str, region: dict[str, Any], attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = region["start"], region["end"]
        m: dict[str, Any] = {"mid": rid, "text": self.text[start:end], "start": start, "end": end,
                             "label": region["label"]}
        if region["score"] is not None:
            m["confidence"] = region["score"]
        for name in (EVENT_TYPE, STATUS, WORLD_IDS):
            if name in attrs:
                self.report(attrs[name][1], f"{name} is for triggers, not mentions; ignored")
        for name in MENTION_TEXTS:
            if name in attrs:
                texts, where = attrs[name]
                if isinstance(texts, list) and len(texts) == 1 and isinstance(texts[0], str):
                    m[_GOLD_FIELD[name]] = texts[0]
                else:
                    self.report(where, f"{name} {texts!r}: expected one line")
        if FLAGS in attrs:
            flags, where = attrs[FLAGS]
            if flags == ["implicit"]:
                m["implicit"] = True
            else:
                self.report(where, f"flags {flags!r}: expected ['implicit']")
        return m

    def _relation(
        self, i: int, r: dict[str, Any], events: dict[str, dict[str, Any]], mentions: dict[str, dict[str, Any]]
    ) -> None:
        ends = (r.get("from_id"), r.get("to_id"))
        where = f"result {i} (relation {ends[0]} -> {ends[1]})"
        trigger = next((x for x in ends if x in events), None)
        other = ends[1] if trigger == ends[0] else ends[0]
        if trigger is None or other not in mentions:
            self.report(where, "a relation must link an imported trigger to a mention; not imported")
            return
        event = events[trigger]
        labels = r.get("labels")
        if not isinstance(labels, list) or not labels:
            self.report(where, "relation without labels; not imported")
            return
        roles = event_roles(event["type"])
        for label in labels:
            role = label.removesuffix(IMPLICIT) if isinstance(label, str) else label
            if label == DATE_ROLE and event.get("date") is None:
                event["date"] = other
            elif label == DATE_ROLE:
                self.report(where, f"event {trigger} has a second date; not imported")
            elif role in roles:
                event["arguments"].append({"role": role, "mention": other, "implicit": label != role})
            else:
                self.report(where, f"label {label!r} is not a role of {event['type']}; not imported")

    def _world_ids(self, rid: str, event: dict[str, Any]) -> None:
        world = event.pop("_world")
        if world is None:
            return
        lines, where = world
        if not (isinstance(lines, list) and all(isinstance(x, str) for x in lines)):
            self.report(where, f"world_ids {lines!r}: expected lines of role=ISO3")
            return
        for line in (x.strip() for chunk in lines for x in chunk.splitlines() if x.strip()):
            role, _, iso = line.partition("=")
            targets = [a for a in event["arguments"] if a["role"] == role.strip() and a["implicit"]]
            if len(targets) != 1 or not iso.strip():
                self.report(where, f"world id {line!r} of event {rid}: needs role=ISO3 and one implicit filler of "
                                   "that role; not imported")
            else:
                targets[0]["id"] = iso.strip()
