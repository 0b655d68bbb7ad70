"""Scatter labels that never sit on one another or on another point's marker (charts/labels.py)."""

from __future__ import annotations

import random
from itertools import combinations

from dashboard.charts import frame, phone
from dashboard.charts.compare import BUBBLE_ROOM, bubble_range, duration_peak_scatter
from dashboard.charts.labels import CHAR_PX, PHONE_PLOT_PX, PLOT_PX, Axis, _label_box, _overlap, placed_labels
from dashboard.dataset import comparisons
from dashboard.dataset.loading import Dataset


def boxes(xs, ys, sizes, texts, places, x_axis, y_axis, plot):  # type: ignore[no-untyped-def]
    width, height = plot
    placed = []
    for x, y, size, text, place in zip(xs, ys, sizes, texts, places, strict=True):
        if text:
            centre = (x_axis.pixels(x, width), y_axis.pixels(y, height))
            placed.append(_label_box(*centre, size / 2, CHAR_PX * len(text) + 4, place))
    return placed


def test_crowded_points_get_labels_that_never_overlap_or_cover_a_marker() -> None:
    rng = random.Random(7)
    xs = [rng.uniform(0, 10) for _ in range(40)]
    ys = [rng.uniform(0, 100) for _ in range(40)]
    sizes = [rng.uniform(8, 40) for _ in range(40)]
    names = [f"OP{index}" for index in range(40)]
    x_axis, y_axis = Axis(-1, 11), Axis(-8, 108)
    texts, places = placed_labels(xs, ys, sizes, names, list(range(40)), x_axis, y_axis)
    assert 3 <= sum(bool(t) for t in texts) < 40, "some are named, and not all forty fit"
    placed = boxes(xs, ys, sizes, texts, places, x_axis, y_axis, PLOT_PX)
    assert not any(_overlap(a, b) for a, b in combinations(placed, 2))
    width, height = PLOT_PX
    markers = [
        (x_axis.pixels(x, width), y_axis.pixels(y, height), s / 2) for x, y, s in zip(xs, ys, sizes, strict=True)
    ]
    for box, own in zip(placed, [row for row, text in enumerate(texts) if text], strict=True):
        for row, (cx, cy, r) in enumerate(markers):
            assert row == own or not _overlap(box, (cx - r, cy - r, cx + r, cy + r))


def test_the_first_point_is_named_above_and_a_neighbour_moves_aside() -> None:
    texts, places = placed_labels([5, 5.1], [50, 50], [20, 20], ["FIRST", "SECOND"], [0, 1], Axis(0, 10), Axis(0, 100))
    assert (texts[0], places[0]) == ("FIRST", "top center")
    assert texts[1] in ("", "SECOND") and places[1] != "top center"


def test_bubbles_at_zero_stay_off_the_tick_labels_and_the_real_chart_has_no_overlapping_names(data: Dataset) -> None:
    assert bubble_range([0, 100_000], log=False) == [-BUBBLE_ROOM * 100_000, (1 + BUBBLE_ROOM) * 100_000]
    low, high = bubble_range([10, 100_000], log=True)
    assert low < 1 and high > 5, "log10 units, with room below the smallest and above the largest"
    table = comparisons.duration_and_peak(data.labelled_missions())
    fig = duration_peak_scatter(table, frame.type_colours(list(data.vocabularies["mission_type"])), "Scatter")
    for figure, plot in ((fig, PLOT_PX), (phone.for_phone(fig)[0], PHONE_PLOT_PX)):
        x_axis, y_axis = Axis(*figure.layout.xaxis.range), Axis(*figure.layout.yaxis.range)
        assert y_axis.low < 0 and x_axis.low < 0, "the bubbles at zero are inside the plot, above the ticks"
        xs, ys, sizes, texts, places = [], [], [], [], []
        for trace in figure.data:
            xs += list(trace.x)
            ys += list(trace.y)
            sizes += list(trace.marker.size)
            texts += list(trace.text)
            places += list(trace.textposition)
        placed = boxes(xs, ys, sizes, texts, places, x_axis, y_axis, plot)
        assert len(placed) >= 4, "the largest operations are named"
        assert not any(_overlap(a, b) for a, b in combinations(placed, 2)), "no two names overlap"


def test_names_at_the_ends_of_lines_that_end_together_are_moved_apart() -> None:
    from dashboard.charts.strength import END_GAP_PX, END_PLOT_PX, spread_apart

    ends = [{"y": 1000, "_at": 100}, {"y": 990, "_at": 101}, {"y": 985, "_at": 5000}, {"y": 10, "_at": 100}]
    spread_apart(ends)
    heights = [end["y"] / 1050 * END_PLOT_PX + end["yshift"] for end in ends]
    assert ends[0]["yshift"] == 0, "the largest keeps its place"
    assert abs(heights[0] - heights[1]) >= END_GAP_PX - 1, "two names ending together, one under the other"
    assert ends[2]["yshift"] == 0 and ends[3]["yshift"] == 0, "names far apart in time or value stay put"
    assert all("_at" not in end for end in ends)
