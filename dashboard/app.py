"""NATO Peace Operations Explorer: page frame, shared sidebar and router. No data work here."""

from pathlib import Path

import streamlit as st

from dashboard.i18n import _
from dashboard.navigation import PAGES
from dashboard.ui import briefing_pack, cache, display, links, presentation, sidebar

st.set_page_config(
    page_title="NATO Peace Operations Explorer",
    page_icon=str(Path(__file__).parent / "static" / "favicon.png"),
    layout="wide",
)

language_notices = sidebar.choose_language()
briefing_pack.carry_in_url()  # before the links, which carry the pack to the next page
made = links.app_pages()
sections: dict[str, list[tuple[st.Page, str, str]]] = {}
for page in PAGES:
    sections.setdefault(page.section, []).append((made[page.script], page.title, page.icon))
navigation = st.navigation([p for pages in sections.values() for p, _t, _i in pages], position="hidden")
links.navigation_links(
    {_(section): [(p, _(title), icon) for p, title, icon in pages] for section, pages in sections.items()}
)
data = cache.dataset()
notices = language_notices + sidebar.sidebar_filters(data)
display.show_notices(notices)
display.show_data_problems(data)
presentation.page_frame()
presentation.presentation_frame()
if not presentation.presenting():
    sidebar.data_version(data)
navigation.run()
