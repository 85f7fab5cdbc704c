"""The bounded load test against the running app (slow tier, issue 10): 20 concurrent
sessions on 127.0.0.1 ask, filter and upload for up to a few minutes; no session may
see an exception, an error message, a missing answer or a lost upload. The timings are
printed (and kept in evaluation/RESULTS.md), never asserted."""
from __future__ import annotations

import asyncio
import json

import pytest

from evaluation.app_server import serve, small_index
from evaluation.loadtest import run_load

pytestmark = pytest.mark.slow
SESSIONS = 20


def test_twenty_sessions_ask_filter_and_upload_without_errors(tmp_path):
    corpus, index_dir = small_index(tmp_path)
    user_dir = tmp_path / "moji"
    with serve(corpus, index_dir, user_dir, tmp_path / "streamlit.log") as url:
        result = asyncio.run(run_load(url, SESSIONS, duration=150, loops=4, timeout=120))
    print(json.dumps(result, ensure_ascii=False, indent=2))
    assert result["errors"] == 0, result["error_samples"]
    assert result["sessions_finished_a_loop"] == SESSIONS
    assert result["actions"]["ask"]["count"] >= SESSIONS and result["actions"]["filter"]["count"] >= SESSIONS
    # Every session uploaded its own note, and every note is in the folder (none overwritten).
    assert result["actions"]["upload"]["count"] == SESSIONS
    assert sorted(p.name for p in user_dir.iterdir()) == sorted(f"beleska-sesija-{n}.txt" for n in range(SESSIONS))
