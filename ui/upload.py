"""The user's own documents: save an upload into the user folder and re-ingest.

Checks come first and touch nothing: the size limit (one value, `server.maxUploadSize`
in .streamlit/config.toml, which Streamlit enforces too), the file type. Then the file
is written under a hidden temp name, its unpacked text is measured (ui.upload_limits)
and it is read once with its loader, so that a size bomb or an unreadable file is
reported and never reaches the folder or the index. Only then is it given its final
name, never one that exists already (two names that sanitise alike, or a second upload
of the same name, are kept side by side and the result says which name was stored),
and indexed with `indexing.pipeline.build_index`, which swaps in the new build
atomically; if that fails, the new file is removed and the serving index stays as it
was. Every failure, a full disk included, comes back as an UploadResult naming the
file and the reason; nothing raises, and no `.upload-*` file is left behind. Files
never leave the machine.

Not here: rendering (ui.docs_view), the dense leg (ui.background).
"""
from __future__ import annotations

import errno
import os
import re
import tomllib
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from core.errors import PravniLekError, SkipFile
from ui.upload_limits import MAX_TEXT_CHARS, TooMuchText, loaded_chars, unpacked_chars

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
ALLOWED_SUFFIXES = (".pdf", ".txt", ".docx", ".html", ".htm")
# Linux allows 255 bytes per name; the temp name adds 17 and a kept duplicate "-NN".
MAX_NAME_BYTES = 200
MAX_SUFFIX_BYTES = 16
DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
TEMP_PREFIX = ".upload-"
MB = 1 << 20


def configured_upload_mb(path: Path = CONFIG, default: int = 20) -> int:
    """`server.maxUploadSize` from the app's Streamlit config: the one upload limit."""
    try:
        return int(tomllib.loads(path.read_text(encoding="utf-8"))["server"]["maxUploadSize"])
    except (OSError, KeyError, ValueError, TypeError):
        return default


MAX_UPLOAD_MB = configured_upload_mb()


@dataclass
class UploadResult:
    """`status`: "ok", "too_big", "too_much_text", "bad_type", "unreadable", "disk_full"
    or "failed"; `name` is the name stored (or that would have been), `original` the
    name as uploaded; `reason` is the loader's or the system's words for a failure."""

    status: str
    name: str
    source: str | None = None
    reason: str = ""
    chunks: int = 0
    size_mb: float = 0.0
    skipped: dict[str, str] = field(default_factory=dict)
    original: str = ""
    text_chars: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def renamed(self) -> bool:
        """Stored under another name than the one uploaded (sanitised or kept apart)."""
        return bool(self.original) and self.original != self.name


def _cut(text: str, max_bytes: int) -> str:
    """`text` cut to at most `max_bytes` of UTF-8, never inside a character."""
    return text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def shorten(name: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """`name` within `max_bytes` of UTF-8, its extension kept."""
    if len(name.encode("utf-8")) <= max_bytes:
        return name
    stem, suffix = os.path.splitext(name)
    if len(suffix.encode("utf-8")) > MAX_SUFFIX_BYTES:
        stem, suffix = name, ""
    return _cut(stem, max_bytes - len(suffix.encode("utf-8"))).rstrip(" .") + suffix


def safe_name(name: str) -> str:
    """A plain file name: no folders, no control or odd characters, never hidden, and
    short enough for any file system (the extension kept)."""
    base = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name)
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")
    return shorten(base) if base else f"dokument-{uuid.uuid4().hex[:6]}"


def numbered(name: str, n: int) -> str:
    """"Žalba.txt", 2 -> "Žalba-2.txt", within MAX_NAME_BYTES."""
    stem, suffix = os.path.splitext(name)
    tail = f"-{n}{suffix}"
    return _cut(stem, MAX_NAME_BYTES - len(tail.encode("utf-8"))).rstrip(" .") + tail


def check(name: str, size: int, max_mb: float = MAX_UPLOAD_MB) -> UploadResult | None:
    """A refusal for an upload that is too big or of the wrong type, else None. MB as
    Streamlit counts them for maxUploadSize (2**20 bytes), so both refuse the same files."""
    size_mb = round(size / MB, 1)
    if size > max_mb * MB:
        return UploadResult("too_big", name, size_mb=size_mb)
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        return UploadResult("bad_type", name, size_mb=size_mb)
    return None


