"""What each colour means: mission types one colour-blind-safe palette, outcomes another far from it, casualty
groups a third, each operation the same wherever it is drawn; legends in vocabulary order."""

from __future__ import annotations

import itertools
import math

import pandas as pd

from dashboard.charts import colours, compare, frame, panels, phone, questions
from dashboard.dataset.filters import Filters
from dashboard.dataset.loading import Dataset

OKABE_ITO = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}


def type_colours_in(figure: object, labels: dict[str, str]) -> dict[str, set[str]]:
    """The colour each mission type is drawn in, found through the legend names of the traces."""
    found: dict[str, set[str]] = {}
    for trace in figure.data:  # type: ignore[attr-defined]
        name = str(getattr(trace, "name", "") or "").replace("<br>", " ")
        mission_type = next((value for value, label in labels.items() if label == name), None)
        colour = getattr(getattr(trace, "marker", None), "color", None)
        if mission_type and isinstance(colour, str):
            found.setdefault(mission_type, set()).add(colour.upper())
    return found


def test_mission_types_have_one_colour_each_from_the_okabe_ito_palette_on_every_chart(data: Dataset) -> None:
    labels = data.labels("mission_type")
    expected = {value: colour.upper() for value, colour in frame.category_colours(list(labels)).items()}
    assert set(expected.values()) <= OKABE_ITO and len(set(expected.values())) == len(expected), "distinct"
    everything = Filters(year_from=1990, year_to=2026)
    only_sea = Filters(mission_types=("maritime-security",), year_from=1990, year_to=2026)
    figures = [
        panels.overview_panel(data, everything).figure,
        panels.overview_panel(data, only_sea).figure,  # a filter never shifts the colours
        panels.timeline_panel(data, everything, partners=True).figure,
        *[p.figure for p in questions.compare_panels(data, everything) if p.figure is not None],
        *[p.figure for p in questions.compare_panels(data, only_sea) if p.figure is not None],
    ]
    seen = 0
    for figure in figures:
        for mission_type, drawn_in in type_colours_in(figure, labels).items():
            assert drawn_in == {expected[mission_type]}, (mission_type, drawn_in)
            seen += 1
    assert seen >= 20, "the check found the type traces"


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB hex colour."""
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92 for c in rgb)
    x, y, z = ((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047, r * 0.2126 + g * 0.7152 + b * 0.0722,
               (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883)  # fmt: skip

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(one: str, other: str) -> float:
    """CIE76 colour difference: about 2 is just noticeable; 20 and more reads as a different colour."""
    return math.dist(lab(one), lab(other))


OUTCOME_FAMILY = {*colours.OUTCOME_COLOURS.values(), *colours.AFTERMATH_COLOURS.values(),
                  *colours.VERDICT_COLOURS.values()}  # fmt: skip


def test_outcome_colours_are_far_from_every_mission_type_colour_and_from_each_other() -> None:
    for family, other in ((OUTCOME_FAMILY, OKABE_ITO), (set(colours.GROUP_COLOURS.values()), OKABE_ITO),
                          (set(colours.GROUP_COLOURS.values()), OUTCOME_FAMILY)):  # fmt: skip
        nearest = min((distance(a, b), a, b) for a in family for b in other)
        assert nearest[0] >= 24, nearest
    for palette in (colours.OUTCOME_COLOURS, colours.AFTERMATH_COLOURS, colours.VERDICT_COLOURS):
        values = list(palette.values())
        assert min(distance(a, b) for a, b in itertools.combinations(values, 2)) >= 24, palette


def test_the_outcome_charts_draw_no_mission_type_colour(data: Dataset) -> None:
    everything = Filters(year_from=1990, year_to=2026)
    drawn = {p.key: p.figure for p in questions.compare_panels(data, everything) if p.figure is not None}
    outcome_keys = [key for key in drawn if key in ("outcomes", "aftermath", "judged", "peace-years", "tolls")]
    assert "outcomes" in outcome_keys and len(outcome_keys) >= 2, sorted(drawn)
    for key in outcome_keys:
        used = {str(t.marker.color).upper() for t in drawn[key].data if isinstance(t.marker.color, str)}
        assert used and not used & OKABE_ITO - {"#000000"}, (key, used)


def test_the_legend_lists_values_in_vocabulary_order_whatever_order_the_table_has() -> None:
    table = pd.DataFrame({
        "decade": [2000, 1990, 2000], "operations": [1, 2, 3], "names": ["a", "b", "c"],
        "mission_type": ["maritime-security", "peacekeeping-stabilisation", "peace-enforcement"],
        "mission_type_label": ["Maritime", "Peacekeeping", "Enforcement"],
    })  # fmt: skip
    order = frame.category_colours(["peace-enforcement", "peacekeeping-stabilisation", "maritime-security"])
    figure = compare.decade_bars(table, order, "t")
    assert [trace.name for trace in figure.data] == ["Enforcement", "Peacekeeping", "Maritime"]
    assert figure.layout.legend.traceorder == "normal", "plotly would reverse a stacked chart's legend"


def test_an_operation_has_the_same_colour_and_marker_whichever_operations_are_drawn_beside_it(
    data: Dataset,
) -> None:

    def style(chosen: list[str], of: str) -> tuple[str, str]:
        figure = panels.strength_panel(data, chosen, "date").figure
        assert figure is not None
        trace = next(t for t in figure.data if t.customdata[0][0] == of)
        return trace.marker.color, trace.marker.symbol

    sfor = style(["sfor", "kfor"], "sfor")
    assert sfor == style(["ifor", "isaf", "sfor"], "sfor") == style(["sfor"], "sfor")
    orange = frame.category_colours(list(data.labels("mission_type")))["peacekeeping-stabilisation"]
    assert sfor[0] in colours.tones(orange), "a tone of its type's colour"
    styles = colours.operation_styles(
        ((m.id, m.mission_type) for m in data.records.values()), list(data.labels("mission_type"))
    )
    assert all(colours.contrast_with_white(colour) >= 3 for colour, _symbol in styles.values()), "readable on white"
    for colour in colours.TYPE_PALETTE:
        first, second, third = colours.tones(colour)[:3]
        assert min(distance(first, second), distance(first, third), distance(second, third)) >= 10, colour
    ifor = style(["ifor", "sfor"], "ifor")
    assert ifor[0] != sfor[0] and ifor[1] != sfor[1], "two operations of one type differ in shade and marker"
    figure = panels.strength_panel(data, ["ifor", "sfor"], "date").figure
    assert figure is not None
    assert {note.text for note in figure.layout.annotations if note.name == frame.END_LABEL} == {"IFOR", "SFOR"}
    small = phone.for_phone(figure)[0]
    assert not [note for note in small.layout.annotations if note.name == frame.END_LABEL], "no room on a phone"
