"""Ctrl-C: one clean stop, whatever the build was doing.

A KeyboardInterrupt can strike anywhere, also inside a finalizer or a lazy import in a
worker, where Python prints "Exception ignored" and carries on. So the interrupt is also
remembered: the build checks it before it writes a region, and the command line checks it
at the end, so a swallowed interrupt still stops the run with exit code 130. Worker
processes ignore Ctrl-C (they only compute bytes and never write output); the parent
cancels what is pending and stops them. The moment files are moved into place is
shielded (see `reportgen.write`), so a region's files are replaced all or not at all.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

INTERRUPTED_EXIT = 130
"""The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells expect."""

_hit = threading.Event()


def _remember_and_raise(signum: int, frame: FrameType | None) -> None:
    _hit.set()
    raise KeyboardInterrupt


@contextmanager
def interrupts_remembered() -> Iterator[None]:
    """Within: Ctrl-C raises KeyboardInterrupt as usual and is also remembered."""
    _hit.clear()
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _remember_and_raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def was_interrupted() -> bool:
    """Whether Ctrl-C was pressed since `interrupts_remembered` began."""
    return _hit.is_set()


def stop_if_interrupted() -> None:
    """Raise KeyboardInterrupt if an interrupt was pressed, even one something swallowed."""
    if _hit.is_set():
        raise KeyboardInterrupt


def ignore_interrupts() -> None:
    """Initializer of worker processes: Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def stop_workers(pool: object) -> None:
    """Cancel the pool's pending work and end its worker processes now.

    Workers hold only bytes not yet written, so ending them loses nothing on disk.
    """
    shutdown = getattr(pool, "shutdown", None)
    if shutdown is not None:
        shutdown(wait=False, cancel_futures=True)
    for child in multiprocessing.active_children():
        child.terminate()
    for child in multiprocessing.active_children():
        child.join(timeout=5)


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Within: Ctrl-C waits until the block is done (then strikes), so the block is
    never left half-way. Only the main thread can defer; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
