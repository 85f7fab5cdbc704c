"""The ingest pipeline: build, idempotent re-run, bad inputs, interruption, atomic swap."""
from __future__ import annotations

import os

import pytest

import indexing.pipeline as pipeline
from core import store
from indexing.__main__ import main as ingest_main
from indexing.pipeline import build_index
from tests.corpus_factory import add_bad_inputs, make_corpus

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds


@pytest.fixture()
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus")


def ids(index_dir):
    return sorted(c.id for c in store.read_chunks(store.require_build(index_dir)))


def test_build_counts_and_sources(corpus, tmp_path):
    report = build_index(corpus, tmp_path / "idx", workers=1)
    assert report.counts["law"] == {"documents": 1, "chunks": 2}
    assert report.counts["echr_judgment"]["documents"] == 1
    assert report.counts["user_document"]["documents"] == 1
    chunks = store.read_chunks(report.build)
    assert {c.source for c in chunks} == {"zakoni/zakon_o_probnoj_naknadi.txt", "echr/001-999999.json",
                                          "user/beleska.txt"}
    assert not report.skipped  # README.md is corpus metadata, not a skipped file


def test_rerun_unchanged_reads_nothing_and_keeps_ids(corpus, tmp_path):
    idx = tmp_path / "idx"
    first = build_index(corpus, idx, workers=1)
    before = ids(idx)
    again = build_index(corpus, idx, workers=1)
    assert again.up_to_date and again.read == 0 and again.build == first.build
    assert ids(idx) == before


def test_changed_analyzer_rebuilds_bm25_without_reparsing(corpus, tmp_path, monkeypatch):
    import json

    import indexing.build

    idx = tmp_path / "idx"
    first = build_index(corpus, idx, workers=1)
    monkeypatch.setattr(indexing.build, "lexical_version", lambda: "another-analyzer")
    again = build_index(corpus, idx, workers=1)
    assert not again.up_to_date and again.build != first.build
    assert again.read == 0 and again.reused == 3  # the stored chunks, not the files
    assert ids(idx) == sorted(c.id for c in store.read_chunks(first.build))
    manifest = json.loads((again.build / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lexical_version"] == "another-analyzer"
    assert build_index(corpus, idx, workers=1).up_to_date  # and then it is current again


def test_changed_file_is_the_only_one_read(corpus, tmp_path):
    idx = tmp_path / "idx"
    build_index(corpus, idx, workers=1)
    (corpus / "user" / "beleska.txt").write_text("Nova beleška o zastarelosti.", encoding="utf-8")
    report = build_index(corpus, idx, workers=1)
    assert report.read == 1 and report.reused == 2
    texts = [c.text for c in store.read_chunks(report.build) if c.source == "user/beleska.txt"]
    assert texts == ["Nova beleška o zastarelosti."]


def test_same_ids_from_a_fresh_index(corpus, tmp_path):
    build_index(corpus, tmp_path / "a", workers=1)
    build_index(corpus, tmp_path / "b", workers=2)  # the process-pool path gives the same records
    assert ids(tmp_path / "a") == ids(tmp_path / "b")


def test_bad_inputs_are_reported_and_the_run_goes_on(corpus, tmp_path, capsys):
    expected = add_bad_inputs(corpus)
    rc = ingest_main(["--corpus", str(corpus), "--index", str(tmp_path / "idx"), "--no-dense",
                      "--quiet", "--workers", "1", "--user-dir", str(tmp_path / "none")])
    out = capsys.readouterr().out
    assert rc == 0
    for source, word in expected.items():
        lines = [ln for ln in out.splitlines() if ln.startswith(f"skipped: {source}: ")]
        assert len(lines) == 1, out
        assert word in lines[0].lower(), lines[0]
    assert "law" in out and "user_document" in out


def test_skipped_files_are_not_reread(corpus, tmp_path):
    add_bad_inputs(corpus)
    idx = tmp_path / "idx"
    first = build_index(corpus, idx, workers=1)
    again = build_index(corpus, idx, workers=1)
    assert again.up_to_date and again.skipped == first.skipped


def test_file_removed_during_run(corpus, tmp_path):
    victim = corpus / "zakoni" / "zakon_o_probnoj_naknadi.txt"

    def progress(done, total, source):
        if victim.exists():
            victim.unlink()  # vanishes after the first file is read, before its turn

    report = build_index(corpus, tmp_path / "idx", workers=1, progress=progress)
    assert report.skipped == {"zakoni/zakon_o_probnoj_naknadi.txt": "file disappeared during ingest"}
    assert report.build is not None


def test_unreadable_file(corpus, tmp_path, monkeypatch):
    real = pipeline.sha256_file

    def deny(path):
        if path.name == "beleska.txt":  # tests run as root, where chmod 000 still reads
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(pipeline, "sha256_file", deny)
    report = build_index(corpus, tmp_path / "idx", workers=1)
    assert "permission denied" in report.skipped["user/beleska.txt"]


def test_ctrl_c_mid_build_keeps_previous_index(corpus, tmp_path, monkeypatch):
    idx = tmp_path / "idx"
    first = build_index(corpus, idx, workers=1)
    before = ids(idx)
    (corpus / "user" / "druga.txt").write_text("Druga beleška.", encoding="utf-8")
    (corpus / "user" / "beleska.txt").write_text("Izmenjena beleška.", encoding="utf-8")
    calls = []
    real = pipeline.load_file

    def interrupted(path, source):
        calls.append(source)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(path, source)

    monkeypatch.setattr(pipeline, "load_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, idx, workers=1)
    assert store.current_build(idx) == first.build
    assert ids(idx) == before
    assert not list((idx / "builds").glob(".tmp-*")), "half-written build left behind"


def test_failure_in_index_build_keeps_previous_index(corpus, tmp_path, monkeypatch):
    idx = tmp_path / "idx"
    first = build_index(corpus, idx, workers=1)
    (corpus / "user" / "beleska.txt").write_text("Izmena.", encoding="utf-8")
    import indexing.build

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(indexing.build, "build_lexical", boom)
    with pytest.raises(OSError):
        build_index(corpus, idx, workers=1)
    assert store.current_build(idx) == first.build
    assert not list((idx / "builds").glob(".tmp-*"))


def test_missing_corpus_exits_nonzero(tmp_path, capsys):
    rc = ingest_main(["--corpus", str(tmp_path / "nope"), "--index", str(tmp_path / "idx"),
                      "--no-dense", "--quiet"])
    assert rc == 1
    assert "corpus directory not found" in capsys.readouterr().err


def test_old_builds_are_collected(corpus, tmp_path, monkeypatch):
    from core import builds

    monkeypatch.setattr(builds, "GRACE_SECONDS", -1.0)  # no reader to wait for here
    idx = tmp_path / "idx"
    for i in range(4):
        (corpus / "user" / "beleska.txt").write_text(f"Verzija {i}.", encoding="utf-8")
        os.utime(corpus / "user" / "beleska.txt", ns=(10**18 + i, 10**18 + i))
        build_index(corpus, idx, workers=1)
    assert len([p for p in (idx / "builds").iterdir()]) == store.KEEP_BUILDS
