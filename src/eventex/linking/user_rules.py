"""User rules: a TOML file that adds trigger words, role patterns, status cues and fact-table rows on top of the
shipped rules (see ``docs/rules.md``), checked when it is loaded."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

from eventex.errors import InputError, MissingFileError
from eventex.linking.rules import Rules, build_frame
from eventex.linking.status import StatusRules
from eventex.linking.user_facts import Fail, read_facts
from eventex.resources import read_toml
from eventex.schema import ENTITY_LABELS, EVENT_TYPES, STATUSES, event_roles

SECTIONS = ("triggers", "roles", "status", "facts")
WORD_TABLES = ("verbs", "nouns", "phrases")
"""Tables of a ``[triggers.TYPE]`` section mapping a lemma (or phrase) to a frame of ``roles.toml``."""
SIDES = ("left", "right", "any")


def read_user_rules(path: str | Path, rules: Rules) -> dict[str, Any]:
    """The user rules of ``path``, checked against ``rules`` (event types, frames, roles, statuses) and the shipped
    fact tables: InputError on the first problem, naming the file and the key. ``facts`` holds a
    :class:`~eventex.resources.facts.Facts`."""
    path = Path(path)
    try:
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise MissingFileError(f"no such rules file: {path}") from e
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"{path}: not a TOML rules file: {e}") from e

    def fail(key: str, message: str) -> InputError:
        return InputError(f"{path}: {key}: {message}")

    for section in spec:
        if section not in SECTIONS:
            raise fail(section, "unknown section (expected [triggers.TYPE], [roles.FRAME], [status.STATUS] or "
                                "[[facts.TABLE]])")
    new_frames = _tables(spec.get("roles", {}), "roles", fail)
    frames = set(rules.frames) | set(new_frames)
    for etype, table in _tables(spec.get("triggers", {}), "triggers", fail).items():
        if etype not in EVENT_TYPES:
            raise fail(f"triggers.{etype}", f"unknown event type (expected one of {', '.join(EVENT_TYPES)})")
        for kind, entries in _tables(table, f"triggers.{etype}", fail).items():
            where = f"triggers.{etype}.{kind}"
            if kind in WORD_TABLES:
                for word, frame in entries.items():
                    if not isinstance(frame, str) or frame not in frames:
                        raise fail(f"{where}.{word}", f"unknown frame {frame!r} (see roles.toml: "
                                                      f"{', '.join(sorted(rules.frames))})")
                    if not word.strip() or word != word.strip().lower():
                        raise fail(f"{where}.{word}", "a trigger word is a lower-case lemma or phrase")
            elif kind == "strength":
                for word, value in entries.items():
                    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
                        raise fail(f"{where}.{word}", f"strength {value!r} is not a number in (0, 1]")
            else:
                raise fail(where, f"unknown table (expected {', '.join(WORD_TABLES)} or strength)")
    types = _frame_types(rules, spec.get("triggers", {}))
    paths = read_toml("roles.toml")["paths"]
    for frame, table in new_frames.items():
        _check_frame(frame, table, types.get(frame.removesuffix("_passive"), set()), paths, fail)
    for status, table in _tables(spec.get("status", {}), "status", fail).items():
        if status not in STATUSES or status == "actual":
            raise fail(f"status.{status}", f"unknown status cue (expected one of {', '.join(STATUSES[1:])})")
        if set(table) != {"lemmas"} or not isinstance(table["lemmas"], list) or \
                not all(isinstance(x, str) and x.strip() for x in table["lemmas"]):
            raise fail(f"status.{status}", "expected lemmas = [\"word\", …] and nothing else")
    if "facts" in spec:
        spec["facts"] = read_facts(spec["facts"], fail)
    return spec


def _tables(value: object, where: str, fail: Fail) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise fail(where, "expected a table of tables")
    return value


def _frame_types(rules: Rules, triggers: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    """Frame → the event types whose trigger words (shipped and the user's) use it."""
    types: dict[str, set[str]] = {}
    for etype, lex in rules.lexicons.items():
        coop = [lex.cooperation.frame] if lex.cooperation else []
        for frame in [*lex.verbs.values(), *lex.nouns.values(), *lex.phrases.values(), *coop]:
            types.setdefault(frame, set()).add(etype)
    for etype, table in triggers.items():
        for kind in WORD_TABLES:
            for frame in table.get(kind, {}).values():
                types.setdefault(frame, set()).add(etype)
    return types


def _check_frame(frame: str, table: dict[str, Any], types: set[str], paths: dict[str, str], fail: Fail) -> None:
    """A ``[roles.FRAME]`` table: roles of every event type the frame serves, with well-formed rules (``paths``:
    the named path patterns of ``roles.toml``)."""
    if not types:
        raise fail(f"roles.{frame}", "no trigger word uses this frame (shipped or in [triggers.TYPE])")
    allowed = set.intersection(*(set(event_roles(t)) for t in types))
    for role, value in table.items():
        where = f"roles.{frame}.{role}"
        if role == "fallback":
            for fb_role, fb in _tables(value, where, fail).items():
                _check_role(f"{where}.{fb_role}", fb_role, allowed, types, fail)
                if set(fb) - {"side", "labels", "max_distance"} or fb.get("side") not in SIDES:
                    raise fail(f"{where}.{fb_role}", f"expected side = one of {', '.join(SIDES)}, labels = [...] "
                                                     "and an optional max_distance")
                _check_labels(f"{where}.{fb_role}", fb.get("labels"), fail)
                distance = fb.get("max_distance", 6)
                if isinstance(distance, bool) or not isinstance(distance, int) or distance < 1:
                    raise fail(f"{where}.{fb_role}.max_distance", f"{distance!r} is not a whole number >= 1")
            continue
        _check_role(where, role, allowed, types, fail)
        if not isinstance(value, list) or not value:
            raise fail(where, "expected a list of { path = \"...\", labels = [...] } rules")
        for i, rule in enumerate(value):
            if not isinstance(rule, dict) or set(rule) != {"path", "labels"} or not isinstance(rule["path"], str):
                raise fail(f"{where}[{i}]", "expected { path = \"...\", labels = [...] } and nothing else")
            try:
                re.compile(paths.get(rule["path"], rule["path"]))
            except re.error as e:
                raise fail(f"{where}[{i}].path", f"bad pattern {rule['path']!r}: {e}") from e
            _check_labels(f"{where}[{i}].labels", rule["labels"], fail)


def _check_role(where: str, role: str, allowed: set[str], types: set[str], fail: Fail) -> None:
    if role not in allowed:
        raise fail(where, f"unknown role (roles of {', '.join(sorted(types))}: {', '.join(sorted(allowed))})")


def _check_labels(where: str, labels: object, fail: Fail) -> None:
    if not isinstance(labels, list) or not labels or not all(x in ENTITY_LABELS for x in labels):
        raise fail(where, f"expected a list of entity labels ({', '.join(ENTITY_LABELS)}), got {labels!r}")


def load_rules(path: str | Path | None) -> tuple[Rules, StatusRules]:
    """The shipped linking and status rules (with the fact tables in ``Rules.facts``), with the user rules of
    ``path`` (if any) added: trigger words to the lexicons; role patterns after a frame's shipped patterns of the
    role (a fallback replaces the role's shipped one); new frames; status cues; fact-table rows."""
    rules, status = Rules.load(), StatusRules()
    if path is None:
        return rules, status
    spec = read_user_rules(path, rules)
    paths = read_toml("roles.toml")["paths"]
    for name, table in spec.get("roles", {}).items():
        added = build_frame(name, table, paths)
        frame = rules.frames.setdefault(name, added)
        if frame is not added:
            for role, patterns in added.roles.items():
                frame.roles.setdefault(role, []).extend(patterns)
            frame.fallback.update(added.fallback)
    for etype, table in spec.get("triggers", {}).items():
        lex = rules.lexicons[etype]
        for kind, entries in table.items():
            getattr(lex, kind).update(entries)
    for name, table in spec.get("status", {}).items():
        status.cues.setdefault(name, set()).update(table["lemmas"])
    if "facts" in spec:
        rules.facts = spec["facts"]
    return rules, status


def rules_digest(path: str | Path) -> str:
    """The SHA-256 of a user rules file's content, once :func:`load_rules` accepts it (its errors otherwise)."""
    load_rules(path)
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
