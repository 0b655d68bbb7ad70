"""The only shared Streamlit code: the cached dataset, the sidebar filters, the chart wrapper."""

from __future__ import annotations

import gc
import hashlib
import os
import re
import time
from collections.abc import Callable
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import (
    briefing,
    cards,
    comparisons,
    export,
    handout,
    i18n,
    learn,
    navigation,
    panels,
    printing,
    quiz,
    slides,
)
from dashboard.filters import FIRST_YEAR, STATUS_LABELS, STATUSES, Filters, matching, matching_ids, read_url
from dashboard.geo import HISTORICAL_STATES_FILE, SEA_AREAS_FILE
from dashboard.i18n import _
from dashboard.missions import DATA_DIR, Dataset, load_dataset
from dashboard.validation import Problem

# plotly.js fetches map boundaries from a CDN unless told otherwise; these are served by Streamlit
# from dashboard/static/topojson/ (relative, so it also works under a base URL path).
PLOTLY_CONFIG: dict[str, Any] = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    # the camera button: the same 16:9 canvas as the server-side export, at 1.5x, so 1920x1080 pixels
    "toImageButtonOptions": {
        "format": "png",
        "width": 1280,
        "height": 720,
        "scale": 1.5,
        "filename": "nato-operations",
    },
}
FILTER_KEYS = ("org", "type", "region", "status")


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
    singles = [folder / "vocabularies.yaml", folder / SEA_AREAS_FILE, folder / HISTORICAL_STATES_FILE]
    for path in singles:
        try:
            info = path.stat()
        except OSError:
            continue
        digest.update(f"{path.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    for sub in ("missions", learn.LEARN_DIR):
        for entry in sorted(_files(folder, sub), key=lambda e: e.name):
            info = entry.stat()
            digest.update(f"{sub}/{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    stamp = digest.hexdigest()
    _fingerprints[key] = (now, stamp)
    return stamp


@st.cache_resource(show_spinner=False)
def _cached_dataset(folder: str, today: date, stamp: str) -> Dataset:
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
    return _cached_dataset(folder, today, stamp)


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
def _cached_learn(folder: str, stamp: str, mission_ids: frozenset[str]) -> learn.Learn:
    """The Learn page's content, checked once per version of data/ and shared read-only by all sessions."""
    return learn.load_learn(Path(folder), set(mission_ids))


def learn_content(data: Dataset) -> learn.Learn:
    folder = data_dir()
    return _cached_learn(str(folder), fingerprint(folder), frozenset(data.records))


def set_url_parameter(name: str, values: list[str], default: list[str]) -> None:
    """Write one URL parameter (repeated for several values); defaults are left out to keep links short."""
    if values == default:
        st.query_params.pop(name, None)
    elif st.query_params.get_all(name) != values:
        st.query_params[name] = values


def choose_language() -> list[str]:
    """The sidebar's language switch, read once from `lang` in the URL and kept in the URL; sets the language."""
    notices: list[str] = []
    if not st.session_state.get("lang-read"):
        asked = st.query_params.get("lang", i18n.DEFAULT_LANGUAGE)
        st.session_state["lang"] = asked if asked in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
        st.session_state["lang-read"] = True
        if asked not in i18n.LANGUAGES:
            notices.append(
                f"lang={asked[:20]} is not a language of this app; showing English (use lang=en or lang=fr)."
            )
    if st.session_state.get("lang") not in i18n.LANGUAGES:
        st.session_state["lang"] = i18n.DEFAULT_LANGUAGE
    i18n.set_language(str(st.session_state["lang"]))
    with st.sidebar:
        st.segmented_control(
            "Language · Langue",  # in both, so a reader lost in the other language still finds it
            list(i18n.LANGUAGES),
            format_func=i18n.LANGUAGES.__getitem__,
            key="lang",
            persist_state="session",
            required=True,
        )
    i18n.set_language(str(st.session_state["lang"]))
    set_url_parameter("lang", [i18n.language()], [i18n.DEFAULT_LANGUAGE])
    return notices


def sidebar_filters(data: Dataset) -> list[str]:
    """Draw the filters, mirrored in the URL; return notices for URL values that were not understood.

    The URL is read once, when a session opens a link; after that the widgets hold the state and
    every run writes it back to the URL with ids (not labels), so a copied link reopens the view.
    """
    options = briefing.filter_options(data)
    last_year = data.today.year
    notices: list[str] = []
    if not st.session_state.get("url-read"):
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        reading = read_url(params, options, FIRST_YEAR, last_year)
        for key in FILTER_KEYS:
            st.session_state[key] = reading.choices.get(key, [])
        st.session_state["years"] = (reading.year_from or FIRST_YEAR, reading.year_to or last_year)
        st.session_state["url-read"] = True
        notices = reading.notices

    labels = {
        "org": data.labels("organisation"),
        "type": data.labels("mission_type"),
        "region": data.labels("region"),
        "status": {s: _(STATUS_LABELS[s]).capitalize() for s in STATUSES},
    }
    with st.sidebar:
        st.header(_("Filters"))
        for key, title, placeholder in (
            ("org", _("Organisation"), _("All organisations")),
            ("type", _("Mission type"), _("All mission types")),
            ("region", _("Region"), _("All regions")),
            ("status", _("Status"), _("Ongoing and ended")),
        ):
            st.multiselect(
                title,
                options[key],
                format_func=labels[key].__getitem__,
                key=key,
                placeholder=placeholder,
                persist_state="session",
            )
        if not isinstance(st.session_state.get("years"), tuple):
            st.session_state["years"] = (FIRST_YEAR, last_year)
        st.slider(_("Years active"), FIRST_YEAR, last_year, key="years", persist_state="session")
        if st.button(_("Reset filters"), width="stretch"):
            for key in FILTER_KEYS:
                st.session_state[key] = []
            st.session_state["years"] = (FIRST_YEAR, last_year)
            st.rerun()
    for key in FILTER_KEYS:
        set_url_parameter(key, list(st.session_state[key]), [])
    year_from, year_to = cast(tuple[int, int], st.session_state["years"])
    set_url_parameter("from", [str(year_from)], [str(FIRST_YEAR)])
    set_url_parameter("to", [str(year_to)], [str(last_year)])
    return notices


def active_filters(data: Dataset) -> Filters:
    """The sidebar's current choice as plain data."""
    year_from, year_to = st.session_state.get("years", (FIRST_YEAR, data.today.year))
    return Filters(
        organisations=tuple(st.session_state.get("org", [])),
        mission_types=tuple(st.session_state.get("type", [])),
        regions=tuple(st.session_state.get("region", [])),
        statuses=tuple(st.session_state.get("status", [])),
        year_from=int(year_from),
        year_to=int(year_to),
    )


def filtered_missions(data: Dataset) -> pd.DataFrame:
    """The missions that match the sidebar, as loaded (English labels), shared by every session."""
    return matching(data, active_filters(data), labelled=False)


def filtered_ids(data: Dataset) -> list[str]:
    """The ids of the missions that match the sidebar (no table copied), shared by every session."""
    return matching_ids(data, active_filters(data))


def show_data_problems(data: Dataset) -> None:
    """Name every invalid record in a visible warning; the app runs on the valid ones."""
    show_problems(data.problems, _("data file(s) have problems and are left out"))


def show_problems(problems: list[Problem], what: str) -> None:
    """Problems found in data files, one line each, behind a visible warning."""
    if not problems:
        return
    files = sorted({p.file for p in problems})
    details = _("details")
    with st.expander(f":material/warning: {len(files)} {what} — {details}", expanded=False):
        st.warning("\n".join(f"- `{p}`" for p in problems))


def show_notices(notices: list[str]) -> None:
    for notice in notices:
        st.info(notice, icon=":material/link_off:")


class _Drawn(go.Figure):  # type: ignore[misc]
    """A figure as st.plotly_chart reads it (its to_dict), worked out once and kept with the figure.

    st.plotly_chart deep-copies a figure into a dict on every rerun that draws it: 2-3 ms for the timeline's
    two charts, on every rerun, although the charts come from caches and never change. This stands in for the
    figure there and only there: it is never built as a figure (no plotly __init__), and Streamlit asks it
    for nothing but to_dict.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self._spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self._spec


def _drawn(fig: go.Figure) -> go.Figure:
    """The figure's _Drawn stand-in, made the first time it is drawn (charts are never changed once built).

    It reads the figure's own trace and layout dicts instead of a deep copy of them (fig.to_dict()): Streamlit
    only writes them out as JSON. The copy took a tenth of a new filter's run on a page with two charts. The
    JSON is the same: to_dict would also turn numeric NumPy arrays into base64, and no chart holds one
    (tests/unit/test_export.py writes every panel's figure both ways).
    """
    drawn = fig.__dict__.get("_drawn_as")
    if drawn is None:
        drawn = _Drawn({"data": fig._data, "layout": fig._layout})
        fig._drawn_as = drawn
    return cast(go.Figure, drawn)


def show_chart(fig: go.Figure, key: str, selectable: bool = False) -> Any:
    """Every plotly chart goes through here, so each one gets the offline map configuration."""
    return st.plotly_chart(
        _drawn(fig),
        key=key,
        config=PLOTLY_CONFIG,
        theme=None,
        on_select="rerun" if selectable else "ignore",
        selection_mode=("points",),
    )


def selected_point(event: Any) -> dict[str, Any] | None:
    """The first clicked point of a chart's selection event, if any."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    return points[0] if points else None


def data_caption(data: Dataset, shown: int) -> None:
    """Say how many records a view rests on and when the data was last checked."""
    if data.last_checked:
        text = _(
            "Based on {shown} of {total} operations in the dataset · sources last checked {date} · "
            "every figure links to its source on the operation's profile."
        ).format(shown=shown, total=len(data.missions), date=i18n.shown_date(data.last_checked))
    else:
        text = _(
            "Based on {shown} of {total} operations in the dataset · "
            "every figure links to its source on the operation's profile."
        ).format(shown=shown, total=len(data.missions))
    st.caption(text)


def empty_notice() -> None:
    st.info(_("No operation matches these filters. Widen the year range or clear a filter in the sidebar."))


def in_every_language(message: str) -> set[str]:
    """A message as every language of the app writes it."""
    translations = set()
    for code in i18n.LANGUAGES:
        with i18n.using(code):
            translations.add(_(message))
    return translations


def language_param() -> dict[str, str]:
    """The `lang` URL parameter that keeps the language on a link to another page (none for English)."""
    return {"lang": i18n.language()} if i18n.language() != i18n.DEFAULT_LANGUAGE else {}


def app_pages() -> dict[str, Any]:
    """st.Page for each of navigation.PAGES (by script), titled in the current language: made once per session
    and language, not on every rerun (each st.Page resolves its script's path on disk: a millisecond a rerun).
    The router (app.py) runs them; links are given them (page()) rather than the script's path.
    """
    key = f"app-pages-{i18n.language()}"
    made: dict[str, Any] | None = st.session_state.get(key)
    if made is None:
        made = {
            page.script: st.Page(page.script, title=_(page.title), icon=page.icon, url_path=page.url_path,
                                 default=page.script == navigation.DEFAULT_PAGE)
            for page in navigation.PAGES
        }  # fmt: skip
        st.session_state[key] = made
    return made


def page(script: str) -> Any:
    """The page a link goes to: its st.Page when the router made it (st.page_link given a script's path
    resolves it on disk for each link), else the path itself."""
    return app_pages().get(script, script)


def mission_link(mission_id: str, label: str) -> None:
    st.page_link(page("views/mission.py"), label=label, query_params={"id": mission_id, **language_param()})


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
) -> list[panels.Panel]:
    """Build the compare charts (all, or those keyed in `only`) once per data version, filters, controls and
    language, shared by all sessions.

    A rerun that changes nothing they show (picking operations side by side, opening a table) then
    builds nothing. Figures are never changed after this.
    """
    with i18n.using(lang):
        return panels.compare_panels(_cached_dataset(folder, today, stamp), filters, decades, log, against, only)


def compare_panels(data: Dataset, decades: str, log: bool, against: str, only: tuple[str, ...]) -> list[panels.Panel]:
    """The compare charts keyed in `only`, for the sidebar's filters."""
    folder = data_dir()
    stamp = fingerprint(folder)
    return _cached_compare_panels(
        str(folder), data.today, stamp, active_filters(data), decades, log, against, i18n.language(), only
    )


def show_panel(panel: panels.Panel, page: str, selectable: bool = False) -> Any:
    """A panel's chart with its image downloads, "add to briefing" and data table, or the reason there is no chart.

    Returns the chart's selection event when `selectable`.
    """
    if panel.figure is None:
        st.markdown(f"*{panel.empty}*")
        return None
    figure = export.enlarge(panel.figure) if presenting() else panel.figure
    event = show_chart(figure, key=panel.key, selectable=selectable)
    if not presenting():
        chart_actions(panel, page)
        data_table(lambda: panel.table, panel.key, panel.file_name)
    return event


def chart_actions(panel: panels.Panel, page: str) -> None:
    """PNG and SVG downloads (drawn on the server when clicked) and the button that adds the chart to the pack."""
    assert panel.figure is not None
    missing = browser_missing()
    row = st.container(horizontal=True, gap="small")
    for fmt, label in (("png", "PNG 1920x1080"), ("svg", "SVG")):
        image_help = _("The chart as a {format} image, with its title, filters and source line").format(format=label)
        row.download_button(
            label,
            partial(export.image, panel.figure, fmt),
            file_name=f"{panel.file_name}.{fmt}",
            mime=export.FORMATS[fmt],
            key=f"{panel.key}-{fmt}",
            icon=":material/image:",
            on_click="ignore",
            disabled=bool(missing),
            help=missing or image_help,
        )
    row.button(
        _("Add to briefing"),
        key=f"{panel.key}-brief",
        icon=":material/playlist_add:",
        on_click=add_to_pack,
        args=(page, panel.key),
        help=_("Collect this chart, as you see it now, in the briefing pack (the Briefing page builds the slides)"),
    )


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


@st.cache_data(max_entries=16, show_spinner=False)
def _fact_card(folder: str, today: date, stamp: str, mission_id: str, lang: str) -> tuple[bytes, bytes]:
    """Print a card once per data version, operation and language (about 2 s in Chromium), for every session."""
    with i18n.using(lang):  # a download is built outside the page's run, where the language is not set
        return cards.fact_card(_cached_dataset(folder, today, stamp), mission_id)


@st.cache_data(max_entries=8, show_spinner=False)
def _handout(folder: str, today: date, stamp: str, lesson_id: str, link: str, lang: str) -> bytes:
    """Print a lesson's handout once per data version, lesson and language (several seconds in Chromium)."""
    data = _cached_dataset(folder, today, stamp)
    content = _cached_learn(folder, stamp, frozenset(data.records))
    lesson = content.lesson(lesson_id)
    if lesson is None:
        raise ValueError(f"no lesson {lesson_id}")
    with i18n.using(lang):  # a download is built outside the page's run, where the language is not set
        return handout.handout(data, lesson, link)


def handout_builder(lesson_id: str) -> Any:
    """A no-argument callable for a download button: the handout is printed when the button is clicked."""
    folder = data_dir()
    day = today()
    link = page_address().split("?")[0] + f"?lesson={lesson_id}"
    return partial(_handout, str(folder), day, fingerprint(folder), lesson_id, link, i18n.language())


@st.cache_resource(max_entries=64, show_spinner=False)
def _quiz(folder: str, today: date, stamp: str, seed: int, lang: str) -> tuple[quiz.Question, ...]:
    """A seed's questions, the same for every student of a class (so computed once), shared read-only: the quiz
    asks for them once per question on every rerun, and st.cache_data would unpickle a copy each time."""
    data = _cached_dataset(folder, today, stamp)
    content = _cached_learn(folder, stamp, frozenset(data.records))
    with i18n.using(lang):
        return tuple(quiz.questions(data, content.claims, seed))


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


def fact_card_downloads(data: Dataset, mission_id: str) -> None:
    """One-page fact card of the operation, as PDF and PNG, printed when a button is clicked."""
    folder = data_dir()
    card = partial(_fact_card, str(folder), data.today, fingerprint(folder), mission_id, i18n.language())
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


PACK = "brief-pack"


def pack() -> list[str]:
    """The briefing pack of this session: encoded views, in slide order."""
    return cast(list[str], st.session_state.setdefault(PACK, []))


def current_params() -> list[tuple[str, str]]:
    return [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]


def add_to_pack(page: str, chart: str) -> None:
    """Runs before the page reruns, when the URL still holds exactly the view the briefer was looking at."""
    view = briefing.view_of(page, chart, current_params()).encode()
    entries = pack()
    if view in entries:
        st.toast(_("This view is already in the briefing pack."), icon=":material/info:")
    elif len(entries) >= briefing.PACK_MAX:
        st.toast(
            _("The pack is full ({count} charts): remove one on the Briefing page.").format(count=briefing.PACK_MAX)
        )
    else:
        entries.append(view)
        if len(entries) == 1:
            added = _("Added to the briefing pack (1 chart).")
        else:
            added = _("Added to the briefing pack ({count} charts).").format(count=len(entries))
        st.toast(added, icon=":material/playlist_add_check:")


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
        data = _cached_dataset(folder, today, stamp)
        views = [view for view in map(briefing.decode, entries) if view is not None]
        built = [(_cached_view(data, folder, stamp, v, lang), briefing.describe(data, v), link_to(link, v))
                 for v in views]  # fmt: skip
        pictures = slides.slides_for(built)
        if fmt == "pdf":
            return slides.deck_pdf(data, title, pictures, link)
        return slides.deck(data, title, pictures, link)


def link_to(brief_link: str, view: briefing.View) -> str:
    """The address of a view's page, next to the briefing page's own address."""
    base = brief_link.split("?")[0].rsplit("/", 1)[0]
    return f"{base}/{view.link()}" if base else view.link()


def deck_builder(data: Dataset, title: str, entries: tuple[str, ...], link: str, fmt: str) -> Any:
    """A no-argument callable for a download button: the deck is built when the button is clicked."""
    folder = data_dir()
    return partial(_deck, str(folder), data.today, fingerprint(folder), title, entries, link, fmt, i18n.language())


def page_address() -> str:
    """The full address of this page with its current URL parameters (what "Copy link" shows)."""
    query = urlencode(current_params(), safe=",")
    page_url = st.context.url or ""
    return f"{page_url}?{query}" if query else page_url


def _cached_view(data: Dataset, folder: str, stamp: str, view: briefing.View, lang: str) -> panels.Panel:
    """A pack's chart, built once per data version, view and language and shared by all sessions (never changed).

    Compare charts come from the compare page's own cache, so a pack and the page build them once between them.
    Kept by the dataset (see shared_panel), as a profile's two charts are asked for on every rerun.
    """

    def compare(_: Dataset, filters: Filters, decades: str, log: bool, against: str) -> list[panels.Panel]:
        return _cached_compare_panels(folder, data.today, stamp, filters, decades, log, against, lang)

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
        return comparisons.side_by_side(data.labelled_missions(), chosen, data.labels("legal_basis_kinds"))

    return data.remembered(("side by side", chosen, lang), build)


def view_panel(data: Dataset, view: briefing.View) -> panels.Panel:
    folder = data_dir()
    return _cached_view(data, str(folder), fingerprint(folder), view, i18n.language())


def presenting() -> bool:
    """Presentation mode: `present=1` in the URL."""
    return st.query_params.get("present") == "1"


PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
.stMainBlockContainer, .block-container { padding-top: 1rem !important; max-width: 100% !important; }
html, .stMarkdown p, .stMarkdown li, .stCaption, button p { font-size: 1.45rem !important; }
h1 { font-size: 3rem !important; } h2, h3 { font-size: 2.2rem !important; }
.stApp { background: #ffffff; color: #000000; }
</style>
"""


ACCESSIBLE_CSS = """
<style>
/* captions and help text: Streamlit draws them at 60% opacity, below WCAG AA contrast (axe-core) */
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #4b5563 !important; }
</style>
"""


def page_frame() -> None:
    """What every page needs whatever it shows: readable captions."""
    st.html(ACCESSIBLE_CSS)


def navigation_links(sections: dict[str, list[tuple[Any, str, str]]]) -> None:
    """The sidebar's page list, drawn as links that keep the language (Streamlit's own list is invalid HTML:
    its sections put headings inside the <ul>, which screen readers and axe-core reject).
    """
    keep = {"lang": i18n.language()} if i18n.language() != i18n.DEFAULT_LANGUAGE else None
    with st.sidebar:
        for section, pages in sections.items():
            st.markdown(f"**{section}**")
            for page, title, icon in pages:
                st.page_link(page, label=title, icon=icon, query_params=keep)


def presentation_frame() -> None:
    """Hide the sidebar and the toolbar and enlarge the type when presenting; always offer the way in or out."""
    if presenting():
        st.html(PRESENTATION_CSS)
        if st.button(_("Exit presentation"), icon=":material/close_fullscreen:", key="present-exit", shortcut="Esc"):
            st.query_params.pop("present", None)
            st.query_params.pop("slide", None)
            st.rerun()
    else:
        with st.sidebar:
            if st.button(_("Presentation mode"), icon=":material/slideshow:", key="present-enter", width="stretch",
                         help=_("Large type, no sidebar or toolbar: for a projector. Esc leaves it.")):  # fmt: skip
                st.query_params["present"] = "1"
                st.rerun()


def csv_bytes(table: pd.DataFrame, index: bool = False) -> bytes:
    return table.to_csv(index=index).encode("utf-8")


def data_table(table: pd.DataFrame | Callable[[], pd.DataFrame], key: str, file_name: str) -> None:
    """The "show the data" expander: the table a chart draws, and a CSV download of exactly that table.

    The table (or the function that makes it, such as a panel's) is used only while the expander is open
    (opening it reruns the page), so a page with its tables closed neither makes nor serialises them, nor
    makes the browser load the table component before its charts. The CSV is written when the button is
    pressed, not on every rerun of the page.
    """
    shown = st.expander(_("Show the data"), icon=":material/table:", key=f"{key}-data", on_change="rerun")
    if not shown.open:
        return
    if not isinstance(table, pd.DataFrame):
        table = table()
    with shown:
        st.dataframe(table, hide_index=True, key=f"{key}-table")
        st.download_button(
            _("Download this table (CSV)"),
            partial(csv_bytes, table),
            file_name=f"{file_name}.csv",
            mime="text/csv",
            key=f"{key}-csv",
            on_click="ignore",
        )


def title_with_link_slot(title: str) -> Any:
    """The page title with an empty slot beside it; fill it with copy_link() once every control wrote the URL."""
    title_column, link_column = st.columns([5, 1], vertical_alignment="bottom")
    title_column.title(title)
    return link_column.empty()


def copy_link() -> None:
    """Show the address of the current view, with Streamlit's copy button, to share or bookmark it."""
    link = page_address()
    with st.popover(_("Copy link"), icon=":material/link:"):
        st.markdown(_("This link reopens the page with every filter and choice you made:"))
        st.code(link or _("(the address in your browser's bar)"), language=None, wrap_lines=True)
