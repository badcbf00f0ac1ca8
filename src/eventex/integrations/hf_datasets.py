"""Hugging Face ``datasets``: :func:`extract_dataset` adds events (and errors) as columns of a Dataset."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from eventex.chunk import extract_items
from eventex.errors import UsageError
from eventex.io.readers import Item
from eventex.io.records import MAX_CHARS, Failure
from eventex.loading import loaded

if TYPE_CHECKING:
    from datasets import Dataset


def extract_dataset(
    ds: Dataset,
    *,
    text_column: str = "text",
    published_column: str = "published",
    model: str | None = None,
    num_proc: int | None = None,
    batch_size: int = 16,
    entities: bool = False,
    max_chars: int = MAX_CHARS,
) -> Dataset:
    """``ds`` with an ``events`` column (JSON list of events; None on failure) and ``error`` (None when ok).

    ``published_column`` is used when present; ``entities=True`` adds an ``entities`` JSON column. Each
    process (``num_proc`` of them) loads ``model`` once; a failing document gets an ``error`` message and
    the others carry on.
    """
    from datasets import Value

    if text_column not in ds.column_names:
        raise UsageError(f"no column {text_column!r} in the dataset (columns: {', '.join(ds.column_names)})")
    features = ds.features.copy()
    new = ["events", "error"] + (["entities"] if entities else [])
    for name in new:
        features[name] = Value("string")
    return ds.map(
        _map_rows,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        features=features,
        fn_kwargs={
            "model": model, "text_column": text_column, "published_column": published_column,
            "entities": entities, "max_chars": max_chars,
        },
        desc="eventex",
    )

def _map_rows(
    batch: dict[str, list[Any]],
    *,
    model: str | None,
    text_column: str,
    published_column: str,
    entities: bool,
    max_chars: int,
) -> dict[str, list[Any]]:
    texts = batch[text_column]
    published = batch.get(published_column, [None] * len(texts))
    items = [Item("", t, p) for t, p in zip(texts, published, strict=True)]
    columns = ["events", "entities"] if entities else ["events"]
    out: dict[str, list[Any]] = {name: [] for name in [*columns, "error"]}
    for outcome in extract_items(loaded(model), items, max_chars):
        failed = isinstance(outcome, Failure)
        out["error"].append(f"{outcome.kind}: {outcome.message}" if failed else None)
        for name in columns:
            values = None if failed else [x.model_dump(mode="json") for x in getattr(outcome, name)]
            out[name].append(None if values is None else json.dumps(values, ensure_ascii=False))
    return out
