"""Where and when: the tables the maps draw. Streamlit-free.

Countries and sea areas are both "places": a place's row says how many of the chosen operations were
there, for how many calendar years, and which ones (ids, names and a hover line each). Headquarters
come from the records' `headquarters`, grouped by location so that one marker stands for one base.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dashboard.dataset.files import Problem
from dashboard.dataset.parts import PartialDate, earliest_day, latest_day
from dashboard.dataset.schema import Mission, Source
from dashboard.dataset.vocabularies import Vocabularies
from dashboard.i18n import N_, _

SEA_AREAS_FILE = Path("geo") / "sea_areas.geojson"
MEASURES = {"operations": N_("Number of operations"), "years": N_("Years of presence")}  # shown with _()
HOVER_LINES = 10  # a place's hover lists at most this many operations, then "and N more"
PLACE_COLUMNS = ["place", "operations", "years", "first_year", "last_year", "missions", "names", "details"]


def load_sea_shapes(data_dir: Path, vocabularies: Vocabularies) -> tuple[dict[str, Any], list[Problem]]:
    """The committed sea-area outlines as GeoJSON, checked against the `sea_areas` vocabulary.

    A missing or broken file gives an empty collection and a problem that says how to rebuild it.
    """
    path = data_dir / SEA_AREAS_FILE
    shown_as = f"data/{SEA_AREAS_FILE}"
    empty: dict[str, Any] = {"type": "FeatureCollection", "features": []}
    rebuild = "rebuild it with: python data/geo/build_sea_areas.py"
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return empty, [Problem(shown_as, "", f"the file is missing, so no sea area is drawn; {rebuild}")]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return empty, [Problem(shown_as, "", f"cannot be read as JSON ({error}); {rebuild}")]
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        return empty, [Problem(shown_as, "features", f"no list of features found; {rebuild}")]
    known = set(vocabularies.get("sea_areas", {}))
    problems = []
    kept = []
    for index, feature in enumerate(features):
        area = feature.get("id") if isinstance(feature, dict) else None
        if area not in known or not isinstance(feature.get("geometry"), dict):
            problems.append(
                Problem(
                    shown_as,
                    f"features[{index}].id",
                    f"'{area}' is not a sea area of data/vocabularies.yaml (or has no geometry); "
                    f"correct data/geo/sea_limits.yaml and {rebuild}",
                )
            )
            continue
        kept.append(feature)
    missing = sorted(known - {f["id"] for f in kept})
    if missing:
        problems.append(
            Problem(
                shown_as, "features", f"no outline for {', '.join(missing)}; add it to sea_limits.yaml and {rebuild}"
            )
        )
    return {"type": "FeatureCollection", "features": kept}, problems


def year_range(missions: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each operation's first and last calendar year (ongoing ones run to today's year)."""
    return missions["start_day"].dt.year, missions["bar_end"].dt.year


def active_in(missions: pd.DataFrame, year: int) -> pd.DataFrame:
    """The operations that were deployed at some time in the given calendar year."""
    first, last = year_range(missions)
    return missions.loc[(first <= year) & (last >= year)]


def sea_places(missions: pd.DataFrame) -> pd.DataFrame:
    """One row per (mission, sea area), like the deployments table for countries."""
    rows = [
        {"mission_id": mission_id, "place": area}
        for mission_id, areas in missions["sea_areas"].items()
        for area in str(areas).split("; ")
        if area
    ]
    return pd.DataFrame(rows, columns=["mission_id", "place"])


def country_places(deployments: pd.DataFrame) -> pd.DataFrame:
    return deployments.rename(columns={"country": "place"})


def _years_text(first: Any, last: Any, ongoing: bool) -> str:
    if ongoing:
        return _("{first}-ongoing").format(first=first)
    return str(first) if first == last else f"{first}-{last}"


def presence(
    places: pd.DataFrame,
    missions: pd.DataFrame,
    first_year: int,
    last_year: int,
    spans: tuple[pd.Series, pd.Series] | None = None,
) -> pd.DataFrame:
    """Per place: how many of `missions` were there, in how many calendar years, and which.

    `places` has one row per (mission_id, place). Years of presence count the calendar years from
    `first_year` to `last_year` in which at least one of the place's operations was deployed.
    At most a few thousand rows reach here: plain Python over the columns is several times faster
    than pandas' filter, groupby and sort (measured on the map: 16 ms to 3 ms for a new filter).
    `spans` is year_range(missions) when the caller has it (the map asks for countries and seas).
    """
    first_years, last_years = year_range(missions) if spans is None else spans
    info = {
        str(mission_id): (int(first), int(last), status == "ongoing", str(name), str(kind))
        for mission_id, first, last, status, name, kind in zip(
            missions.index, first_years.tolist(), last_years.tolist(), missions["status"].tolist(),
            missions["short_name"].tolist(), missions["mission_type_label"].tolist(), strict=True,
        )
    }  # fmt: skip
    at: dict[str, set[str]] = {}
    for mission_id, place in zip(places["mission_id"].tolist(), places["place"].tolist(), strict=True):
        if mission_id in info:
            at.setdefault(place, set()).add(mission_id)
    if not at:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    rows: list[dict[str, Any]] = []
    for place in sorted(at):
        ids = sorted(at[place], key=lambda i: (info[i][0], i))
        years: set[int] = set()
        details = []
        for mission_id in ids:
            first, last, ongoing, name, kind = info[mission_id]
            years.update(range(max(first, first_year), min(last, last_year) + 1))
            details.append(f"{name} ({_years_text(first, last, ongoing)}, {kind})")
        if len(details) > HOVER_LINES:
            details = [*details[:HOVER_LINES], _("and {count} more").format(count=len(details) - HOVER_LINES)]
        rows.append(
            {
                "place": place,
                "operations": len(ids),
                "years": len(years),
                "first_year": min(years) if years else None,
                "last_year": max(years) if years else None,
                "missions": ", ".join(ids),
                "names": ", ".join(info[i][3] for i in ids),
                "details": "<br>".join(details),
            }
        )
    rows.sort(key=lambda row: -row["operations"])  # stable: places stay in name order within a count
    return pd.DataFrame(rows, columns=PLACE_COLUMNS)


