"""The Stage protocol every pipeline stage implements, the order check, and a timing wrapper."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from spacy.tokens import Doc

from eventex.document import Document
from eventex.errors import PipelineError

GIVEN = ("text", "published")
"""What every Document has before the first stage runs."""


@runtime_checkable
class Stage(Protocol):
    """A step of the pipeline: reads the Document fields it ``requires`` and fills those it ``assigns``."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """The same documents, in order, with ``assigns`` filled."""
        ...


def check_order(stages: Sequence[Stage]) -> None:
    """PipelineError unless each stage's ``requires`` are assigned by earlier stages and names are unique."""
    have = set(GIVEN)
    seen: set[str] = set()
    for stage in stages:
        if not isinstance(stage, Stage):
            raise PipelineError(f"{stage!r} is not a stage (name, requires, assigns, pipe)")
        if stage.name in seen:
            raise PipelineError(f"two stages are named {stage.name!r}")
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns "
                f"(order: {' -> '.join(s.name for s in stages)})"
            )
        seen.add(stage.name)
        have.update(stage.assigns)


class TimedStage:
    """A stage that adds the seconds spent in it, not in the stages before it, to ``seconds[name]``."""

    def __init__(self, stage: Stage, seconds: dict[str, float]) -> None:
        self.stage, self.seconds = stage, seconds
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns
        self._upstream = 0.0

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """The wrapped stage's ``pipe``, each step timed less the time spent pulling its input."""
        it = iter(self.stage.pipe(self._pull(docs)))
        while True:
            start, upstream = time.perf_counter(), self._upstream
            try:
                doc = next(it)
            except StopIteration:
                return
            finally:
                spent = time.perf_counter() - start - (self._upstream - upstream)
                self.seconds[self.name] = self.seconds.get(self.name, 0.0) + spent
            yield doc

    def _pull(self, docs: Iterable[Document]) -> Iterator[Document]:
        it = iter(docs)
        while True:
            start = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                return
            finally:
                self._upstream += time.perf_counter() - start
            yield doc


def parsed(doc: Document) -> Doc:
    """The spaCy parse of a document, or PipelineError when the parse stage has not run on it."""
    if doc.doc is None:
        raise PipelineError("this stage needs a parsed document: run the parse stage first")
    return doc.doc
