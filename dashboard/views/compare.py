"""Compare: which kinds of operation ran when, how long and how large were they, how did they end, on what basis,
at what human cost? One question at a time (`question` in the URL), or chosen operations side by side."""

from collections.abc import Mapping
from functools import partial
from typing import Any

import streamlit as st

from dashboard.dataset import filters
from dashboard.dataset.comparisons import (
    DEATHS_AGAINST,
    DECADE_MODES,
    QUESTION_CHARTS,
    QUESTIONS,
    SIZE_MEASURES,
    measured_in,
    readable,
)
from dashboard.dataset.filters import (
    COMPARE_DEFAULT_IDS,
    COMPARE_MAX,
    DEFAULT_CAMPAIGN,
    CompareReading,
    read_compare_url,
)
from dashboard.dataset.judgements import VERDICT_DEFINITIONS, VERDICT_LABELS
from dashboard.dataset.loading import short_name, vocabulary_text
from dashboard.dataset.spreadsheets import csv_bytes
from dashboard.i18n import _
from dashboard.ui import cache, display, links, sidebar


def choice(where: Any, label: str, labels: Mapping[str, str], key: str, **options: Any) -> Any:
    """One of `labels` (value -> message, translated when shown) as a segmented control, kept for the session."""
    return where.segmented_control(
        label, list(labels), format_func=lambda value: _(labels[value]), key=key, required=True,
        persist_state="session", **options,
    )  # fmt: skip


data = cache.dataset()

if "compare-ids" not in st.session_state:  # a link opened in a new session sets the controls once
    reading = read_compare_url({k: st.query_params.get_all(k) for k in st.query_params}, list(data.records),
                               [campaign.id for campaign in data.campaigns])  # fmt: skip
    default_ids = [i for i in COMPARE_DEFAULT_IDS if i in data.records]
    st.session_state["compare-question"] = reading.question
    st.session_state["compare-ids"] = default_ids if reading.ids is None else reading.ids
    st.session_state["compare-decades"] = reading.decades
    st.session_state["compare-log"] = reading.log
    st.session_state["compare-align"] = reading.align
    st.session_state["compare-against"] = reading.against
    st.session_state["compare-official"] = reading.official
    st.session_state["compare-measure"] = reading.measure
    st.session_state["compare-campaign"] = reading.campaign
    display.show_notices(reading.notices)

link_slot = links.title_with_link_slot(_("Compare"))
st.markdown(
    _(
        "How the kinds of operation differ: when they ran, how long they lasted, how large they grew, how they "
        "ended, on what legal basis and at what cost in lives. Pick a question: its charts follow the sidebar "
        "filters, and **Show the data** beneath a chart opens the table it draws, to download. **Side by side** "
        "puts two to four operations next to each other."
    )
)
question: str = choice(st, _("Question"), QUESTIONS, "compare-question", label_visibility="collapsed") or "when"


def measured_in_table(shown: list[str]) -> None:
    """What each kind of operation publishes its size in: how many of its operations (shown) have each measure."""
    shown_in = st.expander(_("What each kind of operation is measured in"), key="compare-measured-in",
                           on_change="rerun")  # fmt: skip
    if not shown_in.open:  # sent once opened, as the charts' data tables are
        return
    missions = data.labelled_missions()
    table = measured_in(missions[missions["id"].isin(shown)], data.sizes, data.labels("mission_type"))
    with shown_in:
        st.caption(_("Operations that match the filters, and how many of them publish each measure: air and sea "
                     "operations publish aircraft, ships, sorties and vessels rather than personnel."))  # fmt: skip
        st.dataframe(readable(table), hide_index=True)


