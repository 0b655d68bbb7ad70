"""Briefing: which charts go in the pack, in what order, and the slide deck and PDF that come out of it."""

import streamlit as st

from dashboard import i18n
from dashboard.charts import briefing
from dashboard.dataset.filters import whole_number
from dashboard.i18n import _
from dashboard.ui import briefing_pack, cache, display, downloads, links, presentation, sidebar

DEFAULT_TITLE = _("NATO operations since 1990: briefing")

data = cache.dataset()
if not st.session_state.get("brief-url-read"):  # a link opened in a new session rebuilds its pack once
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    reading = briefing.read_pack_url(params)
    if "pack" in params:
        st.session_state[briefing_pack.PACK] = [view.encode() for view in reading.views]
    st.session_state["brief-title"] = reading.title or DEFAULT_TITLE
    st.session_state["brief-url-read"] = True
    display.show_notices(reading.notices)

if st.session_state.get("brief-title") in i18n.in_every_language("NATO operations since 1990: briefing"):
    st.session_state["brief-title"] = DEFAULT_TITLE  # the default title follows the language
entries = briefing_pack.pack()
views = [view for view in map(briefing.decode, entries) if view is not None]
title = str(st.session_state.get("brief-title") or DEFAULT_TITLE)
sidebar.set_url_parameter("pack", [view.encode() for view in views], [])
sidebar.set_url_parameter("title", [title], [DEFAULT_TITLE])


def move(index: int, step: int) -> None:
    entries.insert(index + step, entries.pop(index))


def remove(index: int) -> None:
    entries.pop(index)


if presentation.presenting():
    if not views:
        st.info(_("The pack is empty: leave presentation mode and add charts first."))
        st.stop()
    asked = st.query_params.get("slide", "1")
    number = whole_number(asked, 1, len(views)) or 1
    panel = cache.view_panel(data, views[number - 1])
    st.header(panel.heading)
    display.show_panel(panel, views[number - 1].page, fit=True)
    previous, position, following = st.columns([1, 1, 1], vertical_alignment="center")
    if previous.button(
        _("Previous"), icon=":material/arrow_back:", disabled=number == 1, shortcut="Left", key="present-previous"
    ):
        st.query_params["slide"] = str(number - 1)
        st.rerun()
    position.markdown(f"<p style='text-align:center'>{number} / {len(views)}</p>", unsafe_allow_html=True)
    if following.button(
        _("Next"), icon=":material/arrow_forward:", disabled=number == len(views), shortcut="Right", key="present-next"
    ):
        st.query_params["slide"] = str(number + 1)
        st.rerun()
    display.scroll_to_top(str(number))
    st.stop()

link_slot = links.title_with_link_slot(_("Briefing"))
st.markdown(
    _(
        "Collect charts with **Add to briefing** under any chart: each one is kept exactly as you saw it, with its "
        "filters. Put them in order, give the pack a title, and download it as a PowerPoint deck (16:9, one chart a "
        "slide, sources in the footnotes and the speaker notes) or as a PDF. **Present** steps through the pack full "
        "screen (arrow keys: previous and next)."
    )
)
st.text_input(_("Title of the pack"), key="brief-title", max_chars=120, persist_state="session")

if not views:
    st.markdown(_("**The pack is empty.** Open a page and press **Add to briefing** under a chart."))
    columns = st.columns(4)
    for column, (script, label) in zip(
        columns,
        (("views/compare.py", _("Compare")), ("views/timeline.py", _("Timeline")), ("views/map.py", _("Map")),
         ("views/mission.py", _("Mission profile"))),
        strict=True,
    ):  # fmt: skip
        column.page_link(links.page(script), label=label, icon=":material/arrow_forward:",
                         query_params=links.language_param())  # fmt: skip
    example = _("Eight charts: strength, decades, deaths, the Balkans timeline, KFOR and ISAF, 1999, ISAF, sea")
    if st.button(_("Start from an example pack"), icon=":material/auto_awesome:", key="brief-example", help=example):
        entries.extend(view.encode() for view in map(briefing.decode, briefing.EXAMPLE_PACK) if view is not None)
        st.rerun()
else:
    for index, view in enumerate(views):
        panel = cache.view_panel(data, view)
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            if panel.figure is not None:  # a preview of the slide's chart, drawn by the browser
                with st.container(width=250):
                    display.show_thumbnail(panel.figure, key=f"thumbnail-{index}")
            text = st.container()
            text.markdown(f"**{index + 1}. {panel.heading}**")
            text.caption(f"{briefing.describe(data, view)} · {panel.source}")
            if panel.figure is None:
                text.caption(
                    _("Nothing to draw: {reason} This chart is left out of the deck.").format(reason=panel.empty)
                )
            st.button(_("Up"), key=f"up-{index}", icon=":material/arrow_upward:", disabled=index == 0,
                      on_click=move, args=(index, -1), help=_("Move this chart one slide earlier"))  # fmt: skip
            last = index == len(views) - 1
            st.button(_("Down"), key=f"down-{index}", icon=":material/arrow_downward:", disabled=last,
                      on_click=move, args=(index, 1), help=_("Move this chart one slide later"))  # fmt: skip
            st.button(_("Remove"), key=f"remove-{index}", icon=":material/delete:", on_click=remove, args=(index,))

    link = links.page_address(carried=True)
    row = st.container(horizontal=True, gap="small")
    missing = downloads.browser_missing()
    for fmt, label, icon in (("pptx", _("PowerPoint deck (.pptx)"), ":material/co_present:"),
                             ("pdf", "PDF", ":material/picture_as_pdf:")):  # fmt: skip
        row.download_button(
            label,
            downloads.deck_builder(data, title, tuple(v.encode() for v in views), link, fmt),
            file_name=f"{downloads.file_stem(title)}.{fmt}",
            mime=downloads.DECK_TYPES[fmt],
            key=f"deck-{fmt}",
            icon=icon,
            type="primary" if fmt == "pptx" else "secondary",
            on_click="ignore",
            disabled=bool(missing),
            help=missing or _("Builds the {count} charts into slides (a few seconds)").format(count=len(views)),
        )
    if row.button(_("Present"), icon=":material/slideshow:", key="brief-present"):
        st.query_params["present"] = "1"
        st.query_params["slide"] = "1"
        st.rerun()
    if row.button(_("Empty the pack"), icon=":material/delete_sweep:", key="brief-clear"):
        entries.clear()
        st.rerun()

with link_slot.container():
    links.copy_link(carried=True)
