"""A rerun is answered as soon as it has run: the server sends its frames at once (see dashboard.run)."""

from __future__ import annotations

import asyncio
import statistics
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.protocol import Session
from dashboard import serve

TRIVIAL_PAGE = """
import streamlit as st
st.selectbox("series", ["a", "b", "c"], key="series")
st.text("answered")
"""


async def rerun_times(url: str, reruns: int) -> list[float]:
    session = Session(url)
    await session.connect()
    try:
        await session.open()
        return [(await session.set_widget("series", "abc"[i % 3])).seconds for i in range(reruns)]
    finally:
        await session.close()


def test_a_trivial_rerun_is_not_held_back_by_nagle_and_delayed_acks(tmp_path: Path) -> None:
    # With Nagle's algorithm on (Streamlit's own start), this page answered in 44-48 ms, 40 of them the
    # browser's delayed acknowledgement; started as the project starts it, in about 6 ms.
    script = tmp_path / "trivial.py"
    script.write_text(TRIVIAL_PAGE, encoding="utf-8")
    port = serve.free_port()
    process = serve.start_streamlit(port, serve.environment(None), quiet=True, script=str(script))
    try:
        url = f"http://127.0.0.1:{port}"
        serve.wait_healthy(url, [process])
        with ThreadPoolExecutor(1) as thread:  # Playwright's sync API keeps a loop running in this thread
            times = thread.submit(asyncio.run, rerun_times(url, 15)).result()
    finally:
        process.terminate()
        process.wait(10)
    assert statistics.median(times) < 0.025, [round(t * 1000, 1) for t in times]
