"""User rules: a TOML file that adds trigger words and status cues on top of the shipped rules (see
``docs/rules.md``), checked when it is loaded."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from eventex.errors import InputError, MissingFileError
from eventex.linking.rules import Rules
from eventex.linking.status import StatusRules
from eventex.schema import EVENT_TYPES, STATUSES

WORD_TABLES = ("verbs", "nouns", "phrases")
"""Tables of a ``[triggers.TYPE]`` section mapping a lemma (or phrase) to a frame of ``roles.toml``."""


def read_user_rules(path: str | Path, rules: Rules) -> dict[str, Any]:
    """The user rules of ``path``, checked against ``rules`` (event types, frames, statuses): InputError on the
    first problem, naming the file and the key."""
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
        if section not in ("triggers", "status"):
            raise fail(section, "unknown section (expected [triggers.TYPE] or [status.STATUS])")
    for etype, table in _tables(spec.get("triggers", {}), "triggers", fail).items():
        if etype not in EVENT_TYPES:
            raise fail(f"triggers.{etype}", f"unknown event type (expected one of {', '.join(EVENT_TYPES)})")
        for kind, entries in _tables(table, f"triggers.{etype}", fail).items():
            where = f"triggers.{etype}.{kind}"
            if kind in WORD_TABLES:
                for word, frame in entries.items():
                    if not isinstance(frame, str) or frame not in rules.frames:
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
    for status, table in _tables(spec.get("status", {}), "status", fail).items():
        if status not in STATUSES or status == "actual":
            raise fail(f"status.{status}", f"unknown status cue (expected one of {', '.join(STATUSES[1:])})")
        if set(table) != {"lemmas"} or not isinstance(table["lemmas"], list) or \
                not all(isinstance(x, str) and x.strip() for x in table["lemmas"]):
            raise fail(f"status.{status}", "expected lemmas = [\"word\", …] and nothing else")
    return spec


def _tables(value: object, where: str, fail: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise fail(where, "expected a table of tables")
    return value


def load_rules(path: str | Path | None) -> tuple[Rules, StatusRules]:
    """The shipped linking and status rules, with the user rules of ``path`` (if any) added."""
    rules, status = Rules.load(), StatusRules()
    if path is None:
        return rules, status
    spec = read_user_rules(path, rules)
    for etype, table in spec.get("triggers", {}).items():
        lex = rules.lexicons[etype]
        for kind, entries in table.items():
            getattr(lex, kind).update(entries)
    for name, table in spec.get("status", {}).items():
        status.cues.setdefault(name, set()).update(table["lemmas"])
    return rules, status
