"""Showing things: every chart (offline map configuration, downloads, "Add to briefing", its data table),
the notices for data problems and links not understood, and the caption under a view.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import Any, cast

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
import streamlit.components.v1 as components

from dashboard import i18n
from dashboard.charts import frame, panels
from dashboard.charts.phone import for_phone
from dashboard.dataset.files import Problem
from dashboard.dataset.loading import Dataset
from dashboard.dataset.profile import plain
from dashboard.dataset.spreadsheets import csv_bytes
from dashboard.i18n import _
from dashboard.outputs import images, package
from dashboard.ui import cache
from dashboard.ui.briefing_pack import add_to_pack
from dashboard.ui.downloads import browser_missing, chart_image, chart_images, for_reader
from dashboard.ui.presentation import presenting

# plotly.js fetches map boundaries from a CDN unless told otherwise; these are served by Streamlit
# from dashboard/static/topojson/ (relative, so it also works under a base URL path).
PLOTLY_CONFIG: dict[str, Any] = {
    "topojsonURL": "app/static/topojson/",
    "displaylogo": False,
    # the camera button: the same 16:9 canvas as the server-side export, at 1.5x, so 1920x1080 pixels
    "toImageButtonOptions": {
        "format": "png",
        "width": 1280,
        "height": 720,
        "scale": 1.5,
        "filename": "nato-operations",
    },
}


def show_data_problems(data: Dataset) -> None:
    """Name every invalid record in a visible warning; the app runs on the valid ones."""
    show_problems(data.problems, _("data file(s) have problems and are left out"))


def show_problems(problems: list[Problem], what: str) -> None:
    """Problems found in data files, one line each, behind a visible warning."""
    if not problems:
        return
    files = sorted({p.file for p in problems})
    details = _("details")
    with st.expander(f":material/warning: {len(files)} {what} — {details}", expanded=False):
        st.warning("\n".join(f"- `{p}`" for p in problems))


def official_toggle(key: str, where: Any = st) -> bool:
    """The "Official sources only" switch of a chart of figures (its state under `key`, kept for the session)."""
    return bool(
        where.toggle(
            _("Official sources only"),
            key=key,
            persist_state="session",
            help=_(
                "Draw only the figures published by NATO, the UN, the EU, the AU, the OSCE, a government, a "
                "parliament, an audit body or a court; the chart says how many it leaves out"
            ),
        )
    )


def show_notices(notices: list[str]) -> None:
    for notice in notices:
        st.info(notice, icon=":material/link_off:")


class _Drawn(go.Figure):  # type: ignore[misc]
    """A figure as st.plotly_chart reads it (its to_dict), worked out once and kept with the figure.

    st.plotly_chart deep-copies a figure into a dict on every rerun that draws it: 2-3 ms for the timeline's
    two charts, on every rerun, although the charts come from caches and never change. This stands in for the
    figure there and only there: it is never built as a figure (no plotly __init__), and Streamlit asks it
    for nothing but to_dict.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self._spec = spec

    def to_dict(self) -> dict[str, Any]:
        return self._spec


def _drawn(fig: go.Figure) -> go.Figure:
    """The figure's _Drawn stand-in, made the first time it is drawn (charts are never changed once built).

    It reads the figure's own trace and layout dicts instead of a deep copy of them (fig.to_dict()): Streamlit
    only writes them out as JSON. The copy took a tenth of a new filter's run on a page with two charts. The
    JSON is the same: to_dict would also turn numeric NumPy arrays into base64, and no chart holds one
    (tests/unit/test_export.py writes every panel's figure both ways).
    """
    return cast(go.Figure, _kept(fig, "_drawn_as", lambda: _Drawn({"data": fig._data, "layout": fig._layout})))


def _kept(fig: go.Figure, name: str, make: Callable[[], Any]) -> Any:
    """make(), worked out the first time it is asked for this figure and kept with it under `name` (charts are
    never changed once built, and cached panels keep their figures from one rerun to the next)."""
    made = fig.__dict__.get(name)
    if made is None:
        made = make()
        setattr(fig, name, made)
    return made


def on_phone() -> bool:
    """Whether the reader's browser says it is a phone ("Mobi" in its user agent, as MDN recommends testing)."""
    agent = st.context.headers.get("User-Agent", "") or ""
    return "Mobi" in agent or "Android" in agent


