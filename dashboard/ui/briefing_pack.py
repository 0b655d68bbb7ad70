"""The session's briefing pack: the views collected with "Add to briefing", in slide order, carried in every
page's address (`pack`, one per chart) so that it outlives the server process that holds the session."""

from __future__ import annotations

from typing import cast

import streamlit as st

from dashboard.charts import briefing
from dashboard.i18n import _
from dashboard.ui.links import current_params

PACK = "brief-pack"
PARAM = "pack"


def pack() -> list[str]:
    """The briefing pack of this session: encoded views, in slide order."""
    return cast(list[str], st.session_state.setdefault(PACK, []))


def carry_in_url() -> None:
    """Run by the router on every page. A session that starts with `pack` in its address and no pack of its own
    takes it: a briefer's browser that reconnects to a restarted server process (the class server restarts
    one that dies) keeps the charts it had collected. Then the session's pack is written back to the address,
    which page links would otherwise drop."""
    if PACK not in st.session_state and PARAM in st.query_params:
        views = [briefing.decode(entry) for entry in st.query_params.get_all(PARAM)]
        st.session_state[PACK] = [view.encode() for view in views if view is not None][: briefing.PACK_MAX]
        return  # the address is left as it came this once: the Briefing page names any entry it cannot read
    entries = pack()
    if not entries:
        st.query_params.pop(PARAM, None)
    elif st.query_params.get_all(PARAM) != entries:
        st.query_params[PARAM] = entries


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
