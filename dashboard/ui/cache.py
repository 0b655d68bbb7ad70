"""The dataset and the charts every session shares, cached by the data's fingerprint (files' names, sizes
and times), the day and the language. Everything here is built once and never changed after.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import i18n
from dashboard.charts import briefing, panels, questions
from dashboard.dataset import comparisons
from dashboard.dataset.campaigns import CAMPAIGNS_FILE
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.filters import DEFAULT_CAMPAIGN, Filters
from dashboard.dataset.geo import HISTORICAL_STATES_FILE, SEA_AREAS_FILE
from dashboard.dataset.loading import Dataset, load_dataset
from dashboard.dataset.publishers import PUBLISHERS_FILE
from dashboard.learn import content, quiz
from dashboard.ui.sidebar import active_filters


def data_dir() -> Path:
    """The data folder; NPOE_DATA_DIR points the app at another one (tests use broken copies)."""
    return Path(os.environ.get("NPOE_DATA_DIR", DATA_DIR))


FINGERPRINT_SECONDS = 1.0
_fingerprints: dict[str, tuple[float, str]] = {}


def _files(folder: Path, sub: str) -> list[os.DirEntry[str]]:
    try:
        return [entry for entry in os.scandir(folder / sub) if entry.name.endswith(".yaml")]
    except OSError:
        return []


def fingerprint(folder: Path) -> str:
    """A digest of the data files' names, sizes and modification times (records and Learn content).

    Every cache is keyed on it, so an edited file is picked up by all of them: within a second, because
    the digest is kept that long (a page asks for it several times per rerun, and with 6,200 records
    listing and hashing the files each time cost a quarter of a rerun).
    """
    key = str(folder)
    now = time.monotonic()
    kept = _fingerprints.get(key)
    if kept is not None and now - kept[0] < FINGERPRINT_SECONDS:
        return kept[1]
    digest = hashlib.blake2b(digest_size=16)
    singles = [folder / "vocabularies.yaml", folder / PUBLISHERS_FILE, folder / SEA_AREAS_FILE,
               folder / HISTORICAL_STATES_FILE, folder / CAMPAIGNS_FILE]  # fmt: skip
    for path in singles:
        try:
            info = path.stat()
        except OSError:
            continue
        digest.update(f"{path.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    for sub in ("missions", content.LEARN_DIR):
        for entry in sorted(_files(folder, sub), key=lambda e: e.name):
            info = entry.stat()
            digest.update(f"{sub}/{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    stamp = digest.hexdigest()
    _fingerprints[key] = (now, stamp)
    return stamp


@st.cache_resource(show_spinner=False)
def cached_dataset(folder: str, today: date, stamp: str) -> Dataset:
    """Validate and build the tables once per data version and day, shared read-only by all sessions.

    A resource cache, not a data cache: pages only read the dataset, and copying it on every rerun
    (what st.cache_data does) would cost more than the rest of a page.
    """
    return load_dataset(Path(folder), today)


def today() -> date:
    """Today, or the day NPOE_TODAY names (YYYY-MM-DD): the tests pin it so every view is the same on any day."""
    pinned = os.environ.get("NPOE_TODAY", "")
    try:
        return date.fromisoformat(pinned) if pinned else date.today()
    except ValueError:
        return date.today()


def dataset() -> Dataset:
    folder = data_dir()
    stamp = fingerprint(folder)
    data = _latest_dataset(str(folder), today(), stamp)
    _settled(stamp)
    return data


@lru_cache(maxsize=1)
def _latest_dataset(folder: str, today: date, stamp: str) -> Dataset:
    """The dataset last asked for, without asking Streamlit's cache again: pages ask for it twice a rerun,
    and each ask hashed the arguments (a quarter of a millisecond). A new data version, day or folder asks it."""
    return cached_dataset(folder, today, stamp)


@lru_cache(maxsize=1)  # not st.cache_resource: asking Streamlit's cache costs about half a millisecond a call
def _settled(stamp: str) -> bool:
    """Once the data is loaded, move everything alive (modules, the dataset) out of the garbage collector's way.

    Python's full collections walk every object alive: here about 200,000, 150 ms each, one every few dozen
    reruns, paid by whichever click triggered it. gc.freeze() leaves the objects made at start-up out of
    those walks (they live as long as the server). A new version of data/ unfreezes first, so the old
    dataset can still be collected.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return True


@st.cache_resource(show_spinner=False)
def cached_learn(folder: str, stamp: str, mission_ids: frozenset[str]) -> content.Learn:
    """The Learn page's content, checked once per version of data/ and shared read-only by all sessions."""
    return content.load_learn(Path(folder), set(mission_ids))


def learn_content(data: Dataset) -> content.Learn:
    folder = data_dir()
    return cached_learn(str(folder), fingerprint(folder), frozenset(data.records))


