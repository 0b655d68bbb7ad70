"""Files made when a button is clicked: fact cards, lesson handouts, briefing decks, chart images and the
package, cached per data version, built through the server's queue of heavy builds (outputs/builds.py) in
the name of the reader who clicked, and whether Chromium is there to draw them.
"""

from __future__ import annotations

import os
import re
import time
from datetime import date
from functools import partial
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import i18n
from dashboard.charts import briefing
from dashboard.dataset.loading import Dataset
from dashboard.i18n import _
from dashboard.outputs import builds, cards, handout, package, printing, slides
from dashboard.ui.cache import cached_dataset, cached_learn, cached_view, data_dir, fingerprint, today
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
    with i18n.using(lang):  # a download is built outside the page's run, where the language is not set
        return builds.queued(lambda: cards.fact_card(cached_dataset(folder, today, stamp), mission_id))


@st.cache_data(max_entries=8, show_spinner=False)
def _handout(folder: str, today: date, stamp: str, lesson_id: str, link: str, lang: str) -> bytes:
    """Print a lesson's handout once per data version, lesson and language (several seconds in Chromium)."""
    data = cached_dataset(folder, today, stamp)
    content = cached_learn(folder, stamp, frozenset(data.records))
    lesson = content.lesson(lesson_id)
    if lesson is None:
        raise ValueError(f"no lesson {lesson_id}")
    with i18n.using(lang):  # a download is built outside the page's run, where the language is not set
        return builds.queued(lambda: handout.handout(data, lesson, link))


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
    with i18n.using(lang):  # a download is built outside the page's run, where the language is not set
        data = cached_dataset(folder, today, stamp)
        views = [view for view in map(briefing.decode, entries) if view is not None]
        built = [(cached_view(data, folder, stamp, v, lang), briefing.describe(data, v), link_to(link, v))
                 for v in views]  # fmt: skip

        def build() -> bytes:  # the images are drawn once for both formats (images.py keeps them)
            pictures = slides.slides_for(built)
            if fmt == "pdf":
                return slides.deck_pdf(data, title, pictures, link)
            return slides.deck(data, title, pictures, link)

        return builds.queued(build)


def link_to(brief_link: str, view: briefing.View) -> str:
    """The address of a view's page, next to the briefing page's own address."""
    base = brief_link.split("?")[0].rsplit("/", 1)[0]
    return f"{base}/{view.link()}" if base else view.link()


def deck_builder(data: Dataset, title: str, entries: tuple[str, ...], link: str, fmt: str) -> Any:
    """A no-argument callable for a download button: the deck is built when the button is clicked."""
    folder = data_dir()
    language = i18n.language()
    return for_reader(partial(_deck, str(folder), data.today, fingerprint(folder), title, entries, link, fmt, language))


@st.cache_data(max_entries=4, show_spinner=False)
def _package(folder: str, today: date, stamp: str) -> bytes:
    """The open-data package as one zip, once per data version (about a second to write)."""
    return builds.queued(lambda: package.package_zip(cached_dataset(folder, today, stamp)))


def package_builder(data: Dataset) -> Any:
    """A no-argument callable for a download button: the package is written when the button is clicked."""
    folder = data_dir()
    return for_reader(partial(_package, str(folder), data.today, fingerprint(folder)))
