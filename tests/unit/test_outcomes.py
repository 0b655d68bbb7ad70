"""Did it work? The tables, charts, panels and profile text of what followed, how it was judged and campaign tolls."""

from __future__ import annotations

from dashboard.charts import panels, questions
from dashboard.charts.briefing import filters_of
from dashboard.charts.judged import campaign_panel
from dashboard.dataset import outcomes
from dashboard.dataset.filters import Filters, read_compare_url
from dashboard.dataset.followed import aftermath_markdown, assessment_markdown, campaigns_of, toll_markdown
from dashboard.dataset.loading import Dataset
from dashboard.i18n import using


def panels_for(data: Dataset, *keys: str, campaign: str = "afghanistan-2001-2021", **params: list[str]) -> dict:
    built = questions.compare_panels(data, filters_of(data, params), only=keys, campaign=campaign)
    return {panel.key: panel for panel in built}


def test_years_of_peace_count_from_the_end_to_the_last_year_covered_or_the_resumption(data: Dataset) -> None:
    table = outcomes.peace_years(data.labelled_missions(), data.aftermath).set_index("id")
    ifor = data.records["ifor"].aftermath
    assert ifor is not None and ifor.period_to is not None
    assert table.at["ifor", "years_after"] == int(ifor.period_to) - 1996
    assert set(table["state"]) <= {"peace-held", "conflict-resumed"}, "no span is drawn for a conflict that went on"
    assert list(table["years_after"]) == sorted(table["years_after"], reverse=True)


def test_what_followed_counts_every_ended_operation_once(data: Dataset) -> None:
    table = outcomes.aftermath_by_type(data.labelled_missions(), data.aftermath, data.labels("mission_type"),
                                       data.labels("aftermath"))  # fmt: skip
    assert table["operations"].sum() == len(data.aftermath)
    peace = panels_for(data, "aftermath")["aftermath"]
    names = {trace["name"] for trace in peace.figure.to_plotly_json()["data"]}
    assert {"Peace held", "Conflict resumed", "Conflict continued", "No conflict to end"} <= names


def test_the_filters_narrow_what_followed(data: Dataset) -> None:
    balkans = panels_for(data, "aftermath", "peace-years", region=["balkans"])
    assert set(balkans["peace-years"].ids) <= {m for m, r in data.records.items() if r.region == "balkans"}
    assert "OUP" not in str(balkans["peace-years"].figure.to_plotly_json()["data"])


def test_every_judgement_is_a_mark_with_its_assessor_and_source(data: Dataset) -> None:
    grid = panels_for(data, "assessments")["assessments"]
    traces = grid.figure.to_plotly_json()["data"]
    assert sum(len(trace["x"]) for trace in traces) == len(data.assessments)
    hovers = [row[2] for trace in traces for row in trace["customdata"]]
    assert all(" · " in hover for hover in hovers), "each mark names its source's publisher and grade"
    assert len(grid.table) == len(data.assessments)


def test_a_campaign_draws_each_toll_apart_and_never_a_sum(data: Dataset) -> None:
    panel = campaign_panel(data, "afghanistan-2001-2021")
    campaign = next(c for c in data.campaigns if c.id == "afghanistan-2001-2021")
    drawn = [x for trace in panel.figure.to_plotly_json()["data"] for x in trace["x"]]
    published = [t.value for t in campaign.human_cost if t.value is not None]
    assert sorted(drawn) == sorted(published), "exactly the published counts: nothing added up"
    assert set(panel.ids) == set(campaign.operations)
    table = panel.table
    causes = set(data.labels("fatality_causes").values())
    assert set(table["Which deaths"]) <= causes, "the kind of death in words, not the vocabulary's ids"
    assert set(table["Whose deaths"]).isdisjoint({t.group for t in campaign.human_cost})


