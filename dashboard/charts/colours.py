"""What each colour means, in one place: a colour means one thing everywhere in the app.

- Mission types: the Okabe-Ito palette, in vocabulary order (the timeline, compare, the map's key).
- How an operation ended (its outcome, what followed it and how it was judged): a purple-to-brown family from
  ColorBrewer's colour-blind-safe PuOr scheme, dark purple for the good end of each scale, brown for the bad,
  tan between, light grey for "still running" or "not applicable". None of them is near a mission-type colour
  (tests/unit/test_palette.py measures the distance).
- Whose deaths a campaign toll counts: slate, sage, wine and grey, again apart from both families.
- Each operation, where lines stand for operations: a shade of its mission type's colour and a marker shape of
  its own within its type, the same on every page (SFOR is the same dark orange line of squares wherever it is
  drawn), and its name at the line's end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
TYPE_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

ENDED_WELL, ENDED_PARTLY, ENDED_BETWEEN, ENDED_BADLY = "#542788", "#998EC3", "#A6761D", "#7F3B08"
NOT_APPLICABLE = "#D9D9D9"
OUTCOME_COLOURS = {
    "ongoing": NOT_APPLICABLE,
    "succeeded-by-mission": ENDED_PARTLY,
    "handed-over": "#01665E",
    "objectives-met": ENDED_WELL,
    "mandate-ended": ENDED_BETWEEN,
    "withdrawn": ENDED_BADLY,
}
AFTERMATH_COLOURS = {
    "peace-held": ENDED_WELL,
    "conflict-continued": ENDED_BETWEEN,
    "conflict-resumed": ENDED_BADLY,
    "not-applicable": NOT_APPLICABLE,
}
VERDICT_COLOURS = {"met": ENDED_WELL, "partly-met": ENDED_PARTLY, "mixed": ENDED_BETWEEN, "not-met": ENDED_BADLY}
GROUP_COLOURS = {"coalition-military": "#3B4C5A", "national-forces": "#99AA77", "civilians": "#882255",
                 "all-deaths": "#6E6E6E"}  # fmt: skip

SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "triangle-down", "cross", "hexagon",
           "pentagon", "star-square", "hourglass")  # fmt: skip


def type_colours(types: Sequence[str]) -> dict[str, str]:
    """A colour for each mission type, in vocabulary order."""
    return {value: TYPE_PALETTE[index % len(TYPE_PALETTE)] for index, value in enumerate(types)}


LINE_CONTRAST = 3.0  # WCAG's least contrast for a line or a marker against the chart's white background
TONE_STEPS = (0.0, 0.5, 1.0, 0.25, 0.75)  # where the 1st, 2nd, ... operation of a type falls in its type's tones
DARKEST = -0.6  # mixed with black beyond this, the tones of different types all look black


def shade(colour: str, amount: float) -> str:
    """The colour mixed with black (amount < 0) or white (amount > 0) by |amount|."""
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    target = 255 if amount > 0 else 0
    return "#" + "".join(f"{round(c + (target - c) * abs(amount)):02X}" for c in rgb)


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of the colour against white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour.lstrip("#")[i : i + 2], 16)) for i in (0, 2, 4))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def tones(colour: str, count: int = len(TONE_STEPS)) -> list[str]:
    """Shades of one colour for lines of one type drawn together, each readable on white (LINE_CONTRAST): from
    the lightest that is (the colour itself when it is dark enough) to a dark one, spread as far apart as that
    range allows, the first two at its ends."""
    readable = max(a / 100 for a in range(-100, 101) if contrast_with_white(shade(colour, a / 100)) >= LINE_CONTRAST)
    lightest, darkest = min(0.0, readable), DARKEST
    if colour == "#000000":  # black: from black towards the lightest readable grey
        lightest, darkest = 0.0, readable
    return [shade(colour, lightest + (darkest - lightest) * TONE_STEPS[i % len(TONE_STEPS)]) for i in range(count)]


def operation_styles(operations: Iterable[tuple[str, str]], types: Sequence[str]) -> dict[str, tuple[str, str]]:
    """(colour, marker symbol) for every operation, from (id, mission type) pairs of the WHOLE dataset.

    The colour is a tone of the operation's mission type's colour, dark enough to read on white; within a type,
    operations take tones and marker shapes in the order given (the dataset's), so an operation looks the same
    whichever others are drawn beside it, and operations of one type drawn together differ in both.
    """
    colours = type_colours(types)
    palettes = {mission_type: tones(colour) for mission_type, colour in colours.items()}
    seen: dict[str, int] = {}
    styles = {}
    for mission_id, mission_type in operations:
        index = seen.get(mission_type, 0)
        seen[mission_type] = index + 1
        palette = palettes.get(mission_type) or tones(TYPE_PALETTE[-1])
        styles[mission_id] = (palette[index % len(palette)], SYMBOLS[index % len(SYMBOLS)])
    return styles


def in_order(groups: Mapping[str, dict[str, list[object]]], order: Iterable[str]) -> dict[str, dict[str, list[object]]]:
    """The groups in a fixed order (a vocabulary's), so every chart lists its legend the same way."""
    position = {value: index for index, value in enumerate(order)}
    return dict(sorted(groups.items(), key=lambda item: position.get(item[0], len(position))))
