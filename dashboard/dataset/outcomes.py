"""Did it work? Tables of what followed each ended operation, of who judged it and how, and of campaign tolls.

Built from valid records and campaigns; every row keeps its source url and the source's grade. Nothing here
gives a verdict: the tables carry the assessors' own, attributed, and never add up tolls of different scopes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from dashboard.dataset.campaigns import Campaign
from dashboard.dataset.comparisons import counts_by_type
from dashboard.dataset.judgements import ASSESSOR_KINDS, VERDICTS
from dashboard.dataset.parts import earliest_day
from dashboard.dataset.schema import Mission

AFTERMATH_COLUMNS = [
    "mission_id", "state", "period_from", "period_to", "resumed", "years_after", "summary", "sources", "grade",
    "publisher",
]  # fmt: skip
ASSESSMENT_COLUMNS = [
    "mission_id", "order", "assessor", "assessor_kind", "date", "aims", "verdict", "summary", "source", "grade",
    "publisher",
]  # fmt: skip
TOLL_COLUMNS = [
    "campaign_id", "campaign", "order", "group", "cause", "value", "low", "high", "as_of", "scope", "sources", "grade",
    "publisher",
]  # fmt: skip

Graded = Callable[[Mission, str], dict[str, str]]


def years_after(mission: Mission) -> int | None:
    """Whole years of peace after the end: to the last year the sources cover (peace held) or to the year armed
    conflict resumed; None for the other states."""
    after = mission.aftermath
    if after is None or mission.end is None:
        return None
    end_year = earliest_day(mission.end).year
    if after.state == "peace-held" and after.period_to is not None:
        return earliest_day(after.period_to).year - end_year
    if after.state == "conflict-resumed" and after.resumed is not None:
        return earliest_day(after.resumed).year - end_year
    return None


def aftermath_rows(ordered: list[Mission], graded: Graded) -> pd.DataFrame:
    """One row per record with an aftermath; `grade` is the best grade among its sources (None if it cites none)."""
    rank = {"official": 0, "independent": 1, "reference": 2, "copy-personal": 3}
    rows = []
    for mission in ordered:
        after = mission.aftermath
        if after is None:
            continue
        cited = sorted((graded(mission, url) for url in after.sources), key=lambda c: rank.get(c["grade"], 9))
        rows.append({
            "mission_id": mission.id, "state": after.state, "period_from": after.period_from,
            "period_to": after.period_to, "resumed": after.resumed, "years_after": years_after(mission),
            "summary": after.summary, "sources": " ; ".join(after.sources),
            "grade": cited[0]["grade"] if cited else None, "publisher": cited[0]["publisher"] if cited else None,
        })  # fmt: skip
    table = pd.DataFrame(rows, columns=AFTERMATH_COLUMNS)
    table["years_after"] = table["years_after"].astype("Int64")
    return table


def assessment_rows(ordered: list[Mission], graded: Graded) -> pd.DataFrame:
    """One row per published assessment, in record order."""
    rows = [
        {
            "mission_id": mission.id,
            "order": index,
            "assessor": judgement.assessor,
            "assessor_kind": judgement.assessor_kind,
            "date": judgement.date,
            "aims": judgement.aims,
            "verdict": judgement.verdict,
            "summary": judgement.summary,
            "source": judgement.source,
            **graded(mission, judgement.source),
        }
        for mission in ordered
        for index, judgement in enumerate(mission.assessments)
    ]
    return pd.DataFrame(rows, columns=ASSESSMENT_COLUMNS)


def toll_rows(campaigns: list[Campaign], cite: Callable[[str], dict[str, str]]) -> pd.DataFrame:
    """One row per toll published for a whole campaign."""
    rows = [
        {
            "campaign_id": campaign.id,
            "campaign": campaign.name,
            "order": index,
            "group": toll.group,
            "cause": toll.cause,
            "value": toll.value,
            "low": toll.low,
            "high": toll.high,
            "as_of": toll.as_of,
            "scope": toll.scope,
            "sources": " ; ".join(toll.sources),
            **cite(toll.sources[0]),
        }
        for campaign in campaigns
        for index, toll in enumerate(campaign.human_cost)
    ]
    table = pd.DataFrame(rows, columns=TOLL_COLUMNS)
    for column in ("value", "low", "high"):
        table[column] = table[column].astype("Int64")
    return table


def aftermath_by_type(
    missions: pd.DataFrame, aftermath: pd.DataFrame, type_labels: Mapping[str, str], state_labels: Mapping[str, str]
) -> pd.DataFrame:
    """How many ended operations of each type were followed by each state (only those with a recorded aftermath)."""
    states = aftermath.set_index("mission_id")["state"]
    ended = missions[missions["id"].isin(states.index)]
    long = pd.DataFrame({"id": ended["id"], "mission_type": ended["mission_type"], "state": ended["id"].map(states)})
    return counts_by_type(long, "state", ended, type_labels, state_labels)


def peace_years(missions: pd.DataFrame, aftermath: pd.DataFrame) -> pd.DataFrame:
    """Operations whose aftermath gives a span of peace: years from the end to the last year covered (peace held,
    so 'at least') or to the year conflict resumed; longest first."""
    spans = aftermath[aftermath["years_after"].notna()]
    table = spans.merge(
        missions[["id", "short_name", "name", "mission_type", "mission_type_label", "end"]],
        left_on="mission_id", right_on="id",
    )  # fmt: skip
    table = table.sort_values(["years_after", "short_name"], ascending=[False, True])
    columns = ["id", "short_name", "name", "mission_type", "mission_type_label", "end", "state", "period_to",
               "resumed", "years_after", "sources", "grade", "publisher"]  # fmt: skip
    return table[columns].reset_index(drop=True)


def judged(missions: pd.DataFrame, assessments: pd.DataFrame) -> pd.DataFrame:
    """Assessments of the operations in `missions`, with the operation's name, in operation then verdict order."""
    table = assessments.merge(missions[["id", "short_name", "mission_type"]], left_on="mission_id", right_on="id")
    kind_order = {kind: index for index, kind in enumerate(ASSESSOR_KINDS)}
    verdict_order = {verdict: index for index, verdict in enumerate(VERDICTS)}
    table = table.assign(
        kind_rank=table["assessor_kind"].map(kind_order), verdict_rank=table["verdict"].map(verdict_order)
    ).sort_values(["short_name", "kind_rank", "date"])
    columns = ["id", "short_name", "mission_type", "assessor", "assessor_kind", "date", "verdict", "verdict_rank",
               "summary", "source", "grade", "publisher"]  # fmt: skip
    return table[columns].reset_index(drop=True)
