"""The parse and lexical fingerprints cover every first-party module their code imports:
edit one (say core/text.py) and `python -m ingest` re-reads or re-indexes."""
from __future__ import annotations

import ast
from pathlib import Path

from indexing.build import LEXICAL_FILES
from ingest.manifest import PARSER_MODULES

ROOT = Path(__file__).resolve().parents[2]
# Records and errors shape no token; the lexical hash covers the code that makes tokens.
NOT_TEXT = {"core/records.py", "core/errors.py", "core/store.py", "core/builds.py"}


def _closure(start: list[str], stay_in: tuple[str, ...]) -> set[str]:
    """Repo-relative files reachable by imports from `start`, within the packages `stay_in`."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        rel = todo.pop()
        if rel in seen:
            continue
        seen.add(rel)
        for node in ast.walk(ast.parse((ROOT / rel).read_text(encoding="utf-8"))):
            mods = []
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for m in mods:
                if m.split(".")[0] not in stay_in:
                    continue
                path = m.replace(".", "/")
                for cand in (f"{path}.py", f"{path}/__init__.py"):
                    if (ROOT / cand).is_file() and not cand.endswith("__init__.py"):
                        todo.append(cand)
    return seen


def test_the_parser_fingerprint_lists_every_module_the_loaders_import():
    loaders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "ingest" / "loaders").glob("*.py")]
    needed = _closure(loaders + ["ingest/registry.py"], ("core", "ingest"))
    listed = set(PARSER_MODULES) | {p for p in needed if p.startswith("ingest/loaders/")}
    assert needed - listed == set()


def test_the_lexical_fingerprint_lists_every_module_the_bm25_build_imports():
    # build_lexical: BM25 over index_text (header: aliases), and the diacritics table
    start = ["retrieval/bm25_index.py", "retrieval/sources/aliases.py", "retrieval/diacritics.py"]
    needed = _closure(start, ("core", "retrieval")) - NOT_TEXT
    assert needed - set(LEXICAL_FILES) == set()
