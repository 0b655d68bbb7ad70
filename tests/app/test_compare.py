"""The /compare page: every control changes what is drawn and is mirrored in the URL."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from tests.app.conftest import by_label, figures, open_page, open_tables


def chart(app: AppTest, title_start: str) -> dict[str, Any]:
    return next(f for f in figures(app) if f["layout"]["title"]["text"].startswith(title_start))


QUESTION_TITLES = {
    "when": ["Operations by the decade they began"],
    "how-long": ["How long operations lasted, by type"],
    "how-large": ["Peak strength, by type", "Duration against peak strength; bubble size: contributing nations"],
    "outcomes": ["How operations ended, by type"],
    "basis": ["Legal basis, by type"],
    "human-cost": ["Deaths among personnel against peak strength",
                   "Afghanistan, 2001-2021: deaths published for the whole campaign"],
    "peace": ["What followed the end, by type",
              "Years of peace after the end, until the sources stop or conflict resumed"],
    "judged": ["Published judgements of whether each operation met its aims"],
    "side-by-side": ["Published strength over time"],
}  # fmt: skip
CAMPAIGN_WIDE = "deaths published for the whole campaign"  # a campaign's tolls do not follow the filters


def question(app: AppTest) -> Any:
    return by_label(app.get("button_group"), "Question")


def test_each_question_draws_its_charts_with_a_subtitle_a_source_line_and_a_data_table_with_csv() -> None:
    app = open_page("views/compare.py", org="NATO")
    assert question(app).value == "when" and "question" not in app.query_params
    assert question(app).options == ["When", "How long", "How large", "How they ended", "Legal basis", "Human cost",
                                      "Did peace hold?", "How was it judged?", "Side by side"]  # fmt: skip
    for asked, titles in QUESTION_TITLES.items():
        question(app).set_value(asked).run()
        assert not app.exception
        drawn = figures(app)
        assert [f["layout"]["title"]["text"] for f in drawn] == titles, asked
        assert app.query_params.get("question", "when") == asked
        assert not app.dataframe, "a table is sent only once its expander is open"
        open_tables(app)
        assert len(app.dataframe) == len(drawn), asked
        downloads = [b for b in app.get("download_button") if b.proto.label == "Download this table (CSV)"]
        if asked == "side-by-side":
            assert "Operations side by side" in [m.label for m in app.multiselect]
            assert len(downloads) == 2, "the facts table and the strength chart's table"
            continue
        assert "Operations side by side" not in [m.label for m in app.multiselect]
        for figure in drawn:
            if figure["layout"]["title"]["text"].endswith(CAMPAIGN_WIDE):
                assert figure["layout"]["title"]["subtitle"]["text"].startswith("Operations in this campaign: OEF")
                assert "never add them up" in figure["layout"]["annotations"][-1]["text"]
                continue
            assert figure["layout"]["title"]["subtitle"]["text"].startswith("NATO · all mission types")
            footer = figure["layout"]["annotations"][-1]["text"]
            assert footer.startswith("Source: NATO Peace Operations Explorer") and "operations that match" in footer
        assert [e.label for e in app.expander].count("Show the data") == len(drawn)
        assert len(downloads) == len(drawn)
    question(app).set_value("how-long").run()
    durations = chart(app, "How long")
    shown = int(durations["layout"]["annotations"][-1]["text"].split("Based on ")[1].split(" ")[0])
    assert shown == sum(len(t["x"]) for t in durations["data"])
    question(app).set_value("how-large").run()
    peaks = chart(app, "Peak strength")
    assert "have no published figure in personnel and are not drawn" in peaks["layout"]["annotations"][-1]["text"]


def test_a_link_opens_its_question_and_names_only_the_controls_that_question_shows() -> None:
    app = open_page("views/compare.py", question="how-large", log="1", decades="active", ids="kfor,isaf")
    assert [f["layout"]["title"]["text"] for f in figures(app)] == QUESTION_TITLES["how-large"]
    assert app.query_params["question"] == "how-large" and app.query_params["log"] == "1"
    assert "decades" not in app.query_params and "ids" not in app.query_params, "not shown by this question"
    question(app).set_value("when").run()
    assert chart(app, "Operations active in each decade"), "the controls keep their state across questions"
    assert "question" not in app.query_params and app.query_params["decades"] == "active"
    assert "log" not in app.query_params
    bad = open_page("views/compare.py", question="why")
    assert "Ignored question=why: use when, how-long, how-large, outcomes, basis, human-cost, peace, judged or "\
        "side-by-side; " \
        "showing when operations ran." in [i.value for i in bad.info]  # fmt: skip
    assert question(bad).value == "when" and "question" not in bad.query_params


def test_links_made_before_the_questions_open_the_question_they_were_about() -> None:
    for params, asked, first_title in (
        ({"ids": "kfor,isaf"}, "side-by-side", "Published strength over time"),
        ({"against": "years"}, "human-cost", "Deaths among personnel against years"),
        ({"log": "1"}, "how-large", "Peak strength, by type"),
        ({"decades": "active"}, "when", "Operations active in each decade"),
    ):
        app = open_page("views/compare.py", **params)
        assert question(app).value == asked, params
        assert figures(app)[0]["layout"]["title"]["text"] == first_title


def test_decade_control_counts_by_start_or_by_every_active_decade() -> None:
    app = open_page("views/compare.py", question="when")
    by_start = sum(sum(t["y"]) for t in chart(app, "Operations by the decade")["data"])
    by_label(app.get("button_group"), "Count each operation in").set_value("active").run()
    active = chart(app, "Operations active in each decade")
    assert sum(sum(t["y"]) for t in active["data"]) > by_start
    assert app.query_params["decades"] == "active"


def test_log_toggle_changes_both_strength_axes_and_the_url() -> None:
    app = open_page("views/compare.py", question="how-large")
    assert chart(app, "Peak strength")["layout"]["xaxis"]["type"] == "linear"
    by_label(app.toggle, "Logarithmic scale for strength").set_value(True).run()
    assert chart(app, "Peak strength")["layout"]["xaxis"]["type"] == "log"
    assert chart(app, "Duration against")["layout"]["yaxis"]["type"] == "log"
    assert app.query_params["log"] == "1"


def test_the_size_charts_leave_out_operations_with_no_published_figure_in_the_measure() -> None:
    app = open_page("views/compare.py", type="peace-enforcement", question="how-large", measure="vessels-hailed")
    assert not [f for f in figures(app) if f["layout"]["title"]["text"].startswith("Vessels hailed")]
    assert any("None of these operations has a published figure in this measure" in m.value for m in app.markdown)


def test_side_by_side_reads_ids_shows_facts_and_aligned_strength() -> None:
    app = open_page("views/compare.py", ids="kfor,display-deterrence,nosuch")
    assert "Ignored ids=nosuch: no operation has that id." in [i.value for i in app.info]
    picker = by_label(app.multiselect, "Operations side by side")
    assert picker.value == ["kfor", "display-deterrence"]
    facts = app.table[0].value
    assert list(facts.columns) == ["KFOR", "Display Deterrence"] and facts.at["Peak strength", "KFOR"].startswith(
        "50,000"
    )
    strength = chart(app, "Published strength over time")
    assert [t["name"] for t in strength["data"]] == ["KFOR"], (
        "Display Deterrence has a peak but no dated strength point, and draws none"
    )
    assert strength["layout"]["xaxis"]["title"]["text"] == "Months since the operation began"
    assert any("No published strength figures: Display Deterrence." in c.value for c in app.caption)
    by_label(app.get("button_group"), "Align strength by").set_value("date").run()
    assert chart(app, "Published strength over time")["layout"]["xaxis"]["type"] == "date"
    assert app.query_params["align"] == "date" and app.query_params["ids"] == "kfor,display-deterrence"
    picker = by_label(app.multiselect, "Operations side by side")
    picker.set_value(["isaf"]).run()
    assert "Choose at least two operations to put them side by side." in [i.value for i in app.info]


def test_default_choice_stays_out_of_the_url_and_the_link_shows_every_choice() -> None:
    app = open_page("views/compare.py", question="side-by-side")
    assert by_label(app.multiselect, "Operations side by side").value == ["sfor", "kfor", "isaf"]
    assert "ids" not in app.query_params
    by_label(app.multiselect, "Operations side by side").set_value(["kfor", "isaf"]).run()
    by_label(app.get("button_group"), "Align strength by").set_value("date").run()
    link = app.code[-1].value
    assert "question=side-by-side" in link and "ids=kfor,isaf" in link and "align=date" in link


def test_timeline_charts_say_whether_partner_missions_are_shown_and_offer_their_data() -> None:
    app = open_page("views/timeline.py")
    subtitle = figures(app)[0]["layout"]["title"]["subtitle"]["text"]
    assert subtitle.startswith("NATO · all mission types"), "partner missions are hidden by default"
    app.toggle(key="timeline-partners").set_value(True).run()
    assert figures(app)[0]["layout"]["title"]["subtitle"]["text"].startswith("NATO and partner organisations")
    assert [e.label for e in app.expander].count("Show the data") == 2
    assert app.code[-1].value.startswith("?partners=1"), "the copy-link control shows the view (no host in AppTest)"


def test_deaths_chart_control_reads_and_writes_the_url() -> None:
    app = open_page("views/compare.py", against="years")
    assert by_label(app.get("button_group"), "Deaths against").value == "years"
    assert app.query_params["against"] == "years"
    by_label(app.get("button_group"), "Deaths against").set_value("strength").run()
    assert "against" not in app.query_params
    bad = open_page("views/compare.py", against="height")
    assert "Ignored against=height: use strength or years; showing strength." in [i.value for i in bad.info]


def test_deaths_chart_draws_only_whole_operation_counts_and_says_how_many_are_left_out() -> None:
    app = open_page("views/compare.py", question="human-cost")
    deaths = chart(app, "Deaths among personnel")
    drawn = {text for trace in deaths["data"] for text in trace["text"] if text}
    assert "KFOR" in drawn and "AMISOM" in drawn, "all-nations counts with a published peak are drawn"
    assert "ISAF" not in drawn, "ISAF has only national tallies, which must not stand for the whole operation"
    amisom = next(t for t in deaths["data"] if "AMISOM" in t["text"])
    assert amisom["y"] == [1483, 1884], "a published range is drawn from its low to its high end"
    footer = deaths["layout"]["annotations"][-1]["text"].replace("<br>", " ")
    shown = int(footer.split("Based on ")[1].split(" ")[0])
    assert shown == len(drawn)
    assert "have no published peak strength or no published count of their personnel's deaths" in footer


def test_how_large_measures_air_and_sea_operations_in_their_own_units_and_keeps_it_in_the_link() -> None:
    app = open_page("views/compare.py", question="how-large")
    switch = by_label(app.get("button_group"), "Measure size in")
    assert switch.options == ["Personnel", "Aircraft", "Ships", "Sorties flown", "Vessels hailed"]
    switch.set_value("aircraft").run()
    assert not app.exception and app.query_params["measure"] in ("aircraft", ["aircraft"])
    aircraft = chart(app, "Aircraft: largest published figure, by type")
    names = {row[0] for trace in aircraft["data"] if trace.get("customdata") for row in trace["customdata"]}
    assert {"Allied Force", "Deny Flight"} <= names, "peace enforcement is measured in aircraft"
    assert any("No published figure in this measure:" in str(c.value) for c in app.caption)
    reopened = open_page("views/compare.py", measure="ships")
    assert chart(reopened, "Ships: largest published figure, by type"), "the link alone opens How large in ships"
    bad = open_page("views/compare.py", question="how-large", measure="tanks")
    assert any("Ignored measure=tanks" in str(i.value) for i in bad.info)
    assert chart(bad, "Peak strength, by type")


def test_personnel_peaks_include_the_largest_published_figure_where_no_peak_is_stated() -> None:
    app = open_page("views/compare.py", question="how-large")
    peaks = chart(app, "Peak strength, by type")
    rows = {row[0]: row for trace in peaks["data"] if trace.get("customdata") for row in trace["customdata"]}
    assert rows["SFOR"][2] == "largest published figure" and rows["KFOR"][2] == "stated peak"
    symbols = {s for trace in peaks["data"] for s in (trace["marker"].get("symbol") or []) if isinstance(s, str)}
    assert {"circle", "diamond-open"} <= symbols
