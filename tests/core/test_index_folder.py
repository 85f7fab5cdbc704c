"""Issue 10, items 2, 4 and 9: ingest deletes only what it wrote, refuses a folder of
other things, keeps a replaced build while a reader may still open it, and a full disk
is one clear line with the old index serving and no partial files left."""
from __future__ import annotations

import errno
import os

import pytest

from core import builds, store
from indexing.__main__ import main as ingest_main
from core.errors import NotAnIndex
from indexing.pipeline import build_index
from tests.corpus_factory import make_corpus

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds


@pytest.fixture()
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus")


def _cli(corpus, index_dir) -> int:
    return ingest_main(["--corpus", str(corpus), "--index", str(index_dir), "--no-dense", "--quiet",
                        "--workers", "1"])


def _new_version(corpus, i: int) -> None:
    path = corpus / "user" / "beleska.txt"
    path.write_text(f"Beleška, verzija {i}.", encoding="utf-8")
    os.utime(path, ns=(10**18 + i, 10**18 + i))


# -- item 2: only what the project wrote ------------------------------------------------
def test_a_folder_of_other_things_is_refused_and_left_alone(corpus, tmp_path, capsys):
    foreign = tmp_path / "P"
    for name in ("v1.0", "v2.0", "v3.0"):
        (foreign / "builds" / name).mkdir(parents=True)
        (foreign / "builds" / name / "data.txt").write_text(name, encoding="utf-8")
    assert _cli(corpus, foreign) == 1
    err = capsys.readouterr().err
    assert f"index folder {foreign} is not empty and is not a Pravni lek index" in err
    assert "builds/v1.0" in err and "Traceback" not in err
    assert sorted(p.name for p in (foreign / "builds").iterdir()) == ["v1.0", "v2.0", "v3.0"]
    with pytest.raises(NotAnIndex, match=str(foreign)):
        build_index(corpus, foreign, workers=1)
    with pytest.raises(NotAnIndex, match="is a file"):
        build_index(corpus, tmp_path / "corpus" / "README.md", workers=1)


