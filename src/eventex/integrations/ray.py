"""Ray Data: :func:`extract` adds the records of :mod:`eventex.io.records` to a Ray Dataset, extracted by a pool
of actors that each load the model once.

The rows, columns and errors are those of the CLI's Parquet output (:func:`eventex.chunk.record_rows` and
:func:`eventex.io.sink.parquet_table`), so the Ray and local engines agree row for row.
"""

from __future__ import annotations

import hashlib
import os
import sys
from typing import TYPE_CHECKING, Any

from eventex.errors import UsageError
from eventex.io.readers import Item, record_item
from eventex.io.records import MAX_CHARS, Options
from eventex.io.sink import parquet_table

if TYPE_CHECKING:
    import pyarrow as pa
    import ray.data

    from eventex.chunk import ChunkResult

CRASH_FILE_ENV = "EVENTEX_RAY_CRASH_FILE"
"""Test hook: when this variable names a file that exists, the first actor to see it removes it and kills its own
process (to test that Ray restarts the actor and retries its batch)."""

SPARE_CPUS = 1.0
"""CPUs the actors leave to reading and writing (actors that hold every CPU starve Ray Data's readers)."""


def content_id(text: object) -> str:
    """The id of a row without an id column: a hash of its text, the same on every run and machine."""
    return "sha1:" + hashlib.sha1(repr(text).encode("utf-8", "backslashreplace")).hexdigest()[:16]


class Extract:
    """A Ray Data callable class: loads the model once per actor (inference threads = the actor's CPUs), then
    turns each batch into records (or flat rows). Subclasses change where items come from (:meth:`items`) and
    what a batch becomes (:meth:`output`)."""

    def __init__(self, opts: Options, model: str | None = None, runtime: str | None = None) -> None:
        import ray

        if runtime != "torch":
            _import_spacy_without_torch()
        from eventex.loading import loaded

        cpus = ray.get_runtime_context().get_assigned_resources().get("CPU", 1)
        self.extractor = loaded(model, threads=max(1, round(cpus)), runtime=runtime)
        self.opts = opts

    def __call__(self, batch: pa.Table) -> pa.Table:
        """The batch's records (:meth:`output`)."""
        from eventex.chunk import record_rows

        _crash_hook()
        rows, counts = record_rows(self.extractor, self.items(batch), self.opts)
        return self.output(batch, rows, counts)

    def items(self, batch: pa.Table) -> list[Item]:
        """The batch's rows as items (ids from ``opts.id_field``, else :func:`content_id`)."""
        text = self.opts.text_field
        return [record_item(row, content_id(row.get(text)), self.opts) for row in batch.to_pylist()]

    def output(self, batch: pa.Table, rows: list[dict[str, Any]], counts: ChunkResult) -> pa.Table:
        """The records after the batch's input columns, which they replace on a name clash (``--flat``: the flat
        rows alone)."""
        out = parquet_table(rows, flat=self.opts.flat, entities=self.opts.entities)
        if self.opts.flat:
            return out
        kept = batch.drop_columns([c for c in batch.column_names if c in out.column_names])
        for name, column in zip(out.column_names, out.columns, strict=True):
            kept = kept.append_column(name, column)
        return kept


def _import_spacy_without_torch() -> None:
    """Import spaCy (into a new actor) with thinc's optional torch support off: thinc imports torch wherever it
    is installed, about a second of CPU that the ONNX runtime and eventex's spaCy pipelines do not use. torch
    stays importable afterwards."""
    if "thinc" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` fails: thinc takes it as absent
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]


def _crash_hook() -> None:
    marker = os.environ.get(CRASH_FILE_ENV)
    if marker:
        try:
            os.remove(marker)
        except FileNotFoundError:
            return
        os.kill(os.getpid(), 9)


def extract(
    ds: ray.data.Dataset,
    *,
    text_column: str = "text",
    published_column: str = "published",
    id_column: str | None = None,
    model: str | None = None,
    runtime: str | None = None,
    batch_size: int = 16,
    concurrency: int | None = None,
    entities: bool = False,
    flat: bool = False,
    max_chars: int = MAX_CHARS,
    num_cpus: float | None = None,
) -> ray.data.Dataset:
    """``ds`` with the record columns of ``eventex extract`` (lazy, as Ray Datasets are).

    Each input row keeps its columns and gains ``id`` (``id_column``'s value, else :func:`content_id` of the
    text), ``published``, ``events`` (JSON), [``entities`` (JSON)], ``warnings``, ``error`` and ``message``; a
    record column replaces an input column of the same name. A failing document gets ``error``/``message`` and
    the others carry on. ``flat=True`` gives the ``--flat`` rows instead (``doc_id`` links them to the input).
    ``concurrency`` actors (default: one per CPU of the cluster) of ``num_cpus`` CPUs each (default: the
    cluster's CPUs less :data:`SPARE_CPUS`, shared) load ``model`` (entity head on ``runtime``) once; a dead actor
    is restarted and its batch retried (Ray Data's default for actor pools: ``max_restarts=-1``,
    ``max_task_retries=-1``; a failing document is an error row, never an exception, so only a lost process
    triggers this).
    """
    if text_column not in ds.columns():
        raise UsageError(f"no column {text_column!r} in the dataset (columns: {', '.join(ds.columns())})")
    opts = Options(
        text_field=text_column, published_field=published_column, id_field=id_column, entities=entities, flat=flat,
        max_chars=max_chars,
    )
    return map_records(
        ds, opts, model=model, runtime=runtime, batch_size=batch_size, concurrency=concurrency, num_cpus=num_cpus
    )


def map_records(
    ds: ray.data.Dataset, opts: Options, *, model: str | None, runtime: str | None, batch_size: int,
    concurrency: int | None = None, num_cpus: float | None = None, udf: type[Extract] = Extract,
    **udf_kwargs: Any,
) -> ray.data.Dataset:
    """``ds`` mapped to records by ``concurrency`` actors of ``udf`` (an :class:`Extract`, given ``udf_kwargs``
    too) of ``num_cpus`` each (defaults as in :func:`extract`)."""
    import ray

    cpus = ray.cluster_resources().get("CPU", 1)
    concurrency = concurrency or max(1, int(cpus))
    num_cpus = num_cpus or max(0.1, (cpus - SPARE_CPUS) / concurrency)
    return ds.map_batches(
        udf,
        fn_constructor_kwargs={"opts": opts, "model": model, "runtime": runtime, **udf_kwargs},
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=concurrency),
        num_cpus=num_cpus,
    )
