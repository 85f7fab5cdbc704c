"""The situation checklist of the guide page: the facts of a client's case as checkboxes
(and what the client seeks), the pathways that fit them as a pathway answer, and the
memo for the case file (Markdown, DOCX).

    render(searcher, lang, card)    # card(citation, answer, key) draws one source

Ticked facts -> `Searcher.remedies_for_facts` -> `answer.answer_plan` (quotes verified
like any answer) -> ui.pathway_cards. Widget keys are "fact-<id>" / "seek-<id>"
(`PERSISTENT` lists them, so the ticks survive a visit to another page).
Not here: choosing pathways (pathways.select), the memo's layout (ui.memo).
"""
from __future__ import annotations

from typing import Callable

import streamlit as st

from pathways.model import ASKS, FACTS
from ui.display import md_text
from ui.memo import memo_docx, memo_markdown
from ui.pathway_cards import ask_label, fact_label, render_pathway_answer
from ui.strings import t
from ui.verdict import confidence_text

GROUPS = (
    ("checklist_victim", ("victim_foreign", "victim_child")),
    ("checklist_exploitation", ("exploitation_labour", "exploitation_sexual", "exploitation_begging",
                                "exploitation_criminal")),
    ("checklist_harm", ("unpaid_wages", "harm_physical", "harm_psychological", "documents_taken")),
    ("checklist_stage", ("stage_not_reported", "stage_proceedings", "stage_convicted")),
    ("checklist_other", ("offender_assets", "victim_died", "years_passed", "cannot_pay_lawyer", "fears_offender",
                         "victim_charged")),
)
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def groups() -> list[tuple[str, tuple[str, ...]]]:
    """GROUPS, with any fact the model gained since appended to the last group."""
    listed = {f for _, fs in GROUPS for f in fs}
    extra = tuple(f for f in FACTS if f not in listed)
    out = [(g, tuple(f for f in fs if f in FACTS)) for g, fs in GROUPS]
    out[-1] = (out[-1][0], out[-1][1] + extra)
    return out


PERSISTENT = tuple(f"fact-{f}" for f in FACTS) + tuple(f"seek-{a}" for a in ASKS)


def _answer_language(lang: str) -> tuple[str, str]:
    return ("en", "latin") if lang == "en" else ("sr", "cyrillic" if lang == "sr-Cyrl" else "latin")


def ticked_boxes(lang: str) -> tuple[list[str], list[str]]:
    """Draw the checkboxes; (fact ids ticked, asks ticked), in FACTS / ASKS order."""
    facts: list[str] = []
    cols = st.columns(3)
    for i, (group, ids) in enumerate(groups()):
        with cols[i % 3]:
            st.markdown(f"**{t(group, lang)}**")
            for f in ids:
                if st.checkbox(fact_label(f, lang), key=f"fact-{f}"):
                    facts.append(f)
    with cols[len(GROUPS) % 3]:
        st.markdown(f"**{t('checklist_asks', lang)}**")
        asks = [a for a in ASKS if st.checkbox(ask_label(a, lang), key=f"seek-{a}")]
    return [f for f in FACTS if f in facts], asks


def _answer(searcher, plan, facts: list[str], asks: list[str], lang: str):
    """The pathway answer of the ticked facts, kept in the session for the same ticks."""
    from answer import answer_plan

    key = (getattr(getattr(searcher, "build", None), "name", None), tuple(facts), tuple(asks), lang)
    kept = st.session_state.get("checklist_answer")
    if kept is None or kept[0] != key:
        language, script = _answer_language(lang)
        kept = (key, answer_plan(plan, language=language, script=script))
        st.session_state["checklist_answer"] = kept
    return kept[1]


@st.fragment
def render(searcher, lang: str, card: Callable[[object, object, str], None]) -> None:
    """The checklist and its result; a fragment, so a tick reruns only this part."""
    st.caption(t("checklist_intro", lang))
    facts, asks = ticked_boxes(lang)
    if not facts and not asks:
        st.info(t("checklist_empty", lang))
        return
    plan = searcher.remedies_for_facts(tuple(facts), tuple(asks))
    if plan is None:
        st.warning(t("checklist_none", lang))
        return
    result = _answer(searcher, plan, facts, asks, lang)
    st.subheader(t("checklist_result", lang))
    confidence = confidence_text(result, lang)
    if confidence:
        st.caption(md_text(confidence))
    render_pathway_answer(result, lang, card=lambda c, key: card(c, result, key), key="checklist",
                          intro=False)
    left, right, _ = st.columns([1, 1, 2])
    left.download_button(t("memo_md", lang), memo_markdown(result, facts, asks, lang),
                         file_name="pravni-lek-beleska.md", mime="text/markdown", key="memo-md")
    right.download_button(t("memo_docx", lang), lambda: memo_docx(result, facts, asks, lang),  # built on click
                          file_name="pravni-lek-beleska.docx", mime=DOCX_MIME, key="memo-docx")
