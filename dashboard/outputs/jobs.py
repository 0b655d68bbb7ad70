"""What a build worker makes (outputs/builds.py runs these in another process, below the server's priority).

Each job takes only what pickles small, the data folder with its version (the server's fingerprint of the
files), a pack's entries or a figure's JSON, and the language, and returns the file's bytes. A worker loads the
dataset once per version and keeps it for the next job.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from dashboard import i18n
from dashboard.charts import briefing
from dashboard.dataset.loading import Dataset, load_dataset
from dashboard.learn import content
from dashboard.outputs import cards, handout, images, package, slides

_datasets: dict[tuple[str, date, str], Dataset] = {}  # the version this worker read last
_learn: dict[tuple[str, str], content.Learn] = {}


def dataset(folder: str, today: date, stamp: str) -> Dataset:
    """The dataset of this version, read once per worker (a new version replaces the old)."""
    key = (folder, today, stamp)
    if key not in _datasets:
        _datasets.clear()
        _datasets[key] = load_dataset(Path(folder), today)
    return _datasets[key]


def view_link(brief_link: str, view: briefing.View) -> str:
    """The address of a view's page, next to the briefing page's own address."""
    base = brief_link.split("?")[0].rsplit("/", 1)[0]
    return f"{base}/{view.link()}" if base else view.link()


def deck(
    folder: str, today: date, stamp: str, title: str, entries: tuple[str, ...], link: str, fmt: str, lang: str
) -> bytes:
    """A briefing pack's deck as .pptx or PDF: its charts built and drawn, then the slides."""
    with i18n.using(lang):
        data = dataset(folder, today, stamp)
        views = [view for view in map(briefing.decode, entries) if view is not None]
        built = [(briefing.build(data, v), briefing.describe(data, v), view_link(link, v)) for v in views]
        pictures = slides.slides_for(built)  # drawn once for both formats (images.py keeps them)
        if fmt == "pdf":
            return slides.deck_pdf(data, title, pictures, link)
        return slides.deck(data, title, pictures, link)


def fact_card(folder: str, today: date, stamp: str, mission_id: str, lang: str) -> tuple[bytes, bytes]:
    """An operation's fact card as (PDF, PNG)."""
    with i18n.using(lang):
        return cards.fact_card(dataset(folder, today, stamp), mission_id)


def lesson_handout(folder: str, today: date, stamp: str, lesson_id: str, link: str, lang: str) -> bytes:
    """A lesson's handout (two A4 pages) as PDF."""
    data = dataset(folder, today, stamp)
    if (folder, stamp) not in _learn:
        _learn.clear()
        _learn[(folder, stamp)] = content.load_learn(Path(folder), set(data.records))
    lesson = _learn[(folder, stamp)].lesson(lesson_id)
    if lesson is None:
        raise ValueError(f"no lesson {lesson_id}")
    with i18n.using(lang):
        return handout.handout(data, lesson, link)


def package_zip(folder: str, today: date, stamp: str) -> bytes:
    """The open-data package as one zip."""
    return package.package_zip(dataset(folder, today, stamp))


def image(figure: dict[str, Any], fmt: str) -> bytes:
    """A chart as a slide-ready PNG or SVG, from the figure's JSON (`fig.to_plotly_json()`)."""
    return images.image(go.Figure(figure), fmt)
