"""Overview: how many operations has NATO run since 1990, where, and which are still under way?"""

import streamlit as st

from dashboard.i18n import _
from dashboard.navigation import DEFAULT_PAGE, PAGES
from dashboard.ui import cache, display, links, sidebar

data = cache.dataset()
missions = sidebar.filtered_missions(data)

st.title(_("NATO Peace Operations Explorer"))
st.markdown(
    _(
        "Every operation and mission NATO has run since 1990, with the UN, EU and AU missions around them, "
        "as data you can filter, chart and trace back to its public source."
    )
)

countries = {code for codes in missions["countries"] for code in codes.split("; ") if code}
seas = {area for areas in missions["sea_areas"] for area in areas.split("; ") if area}
operations, ongoing, places, waters = st.columns(4)
operations.metric(_("Operations"), len(missions), help=_("Records matching the sidebar filters."))
ongoing.metric(_("Ongoing today"), int((missions["status"] == "ongoing").sum()))
places.metric(_("Countries"), len(countries), help=_("Countries the operations deployed in or over (Kosovo counted)."))
waters.metric(_("Sea areas"), len(seas))

if missions.empty:
    display.empty_notice()
else:
    display.show_panel(cache.shared_panel(data, "overview_panel", sidebar.active_filters(data)), "overview")
display.data_caption(data, len(missions))

st.subheader(_("Explore"))
columns = st.columns(3)
for index, page in enumerate(p for p in PAGES if p.script != DEFAULT_PAGE):
    with columns[index % 3]:
        st.page_link(
            links.page(page.script), label=_(page.title), icon=page.icon, query_params=links.language_param()
        )
        st.caption(_(page.description))
