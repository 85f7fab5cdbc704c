"""The "Vodič kroz pravna sredstva" page (Remedy guide): the situation checklist, and
every pathway of the guide in the guide's order with its steps and their full
provisions.

    render(searcher, lang)

A pathway is one expander: when it applies (its facts and asks), then each step's
heading with the full text of every provision it cites (the resolved chunk, in the UI's
script, escaped by ui.display, the guide's quoted words marked), then what the corpus
does not hold for the route and what to check next. A citation that did not resolve
against this index is said so, never shown as if it had.
Not here: resolving citations (Searcher.guide), the checklist (ui.checklist).
"""
from __future__ import annotations

import streamlit as st

from core.records import INTERNATIONAL_KINDS, SERBIAN_KINDS
from answer.citing import make_citation
from ui import checklist
from ui.display import heading_html, html_text, in_script, md_text, render_source
from ui.pathway_cards import ask_label, fact_label
from ui.strings import t
from ui.verdict import ui_style

# (build, chunk id, quote, lang) -> (label, HTML): the guide's ~300 provisions are drawn on
# every rerun of the page, and marking a long quote compiles a regex each time.
_SHOWN: dict[tuple, tuple[str, str]] = {}
_SHOWN_MAX = 4096


def _label(citation, kind: str | None, lang: str) -> str:
    return in_script(citation.label, lang) if kind in SERBIAN_KINDS else citation.label


def provision_html(searcher, resolved, lang: str) -> tuple[str, str] | None:
    """(label, HTML of the full provision with the guide's quote marked) of a resolved
    reference; None when it did not resolve or its unit is not in this index."""
    if resolved is None or not resolved.ok:
        return None
    key = (getattr(getattr(searcher, "build", None), "name", id(searcher)), resolved.chunk_id, resolved.ref.quote, lang)
    if key not in _SHOWN:
        if len(_SHOWN) >= _SHOWN_MAX:
            _SHOWN.clear()
        shown = _provision_html(searcher, resolved, lang)
        if shown is None:
            return None
        _SHOWN[key] = shown
    return _SHOWN[key]


def _provision_html(searcher, resolved, lang: str) -> tuple[str, str] | None:
    hit = searcher.hit_for(resolved.chunk_id)
    if hit is None:
        return None
    chunk, doc = hit.chunk, hit.document
    src_lang = doc.language if doc else ("en" if chunk.kind in INTERNATIONAL_KINDS else "sr")
    citation = make_citation(0, hit, resolved.ref.quote, ui_style(lang), verified=True)
    label = _label(citation, chunk.kind, lang)
    heading = heading_html(in_script(chunk.heading, lang, src_lang)) if chunk.heading else ""
    return label, (f'<div class="pl-ref">{html_text(label)}</div>' + heading
                   + render_source(chunk.text, resolved.ref.quote, lang, src_lang))


def _applies(pathway, lang: str) -> str:
    """Plain text: when the pathway applies (facts, asks, required facts)."""
    parts = []
    if pathway.situations:
        parts.append(t("guide_applies", lang) + ": " + "; ".join(fact_label(f, lang) for f in pathway.situations))
    if pathway.asks:
        parts.append(t("guide_asked", lang) + ": " + "; ".join(ask_label(a, lang) for a in pathway.asks))
    if pathway.requires:
        parts.append(t("guide_requires", lang) + ": " + "; ".join(fact_label(f, lang) for f in pathway.requires))
    return " · ".join(parts)


def render_pathway(n: int, pathway, resolved: dict, searcher, lang: str) -> None:
    """One pathway as an expander: steps, full provisions, gaps, what to check next."""
    with st.expander(f"{n}. {md_text(pathway.name(lang))}", expanded=False):
        applies = _applies(pathway, lang)
        if applies:
            st.caption(md_text(applies))
        for step in pathway.steps:
            heading = f"##### {md_text(step.name(lang))}"
            if step.facts:
                heading += " — " + md_text(t("guide_only_when", lang) + ": " + "; ".join(
                    fact_label(f, lang) for f in step.facts))
            st.markdown(heading)
            for ref in step.refs:
                shown = provision_html(searcher, resolved.get(ref), lang)
                if shown is None:
                    st.warning(md_text(t("guide_unresolved", lang, ref=ref.key)), icon=":material/warning:")
                    continue
                st.markdown(shown[1], unsafe_allow_html=True)  # label, heading, full text: escaped HTML
        gaps = [dict(g)[lang] for g in pathway.gaps]
        if gaps:
            st.markdown(f"**{t('guide_gaps', lang)}**")
            for g in gaps:
                st.info(md_text(g), icon=":material/info:")
        nxt = [dict(c)[lang] for c in pathway.check_next]
        if nxt:
            st.markdown(f"**{t('guide_check_next', lang)}**\n\n" + "\n".join(f"- {md_text(c)}" for c in nxt))


def render(searcher, lang: str) -> None:
    from ui.ask_view import citation_card  # the Ask page's source card, for the checklist's sources

    st.title(t("guide_title", lang))
    st.caption(t("guide_intro", lang))
    guide, resolved = searcher.guide()
    if not guide:
        st.info(t("guide_empty", lang))
        return
    tab_case, tab_all = st.tabs([t("guide_checklist_tab", lang), t("guide_all_tab", lang)])
    with tab_case:
        checklist.render(searcher, lang, lambda c, answer, key: citation_card(c, answer, searcher, lang, key))
    with tab_all:
        for n, pathway in enumerate(guide, 1):
            render_pathway(n, pathway, resolved, searcher, lang)
