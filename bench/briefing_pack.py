"""How long a briefer waits: a pack of eight charts built into a .pptx and a PDF, and a fact card.

Writes artifacts/bench/briefing_pack.json and prints the timings. The first image starts Chromium
(kaleido), so the first pack is the cold case; the second reuses the browser. Usage: python bench/briefing_pack.py
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from dashboard.charts import briefing
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.loading import load_dataset
from dashboard.outputs import cards, slides

ROOT = Path(__file__).resolve().parents[1]
EIGHT = list(briefing.EXAMPLE_PACK)


def build_pack() -> dict[str, float]:
    data = load_dataset(DATA_DIR, date.today())
    started = time.perf_counter()
    views = [v for v in map(briefing.decode, EIGHT) if v is not None]
    built = [(briefing.build(data, v), briefing.describe(data, v), v.link()) for v in views]
    figures = time.perf_counter()
    pictures = slides.slides_for(built)
    images = time.perf_counter()
    slides.deck(data, "Bench pack", pictures)
    pptx = time.perf_counter()
    slides.deck_pdf(data, "Bench pack", pictures)
    pdf = time.perf_counter()
    cards.fact_card(data, "isaf")
    card = time.perf_counter()
    return {
        "figures_s": round(figures - started, 2),
        "images_s": round(images - figures, 2),
        "pptx_total_s": round(pptx - started, 2),
        "pdf_s": round(pdf - pptx, 2),
        "fact_card_s": round(card - pdf, 2),
    }


def main() -> None:
    results = {"cold": build_pack(), "warm": build_pack()}
    out = ROOT / "artifacts" / "bench" / "briefing_pack.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    for case, timings in results.items():
        print(case, "  ".join(f"{k} {v}" for k, v in timings.items()))


if __name__ == "__main__":
    main()
