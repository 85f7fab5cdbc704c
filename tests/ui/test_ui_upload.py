"""Uploads into the user folder: refusals touch nothing, an unreadable file is removed
with the loader's reason, a pipeline failure restores the folder; the background dense
process is started once."""
from __future__ import annotations

import contextlib
import os
import stat
import time

import pytest

import indexing.pipeline
from core import store
from tests.ui_fixtures import own_index, ui_index  # noqa: F401 (fixtures)
from ui.background import PID_FILE, running_pid, start_dense
from ui.upload import check, safe_name, save_and_ingest

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds


def test_safe_name_strips_folders_and_odd_characters():
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("C:\\Users\\a\\Žalba (1).pdf") == "Žalba _1_.pdf"
    assert safe_name(".hidden.txt") == "hidden.txt"


def test_too_big_and_wrong_type_are_refused_before_anything_is_written(own_index):
    corpus, index_dir, user = own_index
    assert check("a.pdf", 21_000_000, max_mb=20).status == "too_big"
    assert check("a.pdf", 20 * 2**20, max_mb=20) is None  # what Streamlit's maxUploadSize lets through
    r = save_and_ingest("a.exe", b"MZ", corpus, index_dir, user)
    assert r.status == "bad_type" and not user.exists()
    r = save_and_ingest("a.txt", b"x" * 2_200_000, corpus, index_dir, user, max_mb=2)
    assert r.status == "too_big" and r.size_mb == 2.1 and not user.exists()


def test_unreadable_file_is_removed_and_index_unchanged(own_index):
    corpus, index_dir, user = own_index
    before = store.require_build(index_dir).name
    r = save_and_ingest("prazno.txt", b"", corpus, index_dir, user)
    assert r.status == "unreadable" and r.reason
    assert list(user.iterdir()) == []
    assert store.require_build(index_dir).name == before


def test_pipeline_failure_restores_the_previous_file(own_index, monkeypatch):
    corpus, index_dir, user = own_index
    user.mkdir()
    (user / "beleska2.txt").write_text("stara verzija", encoding="utf-8")
    before = store.require_build(index_dir).name

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(indexing.pipeline, "build_index", boom)
    r = save_and_ingest("beleska2.txt", "nova verzija".encode(), corpus, index_dir, user)
    assert r.status == "failed" and "disk full" in r.reason
    assert (user / "beleska2.txt").read_text(encoding="utf-8") == "stara verzija"
    assert sorted(p.name for p in user.iterdir()) == ["beleska2.txt"]  # the new one is gone again
    assert store.require_build(index_dir).name == before


def _fake_python(tmp_path, seconds: int) -> str:
    script = tmp_path / "fake-python"
    script.write_text(f"#!/bin/sh\necho \"$@\"\nsleep {seconds}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_dense_background_starts_once_and_logs(tmp_path):
    index_dir = tmp_path / "idx"
    python = _fake_python(tmp_path, 5)
    assert start_dense(tmp_path / "corpus", index_dir, tmp_path / "moji", dict(os.environ), python=python) == "started"
    pid = running_pid(index_dir)
    assert pid is not None
    assert start_dense(tmp_path / "corpus", index_dir, None, dict(os.environ), python=python) == "running"
    log = index_dir / "dense.log"
    for _ in range(100):  # the child writes its command line first thing
        if log.read_text():
            break
        time.sleep(0.05)
    os.kill(pid, 15)
    for _ in range(50):
        if running_pid(index_dir) is None:
            break
        time.sleep(0.1)
    assert running_pid(index_dir) is None
    text = log.read_text()
    assert "-m ingest --corpus" in text and "--user-dir" in text


def test_stale_pid_file_does_not_block_a_new_start(tmp_path):
    index_dir = tmp_path / "idx"
    index_dir.mkdir()
    (index_dir / PID_FILE).write_text("999999999")
    python = _fake_python(tmp_path, 1)
    assert start_dense(tmp_path, index_dir, None, dict(os.environ), python=python) == "started"
    pid = running_pid(index_dir)
    assert pid is not None and pid != 999999999
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, 15)


def test_recently_updated_progress_counts_as_running():
    from datetime import datetime, timedelta, timezone

    from ui.background import recently_updated

    now = datetime.now(timezone.utc)
    assert recently_updated({"updated_at": now.isoformat()})
    assert not recently_updated({"updated_at": (now - timedelta(minutes=10)).isoformat()})
    assert not recently_updated({"updated_at": None}) and not recently_updated({})
