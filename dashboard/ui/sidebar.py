"""The sidebar: the language switch and the filters, both read once from the URL and written back to it."""

from __future__ import annotations

from typing import cast

import pandas as pd
import streamlit as st

from dashboard import i18n
from dashboard.charts import briefing
from dashboard.dataset.filters import FIRST_YEAR, STATUS_LABELS, STATUSES, Filters, matching, matching_ids, read_url
from dashboard.dataset.loading import Dataset
from dashboard.i18n import _
from dashboard.outputs.package import version_of
from dashboard.ui.links import page

FILTER_KEYS = ("org", "type", "region", "status")


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


def data_version(data: Dataset) -> None:
    """The foot of the sidebar on every page: the data version a reader should cite, and where to find how."""
    with st.sidebar:
        st.caption(
            _("Data version {version} · CC BY 4.0 · every value cites its public source").format(
                version=version_of(data)
            )
        )
        st.page_link(page("views/data.py"), label=_("How to cite"), icon=":material/format_quote:")
