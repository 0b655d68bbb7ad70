"""The queue every heavy file goes through: decks, PDFs, handouts, fact cards, chart images and the package.

Such a file takes from one second (an image) to a minute (a deck of twenty charts, drawn by Chromium). Built
all at once, six decks held every thread Streamlit keeps for downloads, and another reader's 11 ms CSV waited
34 s behind them. Here at most SLOTS files are built at a time on the whole server and at most PER_SESSION for
one reader; the others wait their turn in the order they came. Waiting needs a thread, so `dashboard.run`
gives the server enough of them that a wait never holds the one a small download needs.

The files themselves are made in worker processes (`in_worker`), SLOTS of them, started once and kept, at a
lower CPU priority (NICENESS; the Chromium each one starts inherits it). Built in the server's own process, six
decks kept its Python busy drawing and serialising (the GIL) and their Chromium took the cores: another reader's
timeline rerun took 4 s from click to drawn, against 1 s with nothing building. A job takes only what pickles
small (the data folder and version, a pack's entries, a figure's JSON) and returns the file's bytes. Images
drawn are kept in a folder the server and its workers share (`shared_folder`), so a deck's PDF reuses the
pictures of its PowerPoint whichever worker drew them.

Streamlit-free: the ui layer passes the reader's session id; the tests and the benchmark call it directly.
"""

from __future__ import annotations

import atexit
import ctypes
import itertools
import multiprocessing
import multiprocessing.spawn
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

SLOTS = 2  # files built at once on the whole server (kaleido draws one image at a time anyway)
PER_SESSION = 1  # files built at once for one reader: a second click waits for the first file
NICENESS = 10  # how far below the server a worker runs: the server (and a reader's rerun) always goes first
PR_CAPBSET_DROP, CAP_SYS_NICE = 24, 23  # <linux/prctl.h>, <linux/capability.h>


class BuildError(RuntimeError):
    """A worker stopped while it built a file; the next build starts a new one."""


@dataclass
class BuildQueue:
    """A bounded, first-come queue: `run(session, build)` returns build()'s result once a slot is free."""

    slots: int = SLOTS
    per_session: int = PER_SESSION
    peak: int = 0  # the most builds seen running at once (for the tests and the benchmark)
    _turns: threading.Condition = field(default_factory=threading.Condition, repr=False)
    _waiting: list[tuple[int, str]] = field(default_factory=list, repr=False)  # (ticket, session), oldest first
    _running: dict[str, int] = field(default_factory=dict, repr=False)  # session -> builds running
    _tickets: itertools.count[int] = field(default_factory=itertools.count, repr=False)

    def _has_room(self, session: str) -> bool:
        return sum(self._running.values()) < self.slots and self._running.get(session, 0) < self.per_session

    def _turn_of(self, ticket: int) -> bool:
        """The oldest waiting build that has room goes first: one reader's queue never blocks another's."""
        first = next((t for t, session in self._waiting if self._has_room(session)), None)
        return first == ticket

    def run(self, session: str, build: Callable[[], T]) -> T:
        """Wait for a slot, build, free the slot (also when the build fails)."""
        with self._turns:
            ticket = next(self._tickets)
            self._waiting.append((ticket, session))
            try:
                self._turns.wait_for(lambda: self._turn_of(ticket))
            finally:
                self._waiting.remove((ticket, session))
            self._running[session] = self._running.get(session, 0) + 1
            self.peak = max(self.peak, sum(self._running.values()))
            self._turns.notify_all()  # another reader's build may start beside this one
        try:
            return build()
        finally:
            with self._turns:
                self._running[session] -= 1
                if not self._running[session]:
                    del self._running[session]
                self._turns.notify_all()

    def waiting(self) -> int:
        """How many builds wait for a slot now."""
        with self._turns:
            return len(self._waiting)


QUEUE = BuildQueue()
_reader: ContextVar[str] = ContextVar("reader", default="server")  # whose file is being built
_inside: ContextVar[bool] = ContextVar("inside", default=False)  # a build already holding a slot


