"""Batch extraction: ``eventex extract`` over files, directories, tables and datasets, and parallel ``pipe``.

Inputs
    ``.txt`` files; directories (every ``*.txt`` below them, in sorted path order); JSONL (``.jsonl``,
    ``.ndjson``; ``-`` reads JSONL from stdin); CSV with a header row; Parquet; a Hugging Face ``datasets``
    dataset saved with ``save_to_disk`` (a ``DatasetDict``: every split in turn).

Ids
    The ``--id-field`` value when given, else the file path (``.txt``), ``<file>:<line>`` (JSONL, CSV; lines
    count from 1) or ``<path>:<row>`` (Parquet, datasets; rows count from 0; ``<path>/<split>:<row>`` for a
    DatasetDict). A duplicate id is not extracted: it gets an error record (``DuplicateId``), so that ids in
    the output stay unique.

Records (one per input document, in input order)
    ``{"id", "published", "events", ["entities"], ["warnings"]}`` on success (``events``/``entities`` are
    lists of schema JSON, see ``eventex schema``); ``{"id", "error", "message"}`` on failure. ``warnings``
    flag text that was processed but looks wrong (HTML markup, not English, parts left unread).
    With ``--flat``: one row per event × role filler (an event without fillers, a document without events
    and a failed document each get one row), columns ``FLAT_COLUMNS``.
    Parquet stores ``events``/``entities`` as JSON strings and dates as dates.

Errors (a record each; the batch carries on)
    ``UnicodeDecodeError`` (not UTF-8), ``JSONDecodeError`` (a JSONL line that is not JSON), ``TypeError``
    (a record that is not an object, a text that is not a string), ``MissingField``, ``EmptyText`` (empty or
    whitespace only), ``TextTooLong`` (over ``--max-chars``), ``ValueError`` (a bad published date),
    ``DuplicateId``, ``OSError``/``PermissionError`` (an unreadable file), ``NoInputFiles`` (a directory
    without ``.txt`` files), ``OutsideInput`` (a ``.txt`` link in a directory to a file outside it), or the
    name of an exception raised by the model for that document: a batch that fails is re-run one document at a
    time, so one bad document never fails the others.

Exit codes
    0: every record succeeded; 1: some records are error records; 2: usage or fatal error (nothing written,
    or an unfinished output to continue with ``--resume``); 130: interrupted (continue with ``--resume``).

Resume
    Output is appended one batch at a time, fsync'ed, then committed in ``OUT.progress`` (written to a
    temporary file and renamed). ``--resume`` truncates the output to the last commit and skips the inputs
    committed so far, so an interruption at any moment (Ctrl-C, kill -9, power loss) loses and duplicates
    nothing. Parquet output is built from a JSONL journal (``OUT.jsonl.partial``) once every input is done,
    so it resumes the same way. The progress file is removed when the run finishes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import multiprocessing
import os
import re
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from tqdm import tqdm

from eventex.ner.runtime import RUNTIMES
from eventex.pipeline import Extractor, TextInput, check_text, parse_published
from eventex.schema import Entity, Extraction, event_roles

if TYPE_CHECKING:
    import pyarrow as pa
    from datasets import Dataset

__all__ = [
    "FLAT_COLUMNS", "Failure", "Options", "Summary", "extract_dataset", "extract_files", "flat_rows",
    "parallel_pipe", "read_inputs", "run_batch", "summarize",
]

T = TypeVar("T")
R = TypeVar("R")

MAX_CHARS = 1_000_000
MAX_PRINTED_ERRORS = 20
FLAT_COLUMNS = (
    "doc_id", "published", "event", "type", "status", "date_start", "date_end", "trigger", "evidence",
    "role", "label", "text", "start", "end", "canonical", "id", "implicit", "error", "message",
)
_DATE_COLUMNS = {"published", "date_start", "date_end"}
_KINDS = {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|b|i|em|strong|br|hr|table|tr|td|ul|ol|li|h[1-6]|script|style|img)"
    r"\b[^<>]*>",
    re.IGNORECASE,
)
_ENGLISH_WORDS = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "at", "said",
    "it", "from", "his", "has", "be", "are", "an", "will", "have", "which", "this", "its", "were", "not",
    "but", "or", "after", "their", "he", "they",
))


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Options:
    """How input records are read and output records are shaped."""

    text_field: str = "text"
    id_field: str | None = None
    published_field: str = "published"
    published: str | None = None
    entities: bool = False
    flat: bool = False
    max_chars: int = MAX_CHARS


@dataclass(frozen=True)
class Failure:
    """Why a document has an error record instead of events."""

    kind: str
    message: str

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        return cls(type(exc).__name__, str(exc))


@dataclass
class Item:
    """One input document as read: its id, raw text and published values, or why it could not be read."""

    id: str
    text: object = None
    published: object = None
    failure: Failure | None = None


def check_item(item: Item, max_chars: int = MAX_CHARS) -> Failure | tuple[str, dt.date | None]:
    """The text and publication date of an item, or the failure that gives it an error record."""
    if item.failure:
        return item.failure
    if item.text is None:
        return Failure("MissingField", "no text (null)")
    try:
        text = check_text(item.text)
        text.encode("utf-8")
    except TypeError as e:
        return Failure.of(e)
    except UnicodeEncodeError:
        return Failure("UnicodeDecodeError", "text is not valid UTF-8 (the input has undecodable bytes)")
    if not text.strip():
        return Failure("EmptyText", "text is empty or whitespace only")
    if len(text) > max_chars:
        return Failure(
            "TextTooLong",
            f"text has {len(text):,} characters, over the limit of {max_chars:,} (raise it with --max-chars)",
        )
    try:
        return text, parse_published(item.published)
    except ValueError as e:
        return Failure.of(e)


def text_warnings(text: str) -> list[str]:
    """Reasons to doubt the result for a text that was processed: markup, a language other than English."""
    out = []
    if tags := len(_HTML_TAG.findall(text)):
        out.append(f"html: {tags} HTML tags; offsets refer to the raw markup (strip tags for better results)")
    words = re.findall(r"[^\W\d_]+", _HTML_TAG.sub(" ", text).lower())
    letters = "".join(words)
    latin = sum(c.isascii() for c in letters)
    english = sum(w in _ENGLISH_WORDS for w in words)
    if (len(letters) >= 20 and latin < len(letters) / 2) or (len(words) >= 12 and english < len(words) / 10):
        out.append("language: the text does not look like English; the models are trained on English news")
    return out


def _ok_record(doc_id: str, ex: Extraction, entities: bool) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": doc_id,
        "published": ex.published.isoformat() if ex.published else None,
        "events": [e.model_dump(mode="json") for e in ex.events],
    }
    if entities:
        rec["entities"] = [e.model_dump(mode="json") for e in ex.entities]
    warnings = text_warnings(ex.text) + [f"unread: {u.start}-{u.end}: {u.reason}" for u in ex.meta.unread]
    if warnings:
        rec["warnings"] = warnings
    return rec


def flat_rows(doc_id: str, ex: Extraction) -> list[dict[str, Any]]:
    """One row per event × role filler (one per event without fillers, one for a text without events)."""
    blank = dict.fromkeys(FLAT_COLUMNS)
    doc = {**blank, "doc_id": doc_id, "published": ex.published.isoformat() if ex.published else None}
    rows = []
    for ev in ex.events:
        event = {
            **doc, "event": ev.id, "type": ev.type, "status": ev.status, "trigger": ev.trigger.text,
            "evidence": ev.evidence[0].text if ev.evidence else None,
        }
        if ev.date:
            event["date_start"] = ev.date.date_start.isoformat() if ev.date.date_start else None
            event["date_end"] = ev.date.date_end.isoformat() if ev.date.date_end else None
        fillers: list[tuple[str, Entity]] = []
        for role, many in event_roles(ev.type).items():
            value = getattr(ev, role)
            fillers += [(role, e) for e in (value if many else [value] if value else [])]
        rows += [{**event, "role": role, **_filler(e)} for role, e in fillers] or [event]
    return rows or [doc]


def _filler(e: Entity) -> dict[str, Any]:
    return {
        "label": e.label, "text": e.text, "start": e.start, "end": e.end,
        "canonical": e.canonical, "id": e.id, "implicit": e.implicit,
    }


def _error_row(doc_id: str, failure: Failure, flat: bool) -> dict[str, Any]:
    error = {"error": failure.kind, "message": failure.message}
    return {**dict.fromkeys(FLAT_COLUMNS), "doc_id": doc_id, **error} if flat else {"id": doc_id, **error}


# --------------------------------------------------------------------------------------------- processing


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
    out = ChunkResult(b"", len(items))
    rows: list[dict[str, Any]] = []
    for item, outcome in zip(items, extract_items(extractor, items, opts.max_chars), strict=True):
        if isinstance(outcome, Failure):
            out.failed += 1
            out.errors.append(f"{item.id}: {outcome.kind}: {outcome.message}")
            rows.append(_error_row(item.id, outcome, opts.flat))
            continue
        out.words += len(outcome.text.split())
        rec = _ok_record(item.id, outcome, opts.entities)
        out.warned += "warnings" in rec
        rows += flat_rows(item.id, outcome) if opts.flat else [rec]
    # backslashreplace: undecodable bytes read from CSV (lone surrogates) stay valid JSON escapes
    lines = (json.dumps(r, ensure_ascii=False).encode(errors="backslashreplace") for r in rows)
    out.data = b"".join(line + b"\n" for line in lines)
    return out


# --------------------------------------------------------------------------------------------- workers

_loaded: dict[tuple[str | None, str | None], Extractor] = {}
_worker: Extractor | None = None


def loaded(model: str | None, threads: int | None = None, runtime: str | None = None) -> Extractor:
    """The extractor for ``model``, loaded once per process (``threads``: inference threads, None = all;
    ``runtime``: the entity head's runtime, None = its default)."""
    if (model, runtime) not in _loaded:
        import eventex

        _loaded[model, runtime] = eventex.load(model, threads=threads, runtime=runtime)
    return _loaded[model, runtime]


def worker_threads(n_process: int) -> int:
    """Inference threads per worker, so that ``n_process`` workers share the cores instead of oversubscribing."""
    return max(1, (os.cpu_count() or 1) // n_process)


def _init_worker(model: str | Extractor | None, threads: int, runtime: str | None) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _worker = model if isinstance(model, Extractor) else loaded(model, threads, runtime)


def _pipe_task(batch: list[TextInput]) -> list[Extraction]:
    assert _worker is not None
    return list(_worker.pipe(batch, batch_size=len(batch)))


def _chunk_task(task: tuple[list[Item], Options]) -> ChunkResult:
    assert _worker is not None
    return process_chunk(_worker, *task)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver (workers fork from a process that imported eventex once) where there is one, else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


def parallel_map(
    model: str | Extractor | None, fn: Callable[[T], R], tasks: Iterable[T], n_process: int,
    runtime: str | None = None,
) -> Iterator[R]:
    """``fn(task)`` in ``n_process`` spawned workers, in task order, a few tasks in flight per worker.

    Each worker loads ``model`` once: a name for :func:`eventex.load` (with ``runtime``), or an Extractor
    (pickled to it).
    """
    pool = ProcessPoolExecutor(
        n_process, mp_context=_context(), initializer=_init_worker,
        initargs=(model, worker_threads(n_process), runtime),
    )
    pending: deque[Future[R]] = deque()
    try:
        for task in tasks:
            pending.append(pool.submit(fn, task))
            if len(pending) > 2 * n_process:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def parallel_pipe(
    extractor: Extractor, batches: Iterable[list[TextInput]], n_process: int
) -> Iterator[Extraction]:
    """:meth:`Extractor.pipe` over ``n_process`` worker processes (used by ``pipe(n_process=…)``)."""
    for results in parallel_map(extractor, _pipe_task, batches, n_process):
        yield from results


# --------------------------------------------------------------------------------------------- readers


def input_kind(spec: str) -> str:
    """What INPUT is: stdin, dataset, dir, txt, jsonl, csv or parquet; else FileNotFoundError/ValueError."""
    path = Path(spec)
    if spec == "-":
        return "stdin"
    if path.is_dir():
        return "dataset" if _is_dataset(path) else "dir"
    if not path.exists():
        raise FileNotFoundError(f"no such input: {spec}")
    if path.suffix.lower() not in _KINDS:
        expected = ", ".join(_KINDS)
        raise ValueError(f"unknown input type {spec!r}: expected {expected}, a directory or -")
    return _KINDS[path.suffix.lower()]


def read_inputs(inputs: Sequence[str], opts: Options) -> Iterator[Item]:
    """Every input document, in order, each as an :class:`Item` (unreadable ones carry their failure)."""
    for spec in inputs:
        path = Path(spec)
        try:
            match input_kind(spec):
                case "stdin":
                    yield from _read_jsonl_lines(sys.stdin.buffer, "<stdin>", opts)
                case "dataset":
                    yield from _read_dataset(path, opts)
                case "dir":
                    yield from _read_dir(path, opts)
                case "txt":
                    yield _read_txt(path, opts)
                case "jsonl":
                    with path.open("rb") as f:
                        yield from _read_jsonl_lines(f, spec, opts)
                case "csv":
                    yield from _read_csv(path, opts)
                case "parquet":
                    yield from _read_parquet(path, opts)
        except Exception as e:  # an unreadable or corrupt file: one error record, then the next input
            yield Item(spec, failure=Failure(type(e).__name__, f"cannot read {spec}: {e}"))


def _is_dataset(path: Path) -> bool:
    return any((path / name).exists() for name in ("dataset_info.json", "state.json", "dataset_dict.json"))


def _read_dir(path: Path, opts: Options) -> Iterator[Item]:
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".txt" and p.is_file())
    if not files:
        yield Item(str(path), failure=Failure("NoInputFiles", f"{path}: no .txt files in it or below it"))
    root = path.resolve()
    for p in files:
        if p.resolve().is_relative_to(root):
            yield _read_txt(p, opts)
        else:
            yield Item(str(p), failure=Failure("OutsideInput", f"{p} links to a file outside {path}: not read"))


def _read_txt(path: Path, opts: Options) -> Item:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        return Item(str(path), failure=_decode_failure(e))
    except OSError as e:
        return Item(str(path), failure=Failure(type(e).__name__, f"cannot read {path}: {e.strerror or e}"))
    return Item(str(path), text, opts.published)


def _decode_failure(e: UnicodeDecodeError) -> Failure:
    return Failure("UnicodeDecodeError", f"not UTF-8: byte 0x{e.object[e.start]:02x} at offset {e.start}")


def _read_jsonl_lines(lines: Iterable[bytes], name: str, opts: Options) -> Iterator[Item]:
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{name}:{n}"
        try:
            rec = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as e:
            yield Item(where, failure=_decode_failure(e))
        except json.JSONDecodeError as e:
            yield Item(where, failure=Failure("JSONDecodeError", f"line is not JSON: {e}"))
        else:
            yield _record_item(rec, where, opts)


def _record_item(rec: object, where: str, opts: Options) -> Item:
    if not isinstance(rec, dict):
        return Item(where, failure=Failure("TypeError", f"record is a {type(rec).__name__}, not an object"))
    doc_id = where
    if opts.id_field:
        if rec.get(opts.id_field) in (None, ""):
            return Item(where, failure=Failure("MissingField", f"no {opts.id_field!r} field (--id-field)"))
        doc_id = str(rec[opts.id_field])
    if rec.get(opts.text_field) is None:
        fields = ", ".join(str(k) for k, v in rec.items() if v is not None) or "none"
        message = f"no {opts.text_field!r} value (--text-field); the record has: {fields}"
        return Item(doc_id, failure=Failure("MissingField", message))
    return Item(doc_id, rec[opts.text_field], rec.get(opts.published_field) or opts.published)


def _read_csv(path: Path, opts: Options) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with path.open(newline="", encoding="utf-8", errors="surrogateescape") as f:
        reader = csv.DictReader(f)
        for row in reader:
            yield _record_item(row, f"{path}:{reader.line_num}", opts)


def _read_parquet(path: Path, opts: Options) -> Iterator[Item]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    wanted = {opts.text_field, opts.id_field, opts.published_field}
    columns = [c for c in pf.schema_arrow.names if c in wanted] or None
    n = 0
    for batch in pf.iter_batches(batch_size=1024, columns=columns):
        for row in batch.to_pylist():
            yield _record_item(row, f"{path}:{n}", opts)
            n += 1


def _read_dataset(path: Path, opts: Options) -> Iterator[Item]:
    from datasets import Dataset, load_from_disk

    loaded_ds = load_from_disk(str(path))
    splits = {"": loaded_ds} if isinstance(loaded_ds, Dataset) else {f"/{k}": v for k, v in loaded_ds.items()}
    wanted = {opts.text_field, opts.id_field, opts.published_field}
    for suffix, ds in splits.items():
        ds = ds.select_columns([c for c in ds.column_names if c in wanted])
        for n, row in enumerate(ds):
            yield _record_item(row, f"{path}{suffix}:{n}", opts)


def _count_inputs(inputs: Sequence[str]) -> int | None:
    """How many documents the inputs hold (for the progress bar's ETA), or None when unknown (stdin)."""
    total = 0
    for spec in inputs:
        path = Path(spec)
        try:
            match input_kind(spec):
                case "stdin":
                    return None
                case "dataset":
                    from datasets import load_from_disk

                    rows = load_from_disk(spec).num_rows
                    total += rows if isinstance(rows, int) else sum(rows.values())
                case "dir":
                    total += max(1, sum(1 for p in path.rglob("*") if p.suffix.lower() == ".txt"))
                case "jsonl":
                    with path.open("rb") as f:
                        total += sum(1 for line in f if line.strip())
                case "csv":
                    with path.open(newline="", encoding="utf-8", errors="replace") as f:
                        total += max(0, sum(1 for _ in csv.reader(f)) - 1)
                case "parquet":
                    import pyarrow.parquet as pq

                    total += pq.ParquetFile(path).metadata.num_rows
                case _:
                    total += 1
        except Exception:  # unreadable: it makes one error record
            total += 1
    return total


# --------------------------------------------------------------------------------------------- output


@dataclass
class Summary:
    """What a run wrote: inputs done, how many failed, how many carry warnings."""

    inputs: int = 0
    failed: int = 0
    warned: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every record succeeded, 1 when some are error records."""
        return 1 if self.failed else 0


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
        super().__init__(self.journal.open("r+b" if offset else "wb"))
        self.stream.truncate(offset)  # drop a batch written after the last commit
        self.stream.seek(offset)
        self.summary = Summary(**state)
        self._write_progress(offset)

    def _fresh_state(self) -> dict[str, int]:
        if self.progress.exists():
            raise ValueError(f"{self.progress} exists (an unfinished run): use --resume or delete it")
        return {}

    def _resume_state(self) -> dict[str, int]:
        if not self.progress.exists():
            if self.target.exists():
                raise ValueError(f"nothing to resume: {self.target} exists but {self.progress} does not")
            return {}
        state = json.loads(self.progress.read_text())
        if state.pop("fingerprint") != self.fingerprint:
            raise ValueError(f"{self.progress} was written for other inputs or options; cannot resume")
        if not self.journal.exists() or self.journal.stat().st_size < state["offset"]:
            raise ValueError(f"{self.journal} is shorter than {self.progress} says; cannot resume")
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
        """Close the journal; an unfinished run stays resumable."""
        self.stream.close()


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
        types |= dict.fromkeys(_DATE_COLUMNS, pa.date32())
        return pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])
    cols = [("id", pa.string()), ("published", pa.date32()), ("events", pa.string())]
    cols += [("entities", pa.string())] if entities else []
    cols += [("warnings", pa.list_(pa.string())), ("error", pa.string()), ("message", pa.string())]
    return pa.schema(cols)


def jsonl_to_parquet(src: Path, dest: Path, *, flat: bool, entities: bool, group: int = 10_000) -> None:
    """Convert the JSONL records (or flat rows) in ``src`` to a Parquet file, streaming."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(flat, entities)
    with src.open("rb") as f, pq.ParquetWriter(dest, schema) as writer:
        while lines := list(islice(f, group)):
            rows = [_parquet_row(json.loads(line), flat) for line in lines]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))