def headquarters(records: Mapping[str, Mission], ids: Iterable[str]) -> pd.DataFrame:
    """One row per headquarters or base of the given operations."""
    rows = [
        {
            "mission_id": mission_id,
            "name": hq.name,
            "lat": float(hq.lat),
            "lon": float(hq.lon),
            "main": index == 0,
            "source": hq.source,
        }
        for mission_id in ids
        for index, hq in enumerate(records[mission_id].headquarters)
    ]
    return pd.DataFrame(rows, columns=["mission_id", "name", "lat", "lon", "main", "source"])


LABEL_LENGTH = 20


def place_label(name: str) -> str:
    """A short map label for a headquarters: its town where the name gives one.

    'Camp Film City, Pristina' -> 'Pristina'; 'Konya Air Base (NATO AWACS forward base)' -> 'Konya Air Base';
    a long name without a comma keeps its last word ('Allied Air Component Command Izmir' -> 'Izmir').
    """
    label = name.rsplit(",", 1)[-1].split("(", 1)[0].strip() or name
    return label if len(label) <= LABEL_LENGTH else label.split()[-1]


def hq_markers(hq: pd.DataFrame, short_names: Mapping[str, str]) -> pd.DataFrame:
    """One marker per location (to two decimals), naming every headquarters and operation there."""
    columns = ["lat", "lon", "label", "hover", "missions"]
    if hq.empty:
        return pd.DataFrame(columns=columns)
    at: dict[tuple[float, float], list[tuple[str, str]]] = {}
    for lat, lon, name, mission_id in zip(
        hq["lat"].round(2).tolist(), hq["lon"].round(2).tolist(), hq["name"].tolist(), hq["mission_id"].tolist(),
        strict=True,
    ):  # fmt: skip
        at.setdefault((lat, lon), []).append((name, mission_id))
    rows = []
    for (lat, lon), here in sorted(at.items()):
        rows.append(
            {
                "lat": lat,
                "lon": lon,
                "label": place_label(str(here[0][0])),
                "hover": "<br>".join(f"{name} — {short_names.get(m, m)}" for name, m in here),
                "missions": ", ".join(dict.fromkeys(m for _name, m in here)),
            }
        )
    return pd.DataFrame(rows, columns=columns)


HISTORICAL_STATES_FILE = Path("geo") / "historical_states.yaml"


class HistoricalNote(BaseModel):
    """How some of today's countries related to the states of a period (data/geo/historical_states.yaml)."""

    model_config = ConfigDict(extra="forbid")
    countries: list[str] = Field(min_length=1)
    from_: PartialDate = Field(alias="from")
    until: PartialDate
    note: str = Field(min_length=1)
    source: Source


def load_historical_notes(data_dir: Path) -> tuple[list[HistoricalNote], list[Problem]]:
    """The notes a profile shows about former states; a broken file gives no notes and a problem."""
    path = data_dir / HISTORICAL_STATES_FILE
    shown_as = f"data/{HISTORICAL_STATES_FILE}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], [Problem(shown_as, "", "the file is missing, so profiles cannot explain former states; restore it")]
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [], [Problem(shown_as, "", f"cannot be read as YAML ({' '.join(str(error).split())}); fix the syntax")]
    entries = raw.get("notes") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        return [], [Problem(shown_as, "notes", "expected a list under 'notes'; see the file's header")]
    notes, problems = [], []
    for index, entry in enumerate(entries):
        try:
            notes.append(HistoricalNote.model_validate(entry))
        except ValidationError as error:
            for detail in error.errors():
                where = ".".join(str(p) for p in detail["loc"])
                problems.append(Problem(shown_as, f"notes[{index}].{where}", f"{detail['msg']}; correct the entry"))
    return notes, problems


def historical_notes_for(mission: Mission, notes: Iterable[HistoricalNote], today: date) -> list[HistoricalNote]:
    """The notes whose countries the mission shares and whose period its dates overlap."""
    start = earliest_day(mission.start)
    end = latest_day(mission.end) if mission.end else today
    return [
        note
        for note in notes
        if set(note.countries) & set(mission.countries)
        and start < earliest_day(note.until)
        and end >= earliest_day(note.from_)
    ]
