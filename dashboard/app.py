"""NATO Peace Operations Explorer: page frame, shared sidebar and router. No data work here."""

from pathlib import Path

import streamlit as st

from dashboard import components

st.set_page_config(
    page_title="NATO Peace Operations Explorer",
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
)

navigation = st.navigation(
    {
        "Explore": [
            st.Page("views/overview.py", title="Overview", icon=":material/home:", url_path="overview", default=True),
            st.Page("views/timeline.py", title="Timeline", icon=":material/view_timeline:", url_path="timeline"),
            st.Page("views/map.py", title="Map", icon=":material/map:", url_path="map"),
            st.Page("views/compare.py", title="Compare", icon=":material/bar_chart:", url_path="compare"),
        ],
        "Look up": [
            st.Page("views/mission.py", title="Mission profile", icon=":material/description:", url_path="mission"),
            st.Page("views/data.py", title="Data and citation", icon=":material/download:", url_path="data"),
        ],
    }
)
data = components.dataset()
notices = components.sidebar_filters(data)
components.show_notices(notices)
components.show_data_problems(data)
navigation.run()