def _parquet_row(rec: dict[str, Any], flat: bool) -> dict[str, Any]:
    row = {k: dt.date.fromisoformat(v) if k in _DATE_COLUMNS and v else v for k, v in rec.items()}
    if not flat:
        for k in ("events", "entities"):
            if k in row:
                row[k] = json.dumps(row[k], ensure_ascii=False)
    return row


# --------------------------------------------------------------------------------------------- runs


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _unique(items: Iterable[Item]) -> Iterator[Item]:
    """The items, a repeated id marked as a ``DuplicateId`` failure."""
    first: dict[str, int] = {}
    for n, item in enumerate(items, 1):
        if item.id in first and not item.failure:
            item.failure = Failure(
                "DuplicateId", f"id {item.id!r} is already used by record #{first[item.id]}; not extracted"
            )
        first.setdefault(item.id, n)
        yield item


def extract_files(
    inputs: Sequence[str],
    out: str = "-",
    *,
    fmt: str | None = None,
    options: Options | None = None,
    model: str | None = None,
    runtime: str | None = None,
    extractor: Extractor | None = None,
    jobs: int = 1,
    batch_size: int = 16,
    resume: bool = False,
) -> Summary:
    """Extract every document of ``inputs`` into ``out`` (a path or ``-``), one record per document.

    ``fmt`` is "jsonl" or "parquet" (default: from the extension of ``out``). With ``jobs`` > 1, each worker
    loads ``model`` (entity head on ``runtime``, default: the model's own); otherwise ``extractor`` (or
    ``model``, loaded here) runs in this process. An interrupted run (KeyboardInterrupt included) continues
    with ``resume=True``.
    """
    opts = options or Options()
    fmt = fmt or ("parquet" if out.lower().endswith(".parquet") else "jsonl")
    for spec in inputs:
        input_kind(spec)  # fail before writing anything
    if out == "-":
        if resume or fmt != "jsonl":
            raise ValueError("stdout takes JSONL and cannot be resumed: give -o OUT")
        sink = Output(sys.stdout.buffer)
    else:
        fingerprint = {"inputs": list(inputs), "format": fmt, "model": model, **asdict(opts)}
        if runtime:
            fingerprint["runtime"] = runtime
        sink = FileOutput(Path(out), fmt, fingerprint, resume=resume, flat=opts.flat, entities=opts.entities)
    try:
        done = sink.summary.inputs
        items = _unique(read_inputs(inputs, opts))
        deque(islice(items, done), maxlen=0)  # already in the output: read again only for their ids
        tasks = ((chunk, opts) for chunk in _chunks(items, batch_size))
        if jobs > 1:
            results = parallel_map(model, _chunk_task, tasks, jobs, runtime)
        else:
            ex = extractor or loaded(model, runtime=runtime)
            results = (process_chunk(ex, *task) for task in tasks)
        total = _count_inputs(inputs) if sys.stderr.isatty() else None
        bar = tqdm(total=total, initial=done, unit="doc", file=sys.stderr, disable=None, dynamic_ncols=True)
        words = printed = 0
        start = time.monotonic()
        with closing(results), bar:
            for chunk in results:
                sink.commit(chunk)
                for line in chunk.errors:
                    printed += 1
                    if printed <= MAX_PRINTED_ERRORS:
                        bar.write(line, file=sys.stderr)
                    elif printed == MAX_PRINTED_ERRORS + 1:
                        bar.write("(more errors: see the error records)", file=sys.stderr)
                words += chunk.words
                rate = words / max(time.monotonic() - start, 1e-6)
                bar.set_postfix_str(f"{rate:,.0f} words/s, {sink.summary.failed} errors", refresh=False)
                bar.update(chunk.inputs)
        sink.finish()
    finally:
        sink.close()
    return sink.summary


