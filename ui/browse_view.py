"""The browse pages: look up a provision and read it in context (previous / next
article), and the corpus list. Renders only; the data come from ui.lookup and
ui.corpus_page.
"""
from __future__ import annotations

import streamlit as st

from ui.corpus_page import document_rows
from ui.display import in_script, md_link, md_text, official_url, render_source
from ui.lookup import law_names, lookup, unit_query
from ui.strings import t


def _goto(query: str) -> None:
    st.session_state["lookup_query"] = query


def unit_name(result, number: str, lang: str, short: bool = False) -> str:
    """"Član 388" / "čl. 388" for a law, "Art. 15" for a treaty, "§ 281" for a judgment."""
    if result.unit == "paragraph":
        return f"§ {number}"
    if result.document is not None and result.document.kind == "treaty":
        return f"Art. {number}"
    if short:
        return in_script(f"čl. {number}", lang) if lang != "en" else f"Art. {number}"
    return t("article", lang, article=number)


def _aliases(searcher) -> dict:
    """source -> {"short", "name", "aliases"} from retrieval's alias table, if loaded."""
    return getattr(getattr(getattr(searcher, "citations", None), "aliases", None), "entries", None) or {}


def render_lookup(searcher, lang: str) -> None:
    st.title(t("browse_title", lang))
    aliases = _aliases(searcher)
    resolve = getattr(getattr(searcher, "citations", None), "resolve", None)
    query = st.text_input(t("lookup_label", lang), placeholder=t("lookup_placeholder", lang), key="lookup_query")
    with st.expander(t("known_laws", lang)):
        names = law_names(searcher.documents.values(), aliases)
        st.markdown("  \n".join(f"**{md_text(ns[0])}** — {md_text(in_script(ns[-1], lang))}" for ns in names.values()))
    if not query.strip():
        return
    result = lookup(query, searcher.chunks, searcher.documents, aliases, resolve)
    if result.problem:
        st.warning(t(result.problem, lang, **{k: md_text(v) for k, v in result.values.items()}))
        return
    doc = result.document
    src_lang = doc.language if doc else "sr"
    title = in_script(str(doc.metadata.get("title_display") or doc.title), lang, src_lang) if doc else result.law
    st.subheader(md_text(title))
    if doc and doc.metadata.get("gazette_list"):
        st.caption(t("gazette", lang) + ": " + md_text(", ".join(str(g) for g in doc.metadata["gazette_list"])))
    left, _, right = st.columns([1, 2, 1])
    if result.previous:
        left.button(t("prev_unit", lang, unit=unit_name(result, result.previous, lang, short=True)),
                    key="prev-article", on_click=_goto, args=(unit_query(result, result.previous),))
    if result.next:
        right.button(t("next_unit", lang, unit=unit_name(result, result.next, lang, short=True)),
                     key="next-article", on_click=_goto, args=(unit_query(result, result.next),))
    for art in result.articles:
        with st.container(border=True):
            heading = f" — {in_script(art.heading, lang, src_lang)}" if art.heading else ""
            st.markdown(f"#### {md_text(unit_name(result, art.article, lang) + heading)}")
            st.markdown(render_source(art.text, None, lang, src_lang, "pl-source pl-full"), unsafe_allow_html=True)
            citation = f"{result.law}, {unit_name(result, art.article, 'sr-Latn', short=True)}"
            st.code(in_script(citation, lang, src_lang), language=None)
    url = official_url(doc.url, doc.source, doc.kind) if doc else None
    if url:  # the corpus's own URL only, never a user document's
        st.markdown(md_link(t("official_source", lang), url))


def render_corpus(searcher, corpus_manifest: dict, lang: str) -> None:
    st.title(t("corpus_title", lang))
    rows = document_rows(searcher.documents.values(), searcher.chunks, corpus_manifest, lang)
    st.caption(t("corpus_count", lang, documents=len(rows), chunks=len(searcher.chunks)))
    st.dataframe(rows, width="stretch", hide_index=True)
