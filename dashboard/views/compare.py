"""Compare: which kinds of operation ran when, how long and how large were they, how did they end, on what basis?"""

import streamlit as st

from dashboard import charts, comparisons, components
from dashboard.comparisons import DEATHS_AGAINST, DECADE_MODES
from dashboard.filters import COMPARE_DEFAULT_IDS, COMPARE_MAX, read_compare_url
from dashboard.i18n import _
from dashboard.missions import short_name, vocabulary_text

data = components.dataset()
basis_labels = data.labels("legal_basis_kinds")

if "compare-ids" not in st.session_state:  # a link opened in a new session sets the controls once
    reading = read_compare_url({k: st.query_params.get_all(k) for k in st.query_params}, list(data.records))
    default_ids = [i for i in COMPARE_DEFAULT_IDS if i in data.records]
    st.session_state["compare-ids"] = default_ids if reading.ids is None else reading.ids
    st.session_state["compare-decades"] = reading.decades
    st.session_state["compare-log"] = reading.log
    st.session_state["compare-align"] = reading.align
    st.session_state["compare-against"] = reading.against
    components.show_notices(reading.notices)

link_slot = components.title_with_link_slot(_("Compare"))
st.markdown(
    _(
        "How the kinds of operation differ: when they ran, how long they lasted, how large they grew, how they ended "
        "and on what legal basis. Every chart follows the sidebar filters; open **Show the data** beneath a chart "
        "for the table it draws, and download it. Below, put two to four operations side by side."
    )
)

missions = components.filtered_missions(data)
if missions.empty:
    components.empty_notice()
else:
    decades = st.session_state.get("compare-decades") or "start"
    log = bool(st.session_state.get("compare-log"))
    against = st.session_state.get("compare-against") or "strength"
    for panel in components.compare_panels(data, decades, log, against):
        st.subheader(panel.heading)
        if panel.key == "decades":
            st.segmented_control(
                _("Count each operation in"),
                list(DECADE_MODES),
                format_func=lambda mode: _(DECADE_MODES[mode]),
                key="compare-decades",
                required=True,
                persist_state="session",
            )
        if panel.key == "peaks":
            st.toggle(
                _("Logarithmic scale for strength"),
                key="compare-log",
                help=_("Spreads out the smaller operations; applies to the scatter below too"),
                persist_state="session",
            )
        if panel.key == "deaths":
            st.segmented_control(
                _("Deaths against"),
                list(DEATHS_AGAINST),
                format_func=lambda against: _(DEATHS_AGAINST[against]),
                key="compare-against",
                required=True,
                persist_state="session",
            )
        components.show_panel(panel, "compare")
    with st.expander(_("What the categories mean")):
        for vocabulary, heading in (
            ("mission_type", _("Mission types")),
            ("outcome", _("Outcomes")),
            ("legal_basis_kinds", _("Legal basis")),
        ):
            st.markdown(f"**{heading}**")
            for entry in data.vocabularies.get(vocabulary, {}).values():
                source = entry["source"]
                term, definition = vocabulary_text(entry)
                st.markdown(f"- **{term}**: {definition} ([{source['publisher']}: {source['title']}]({source['url']}))")

st.header(_("Side by side"))
st.markdown(
    _(
        "Choose two to {count} operations, from the whole dataset (the sidebar filters do not apply here). "
        "A figure that was never published reads *not published*."
    ).format(count=COMPARE_MAX)
)
pick, align_column = st.columns([5, 3], vertical_alignment="bottom")
chosen: list[str] = pick.multiselect(
    _("Operations side by side"),
    list(data.records),
    key="compare-ids",
    format_func=data.title_of,
    max_selections=COMPARE_MAX,
    persist_state="session",
)
align = (
    align_column.segmented_control(
        _("Align strength by"),
        list(charts.ALIGNMENTS),
        format_func=lambda alignment: _(charts.ALIGNMENTS[alignment]),
        key="compare-align",
        required=True,
        persist_state="session",
    )
    or "months"
)
if len(chosen) < 2:
    st.info(_("Choose at least two operations to put them side by side."))
if chosen:
    facts = comparisons.side_by_side(data.relabel(data.missions), chosen, basis_labels)
    st.table(facts)
    st.download_button(
        _("Download this table (CSV)"),
        facts.to_csv().encode("utf-8"),
        file_name="side-by-side.csv",
        mime="text/csv",
        key="side-by-side-csv",
        on_click="ignore",
    )
    points = data.personnel[data.personnel["mission_id"].isin(chosen)]
    without = [short_name(data.records[i]) for i in chosen if i not in set(points["mission_id"])]
    if len(without) < len(chosen):
        components.show_panel(
            components.shared_panel(data, "strength_panel", tuple(chosen), align, "side-by-side-strength"), "compare"
        )
    if without:
        st.caption(_("No published strength figures: {operations}.").format(operations=", ".join(without)))

components.set_url_parameter("ids", [",".join(chosen)], [",".join(COMPARE_DEFAULT_IDS)])
components.set_url_parameter("decades", [st.session_state.get("compare-decades") or "start"], ["start"])
components.set_url_parameter("log", ["1"] if st.session_state.get("compare-log") else [], [])
components.set_url_parameter("align", [align], ["months"])
components.set_url_parameter("against", [st.session_state.get("compare-against") or "strength"], ["strength"])
components.data_caption(data, len(missions))
with link_slot.container():
    components.copy_link()
