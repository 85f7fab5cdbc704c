"""The user's own documents: save an upload into the user folder and re-ingest.

Checks come first and touch nothing: the size limit, the file type, then the file is
read once with its loader (in a temp name) so that an unreadable file is reported with
the loader's reason and never reaches the folder or the index. Only a readable file is
moved into the folder and indexed with `ingest.pipeline.build_index`, which swaps in the
new build atomically; if that fails anyway, the file is removed again and the serving
index stays as it was. Files never leave the machine.

Not here: rendering (ui.docs_view), the dense leg (ui.background).
"""
from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ingest.errors import PravniLekError, SkipFile

MAX_UPLOAD_MB = 20
ALLOWED_SUFFIXES = (".pdf", ".txt", ".docx", ".html", ".htm")


@dataclass
class UploadResult:
    """`status`: "ok", "too_big", "bad_type", "unreadable" or "failed"; `reason` is the
    loader's or the pipeline's words for a failure."""

    status: str
    name: str
    source: str | None = None
    reason: str = ""
    chunks: int = 0
    size_mb: float = 0.0
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def safe_name(name: str) -> str:
    """A plain file name: no folders, no control or odd characters, never hidden."""
    base = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name)
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")
    return base or f"dokument-{uuid.uuid4().hex[:6]}"


def check(name: str, size: int, max_mb: float = MAX_UPLOAD_MB) -> UploadResult | None:
    """A refusal for an upload that is too big or of the wrong type, else None."""
    size_mb = round(size / 1_000_000, 1)
    if size > max_mb * 1_000_000:
        return UploadResult("too_big", name, size_mb=size_mb)
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        return UploadResult("bad_type", name, size_mb=size_mb)
    return None


def _try_load(path: Path, source: str) -> tuple[int, str]:
    """(chunk count, "") when the loader can read the file, else (0, reason)."""
    from ingest.registry import load_file

    try:
        loaded = load_file(path, source)
    except SkipFile as e:
        return 0, e.reason
    except Exception as e:  # a loader bug must not take the app down
        return 0, f"{type(e).__name__}: {e}"
    if not loaded.chunks:
        return 0, "no text could be extracted"
    return len(loaded.chunks), ""


def save_and_ingest(name: str, data: bytes, corpus: Path, index_dir: Path, user_dir: Path,
                    progress: Callable[[int, int, str], None] | None = None,
                    max_mb: float = MAX_UPLOAD_MB, workers: int = 1) -> UploadResult:
    """Save `data` as user_dir/<name> and rebuild the index with it."""
    from ingest.pipeline import build_index

    name = safe_name(name)
    refused = check(name, len(data), max_mb)
    if refused:
        return refused
    user_dir.mkdir(parents=True, exist_ok=True)
    source = f"user/{name}"
    final = user_dir / name
    # Keep the name's extension (the loader is chosen by it) and hide the temp file from a
    # concurrent scan: the pipeline ignores dot-files.
    tmp = user_dir / f".upload-{uuid.uuid4().hex[:8]}-{name}"
    tmp.write_bytes(data)
    n, reason = _try_load(tmp, source)
    if reason:
        tmp.unlink(missing_ok=True)
        return UploadResult("unreadable", name, source, reason=reason)
    previous = final.read_bytes() if final.exists() else None
    tmp.replace(final)
    try:
        report = build_index(corpus, index_dir, user_dir=user_dir, workers=workers, progress=progress)
    except (PravniLekError, OSError, ValueError) as e:
        _restore(final, previous)
        return UploadResult("failed", name, source, reason=str(e))
    if source in report.skipped:
        # The loader accepted it above but the pipeline did not: same outcome for the user.
        _restore(final, previous)
        return UploadResult("unreadable", name, source, reason=report.skipped[source])
    return UploadResult("ok", name, source, chunks=n, skipped=dict(report.skipped))


def _restore(final: Path, previous: bytes | None) -> None:
    if previous is None:
        final.unlink(missing_ok=True)
    else:
        final.write_bytes(previous)


def user_documents(documents: dict, prefix: str = "user/") -> list[str]:
    """Sources of the user's documents in the index."""
    return sorted(s for s in documents if s.startswith(prefix))
