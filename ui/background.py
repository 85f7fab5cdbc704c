"""The dense (embedding) leg, built in a detached background process while the app
serves from BM25.

`start_dense` runs `python -m ingest --corpus … --index … --user-dir …` (which finds the
lexical build up to date and goes on to embed), detached from the app's session, its
output in <index>/dense.log. A pid file <index>/dense.pid, created exclusively, makes
sure that no second process starts while one runs, whichever session asks.

Not here: deciding when to start (app.py), the embedding itself (indexing.build).
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Mapping

from core.paths import REPO_ROOT

PID_FILE = "dense.pid"
LOG_FILE = "dense.log"


def _alive(pid: int) -> bool:
    try:
        import psutil

        proc = psutil.Process(pid)
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except Exception:  # no such process, or no permission to look: treat as gone
        return False


def running_pid(index_dir: Path) -> int | None:
    """The pid of the dense build running for this index, or None."""
    try:
        pid = int((Path(index_dir) / PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


def recently_updated(status: dict, within_s: float = 120.0) -> bool:
    """Whether a dense build (ours or one started from the command line) wrote progress
    within the last `within_s` seconds, i.e. is most likely still running."""
    from datetime import datetime, timezone

    try:
        when = datetime.fromisoformat(str(status.get("updated_at")))
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return (datetime.now(timezone.utc) - when).total_seconds() < within_s


def _claim(pid_file: Path) -> bool:
    """Create the pid file exclusively; clear a stale one (its process is gone) once."""
    for _ in range(2):
        try:
            fd = os.open(pid_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            os.close(fd)
            return True
        except FileExistsError:
            if running_pid(pid_file.parent) is not None:
                return False
            try:
                st = pid_file.stat()
            except FileNotFoundError:
                continue
            if st.st_size == 0 and time.time() - st.st_mtime < 30:
                return False  # another session claimed it this instant and is starting it
            pid_file.unlink(missing_ok=True)
    return False


def dense_command(corpus: Path, index_dir: Path, user_dir: Path | None, python: str = sys.executable) -> list[str]:
    cmd = [python, "-m", "ingest", "--corpus", str(corpus), "--index", str(index_dir), "--quiet"]
    if user_dir is not None:
        cmd += ["--user-dir", str(user_dir)]
    return cmd


def start_dense(corpus: Path, index_dir: Path, user_dir: Path | None, env: Mapping[str, str],
                python: str = sys.executable) -> str:
    """Start the background dense build; returns "started" or "running" (one already runs)."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    pid_file = index_dir / PID_FILE
    if not _claim(pid_file):
        return "running"
    try:
        with open(index_dir / LOG_FILE, "ab") as log:
            proc = subprocess.Popen(
                dense_command(corpus, index_dir, user_dir, python), cwd=REPO_ROOT, env=dict(env),
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # survives the app's session and its Ctrl-C
            )
    except BaseException:
        pid_file.unlink(missing_ok=True)
        raise
    pid_file.write_text(str(proc.pid))
    # Reap it when it ends, so a finished build does not linger as a zombie "running".
    threading.Thread(target=proc.wait, daemon=True).start()
    return "started"
