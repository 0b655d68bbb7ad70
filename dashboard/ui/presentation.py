"""Presentation mode (`present=1`: no sidebar or toolbar, large type) and the CSS every page needs."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import _


def presenting() -> bool:
    """Presentation mode: `present=1` in the URL."""
    return st.query_params.get("present") == "1"


PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
.stMainBlockContainer, .block-container { padding-top: 1rem !important; max-width: 100% !important; }
html, .stMarkdown p, .stMarkdown li, .stCaption, button p { font-size: 1.45rem !important; }
[data-testid="stWidgetLabel"] p, [data-testid="stRadioOption"] p { font-size: 1.3rem !important; }
[data-testid="stSlider"] [data-testid="stWidgetLabel"] { margin-bottom: 0.5rem; }
[data-testid="stSliderThumbValue"] p { font-size: 1.45rem !important; }
[data-testid="stSliderThumbValue"] { transform: translateY(-0.6rem); }  /* the larger value clear of the thumb */
h1 { font-size: 3rem !important; } h2, h3 { font-size: 2.2rem !important; }
.stApp { background: #ffffff; color: #000000; }
</style>
"""


ACCESSIBLE_CSS = """
<style>
/* captions and help text: Streamlit draws them at 60% opacity, below WCAG AA contrast (axe-core) */
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #4b5563 !important; }
</style>
"""


def page_frame() -> None:
    """What every page needs whatever it shows: readable captions."""
    st.html(ACCESSIBLE_CSS)


def presentation_frame() -> None:
    """Hide the sidebar and the toolbar and enlarge the type when presenting; always offer the way in or out."""
    if presenting():
        st.html(PRESENTATION_CSS)
        if st.button(_("Exit presentation"), icon=":material/close_fullscreen:", key="present-exit", shortcut="Esc"):
            st.query_params.pop("present", None)
            st.query_params.pop("slide", None)
            st.rerun()
    else:
        with st.sidebar:
            if st.button(_("Presentation mode"), icon=":material/slideshow:", key="present-enter", width="stretch",
                         help=_("Large type, no sidebar or toolbar: for a projector. Esc leaves it.")):  # fmt: skip
                st.query_params["present"] = "1"
                st.rerun()
