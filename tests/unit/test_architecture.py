"""The layers of dashboard/ (dashboard/__init__.py, docs/architecture.md): imports only run downwards, Streamlit only
in ui/, views/ and the entry points, plotly never in the data layer, no import cycles, no module over 500 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "dashboard"

# Lower numbers are lower layers; a module may import its own layer and those below it, never above.
LAYERS = {
    "i18n": 0,
    "dataset": 1,
    "navigation": 1,  # the page table: plain data (script, title, icon), read by ui/ and the views
    "charts": 2,
    "learn": 3,
    "outputs": 4,
    "ui": 5,
    "views": 6,
    "app": 7,
    "run": 7,
    "serve": 7,
}
STREAMLIT_ALLOWED = {"ui", "views", "app", "run", "serve"}
PLOTLY_FORBIDDEN = {"i18n", "dataset"}
LONGEST = 500  # lines; a longer module must be split (or listed here with the reason)
LONG_ALLOWED: dict[str, str] = {}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str | None:
    """'dashboard.charts.panels' -> 'charts'; the package itself has no layer."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def imports_of(tree: ast.AST, module: str) -> list[tuple[int, str]]:
    """Every module imported anywhere in the file (functions included), as (line, dotted name)."""
    found: list[tuple[int, str]] = []
    package = module.split(".")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                base = ".".join([*package[: len(package) - node.level], *([base] if base else [])])
            found.append((node.lineno, base))
            # `from dashboard.charts import panels` imports the module dashboard.charts.panels
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
    return found


def modules(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def import_graph(root: Path) -> tuple[dict[str, set[str]], list[str]]:
    """Edges between the package's own modules, and every rule broken along the way."""
    known = modules(root)
    graph: dict[str, set[str]] = {name: set() for name in known}
    broken: list[str] = []
    for name, path in known.items():
        layer = layer_of(name)
        shown = path.relative_to(root.parent)
        for line, imported in imports_of(ast.parse(path.read_text(encoding="utf-8")), name):
            top = imported.split(".")[0]
            if top == "streamlit" and layer not in STREAMLIT_ALLOWED:
                broken.append(f"{shown}:{line}: imports streamlit; only ui/, views/ and the entry points may")
            if top == "plotly" and layer in PLOTLY_FORBIDDEN:
                broken.append(f"{shown}:{line}: imports plotly; the {layer} layer never draws")
            if top != root.name or imported not in known:
                continue
            graph[name].add(imported)
            target = layer_of(imported)
            if layer is None or target is None:
                continue
            if layer not in LAYERS or target not in LAYERS:
                broken.append(f"{shown}:{line}: {layer if layer not in LAYERS else target} is in no layer; add it")
            elif LAYERS[target] > LAYERS[layer]:
                broken.append(f"{shown}:{line}: {layer} imports {imported}, a layer above it ({target})")
    return graph, broken


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles between modules (a package importing its own modules is not one)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if node.startswith(target + ".") or target.startswith(node + "."):
                continue  # a package and its own modules
            if state.get(target) == 1:
                found.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def violations(root: Path) -> list[str]:
    graph, broken = import_graph(root)
    broken += [" -> ".join(cycle) + ": an import cycle; move what both need below them" for cycle in cycles(graph)]
    return broken


def test_imports_run_downwards_only() -> None:
    assert violations(PACKAGE) == []


def test_every_layer_is_a_package_that_says_what_it_may_import() -> None:
    for layer in ("i18n", "dataset", "charts", "learn", "outputs", "ui"):
        init = PACKAGE / layer / "__init__.py"
        assert init.exists(), f"dashboard/{layer}/ is not a package"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "import" in doc and "never" in doc, f"dashboard/{layer}/__init__.py must say what it may import"
    every = {layer_of(name) for name in modules(PACKAGE)} - {None}
    assert every <= set(LAYERS), f"modules outside the layers: {sorted(every - set(LAYERS))}"


def test_no_module_is_too_long_to_read() -> None:
    for path in PACKAGE.rglob("*.py"):
        shown = str(path.relative_to(PACKAGE.parent))
        length = len(path.read_text(encoding="utf-8").splitlines())
        assert length <= LONGEST or shown in LONG_ALLOWED, f"{shown} has {length} lines: split it by concern"


def plant(root: Path, files: dict[str, str]) -> Path:
    package = root / "dashboard"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # the data layer reaching up into the Streamlit code
            {"dataset/loading.py": "from dashboard.ui import cache\n", "ui/cache.py": ""},
            "dashboard/dataset/loading.py:1: dataset imports dashboard.ui.cache, a layer above it (ui)",
        ),
        (  # the same, hidden inside a function
            {"charts/panels.py": "def f():\n    from dashboard.outputs.images import x\n", "outputs/images.py": ""},
            "dashboard/charts/panels.py:2: charts imports dashboard.outputs.images, a layer above it (outputs)",
        ),
        (
            {"outputs/slides.py": "import streamlit as st\n"},
            "dashboard/outputs/slides.py:1: imports streamlit; only ui/, views/ and the entry points may",
        ),
        (
            {"dataset/geo.py": "import plotly.graph_objects as go\n"},
            "dashboard/dataset/geo.py:1: imports plotly; the dataset layer never draws",
        ),
        (
            {"dataset/schema.py": "from dashboard.dataset import validation\n",
             "dataset/validation.py": "from dashboard.dataset.schema import Mission\n"},
            "dashboard.dataset.schema -> dashboard.dataset.validation -> dashboard.dataset.schema: an import cycle; "
            "move what both need below them",
        ),
        (
            {"widgets/x.py": "from dashboard.i18n import _\n", "i18n/__init__.py": ""},
            "dashboard/widgets/x.py:1: widgets is in no layer; add it",
        ),
    ],
)
def test_a_planted_wrong_import_is_found(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    assert expected in violations(plant(tmp_path, files))


def test_imports_downwards_and_within_a_layer_are_allowed(tmp_path: Path) -> None:
    package = plant(
        tmp_path,
        {
            "ui/display.py": "import streamlit\nfrom dashboard.charts import panels\nfrom dashboard.ui import cache\n",
            "ui/cache.py": "from dashboard.dataset.loading import Dataset\n",
            "charts/panels.py": "import plotly\nfrom dashboard.dataset import loading\n",
            "dataset/loading.py": "from dashboard.i18n import _\n",
            "i18n/__init__.py": "",
        },
    )
    assert violations(package) == []
