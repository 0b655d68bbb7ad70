"""The queue every heavy file goes through: decks, PDFs, handouts, fact cards, chart images and the package.

Such a file takes from one second (an image) to a minute (a deck of twenty charts, drawn by Chromium). Built
all at once, six decks held every thread Streamlit keeps for downloads, and another reader's 11 ms CSV waited
34 s behind them. Here at most SLOTS files are built at a time on the whole server and at most PER_SESSION for
one reader; the others wait their turn in the order they came. Waiting needs a thread, so `dashboard.run`
gives the server enough of them that a wait never holds the one a small download needs.

Streamlit-free: the ui layer passes the reader's session id; the tests and the benchmark call it directly.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")

SLOTS = 2  # files built at once on the whole server (kaleido draws one image at a time anyway)
PER_SESSION = 1  # files built at once for one reader: a second click waits for the first file


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
    if _inside.get():
        return build()

    def holding_a_slot() -> T:
        token = _inside.set(True)
        try:
            return build()
        finally:
            _inside.reset(token)

    return QUEUE.run(_reader.get(), holding_a_slot)
