"""Slow tier: the dense leg in a real Chroma server (`chroma run`, the CLI chromadb ships),
on 127.0.0.1 in a temporary folder, stopped at the end. The leg is built into it and
searched; then the server is killed in the middle of a query: the user gets BM25 results
with a notice that names the server, never an exception (issue 10, "Also")."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from indexing.pipeline import build_index
from indexing.build import sync_dense
from retrieval.searcher import Searcher
from tests.corpus_factory import make_corpus
from tests.fakes.embedder import fake_env

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
CHROMA = Path(sys.executable).with_name("chroma")
Q = "naknada štete žrtvi trgovine ljudima"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _up(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture()
def server(tmp_path):
    if not CHROMA.is_file() and not shutil.which("chroma"):
        pytest.skip("the chroma CLI (shipped with chromadb) is not installed")
    port = _free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([str(CHROMA if CHROMA.is_file() else shutil.which("chroma")), "run", "--path",
                             str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        end = time.monotonic() + 60  # a bound on start-up, not a measurement
        while not _up(port):
            assert proc.poll() is None, f"chroma run exited with {proc.returncode}"
            assert time.monotonic() < end, "chroma run did not answer its heartbeat within 60 s"
            time.sleep(0.2)
        yield proc, port
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture()
def index(tmp_path, server):
    _, port = server
    corpus = make_corpus(tmp_path / "corpus")
    build_index(corpus, tmp_path / "idx", workers=1)
    counts = sync_dense(tmp_path / "idx", embedder="fake", chroma_host=f"127.0.0.1:{port}", show_progress=False)
    assert counts["embedded"] == counts["total"] == 5
    return tmp_path / "idx"


def test_dense_leg_built_into_and_searched_in_a_chroma_server(index, server, tmp_path):
    searcher = Searcher(index)
    hits = searcher.search(Q, k=5, mode="hybrid")
    assert hits and any("dense" in h.via for h in hits)
    assert searcher.search(Q, k=3, mode="dense")
    assert not (index / "chroma").exists()  # the vectors live in the server's folder
    assert any((tmp_path / "server-data").iterdir())
    assert searcher.notices == []


def test_server_killed_mid_query_gives_bm25_with_a_notice(index, server):
    proc, port = server
    searcher = Searcher(index)
    assert any("dense" in h.via for h in searcher.search(Q, k=5, mode="hybrid"))
    dense = searcher.dense.dense
    real_embed = dense.embedder.embed_query

    def embed_then_kill(text):  # the query has begun: its vector is made, Chroma not yet asked
        vector = real_embed(text)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        return vector

    dense.embedder.embed_query = embed_then_kill
    # Another wording: the first one's vector is kept (one search embeds a text for several legs).
    again = Q + " Molim odgovor."
    hits = searcher.search(again, k=5, mode="hybrid")
    dense.embedder.embed_query = real_embed
    assert hits and all("dense" not in h.via for h in hits)
    assert [h.chunk.id for h in hits] == [h.chunk.id for h in searcher.search(again, k=5, mode="bm25")]
    [notice] = searcher.notices
    assert f"Chroma server 127.0.0.1:{port}" in notice and "BM25" in notice
    # the command line, in a new process, with the server gone: an answer and the notice
    # (the index's dense leg is the fake embedder: fake_env installs it in the new process)
    out = subprocess.run([sys.executable, "-m", "answer", "--index", str(index), Q], cwd=ROOT, env=fake_env(),
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() and "Traceback" not in out.stderr
    assert f"127.0.0.1:{port}" in out.stderr and "BM25" in out.stderr
