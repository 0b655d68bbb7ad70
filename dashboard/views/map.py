"""Map: where did the operations deploy, for how long, and from which headquarters, year by year?"""

import time
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import i18n
from dashboard.charts import panels
from dashboard.dataset import geo
from dashboard.dataset.filters import MAP_SHADES, MAP_VIEWS, read_map_url
from dashboard.i18n import N_, _
from dashboard.ui import cache, display, links, presentation, sidebar

PLAY_SECONDS = 1.5  # one year per tick while playing
PRESENT_MAP_HEIGHT = 850  # px: projected, the world map as it is and Europe's a little smaller, each above the fold
ALL_YEARS = "All years"  # the slider's first stop (a value kept in the session: shown with _())
VIEW_LABELS = {"world": N_("World"), "europe": N_("Europe and the Balkans")}

data = cache.dataset()
filters = sidebar.active_filters(data)
missions = sidebar.filtered_missions(data)
first_year, last_year = filters.year_from, min(filters.year_to, data.today.year)
years: list[int | str] = [ALL_YEARS, *range(first_year, last_year + 1)]

if not st.session_state.get("map-url-read"):  # a link opened in a new session sets the map's own state once
    reading = read_map_url({k: st.query_params.get_all(k) for k in st.query_params}, first_year, last_year)
    st.session_state["map-year"] = reading.year or ALL_YEARS
    st.session_state["map-shade"] = reading.shade
    st.session_state["map-view"] = reading.view
    st.session_state["map-hq"] = reading.headquarters
    st.session_state["map-url-read"] = True
    display.show_notices(reading.notices)
if st.session_state.get("map-year") not in years:
    st.session_state["map-year"] = ALL_YEARS

st.title(_("Map of deployments"))
presenting = presentation.presenting()
if not presenting:
    st.markdown(
        _(
            "Countries and sea areas are shaded by how many of the selected operations were there, or for how "
            "many years. Red squares mark headquarters and main bases. Operations in the former Yugoslavia are "
            "shown on today's countries. Click a country or a sea to list its operations beside the map; click a "
            "headquarters to open its operation."
        )
    )
# projected, the year, Play and the whole world map come first, on one screen; the view and shading, set once
# before the class, go beneath the map
first, second = st.container(), st.container()
controls, year_and_map_slot = (second, first) if presenting else (first, second)
view_column, shade_column, hq_column = controls.columns([2, 2, 1], vertical_alignment="bottom")
view_column.segmented_control(
    _("View"), MAP_VIEWS, format_func=lambda v: _(VIEW_LABELS[v]), key="map-view", persist_state="session"
)
shade_column.segmented_control(
    _("Shade by"), MAP_SHADES, format_func=lambda m: _(geo.MEASURES[m]), key="map-shade", persist_state="session"
)
st.session_state.setdefault("map-hq", True)
show_hq = hq_column.toggle(_("Headquarters"), key="map-hq", persist_state="session")
view = st.session_state.get("map-view") or MAP_VIEWS[0]
shade = st.session_state.get("map-shade") or MAP_SHADES[0]
sidebar.set_url_parameter("view", [view], [MAP_VIEWS[0]])
sidebar.set_url_parameter("shade", [shade], [MAP_SHADES[0]])
sidebar.set_url_parameter("hq", [] if show_hq else ["0"], [])
playing = bool(st.session_state.get("map-playing"))


def start_or_stop() -> None:
    """Play from the first year (or from the year shown); pressing again pauses."""
    st.session_state["map-play-changed"] = True  # the label changes, so the button's own return value is lost
    if st.session_state.get("map-playing"):
        st.session_state["map-playing"] = False
        return
    if st.session_state["map-year"] in (ALL_YEARS, last_year):
        st.session_state["map-year"] = first_year
    st.session_state["map-playing"] = True
    st.session_state["map-next-tick"] = time.monotonic() + PLAY_SECONDS


