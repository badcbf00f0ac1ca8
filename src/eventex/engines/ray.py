"""The Ray engine of ``eventex extract --engine ray``: JSONL and Parquet files read by Ray Data, ids checked,
records extracted by an actor pool and written as Parquet or JSONL partitions by Ray Data.

Inputs and ids are those of the local engine (:func:`eventex.io.readers.read_file_bytes`, :class:`UniqueIds`),
the records those of :func:`eventex.chunk.record_rows`: both engines write the same rows (JSONL partitions,
concatenated in name order, are the local engine's JSONL output byte for byte). The output directory is written
under a temporary name and swapped in when complete, so a re-run replaces it (never appends to it); a directory
that this engine did not write (no :data:`MARKER` in it) is never replaced.

Every Ray worker process of a run imports this module; only the extractor actors load spaCy and the model, so the
module imports neither (a second or two of CPU per process when a run starts).
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import threading
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventex.errors import InputError, MissingFileError, UsageError
from eventex.integrations.ray import Extract, map_records
from eventex.io.readers import Item, UniqueIds, read_file_bytes
from eventex.io.records import Options, encode
from eventex.io.sink import Summary, parquet_table

if TYPE_CHECKING:
    import pyarrow as pa
    import ray.data
    from ray.data.block import BlockAccessor

    from eventex.chunk import ChunkResult
    from eventex.runner import Progress

SUFFIXES = (".parquet", ".jsonl", ".ndjson")
FORMATS = ("parquet", "jsonl")
MARKER = "_eventex.json"
"""The file that marks a directory as this engine's output (readers skip names that start with ``_``)."""
ITEM_COLUMN = "item"
"""The column of pickled :class:`~eventex.io.readers.Item` rows fed to the actors."""
SEQ_COLUMN = "seq"
"""The column of item ordinals (from 1, in input order) beside :data:`ITEM_COLUMN`: a batch is known by its first."""
LINE_COLUMN = "line"
"""The column of JSONL lines (one output row each) that the actors give for JSONL output."""
READ_BATCH = 1024
"""Items a batch out of the reader."""
LIGHT = 0.1
"""CPUs reserved by the reading, id-checking and writing steps (the actors hold whole CPUs)."""
POLL_S = 0.5
"""Seconds between two looks at the actors' progress."""


def input_files(inputs: Sequence[str]) -> dict[str, str]:
    """Absolute path → name (as the local engine names it in ids) of every input file, in order."""
    files: dict[str, str] = {}
    for spec in inputs:
        path = Path(spec)
        if not path.exists():
            raise MissingFileError(f"no such input: {spec}")
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
        for p in found:
            if p.suffix.lower() not in SUFFIXES:
                raise InputError(f"--engine ray reads Parquet and JSONL files (or directories of them), not {spec!r}")
            files.setdefault(os.path.abspath(p), str(p))
        if not found:
            raise InputError(f"{spec}: no Parquet or JSONL files in it or below it")
    return files