@contextmanager
def as_reader(session: str) -> Iterator[None]:
    """Builds started inside count against this reader's share (the ui layer names the session)."""
    token = _reader.set(session)
    try:
        yield
    finally:
        _reader.reset(token)


def queued(build: Callable[[], T]) -> T:
    """build() through the server's queue, for the current reader. A build inside a build (a deck drawing its
    images) runs in the slot it already holds, so it can neither wait for itself nor take a second slot."""
    if _inside.get() or _worker:  # a worker builds one file at a time, and its slot is held by the server
        return build()

    def holding_a_slot() -> T:
        token = _inside.set(True)
        try:
            return build()
        finally:
            _inside.reset(token)

    return QUEUE.run(_reader.get(), holding_a_slot)


_worker = False  # this process is a build worker
_shared: Path | None = None  # the folder the server and its workers keep files in
_shared_lock = threading.Lock()
_workers: ProcessPoolExecutor | None = None
_workers_lock = threading.Lock()


def shared_folder() -> Path:
    """A folder kept while the server runs, shared with its workers (drawn images live here); removed at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Path(tempfile.mkdtemp(prefix="npoe-builds-"))
            atexit.register(shutil.rmtree, _shared, ignore_errors=True)
        return _shared


def _start_worker(folder: str) -> None:
    """Each worker's first step: below the server's priority, with the server's shared folder."""
    global _worker, _shared
    os.nice(NICENESS)
    _keep_children_low()
    _worker, _shared = True, Path(folder)


def _keep_children_low() -> None:
    """Chromium sets its own threads' priorities: where it may (as root), its drawing threads went back to nice 0
    and -8, above the server, whatever its worker's niceness. Programs this worker starts lose that right
    (CAP_SYS_NICE), so they stay at NICENESS or below. An ordinary user never had it: the call then fails, harmlessly.
    """
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_CAPBSET_DROP, CAP_SYS_NICE, 0, 0, 0)


def _run_job(job: Callable[..., T], args: tuple[Any, ...]) -> T:
    token = _inside.set(True)
    try:
        return job(*args)
    finally:
        _inside.reset(token)


_preparation_data = multiprocessing.spawn.get_preparation_data


def _preparation_without_main_script(name: str) -> dict[str, Any]:
    """What a spawned process prepares, without running the parent's main script. Streamlit installs each page it
    runs as __main__ (a module with the script's __file__), so every worker ran dashboard/app.py at start-up, at
    the server's priority (about 5 s of CPU each, measured). A main module named for `-m` is still imported."""
    data = _preparation_data(name)
    data.pop("init_main_from_path", None)
    return data


def _pool() -> ProcessPoolExecutor:
    """The workers, started on the first build ('spawn': a clean interpreter, not a copy of the server's threads)."""
    global _workers
    with _workers_lock:
        if _workers is None:
            multiprocessing.spawn.get_preparation_data = _preparation_without_main_script
            _workers = ProcessPoolExecutor(
                max_workers=SLOTS,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(str(shared_folder()),),
            )
        return _workers


def _in_pool(job: Callable[..., T], args: tuple[Any, ...]) -> T:
    global _workers
    pool = _pool()
    try:
        return pool.submit(_run_job, job, args).result()
    except BrokenProcessPool as error:
        with _workers_lock:
            if _workers is pool:
                _workers = None
        pool.shutdown(wait=False, cancel_futures=True)
        raise BuildError(f"The file could not be built: its worker stopped ({error}). Try again.") from error


def in_worker(job: Callable[..., T], *args: Any) -> T:
    """job(*args) in a worker process, through the server's queue, for the current reader. `job` is a module-level
    function and `args` pickle (a worker is another interpreter); the result comes back as a copy. Inside a worker,
    or inside a build that already holds a slot, it simply runs."""
    if _inside.get() or _worker:
        return job(*args)
    return QUEUE.run(_reader.get(), lambda: _in_pool(job, args))


def stop_workers() -> None:
    """Stop the workers (and their Chromium) now; the next build starts them again."""
    global _workers
    with _workers_lock:
        pool, _workers = _workers, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
