"""First start on a machine without an index: build the lexical index with a progress
bar, then start the dense leg in the background (the app serves from BM25 meanwhile).

One build at a time per process (a lock), so two browser tabs opened at once do not
build twice. Not here: the build itself (indexing.pipeline), the dense process
(ui.background).
"""
from __future__ import annotations

import os
import threading
from typing import Mapping

import streamlit as st

from core.store import current_build
from core.settings import AppConfig
from ui.strings import t

_BUILD_LOCK = threading.Lock()


def ensure_index(cfg: AppConfig, lang: str, env: Mapping[str, str]) -> bool:
    """True when an index serves (building it first if needed); False after showing why not."""
    if current_build(cfg.index_dir) is not None:
        return True
    if not cfg.corpus.is_dir():
        st.error(t("no_corpus", lang, index=str(cfg.index_dir), corpus=str(cfg.corpus)))
        return False
    from indexing.pipeline import build_index

    with _BUILD_LOCK:
        if current_build(cfg.index_dir) is not None:  # another session built it meanwhile
            return True
        slot = st.empty()
        with slot.container():
            st.info(t("first_build", lang, corpus=str(cfg.corpus)))
            bar = st.progress(0.0)

        def progress(done: int, total: int, source: str) -> None:
            bar.progress(min(done / max(total, 1), 1.0),
                         text=t("first_build_progress", lang, done=done, total=total, source=source))

        try:
            build_index(cfg.corpus, cfg.index_dir, user_dir=cfg.user_dir,
                        workers=max(1, min(2, os.cpu_count() or 1)), progress=progress)
        except Exception as e:  # noqa: BLE001 — say why, leave nothing half-built (the pipeline is atomic)
            st.error(t("build_failed", lang, error=f"{type(e).__name__}: {e}"))
            return False
        slot.empty()
    from ui.background import start_dense

    start_dense(cfg.corpus, cfg.index_dir, cfg.user_dir, env)
    return True
