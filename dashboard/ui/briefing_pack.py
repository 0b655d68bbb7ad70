"""The session's briefing pack: the views collected with "Add to briefing", in slide order."""

from __future__ import annotations

from typing import cast

import streamlit as st

from dashboard.charts import briefing
from dashboard.i18n import _
from dashboard.ui.links import current_params

PACK = "brief-pack"


def pack() -> list[str]:
    """The briefing pack of this session: encoded views, in slide order."""
    return cast(list[str], st.session_state.setdefault(PACK, []))


def add_to_pack(page: str, chart: str) -> None:
    """Runs before the page reruns, when the URL still holds exactly the view the briefer was looking at."""
    view = briefing.view_of(page, chart, current_params()).encode()
    entries = pack()
    if view in entries:
        st.toast(_("This view is already in the briefing pack."), icon=":material/info:")
    elif len(entries) >= briefing.PACK_MAX:
        st.toast(
            _("The pack is full ({count} charts): remove one on the Briefing page.").format(count=briefing.PACK_MAX)
        )
    else:
        entries.append(view)
        if len(entries) == 1:
            added = _("Added to the briefing pack (1 chart).")
        else:
            added = _("Added to the briefing pack ({count} charts).").format(count=len(entries))
        st.toast(added, icon=":material/playlist_add_check:")
