"""The class server (`make class`): Streamlit processes behind Debian's nginx, sticky by cookie, gzip.

Driven the way a class uses it: browsers' sessions through the protocol client the benchmark uses,
a download fetched over plain HTTP, and a real Chromium drawing a page through the proxy.
"""

from __future__ import annotations

import asyncio
import gzip
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import streamlit
from playwright.sync_api import Browser

from bench.protocol import Session
from dashboard import serve
from tests.browser.conftest import wait_for_app


@pytest.fixture(scope="module")
def server() -> Iterator[serve.ClassServer]:
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.fail("Debian's nginx is missing: run `make nginx` (or apt-get install -y nginx as root)")
    with serve.class_server(workers=2, port=serve.free_port(), address="127.0.0.1") as running:
        yield running


def get(url: str, cookie: str = "", gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", cookie)
    if gzip_ok:
        request.add_header("Accept-Encoding", "gzip")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def test_the_first_answer_sets_a_backend_cookie_and_static_files_come_compressed(server: serve.ClassServer) -> None:
    status, headers, page = get(server.url + "/")
    assert status == 200 and b"<html" in page.lower()
    assert "npoe_backend=" in headers.get("Set-Cookie", "")
    script = next(Path(streamlit.__file__).parent.glob("static/static/js/index.*.js"))
    status, headers, body = get(f"{server.url}/static/js/{script.name}", gzip_ok=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == script.read_bytes()
    assert len(body) < script.stat().st_size / 2
    assert "immutable" in headers.get("Cache-Control", "")
    status, _headers, _body = get(server.url + "/app/static/topojson/world_110m.json")
    assert status == 200


async def process_of_websocket(url: str, cookie: str) -> str:
    """Which Streamlit process a browser's websocket reaches, and check the session runs a page there."""
    session = Session(url)
    await session.connect(cookie)
    try:
        run = await session.open("data")
        assert not run.errors and run.charts == 0 and run.bytes > 0, run
        return session.process
    finally:
        await session.close()


def test_a_browser_keeps_to_one_process_and_the_class_is_spread_over_all(server: serve.ClassServer) -> None:
    processes = set()
    for _ in range(12):  # twelve browsers, each with the cookie of its first page load
        status, headers, _body = get(server.url + "/")
        cookie = headers["Set-Cookie"].split(";", 1)[0]
        first = headers["X-NPOE-Process"]
        assert status == 200 and first in {backend.removeprefix("http://") for backend in server.backends}
        # every later request of that browser, its websocket and its downloads included, goes to the same one
        later = {
            get(server.url + path, cookie=cookie)[1]["X-NPOE-Process"] for path in ("/", "/map", "/_stcore/health")
        }
        assert later == {first}
        with ThreadPoolExecutor(max_workers=1) as own_thread:  # Playwright's sync API may run a loop in this one
            assert own_thread.submit(asyncio.run, process_of_websocket(server.url, cookie)).result() == first
        processes.add(first)
    assert len(processes) == 2, "every browser went to one process: the class is not spread"


def test_a_browser_draws_the_map_through_the_proxy(server: serve.ClassServer, browser: Browser) -> None:
    page = browser.new_page()
    try:
        page.goto(server.url + "/map")
        wait_for_app(page)
        assert page.locator("[data-testid='stPlotlyChart'] .main-svg").count() >= 1
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        page.close()


def test_the_class_server_hides_its_version_and_internal_endpoints_and_sends_security_headers(
    server: serve.ClassServer,
) -> None:
    status, headers, _page = get(server.url + "/")
    assert status == 200 and headers.get("Server") == "nginx", "no version"
    assert headers.get("X-Frame-Options") == "DENY" and headers.get("X-Content-Type-Options") == "nosniff"
    assert "frame-ancestors 'none'" in headers.get("Content-Security-Policy", "")
    for internal in ("metrics", "upload_file"):
        assert get(f"{server.url}/_stcore/{internal}")[0] == 404, internal
    assert get(server.url + "/_stcore/health")[0] == 200
    workers = subprocess.run(["ps", "-o", "user=", "--ppid", str(server.processes[-1].pid)],
                             capture_output=True, text=True, check=True).stdout.split()  # fmt: skip
    assert workers and "root" not in workers, f"nginx workers run as {workers}"


def test_a_killed_streamlit_process_is_restarted_and_the_class_goes_on(
    server: serve.ClassServer, browser: Browser
) -> None:
    """Kept last in this file: it kills one of the module server's processes, the one serving a briefer who has
    collected a chart; the briefer's browser reconnects to the restarted process and the pack is still there."""
    page = browser.new_page()
    try:
        answer = page.goto(server.url + "/timeline")
        assert answer is not None
        serving = answer.headers["x-npoe-process"]
        wait_for_app(page)
        page.get_by_role("button", name="Add to briefing").first.click()
        page.wait_for_function("() => location.search.includes('pack=')")
        index = [backend.removeprefix("http://") for backend in server.backends].index(serving)
        victim = server.processes[index]
        os.kill(victim.pid, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while not server.restarted and time.monotonic() < deadline:
            time.sleep(0.5)
        assert server.restarted == [index], "the supervisor restarts the dead process"
        assert server.processes[index].pid != victim.pid
        serve.wait_healthy(server.backends[index], [server.processes[index]])
        for _ in range(6):  # both processes answer through nginx again
            assert get(server.url + "/")[0] == 200
        # the page reconnects by itself to the new process, a new session that takes the pack from the address
        page.locator("[data-testid='stSidebar']").get_by_role("link", name="Briefing").click(timeout=60_000)
        deck = page.get_by_role("button", name="PowerPoint deck (.pptx)")
        deck.or_(page.get_by_text("The pack is empty")).first.wait_for(timeout=60_000)
        wait_for_app(page)
        assert page.get_by_text("The pack is empty").count() == 0, "the pack was lost with the process"
        assert deck.count() == 1
    finally:
        page.close()
