"""The arrows of docs/design.md, checked by parsing every product module's imports.

    core  <-  ingest  <-  indexing  ->  retrieval  <-  answer  <-  ui / app.py
                 ^                         ^   \\-> pathways <-/
                 evaluation (reads everything; nothing product reads it)

- ingest imports nothing from retrieval, answer, ui or indexing (indexing stands above
  it); its `__main__` alone calls the orchestrator, so `python -m ingest` keeps working;
- retrieval imports nothing from answer, ui or indexing;
- no product module imports evaluation or ui (app.py is the ui's entry point);
- core imports only the standard library and third-party packages;
- no product module imports `tests` (fakes live in tests/fakes/ and are installed from
  the tests' side), nor imports a module whose name it does not spell out.
Every import counts, including those inside functions.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIRST_PARTY = ("core", "ingest", "indexing", "retrieval", "answer", "pathways", "ui", "evaluation", "app", "tests")
PRODUCT = ("core", "ingest", "indexing", "retrieval", "answer", "pathways")

FORBIDDEN = {
    "core": set(FIRST_PARTY) - {"core"},
    "ingest": {"retrieval", "answer", "ui", "indexing", "evaluation", "pathways", "app", "tests"},
    "retrieval": {"answer", "ui", "indexing", "evaluation", "app", "tests"},
    "indexing": {"answer", "ui", "evaluation", "app", "tests"},
    "answer": {"ui", "indexing", "evaluation", "app", "tests"},
    "pathways": {"answer", "ui", "indexing", "evaluation", "app", "tests"},
    "ui": {"evaluation", "app", "tests"},
    "app": {"evaluation", "tests"},
}
# The one allowed upward import: the README's `python -m ingest` runs the orchestrator.
ALLOWED = {("ingest/__main__.py", "indexing")}


def imports(path: Path) -> set[str]:
    """Top-level package names a module imports (absolute imports; relative ones stay
    inside the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def product_files() -> list[tuple[str, Path]]:
    out = [("app", ROOT / "app.py")]
    for pkg in FORBIDDEN:
        if pkg != "app":
            out += [(pkg, p) for p in sorted((ROOT / pkg).rglob("*.py"))]
    return out


def violations(files: list[tuple[str, Path]]) -> list[str]:
    bad = []
    for pkg, path in files:
        rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        for name in sorted(imports(path) & FORBIDDEN[pkg]):
            if (rel, name) not in ALLOWED:
                bad.append(f"{rel} imports {name} ({pkg} may not)")
    return bad


def test_the_arrows_hold():
    assert violations(product_files()) == []


def test_the_core_imports_only_the_standard_library_and_third_party_packages():
    for path in sorted((ROOT / "core").rglob("*.py")):
        assert not (imports(path) & set(FIRST_PARTY)) - {"core"}, path


def test_no_product_package_imports_tests():
    # The fake embedder and the hostile answerer are tests' code (tests/fakes/); the
    # product never reaches them. (evaluation, which measures from outside like the
    # tests, is not product: its load test builds the tests' small corpus.)
    assert [str(path) for _, path in product_files() if "tests" in imports(path)] == []


def _dynamic_imports(path: Path) -> list[str]:
    """importlib.import_module / __import__ calls whose module name does not start with
    a first-party package written out in the code (e.g. one read from the environment)."""
    bad = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in ("import_module", "__import__"):
            continue
        arg = node.args[0]
        head = arg.values[0] if isinstance(arg, ast.JoinedStr) and arg.values else arg
        text = head.value if isinstance(head, ast.Constant) and isinstance(head.value, str) else ""
        if text.split(".")[0] not in FIRST_PARTY or (isinstance(arg, ast.JoinedStr) and "." not in text):
            bad.append(f"{path.name}:{node.lineno}")
    return bad


def test_the_product_imports_no_module_named_at_run_time():
    # The app once imported any "module:function" an environment variable named (a test
    # hook); a loader chosen from the product's own table (ingest.registry) is fine.
    assert [b for _, path in product_files() for b in _dynamic_imports(path)] == []


def test_a_dynamic_import_is_caught(tmp_path):
    bad = tmp_path / "mod.py"
    bad.write_text("import importlib, os\n"
                   "def f(spec):\n    return importlib.import_module(spec.partition(':')[0])\n"
                   "def g(name):\n    return importlib.import_module(f'{name}.x')\n"
                   "def h(name):\n    return importlib.import_module(f'ingest.loaders.{name}')\n",
                   encoding="utf-8")
    assert _dynamic_imports(bad) == ["mod.py:3", "mod.py:5"]


@pytest.mark.parametrize("pkg, line", [
    ("ingest", "from retrieval.analyzer import normalize"),
    ("ingest", "import answer"),
    ("retrieval", "from answer.verify import verify"),
    ("retrieval", "import ui.display"),
    ("answer", "from evaluation.metrics import recall"),
    ("core", "from ingest.registry import load_file"),
])
def test_a_forbidden_import_is_caught(tmp_path, pkg, line):
    bad = tmp_path / "mod.py"
    bad.write_text(f"def f():\n    {line}\n", encoding="utf-8")
    assert violations([(pkg, bad)]) == [f"mod.py imports {line.split()[1].split('.')[0]} ({pkg} may not)"]
