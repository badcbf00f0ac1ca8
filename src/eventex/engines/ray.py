"""The Ray engine of ``eventex extract --engine ray``: JSONL and Parquet files read by Ray Data, ids checked,
records extracted by an actor pool and written as Parquet partitions by Ray Data.

Inputs and ids are those of the local engine (:func:`eventex.io.readers.read_file_bytes`, :class:`UniqueIds`),
the records those of :func:`eventex.chunk.record_rows`: both engines write the same rows. The output directory is
written under a temporary name and swapped in when complete, so a re-run replaces it (never appends to it).
"""

from __future__ import annotations

import os
import pickle
import shutil
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eventex.errors import InputError, MissingFileError, UsageError
from eventex.integrations.ray import ITEM_COLUMN, map_records
from eventex.io.readers import read_file_bytes
from eventex.io.records import Options
from eventex.io.sink import Summary
from eventex.runner import UniqueIds

if TYPE_CHECKING:
    import pyarrow as pa

SUFFIXES = (".parquet", ".jsonl", ".ndjson")
READ_BATCH = 1024
"""Items a batch out of the reader."""
LIGHT = 0.1
"""CPUs reserved by the reading, id-checking and writing steps (the actors hold whole CPUs)."""


@dataclass
class RaySummary(Summary):
    """A run's summary, with its first error lines (``ID: KIND: MESSAGE``)."""

    errors: list[str] = field(default_factory=list)


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


def _read(batch: pa.Table, *, names: dict[str, str], opts: Options) -> Iterator[pa.Table]:
    import pyarrow as pa

    for path, data in zip(batch.column("path").to_pylist(), batch.column("bytes").to_pylist(), strict=True):
        name = names.get(path) or names[os.path.abspath(path)]
        items = [pickle.dumps(item) for item in read_file_bytes(name, data, opts)]
        for start in range(0, len(items), READ_BATCH):
            yield pa.table({ITEM_COLUMN: pa.array(items[start : start + READ_BATCH], pa.binary())})


class _CheckIds:
    """One actor that sees every item in order and marks repeated ids, as the local engine does (were it restarted,
    ids seen before would be forgotten: it holds no model and little memory, so it is unlikely to die)."""

    def __init__(self) -> None:
        self.unique = UniqueIds()

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        items = self.unique(pickle.loads(b) for b in batch.column(ITEM_COLUMN).to_pylist())
        return pa.table({ITEM_COLUMN: pa.array([pickle.dumps(i) for i in items], pa.binary())})


def extract_files_ray(
    inputs: Sequence[str],
    out: str,
    *,
    options: Options | None = None,
    model: str | None = None,
    runtime: str | None = None,
    batch_size: int = 16,
    workers: int | None = None,
    address: str | None = None,
    max_errors: int = 20,
) -> RaySummary:
    """Extract every document of ``inputs`` into the directory ``out`` (Parquet partitions) on Ray.

    Connects to the cluster at ``address`` (default: a running one, else a local Ray started for the run and
    stopped after it). ``workers`` actors (default: one per CPU) extract ``batch_size`` documents at a time.
    """
    import ray

    opts = options or Options()
    names = input_files(inputs)
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise UsageError(f"--engine ray writes a directory of Parquet files: {out} is a file")
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    tmp = target.with_name(f".{target.name}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # ids are checked in input order, rows written in it
        ds = ray.data.read_binary_files(list(names), include_paths=True, num_cpus=LIGHT)
        ds = ds.map_batches(_read, fn_kwargs={"names": names, "opts": opts}, batch_size=1, batch_format="pyarrow",
                            num_cpus=LIGHT)
        ds = ds.map_batches(_CheckIds, batch_size=READ_BATCH, batch_format="pyarrow", num_cpus=0,
                            compute=ray.data.ActorPoolStrategy(size=1))
        ds = ds.repartition(target_num_rows_per_block=batch_size)  # a block a batch, for every actor to take
        ds = map_records(ds, opts, model=model, runtime=runtime, batch_size=batch_size, concurrency=workers,
                         keep_input=False)
        ds.write_parquet(str(tmp), ray_remote_args={"num_cpus": LIGHT})
        _swap(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if started:
            ray.shutdown()
    return summarize(target, flat=opts.flat, max_errors=max_errors)


def _swap(tmp: Path, target: Path) -> None:
    """Put the complete output ``tmp`` in the place of ``target`` (an earlier run's output is removed)."""
    tmp.mkdir(exist_ok=True)  # no input rows: an empty output
    old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def summarize(out: Path, *, flat: bool, max_errors: int = 20) -> RaySummary:
    """The counts of a written output (documents, failed, with warnings) and its first error lines."""
    import pyarrow.compute as pc
    import pyarrow.dataset as pads

    files = sorted(out.glob("*.parquet"))
    if not files:
        return RaySummary()
    key = "doc_id" if flat else "id"
    table = pads.dataset(files, format="parquet").to_table(
        columns=[key, "error", "message"] + ([] if flat else ["warnings"])
    )
    failed = table.filter(pc.is_valid(table["error"]))
    errors = [f"{r[key]}: {r['error']}: {r['message']}" for r in failed.slice(0, max_errors).to_pylist()]
    return RaySummary(
        inputs=pc.count_distinct(table[key]).as_py() if flat else table.num_rows,
        failed=failed.num_rows,
        warned=0 if flat else table.num_rows - table["warnings"].null_count,
        errors=errors,
    )
