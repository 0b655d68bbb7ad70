"""Start Streamlit with Nagle's algorithm off on its connections: `python -m dashboard.run run dashboard/app.py`.

Streamlit 1.67's server binds its listening socket as `socket.socket(family)`, with protocol number 0.
asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets whose protocol number is
IPPROTO_TCP, so every connection Streamlit accepts keeps it on. A rerun's answer is several small
websocket frames written one after the other: Nagle holds the second until the browser acknowledges
the first, and Linux delays that acknowledgement by 40 ms. Every click waited about 40 ms for
nothing: a page that runs in under a millisecond answered in 44-48 ms, and in 6 ms with this.

This sets TCP_NODELAY on every TCP stream socket asyncio wraps, whatever its protocol number, then
hands the command line to Streamlit's own.

It also gives the server's event loop a larger pool of threads. Streamlit builds a download that is made
on click (`st.download_button` given a callable) on the loop's default pool, which has min(32, cores + 4)
threads: 6 here. Decks, PDFs and fact cards wait their turn in `dashboard.outputs.builds`, and a waiting
build holds its thread, so six decks asked for at once took all six and another reader's CSV waited
behind them. With THREADS threads a wait never holds the thread a small download needs.

And it keeps one reader from emptying everyone's caches. Streamlit answers a client's "clear cache"
message by clearing st.cache_data and st.cache_resource for the whole server: any browser could send it
(the menu item is hidden, the message is not) and make every page of a class rebuild its dataset and
charts. Here the message clears only the sender's own session state; the shared caches are emptied by
their own keys (the data's fingerprint changes when a file does) or by restarting the server.

And it keeps a file made on click long enough for the browser to fetch it. Streamlit answers a deferred
download (`st.download_button` given a callable) with the address of the file it made, which no session
references; after every script run of any session it sweeps such files, marking them the first time and
deleting them the second. Two reruns anywhere on the server between the answer and the browser's request
(six briefers opening their packs, say) and the reader's CSV came back 404 and the browser cancelled the
download. Here a process sweeps at most once every ORPHAN_SWEEP_SECONDS, so a file made on click stays at
least that long.
"""

from __future__ import annotations

import asyncio.base_events
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

THREADS = 64  # waiting builds are cheap threads; at most builds.SLOTS of them work at once
ORPHAN_SWEEP_SECONDS = 30.0  # a file made on click is kept at least this long (and unreferenced ones at most twice)


def set_nodelay(sock: socket.socket) -> None:
    """asyncio's own check, without the protocol number: every TCP stream socket sends at once."""
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def disable_nagle() -> None:
    """asyncio's transports call base_events._set_nodelay on each socket they take: replace it."""
    asyncio.base_events._set_nodelay = set_nodelay  # type: ignore[attr-defined]


def clear_own_state_only(session: Any) -> None:
    """What a "clear cache" message does here: the sender's session state, nobody else's caches."""
    session._session_state.clear()


def guard_shared_caches() -> None:
    from streamlit.runtime.app_session import AppSession

    AppSession._handle_clear_cache_request = clear_own_state_only  # type: ignore[method-assign,assignment]


def keep_fresh_downloads() -> None:
    """Streamlit's sweep of unreferenced media files, at most once every ORPHAN_SWEEP_SECONDS per process."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    sweep = MediaFileManager.remove_orphaned_files
    swept = [-ORPHAN_SWEEP_SECONDS]  # when the last sweep ran (time.monotonic)
    lock = threading.Lock()

    def remove_orphaned_files(manager: MediaFileManager) -> None:
        with lock:
            now = time.monotonic()
            if now - swept[0] < ORPHAN_SWEEP_SECONDS:
                return
            swept[0] = now
        sweep(manager)

    MediaFileManager.remove_orphaned_files = remove_orphaned_files  # type: ignore[method-assign,assignment]


class RoomyLoops(asyncio.DefaultEventLoopPolicy):
    """Every event loop made here runs blocking work (asyncio.to_thread) on a pool of THREADS threads."""

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        loop = super().new_event_loop()
        loop.set_default_executor(ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="npoe-files"))
        return loop


def main() -> None:
    disable_nagle()
    guard_shared_caches()
    keep_fresh_downloads()
    asyncio.set_event_loop_policy(RoomyLoops())
    from streamlit.web.cli import main as streamlit_main

    sys.exit(streamlit_main())


if __name__ == "__main__":
    main()
