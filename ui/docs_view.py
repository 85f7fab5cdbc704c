"""The "Moji dokumenti" page: upload a PDF, TXT, DOCX or HTML file into the index as
user/…, with a progress bar and a clear message for a file that is too big or cannot
be read. Renders only; saving and re-ingesting is ui.upload.
"""
from __future__ import annotations

import os
from typing import Callable

import streamlit as st

from ui.display import md_text
from core.settings import AppConfig
from ui.strings import t
from ui.upload import ALLOWED_SUFFIXES, MAX_TEXT_CHARS, MAX_UPLOAD_MB, UploadResult, save_and_ingest, user_documents

WORKERS = max(1, min(2, os.cpu_count() or 1))  # as the ingest CLI: files re-read after a parser change


def message(result, lang: str) -> tuple[str, str]:
    """("success" | "error" | "warning", text) for an UploadResult; names and reasons
    are shown as typed (escaped), never as Markdown."""
    name, reason = md_text(result.name), md_text(result.reason)
    if result.ok:
        return "success", t("upload_ok", lang, name=name, chunks=result.chunks)
    if result.status == "too_big":
        return "error", t("upload_too_big", lang, name=name, size=result.size_mb, limit=MAX_UPLOAD_MB)
    if result.status == "too_much_text":
        return "error", t("upload_too_much_text", lang, name=name, limit=f"{MAX_TEXT_CHARS:,}".replace(",", "."))
    if result.status == "bad_type":
        return "error", t("upload_bad_type", lang, name=name)
    if result.status == "unreadable":
        return "error", t("upload_unreadable", lang, name=name, reason=reason)
    if result.status == "disk_full":
        return "error", t("upload_disk_full", lang, name=name, reason=reason)
    return "error", t("upload_failed", lang, name=name, reason=reason)


def messages(result, lang: str) -> list[tuple[str, str]]:
    """The result's message, and a warning first when the file was stored under another name."""
    out = [message(result, lang)]
    if result.ok and result.renamed:
        out.insert(0, ("warning", t("upload_renamed", lang, original=md_text(result.original), name=md_text(result.name))))
    return out


def upload_one(f, cfg: AppConfig, progress) -> UploadResult:
    """One file of a batch; whatever happens, a result (the next file is still processed)."""
    try:
        return save_and_ingest(f.name, f.getvalue(), cfg.corpus, cfg.index_dir, cfg.user_dir,
                               progress=progress, workers=WORKERS)
    except Exception as e:  # noqa: BLE001 — save_and_ingest should not raise; if it does, say so
        return UploadResult("failed", f.name, reason=f"{type(e).__name__}: {e}", original=f.name)


def render(cfg: AppConfig, searcher, lang: str, after_upload: Callable[[], None] | None = None) -> None:
    st.title(t("mine_title", lang))
    st.info(t("mine_privacy", lang, folder=str(cfg.user_dir)), icon=":material/lock:")
    # A new key after each upload empties the uploader, so a file is never added twice.
    key = f"uploader-{st.session_state.get('upload_round', 0)}"
    files = st.file_uploader(t("uploader", lang, limit=MAX_UPLOAD_MB), key=key,
                             type=[s.lstrip(".") for s in ALLOWED_SUFFIXES], accept_multiple_files=True)
    if files and st.button(t("upload_button", lang), type="primary", key="upload-button"):
        bar = st.progress(0.0)
        results = []
        with st.spinner(t("upload_indexing", lang)):
            for f in files:
                def progress(done: int, total: int, source: str) -> None:
                    bar.progress(min(done / max(total, 1), 1.0), text=t("upload_progress", lang, source=source))

                results.append(upload_one(f, cfg, progress))
        bar.empty()
        st.session_state["upload_messages"] = [m for r in results for m in messages(r, lang)]
        st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
        if any(r.ok for r in results) and after_upload:
            after_upload()
        st.rerun()  # load the new build and show the emptied uploader
    for level, text in st.session_state.get("upload_messages", []):
        {"success": st.success, "warning": st.warning}.get(level, st.error)(text)
    st.subheader(t("mine_list", lang))
    mine = user_documents(searcher.documents)
    if not mine:
        st.caption(t("mine_none", lang))
    counts: dict[str, int] = {}
    for c in searcher.chunks:
        if c.source.startswith("user/"):
            counts[c.source] = counts.get(c.source, 0) + 1
    for source in mine:
        st.markdown(f"- {md_text(source)} — {md_text(searcher.documents[source].title)} ({counts.get(source, 0)})")
