"""A pathway answer drawn as one card per remedy pathway: its name, the facts of the
client's story that opened it (with the user's own words) or what was asked, the
answer's lines for that pathway (quotes with [n], deadline, case law, notes, what to
check next), then the citation cards of its sources.

    render_pathway_answer(answer, lang, card=lambda citation, key: ...)

Used for a pathway answer on the Ask page and for the checklist's plan on the guide
page. `card` draws one citation (the Ask page's citation card), so this module holds no
source rendering of its own. Every piece of text that came from a question or a source
goes through ui.display's escaping (`answer_html`, `md_text`).
Not here: choosing pathways or quotes (answer.pathway_answer), the confidence line
(ui.verdict).
"""
from __future__ import annotations

import re
from typing import Callable

import streamlit as st

from ui.display import answer_html, md_text
from ui.strings import t


def _names(kind: str) -> dict:
    """FACT_NAMES or ASK_NAMES of pathways.facts; {} while the fact finder cannot load."""
    try:
        from pathways import facts
    except Exception:  # noqa: BLE001 — a card without labels beats no card
        return {}
    return facts.FACT_NAMES if kind == "facts" else facts.ASK_NAMES


def fact_label(fact_id: str, lang: str) -> str:
    """A fact's name in the UI language (its id when the guide names none)."""
    return (_names("facts").get(fact_id) or {}).get(lang, fact_id)


def ask_label(ask_id: str, lang: str) -> str:
    return (_names("asks").get(ask_id) or {}).get(lang, ask_id)


def sections(text: str) -> list[str]:
    """The answer's blocks: the intro (heading, recognised facts), then one per pathway."""
    return [b.strip("\n") for b in (text or "").split("\n\n") if b.strip()]


def triggered_by(pathway: dict, words: dict[str, list[str]], lang: str) -> str:
    """Plain text: "<fact> („words“); <fact>" for the facts that opened the pathway, else
    the asks ("naknada štete"); "" when neither is known."""
    op, cl = ("“", "”") if lang == "en" else ("„", "“")
    parts = []
    for f in pathway.get("facts") or []:
        said = [w for w in words.get(f, []) if w]
        parts.append(fact_label(f, lang) + (f" ({op}{', '.join(said)}{cl})" if said else ""))
    if parts:
        return t("pathway_facts", lang) + ": " + "; ".join(parts)
    asks = [ask_label(a, lang) for a in pathway.get("asks") or []]
    return t("pathway_asks", lang) + ": " + "; ".join(asks) if asks else ""


_HEADING = re.compile(r"\*\*\d+\.\s+(?P<name>.+?)\*\*")


def split_blocks(text: str, names: list[str]) -> tuple[list[str], dict[str, str], list[str]]:
    """(blocks above the cards, {pathway name: its block without the heading}, blocks
    below the cards). A block belongs to a pathway when its first line is the
    "**n. Name**" heading the composer writes; the rest (a direct answer and the intro
    before the routes, the routes only named after them, a model's free text) keep
    their place above or below the cards."""
    head, body, tail = [], {}, []
    for block in sections(text):
        first, _, rest = block.partition("\n")
        m = _HEADING.fullmatch(first.strip())
        name = m["name"].strip() if m else None
        if name in names and name not in body:
            body[name] = rest
        else:
            (tail if body else head).append(block)
    return head, body, tail


def render_pathway_answer(answer, lang: str, card: Callable[[object, str], None], key: str = "p",
                          intro: bool = True) -> None:
    """The answer's opening blocks (a direct answer, the recognised facts; left out when
    `intro` is False: the checklist's ticks say the facts) with the sources no pathway
    cites, then one bordered card per pathway with its lines and its citation cards,
    then the answer's closing blocks (the routes it only names)."""
    remedies = getattr(answer, "remedies", None) or {}
    pathways = remedies.get("pathways") or []
    words = {f.get("id"): list(f.get("words") or []) for f in remedies.get("facts") or []}
    head, bodies, tail = split_blocks(answer.answer, [p.get("name", "") for p in pathways])
    if head and (intro or not bodies):
        st.markdown(answer_html("\n\n".join(head)), unsafe_allow_html=True)
    by_n = {c.n: c for c in answer.citations}
    in_cards = {n for p in pathways for n in p.get("citations") or []}
    loose = [c for c in answer.citations if c.n not in in_cards]
    if loose:  # e.g. the quote that answers the story's own question, above the routes
        st.markdown(f"**{t('sources', lang)}**")
        for c in loose:
            card(c, f"{key}-{c.n}")
    for i, p in enumerate(pathways):
        with st.container(border=True):
            st.markdown(f"#### {i + 1}. {md_text(p.get('name', ''))}")
            why = triggered_by(p, words, lang)
            if why:
                st.caption(md_text(why))
            body = bodies.get(p.get("name", ""), "")
            if body.strip():
                st.markdown(answer_html(body), unsafe_allow_html=True)
            cited = [by_n[n] for n in dict.fromkeys(p.get("citations") or []) if n in by_n]
            if cited:
                st.markdown(f"**{t('sources', lang)}**")
            for c in cited:
                card(c, f"{key}-{p.get('id', i)}-{c.n}")
    if tail:  # e.g. the routes that also apply, named only
        st.markdown(answer_html("\n\n".join(tail)), unsafe_allow_html=True)
