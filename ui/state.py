"""Resources the app loads once per process (st.cache_resource) and the answerer it
calls.

The searcher is cached per index and build, so a new build (an upload, a re-ingest)
is picked up on the next rerun while every session shares one loaded index. The
answerer is `answer.answer` unless a test put another callable in
st.session_state["answerer"] (the product imports no module an environment variable names).
Not here: rendering.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import streamlit as st

from core import store


@st.cache_resource(show_spinner=False, max_entries=4)
def _searcher(index_dir: str, build_name: str, chroma_host: str | None, dense_ready: bool):
    from retrieval.searcher import Searcher

    return Searcher(Path(index_dir), chroma_host=chroma_host)


def dense_progress(index_dir: Path) -> dict:
    """{"model", "total", "done", "complete"} of the dense leg, read from the index dir
    (the background process writes it), or {} when no dense leg was started."""
    if not (Path(index_dir) / store.DENSE_CONFIG).is_file():
        return {}
    path = Path(index_dir) / "dense_status.json"
    try:
        return store.read_json(path) if path.is_file() else {"done": 0, "total": 0, "complete": False}
    except ValueError:  # caught mid-write by the background process
        return {"done": 0, "total": 0, "complete": False}


def searcher(index_dir: Path, chroma_host: str | None = None):
    """The loaded Searcher of the serving build (raises IndexMissing when there is none).

    Cached per build and per dense readiness: the Searcher learns about its dense leg
    when it loads, so a dense leg finished in the background needs a fresh one."""
    from core.errors import IndexMissing

    build = store.require_build(index_dir)
    ready = bool(dense_progress(index_dir).get("complete"))
    try:
        return _searcher(str(Path(index_dir).resolve()), build.name, chroma_host, ready)
    except (FileNotFoundError, IndexMissing):
        # A build replaced while it loaded (an upload's rebuild): load the new CURRENT once,
        # as retrieval.searcher.get_searcher does; a broken serving build still raises.
        if store.current_build(index_dir) == build:
            raise
        return _searcher(str(Path(index_dir).resolve()), store.require_build(index_dir).name, chroma_host, ready)


def search_mode(index_dir: Path) -> str:
    """Hybrid once the dense leg is complete; BM25 alone while it is missing or building."""
    return "hybrid" if dense_progress(index_dir).get("complete") else "bm25"


@st.cache_data(show_spinner=False, max_entries=8)
def build_manifest(index_dir: str, build_name: str) -> dict:
    return store.read_json(Path(index_dir) / "builds" / build_name / "manifest.json")


def manifest(index_dir: Path) -> dict:
    build = store.require_build(index_dir)
    return build_manifest(str(Path(index_dir).resolve()), build.name)


@st.cache_data(show_spinner=False)
def corpus_manifest(corpus: str) -> dict:
    from ui.corpus_page import read_corpus_manifest

    return read_corpus_manifest(Path(corpus))


@st.cache_resource(show_spinner=False, max_entries=2)
def _llm(mode: str, endpoint_url: str, model: str, gguf_path: str, api_key: str | None):
    from ui.settings import AnswerSettings, make_llm

    return make_llm(AnswerSettings(mode, endpoint_url, model, gguf_path, api_key))


def llm(settings):
    """The chat model for `settings`, built once (a GGUF file is loaded once, not per question)."""
    if settings.mode == "extractive":
        return None
    return _llm(settings.mode, settings.endpoint_url, settings.model, settings.gguf_path, settings.api_key)


def answerer() -> Callable[..., Any]:
    """The function that answers a question: a test's stand-in, else answer.answer."""
    injected = st.session_state.get("answerer")
    if injected is not None:
        return injected
    from answer import answer

    return answer
