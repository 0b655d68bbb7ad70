"""The only shared Streamlit code: the cached dataset, the sidebar filters, the chart wrapper."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import pycountry
import streamlit as st

from dashboard import charts, geo, panels
from dashboard.filters import FIRST_YEAR, STATUSES, Filters, filter_missions, read_url
from dashboard.geo import HISTORICAL_STATES_FILE, SEA_AREAS_FILE
from dashboard.missions import DATA_DIR, Dataset, load_dataset

# plotly.js fetches map boundaries from a CDN unless told otherwise; these are served by Streamlit
# from dashboard/static/topojson/ (relative, so it also works under a base URL path).
PLOTLY_CONFIG: dict[str, Any] = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "filename": "nato-operations"},
}
FILTER_KEYS = ("org", "type", "region", "status")


def data_dir() -> Path:
    """The data folder; NPOE_DATA_DIR points the app at another one (tests use broken copies)."""
    return Path(os.environ.get("NPOE_DATA_DIR", DATA_DIR))


def fingerprint(folder: Path) -> tuple[tuple[str, float], ...]:
    """Names and modification times of the data files, so an edited file is picked up at once."""
    files = [
        folder / "vocabularies.yaml",
        folder / SEA_AREAS_FILE,
        folder / HISTORICAL_STATES_FILE,
        *sorted((folder / "missions").glob("*.yaml")),
    ]
    return tuple((f.name, f.stat().st_mtime) for f in files if f.exists())


@st.cache_resource(show_spinner=False)
def _cached_dataset(folder: str, today: date, stamp: tuple[tuple[str, float], ...]) -> Dataset:
    """Validate and build the tables once per data version and day, shared read-only by all sessions.

    A resource cache, not a data cache: pages only read the dataset, and copying it on every rerun
    (what st.cache_data does) would cost more than the rest of a page.
    """
    return load_dataset(Path(folder), today)


def dataset() -> Dataset:
    folder = data_dir()
    return _cached_dataset(str(folder), date.today(), fingerprint(folder))


def filter_options(data: Dataset) -> dict[str, list[str]]:
    return {
        "org": list(data.vocabularies.get("organisation", {})),
        "type": list(data.vocabularies.get("mission_type", {})),
        "region": list(data.vocabularies.get("region", {})),
        "status": list(STATUSES),
    }


def set_url_parameter(name: str, values: list[str], default: list[str]) -> None:
    """Write one URL parameter (repeated for several values); defaults are left out to keep links short."""
    if values == default:
        st.query_params.pop(name, None)
    elif st.query_params.get_all(name) != values:
        st.query_params[name] = values


def sidebar_filters(data: Dataset) -> list[str]:
    """Draw the filters, mirrored in the URL; return notices for URL values that were not understood.

    The URL is read once, when a session opens a link; after that the widgets hold the state and
    every run writes it back to the URL with ids (not labels), so a copied link reopens the view.
    """
    options = filter_options(data)
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
        "status": {s: s.capitalize() for s in STATUSES},
    }
    with st.sidebar:
        st.header("Filters")
        for key, title in (
            ("org", "Organisation"),
            ("type", "Mission type"),
            ("region", "Region"),
            ("status", "Status"),
        ):
            st.multiselect(
                title,
                options[key],
                format_func=labels[key].__getitem__,
                key=key,
                placeholder="All",
                persist_state="session",
            )
        if not isinstance(st.session_state.get("years"), tuple):
            st.session_state["years"] = (FIRST_YEAR, last_year)
        st.slider("Years active", FIRST_YEAR, last_year, key="years", persist_state="session")
        if st.button("Reset filters", width="stretch"):
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
    return filter_missions(data.missions, active_filters(data))


def show_data_problems(data: Dataset) -> None:
    """Name every invalid record in a visible warning; the app runs on the valid ones."""
    if not data.problems:
        return
    files = sorted({p.file for p in data.problems})
    with st.expander(
        f":material/warning: {len(files)} data file(s) have problems and are left out — details", expanded=False
    ):
        st.warning("\n".join(f"- `{p}`" for p in data.problems))


def show_notices(notices: list[str]) -> None:
    for notice in notices:
        st.info(notice, icon=":material/link_off:")


def show_chart(fig: go.Figure, key: str, selectable: bool = False) -> Any:
    """Every plotly chart goes through here, so each one gets the offline map configuration."""
    return st.plotly_chart(
        fig,
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


def data_caption(data: Dataset, shown: int, what: str = "operations") -> None:
    """Say how many records a view rests on and when the data was last checked."""
    checked = f" · sources last checked {data.last_checked}" if data.last_checked else ""
    st.caption(
        f"Based on {shown} of {len(data.missions)} {what} in the dataset{checked} · "
        f"every figure links to its source on the operation's profile."
    )


def empty_notice() -> None:
    st.info("No operation matches these filters. Widen the year range or clear a filter in the sidebar.")


def country_name(code: str) -> str:
    if code == "XKX":
        return "Kosovo"
    country = pycountry.countries.get(alpha_3=code)
    return str(getattr(country, "common_name", None) or country.name) if country else code


def mission_link(mission_id: str, label: str) -> None:
    st.page_link("views/mission.py", label=label, query_params={"id": mission_id})


def place_names(data: Dataset) -> dict[str, str]:
    """Display names for every place a map can show: countries by ISO code, sea areas by vocabulary id."""
    names = {code: country_name(code) for code in data.deployments["country"].unique()}
    return names | data.labels("sea_areas")


def map_figure(
    data: Dataset,
    missions: pd.DataFrame,
    shade: str = "operations",
    view: str = "world",
    year_range: tuple[int, int] | None = None,
    title: str = "Where the operations deployed",
    height: int = 560,
    headquarters: bool = True,
) -> go.Figure:
    """The deployment map of the given operations: countries, sea areas and (optionally) headquarters."""
    first, last = year_range or (FIRST_YEAR, data.today.year)
    countries = geo.presence(geo.country_places(data.deployments), missions, first, last)
    seas = geo.presence(geo.sea_places(missions), missions, first, last)
    markers = geo.hq_markers(
        geo.headquarters(data.records, missions.index if headquarters else []),
        dict(zip(missions.index, missions["short_name"], strict=True)),
    )
    return charts.deployment_map(
        countries, seas, data.sea_shapes, markers, place_names(data), shade, view, title, height=height
    )


def filters_subtitle(data: Dataset, nato_only: bool = False) -> str:
    """The sidebar's filters in words, for chart subtitles; `nato_only` when a page hides partner missions."""
    filters = active_filters(data)
    if nato_only:
        filters = replace(filters, organisations=("NATO",))
    return panels.filters_subtitle(data, filters)