def test_a_campaign_range_is_a_line_from_low_to_high(data: Dataset) -> None:
    panel = campaign_panel(data, "kosovo-1998")
    lines = [t for t in panel.figure.to_plotly_json()["data"] if t["type"] == "scatter"]
    assert any(list(t["x"]) == [278, 317] for t in lines), "Human Rights Watch's range, with no midpoint"


def test_an_unknown_campaign_in_the_link_falls_back_with_a_notice(data: Dataset) -> None:
    ids = [c.id for c in data.campaigns]
    reading = read_compare_url({"campaign": ["atlantis"]}, list(data.records), ids)
    assert reading.campaign == ids[0] and reading.question == "human-cost"
    assert any("Ignored campaign=atlantis" in notice for notice in reading.notices)
    assert read_compare_url({"campaign": ["libya-2011"]}, list(data.records), ids).campaign == "libya-2011"


def test_the_profile_says_what_followed_and_who_judged_with_sources(data: Dataset) -> None:
    oup = data.records["unified-protector"]
    text = aftermath_markdown(oup, "Conflict resumed", data.publishers)
    assert text.startswith("**Conflict resumed**") and "armed conflict resumed in" in text and "](http" in text
    lines = [assessment_markdown(oup, judgement, data.publishers) for judgement in oup.assessments]
    assert len({judgement.assessor_kind for judgement in oup.assessments}) >= 2
    assert all(":red-badge[Aims not met]" in line or "badge[Aims" in line for line in lines)
    assert "*" + "Still running" in aftermath_markdown(data.records["kfor"], "", None)


def test_the_profile_lists_its_campaign_tolls(data: Dataset) -> None:
    [afghanistan] = campaigns_of("isaf", data.campaigns)
    lines = [toll_markdown(afghanistan, toll, toll.cause, data.publishers) for toll in afghanistan.human_cost]
    assert any(line.startswith("**2,456** coalition military deaths") for line in lines)
    assert all("-badge[" in line for line in lines), "each toll's source carries its grade"
    assert campaigns_of("ace-guard", data.campaigns) == []


def test_the_new_questions_speak_french(data: Dataset) -> None:
    with using("fr"):
        built = questions.compare_panels(data, Filters(), only=("aftermath", "assessments"))
    assert [panel.heading for panel in built] == [
        "La paix a-t-elle tenu après leur fin\u00a0?", "Comment chaque opération a-t-elle été jugée, et par qui\u00a0?",
    ]  # fmt: skip


def test_the_timeline_shades_each_campaign_behind_its_operations_only_when_asked(data: Dataset) -> None:
    plain = panels.timeline_panel(data, Filters(), partners=False)
    assert not plain.figure.layout.shapes
    banded = panels.timeline_panel(data, Filters(), partners=False, bands=True).figure
    named = {note.text for note in banded.layout.annotations}
    assert "Afghanistan, 2001-2021" in named and "Libya, 2011" in named
    rows = {text: value for value, text in zip(banded.layout.yaxis.tickvals, banded.layout.yaxis.ticktext, strict=True)}
    afghanistan = next(c for c in data.campaigns if c.id == "afghanistan-2001-2021")
    spans = [s for s in banded.layout.shapes if (s.x0, s.x1) == ("2001-10-01", "2021-08-31")]
    for mission_id in ("isaf", "resolute-support"):
        row = rows[data.missions.loc[mission_id, "short_name"]]
        assert any(s.y0 < row < s.y1 for s in spans), f"{mission_id} lies in the campaign's band"
    not_in_it = [
        i
        for i in data.missions.index
        if i not in afghanistan.operations and data.missions.loc[i, "organisation"] == "NATO"
    ]
    for mission_id in not_in_it:
        row = rows.get(data.missions.loc[mission_id, "short_name"])
        assert row is None or not any(s.y0 < row < s.y1 for s in spans), f"{mission_id} is shaded as Afghanistan"
    assert all(s.layer == "below" for s in banded.layout.shapes), "behind the bars, never over them"
