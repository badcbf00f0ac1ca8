"""The Extractor: an ordered list of stages that turns text into an Extraction, one text or a stream."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from typing import Any

from eventex.document import Document
from eventex.errors import InputError, InputTypeError, PipelineError
from eventex.parallel import Given, parallel_map
from eventex.schema import Extraction, Meta
from eventex.stages.base import Stage, check_order
from eventex.version import __version__

TextInput = str | tuple[str, Mapping[str, Any]]

AHEAD = 2
"""How many batches the first wave's lanes may run ahead of the batch being linked (memory: AHEAD + 1 batches)."""


def parse_published(value: object) -> dt.date | None:
    """A publication date from None, a date/datetime or an ISO 8601 string; InputError names a bad value."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"published must be an ISO 8601 date (YYYY-MM-DD), got {value!r}")


def _overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether a field of ``a`` is one of ``b``'s or a part of one ("entities" and "entities.id" overlap)."""
    return any(x == y or x.startswith(f"{y}.") or y.startswith(f"{x}.") for x in a for y in b)


def waves(stages: Sequence[Stage]) -> list[tuple[Stage, ...]]:
    """The stages in order, grouped into waves whose stages may run at the same time: a stage joins the wave
    before it when it neither reads nor writes what that wave's stages write, nor writes what they read (the
    shipped pipeline: the parse and the entity head, which reads only the text)."""
    out: list[list[Stage]] = []
    for stage in stages:
        wave = out[-1] if out else []
        writes = [f for s in wave for f in s.assigns]
        reads = [f for s in wave for f in s.requires]
        if wave and not _overlap([*stage.requires, *stage.assigns], writes) and not _overlap(stage.assigns, reads):
            wave.append(stage)
        else:
            out.append([stage])
    return [tuple(w) for w in out]


def check_text(text: object) -> str:
    """The text itself, or InputTypeError naming the wrong type."""
    if not isinstance(text, str):
        raise InputTypeError(f"text must be str, got {type(text).__name__}")
    return text


