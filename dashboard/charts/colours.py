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


SHADES = (0.0, -0.45, 0.4, -0.7, 0.65)  # the type's colour, then darker (-) and lighter (+) by turns


def shade(colour: str, amount: float) -> str:
    """The colour mixed with black (amount < 0) or white (amount > 0) by |amount|."""
    rgb = [int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    target = 255 if amount > 0 else 0
    return "#" + "".join(f"{round(c + (target - c) * abs(amount)):02X}" for c in rgb)


def operation_styles(operations: Iterable[tuple[str, str]], types: Sequence[str]) -> dict[str, tuple[str, str]]:
    """(colour, marker symbol) for every operation, from (id, mission type) pairs of the WHOLE dataset.

    The colour is a shade of the operation's mission type's; within a type, operations take shades and marker
    shapes in the order given (the dataset's), so an operation looks the same whichever others are drawn beside
    it, and operations of one type drawn together differ in both.
    """
    colours = type_colours(types)
    seen: dict[str, int] = {}
    styles = {}
    for mission_id, mission_type in operations:
        index = seen.get(mission_type, 0)
        seen[mission_type] = index + 1
        base = colours.get(mission_type, TYPE_PALETTE[-1])
        tone = SHADES[index % len(SHADES)] if base != "#000000" else abs(SHADES[index % len(SHADES)])
        styles[mission_id] = (shade(base, tone), SYMBOLS[index % len(SYMBOLS)])
    return styles


def in_order(groups: Mapping[str, dict[str, list[object]]], order: Iterable[str]) -> dict[str, dict[str, list[object]]]:
    """The groups in a fixed order (a vocabulary's), so every chart lists its legend the same way."""
    position = {value: index for index, value in enumerate(order)}
    return dict(sorted(groups.items(), key=lambda item: position.get(item[0], len(position))))
