"""The Extractor: an ordered list of stages that turns text into an Extraction, one text or a stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

from eventex.document import Document
from eventex.errors import InputError, InputTypeError, PipelineError
from eventex.parallel import Given, parallel_map
from eventex.schema import Extraction, Meta
from eventex.stages.base import Stage, check_order
from eventex.version import __version__

TextInput = str | tuple[str, Mapping[str, Any]]


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


def check_text(text: object) -> str:
    """The text itself, or InputTypeError naming the wrong type."""
    if not isinstance(text, str):
        raise InputTypeError(f"text must be str, got {type(text).__name__}")
    return text


class Extractor:
    """Runs its stages in order over batches of documents (order checked when built: PipelineError).

    One Extractor may serve many threads at once: ``extract`` and ``pipe`` keep no per-call state on it, and
    each call returns what it would alone (the spaCy parse takes turns, the entity head runs in parallel).
    """

    def __init__(self, stages: Sequence[Stage], *, model_name: str, model_version: str = "0") -> None:
        check_order(stages)
        self.stages = tuple(stages)
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
        for batch in batches:
            yield from self.run(batch)

    def run(self, batch: Sequence[TextInput]) -> list[Extraction]:
        """The results of one batch, every stage run over the whole batch."""
        return [self._extraction(d) for d in self.documents(batch)]

    def documents(self, batch: Sequence[TextInput]) -> list[Document]:
        """The filled Documents of one batch (with the parse and what stages leave out of an Extraction)."""
        docs: Iterable[Document] = [self._document(item) for item in batch]
        for stage in self.stages:
            docs = stage.pipe(docs)
        return list(docs)

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


def run_batch(extractor: Extractor, batch: Sequence[TextInput]) -> list[Extraction]:
    """``extractor.run(batch)``: the task a worker process runs for :meth:`Extractor.pipe`."""
    return extractor.run(batch)
