"""Issue 10, item 3: a build killed by SIGTERM or kill -9 leaves no worker process behind,
and SIGTERM discards the unfinished build as Ctrl-C does."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from core import store
from indexing.pipeline import build_index
from tests.corpus_factory import make_corpus

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds

ROOT = Path(__file__).resolve().parents[2]
# A build whose two workers each get stuck on a file (each notes its pid first).
SCRIPT = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
import indexing.pipeline as pipeline

def stuck(path, source):
    Path({marks!r}, str(os.getpid())).write_text(source)
    time.sleep(300)

pipeline.load_file = stuck
from indexing.__main__ import main
sys.exit(main(["--corpus", {corpus!r}, "--index", {index!r}, "--no-dense", "--quiet", "--workers", "2"]))
"""


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _wait(condition, limit: float) -> bool:
    """Poll `condition` until it holds or `limit` seconds pass (a bound, not a timing)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_workers_end_with_a_killed_build(tmp_path, sig):
    corpus = make_corpus(tmp_path / "corpus")
    idx = tmp_path / "idx"
    serving = build_index(corpus, idx, workers=1).build
    (corpus / "user" / "nova.txt").write_text("Nova beleška o naknadi.", encoding="utf-8")
    (corpus / "user" / "druga.txt").write_text("Druga beleška o naknadi.", encoding="utf-8")
    marks = tmp_path / "marks"
    marks.mkdir()
    code = SCRIPT.format(root=str(ROOT), marks=str(marks), corpus=str(corpus), index=str(idx))
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers: list[int] = []
    try:
        assert _wait(lambda: len(list(marks.iterdir())) >= 2, 60), parent.communicate(timeout=5)
        workers = [int(p.name) for p in marks.iterdir()]
        assert all(_alive(pid) for pid in workers)
        parent.send_signal(sig)
        _, err = parent.communicate(timeout=30)
        assert _wait(lambda: not any(_alive(pid) for pid in workers), 20), "orphaned workers still running"
        if sig == signal.SIGTERM:
            assert parent.returncode == 130, err
            assert b"Traceback" not in err
            assert not list((idx / "builds").glob(".tmp-*"))  # the unfinished build was discarded
        assert store.current_build(idx) == serving
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in workers:  # only what this test started
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_worker_whose_parent_is_gone_exits_at_once():
    from ingest.workers import init_worker

    # In a child process: init with a parent pid that is not its parent.
    code = ("import sys; sys.path.insert(0, %r)\n"
            "from ingest.workers import init_worker\ninit_worker(1)\nprint('survived')") % str(ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert out.returncode == 1 and b"survived" not in out.stdout
    assert callable(init_worker)
