"""Which folders of an index directory the project owns, and when an old build may go.

- Every build the project writes carries a marker file (`BUILD_MARKER`), written when
  its tmp folder is made; builds of older versions are recognised by their name
  (`20250101T120000-abc123`) and a manifest with a `parser_version`. Anything else under
  `builds/` (a user's `builds/v1.0`) is never deleted.
- `check_index_dir` refuses a non-empty folder that holds nothing the project writes, so
  `--index` pointed at the wrong folder fails with a message instead of building there.
- A build that stops serving is marked retired (`RETIRED_MARKER`, its mtime the time)
  and kept at least `GRACE_SECONDS` after that, so a reader that read `CURRENT` just
  before a publish can still open it (issue 10, item 4), even when builds are published
  faster than `KEEP_BUILDS` allows for.

Pure file-system bookkeeping: it does not write records or switch `CURRENT` (core.store).
"""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

from core.errors import NotAnIndex

BUILD_MARKER = ".pravni-lek-build"
RETIRED_MARKER = ".retired"
KEEP_BUILDS = 2  # the serving build and the one before it
GRACE_SECONDS = 120.0  # a Searcher loads the full index in a few seconds; ample margin
TMP_MAX_AGE_SECONDS = 3600.0  # a tmp build this old is the debris of a killed build
BUILD_NAME_RE = re.compile(r"^(?:\.tmp-)?\d{8}T\d{6}-[0-9a-f]{6}$")
# What the project writes at the top of an index directory (core.store, indexing.build,
# retrieval.dense_index, ui.background): one of them makes a folder an index.
INDEX_ENTRIES = ("CURRENT", "builds", "chroma", "embeddings.sqlite", "dense.json", "dense_status.json",
                 "dense.pid", "dense.log")


def mark_new(build: Path) -> None:
    """Mark a freshly made build folder as the project's own."""
    (build / BUILD_MARKER).write_text("pravni-lek build\n", encoding="utf-8")


def is_ours(build: Path) -> bool:
    """True for a build (or tmp build) folder this project wrote."""
    if (build / BUILD_MARKER).is_file():
        return True
    if not BUILD_NAME_RE.match(build.name):
        return False
    try:  # a build of a version before the marker: our name and our manifest
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "parser_version" in manifest


def check_index_dir(index_dir: Path) -> None:
    """Raise NotAnIndex when `index_dir` exists and is not empty, yet holds nothing the
    project writes (no CURRENT, no build of ours, no dense-leg file)."""
    if not index_dir.exists():
        return
    if not index_dir.is_dir():
        raise NotAnIndex(f"index folder {index_dir} is a file, not a folder; give --index "
                         "(or PRAVNI_LEK_INDEX) a new or empty folder")
    entries = sorted(p.name for p in index_dir.iterdir())
    if not entries or any(name in INDEX_ENTRIES and name != "builds" for name in entries):
        return
    builds = index_dir / "builds"
    if builds.is_dir() and any(is_ours(p) for p in builds.iterdir() if p.is_dir()):
        return
    held = [n for n in entries if n != "builds"]
    held += [f"builds/{p.name}" for p in sorted(builds.iterdir())] if builds.is_dir() else []
    shown = ", ".join(held[:5]) + (", …" if len(held) > 5 else "")
    raise NotAnIndex(
        f"index folder {index_dir} is not empty and is not a Pravni lek index (it holds {shown} "
        "and no CURRENT file): nothing was changed; give --index (or PRAVNI_LEK_INDEX) a new or "
        "empty folder")


def mark_retired(build: Path) -> None:
    """Record that `build` stopped serving now (the start of its grace period)."""
    (build / RETIRED_MARKER).write_text(time.strftime("%Y-%m-%dT%H:%M:%S%z\n"), encoding="utf-8")


def retired_for(build: Path, now: float) -> float:
    """Seconds since `build` stopped serving; a build retired by a version before the
    marker counts as retired long ago."""
    try:
        return now - (build / RETIRED_MARKER).stat().st_mtime
    except FileNotFoundError:
        return float("inf")


def _finished(build: Path) -> tuple[int, str]:
    # Names tell the second a build started, not the order builds finished in (two in one
    # second sort by their random suffix); the manifest is the last file a build writes.
    try:
        return (build / "manifest.json").stat().st_mtime_ns, build.name
    except FileNotFoundError:
        return 0, build.name


def collect_garbage(index_dir: Path, keep: str, now: float | None = None) -> list[Path]:
    """Delete our builds beyond the newest KEEP_BUILDS whose grace period is over, and our
    abandoned tmp builds. Returns what was deleted; folders we did not write are left."""
    now = time.time() if now is None else now
    root = index_dir / "builds"
    try:  # another process may have published since: what CURRENT names is never deleted
        serving = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        serving = keep
    builds = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and is_ours(p)),
                    key=_finished)
    old = [p for p in builds if p.name not in (keep, serving)][: max(0, len(builds) - KEEP_BUILDS)]
    gone = [p for p in old if retired_for(p, now) > GRACE_SECONDS]
    for p in root.glob(".tmp-*"):
        try:  # a tmp build of a version before the marker is known by its name alone
            ours = is_ours(p) or BUILD_NAME_RE.match(p.name)
            if p.is_dir() and ours and now - p.stat().st_mtime > TMP_MAX_AGE_SECONDS:
                gone.append(p)
        except FileNotFoundError:  # another build finished or discarded it meanwhile
            pass
    for p in gone:
        shutil.rmtree(p, ignore_errors=True)
    return gone
