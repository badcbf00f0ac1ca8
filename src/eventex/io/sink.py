"""Sinks: records written a chunk at a time to stdout or a file, resumable, JSONL or Parquet.

Resume
    Output is appended one chunk at a time, fsync'ed, then committed in ``OUT.progress`` (written to a
    temporary file and renamed). ``resume`` truncates the output to the last commit and skips the inputs
    committed so far, so an interruption at any moment (Ctrl-C, kill -9, power loss) loses and duplicates
    nothing. Parquet output is built from a JSONL journal (``OUT.jsonl.partial``) once every input is done,
    so it resumes the same way (Parquet stores ``events``/``entities`` as JSON strings and dates as dates).
    The progress file is removed when the run finishes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from eventex.errors import ResumeError
from eventex.io.records import FLAT_COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa

    from eventex.chunk import ChunkResult


DATE_COLUMNS = {"published", "date_start", "date_end"}
"""Flat-row columns that Parquet stores as dates."""


@dataclass
class Summary:
    """What a run wrote: inputs done, how many failed, how many carry warnings."""

    inputs: int = 0
    failed: int = 0
    warned: int = 0

class Output:
    """Records to a stream (stdout), written and flushed a batch at a time."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.summary = Summary()

    def commit(self, chunk: ChunkResult) -> None:
        """Write one chunk's records and count its inputs as done."""
        self.stream.write(chunk.data)
        self.stream.flush()
        self.summary.inputs += chunk.inputs
        self.summary.failed += chunk.failed
        self.summary.warned += chunk.warned

    def finish(self) -> None:
        """Called once every input is done."""

    def close(self) -> None:
        """Called at the end, finished or not."""

class FileOutput(Output):
    """Records to a file, each batch committed: appended, fsync'ed, then counted in ``OUT.progress``."""

    def __init__(
        self, target: Path, fmt: str, fingerprint: dict[str, Any], *, resume: bool, flat: bool, entities: bool
    ) -> None:
        self.target = target
        self.fmt, self.fingerprint, self.flat, self.entities = fmt, fingerprint, flat, entities
        self.journal = target if fmt == "jsonl" else target.with_name(target.name + ".jsonl.partial")
        self.progress = target.with_name(target.name + ".progress")
        state = self._resume_state() if resume else self._fresh_state()
        offset = state.pop("offset", 0)
        summary = self.summary = Summary(**state)
        self._write_progress(offset)  # before the output is touched: a run killed from here on can be resumed
        try:
            stream = self.journal.open("r+b" if offset else "wb")
        except OSError:
            if not offset:  # nothing committed: leave nothing behind
                self.progress.unlink()
            raise
        super().__init__(stream)
        self.summary = summary
        self.stream.truncate(offset)  # drop a batch written after the last commit
        self.stream.seek(offset)

    def _fresh_state(self) -> dict[str, int]:
        if self.progress.exists():
            raise ResumeError(f"{self.progress} exists (an unfinished run): use --resume or delete it")
        return {}

    def _resume_state(self) -> dict[str, int]:
        if not self.progress.exists():
            if self.target.exists():
                raise ResumeError(f"nothing to resume: {self.target} exists but {self.progress} does not")
            return {}
        state = json.loads(self.progress.read_text())
        if state.pop("fingerprint") != self.fingerprint:
            raise ResumeError(f"{self.progress} was written for other inputs or options; cannot resume")
        if state["offset"] and (not self.journal.exists() or self.journal.stat().st_size < state["offset"]):
            raise ResumeError(f"{self.journal} is shorter than {self.progress} says; cannot resume")
        return state

    def commit(self, chunk: ChunkResult) -> None:
        """Write one chunk's records, make them durable, then commit them in the progress file."""
        super().commit(chunk)
        os.fsync(self.stream.fileno())
        self._write_progress(self.stream.tell())

    def _write_progress(self, offset: int) -> None:
        state = {"fingerprint": self.fingerprint, "offset": offset, **asdict(self.summary)}
        tmp = self.progress.with_name(self.progress.name + ".tmp")
        with tmp.open("w") as f:
            json.dump(state, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.progress)
        _fsync_dir(self.progress.parent)

    def finish(self) -> None:
        """Close the output (building the Parquet file from the journal) and drop the progress file."""
        self.stream.close()
        if self.fmt == "parquet":
            tmp = self.target.with_name(self.target.name + ".tmp")
            jsonl_to_parquet(self.journal, tmp, flat=self.flat, entities=self.entities)
            os.replace(tmp, self.target)
            _fsync_dir(self.target.parent)
            self.journal.unlink()
        self.progress.unlink()

    def close(self) -> None:
        """Close the journal; an unfinished run stays resumable, one that committed nothing leaves no files
        (so a run that failed at once, on a bad model say, can simply be run again)."""
        self.stream.close()
        if self.progress.exists() and not self.summary.inputs:
            self.journal.unlink(missing_ok=True)
            self.progress.unlink()

def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

def parquet_schema(flat: bool, entities: bool) -> pa.Schema:
    """The Arrow schema of the records (``events``/``entities`` as JSON strings) or of the flat rows."""
    import pyarrow as pa

    if flat:
        types = {"start": pa.int64(), "end": pa.int64(), "implicit": pa.bool_()}
        types |= dict.fromkeys(DATE_COLUMNS, pa.date32())
        return pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])
    cols = [("id", pa.string()), ("published", pa.date32()), ("events", pa.string())]
    cols += [("entities", pa.string())] if entities else []
    cols += [("warnings", pa.list_(pa.string())), ("error", pa.string()), ("message", pa.string())]
    return pa.schema(cols)

def jsonl_to_parquet(src: Path, dest: Path, *, flat: bool, entities: bool, group: int = 10_000) -> None:
    """Convert the JSONL records (or flat rows) in ``src`` to a Parquet file, streaming."""
    import pyarrow.parquet as pq

    schema = parquet_schema(flat, entities)
    with src.open("rb") as f, pq.ParquetWriter(dest, schema) as writer:
        while lines := list(islice(f, group)):
            writer.write_table(parquet_table([json.loads(line) for line in lines], flat=flat, entities=entities))

def parquet_table(rows: list[dict[str, Any]], *, flat: bool, entities: bool) -> pa.Table:
    """Records (or flat rows) as an Arrow table of :func:`parquet_schema`."""
    import pyarrow as pa

    return pa.Table.from_pylist([_parquet_row(r, flat) for r in rows], schema=parquet_schema(flat, entities))

def _parquet_row(rec: dict[str, Any], flat: bool) -> dict[str, Any]:
    row = {k: dt.date.fromisoformat(v) if k in DATE_COLUMNS and v else v for k, v in rec.items()}
    if not flat:
        for k in ("events", "entities"):
            if k in row:
                row[k] = json.dumps(row[k], ensure_ascii=False)
    return row
