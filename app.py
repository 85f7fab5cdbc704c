"""Pravni lek — the Streamlit research desk for lawyers, prosecutors and legal-aid staff.

    streamlit run app.py

Locations come from the environment (PRAVNI_LEK_CORPUS, PRAVNI_LEK_INDEX,
PRAVNI_LEK_USER_DIR, PRAVNI_LEK_CHROMA_HOST, PRAVNI_LEK_EMBEDDER); privacy defaults are
applied before anything else is imported. This file renders and wires; the logic is in
ui/. (Tests that need another answerer set st.session_state["answerer"], in AppTest or
through a launcher script of their own under tests/fakes/.)
"""
from __future__ import annotations

import os

from core.privacy import apply_privacy_defaults

apply_privacy_defaults(os.environ)

import streamlit as st  # noqa: E402

from ui import ask_view, browse_view, checklist, docs_view, guide_view, state, status_view  # noqa: E402
from ui.background import recently_updated, running_pid  # noqa: E402
from ui.bootstrap import ensure_index  # noqa: E402
from ui.display import in_script  # noqa: E402
from ui.filter_options import INTERNATIONAL_KINDS, SCOPES, filter_options, make_filters  # noqa: E402
from core.settings import DEFAULT_LLM_ENDPOINT, app_config, llm_api_key  # noqa: E402
from ui.settings import AnswerSettings, endpoint_host, is_remote  # noqa: E402
from ui.strings import LANG_NAMES, LANGS, kind_name, t  # noqa: E402

PAGES = ("ask", "guide", "browse", "corpus", "mine", "status")
# Widget values that must survive pages on which their widgets are not drawn.
PERSISTENT = ("answer_mode", "endpoint_url", "endpoint_model", "gguf_path", "f_scope", "f_kinds", "f_laws",
              "f_courts", "f_use_dates", "f_dates") + checklist.PERSISTENT
CSS = """
<style>
.pl-source { white-space: pre-wrap; font-family: Georgia, 'Times New Roman', serif; font-size: 0.97rem;
             line-height: 1.55; background: #fbfaf7; border-left: 3px solid #c9b88f; padding: 0.7rem 1rem;
             border-radius: 4px; max-height: 28rem; overflow-y: auto; }
.pl-source.pl-full { max-height: none; }
.pl-source mark { background: #fbe7a1; padding: 0 2px; border-radius: 2px; }
.pl-ref { color: #5a4a1f; font-weight: 600; font-size: 0.85em; }
.pl-heading { margin: 0.2rem 0 0.4rem; }
.pl-answer { line-height: 1.6; margin-bottom: 1rem; }
</style>
"""

cfg = app_config(os.environ)
st.set_page_config(page_title="Pravni lek", page_icon="⚖️", layout="wide")
st.markdown(CSS, unsafe_allow_html=True)
for key in PERSISTENT:
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]

with st.sidebar:
    title_slot = st.empty()  # the title goes above the language switch, in the chosen language
    lang = st.radio("Jezik / Језик / Language", LANGS, format_func=LANG_NAMES.get, key="lang")
    with title_slot.container():
        st.title("⚖️ " + t("app_title", lang))
        st.caption(t("app_tagline", lang))
    page = st.radio(t("page_label", lang), PAGES, format_func=lambda p: t(f"page_{p}", lang), key="page")

if not ensure_index(cfg, lang, os.environ):
    st.stop()
searcher = state.searcher(cfg.index_dir, cfg.chroma_host)
manifest = state.manifest(cfg.index_dir)


def sidebar_filters():
    opts = filter_options(searcher.documents.values())
    st.subheader(t("filters", lang))
    scope = st.radio(t("scope", lang), SCOPES, key="f_scope",
                     format_func=lambda s: t(f"scope_{s}", lang))
    kinds = [k for k in opts.kinds if scope == "international" or k not in INTERNATIONAL_KINDS]
    titles = dict(opts.laws)
    # A kept choice no longer offered (scope changed, a new build) would be a widget error.
    for key, offered in (("f_kinds", kinds), ("f_laws", titles), ("f_courts", opts.courts)):
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in offered]
    choose = t("choose", lang)
    chosen = st.multiselect(t("kinds", lang), kinds, format_func=lambda k: kind_name(k, lang), key="f_kinds",
                            help=t("kinds_help", lang), placeholder=choose)
    laws = st.multiselect(t("laws", lang), list(titles), format_func=lambda s: in_script(titles[s], lang),
                          key="f_laws", help=t("laws_help", lang), placeholder=choose)
    courts = (st.multiselect(t("courts", lang), opts.courts, key="f_courts", placeholder=choose)
              if opts.courts else [])
    date_from = date_to = None
    if opts.dates and st.checkbox(t("use_dates", lang), key="f_use_dates"):
        st.session_state.setdefault("f_dates", opts.dates)
        picked = st.date_input(t("date_range", lang), key="f_dates", format="DD.MM.YYYY")
        if isinstance(picked, tuple) and len(picked) == 2:
            date_from, date_to = picked
    return make_filters(scope, [k for k in chosen if k in kinds], laws, courts, date_from, date_to)


def answer_settings() -> AnswerSettings:
    ss = st.session_state
    try:
        return AnswerSettings(mode=ss.get("answer_mode", "extractive"),
                              endpoint_url=ss.get("endpoint_url") or DEFAULT_LLM_ENDPOINT,
                              model=ss.get("endpoint_model", ""), gguf_path=ss.get("gguf_path", ""),
                              api_key=llm_api_key(os.environ))
    except ValueError:
        return AnswerSettings()


def start_dense() -> str:
    from ui.background import start_dense as start

    env = dict(os.environ)
    if cfg.embedder:
        env.setdefault("PRAVNI_LEK_EMBEDDER", cfg.embedder)
    return start(cfg.corpus, cfg.index_dir, cfg.user_dir, env)


dense = state.dense_progress(cfg.index_dir)
dense_running = running_pid(cfg.index_dir) is not None or (
    not dense.get("complete", True) and recently_updated(dense))
with st.sidebar:
    filters = sidebar_filters() if page == "ask" else None
    st.divider()
    status_view.render_sidebar_status(manifest, dense, dense_running, lang)

if page == "ask":
    settings = answer_settings()
    llm = None
    if settings.mode != "extractive":
        if settings.mode == "openai" and is_remote(settings.endpoint_url):
            st.warning(t("remote_warning", lang, host=endpoint_host(settings.endpoint_url)), icon=":material/warning:")
        try:
            llm = state.llm(settings)
        except Exception as e:  # noqa: BLE001 — fall back to extractive answers and say so
            st.info(t("llm_unavailable", lang, error=f"{type(e).__name__}: {e}"))
    ask_view.render(answerer=state.answerer(), searcher=searcher,
                    index_dir=cfg.index_dir, filters=filters, llm=llm, lang=lang,
                    search_mode=state.search_mode(cfg.index_dir))
elif page == "guide":
    guide_view.render(searcher, lang)
elif page == "browse":
    browse_view.render_lookup(searcher, lang)
elif page == "corpus":
    browse_view.render_corpus(searcher, state.corpus_manifest(str(cfg.corpus)), lang)
elif page == "mine":
    docs_view.render(cfg, searcher, lang,
                     after_upload=lambda: start_dense() if (cfg.index_dir / "dense.json").is_file() else None)
else:
    status_view.render_status(manifest, dense, lang, start_dense, dense_running)
    status_view.render_settings(lang)
