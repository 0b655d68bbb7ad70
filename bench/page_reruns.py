"""How long each page takes to re-run on the server, measured in AppTest on this machine.

Writes artifacts/bench/page_reruns.json and prints a table, with each page's figure JSON size.
Each page is opened once (cold: the dataset is validated and built), then re-run N times with
the cache warm; a rerun is what a user waits for after every click. Usage: python bench/page_reruns.py [N]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard import navigation

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app.py")
PAGES = [page.script for page in navigation.PAGES]
# page views measured besides each page's default: (label, page, URL parameters)
VIEWS = [
    ("learn: lesson step", "views/learn.py", {"lesson": "bosnia", "step": "6"}),
    ("learn: quiz, teacher", "views/learn.py", {"part": "quiz", "seed": "42", "teacher": "1"}),
    ("learn: glossary (fr)", "views/learn.py", {"part": "glossary", "lang": "fr"}),
]


def measure(page: str, reruns: int, params: dict[str, str] | None = None) -> dict[str, float]:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.switch_page(page)
    started = time.perf_counter()
    app.run()
    cold = time.perf_counter() - started
    timings = []
    for _ in range(reruns):
        started = time.perf_counter()
        app.run()
        timings.append(time.perf_counter() - started)
    assert not app.exception, page
    timings.sort()
    payload = sum(len(chart.proto.spec) for chart in app.get("plotly_chart"))
    return {
        "figure_kb": round(payload / 1024, 1),
        "cold_s": round(cold, 3),
        "median_s": round(statistics.median(timings), 3),
        "p90_s": round(timings[int(0.9 * (len(timings) - 1))], 3),
        "max_s": round(timings[-1], 3),
    }


def main() -> None:
    reruns = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    results = {page: measure(page, reruns) for page in PAGES}
    results |= {label: measure(page, reruns, params) for label, page, params in VIEWS}
    target = ROOT / "artifacts" / "bench"
    target.mkdir(parents=True, exist_ok=True)
    (target / "page_reruns.json").write_text(json.dumps({"reruns": reruns, "pages": results}, indent=2))
    print(f"{'page':22} {'cold':>7} {'median':>7} {'p90':>7} {'max':>7}  (seconds, {reruns} reruns)  figure JSON")
    for page, t in results.items():
        print(
            f"{page:22} {t['cold_s']:7.3f} {t['median_s']:7.3f} {t['p90_s']:7.3f} {t['max_s']:7.3f}"
            f"  {t['figure_kb']:8.1f} KB"
        )


if __name__ == "__main__":
    main()
