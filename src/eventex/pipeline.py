"""The Extractor: holds the loaded stages and runs text → Extraction, one text or a stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from eventex import __version__
from eventex.linking import Linker
from eventex.schema import Extraction, Meta
from eventex.stages.document import Document, DocumentStage
from eventex.stages.entities import EntityRecognizer
from eventex.stages.normalize import Normaliser
from eventex.stages.resolve import Resolver

TextInput = str | tuple[str, Mapping[str, Any]]


def parse_published(value: object) -> dt.date | None:
    """A publication date from None, a date/datetime or an ISO 8601 string; ValueError names a bad value."""
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
    raise ValueError(f"published must be an ISO 8601 date (YYYY-MM-DD), got {value!r}")


def check_text(text: object) -> str:
    """The text itself, or TypeError naming the wrong type."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    return text


class Extractor:
    """document → entities → resolution → linking → normalisation, with batched streaming.

    One Extractor may serve many threads at once: ``extract`` and ``pipe`` keep no per-call state on it, and
    each call returns what it would alone (the spaCy parse takes turns, the entity head runs in parallel).
    """

    def __init__(
        self,
        entities: EntityRecognizer,
        *,
        document: DocumentStage | None = None,
        resolver: Resolver | None = None,
        linker: Linker | None = None,
        normaliser: Normaliser | None = None,
        model_name: str | None = None,
        model_version: str = "0",
    ) -> None:
        self.entities = entities
        self.document = document or DocumentStage()
        self.resolver = resolver or Resolver()
        self.linker = linker or Linker()
        self.normaliser = normaliser or Normaliser()
        self.model_name = model_name or entities.name
        self.model_version = model_version

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
            from eventex.batch import parallel_pipe

            yield from parallel_pipe(self, batches, n_process)
            return
        for batch in batches:
            yield from self._run([self._document(item) for item in batch])

    def _document(self, item: TextInput) -> Document:
        if isinstance(item, tuple):
            text, context = item
            published = parse_published(context.get("published"))
        else:
            text, published = item, None
        return Document(text=check_text(text), published=published)

    def _run(self, docs: list[Document]) -> list[Extraction]:
        docs = list(self.document.pipe(docs))
        self.entities.pipe(docs)
        out = []
        for d in docs:
            self.resolver(d)
            self.normaliser(d)
            self.linker(d)
            out.append(
                Extraction(
                    text=d.text, published=d.published, entities=d.entities, times=d.times, events=d.events,
                    meta=Meta(
                        model=self.model_name, version=self.model_version, eventex_version=__version__,
                        unread=d.unread,
                    ),
                )
            )
        return out