@st.cache_resource(max_entries=64, show_spinner=False)
def _cached_compare_panels(
    folder: str,
    today: date,
    stamp: tuple[tuple[str, float], ...],
    filters: Filters,
    decades: str,
    log: bool,
    against: str,
) -> list[panels.Panel]:
    """Build the compare charts once per data version, filters and controls, shared by all sessions.

    Building seven plotly figures takes about 0.2 s; a rerun that changes nothing they show (picking
    operations side by side, opening a table) then costs nothing. Figures are never changed after this.
    """
    return panels.compare_panels(_cached_dataset(folder, today, stamp), filters, decades, log, against)


def compare_panels(data: Dataset, decades: str, log: bool, against: str) -> list[panels.Panel]:
    folder = data_dir()
    stamp = fingerprint(folder)
    return _cached_compare_panels(str(folder), data.today, stamp, active_filters(data), decades, log, against)


def show_panel(panel: panels.Panel) -> None:
    """A panel's chart and its data table, or the reason there is no chart."""
    if panel.figure is None:
        st.markdown(f"*{panel.empty}*")
    else:
        chart_with_data(panel.figure, panel.table, panel.key, panel.file_name)


def chart_with_data(fig: go.Figure, table: pd.DataFrame, key: str, file_name: str) -> None:
    """A chart, and beneath it the table it draws (a text alternative) with a CSV of exactly that table."""
    show_chart(fig, key=key)
    data_table(table, key, file_name)


def data_table(table: pd.DataFrame, key: str, file_name: str) -> None:
    """The "show the data" expander: the table a chart draws, and a CSV download of exactly that table."""
    with st.expander("Show the data", icon=":material/table:"):
        st.dataframe(table, hide_index=True, key=f"{key}-table")
        st.download_button(
            "Download this table (CSV)",
            table.to_csv(index=False).encode("utf-8"),
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
    query = urlencode([(key, value) for key in st.query_params for value in st.query_params.get_all(key)], safe=",")
    page_url = st.context.url or ""
    link = f"{page_url}?{query}" if query else page_url
    with st.popover("Copy link", icon=":material/link:"):
        st.markdown("This link reopens the page with every filter and choice you made:")
        st.code(link or "(the address in your browser's bar)", language=None, wrap_lines=True)