@st.fragment(run_every=PLAY_SECONDS if playing else None)
def year_and_map() -> None:
    """The year slider, the map and the click list; while playing, this part alone reruns once a tick."""
    if st.session_state.get("map-playing") and time.monotonic() >= st.session_state.get("map-next-tick", 0):
        shown = st.session_state["map-year"]
        if shown == ALL_YEARS or shown >= last_year:
            st.session_state["map-playing"] = False
            st.rerun()  # the whole page, to stop the timer
        st.session_state["map-year"] = shown + 1
        st.session_state["map-next-tick"] = time.monotonic() + PLAY_SECONDS * 0.9
    # projected, the button's larger label needs more room ("Lecture" in French)
    slider_column, button_column = st.columns([5, 1] if presenting else [8, 1], vertical_alignment="bottom")
    slider_column.select_slider(
        _("Year"),
        years,
        key="map-year",
        help=_("Show what was deployed in one year"),
        format_func=lambda y: _("All years") if y == ALL_YEARS else str(y),
    )
    button_column.button(
        _("Pause") if st.session_state.get("map-playing") else _("Play"),
        icon=":material/pause:" if st.session_state.get("map-playing") else ":material/play_arrow:",
        on_click=start_or_stop,
        width="stretch",
        help=_("Step through the years one by one"),
    )
    if st.session_state.pop("map-play-changed", False):
        st.rerun()  # the whole page, so that the timer starts or stops with it
    year = st.session_state["map-year"]
    sidebar.set_url_parameter("year", [str(year)], [ALL_YEARS])
    shown = missions if year == ALL_YEARS else geo.active_in(missions, int(year))
    if shown.empty:
        display.empty_notice()
        return
    panel = cache.shared_panel(
        data, "map_panel", filters, None if year == ALL_YEARS else int(year), shade, view, show_hq
    )
    map_column, answer_column = st.columns([5, 1], gap="small")  # the answer to a click beside the map, in view
    with map_column:
        event = display.show_panel(panel, "map", selectable=True, fit=presenting, fit_height=PRESENT_MAP_HEIGHT)
        point = display.selected_point(event)
    with answer_column:
        if point is None:
            if presenting:  # the page's explanation is left out when projected: the one thing the key does not say
                st.markdown("*" + _("Red squares: headquarters and main bases.") + "*")
            st.markdown("*" + _("Click a country, a sea area or a headquarters: its operations are listed here.") + "*")
        else:
            list_operations_at(point, shown)
    display.data_caption(data, len(shown))


def list_operations_at(point: dict[str, Any], shown: pd.DataFrame) -> None:
    """Beside the map: the operations in the clicked country or sea, or open the clicked headquarters."""
    place = point.get("location")
    if place:
        names = panels.place_names(data)
        places = pd.concat([panels.country_places(data), geo.sea_places(shown)])
        here = set(places.loc[places["place"] == place, "mission_id"])
        ids = [str(i) for i in shown.index if i in here]
        st.subheader(_("Operations in {place}").format(place=names.get(place, place)))
        if not ids:
            st.markdown("*" + _("None of the operations shown was there.") + "*")
        for mission_id in ids:
            mission = data.records[mission_id]
            end = i18n.shown_date(mission.end) if mission.end else _("ongoing")
            dates = _("{start} to {end}").format(start=i18n.shown_date(mission.start), end=end)
            links.mission_link(mission_id, f"{data.title_of(mission_id)} ({dates})")
        return
    custom = point.get("customdata")
    if custom:
        ids = str(custom[0]).split(", ")
        if len(ids) == 1:
            st.switch_page("views/mission.py", query_params={"id": ids[0], **links.language_param()})
        st.subheader(_("Operations run from this headquarters"))
        for mission_id in ids:
            links.mission_link(mission_id, data.title_of(mission_id))


with year_and_map_slot:
    year_and_map()
