"""A synthetic copy of the dataset, N times larger, to see how the pages' cost grows with the data.

Never written into data/: `make bench` builds it in a temporary folder and points the app at it with
NPOE_DATA_DIR. Copy k of a record is the record with `-xk` appended to its id (and to the ids it
links to, so links stay mutual within each copy) and "(synthetic copy k)" to its name; everything
else, sources included, is the original's. The result passes the same validation as the real data.

Usage: python -m bench.synthetic FACTOR TARGET_DIR
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from dashboard.dataset.files import DATA_DIR

LINKS = ("predecessors", "successors", "related")


def copy_of(record: dict, k: int) -> dict:
    record = dict(record)
    record["id"] = f"{record['id']}-x{k}"
    record["name"] = f"{record['name']} (synthetic copy {k})"
    for link in LINKS:
        record[link] = [f"{other}-x{k}" for other in record.get(link) or []]
    return record


def build(factor: int, target: Path, source: Path = DATA_DIR) -> int:
    """Write the dataset `factor` times over into target (replaced); returns the number of records."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("missions"))
    missions = target / "missions"
    missions.mkdir()
    count = 0
    for path in sorted((source / "missions").glob("*.yaml")):
        shutil.copy(path, missions / path.name)
        count += 1
        original = yaml.safe_load(path.read_text(encoding="utf-8"))
        for k in range(2, factor + 1):
            record = copy_of(original, k)
            text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=120)
            (missions / f"{record['id']}.yaml").write_text(text, encoding="utf-8")
            count += 1
    return count


if __name__ == "__main__":
    print(build(int(sys.argv[1]), Path(sys.argv[2])), "records written")