@st.cache_resource(max_entries=64, show_spinner=False)
def _cached_compare_panels(
    folder: str,
    today: date,
    stamp: str,
    filters: Filters,
    decades: str,
    log: bool,
    against: str,
    lang: str,
    only: tuple[str, ...] | None = None,
    official: bool = False,
    measure: str = "personnel",
    campaign: str = DEFAULT_CAMPAIGN,
) -> list[panels.Panel]:
    """Build the compare charts (all, or those keyed in `only`) once per data version, filters, controls and
    language, shared by all sessions.

    A rerun that changes nothing they show (picking operations side by side, opening a table) then
    builds nothing. Figures are never changed after this.
    """
    with i18n.using(lang):
        data = cached_dataset(folder, today, stamp)
        return questions.compare_panels(data, filters, decades, log, against, only, official, measure, campaign)


def compare_panels(
    data: Dataset, decades: str, log: bool, against: str, only: tuple[str, ...], official: bool = False,
    measure: str = "personnel", campaign: str = DEFAULT_CAMPAIGN,
) -> list[panels.Panel]:
    """The compare charts keyed in `only`, for the sidebar's filters (`official`: official sources only; `measure`:
    what "How large" measures)."""
    folder = data_dir()
    stamp = fingerprint(folder)
    return _cached_compare_panels(
        str(folder), data.today, stamp, active_filters(data), decades, log, against, i18n.language(), only, official,
        measure, campaign,
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def _quiz(folder: str, today: date, stamp: str, seed: int, lang: str) -> tuple[quiz.Question, ...]:
    """A seed's questions, the same for every student of a class (so computed once), shared read-only: the quiz
    asks for them once per question on every rerun, and st.cache_data would unpickle a copy each time."""
    data = cached_dataset(folder, today, stamp)
    material = cached_learn(folder, stamp, frozenset(data.records))
    with i18n.using(lang):
        return tuple(quiz.questions(data, material.claims, seed))


def quiz_questions(data: Dataset, seed: int) -> tuple[quiz.Question, ...]:
    folder = data_dir()
    return _quiz(str(folder), data.today, fingerprint(folder), seed, i18n.language())


Reveal = tuple[go.Figure, pd.DataFrame] | None  # a question's answer chart and its table; None for a claim


@st.cache_resource(max_entries=64, show_spinner=False)
def _quiz_reveals(folder: str, today: date, stamp: str, seed: int, lang: str) -> tuple[Reveal, ...]:
    """Every answer chart of a seed's questions, built once per seed and language and shared (never changed
    after): a class of thirty checking the same questions builds them once, and a rerun that shows six answers
    asks the cache once instead of six times (each ask hashes its arguments: about half a millisecond)."""
    with i18n.using(lang):
        return tuple(quiz.reveal(question) for question in _quiz(folder, today, stamp, seed, lang))


def quiz_reveals(data: Dataset, seed: int) -> tuple[Reveal, ...]:
    folder = data_dir()
    return _quiz_reveals(str(folder), data.today, fingerprint(folder), seed, i18n.language())


def cached_view(data: Dataset, folder: str, stamp: str, view: briefing.View, lang: str) -> panels.Panel:
    """A pack's chart, built once per data version, view and language and shared by all sessions (never changed).

    Compare charts come from the compare page's own cache, so a pack and the page build them once between them.
    Kept by the dataset (see shared_panel), as a profile's two charts are asked for on every rerun.
    """

    def compare(
        _: Dataset, filters: Filters, decades: str, log: bool, against: str, official_only: bool = False,
        measure: str = "personnel", campaign: str = DEFAULT_CAMPAIGN,
    ) -> list[panels.Panel]:
        return _cached_compare_panels(
            folder, data.today, stamp, filters, decades, log, against, lang, None, official_only, measure, campaign
        )

    def build() -> panels.Panel:
        with i18n.using(lang):  # a pack is drawn outside the page's run, where the language is not set
            return briefing.build(data, view, compare)

    return data.remembered(("view", view, lang), build, SHARED_PANELS)


SHARED_PANELS = 256  # charts kept per dataset, shared by every session: the largest, the timeline, is 140 KB of JSON


def shared_panel(data: Dataset, builder: str, *args: Any) -> panels.Panel:
    """panels.<builder>(data, *args), built once per data version, arguments and language and shared read-only by
    every session: a rerun that shows the same chart again builds nothing (the figure must not be changed)."""
    lang = i18n.language()
    return data.remembered(
        ("panel", builder, args, lang), lambda: cast(panels.Panel, getattr(panels, builder)(data, *args)), SHARED_PANELS
    )


def side_by_side(data: Dataset, chosen: tuple[str, ...]) -> pd.DataFrame:
    """compare's side-by-side table of the chosen operations, made once per choice and language and shared by
    every session (5 ms to make, on every rerun of that view). Never change it."""
    lang = i18n.language()

    def build() -> pd.DataFrame:
        return comparisons.side_by_side(
            data.labelled_missions(), chosen, data.labels("legal_basis_kinds"), data.sizes
        )

    return data.remembered(("side by side", chosen, lang), build)


def view_panel(data: Dataset, view: briefing.View) -> panels.Panel:
    folder = data_dir()
    return cached_view(data, str(folder), fingerprint(folder), view, i18n.language())