# --------------------------------------------------------------------------------------------- datasets


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
        raise ValueError(f"no column {text_column!r} in the dataset (columns: {', '.join(ds.column_names)})")
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


# --------------------------------------------------------------------------------------------- one text


def summarize(ex: Extraction, source: str | None = None) -> str:
    """A human-readable account of the events: type, status, trigger, date and role fillers."""
    head = f"{source}: " if source else ""
    published = ex.published.isoformat() if ex.published else "unknown"
    lines = [f"{head}{len(ex.events)} events (published {published}; model {ex.meta.model})"]
    for n, ev in enumerate(ex.events, 1):
        date = "date unknown"
        if ev.date:
            span = sorted({d.isoformat() for d in (ev.date.date_start, ev.date.date_end) if d})
            date = f'date "{ev.date.text}" = {"..".join(span) or "unresolved"}'
        trigger = f'trigger "{ev.trigger.text}" @{ev.trigger.start}'
        lines.append(f"\n{n:2}. {ev.type} ({ev.status})  {trigger}  {date}")
        for role, many in event_roles(ev.type).items():
            value = getattr(ev, role)
            fillers = value if many else [value] if value else []
            if fillers:
                lines.append(f"      {role + ':':13} " + "; ".join(_describe(e) for e in fillers))
    return "\n".join(lines) + "\n"


