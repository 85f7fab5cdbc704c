"""The Ask page: a chat of questions and answers, each answer followed by numbered
citation cards (label, quoted words marked inside the full source text, metadata,
official URL, a copy-citation box) and export buttons.

Renders only; the answer comes from the answerer the app passes in.
"""
from __future__ import annotations

from core.records import INTERNATIONAL_KINDS, SERBIAN_KINDS
from typing import Any, Callable

import streamlit as st

from answer.phrases import is_self_check
from ui import examples
from ui.corpus_page import serbian_date
from ui.display import answer_html, heading_html, in_script, md_lines, md_link, md_text, official_url, render_source
from ui.export import to_docx, to_markdown
from ui.pathway_cards import render_pathway_answer
from ui.strings import t
from ui.verdict import confidence_text, is_pathway_answer, reason_text

# The answer's script follows the UI's Serbian script; an English UI lets the question decide.
ANSWER_SCRIPT = {"sr-Latn": "latin", "sr-Cyrl": "cyrillic", "en": None}


def ask(question: str, answerer: Callable[..., Any], *, index_dir, searcher, filters, llm, lang: str,
        search_mode: str = "hybrid"):
    """Run the answerer; returns (answer, notice) — notice set when the LLM failed over."""
    mode = "extractive" if llm is None else "llm"
    script = ANSWER_SCRIPT.get(lang)

    def search(q: str, k: int = 8, filters=None):  # answer() takes (question, k=, filters=) -> hits
        return searcher.search(q, k=k, filters=filters, mode=search_mode)

    # Sources the question names that the index lacks: the answer says so, not a lookalike.
    absent = searcher.absent(question)
    # The remedy plan (the story's facts, the pathways that apply): a pathway answer.
    plan = searcher.remedies(question, filters)
    try:
        return _with_search_notices(answerer(question, index_dir, k=8, filters=filters, mode=mode, llm=llm,
                                             searcher=search, script=script, absent=absent, plan=plan), searcher), None
    except Exception as e:  # noqa: BLE001 — an LLM backend failing must not lose the question
        if llm is None:
            raise
        result = answerer(question, index_dir, k=8, filters=filters, mode="extractive", llm=None,
                          searcher=search, script=script, absent=absent, plan=plan)
        return _with_search_notices(result, searcher), t("llm_unavailable", lang, error=f"{type(e).__name__}: {e}")


def _with_search_notices(answer, searcher):
    """The search's own notices (BM25 alone because the dense store is read-only or its
    server stopped) shown with the answer they concern."""
    notices = getattr(answer, "notices", None)
    if isinstance(notices, list):
        notices += [n for n in getattr(searcher, "notices", None) or [] if n not in notices]
    return answer


def _source_of(citation, answer, searcher):
    """(chunk, document) behind a citation: from the answer's hits, else the index."""
    for h in getattr(answer, "hits", None) or []:
        if h.chunk.id == citation.chunk_id:
            return h.chunk, h.document or searcher.documents.get(h.chunk.source)
    chunk = searcher.by_id.get(citation.chunk_id)
    return chunk, searcher.documents.get(citation.source)


def _meta_lines(citation, chunk, doc, lang: str) -> list[str]:
    meta = doc.metadata if doc else {}
    lines = []
    gazette = citation.gazette or meta.get("gazette_list")
    # Every value comes from a document (a user's too): escaped, never Markdown.
    if gazette:
        lines.append(f"**{t('gazette', lang)}:** " + md_text(", ".join(str(g) for g in gazette)))
    if meta.get("court"):
        lines.append(f"**{t('court', lang)}:** {md_text(in_script(str(meta['court']), lang))}")
    if meta.get("date"):
        lines.append(f"**{t('date', lang)}:** {md_text(serbian_date(str(meta['date'])))}")
    if meta.get("application_no"):
        lines.append(f"**{t('application_no', lang)}:** {md_text(meta['application_no'])}")
    # Only the corpus's own URL of the document is linked, never a user document's.
    kind = chunk.kind if chunk is not None else citation.kind
    url = official_url(doc.url if doc else None, doc.source if doc else None, doc.kind if doc else kind)
    if url:
        lines.append(md_link(t("hudoc" if kind == "echr_judgment" else "official_source", lang), url))
    lines.append(f"{t('file', lang)}: {md_text(citation.source)}")
    return lines


