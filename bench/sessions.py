"""Does a server give back what its readers' sessions took? Many sessions opened (a page run in each) and closed,
one after the other, against one Streamlit process; its resident memory before, and after Streamlit has let the
closed sessions go (server.disconnectedSessionTTL). Issue target: 1,000 sessions leave the memory within 10% of
where it started.

Usage: python -m bench.sessions [--sessions 1000] [--ttl 10] [--at-once 4]. Writes bench/sessions.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path
from typing import Any

from bench.protocol import Session
from bench.speed import LOGS, rss_mb
from dashboard import serve

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "sessions.json"
PAGES = ("", "timeline", "map", "compare", "mission")  # the default page (overview) and four others


async def one_session(url: str, index: int) -> None:
    session = Session(url)
    await session.connect("")
    try:
        run = await session.open(PAGES[index % len(PAGES)], "id=kfor" if PAGES[index % len(PAGES)] == "mission" else "")
        assert not run.errors, run.errors
    finally:
        await session.close()


async def sessions(url: str, count: int, at_once: int) -> float:
    started = time.perf_counter()
    for first in range(0, count, at_once):
        await asyncio.gather(*(one_session(url, i) for i in range(first, min(count, first + at_once))))
    return time.perf_counter() - started


def measure(count: int, ttl: int, at_once: int) -> dict[str, Any]:
    port = serve.free_port()
    env = serve.environment() | {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(ttl)}
    process = serve.start_streamlit(port, env, LOGS / f"sessions-{port}.log")
    url = f"http://127.0.0.1:{port}"
    try:
        serve.wait_healthy(url, [process])
        asyncio.run(sessions(url, 50, at_once))  # every page's caches filled, as after the first minutes of a class
        time.sleep(ttl + 5)
        before = rss_mb([process.pid])
        seconds = asyncio.run(sessions(url, count, at_once))
        right_after = rss_mb([process.pid])
        time.sleep(ttl + 10)
        after = rss_mb([process.pid])
    finally:
        process.terminate()
        process.wait(timeout=20)
    return {
        "sessions": count, "at_once": at_once, "ttl_s": ttl, "seconds": round(seconds, 1),
        "rss_mb_before": before, "rss_mb_right_after": right_after, "rss_mb_after_ttl": after,
        "growth_after_ttl_pct": round(100 * (after - before) / before, 1),
        "kb_per_session_after_ttl": round(1024 * (after - before) / count, 1),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--ttl", type=int, default=10)
    parser.add_argument("--at-once", type=int, default=4)
    args = parser.parse_args()
    results = measure(args.sessions, args.ttl, args.at_once)
    OUT.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
