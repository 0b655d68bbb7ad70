"""Map: in which countries did the operations deploy, and how many went to each?"""

import streamlit as st

from dashboard import charts, components
from dashboard.missions import country_counts

data = components.dataset()
missions = components.filtered_missions(data)

st.title("Map of deployments")
st.markdown(
    "Countries are shaded by how many of the selected operations deployed in or over them. "
    "Operations in the former Yugoslavia are shown on today's countries. Click a country to list its "
    "operations."
)
view = st.segmented_control("View", ["World", "Europe and the Balkans"], default="World", key="map-view")
counts = country_counts(data.deployments, missions)
if counts.empty:
    components.empty_notice()
else:
    names = {code: components.country_name(code) for code in counts["country"]}
    figure = charts.deployment_map(counts, names, view="europe" if view == "Europe and the Balkans" else "world")
    point = components.selected_point(components.show_chart(figure, key="map", selectable=True))
    if point is not None and point.get("location"):
        code = point["location"]
        st.subheader(f"Operations in {components.country_name(code)}")
        for mission_id in counts.loc[counts["country"] == code, "missions"].iloc[0].split(", "):
            mission = data.records[mission_id]
            components.mission_link(
                mission_id, f"{data.title_of(mission_id)} ({mission.start} to {mission.end or 'ongoing'})"
            )
    seas = sorted({area for areas in missions["sea_areas"] for area in areas.split("; ") if area})
    if seas:
        sea_labels = components.vocabulary_labels(data, "sea_areas")
        st.caption("Maritime operations also worked in: " + ", ".join(sea_labels.get(s, s) for s in seas) + ".")
components.data_caption(data, len(missions))