def _for_phone(fig: go.Figure) -> tuple[go.Figure, str, str, str]:
    """The figure's phone layout and texts (phone.for_phone), made the first time a phone draws it, kept with it."""
    return cast(tuple[go.Figure, str, str, str], _kept(fig, "_for_phone", lambda: for_phone(fig)))


def legend_key(fig: go.Figure) -> None:
    """The chart's legend as a wrapped line of coloured marks (squares, diamonds, dotted lines) and names,
    beneath a phone's chart."""
    entries = frame.legend_key(fig)
    if entries:
        items = "".join(
            f'<span style="white-space:nowrap;margin-right:0.9em"><span aria-hidden="true" style="color:{colour}">'
            f"{glyph}</span> {html.escape(name.replace('<br>', ' '))}</span> "
            for name, colour, glyph in entries
        )
        st.html(f'<div style="font-size:0.85rem;line-height:1.6">{items}</div>')


def show_thumbnail(fig: go.Figure, key: str) -> None:
    """A chart in miniature (frame.miniature), drawn by the browser, still: a preview in a list of charts."""
    small = _kept(fig, "_miniature", lambda: frame.miniature(fig))
    st.plotly_chart(_drawn(small), key=key, config=PLOTLY_CONFIG | {"staticPlot": True, "displayModeBar": False},
                    theme=None, width="content")  # fmt: skip


def show_chart(fig: go.Figure, key: str, selectable: bool = False) -> Any:
    """Every plotly chart goes through here, so each one gets the offline map configuration, and a phone
    gets the chart's phone layout, without the toolbar (it covered the title), with its key beneath."""
    phone = on_phone()
    if phone:
        fig_shown, title, subtitle, footer = _for_phone(fig)
        if title:
            st.markdown(f"**{plain(title)}**")
        if subtitle:
            st.caption(plain(subtitle))
    event = st.plotly_chart(
        _drawn(fig_shown if phone else fig),
        key=key,
        config=PLOTLY_CONFIG | {"displayModeBar": False} if phone else PLOTLY_CONFIG,
        theme=None,
        on_select="rerun" if selectable else "ignore",
        selection_mode=("points",),
    )
    if phone:
        legend_key(fig)
        if footer:
            st.caption(plain(footer))
    return event


