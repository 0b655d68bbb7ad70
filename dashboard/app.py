"""NATO Peace Operations Explorer: page frame, shared sidebar and router. No data work here."""

from pathlib import Path

import streamlit as st

from dashboard import components
from dashboard.i18n import _
from dashboard.navigation import PAGES

st.set_page_config(
    page_title="NATO Peace Operations Explorer",
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
)

language_notices = components.choose_language()
made = components.app_pages()
sections: dict[str, list[tuple[st.Page, str, str]]] = {}
for page in PAGES:
    sections.setdefault(page.section, []).append((made[page.script], page.title, page.icon))
navigation = st.navigation([p for pages in sections.values() for p, _t, _i in pages], position="hidden")
components.navigation_links(
    {_(section): [(p, _(title), icon) for p, title, icon in pages] for section, pages in sections.items()}
)
data = components.dataset()
notices = language_notices + components.sidebar_filters(data)
components.show_notices(notices)
components.show_data_problems(data)
components.page_frame()
components.presentation_frame()
navigation.run()
