"""Readers: every input document as an :class:`Item`, in order, whatever the input.

Inputs
    ``.txt`` files; directories (every ``*.txt`` below them, in sorted path order); JSONL (``.jsonl``,
    ``.ndjson``; ``-`` reads JSONL from stdin); CSV with a header row; Parquet; a Hugging Face ``datasets``
    dataset saved with ``save_to_disk`` (a ``DatasetDict``: every split in turn).

Ids
    The ``--id-field`` value when given, else the file path (``.txt``), ``<file>:<line>`` (JSONL, CSV; lines
    count from 1) or ``<path>:<row>`` (Parquet, datasets; rows count from 0; ``<path>/<split>:<row>`` for a
    DatasetDict). Duplicate ids are marked by :class:`UniqueIds` (both engines run it over every item, in order).

An input that cannot be read gives an Item carrying its failure, never an exception.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventex.errors import FailureKind, InputError, MissingFileError
from eventex.io.records import Failure, Options

_KINDS = {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}

@dataclass
class Item:
    """One input document as read: its id, raw text and published values, or why it could not be read."""

    id: str
    text: object = None
    published: object = None
    failure: Failure | None = None

def input_kind(spec: str) -> str:
    """What INPUT is: stdin, dataset, dir, txt, jsonl, csv or parquet; else FileNotFoundError/ValueError."""
    path = Path(spec)
    if spec == "-":
        return "stdin"
    if path.is_dir():
        return "dataset" if _is_dataset(path) else "dir"
    if not path.exists():
        raise MissingFileError(f"no such input: {spec}")
    if path.suffix.lower() not in _KINDS:
        expected = ", ".join(_KINDS)
        raise InputError(f"unknown input type {spec!r}: expected {expected}, a directory or -")
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
                    yield from _read_parquet(path, spec, opts)
        except Exception as e:  # an unreadable or corrupt file: one error record, then the next input
            yield Item(spec, failure=Failure(type(e).__name__, f"cannot read {spec}: {e}"))

def read_file_bytes(name: str, data: bytes, opts: Options) -> Iterator[Item]:
    """The documents of one JSONL or Parquet file read as bytes (the Ray engine's reader), as :func:`read_inputs`
    gives them for the file ``name``."""
    try:
        if Path(name).suffix.lower() == ".parquet":
            yield from _read_parquet(io.BytesIO(data), name, opts)
        else:
            yield from _read_jsonl_lines(io.BytesIO(data), name, opts)
    except Exception as e:  # a corrupt file: one error record
        yield Item(name, failure=Failure(type(e).__name__, f"cannot read {name}: {e}"))

class UniqueIds:
    """Marks a repeated id as a ``DuplicateId`` failure (ids in the output stay unique), across calls."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.seen = 0

    def __call__(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items, in order, repeated ids marked."""
        for item in items:
            self.seen += 1
            if item.id in self.first and not item.failure:
                where = self.first[item.id]
                item.failure = Failure(
                    FailureKind.DUPLICATE_ID, f"id {item.id!r} is already used by record #{where}; not extracted"
                )
            self.first.setdefault(item.id, self.seen)
            yield item


def _is_dataset(path: Path) -> bool:
    return any((path / name).exists() for name in ("dataset_info.json", "state.json", "dataset_dict.json"))

def _read_dir(path: Path, opts: Options) -> Iterator[Item]:
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".txt" and p.is_file())
    if not files:
        yield Item(str(path), failure=Failure(FailureKind.NO_INPUT_FILES, f"{path}: no .txt files in it or below it"))
    root = path.resolve()
    for p in files:
        if p.resolve().is_relative_to(root):
            yield _read_txt(p, opts)
        else:
            message = f"{p} links to a file outside {path}: not read"
            yield Item(str(p), failure=Failure(FailureKind.OUTSIDE_INPUT, message))

def _read_txt(path: Path, opts: Options) -> Item:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        return Item(str(path), failure=_decode_failure(e))
    except OSError as e:
        return Item(str(path), failure=Failure(type(e).__name__, f"cannot read {path}: {e.strerror or e}"))
    return Item(str(path), text, opts.published)

def _decode_failure(e: UnicodeDecodeError) -> Failure:
    return Failure(FailureKind.NOT_UTF8, f"not UTF-8: byte 0x{e.object[e.start]:02x} at offset {e.start}")

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
            yield Item(where, failure=Failure(FailureKind.NOT_JSON, f"line is not JSON: {e}"))
        else:
            yield record_item(rec, where, opts)

def record_item(rec: object, where: str, opts: Options) -> Item:
    """The item of one input record (a JSON object, a table row), ``where`` its id unless ``opts.id_field``."""
    if not isinstance(rec, dict):
        return Item(where, failure=Failure(FailureKind.WRONG_TYPE, f"record is a {type(rec).__name__}, not an object"))
    doc_id = where
    if opts.id_field:
        if rec.get(opts.id_field) in (None, ""):
            return Item(where, failure=Failure(FailureKind.MISSING_FIELD, f"no {opts.id_field!r} field (--id-field)"))
        doc_id = str(rec[opts.id_field])
    if rec.get(opts.text_field) is None:
        fields = ", ".join(str(k) for k, v in rec.items() if v is not None) or "none"
        message = f"no {opts.text_field!r} value (--text-field); the record has: {fields}"
        return Item(doc_id, failure=Failure(FailureKind.MISSING_FIELD, message))
    return Item(doc_id, rec[opts.text_field], rec.get(opts.published_field) or opts.published)

def _read_csv(path: Path, opts: Options) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with path.open(newline="", encoding="utf-8", errors="surrogateescape") as f:
        reader = csv.DictReader(f)
        for row in reader:
            yield record_item(row, f"{path}:{reader.line_num}", opts)

def _read_parquet(source: Path | BinaryIO, name: str, opts: Options) -> Iterator[Item]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(source)
    wanted = {opts.text_field, opts.id_field, opts.published_field}
    columns = [c for c in pf.schema_arrow.names if c in wanted] or None
    n = 0
    for batch in pf.iter_batches(batch_size=1024, columns=columns):
        for row in batch.to_pylist():
            yield record_item(row, f"{name}:{n}", opts)
            n += 1

def _read_dataset(path: Path, opts: Options) -> Iterator[Item]:
    from datasets import Dataset, load_from_disk

    loaded_ds = load_from_disk(str(path))
    splits = {"": loaded_ds} if isinstance(loaded_ds, Dataset) else {f"/{k}": v for k, v in loaded_ds.items()}
    wanted = {opts.text_field, opts.id_field, opts.published_field}
    for suffix, ds in splits.items():
        ds = ds.select_columns([c for c in ds.column_names if c in wanted])
        for n, row in enumerate(ds):
            yield record_item(row, f"{path}{suffix}:{n}", opts)

def count_inputs(inputs: Sequence[str]) -> int | None:
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
