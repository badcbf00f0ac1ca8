"""The linking rules as loaded from the resource files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventex.resources import read_toml


@dataclass(frozen=True)
class RoleRule:
    """A mention fills the role when its path matches and its label is allowed."""

    regex: re.Pattern[str]
    labels: frozenset[str]


@dataclass(frozen=True)
class Fallback:
    """Nearest mention with one of ``labels`` on ``side`` ('left', 'right', 'any') of the trigger."""

    side: str
    labels: frozenset[str]


@dataclass
class Frame:
    """How each role of an event type is found from one kind of trigger."""

    name: str
    roles: dict[str, list[RoleRule]] = field(default_factory=dict)
    fallback: dict[str, Fallback] = field(default_factory=dict)


@dataclass
class TypeLexicon:
    """Trigger words of one event type: lemma → frame name, their strength, and what an event requires."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[str, str]
    strength: dict[str, float]
    requires: str | None


@dataclass
class Rules:
    """Every linking rule: trigger lexicons per event type and frames by name."""

    lexicons: dict[str, TypeLexicon]
    frames: dict[str, Frame]

    @classmethod
    def load(cls) -> Rules:
        """Read the rules shipped in ``eventex/resources``."""
        trig = read_toml("triggers.toml")
        lexicons = {
            etype: TypeLexicon(
                verbs=spec.get("verbs", {}), nouns=spec.get("nouns", {}), phrases=spec.get("phrases", {}),
                strength=spec.get("strength", {}), requires=spec.get("requires"),
            )
            for etype, spec in trig.items()
        }
        roles = read_toml("roles.toml")
        named = roles["paths"]
        frames: dict[str, Frame] = {}
        for name, spec in roles["frames"].items():
            frame = Frame(name)
            for role, rules in spec.items():
                if role == "fallback":
                    frame.fallback = {
                        r: Fallback(f["side"], frozenset(f["labels"])) for r, f in rules.items()
                    }
                    continue
                frame.roles[role] = [
                    RoleRule(re.compile(named.get(r["path"], r["path"])), frozenset(r["labels"])) for r in rules
                ]
            frames[name] = frame
        for etype, lex in lexicons.items():
            for frame_name in [*lex.verbs.values(), *lex.nouns.values(), *lex.phrases.values()]:
                if frame_name not in frames:
                    raise ValueError(f"triggers.toml: {etype} uses unknown frame {frame_name!r}")
        return cls(lexicons, frames)
