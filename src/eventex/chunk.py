"""The work of every engine: a chunk of items checked, extracted (one model batch) and turned into records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eventex.errors import FailureKind, InputError, InputTypeError
from eventex.io.readers import Item
from eventex.io.records import MAX_CHARS, Failure, Options, encode, error_row, flat_rows, ok_record
from eventex.pipeline import Extractor, TextInput, check_text, parse_published
from eventex.schema import Extraction


def check_item(item: Item, max_chars: int = MAX_CHARS) -> Failure | tuple[str, dt.date | None]:
    """The text and publication date of an item, or the failure that gives it an error record."""
    if item.failure:
        return item.failure
    if item.text is None:
        return Failure(FailureKind.MISSING_FIELD, "no text (null)")
    try:
        text = check_text(item.text)
        text.encode("utf-8")
    except InputTypeError as e:
        return Failure(FailureKind.WRONG_TYPE, str(e))
    except UnicodeEncodeError:
        return Failure(FailureKind.NOT_UTF8, "text is not valid UTF-8 (the input has undecodable bytes)")
    if not text.strip():
        return Failure(FailureKind.EMPTY_TEXT, "text is empty or whitespace only")
    if len(text) > max_chars:
        return Failure(
            FailureKind.TEXT_TOO_LONG,
            f"text has {len(text):,} characters, over the limit of {max_chars:,} (raise it with --max-chars)",
        )
    try:
        return text, parse_published(item.published)
    except InputError as e:
        return Failure(FailureKind.BAD_DATE, str(e))

def run_batch(extractor: Extractor, inputs: list[TextInput]) -> list[Extraction | Failure]:
    """Results of one model batch; if the batch raises, each input alone, failures as :class:`Failure`."""
    try:
        return list(extractor.pipe(inputs, batch_size=max(1, len(inputs))))
    except Exception:
        out: list[Extraction | Failure] = []
        for one in inputs:
            try:
                out += extractor.pipe([one], batch_size=1)
            except Exception as e:
                out.append(Failure.of(e))
        return out

def extract_items(extractor: Extractor, items: list[Item], max_chars: int) -> list[Extraction | Failure]:
    """One outcome per item: why it cannot be extracted, or its result (one model batch for all valid)."""
    checked = [check_item(item, max_chars) for item in items]
    ready = [c for c in checked if not isinstance(c, Failure)]
    results = iter(run_batch(extractor, [(text, {"published": pub}) for text, pub in ready]))
    return [c if isinstance(c, Failure) else next(results) for c in checked]

@dataclass
class ChunkResult:
    """The output of a chunk of inputs: JSONL bytes and counts."""

    data: bytes
    inputs: int
    failed: int = 0
    warned: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)

def process_chunk(extractor: Extractor, items: list[Item], opts: Options) -> ChunkResult:
    """Check, extract (one model batch) and serialise a chunk of items: one record (or flat rows) per item."""
    rows, out = record_rows(extractor, items, opts)
    out.data = encode(rows)
    return out

def record_rows(extractor: Extractor, items: list[Item], opts: Options) -> tuple[list[dict[str, Any]], ChunkResult]:
    """Check and extract (one model batch) a chunk of items: its rows (one record, or the flat rows, per item, in
    order) and its counts (no data)."""
    out = ChunkResult(b"", len(items))
    rows: list[dict[str, Any]] = []
    for item, outcome in zip(items, extract_items(extractor, items, opts.max_chars), strict=True):
        if isinstance(outcome, Failure):
            out.failed += 1
            out.errors.append(f"{item.id}: {outcome.kind}: {outcome.message}")
            rows.append(error_row(item.id, outcome, opts.flat))
            continue
        out.words += len(outcome.text.split())
        rec = ok_record(item.id, outcome, opts.entities)
        out.warned += "warnings" in rec
        rows += flat_rows(item.id, outcome) if opts.flat else [rec]
    return rows, out
