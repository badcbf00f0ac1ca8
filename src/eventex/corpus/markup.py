"""The authoring markup (``corpora/src/*.txt``): parsed into gold documents and compiled into split JSONL files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from eventex.corpus.gold import GoldArgument, GoldDocument, GoldEvent, GoldMention, check_document, dumps
from eventex.errors import CorpusError
from eventex.schema import ENTITY_LABELS, EVENT_TYPES, Span

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
    """Write ``train/dev/test.jsonl`` (``out_dir`` created if missing) from the authoring files; returns
    documents per split."""
    out_dir = Path(out_dir)
    by_split: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for path, doc in iter_markup(directory):
        problems = check_document(doc)
        if problems:
            raise MarkupError("; ".join(f"{path.name}: {f}: {m}" for f, m in problems))
        by_split[doc.split].append(dumps(doc))
    out_dir.mkdir(parents=True, exist_ok=True)
    for split, lines in by_split.items():
        (out_dir / f"{split}.jsonl").write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return {k: len(v) for k, v in by_split.items()}
