"""Compare: what kinds of operation were they, how did they end, and how long did each kind last?"""

import streamlit as st

from dashboard import charts, components

data = components.dataset()
missions = components.filtered_missions(data)
type_labels = components.vocabulary_labels(data, "mission_type")
outcome_labels = components.vocabulary_labels(data, "outcome")
type_colours = charts.category_colours(list(type_labels))

st.title("Compare")
if missions.empty:
    components.empty_notice()
else:
    components.show_chart(
        charts.missions_by_category(missions, "mission_type", type_labels, type_colours, "Operations by mission type"),
        key="by-type",
    )
    components.show_chart(
        charts.missions_by_category(missions, "outcome", outcome_labels, None, "Operations by outcome"),
        key="by-outcome",
    )
    components.show_chart(charts.duration_by_type(missions, type_colours, type_labels), key="duration")
    with st.expander("What the categories mean"):
        for vocabulary, title in (("mission_type", "Mission types"), ("outcome", "Outcomes")):
            st.markdown(f"**{title}**")
            for entry in data.vocabularies.get(vocabulary, {}).values():
                source = entry["source"]
                st.markdown(
                    f"- **{entry['label']}**: {entry['definition']} "
                    f"([{source['publisher']}: {source['title']}]({source['url']}))"
                )
components.data_caption(data, len(missions))
