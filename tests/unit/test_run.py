"""dashboard.run: Streamlit's connections send at once (TCP_NODELAY), although its listening socket has protocol 0."""

from __future__ import annotations

import asyncio
import asyncio.base_events
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard import run


async def accepted_socket_nodelay() -> int:
    """TCP_NODELAY on a connection accepted through a listening socket made as Streamlit 1.67 makes it."""
    listener = socket.socket(family=socket.AF_INET)  # protocol number 0, as in Streamlit's _bind_socket
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
    _reader, writer = await asyncio.open_connection(*listener.getsockname())
    try:
        return await asyncio.wait_for(accepted, 5)
    finally:
        writer.close()
        server.close()


def nodelay_of_an_accepted_connection() -> int:
    """In a thread of its own: Playwright's sync API, used by the browser tests, keeps a loop running here."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, accepted_socket_nodelay()).result()


def test_asyncio_alone_leaves_nagle_on_for_a_protocol_zero_listener(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why dashboard.run exists: if this fails, asyncio or Streamlit changed and the patch may be dropped."""
    original = asyncio.base_events._set_nodelay  # type: ignore[attr-defined]
    monkeypatch.setattr(asyncio.base_events, "_set_nodelay", original)
    assert nodelay_of_an_accepted_connection() == 0


def test_with_the_patch_every_accepted_connection_sends_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(asyncio.base_events, "_set_nodelay", asyncio.base_events._set_nodelay)  # type: ignore[attr-defined]
    run.disable_nagle()
    assert nodelay_of_an_accepted_connection() == 1


def test_other_sockets_are_left_alone() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as datagram:
        run.set_nodelay(datagram)  # no TCP option on a UDP socket, and no error
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as local:
        run.set_nodelay(local)


def test_a_file_made_on_click_outlives_other_sessions_reruns(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    monkeypatch.setattr(MediaFileManager, "remove_orphaned_files", MediaFileManager.remove_orphaned_files)
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))

    def fetchable() -> bool:
        """Make the CSV as a click does, let two script runs end elsewhere, then fetch it as the browser does."""
        url = manager.execute_deferred(manager.add_deferred(lambda: "id,name\n", "text/csv", "coordinates", "a.csv"))
        manager.remove_orphaned_files()
        manager.remove_orphaned_files()
        try:
            manager._storage.get_file(url.rsplit("/", 1)[1].split(".")[0])
        except Exception:
            return False
        return True

    assert not fetchable()  # Streamlit's own sweep: gone after two reruns anywhere
    run.keep_fresh_downloads()
    assert fetchable()
    monkeypatch.setattr(run, "ORPHAN_SWEEP_SECONDS", 0.0)
    assert not fetchable()  # files no session refers to are still removed, just not at once
