"""NATO Peace Operations Explorer: page frame, shared sidebar and router. No data work here."""

from pathlib import Path

import streamlit as st

from dashboard import components
from dashboard.navigation import DEFAULT_PAGE, PAGES

st.set_page_config(
    page_title="NATO Peace Operations Explorer",
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
)

sections: dict[str, list[st.Page]] = {}
for page in PAGES:
    sections.setdefault(page.section, []).append(
        st.Page(
            page.script, title=page.title, icon=page.icon, url_path=page.url_path, default=page.script == DEFAULT_PAGE
        )
    )
navigation = st.navigation(sections)
data = components.dataset()
notices = components.sidebar_filters(data)
components.show_notices(notices)
components.show_data_problems(data)
components.presentation_frame()
navigation.run()