def _load(path: Path, source: str, max_chars: int) -> tuple[int, int, str]:
    """(chunks, text characters, "") when the loader can read the file, else (0, 0, reason).
    TooMuchText when its text passes `max_chars`."""
    from ingest.registry import load_file

    try:
        loaded = load_file(path, source)
    except SkipFile as e:
        return 0, 0, e.reason
    except Exception as e:  # a loader bug must not take the app down
        return 0, 0, f"{type(e).__name__}: {e}"
    if not loaded.chunks:
        return 0, 0, "no text could be extracted"
    chars = loaded_chars(loaded.chunks)
    if chars > max_chars:
        raise TooMuchText(chars, max_chars)
    return len(loaded.chunks), chars, ""


def place(tmp: Path, folder: Path, name: str) -> Path:
    """Give `tmp` its final name in `folder`: `name`, or the first free `numbered` one.
    A hard link fails rather than replace, so two sessions never take the same name."""
    for n in range(1, 1000):
        final = folder / (name if n == 1 else numbered(name, n))
        try:
            os.link(tmp, final)
        except FileExistsError:
            continue
        except OSError as e:
            if e.errno in DISK_FULL:
                raise
            if final.exists():  # a file system without hard links: check, then move
                continue
            tmp.replace(final)
            return final
        tmp.unlink(missing_ok=True)
        return final
    raise FileExistsError(errno.EEXIST, f"no free name for {name} in {folder}")


def _os_failure(e: OSError, name: str, folder: Path, original: str) -> UploadResult:
    status = "disk_full" if e.errno in DISK_FULL else "failed"
    return UploadResult(status, name, reason=f"{folder}: {e.strerror or e}", original=original)


def save_and_ingest(name: str, data: bytes, corpus: Path, index_dir: Path, user_dir: Path,
                    progress: Callable[[int, int, str], None] | None = None,
                    max_mb: float = MAX_UPLOAD_MB, workers: int = 1,
                    max_text_chars: int = MAX_TEXT_CHARS) -> UploadResult:
    """Save `data` in user_dir under a free name derived from `name` and rebuild the
    index with it. Never raises: every outcome is an UploadResult."""
    original = name
    name = safe_name(name)
    refused = check(name, len(data), max_mb)
    if refused:
        refused.original = original
        return refused
    # Keep the extension (the loader is chosen by it) and hide the temp file from a
    # concurrent scan: the pipeline ignores dot-files.
    tmp = user_dir / f"{TEMP_PREFIX}{uuid.uuid4().hex[:8]}{os.path.splitext(name)[1]}"
    try:
        user_dir.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(data)
        unpacked_chars(tmp, max_text_chars)
        n, chars, reason = _load(tmp, f"user/{name}", max_text_chars)
        if reason:
            return UploadResult("unreadable", name, f"user/{name}", reason=reason, original=original)
        final = place(tmp, user_dir, name)
    except TooMuchText as e:
        return UploadResult("too_much_text", name, reason=str(e), text_chars=e.chars, original=original)
    except OSError as e:
        return _os_failure(e, name, user_dir, original)
    finally:
        _remove(tmp)
    return _index(final, n, chars, corpus, index_dir, user_dir, progress, workers, original)


def _index(final: Path, n: int, chars: int, corpus: Path, index_dir: Path, user_dir: Path,
           progress, workers: int, original: str) -> UploadResult:
    """Rebuild the index with `final` in the folder; on failure remove it again."""
    from indexing.pipeline import build_index

    name, source = final.name, f"user/{final.name}"
    try:
        report = build_index(corpus, index_dir, user_dir=user_dir, workers=workers, progress=progress)
    except OSError as e:
        _remove(final)
        result = _os_failure(e, name, index_dir, original)
        result.source = source
        return result
    except Exception as e:  # noqa: BLE001 — PravniLekError, ValueError or a bug: the old index serves on
        _remove(final)
        reason = str(e) if isinstance(e, (PravniLekError, ValueError)) else f"{type(e).__name__}: {e}"
        return UploadResult("failed", name, source, reason=reason, original=original)
    if source in report.skipped:
        # The loader accepted it above but the pipeline did not: same outcome for the user.
        _remove(final)
        return UploadResult("unreadable", name, source, reason=report.skipped[source], original=original)
    return UploadResult("ok", name, source, chunks=n, skipped=dict(report.skipped), original=original,
                        text_chars=chars)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # nothing more can be done; the pipeline ignores dot-files anyway
        pass


def user_documents(documents: dict, prefix: str = "user/") -> list[str]:
    """Sources of the user's documents in the index."""
    return sorted(s for s in documents if s.startswith(prefix))
