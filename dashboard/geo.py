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

from dashboard.i18n import N_, _
from dashboard.schema import Mission, PartialDate, Source, earliest_day, latest_day
from dashboard.validation import Problem, Vocabularies

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
) -> pd.DataFrame:
    """Per place: how many of `missions` were there, in how many calendar years, and which.

    `places` has one row per (mission_id, place). Years of presence count the calendar years from
    `first_year` to `last_year` in which at least one of the place's operations was deployed.
    """
    chosen = places[places["mission_id"].isin(missions.index)]
    if chosen.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    first_years, last_years = year_range(missions)
    there = missions.loc[chosen["mission_id"].unique()]
    info = {
        str(mission_id): {"first": int(first), "last": int(last), "ongoing": status == "ongoing", "name": str(name),
                          "type": str(kind)}
        for mission_id, first, last, status, name, kind in zip(
            there.index, first_years.loc[there.index], last_years.loc[there.index], there["status"],
            there["short_name"], there["mission_type_label"], strict=True,
        )
    }  # fmt: skip
    rows = []
    for place, group in chosen.groupby("place", sort=True):
        ids = sorted(set(group["mission_id"]), key=lambda i: (info[i]["first"], i))
        years: set[int] = set()
        details = []
        for mission_id in ids:
            this = info[mission_id]
            years.update(range(max(this["first"], first_year), min(this["last"], last_year) + 1))
            when = _years_text(this["first"], this["last"], bool(this["ongoing"]))
            details.append(f"{this['name']} ({when}, {this['type']})")
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
                "names": ", ".join(str(info[i]["name"]) for i in ids),
                "details": "<br>".join(details),
            }
        )
    table = pd.DataFrame(rows, columns=PLACE_COLUMNS)
    return table.sort_values(["operations", "place"], ascending=[False, True], ignore_index=True)


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
    keyed = hq.assign(lat=hq["lat"].round(2), lon=hq["lon"].round(2))
    rows = []
    for (lat, lon), group in keyed.groupby(["lat", "lon"], sort=True):
        ids = list(dict.fromkeys(group["mission_id"]))
        lines = [
            f"{name} — {short_names.get(m, m)}" for name, m in zip(group["name"], group["mission_id"], strict=True)
        ]
        rows.append(
            {
                "lat": lat,
                "lon": lon,
                "label": place_label(str(group["name"].iloc[0])),
                "hover": "<br>".join(lines),
                "missions": ", ".join(ids),
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
