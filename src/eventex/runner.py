"""A batch run: read → check ids → extract (an engine) → write, one record per input document, resumable.

See :mod:`eventex.io.readers` (inputs and ids), :mod:`eventex.io.records` (records and errors),
:mod:`eventex.io.sink` (output and resume) and :mod:`eventex.engines` (who extracts).
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import asdict
from itertools import islice
from pathlib import Path
from typing import TypeVar

from eventex.chunk import ChunkResult
from eventex.engines import Engine
from eventex.engines.local import LocalEngine
from eventex.errors import UsageError
from eventex.io.readers import Item, UniqueIds, input_kind, read_inputs
from eventex.io.records import Options
from eventex.io.sink import FileOutput, Output, Summary
from eventex.linking.user_rules import rules_digest
from eventex.pipeline import Extractor

T = TypeVar("T")

Progress = Callable[[Summary, ChunkResult | None], None]
"""Told the run's summary so far: once when it starts (no chunk), then after each chunk written."""


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def unique_ids(items: Iterable[Item]) -> Iterator[Item]:
    """The items, a repeated id marked as a ``DuplicateId`` failure (ids in the output stay unique)."""
    return UniqueIds()(items)


def extract_files(
    inputs: Sequence[str],
    out: str = "-",
    *,
    fmt: str | None = None,
    options: Options | None = None,
    model: str | None = None,
    runtime: str | None = None,
    rules: str | None = None,
    extractor: Extractor | None = None,
    jobs: int = 1,
    batch_size: int = 16,
    resume: bool = False,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> Summary:
    """Extract every document of ``inputs`` into ``out`` (a path or ``-``), one record per document.

    ``fmt`` is "jsonl" or "parquet" (default: from the extension of ``out``). The ``engine`` runs the chunks of
    ``batch_size`` documents (default: a :class:`~eventex.engines.local.LocalEngine` with ``model``,
    ``runtime``, ``rules``, ``extractor`` and ``jobs``); ``rules`` (a user rules file) is checked first and its
    content is part of what a resumed run must match. An interrupted run (KeyboardInterrupt included) continues with
    ``resume=True``. ``progress`` is called with the summary so far and no chunk when the run starts (inputs
    done by an earlier run counted), then after each chunk is written.
    """
    opts = options or Options()
    digest = rules_digest(rules) if rules else None  # a bad rules file fails before anything is written
    fmt = fmt or ("parquet" if out.lower().endswith(".parquet") else "jsonl")
    for spec in inputs:
        input_kind(spec)  # fail before writing anything
    if out == "-":
        if resume or fmt != "jsonl":
            raise UsageError("stdout takes JSONL and cannot be resumed: give -o OUT")
        sink = Output(sys.stdout.buffer)
    else:
        fingerprint = {"inputs": list(inputs), "format": fmt, "model": model, **asdict(opts)}
        if runtime:
            fingerprint["runtime"] = runtime
        if digest:
            fingerprint["rules"] = digest
        sink = FileOutput(Path(out), fmt, fingerprint, resume=resume, flat=opts.flat, entities=opts.entities)
    try:
        done = sink.summary.inputs
        items = unique_ids(read_inputs(inputs, opts))
        deque(islice(items, done), maxlen=0)  # already in the output: read again only for their ids
        engine = engine or LocalEngine(model=model, runtime=runtime, extractor=extractor, jobs=jobs, rules=rules)
        results = engine.map(chunked(items, batch_size), opts)
        report = progress or (lambda summary, chunk: None)
        report(sink.summary, None)
        with closing(results):
            for chunk in results:
                sink.commit(chunk)
                report(sink.summary, chunk)
        sink.finish()
    finally:
        sink.close()
    return sink.summary