def check_target(target: Path) -> None:
    """UsageError unless ``target`` may be (re)written: absent, an empty directory or this engine's output."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"--engine ray writes a directory: {target} is a file")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise UsageError(f"{target} is not empty and not an eventex output ({MARKER} missing): not replaced")


def _read(batch: pa.Table, *, names: dict[str, str], opts: Options) -> Iterator[pa.Table]:
    import pyarrow as pa

    for path, data in zip(batch.column("path").to_pylist(), batch.column("bytes").to_pylist(), strict=True):
        name = names.get(path) or names[os.path.abspath(path)]
        items = [pickle.dumps(item) for item in read_file_bytes(name, data, opts)]
        for start in range(0, len(items), READ_BATCH):
            yield pa.table({ITEM_COLUMN: pa.array(items[start : start + READ_BATCH], pa.binary())})


class _Ledger:
    """The run's one stateful actor: it marks repeated ids as the local engine does, seeing every item in input
    order (:func:`_check_ids`), and counts the extracted batches, each once (a batch retried after a lost actor is
    known by its first item's ordinal), keeping the new ones for the driver's progress display (with ``report``).
    It holds no model and little memory, so it is unlikely to die (were it restarted, ids seen before would be
    forgotten)."""

    def __init__(self, report: bool) -> None:
        self.unique = UniqueIds()
        self.report = report
        self.done: dict[int, tuple[int, int, int]] = {}
        self.new: list[ChunkResult] = []

    def check(self, items: list[bytes]) -> tuple[int, list[bytes]]:
        """The ordinal of the first of ``items`` (pickled) and the items with repeated ids marked."""
        first = self.unique.seen + 1
        return first, [pickle.dumps(i) for i in self.unique(pickle.loads(b) for b in items)]

    def add(self, seq: int, chunk: ChunkResult) -> None:
        if self.report and seq not in self.done:
            self.new.append(chunk)
        self.done[seq] = chunk.inputs, chunk.failed, chunk.warned

    def take(self) -> list[ChunkResult]:
        """The batches counted since the last call."""
        new, self.new = self.new, []
        return new

    def summary(self) -> Summary:
        """Documents, failed, with warnings: over every batch."""
        inputs, failed, warned = (sum(c) for c in zip(*self.done.values(), strict=True)) if self.done else (0, 0, 0)
        return Summary(inputs, failed, warned)


def _check_ids(batch: pa.Table, *, ledger: Any) -> pa.Table:
    """A batch of items with their ordinals and repeated ids marked by the ledger (run one at a time, in order)."""
    import pyarrow as pa
    import ray

    first, items = ray.get(ledger.check.remote(batch.column(ITEM_COLUMN).to_pylist()))
    seq = pa.array(range(first, first + len(items)), pa.int64())
    return pa.table({ITEM_COLUMN: pa.array(items, pa.binary()), SEQ_COLUMN: seq})


class _ExtractItems(Extract):
    """The engine's extractor actor: items in, Parquet records or JSONL lines out, counts told to the ledger."""

    def __init__(
        self, opts: Options, model: str | None = None, runtime: str | None = None, *, fmt: str, ledger: Any
    ) -> None:
        super().__init__(opts, model, runtime)
        self.fmt, self.ledger = fmt, ledger

    def items(self, batch: pa.Table) -> list[Item]:
        return [pickle.loads(b) for b in batch.column(ITEM_COLUMN).to_pylist()]

    def output(self, batch: pa.Table, rows: list[dict[str, Any]], counts: ChunkResult) -> pa.Table:
        import pyarrow as pa
        import ray

        ray.get(self.ledger.add.remote(batch.column(SEQ_COLUMN)[0].as_py(), counts))
        if self.fmt == "jsonl":
            return pa.table({LINE_COLUMN: pa.array([encode([r]) for r in rows], pa.binary())})
        return parquet_table(rows, flat=self.opts.flat, entities=self.opts.entities)


def _jsonl_sink(path: str) -> Any:
    """A Ray Data datasink writing the JSONL lines of each write task to one ``.jsonl`` file."""
    from ray.data.datasource import BlockBasedFileDatasink

    class JsonlLines(BlockBasedFileDatasink):
        def write_block_to_file(self, block: BlockAccessor, file: Any) -> None:
            file.write(b"".join(block.to_arrow().column(LINE_COLUMN).to_pylist()))

    return JsonlLines(path, file_format="jsonl")


def item_dataset(names: dict[str, str], opts: Options, ledger: Any) -> ray.data.Dataset:
    """The documents of the files ``names`` (:func:`input_files`) as pickled items with their ordinals, in order,
    repeated ids marked: read by Ray Data, checked by ``ledger`` (a :class:`_Ledger`: the part of a run that does not
    scale out) from one task at a time."""
    import ray

    ds = ray.data.read_binary_files(list(names), include_paths=True, num_cpus=LIGHT)
    ds = ds.map_batches(_read, fn_kwargs={"names": names, "opts": opts}, batch_size=1, batch_format="pyarrow",
                        num_cpus=LIGHT)
    return ds.map_batches(_check_ids, fn_kwargs={"ledger": ledger}, batch_size=READ_BATCH, batch_format="pyarrow",
                          num_cpus=LIGHT, concurrency=1)


def new_ledger(report: bool = False) -> Any:
    """A :class:`_Ledger` actor (no CPU reserved)."""
    import ray

    return ray.remote(num_cpus=0)(_Ledger).remote(report)


def extract_files_ray(
    inputs: Sequence[str],
    out: str,
    *,
    fmt: str = "parquet",
    options: Options | None = None,
    model: str | None = None,
    runtime: str | None = None,
    batch_size: int = 16,
    workers: int | None = None,
    address: str | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Extract every document of ``inputs`` into the directory ``out`` (``fmt``: Parquet or JSONL partitions) on
    Ray; the counts of what it wrote.

    Connects to the cluster at ``address`` (default: a running one, else a local Ray started for the run and
    stopped after it). ``workers`` actors (default: one per CPU) extract ``batch_size`` documents at a time.
    ``progress`` is told as :func:`eventex.runner.extract_files` tells it (chunks as the actors finish them, in
    any order; a batch retried after a lost actor is counted once).
    """
    import ray

    if fmt not in FORMATS:
        raise UsageError(f"--engine ray writes {' or '.join(FORMATS)}, not {fmt!r}")
    opts = options or Options()
    names = input_files(inputs)
    target = Path(out)
    check_target(target)
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    tmp = target.with_name(f".{target.name}.tmp-{uuid.uuid4().hex[:8]}")
    ctx = ray.data.DataContext.get_current()
    log = logging.getLogger("ray.data")
    saved = ctx.execution_options.preserve_order, ctx.enable_progress_bars, log.level
    try:
        ctx.execution_options.preserve_order = True  # ids are checked in input order, rows written in it
        if progress:  # the caller's display, instead of Ray Data's bars and messages
            ctx.enable_progress_bars = False
            log.setLevel(logging.ERROR)
        ledger = new_ledger(progress is not None)
        ds = item_dataset(names, opts, ledger).repartition(target_num_rows_per_block=batch_size)  # a block a batch
        ds = map_records(ds, opts, model=model, runtime=runtime, batch_size=batch_size, concurrency=workers,
                         udf=_ExtractItems, fmt=fmt, ledger=ledger)
        with _Reporter(ledger, progress):
            if fmt == "jsonl":
                ds.write_datasink(_jsonl_sink(str(tmp)), ray_remote_args={"num_cpus": LIGHT})
            else:
                ds.write_parquet(str(tmp), ray_remote_args={"num_cpus": LIGHT})
        tmp.mkdir(parents=True, exist_ok=True)  # no input rows: an empty output
        (tmp / MARKER).write_text(json.dumps({"format": fmt, "flat": opts.flat, "entities": opts.entities}) + "\n")
        summary: Summary = ray.get(ledger.summary.remote())
        _swap(tmp, target)
    finally:
        ctx.execution_options.preserve_order, ctx.enable_progress_bars, level = saved
        log.setLevel(level)
        shutil.rmtree(tmp, ignore_errors=True)
        if started:
            ray.shutdown()
    return summary


class _Reporter:
    """While the job runs, a thread that hands the ledger's chunks to ``progress`` with the summary so far."""

    def __init__(self, ledger: Any, progress: Progress | None) -> None:
        self.ledger, self.progress = ledger, progress
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.summary = Summary()

    def __enter__(self) -> None:
        if self.progress:
            self.progress(self.summary, None)
            self.thread.start()

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        if self.thread.is_alive():
            self.thread.join()

    def _run(self) -> None:
        import ray

        assert self.progress is not None
        finished = False
        while not finished:
            finished = self.done.wait(POLL_S)
            try:
                chunks = ray.get(self.ledger.take.remote())
            except ray.exceptions.RayError:  # Ray shut down under us (an interrupted run): no more progress
                return
            for chunk in chunks:
                self.summary.inputs += chunk.inputs
                self.summary.failed += chunk.failed
                self.summary.warned += chunk.warned
                self.progress(self.summary, chunk)


def _swap(tmp: Path, target: Path) -> None:
    """Put the complete output ``tmp`` in the place of ``target`` (an earlier run's output is removed)."""
    old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)
