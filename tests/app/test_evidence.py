"""Grades of evidence in the pages: badges on the profile, "Official sources only" on every chart of figures."""

from __future__ import annotations

import re
from typing import Any

from streamlit.testing.v1 import AppTest

from tests.app.conftest import by_label, figures, open_page


def markdown(app: AppTest) -> str:
    return "\n".join(str(element.value) for element in app.markdown)


def strength_chart(app: AppTest) -> dict[str, Any]:
    return next(f for f in figures(app) if "strength" in f["layout"]["title"]["text"].lower())


def drawn_points(figure: dict[str, Any]) -> int:
    return sum(len(trace.get("y", [])) for trace in figure["data"])


def test_the_profile_grades_every_source_and_counts_them() -> None:
    app = open_page("views/mission.py", id="kfor")
    assert not app.exception
    text = markdown(app)
    assert ":blue-badge[Official]" in text, "NATO's own pages are official"
    assert re.search(r":(violet|orange|gray)-badge\[", text), "and the rest say what they are"
    evidence = next(c.value for c in app.caption if str(c.value).startswith("Evidence: of "))
    total = int(re.search(r"of (\d+) sourced values", evidence).group(1))  # type: ignore[union-attr]
    counts = [int(n) for n in re.findall(r": (\d+)", evidence)]
    assert total == sum(counts) and counts[0] > 0
    legend = next(e for e in app.expander if e.label == "What the source badges mean")
    assert legend is not None


def test_official_only_on_the_profile_redraws_the_strength_chart_and_says_what_it_left_out() -> None:
    app = open_page("views/mission.py", id="kfor")
    every = drawn_points(strength_chart(app))
    by_label(app.toggle, "Official sources only").set_value(True).run()
    assert not app.exception and app.query_params["official"] in ("1", ["1"])
    note = next(str(c.value) for c in app.caption if str(c.value).startswith("Official sources only: "))
    left = int(re.search(r": (\d+) of (\d+)", note).group(1))  # type: ignore[union-attr]
    assert left > 0, "KFOR has strength figures from the press"
    assert drawn_points(strength_chart(app)) == every - left


def test_official_only_on_the_timeline_comes_from_the_link_and_names_what_it_left_out() -> None:
    app = open_page("views/timeline.py", strength="kfor,isaf", official="1")
    assert not app.exception
    assert by_label(app.toggle, "Official sources only").value is True
    subtitle = strength_chart(app)["layout"]["title"]["subtitle"]["text"]
    assert "Official sources only:" in subtitle and "left out" in subtitle
    hover_sources = [row[2] for trace in strength_chart(app)["data"] for row in trace["customdata"]]
    assert hover_sources and all(source.endswith("· official") for source in hover_sources)


def test_official_only_on_compare_draws_fewer_peaks_and_keeps_it_in_the_link() -> None:
    app = open_page("views/compare.py", question="how-large")
    peaks = next(f for f in figures(app) if f["layout"]["title"]["text"] == "Peak strength, by type")
    every = drawn_points(peaks)
    by_label(app.toggle, "Official sources only").set_value(True).run()
    assert not app.exception and app.query_params["official"] in ("1", ["1"])
    official = next(f for f in figures(app) if f["layout"]["title"]["text"] == "Peak strength, by type")
    assert 0 < drawn_points(official) < every
    footer = next(a["text"] for a in official["layout"]["annotations"] if a.get("name") == "source-line")
    assert "from an official source and are not drawn" in footer.replace("<br>", " ")


def test_a_wrong_official_value_falls_back_with_a_notice() -> None:
    app = open_page("views/timeline.py", official="yes")
    assert not app.exception
    assert any("Ignored official=yes" in str(info.value) for info in app.info)
