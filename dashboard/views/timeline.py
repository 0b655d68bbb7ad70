"""Timeline: when did each operation run, and what kind of mission was it?"""

import streamlit as st

from dashboard import charts, components

data = components.dataset()
missions = components.filtered_missions(data)
type_labels = components.vocabulary_labels(data, "mission_type")

st.title("Timeline")
st.markdown(
    "One bar per operation, from the day forces began it to its end; ongoing operations run to today. "
    "Click a bar to open that operation's profile."
)
if missions.empty:
    components.empty_notice()
else:
    figure = charts.mission_timeline(missions, charts.category_colours(list(type_labels)), type_labels)
    event = components.show_chart(figure, key="timeline", selectable=True)
    point = components.selected_point(event)
    if point is not None and point.get("customdata"):
        st.switch_page("views/mission.py", query_params={"id": point["customdata"][0]})
components.data_caption(data, len(missions))