def selected_point(event: Any) -> dict[str, Any] | None:
    """The first clicked point of a chart's selection event, if any."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    return points[0] if points else None


def names_key(pairs: list[tuple[str, str]]) -> None:
    """The names a chart abbreviates, in full, folded under the chart (the hover gives each one too)."""
    if not pairs:
        return
    with st.expander(_("Names in full ({count})").format(count=len(pairs))):
        st.markdown("\n".join(f"- **{plain(label)}**: {plain(name)}" for label, name in pairs))


def data_caption(data: Dataset, shown: int) -> None:
    """Say how many records a view rests on and when the data was last checked."""
    if data.last_checked:
        text = _(
            "Based on {shown} of {total} operations in the dataset · sources last checked {date} · "
            "every figure links to its source on the operation's profile."
        ).format(shown=shown, total=len(data.missions), date=i18n.shown_date(data.last_checked))
    else:
        text = _(
            "Based on {shown} of {total} operations in the dataset · "
            "every figure links to its source on the operation's profile."
        ).format(shown=shown, total=len(data.missions))
    st.caption(text)


def empty_notice() -> None:
    st.info(_("No operation matches these filters. Widen the year range or clear a filter in the sidebar."))


PRESENT_HEIGHT = 730  # px: a chart in presentation mode, with its title and source line, beside or under a heading
FIT_FROM = 900  # px: a chart drawn taller than this (a long timeline) keeps its height: squeezed, its rows overlap


def scroll_to_top(where: str) -> None:
    """Bring the page back to its top when `where` (a step's or slide's number) changes: after Next or Previous,
    a projected step or slide starts at its title.

    Streamlit keeps the scroll position across reruns; a zero-height component runs the one line that resets it
    (`where` is in it, so that the component is drawn again, and its script run, for each new step).
    """
    components.html(f"<script>/* {html.escape(where)} */ window.parent.document.querySelector("
                    "'[data-testid=\"stMain\"]')?.scrollTo({top: 0})</script>", height=0)  # fmt: skip


def show_panel(
    panel: panels.Panel, page: str, selectable: bool = False, fit: bool = False, fit_height: int = PRESENT_HEIGHT
) -> Any:
    """A panel's chart with its image downloads, "add to briefing" and data table, or the reason there is no chart.

    Returns the chart's selection event when `selectable`. Presented with `fit`, the chart is no taller than
    `fit_height`.
    """
    if panel.figure is None:
        st.markdown(f"*{panel.empty}*")
        return None
    figure = panel.figure
    if presenting():  # large type; on a lesson step or a pack slide (`fit`), no taller than the screen leaves it
        figure = images.enlarge(panel.figure)
        if fit and (panel.figure.layout.height or 0) <= FIT_FROM:
            figure.layout.height = min(figure.layout.height or fit_height, fit_height)
    event = show_chart(figure, key=panel.key, selectable=selectable)
    if not presenting():
        chart_actions(panel, page)
        # the dataset is looked up when the zip is asked for, not on every rerun that draws the chart
        data_table(lambda: panel.table, panel.key, panel.file_name, lambda: package.chart_zip(cache.dataset(), panel))
    return event


def chart_actions(panel: panels.Panel, page: str) -> None:
    """PNG and SVG downloads (drawn on the server when clicked) and the button that adds the chart to the pack."""
    assert panel.figure is not None
    missing = browser_missing()
    row = st.container(horizontal=True, gap="small")
    parts = len(frame.row_chunks(panel.figure))  # a long timeline: one 1920x1080 image per part, in a zip
    for fmt, label in (("png", "PNG 1920x1080"), ("svg", "SVG")):
        image_help = _("The chart as a {format} image, with its title, filters and source line").format(format=label)
        build, file_name = partial(chart_image, panel.figure, fmt), f"{panel.file_name}.{fmt}"
        mime = images.FORMATS[fmt]
        if fmt == "png" and parts > 1:
            label = _("PNG 1920x1080, {count} parts (zip)").format(count=parts)
            image_help = _("Too many rows for one slide: {count} images of up to {rows} rows each, so that every "
                           "label can be read").format(count=parts, rows=frame.SLIDE_ROWS)  # fmt: skip
            build, file_name, mime = partial(chart_images, panel.figure), f"{panel.file_name}.zip", "application/zip"
        row.download_button(
            label,
            for_reader(build),
            file_name=file_name,
            mime=mime,
            key=f"{panel.key}-{fmt}",
            icon=":material/image:",
            on_click="ignore",
            disabled=bool(missing),
            help=missing or image_help,
        )
    row.button(
        _("Add to briefing"),
        key=f"{panel.key}-brief",
        icon=":material/playlist_add:",
        on_click=add_to_pack,
        args=(page, panel.key),
        help=_("Collect this chart, as you see it now, in the briefing pack (the Briefing page builds the slides)"),
    )


def data_table(
    table: pd.DataFrame | Callable[[], pd.DataFrame], key: str, file_name: str,
    bundle: Callable[[], bytes] | None = None,
) -> None:
    """The "show the data" expander: the table a chart draws, and a CSV download of exactly that table.

    The table (or the function that makes it, such as a panel's) is used only while the expander is open
    (opening it reruns the page), so a page with its tables closed neither makes nor serialises them, nor
    makes the browser load the table component before its charts. The CSV is written when the button is
    pressed, not on every rerun of the page.
    """
    shown = st.expander(_("Show the data"), icon=":material/table:", key=f"{key}-data", on_change="rerun")
    if not shown.open:
        return
    if not isinstance(table, pd.DataFrame):
        table = table()
    with shown:
        st.dataframe(table, hide_index=True, key=f"{key}-table")
        st.download_button(
            _("Download this table (CSV)"),
            partial(csv_bytes, table),
            file_name=f"{file_name}.csv",
            mime="text/csv",
            key=f"{key}-csv",
            on_click="ignore",
        )
        if bundle is not None:
            st.download_button(
                _("Download this chart's data (zip: CSV, metadata, README)"),
                bundle,
                file_name=f"{file_name}.zip",
                mime="application/zip",
                key=f"{key}-zip",
                on_click="ignore",
                help=_("The table, with the chart's title, filters, data version, the sources of the operations "
                       "it rests on, the licence and how to cite it"),
            )
