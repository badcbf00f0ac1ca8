"""The local engine: chunks extracted in this process, or in ``jobs`` worker processes, in order."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from functools import partial

from eventex.chunk import ChunkResult, process_chunk
from eventex.io.readers import Item
from eventex.io.records import Options
from eventex.loading import loaded
from eventex.parallel import parallel_map, worker_threads
from eventex.pipeline import Extractor


def _chunk_task(worker: Extractor, task: tuple[list[Item], Options]) -> ChunkResult:
    return process_chunk(worker, *task)


class LocalEngine:
    """Runs chunks with ``extractor`` (or ``model`` loaded here), or with ``jobs`` > 1 in worker processes that
    each load ``model`` (entity head on ``runtime``, default: the model's own; ``rules``: a user rules file)."""

    def __init__(
        self, *, model: str | None = None, runtime: str | None = None, extractor: Extractor | None = None,
        jobs: int = 1, rules: str | None = None,
    ) -> None:
        self.model, self.runtime, self.extractor, self.jobs, self.rules = model, runtime, extractor, jobs, rules

    def map(self, chunks: Iterable[list[Item]], opts: Options) -> Generator[ChunkResult, None, None]:
        """The result of each chunk, in order."""
        tasks = ((chunk, opts) for chunk in chunks)
        if self.jobs > 1:
            setup = partial(loaded, self.model, worker_threads(self.jobs), self.runtime, self.rules)
            return parallel_map(setup, _chunk_task, tasks, self.jobs)
        return self._here(tasks)

    def _here(self, tasks: Iterable[tuple[list[Item], Options]]) -> Generator[ChunkResult, None, None]:
        """The chunks extracted in this process; the model loads with the first chunk (none: never)."""
        ex: Extractor | None = self.extractor
        for task in tasks:
            ex = ex or loaded(self.model, runtime=self.runtime, rules=self.rules)
            yield process_chunk(ex, *task)
