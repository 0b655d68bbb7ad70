"""Timeline: when did each operation run, in which theatre, what came before and after, what happened?"""

from dataclasses import replace

import streamlit as st

from dashboard.charts import panels
from dashboard.dataset.comparisons import SIZE_MEASURES
from dashboard.dataset.filters import (
    ALIGNMENTS,
    STRENGTH_MEASURES,
    matching,
    read_strength_measure,
    read_timeline_url,
)
from dashboard.dataset.loading import names_in_full
from dashboard.i18n import N_, _
from dashboard.ui import cache, display, links, sidebar

data = cache.dataset()
NONE_SHOWN = {
    "personnel": N_("None of the operations shown has a published strength figure."),
    "aircraft": N_("None of the operations shown has a published count of its aircraft."),
    "ships": N_("None of the operations shown has a published count of its ships."),
}

params = {key: st.query_params.get_all(key) for key in st.query_params}
if "timeline-partners" not in st.session_state:  # a link opened in a new session sets the toggle once
    reading = read_timeline_url({k: params.get(k, []) for k in ("partners", "campaigns")}, [])
    st.session_state["timeline-partners"] = reading.partners
    st.session_state["timeline-campaigns"] = reading.campaigns
    display.show_notices(reading.notices)

link_slot = links.title_with_link_slot(_("Timeline"))
st.markdown(
    _(
        "One bar per operation, from the day forces began it to its end (ongoing operations run to today), grouped "
        "by theatre. Dotted arrows show one operation handing over to the next; diamonds are events (hover for the "
        "date, what happened and the source). Click a bar or an event to open that operation's profile."
    )
)
toggles = st.container(horizontal=True, gap="medium")
partners = toggles.toggle(
    _("Show partner missions (UN, EU, AU, OSCE and coalitions)"),
    key="timeline-partners",
    help=_("The missions NATO took over from, handed over to, ran beside or supported"),
)
bands = toggles.toggle(
    _("Show campaigns"),
    key="timeline-campaigns",
    help=_(
        "Shade the operations of one theatre and period (Bosnia 1992-2004, Afghanistan 2001-2021, ...): the "
        "campaigns whose death tolls Compare shows"
    ),
)
sidebar.set_url_parameter("partners", ["1"] if partners else [], [])
sidebar.set_url_parameter("campaigns", ["1"] if bands else [], [])
chosen_filters = sidebar.active_filters(data)
if partners:
    missions = sidebar.filtered_missions(data)
elif chosen_filters.organisations and "NATO" not in chosen_filters.organisations:  # NATO's among the sidebar's
    missions = data.missions.iloc[:0]
else:
    missions = matching(data, replace(chosen_filters, organisations=("NATO",)), labelled=False)
if missions.empty:
    display.empty_notice()
else:
    panel = cache.shared_panel(data, "timeline_panel", chosen_filters, partners, bands)
    one_bar_each = len(panel.ids) <= panels.TIMELINE_MAX_BARS  # a click on a bar opens that operation's profile
    point = display.selected_point(display.show_panel(panel, "timeline", selectable=one_bar_each))
    if one_bar_each:
        display.names_key(names_in_full(data.missions, panel.ids))
    if point is not None and point.get("customdata"):
        st.switch_page("views/mission.py", query_params={"id": point["customdata"][0], **links.language_param()})
display.data_caption(data, len(missions))

st.subheader(_("Strength over time"))
if "timeline-measure" not in st.session_state:  # a link opened in a new session sets the measure once
    notices: list[str] = []
    st.session_state["timeline-measure"] = read_strength_measure(params, notices)
    display.show_notices(notices)
measure = (
    st.segmented_control(
        _("Measure"), list(STRENGTH_MEASURES), format_func=lambda m: _(SIZE_MEASURES[m]), key="timeline-measure"
    )
    or "personnel"
)
sidebar.set_url_parameter("measure", [measure], ["personnel"])
points = panels.points_per_operation(data, measure)
options = [i for i in missions.index if i in points]
if not options:
    st.markdown("*" + _(NONE_SHOWN[measure]) + "*")
else:
    default = panels.default_strength(data, missions, measure=measure)
    if "timeline-strength" not in st.session_state:  # read the URL once per session, as the sidebar does
        reading = read_timeline_url({k: params.get(k, []) for k in ("strength", "align", "official")}, options)
        st.session_state["timeline-strength"] = reading.strength or default
        st.session_state["timeline-align"] = reading.align
        st.session_state["timeline-official"] = reading.official
        display.show_notices(reading.notices)
    kept = [i for i in st.session_state["timeline-strength"] if i in options]
    st.session_state["timeline-strength"] = kept or default  # another measure: its own operations
    pick, align_column = st.columns([5, 3], vertical_alignment="bottom")
    chosen = pick.multiselect(
        _("Operations to compare"), options, key="timeline-strength", format_func=data.title_of, max_selections=8
    )
    align = (
        align_column.segmented_control(
            _("Align by"), list(ALIGNMENTS), format_func=lambda a: _(ALIGNMENTS[a]), key="timeline-align"
        )
        or "date"
    )
    official = display.official_toggle("timeline-official")
    sidebar.set_url_parameter("strength", [",".join(chosen)] if chosen else [], [",".join(default)])
    sidebar.set_url_parameter("align", [align], ["date"])
    sidebar.set_url_parameter("official", ["1"] if official else [], [])
    if chosen:
        strength = cache.shared_panel(data, "strength_panel", tuple(chosen), align, "strength", official, measure)
        display.show_panel(strength, "timeline")
        st.caption(
            _(
                "Each marker is a published figure with its source on hover; the dotted lines only join them and "
                "are not data. Operations with no published strength are not drawn. Some points count one "
                "contingent or staff category only: the hover says so."
            )
        )

with link_slot.container():
    links.copy_link()
