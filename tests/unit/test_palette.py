"""One colour-blind-safe palette for mission types, and every type keeps its colour on every chart."""

from __future__ import annotations

from datetime import date

from dashboard.charts import frame, panels, questions
from dashboard.dataset.files import DATA_DIR
from dashboard.dataset.filters import Filters
from dashboard.dataset.loading import load_dataset

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


def test_mission_types_have_one_colour_each_from_the_okabe_ito_palette_on_every_chart() -> None:
    data = load_dataset(DATA_DIR, date(2026, 11, 21))
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
        for mission_type, colours in type_colours_in(figure, labels).items():
            assert colours == {expected[mission_type]}, (mission_type, colours)
            seen += 1
    assert seen >= 20, "the check found the type traces"