def citation_card(citation, answer, searcher, lang: str, key: str) -> None:
    chunk, doc = _source_of(citation, answer, searcher)
    src_lang = doc.language if doc else ("en" if citation.kind in INTERNATIONAL_KINDS else "sr")
    serbian_label = (citation.kind or (chunk.kind if chunk else "")) in SERBIAN_KINDS
    label = in_script(citation.label, lang) if serbian_label else citation.label
    flag = "" if citation.verified else " ⚠"
    with st.expander(f"[{citation.n}] {md_text(label)}{flag}", expanded=False):
        if citation.verified:
            st.caption("✓ " + t("verified", lang))
        else:
            st.warning(t("unverified", lang))
        if chunk is not None:
            raw_quote = citation.quote_original or citation.quote
            heading = heading_html(in_script(chunk.heading, lang, src_lang))
            shown = render_source(chunk.text, raw_quote, lang, src_lang)
            original = render_source(chunk.text, raw_quote, "en")
            if shown != original:
                tab_shown, tab_original = st.tabs([md_text(label), t("show_original", lang)])
                with tab_shown:
                    st.markdown(heading + shown, unsafe_allow_html=True)
                with tab_original:
                    st.markdown(original, unsafe_allow_html=True)
            else:
                st.markdown(heading + shown, unsafe_allow_html=True)
        elif citation.quote:
            st.markdown(f"> „{md_text(citation.quote)}“")
        st.markdown("  \n".join(_meta_lines(citation, chunk, doc, lang)))
        st.caption(t("copy_citation", lang))
        st.code(label, language=None)


def render_turn(i: int, question: str, answer, searcher, lang: str) -> None:
    with st.chat_message("user", avatar=":material/person:"):
        st.markdown(md_lines(question))
    with st.chat_message("assistant", avatar="⚖️"):
        confidence, pathways = confidence_text(answer, lang), is_pathway_answer(answer)
        if confidence and pathways:
            st.caption(md_text(confidence))
        if answer.abstained:  # the reason in the box; the possibly relevant sources below it
            st.warning(md_lines(reason_text(answer)) or t("abstained", lang), icon=":material/search:")
        elif pathways:  # one card per pathway, each with its sources
            render_pathway_answer(answer, lang, lambda c, key: citation_card(c, answer, searcher, lang, key), str(i))
        else:
            st.markdown(answer_html(answer.answer), unsafe_allow_html=True)
        if confidence and not pathways:
            st.caption(md_text(confidence))
        for notice in getattr(answer, "notices", None) or []:
            if not is_self_check(notice):
                st.info(md_text(notice))
        if answer.citations and not pathways:
            st.markdown(f"**{t('sources_to_check' if answer.abstained else 'sources', lang)}**")
            for c in answer.citations:
                citation_card(c, answer, searcher, lang, key=f"{i}-{c.n}")
        left, right, _ = st.columns([1, 1, 2])
        left.download_button(t("export_md", lang), to_markdown(answer, lang), file_name=f"pravni-lek-{i + 1}.md",
                             mime="text/markdown", key=f"md-{i}")
        right.download_button(t("export_docx", lang), to_docx(answer, lang), file_name=f"pravni-lek-{i + 1}.docx",
                              mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                              key=f"docx-{i}")


def render(*, answerer, searcher, index_dir, filters, llm, lang: str, search_mode: str = "hybrid") -> None:
    st.title(t("ask_title", lang))
    st.caption(t("ask_intro", lang))
    history: list[dict] = st.session_state.setdefault("history", [])
    question = st.chat_input(t("ask_placeholder", lang)) or examples.pending()
    if question:
        with st.spinner(t("searching", lang)):
            try:
                result, notice = ask(question, answerer, index_dir=index_dir, searcher=searcher,
                                     filters=filters, llm=llm, lang=lang, search_mode=search_mode)
            except Exception as e:  # noqa: BLE001 — show it, keep the session
                st.error(t("search_failed", lang, error=md_text(f"{type(e).__name__}: {e}")))
                result = None
        if result is not None:
            history.append({"question": question, "answer": result, "notice": notice})
    for i, turn in enumerate(history):
        render_turn(i, turn["question"], turn["answer"], searcher, lang)
        if turn.get("notice"):
            st.info(md_text(turn["notice"]))
    if not history:
        examples.render(lang)
    if history and st.button(t("clear_chat", lang), key="clear-chat"):
        st.session_state["history"] = []
        st.rerun()
