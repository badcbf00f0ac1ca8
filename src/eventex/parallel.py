"""An ordered map over worker processes, each set up once (a loaded extractor), a few tasks in flight each.

Used by :meth:`eventex.pipeline.Extractor.pipe` (``n_process``) and the batch runner (``--jobs``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
W = TypeVar("W")

PRELOAD = ("eventex.loading",)
"""Modules the forkserver imports once, so that each worker starts with eventex already imported."""

_state: Any = None


@dataclass(frozen=True)
class Given(Generic[W]):
    """A worker setup that hands every worker the same object (pickled to it once)."""

    value: W

    def __call__(self) -> W:
        """The object."""
        return self.value


def worker_threads(n_process: int) -> int:
    """Inference threads per worker, so that ``n_process`` workers share the cores instead of oversubscribing."""
    return max(1, (os.cpu_count() or 1) // n_process)


def _init(setup: Callable[[], Any]) -> None:
    global _state
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _state = setup()


def _call(fn: Callable[[Any, T], R], task: T) -> R:
    return fn(_state, task)


def _context() -> multiprocessing.context.BaseContext:
    """forkserver (workers fork from a process that imported eventex once) where there is one, else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(PRELOAD))
    return ctx


def parallel_map(
    setup: Callable[[], W], fn: Callable[[W, T], R], tasks: Iterable[T], n_process: int
) -> Generator[R, None, None]:
    """``fn(worker, task)`` for each task in ``n_process`` processes, results in task order.

    Each process calls ``setup()`` once for its ``worker`` (a module-level function or :class:`Given`, as both
    are pickled); ``fn`` must be a module-level function. At most ``2 * n_process + 1`` tasks are in flight.
    """
    pool = ProcessPoolExecutor(n_process, mp_context=_context(), initializer=_init, initargs=(setup,))
    pending: deque[Future[R]] = deque()
    try:
        for task in tasks:
            pending.append(pool.submit(_call, fn, task))
            if len(pending) > 2 * n_process:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
