"""The /compare panels that ask whether the operations worked: what followed them, how they were judged, and what
whole campaigns cost in lives. Tables in, panels out; no Streamlit."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from functools import partial

import pandas as pd

from dashboard.charts import compare
from dashboard.charts.colours import AFTERMATH_COLOURS
from dashboard.charts.outcomes import assessment_grid, campaign_toll_bars, peace_years_bars
from dashboard.charts.panels import Panel, framed, source_line
from dashboard.dataset import outcomes
from dashboard.dataset.campaigns import CAMPAIGN_GROUP_LABELS
from dashboard.dataset.comparisons import readable
from dashboard.dataset.judgements import ASSESSOR_KIND_LABELS, VERDICT_LABELS
from dashboard.dataset.loading import Dataset
from dashboard.i18n import N_, _

OUTCOME_HEADINGS = {  # shown with _()
    "state_label": N_("What followed"), "period_to": N_("Covered to"), "resumed": N_("Conflict resumed"),
    "years_after": N_("Years after the end"), "sources": N_("Sources"), "publisher": N_("Publisher of the source"),
    "assessor": N_("Assessor"), "assessor_kind": N_("Kind of assessor"), "verdict": N_("Verdict"),
    "summary": N_("What the assessor found"), "source": N_("Source"), "campaign": N_("Campaign"),
    "group": N_("Whose deaths"), "cause": N_("Which deaths"), "low": N_("Low"), "high": N_("High"),
    "as_of": N_("Counted to"), "scope": N_("What the count covers"),
}  # fmt: skip
NOT_ENDED = N_(
    "Based on {count} of the {total} operations that match the filters: the {left} others are still running or "
    "have no recorded aftermath. Armed conflict: at least 25 battle-related deaths in a year (Uppsala Conflict Data "
    "Program)."
)
NO_SPAN = N_(
    "Based on {count} of the {total} operations that match the filters: the {left} others are still running, were "
    "followed by a conflict that never stopped, or had no conflict to end. Peace held: at least the years to the last "
    "year its sources cover."
)
NOT_JUDGED = N_(
    "Based on {count} of the {total} operations that match the filters ({left} have no published assessment yet). "
    "Each mark is someone else's judgement, attributed; the project gives none."
)
NO_AFTERMATH = N_("None of these operations has ended with a recorded aftermath.")
NO_PEACE_SPAN = N_("None of these operations was followed by a span of peace or a conflict that resumed.")
NO_ASSESSMENT = N_("None of these operations has a published assessment yet.")
NO_TOLL = N_("No death toll has been published for this campaign as a whole.")


def readable_outcomes(
    table: pd.DataFrame, leave_out: Collection[str] = (), causes: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """readable(), with this module's columns in words and their vocabulary values as labels (`causes`: the
    labels of the vocabulary `fatality_causes`)."""
    labelled = table.copy()
    if "cause" in labelled and causes is not None:
        labelled["cause"] = [causes.get(c, c) for c in labelled["cause"]]
    if "assessor_kind" in labelled:
        labelled["assessor_kind"] = [_(ASSESSOR_KIND_LABELS.get(k, k)) for k in labelled["assessor_kind"]]
    if "verdict" in labelled:
        labelled["verdict"] = [_(VERDICT_LABELS.get(v, v)) for v in labelled["verdict"]]
    if "group" in labelled:
        labelled["group"] = [_(CAMPAIGN_GROUP_LABELS.get(g, g)) for g in labelled["group"]]
    shown = readable(labelled, leave_out=("state", *leave_out))
    shown.columns = pd.Index([_(OUTCOME_HEADINGS[c]) if c in OUTCOME_HEADINGS else c for c in shown.columns])
    return shown


def outcome_panels(
    data: Dataset,
    missions: Callable[[], pd.DataFrame],
    shown: int,
    subtitle: str,
    wanted: Callable[[str], bool],
    campaign_id: str,
) -> list[Panel]:
    """The panels of "Did peace hold?", "How was it judged?" and the campaign tolls of "Human cost"."""
    panels: list[Panel] = []
    type_labels = data.labels("mission_type")
    state_labels = data.labels("aftermath")
    if wanted("aftermath"):
        table = outcomes.aftermath_by_type(missions(), data.aftermath, type_labels, state_labels)
        based_on = int(table["operations"].sum())
        context = (subtitle, source_line(data, based_on, shown, NOT_ENDED))
        figure = None
        if not table.empty:
            figure = compare.stacked_by_type(table, "state", AFTERMATH_COLOURS, _("What followed the end, by type"),
                                             context=context)  # fmt: skip
        ids = data.aftermath[data.aftermath["mission_id"].isin(missions()["id"])]["mission_id"]
        panels.append(framed("aftermath", _("Did peace hold after they ended?"), figure,
                             partial(readable_outcomes, table), "aftermath-by-type", context, ids,
                             NO_AFTERMATH))  # fmt: skip
    if wanted("peace-years"):
        table = outcomes.peace_years(missions(), data.aftermath)
        context = (subtitle, source_line(data, len(table), shown, NO_SPAN))
        figure = None
        if not table.empty:
            title = _("Years of peace after the end, until the sources stop or conflict resumed")
            figure = peace_years_bars(table, state_labels, title, context)
        shown_table = table.assign(state_label=[state_labels.get(s, s) for s in table["state"]])
        panels.append(framed("peace-years", _("How long did peace last?"), figure,
                             partial(readable_outcomes, shown_table), "years-of-peace", context, table["id"],
                             NO_PEACE_SPAN))  # fmt: skip
    if wanted("assessments"):
        table = outcomes.judged(missions(), data.assessments)
        judged_ids = list(dict.fromkeys(table["id"]))
        footer = source_line(data, len(judged_ids), shown, NOT_JUDGED)
        context = (subtitle, footer + " " + _("Hover for who judged, when and the source."))
        figure = assessment_grid(table, _("Published judgements of whether each operation met its aims"), context) \
            if not table.empty else None  # fmt: skip
        panels.append(framed("assessments", _("How was each operation judged, and by whom?"), figure,
                             partial(readable_outcomes, table, ("verdict_rank",)), "assessments", context, judged_ids,
                             NO_ASSESSMENT))  # fmt: skip
    if wanted("campaign-deaths"):
        panels.append(campaign_panel(data, campaign_id))
    return panels


def campaign_panel(data: Dataset, campaign_id: str) -> Panel:
    """One campaign's published tolls, each with its own scope: never added up."""
    campaign = next((c for c in data.campaigns if c.id == campaign_id), data.campaigns[0] if data.campaigns else None)
    table = data.tolls[data.tolls["campaign_id"] == campaign.id] if campaign else data.tolls.iloc[0:0]
    names = ", ".join(data.title_of(i).split(" — ")[0] for i in campaign.operations) if campaign else ""
    subtitle = _("Operations in this campaign: {names}").format(names=names) if campaign else ""
    footer = source_line(data, len(table), len(table), among="shown").split("<br>")[0]
    footer += "<br>" + _("Each bar is one published count with its own scope (hover): never add them up. "
                         "A line is a published range.")  # fmt: skip
    figure = None
    if campaign is not None and not table.empty:
        title = _("{campaign}: deaths published for the whole campaign").format(campaign=campaign.name)
        figure = campaign_toll_bars(table, title, (subtitle, footer))
    ids = campaign.operations if campaign else []
    leave_out = ("campaign_id", "order", "grade")
    return framed("campaign-deaths", _("What did the whole campaign cost in lives?"), figure,
                  partial(readable_outcomes, table, leave_out, data.labels("fatality_causes")),
                  f"campaign-deaths-{campaign_id}", (subtitle, footer),
                  ids, NO_TOLL)  # fmt: skip