def question_charts() -> int:
    """The charts of the chosen question, for the operations the sidebar filters keep; returns how many match."""
    shown = sidebar.filtered_ids(data)
    if not shown:
        display.empty_notice()
        return 0
    decades = st.session_state.get("compare-decades") or "start"
    log = bool(st.session_state.get("compare-log"))
    against = st.session_state.get("compare-against") or "strength"
    official = question in ("how-large", "human-cost") and display.official_toggle("compare-official")
    measure = "personnel"
    if question == "how-large":
        measure = choice(st, _("Measure size in"), SIZE_MEASURES, "compare-measure") or "personnel"
        measured_in_table(shown)
    campaign = st.session_state.get("compare-campaign") or DEFAULT_CAMPAIGN
    charts = QUESTION_CHARTS[question]
    for panel in cache.compare_panels(data, decades, log, against, charts, official, measure, campaign):
        st.subheader(panel.heading)
        if panel.key == "campaign-deaths" and data.campaigns:
            names = {c.id: c.name for c in data.campaigns}
            st.caption(_("NATO published no death toll per operation: what is published covers whole campaigns, "
                         "which span several operations. Choose one."))  # fmt: skip
            st.selectbox(_("Campaign"), list(names), format_func=names.__getitem__, key="compare-campaign",
                         persist_state="session")
        if panel.key == "decades":
            choice(st, _("Count each operation in"), DECADE_MODES, "compare-decades")
        if panel.key == "peaks":
            st.toggle(
                _("Logarithmic scale for strength"),
                key="compare-log",
                help=_("Spreads out the smaller operations; applies to the scatter below too"),
                persist_state="session",
            )
        if panel.key == "deaths":
            choice(st, _("Deaths against"), DEATHS_AGAINST, "compare-against")
        display.show_panel(panel, "compare")
        if panel.key == "peaks":
            drawn = set(panel.ids)
            without = [short_name(data.records[i]) for i in shown if i not in drawn]
            if without:
                missing = _("No published figure in this measure: {operations}.")
                st.caption(missing.format(operations=", ".join(without)))
    # its text is sent only once it is opened (opening reruns the page), as the charts' data tables are
    meanings = st.expander(_("What the categories mean"), key="compare-meanings", on_change="rerun")
    if meanings.open:
        with meanings:
            for vocabulary, heading in (
                ("mission_type", _("Mission types")),
                ("outcome", _("Outcomes")),
                ("aftermath", _("What followed")),
                ("legal_basis_kinds", _("Legal basis")),
            ):
                lines = [f"**{heading}**", ""]
                for entry in data.vocabularies.get(vocabulary, {}).values():
                    source = entry["source"]
                    term, definition = vocabulary_text(entry)
                    lines.append(
                        f"- **{term}**: {definition} ([{source['publisher']}: {source['title']}]({source['url']}))"
                    )
                st.markdown("\n".join(lines))
            verdicts = [f"**{_('Verdicts')}**", ""]
            verdicts += [f"- **{_(VERDICT_LABELS[v])}**: {_(VERDICT_DEFINITIONS[v])}" for v in VERDICT_LABELS]
            st.markdown("\n".join(verdicts))
    return len(shown)


def side_by_side() -> None:
    """Two to four operations chosen from the whole dataset: their facts in a table, their strength over time."""
    st.subheader(_("Side by side"))
    st.markdown(
        _(
            "Choose two to {count} operations, from the whole dataset (the sidebar filters do not apply here). "
            "A figure that was never published reads *not published*."
        ).format(count=COMPARE_MAX)
    )
    pick, align_column = st.columns([5, 3], vertical_alignment="bottom")
    chosen: list[str] = pick.multiselect(
        _("Operations side by side"),
        list(data.records),
        key="compare-ids",
        format_func=data.title_of,
        max_selections=COMPARE_MAX,
        persist_state="session",
    )
    align = choice(align_column, _("Align strength by"), filters.ALIGNMENTS, "compare-align") or "months"
    official = display.official_toggle("compare-official")
    if len(chosen) < 2:
        st.info(_("Choose at least two operations to put them side by side."))
    if chosen:
        facts = cache.side_by_side(data, tuple(chosen))
        st.table(facts)
        st.download_button(
            _("Download this table (CSV)"),
            partial(csv_bytes, facts, index=True),
            file_name="side-by-side.csv",
            mime="text/csv",
            key="side-by-side-csv",
            on_click="ignore",
        )
        points = data.personnel[data.personnel["mission_id"].isin(chosen)]
        without = [short_name(data.records[i]) for i in chosen if i not in set(points["mission_id"])]
        if len(without) < len(chosen):
            display.show_panel(
                cache.shared_panel(data, "strength_panel", tuple(chosen), align, "side-by-side-strength", official),
                "compare",
            )
        if without:
            st.caption(_("No published strength figures: {operations}.").format(operations=", ".join(without)))


if question == "side-by-side":
    side_by_side()
    shown = len(st.session_state.get("compare-ids") or [])
else:
    shown = question_charts()

# The link names the question and only the controls it shows, so it reopens exactly this view.
state = st.session_state
default = CompareReading()
shows = {
    "when": ("decades",),
    "how-large": ("log", "official", "measure"),
    "human-cost": ("log", "against", "official", "campaign"),
    "side-by-side": ("ids", "align", "official"),
}.get(question, ())
sidebar.set_url_parameter("question", [question], [default.question])
for name, value, fallback in (
    ("ids", ",".join(state.get("compare-ids") or []), ",".join(COMPARE_DEFAULT_IDS)),
    ("align", state.get("compare-align") or default.align, default.align),
    ("decades", state.get("compare-decades") or default.decades, default.decades),
    ("against", state.get("compare-against") or default.against, default.against),
):
    sidebar.set_url_parameter(name, [value if name in shows else fallback], [fallback])
sidebar.set_url_parameter("log", ["1"] if "log" in shows and state.get("compare-log") else [], [])
sidebar.set_url_parameter("official", ["1"] if "official" in shows and state.get("compare-official") else [], [])
campaign_now = state.get("compare-campaign") or default.campaign
sidebar.set_url_parameter("campaign", [campaign_now] if "campaign" in shows else [], [default.campaign])
measure_now = state.get("compare-measure") or default.measure
sidebar.set_url_parameter("measure", [measure_now] if "measure" in shows else [], [default.measure])
display.data_caption(data, shown)
with link_slot.container():
    links.copy_link()