class Extractor:
    """Runs its stages in order over batches of documents (order checked when built: PipelineError).

    One Extractor may serve many threads at once: ``extract`` and ``pipe`` keep no per-call state on it, and
    each call returns what it would alone (the spaCy parse takes turns, the entity head runs in parallel).
    Stages of one wave (see :func:`waves`) run at the same time over a batch, each in its own thread: the spaCy
    parse holds the GIL, the head's inference releases it, so the two share the cores. ``pipe`` runs each stage of
    the first wave in a lane of its own, ahead of the later waves (linking), so no core waits at a batch's end.
    """

    def __init__(self, stages: Sequence[Stage], *, model_name: str, model_version: str = "0") -> None:
        check_order(stages)
        self.stages = tuple(stages)
        self.waves = waves(self.stages)
        self.model_name = model_name
        self.model_version = model_version

    def stage(self, name: str) -> Stage:
        """The stage called ``name``."""
        for s in self.stages:
            if s.name == name:
                return s
        raise PipelineError(f"no stage {name!r} (stages: {', '.join(s.name for s in self.stages)})")

    @property
    def entities(self) -> Any:
        """The entity stage."""
        return self.stage("entities")

    def extract(self, text: str, *, published: dt.date | str | None = None) -> Extraction:
        """Entities and events of one text."""
        return next(self.pipe([(text, {"published": published})], batch_size=1))

    def pipe(
        self, texts: Iterable[TextInput], *, batch_size: int = 16, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Stream results for texts or (text, {"published": …}) pairs, in input order, batching the model.

        ``n_process`` > 1 runs the batches in that many worker processes, each sent a pickled copy of this
        extractor once (in a script, call it under ``if __name__ == "__main__":``).
        """
        it = iter(texts)
        batches = iter(lambda: list(islice(it, batch_size)), [])
        if n_process > 1:
            for results in parallel_map(Given(self), run_batch, batches, n_process):
                yield from results
            return
        yield from self._overlapped(batches)

    def _overlapped(self, batches: Iterator[list[TextInput]]) -> Iterator[Extraction]:
        """The results of each batch in order. Each stage of the first wave runs in a lane of its own (a thread
        that takes the batches in order), up to :data:`AHEAD` batches ahead of the one being linked: the head's
        inference, which releases the GIL, keeps a core busy while the parse and the linking run, and neither lane
        waits for the other at the end of a batch. An error is raised at its own batch."""
        first = self.waves[0] if self.waves else ()
        lanes = [ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"eventex-{s.name}") for s in first]
        pending: deque[tuple[list[Document] | Exception, list[Future[list[Document]]]]] = deque()
        try:
            for batch in batches:
                try:
                    docs = [self._document(item) for item in batch]
                except Exception as exc:  # raised when its batch is reached
                    pending.append((exc, []))
                else:
                    filling = [lane.submit(_filled, stage, docs) for lane, stage in zip(lanes, first, strict=True)]
                    pending.append((docs, filling))
                if len(pending) > AHEAD:
                    yield from self._finished(*pending.popleft())
            while pending:
                yield from self._finished(*pending.popleft())
        finally:
            for lane in lanes:
                lane.shutdown(wait=True, cancel_futures=True)

    def _finished(self, docs: list[Document] | Exception, filling: list[Future[list[Document]]]) -> list[Extraction]:
        """The results of a batch once its first wave is done (the later waves run here)."""
        if isinstance(docs, Exception):
            raise docs
        for f in filling:
            f.result()
        return self._extractions(self._later_waves(docs))

    def run(self, batch: Sequence[TextInput]) -> list[Extraction]:
        """The results of one batch, every stage run over the whole batch."""
        return self._extractions(self.documents(batch))

    def documents(self, batch: Sequence[TextInput]) -> list[Document]:
        """The filled Documents of one batch (with the parse and what stages leave out of an Extraction)."""
        return self._later_waves(self._first_wave(batch))

    def _first_wave(self, batch: Sequence[TextInput]) -> list[Document]:
        docs = [self._document(item) for item in batch]
        return run_wave(self.waves[0], docs) if self.waves else docs

    def _later_waves(self, docs: list[Document]) -> list[Document]:
        for wave in self.waves[1:]:
            docs = run_wave(wave, docs)
        return docs

    def _extractions(self, docs: list[Document]) -> list[Extraction]:
        return [self._extraction(d) for d in docs]

    def _document(self, item: TextInput) -> Document:
        if isinstance(item, tuple):
            text, context = item
            published = parse_published(context.get("published"))
        else:
            text, published = item, None
        return Document(text=check_text(text), published=published)

    def _extraction(self, d: Document) -> Extraction:
        meta = Meta(model=self.model_name, version=self.model_version, eventex_version=__version__, unread=d.unread)
        return Extraction(
            text=d.text, published=d.published, entities=d.entities, times=d.times, events=d.events, meta=meta
        )


def _filled(stage: Stage, docs: list[Document]) -> list[Document]:
    """The documents after ``stage`` has filled them (in place)."""
    return list(stage.pipe(docs))


def run_wave(wave: Sequence[Stage], docs: list[Document]) -> list[Document]:
    """The documents after every stage of ``wave`` has filled them: the first stage in this thread, the others
    each in a thread of their own, at the same time (they fill different fields of the same documents)."""
    if len(wave) == 1:
        return _all_back(wave[0], docs, list(wave[0].pipe(docs)))
    with ThreadPoolExecutor(max_workers=len(wave) - 1, thread_name_prefix="eventex-stage") as pool:
        others = [pool.submit(_filled, stage, docs) for stage in wave[1:]]
        out = list(wave[0].pipe(docs))
        for stage, f in zip(wave[1:], others, strict=True):
            _all_back(stage, docs, f.result())
    return _all_back(wave[0], docs, out)


def _all_back(stage: Stage, docs: list[Document], out: list[Document]) -> list[Document]:
    """``out``, checked to hold a document for each of ``docs`` (a StopIteration leaking out of a stage ends its
    ``map`` early without an error)."""
    if len(out) != len(docs):
        raise PipelineError(f"stage {stage.name!r} returned {len(out)} of {len(docs)} documents")
    return out


def run_batch(extractor: Extractor, batch: Sequence[TextInput]) -> list[Extraction]:
    """``extractor.run(batch)``: the task a worker process runs for :meth:`Extractor.pipe`."""
    return extractor.run(batch)
