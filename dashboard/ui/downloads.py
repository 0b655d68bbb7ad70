"""Files made when a button is clicked: fact cards, lesson handouts, briefing decks, chart images and the
package, cached per data version, built in a worker process through the server's queue of heavy builds
(outputs/builds.py, outputs/jobs.py) in the name of the reader who clicked, and whether Chromium is there to
draw them.
"""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
from datetime import date
from functools import partial
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import i18n
from dashboard.charts import frame
from dashboard.dataset.loading import Dataset
from dashboard.i18n import _
from dashboard.outputs import builds, jobs, printing, slides
from dashboard.ui.cache import data_dir, fingerprint, today
from dashboard.ui.links import page_address

BROWSER_CHECK_SECONDS = 30.0
_browser_checked: dict[tuple[str | None, str | None], tuple[float, str]] = {}


def browser_missing() -> str:
    """Why images cannot be drawn here, or '' when Chromium is installed.

    The answer is kept for half a minute per BROWSER_PATH and PATH: looking for Chromium on the PATH cost
    each chart a tenth of a millisecond on every rerun, and it is installed (`make chromium`) at most once
    while a server runs.
    """
    now = time.monotonic()
    where = (os.environ.get("BROWSER_PATH"), os.environ.get("PATH"))
    kept = _browser_checked.get(where)
    if kept is not None and now - kept[0] < BROWSER_CHECK_SECONDS:
        return kept[1]
    try:
        printing.chromium()
        missing = ""
    except printing.PrintError as error:
        missing = str(error)
    _browser_checked[where] = (now, missing)
    return missing


def _built_for(session: str, build: Any) -> Any:
    with builds.as_reader(session):
        return build()


def for_reader(build: Any) -> Any:
    """A download's callable that builds in the name of this page's reader: their builds wait for each other
    (outputs/builds.py), and nobody else's wait for them beyond the server's few slots. While it waits and
    builds, the button shows a spinner."""
    ctx = get_script_run_ctx()
    return partial(_built_for, ctx.session_id if ctx is not None else "server", build)


@st.cache_data(max_entries=16, show_spinner=False)
def _fact_card(folder: str, today: date, stamp: str, mission_id: str, lang: str) -> tuple[bytes, bytes]:
    """Print a card once per data version, operation and language (about 2 s in Chromium), for every session."""
    return builds.in_worker(jobs.fact_card, folder, today, stamp, mission_id, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def _handout(folder: str, today: date, stamp: str, lesson_id: str, link: str, lang: str) -> bytes:
    """Print a lesson's handout once per data version, lesson and language (several seconds in Chromium)."""
    return builds.in_worker(jobs.lesson_handout, folder, today, stamp, lesson_id, link, lang)


def handout_builder(lesson_id: str) -> Any:
    """A no-argument callable for a download button: the handout is printed when the button is clicked."""
    folder = data_dir()
    day = today()
    link = slides.path_of(page_address().split("?")[0]) + f"?lesson={lesson_id}"  # never the server's address
    return for_reader(partial(_handout, str(folder), day, fingerprint(folder), lesson_id, link, i18n.language()))


def fact_card_downloads(data: Dataset, mission_id: str) -> None:
    """One-page fact card of the operation, as PDF and PNG, printed when a button is clicked."""
    folder = data_dir()
    card = for_reader(partial(_fact_card, str(folder), data.today, fingerprint(folder), mission_id, i18n.language()))
    missing = browser_missing()
    row = st.container(horizontal=True, gap="small")
    for index, (fmt, mime) in enumerate((("pdf", "application/pdf"), ("png", "image/png"))):
        row.download_button(
            _("Fact card ({format})").format(format=fmt.upper()),
            partial(lambda i: card()[i], index),
            file_name=f"{mission_id}-fact-card.{fmt}"
            if i18n.language() == "en"
            else f"{mission_id}-fact-card-{i18n.language()}.{fmt}",
            mime=mime,
            key=f"card-{fmt}",
            icon=":material/badge:",
            on_click="ignore",
            disabled=bool(missing),
            help=missing
            or _("One page: mandate, dates, map, strength, nations, outcome and the source of every figure"),
        )


DECK_TYPES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def file_stem(title: str) -> str:
    """A file name from a pack's title: lower case, hyphens, nothing a file system could choke on."""
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))[:60] or "briefing"


@st.cache_data(max_entries=8, show_spinner=False)
def _deck(
    folder: str, today: date, stamp: str, title: str, entries: tuple[str, ...], link: str,
    fmt: str, lang: str,
) -> bytes:  # fmt: skip
    """Draw the pack's charts and build the deck, once per pack, title, format and language."""
    return builds.in_worker(jobs.deck, folder, today, stamp, title, entries, link, fmt, lang)


def deck_builder(data: Dataset, title: str, entries: tuple[str, ...], link: str, fmt: str) -> Any:
    """A no-argument callable for a download button: the deck is built when the button is clicked."""
    folder = data_dir()
    language = i18n.language()
    return for_reader(partial(_deck, str(folder), data.today, fingerprint(folder), title, entries, link, fmt, language))


@st.cache_data(max_entries=4, show_spinner=False)
def _package(folder: str, today: date, stamp: str) -> bytes:
    """The open-data package as one zip, once per data version (about a second to write)."""
    return builds.in_worker(jobs.package_zip, folder, today, stamp)


def package_builder(data: Dataset) -> Any:
    """A no-argument callable for a download button: the package is written when the button is clicked."""
    folder = data_dir()
    return for_reader(partial(_package, str(folder), data.today, fingerprint(folder)))


def chart_images(figure: go.Figure) -> bytes:
    """A chart of many rows as one slide-ready PNG per part (frame.row_parts), in a zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, part in enumerate(frame.row_parts(figure), start=1):
            archive.writestr(f"part-{number}.png", chart_image(part, "png"))
    return buffer.getvalue()


def chart_image(figure: go.Figure, fmt: str) -> bytes:
    """A chart's slide-ready image, drawn in a worker (the figure travels as its JSON)."""
    return builds.in_worker(jobs.image, figure.to_plotly_json(), fmt)
