"""Index status (counts per kind, build time, the dense leg's progress) and the answer
settings (mode, endpoint, GGUF path, the warning for an endpoint off the machine).
Renders only.
"""
from __future__ import annotations

from typing import Callable

import streamlit as st

from core.settings import DEFAULT_LLM_ENDPOINT
from ui.corpus_page import count_rows
from ui.display import md_text
from ui.settings import MODES, AnswerSettings, endpoint_host, is_remote
from ui.strings import t


def dense_line(status: dict, running: bool, lang: str) -> tuple[str, str]:
    """("info" | "success", text) describing the dense leg from `state.dense_progress`."""
    if status.get("complete"):
        return "success", "✓ " + t("dense_ready", lang, model=status.get("model", ""))
    if running:
        return "info", ":material/hourglass_top: " + t("dense_building", lang, done=status.get("done", 0), total=status.get("total") or "?")
    if status:
        return "info", t("dense_stalled", lang, done=status.get("done", 0), total=status.get("total") or "?")
    return "info", t("dense_none", lang)


def summary(manifest: dict, lang: str) -> str:
    counts = manifest.get("counts", {})
    return t("status_summary", lang, documents=sum(c.get("documents", 0) for c in counts.values()),
             chunks=sum(c.get("chunks", 0) for c in counts.values()),
             built_at=str(manifest.get("built_at", "?")).replace("T", " ")[:16])


def render_sidebar_status(manifest: dict, dense: dict, running: bool, lang: str) -> None:
    st.caption(summary(manifest, lang))
    st.caption(dense_line(dense, running, lang)[1])


def render_status(manifest: dict, dense: dict, lang: str, start_dense: Callable[[], str] | None,
                  dense_running: bool) -> None:
    st.title(t("status_title", lang))
    st.markdown(summary(manifest, lang))
    st.dataframe(count_rows(manifest.get("counts", {}), lang), hide_index=True, width="content")
    level, text = dense_line(dense, dense_running, lang)
    (st.success if level == "success" else st.info)(text)
    if dense and not dense.get("complete") and dense.get("total"):
        st.progress(min(dense.get("done", 0) / max(dense["total"], 1), 1.0))
    if start_dense and not dense_running and not dense.get("complete"):
        if st.button(t("dense_start", lang), key="dense-start"):
            start_dense()
            st.rerun()
    skipped = manifest.get("skipped", {})
    if skipped:
        with st.expander(t("skipped_files", lang, n=len(skipped))):
            st.markdown("  \n".join(f"{md_text(s)}: {md_text(e.get('reason', ''))}" for s, e in sorted(skipped.items())))


def render_settings(lang: str) -> AnswerSettings:
    """The answer settings widgets; returns the settings they now hold."""
    st.subheader(t("settings_title", lang))
    mode = st.radio(t("mode", lang), MODES, format_func=lambda m: t(f"mode_{m}", lang), key="answer_mode")
    url = model = gguf = ""
    if mode == "openai":
        st.session_state.setdefault("endpoint_url", DEFAULT_LLM_ENDPOINT)
        url = st.text_input(t("endpoint_url", lang), key="endpoint_url")
        model = st.text_input(t("endpoint_model", lang), key="endpoint_model")
        if is_remote(url):
            st.warning(t("remote_warning", lang, host=endpoint_host(url)), icon=":material/warning:")
        else:
            st.caption(t("local_note", lang))
    elif mode == "gguf":
        gguf = st.text_input(t("gguf_path", lang), key="gguf_path")
    try:
        return AnswerSettings(mode=mode, endpoint_url=url or DEFAULT_LLM_ENDPOINT, model=model, gguf_path=gguf)
    except ValueError as e:
        st.error(str(e))
        return AnswerSettings()