def test_folders_of_others_inside_an_index_are_never_collected(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(builds, "GRACE_SECONDS", -1.0)
    idx = tmp_path / "idx"
    build_index(corpus, idx, workers=1)
    for name in ("v1.0", "v2.0", "v3.0", ".tmp-mine"):
        (idx / "builds" / name).mkdir()
        old = 10**9
        os.utime(idx / "builds" / name, (old, old))
    for i in range(3):
        _new_version(corpus, i)
        build_index(corpus, idx, workers=1)
    names = {p.name for p in (idx / "builds").iterdir()}
    assert {"v1.0", "v2.0", "v3.0", ".tmp-mine"} <= names
    ours = [p for p in (idx / "builds").iterdir() if builds.is_ours(p)]
    assert len(ours) == builds.KEEP_BUILDS and all((p / builds.BUILD_MARKER).is_file() for p in ours)


def test_builds_of_older_versions_count_as_ours(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(builds, "GRACE_SECONDS", -1.0)
    idx = tmp_path / "idx"
    first = build_index(corpus, idx, workers=1).build
    (first / builds.BUILD_MARKER).unlink()  # as a build written before the marker existed
    assert builds.is_ours(first)
    builds.check_index_dir(idx)
    for i in range(3):
        _new_version(corpus, i)
        build_index(corpus, idx, workers=1)
    assert not first.exists()


def test_an_empty_or_missing_folder_and_an_index_folder_are_accepted(tmp_path):
    builds.check_index_dir(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    builds.check_index_dir(tmp_path / "empty")
    (tmp_path / "dense_only").mkdir()
    (tmp_path / "dense_only" / "embeddings.sqlite").write_bytes(b"")
    builds.check_index_dir(tmp_path / "dense_only")


# -- item 4: a replaced build stays while a reader may still be opening it ---------------
def test_a_build_read_from_current_survives_quick_publishes(corpus, tmp_path):
    idx = tmp_path / "idx"
    build_index(corpus, idx, workers=1)
    opened = store.require_build(idx)  # a Searcher has read CURRENT and starts loading…
    for i in range(4):  # …while builds are published faster than KEEP_BUILDS allows for
        _new_version(corpus, i)
        build_index(corpus, idx, workers=1)
    assert store.current_build(idx) != opened
    assert store.read_chunks(opened) and (opened / "bm25").is_dir()
    # once its grace period is over it goes
    gone = builds.collect_garbage(idx, keep=store.current_build(idx).name,
                                  now=(opened / builds.RETIRED_MARKER).stat().st_mtime
                                  + builds.GRACE_SECONDS + 1)
    assert opened in gone and not opened.exists()


# -- item 9: a full disk ------------------------------------------------------------------
def _full_disk_after(monkeypatch, target: str, nbytes: int = 10):
    """Make store.<target> write a few bytes, then fail as a full disk does."""
    real_open = open

    def failing(path, *a, **kw):
        f = real_open(path, *a, **kw)
        f.write("x" * nbytes)
        f.close()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    if target == "write_jsonl":
        monkeypatch.setattr(store, "write_jsonl", lambda path, rows: failing(path, "w", encoding="utf-8"))
    else:  # the CURRENT pointer, written last
        from pathlib import Path

        real = Path.write_text

        def write_text(self, data, *a, **kw):
            if self.name.startswith(".CURRENT."):
                failing(self, "w", encoding="utf-8")
            return real(self, data, *a, **kw)

        monkeypatch.setattr(Path, "write_text", write_text)


@pytest.mark.parametrize("target", ["write_jsonl", "pointer"])
def test_a_full_disk_is_one_clear_line_and_the_old_index_serves(corpus, tmp_path, monkeypatch, capsys, target):
    idx = tmp_path / "idx"
    assert _cli(corpus, idx) == 0
    serving = store.current_build(idx)
    chunk_ids = [c.id for c in store.read_chunks(serving)]
    capsys.readouterr()
    _new_version(corpus, 1)
    _full_disk_after(monkeypatch, target)
    rc = _cli(corpus, idx)
    err = capsys.readouterr().err
    assert rc == 0  # an index is serving (the documented exit code)
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in err
    assert "No space left on device" in lines[0] and str(idx) in lines[0]
    assert "previous index (if any) keeps serving" in lines[0]
    assert store.current_build(idx) == serving
    assert [c.id for c in store.read_chunks(serving)] == chunk_ids
    assert sorted(p.name for p in (idx / "builds").iterdir()) == [serving.name]  # no partial build
    assert not list(idx.glob(".CURRENT.*")) and not list(idx.rglob("*.tmp"))
    assert not (serving / builds.RETIRED_MARKER).exists()


def test_a_full_disk_on_the_first_build_exits_1(corpus, tmp_path, monkeypatch, capsys):
    _full_disk_after(monkeypatch, "write_jsonl")
    assert _cli(corpus, tmp_path / "idx") == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert not [p for p in (tmp_path / "idx" / "builds").iterdir()]


def test_a_full_disk_while_the_dense_leg_fills_is_one_line(corpus, tmp_path, monkeypatch, capsys):
    from pathlib import Path

    idx = tmp_path / "idx"
    real = Path.write_text

    def write_text(self, data, *a, **kw):
        if self.name.startswith(".dense_status.json."):
            real(self, data[:5], *a, **kw)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, data, *a, **kw)

    monkeypatch.setattr(Path, "write_text", write_text)
    rc = ingest_main(["--corpus", str(corpus), "--index", str(idx), "--embedder", "fake", "--quiet",
                      "--workers", "1"])
    err = capsys.readouterr().err
    assert rc == 0 and store.current_build(idx) is not None  # BM25 serves
    lines = [ln for ln in err.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith("error: dense leg not finished:") and "No space left on device" in lines[0]
    assert str(idx) in lines[0] and "BM25 serves" in lines[0]
    assert not list(idx.glob(".dense_status.json.*"))
