"""Timeline: when did each operation run, in which theatre, what came before and after, what happened?"""

import streamlit as st

from dashboard import charts, components

data = components.dataset()
missions = components.filtered_missions(data)
type_labels = components.vocabulary_labels(data, "mission_type")

if "timeline-partners" not in st.session_state:  # a link opened in a new session sets the toggle once
    wanted = st.query_params.get("partners")
    st.session_state["timeline-partners"] = wanted == "1"
    if wanted not in (None, "0", "1"):
        components.show_notices([f"Ignored partners={wanted}: use 1 or 0; partner missions are hidden."])

st.title("Timeline")
st.markdown(
    "One bar per operation, from the day forces began it to its end (ongoing operations run to today), grouped "
    "by theatre. Dotted arrows show one operation handing over to the next; diamonds are events (hover for the "
    "date, what happened and the source). Click a bar or an event to open that operation's profile."
)
partners = st.toggle(
    "Show partner missions (UN, EU, AU, OSCE and coalitions)",
    key="timeline-partners",
    help="The missions NATO took over from, handed over to, ran beside or supported",
)
components.set_url_parameter("partners", ["1"] if partners else [], [])
if not partners:
    missions = missions[missions["organisation"] == "NATO"]
if missions.empty:
    components.empty_notice()
else:
    figure = charts.mission_timeline(
        missions,
        charts.category_colours(list(type_labels)),
        type_labels,
        region_labels=components.vocabulary_labels(data, "region"),
        events=data.events,
        successors={mission_id: record.successors for mission_id, record in data.records.items()},
    )
    event = components.show_chart(figure, key="timeline", selectable=True)
    point = components.selected_point(event)
    if point is not None and point.get("customdata"):
        st.switch_page("views/mission.py", query_params={"id": point["customdata"][0]})
components.data_caption(data, len(missions))