def _describe(e: Entity) -> str:
    name = e.canonical or f'"{e.text}"'
    notes = [f'as "{e.text}"'] if e.canonical and e.canonical != e.text else []
    notes += ["implicit"] if e.implicit else []
    return name + (f" [{e.id}]" if e.id else "") + (f" ({', '.join(notes)})" if notes else "")


# --------------------------------------------------------------------------------------------- CLI

_EPILOG = """\
inputs: .txt files, directories of them (recursive), .jsonl/.ndjson, .csv, .parquet, a datasets directory
  (save_to_disk), or - for JSONL on stdin. Records: {id, published, events, [entities], [warnings]} or, on
  failure, {id, error, message}; --flat writes one row per event x role filler instead.
ids: --id-field, else the file path (.txt), FILE:LINE (jsonl, csv) or PATH:ROW (parquet, datasets).
  A duplicate id gets an error record (DuplicateId) and is not extracted.
errors (empty text, invalid UTF-8, bad JSON, missing or non-string text, bad date, text over --max-chars,
  unreadable file, directory without .txt files, model failure) give error records; the run carries on.
exit status: 0 all records ok, 1 some error records, 2 usage or fatal error, 130 interrupted.
--resume continues an interrupted run (OUT.progress) with no lost or duplicated records."""


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def add_cli(sub: argparse._SubParsersAction) -> None:
    """Register ``eventex extract``."""
    p = sub.add_parser(
        "extract",
        help="extract events from texts, files, tables or datasets",
        description="Extract events: one record per input document, or one text (--text, --text-file).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, directories, or - (JSONL on stdin)")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="output file or - for stdout (default)")
    p.add_argument("--format", choices=["jsonl", "parquet"], help="default: from OUT's extension, else jsonl")
    p.add_argument("--flat", action="store_true", help="one row per event x role filler (for pandas/SQL)")
    p.add_argument("--entities", action="store_true", help="add the entities to each record (not --flat)")
    p.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--batch-size", type=_positive, default=16, metavar="N", help="texts a batch (default 16)")
    p.add_argument("--text-field", default="text", metavar="F", help="text field (default text)")
    p.add_argument("--id-field", metavar="F", help="id field (default: the position, see below)")
    p.add_argument(
        "--published-field", default="published", metavar="F", help="date field (default published)"
    )
    p.add_argument("--published", metavar="DATE", help="date of --text(-file); default date of inputs")
    p.add_argument(
        "--max-chars", type=_positive, default=MAX_CHARS, metavar="N",
        help=f"longer texts fail (default {MAX_CHARS:,})",
    )
    p.add_argument("--resume", action="store_true", help="continue an interrupted run into the same OUT")
    p.add_argument("--model", metavar="PATH", help="model directory or 'spacy' (default: the shipped model)")
    p.add_argument(
        "--runtime", choices=RUNTIMES,
        help="entity head runtime (default auto: int8 where the model card's dev check passed, else onnx)",
    )
    one = p.add_mutually_exclusive_group()
    one.add_argument("--text", help="extract from this one text and print the result")
    one.add_argument("--text-file", metavar="FILE", help="extract from this one file and print the result")
    p.add_argument("--summary", action="store_true", help="with --text(-file): print a summary, not JSON")
    p.add_argument("--html", metavar="FILE", help="also write an HTML view: of the one text, or the report of OUT")
    p.set_defaults(func=_cmd_extract)


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.text is not None or args.text_file:
        if args.inputs:
            raise ValueError("give INPUT files or --text/--text-file, not both")
        return _cmd_one(args)
    if not args.inputs:
        raise ValueError("nothing to do: give INPUT files, -, --text or --text-file")
    if args.summary:
        raise ValueError("--summary goes with --text/--text-file")
    parquet = args.format == "parquet" or (not args.format and args.output.lower().endswith(".parquet"))
    if args.html and (args.output == "-" or args.flat or parquet):
        raise ValueError("--html with INPUT files needs -o OUT.jsonl (records, not --flat)")
    opts = Options(
        text_field=args.text_field, id_field=args.id_field, published_field=args.published_field,
        published=args.published, entities=args.entities, flat=args.flat, max_chars=args.max_chars,
    )
    parse_published(args.published)
    try:
        summary = extract_files(
            args.inputs, args.output, fmt=args.format, options=opts, model=args.model, runtime=args.runtime,
            jobs=args.jobs,
            batch_size=args.batch_size, resume=args.resume,
        )
    except KeyboardInterrupt:
        print("eventex extract: interrupted; run again with --resume to continue", file=sys.stderr)
        return 130
    except FileNotFoundError:
        raise
    except (OSError, BrokenProcessPool) as e:  # disk full, a worker killed (out of memory?), …
        print(f"eventex extract: {type(e).__name__}: {e}; continue with --resume", file=sys.stderr)
        return 2
    where = "" if args.output == "-" else f" -> {args.output}"
    counts = f"{summary.inputs} documents, {summary.failed} failed, {summary.warned} with warnings"
    print(f"eventex extract: {counts}{where}", file=sys.stderr)
    if args.html:
        from eventex.views.html import write_report

        write_report(args.output, args.html)
    return summary.exit_code


def _cmd_one(args: argparse.Namespace) -> int:
    text = Path(args.text_file).read_text(encoding="utf-8") if args.text_file else args.text
    result = loaded(args.model, runtime=args.runtime).extract(text, published=args.published)
    out = summarize(result, args.text_file) if args.summary else result.model_dump_json(indent=2) + "\n"
    sys.stdout.write(out)
    if args.html:
        from eventex.views.html import render

        Path(args.html).write_text(render(result, names=[args.text_file or "text"]), encoding="utf-8")
    return 0
