"""Engines that run the chunks of a batch run (:class:`Engine`); each writes the records of
:mod:`eventex.chunk`, so engines agree row for row."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the Ray engine's light steps import this package: no spaCy
    from eventex.chunk import ChunkResult
    from eventex.io.readers import Item
    from eventex.io.records import Options


class Engine(Protocol):
    """Maps chunks of items to their results, in order."""

    def map(self, chunks: Iterable[list[Item]], opts: Options) -> Generator[ChunkResult, None, None]:
        """The result of each chunk (:func:`eventex.chunk.process_chunk`), in input order."""
        ...
