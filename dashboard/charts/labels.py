"""Labels beside the points of a scatter that never sit on one another or on another point's marker.

Plotly places a point's text where it is told and does not move it out of the way. `placed_labels` works in
the plot's pixels (at the size the chart is drawn on a laptop): the most important point is named first, above
its marker; a later one tries above, below, right and left, and is left unnamed (its hover still names it)
where every place would cover a name or a marker already there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

PLOT_PX = (585.0, 440.0)  # the plot area (inside the axes) of a 520 px scatter beside its legend, laptop width
CHAR_PX, LINE_PX, GAP_PX = 7.0, 14.0, 2.0  # a 12 px label: width per character, height, gap to its marker
PLACES = ("top center", "bottom center", "middle right", "middle left")

Box = tuple[float, float, float, float]  # left, bottom, right, top in pixels


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    log: bool = False

    def pixels(self, value: float, length: float) -> float:
        if self.log:
            value = math.log10(value) if value > 0 else self.low
        return (value - self.low) / ((self.high - self.low) or 1.0) * length


def _label_box(x: float, y: float, radius: float, width: float, place: str) -> Box:
    if place == "top center":
        return (x - width / 2, y + radius + GAP_PX, x + width / 2, y + radius + GAP_PX + LINE_PX)
    if place == "bottom center":
        return (x - width / 2, y - radius - GAP_PX - LINE_PX, x + width / 2, y - radius - GAP_PX)
    if place == "middle right":
        return (x + radius + GAP_PX, y - LINE_PX / 2, x + radius + GAP_PX + width, y + LINE_PX / 2)
    return (x - radius - GAP_PX - width, y - LINE_PX / 2, x - radius - GAP_PX, y + LINE_PX / 2)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def placed_labels(
    xs: Sequence[float], ys: Sequence[float], sizes: Sequence[float], names: Sequence[str], order: Sequence[int],
    x_axis: Axis, y_axis: Axis, plot: tuple[float, float] = PLOT_PX,
) -> tuple[list[str], list[str]]:  # fmt: skip
    """Per point: its label ("" when it has none or none fits) and its text position, for the points `order`
    names (most important first); `sizes` are marker diameters in pixels."""
    width, height = plot
    centres = [(x_axis.pixels(float(x), width), y_axis.pixels(float(y), height)) for x, y in zip(xs, ys, strict=True)]
    markers = [(cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2) for (cx, cy), s in zip(centres, sizes, strict=True)]
    texts, places = [""] * len(names), ["top center"] * len(names)
    taken: list[Box] = []
    for row in order:
        (cx, cy), label_width = centres[row], CHAR_PX * len(names[row]) + 4
        for place in PLACES:
            box = _label_box(cx, cy, sizes[row] / 2, label_width, place)
            inside = box[0] >= -GAP_PX and box[2] <= width + 40 and box[1] >= -LINE_PX
            covers = any(_overlap(box, other) for other in taken) or any(
                _overlap(box, marker) for index, marker in enumerate(markers) if index != row
            )
            if inside and not covers:
                texts[row], places[row] = names[row], place
                taken.append(box)
                break
    return texts, places


PHONE_PLOT_PX = (250.0, 355.0)  # the same scatter's plot area on a 390 px phone (no legend beside it)


def replaced_for(fig: go.Figure, plot: tuple[float, float]) -> None:
    """Place a scatter's labels again for a plot of another size (a phone's): the names it shows, largest value
    first, each where it fits, or none. Only traces whose labels were placed (a position per point) in a figure
    whose axes have a set range (the bubble charts) are changed."""
    x_range, y_range = fig.layout.xaxis.range, fig.layout.yaxis.range
    named = [trace for trace in fig.data if trace.type == "scatter" and isinstance(trace.textposition, tuple)]
    if not named or x_range is None or y_range is None:
        return
    xs, ys, sizes, names = [], [], [], []
    for trace in named:
        size = trace.marker.size
        for index in range(len(trace.x)):
            xs.append(float(trace.x[index]))
            ys.append(float(trace.y[index]))
            sizes.append(float(size[index]) if isinstance(size, tuple) else float(size or 8))
            names.append(str(trace.text[index] or ""))
    order = sorted((row for row, name in enumerate(names) if name), key=lambda row: -ys[row])
    log = fig.layout.yaxis.type == "log"
    x_axis, y_axis = Axis(float(x_range[0]), float(x_range[1])), Axis(float(y_range[0]), float(y_range[1]), log)
    texts, places = placed_labels(xs, ys, sizes, names, order, x_axis, y_axis, plot)
    start = 0
    for trace in named:
        end = start + len(trace.x)
        trace.text, trace.textposition = texts[start:end], places[start:end]
        start = end
