"""Coverage: every operation the dataset promises is there, led by the right organisation.

The NATO list is the one in issue 3 (NATO's own "operations and missions: past and present" material,
plus operations it names that a student would look for); the partner list holds the UN, EU, AU, OSCE and
coalition missions a NATO operation took over from, handed over to, ran beside or supported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.dataset.loading import Dataset, load_dataset

DATA = Path(__file__).resolve().parents[2] / "data"

NATO_OPERATIONS = {
    "Anchor Guard": "anchor-guard",
    "Ace Guard": "ace-guard",
    "Maritime Monitor": "maritime-monitor",
    "Sky Monitor": "sky-monitor",
    "Maritime Guard": "maritime-guard",
    "Sharp Guard": "sharp-guard",
    "Deny Flight": "deny-flight",
    "Deliberate Force": "deliberate-force",
    "IFOR (Joint Endeavour)": "ifor",
    "SFOR (Joint Guard / Joint Forge)": "sfor",
    "Eagle Eye": "eagle-eye",
    "Allied Force": "allied-force",
    "Allied Harbour": "allied-harbour",
    "KFOR": "kfor",
    "Essential Harvest": "essential-harvest",
    "Amber Fox": "amber-fox",
    "Allied Harmony": "allied-harmony",
    "Eagle Assist": "eagle-assist",
    "Active Endeavour": "active-endeavour",
    "Display Deterrence": "display-deterrence",
    "ISAF": "isaf",
    "NATO Training Mission-Iraq": "ntm-i",
    "NATO Air Policing in the Baltic states": "baltic-air-policing",
    "Support to the African Union in Darfur (AMIS)": "nato-support-amis",
    "Support to the African Union in Somalia (AMISOM)": "nato-support-amisom",
    "Hurricane Katrina relief": "katrina-relief",
    "Pakistan earthquake relief": "pakistan-earthquake-relief",
    "Allied Provider": "allied-provider",
    "Allied Protector": "allied-protector",
    "Ocean Shield": "ocean-shield",
    "Unified Protector": "unified-protector",
    "Patriot deployment to Turkey (Active Fence)": "active-fence",
    "Resolute Support": "resolute-support",
    "Aegean Sea activity": "aegean-activity",
    "Sea Guardian": "sea-guardian",
    "enhanced Forward Presence": "efp",
    "NATO Mission Iraq": "nmi",
    "NATO Security Assistance and Training for Ukraine": "nsatu",
    "Baltic Sentry": "baltic-sentry",
    # further operations named in NATO's past-and-present material and command archives
    "Icelandic air policing": "icelandic-air-policing",
    "Extraction Force (Joint Guarantor)": "joint-guarantor",
    "Determined Falcon": "determined-falcon",
    "Allied Goodwill I and II": "allied-goodwill",
    "Distinguished Games (Athens 2004)": "distinguished-games",
    "NATO HQ Sarajevo": "nato-hq-sarajevo",
    "NATO HQ Skopje": "nato-hq-skopje",
    "NATO HQ Tirana": "nato-hq-tirana",
    "AWACS support to the coalition against ISIL": "awacs-counter-isil",
    "Eastern Sentry": "eastern-sentry",
}

PARTNER_MISSIONS = {
    "UNPROFOR": ("unprofor", "UN"),
    "OSCE Kosovo Verification Mission": ("osce-kvm", "OSCE"),
    "UNMIK": ("unmik", "UN"),
    "EUFOR Concordia": ("eufor-concordia", "EU"),
    "EUFOR Althea": ("eufor-althea", "EU"),
    "EULEX Kosovo": ("eulex-kosovo", "EU"),
    "Operation Enduring Freedom (Afghanistan)": ("oef-afghanistan", "coalition"),
    "UNAMA": ("unama", "UN"),
    "AMIS": ("amis", "AU"),
    "AMISOM": ("amisom", "AU"),
    "EU NAVFOR Atalanta": ("eunavfor-atalanta", "EU"),
    "March 2011 coalition strikes on Libya": ("libya-coalition-2011", "coalition"),
    "EUNAVFOR MED Sophia": ("eunavfor-med-sophia", "EU"),
}


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(DATA)


def test_every_listed_nato_operation_has_a_valid_record(data: Dataset) -> None:
    missing = [name for name, mission_id in NATO_OPERATIONS.items() if mission_id not in data.records]
    assert missing == [], f"no valid record for: {', '.join(missing)}"
    assert {data.records[i].organisation for i in NATO_OPERATIONS.values()} == {"NATO"}


def test_every_listed_partner_mission_is_there_with_its_organisation(data: Dataset) -> None:
    for name, (mission_id, organisation) in PARTNER_MISSIONS.items():
        assert mission_id in data.records, f"no valid record for {name}"
        assert data.records[mission_id].organisation == organisation, name


def test_every_partner_mission_is_linked_to_a_nato_operation(data: Dataset) -> None:
    for name, (mission_id, _) in PARTNER_MISSIONS.items():
        mission = data.records[mission_id]
        linked = [*mission.predecessors, *mission.successors, *mission.related]
        assert any(data.records[other].organisation == "NATO" for other in linked if other in data.records), name


def test_no_operation_is_recorded_twice(data: Dataset) -> None:
    names = [(m.name.lower().removeprefix("operation "), m.start[:4]) for m in data.records.values()]
    assert len(names) == len(set(names)), "two records share a name and start year"


def test_chart_labels_tell_operations_apart(data: Dataset) -> None:
    labels = data.missions["short_name"]
    assert not labels.duplicated().any(), f"same label for: {sorted(labels[labels.duplicated(keep=False)].index)}"
