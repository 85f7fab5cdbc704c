"""`python -m evaluation.bench`: each measurement returns numbers under the expected keys.
No assertion on how long anything took (benchmarks report, they do not test)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation import bench
from evaluation import bench_measure as B
from tests.corpus_factory import make_dense_index
from tests.fakes.embedder import fake_env

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> tuple[Path, Path]:
    return make_dense_index(tmp_path_factory.mktemp("bench"))


def _numbers(d: dict, keys: set[str]) -> None:
    assert keys <= set(d), keys - set(d)
    for k in keys:
        assert isinstance(d[k], (int, float)) and not isinstance(d[k], bool), (k, d[k])


def test_pct_and_sizes(tiny):
    _, index = tiny
    _numbers(B.pct([3.0, 1.0, 2.0]), {"n", "p50", "p95", "max", "mean"})
    assert B.pct([3.0, 1.0, 2.0])["p50"] == 2.0 and B.pct([])["n"] == 0
    sizes = B.index_sizes(index)
    _numbers(sizes, {"chunks.jsonl", "bm25", "chroma", "embedding_cache", "total"})
    assert sizes["total"] == sum(v for k, v in sizes.items() if k != "total") > 0


def test_build_and_rebuild(tiny, tmp_path: Path):
    corpus, _ = tiny
    r = B.build_lexical(corpus, tmp_path / "idx", workers=1)
    _numbers(r, {"seconds", "files", "chunks", "chars", "files_per_s", "chunks_per_s", "rebuild_no_change_seconds"})
    assert r["rebuild_up_to_date"] is True and r["files"] == 3


def test_dense_and_embed_rates(tiny):
    from tests.fakes.embedder import FakeEmbedder

    _, index = tiny
    r = B.dense_rate(index, n=3, embedder="fake")
    _numbers(r, {"chunks", "chars", "seconds", "chunks_per_s", "ms_per_char"})
    assert r["chunks"] == 3
    _numbers(B.embed_rate(["a b c", "d e"], FakeEmbedder()), {"texts", "chars", "seconds", "ms_per_char"})


def test_latency_warm_and_cold(tiny, monkeypatch):
    _, index = tiny
    # cold_query and peak_memory start new processes: fake_env's PYTHONPATH installs the fake there.
    monkeypatch.setenv("PYTHONPATH", fake_env()["PYTHONPATH"])
    lat = bench.latency(index, ["naknada štete žrtvi", "Article 4 trafficking"])
    _numbers(lat["hybrid"]["search"], {"p50", "p95"})
    _numbers(lat["hybrid"]["answer"], {"p50", "p95"})
    assert len(lat["bm25"]["search_ms"]) == 2 and "answer" not in lat["bm25"]
    cold = B.cold_query(index, "naknada štete", "hybrid", runs=1)
    _numbers(cold["runs"][0], {"import_ms", "first_query_ms", "second_query_ms"})
    peak = B.peak_memory(index, ["naknada štete žrtvi"])
    _numbers(peak, {"questions", "max_rss_mb"})
    assert peak["max_rss_mb"] > 0


def test_scale_view_and_pdf_rate(tmp_path: Path):
    from tests.pdf_fixtures import write_pdf

    scale = tmp_path / "full"
    (scale / "pis").mkdir(parents=True)
    (scale / "pis" / "0001-x.json").write_text(json.dumps({"provisions": []}), encoding="utf-8")
    view = B.scale_view(scale, tmp_path / "view")
    assert (view / "zakoni" / "pis" / "0001-x.json").resolve() == (scale / "pis" / "0001-x.json").resolve()
    pdf = write_pdf(tmp_path / "b.pdf", ["Prva strana presude o naknadi štete.", "Druga strana presude."])
    _numbers(B.pdf_rate(pdf, "sudska_praksa/bilteni/as_bg/b.pdf"), {"seconds", "pages_with_text", "pages_per_s"})


def test_machine_and_targets():
    m = bench.machine()
    assert m["logical_cores"] >= 1 and m["ram_gb"] > 0 and "python" in m["versions"]
    report = {"main": {"latency": {"hybrid": {"search": {"p95": 120.0}, "answer": {"p95": 700.0}}}},
              "full_build": {"rebuild_no_change_seconds": 2.0}}
    quality = {"full": {"results": {"hybrid": {"recall@k": 0.8, "mrr": 0.8, "abstention_accuracy": 0.9,
                                               "answers": {"gold_citation_share": 0.95, "verified_citation_share": 1.0}}}}}
    rows = {r["target"]: r for r in bench.compare(report, quality)}
    assert rows["retrieval_p95_ms"]["met"] is True and rows["answer_p95_ms"]["met"] is False
    assert rows["answer_p95_ms"]["gap"] == 200.0 and rows["recall@5"]["met"] is False
    assert rows["verified_citation_share"]["met"] is True
    assert all(r["met"] is None for r in bench.compare({}, {}))


def test_search_while_the_dense_leg_fills(tiny):
    from evaluation.bench_partial import partial_dense

    _, index = tiny
    r = partial_dense(index, ["naknada štete žrtvi", "Article 4 trafficking"], embedder="fake", chunks=4)
    for mode in ("bm25", "hybrid", "dense_partial"):
        _numbers(r[mode], {"n", "p50", "p95", "max", "mean"})
    assert r["bm25"]["n"] == r["hybrid"]["n"] == 2 and r["chunks"] == 4
    _numbers(r, {"hybrid_while_filling", "hybrid_used_dense"})
    # hybrid never queried a partial leg: any hybrid sample that used the dense leg was
    # taken once it was complete
    assert r["hybrid_used_dense"] <= r["hybrid"]["n"] - r["hybrid_while_filling"]
