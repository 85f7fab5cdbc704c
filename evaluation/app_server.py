"""The app served on loopback for a measurement or a test: `serve` runs `streamlit run
app.py` (or a test's launcher that wraps it) on a free 127.0.0.1 port, headless, with no
usage statistics and XSRF protection off (its clients are scripts on loopback, not
browsers holding its cookie); `small_index` builds the tests' small corpus and a BM25
index of it in a temp folder, so the real index is never touched.

    corpus, index_dir = small_index(root)
    with serve(corpus, index_dir, root / "moji", root / "streamlit.log") as url: ...

Used by the load test (evaluation.loadtest) and the browser tests.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(corpus: Path, index_dir: Path, user_dir: Path, log: Path, port: int | None = None,
          extra_env: dict[str, str] | None = None, script: str = "app.py"):
    """`streamlit run app.py` on 127.0.0.1 for the given index; yields its base URL.
    `script`: another Streamlit script to run, relative to the checkout (a test's
    launcher that wraps app.py)."""
    port = port or free_port()
    env = {**os.environ, "PRAVNI_LEK_CORPUS": str(corpus), "PRAVNI_LEK_INDEX": str(index_dir),
           "PRAVNI_LEK_USER_DIR": str(user_dir), **(extra_env or {})}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address",
             "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.enableXsrfProtection", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                        if r.read() == b"ok":
                            break
                except OSError:
                    time.sleep(0.5)
            else:
                raise RuntimeError(f"streamlit did not come up on {url}; see {log}")
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def small_index(root: Path) -> tuple[Path, Path]:
    """The test corpus (tests/ui_fixtures.py) and a BM25 index of it, under `root`."""
    sys.path.insert(0, str(ROOT))
    from indexing.pipeline import build_index
    from tests.ui_fixtures import make_ui_corpus

    corpus = make_ui_corpus(root / "corpus")
    build_index(corpus, root / "index", workers=1)
    return corpus, root / "index"
