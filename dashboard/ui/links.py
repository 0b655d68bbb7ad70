"""Pages and links between them: the st.Page table, links that keep the language, "Copy link"."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import streamlit as st

from dashboard import i18n, navigation
from dashboard.i18n import _


def language_param() -> dict[str, str]:
    """The `lang` URL parameter that keeps the language on a link to another page (none for English)."""
    return {"lang": i18n.language()} if i18n.language() != i18n.DEFAULT_LANGUAGE else {}


def app_pages() -> dict[str, Any]:
    """st.Page for each of navigation.PAGES (by script), titled in the current language: made once per session
    and language, not on every rerun (each st.Page resolves its script's path on disk: a millisecond a rerun).
    The router (app.py) runs them; links are given them (page()) rather than the script's path.
    """
    key = f"app-pages-{i18n.language()}"
    made: dict[str, Any] | None = st.session_state.get(key)
    if made is None:
        made = {
            page.script: st.Page(page.script, title=_(page.title), icon=page.icon, url_path=page.url_path,
                                 default=page.script == navigation.DEFAULT_PAGE)
            for page in navigation.PAGES
        }  # fmt: skip
        st.session_state[key] = made
    return made


def page(script: str) -> Any:
    """The page a link goes to: its st.Page when the router made it (st.page_link given a script's path
    resolves it on disk for each link), else the path itself."""
    return app_pages().get(script, script)


def mission_link(mission_id: str, label: str) -> None:
    st.page_link(page("views/mission.py"), label=label, query_params={"id": mission_id, **language_param()})


def current_params() -> list[tuple[str, str]]:
    return [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]


CARRIED = ("pack",)  # in every page's address to outlive a server process (ui/briefing_pack.py), not the page's


def page_address(carried: bool = False) -> str:
    """The full address of this page with its own URL parameters (what "Copy link" shows); `carried` adds the
    briefing pack that every page carries (the Briefing page's link is the pack's)."""
    query = urlencode([(k, v) for k, v in current_params() if carried or k not in CARRIED], safe=",")
    page_url = st.context.url or ""
    return f"{page_url}?{query}" if query else page_url


def navigation_links(sections: dict[str, list[tuple[Any, str, str]]]) -> None:
    """The sidebar's page list, drawn as links that keep the language (Streamlit's own list is invalid HTML:
    its sections put headings inside the <ul>, which screen readers and axe-core reject).
    """
    keep: dict[str, str | list[str]] = {"lang": i18n.language()} if i18n.language() != i18n.DEFAULT_LANGUAGE else {}
    for name in CARRIED:  # the briefing pack goes with the reader (ui/briefing_pack.py)
        if carried := st.query_params.get_all(name):
            keep[name] = carried
    with st.sidebar:
        for section, pages in sections.items():
            st.markdown(f"**{section}**")
            for page, title, icon in pages:
                st.page_link(page, label=title, icon=icon, query_params=keep or None)


def title_with_link_slot(title: str) -> Any:
    """The page title with an empty slot beside it; fill it with copy_link() once every control wrote the URL."""
    title_column, link_column = st.columns([5, 1], vertical_alignment="bottom")
    title_column.title(title)
    return link_column.empty()


def copy_link(carried: bool = False) -> None:
    """Show the address of the current view, with Streamlit's copy button, to share or bookmark it."""
    link = page_address(carried)
    with st.popover(_("Copy link"), icon=":material/link:"):
        st.markdown(_("This link reopens the page with every filter and choice you made:"))
        st.code(link or _("(the address in your browser's bar)"), language=None, wrap_lines=True)
