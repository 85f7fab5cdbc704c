"""Which loader reads which corpus file, decided from its corpus-relative path.

One table, no parsing: loaders live in `ingest/loaders/`, one per format, each with
`load(path, source) -> Loaded`. Files that are corpus metadata (README, MANIFEST) are
ignored, not reported; files under a known folder with an unknown extension are
reported as skipped.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import importlib
from pathlib import Path

from core.errors import SkipFile
from core.records import Loaded, number_repeats

# (pattern on the corpus-relative source, loader module). First match wins.
ROUTES: tuple[tuple[str, str], ...] = (
    ("zakoni/pis/*.json", "statute_pis"),
    ("pis/*.json", "statute_pis"),  # ../shared/corpus-full keeps all 822 PIS statutes here
    ("zakoni/*.txt", "statute_text"),
    ("sudska_praksa/vrhovni_sud/*.json", "court_decision"),
    ("sudska_praksa/vrhovni_sud/*/*.json", "court_decision"),
    ("sudska_praksa/bilteni/*.pdf", "bulletin_pdf"),
    ("sudska_praksa/bilteni/*/*.pdf", "bulletin_pdf"),
    ("echr/*.json", "echr"),
    ("medjunarodni/*.md", "treaty"),
    ("user/*", "user_document"),
)
USER_EXTENSIONS = (".pdf", ".txt", ".md", ".docx", ".html", ".htm")
IGNORED_NAMES = ("README.md", "MANIFEST.json", ".gitkeep", ".DS_Store")


def is_ignored(source: str) -> bool:
    name = source.rsplit("/", 1)[-1]
    return name in IGNORED_NAMES or name.startswith(".") or "/." in "/" + source


def route(source: str) -> str:
    """The loader module name for `source`; anything unrouted is read as a user document."""
    for pattern, loader in ROUTES:
        # fnmatch's "*" crosses "/", so also require the same depth as the pattern.
        if fnmatch.fnmatch(source, pattern) and source.count("/") == pattern.count("/"):
            return loader
    if source.startswith("user/"):
        return "user_document"
    if source.lower().endswith(USER_EXTENSIONS):
        return "user_document"
    raise SkipFile(f"unsupported file type; supported here: {', '.join(USER_EXTENSIONS)}")


def load_file(path: Path, source: str) -> Loaded:
    """Read one file with its loader. Raises SkipFile (with the path) when unusable.

    A block the file repeats word for word (a quoted article, a pasted paragraph) gets
    its own id (records.number_repeats), so no file can make the index's ids collide."""
    try:
        module = importlib.import_module(f"ingest.loaders.{route(source)}")
        loaded = module.load(path, source)
        return dataclasses.replace(loaded, chunks=number_repeats(loaded.chunks))
    except SkipFile as e:
        raise SkipFile(e.reason, source) from None
    except FileNotFoundError:
        raise SkipFile("file disappeared during ingest", source) from None
    except PermissionError:
        raise SkipFile("cannot read the file: permission denied", source) from None
    except IsADirectoryError:
        raise SkipFile("is a directory, not a file", source) from None
