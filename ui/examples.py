"""Example questions on the empty Ask page: buttons that ask them.

    question = st.chat_input(...) or examples.pending()
    if not history:
        examples.render(lang)

One of them is a client's story told as a lawyer would tell it, so a new user sees that
the desk takes stories, not only keywords. A click stores the question in the session
(`pending()` takes it on the rerun the click causes), so it is asked exactly like a
typed one. The examples are in the UI language (Serbian Cyrillic by transliteration).
Not here: answering.
"""
from __future__ import annotations

import streamlit as st

from core.text import to_cyrillic
from ui.strings import t

PENDING = "example_question"

LATIN = (
    "Kako žrtva trgovine ljudima ostvaruje naknadu štete?",
    "Moja klijentkinja je žrtva trgovine ljudima, prisiljavana je da radi u kafani bez plate. "
    "Kako može da dobije naknadu štete?",
    "Do kada oštećeni može podneti imovinskopravni zahtev u krivičnom postupku?",
)
ENGLISH = (
    "How does a victim of human trafficking obtain compensation?",
    "My client is a victim of human trafficking; she was forced to work in a café without pay. "
    "How can she obtain compensation?",
    "Until when may the injured party file a property claim in criminal proceedings?",
)


def examples(lang: str) -> tuple[str, ...]:
    """The example questions in UI language `lang` (the headline question first, then a story)."""
    if lang == "en":
        return ENGLISH
    if lang == "sr-Cyrl":
        return tuple(to_cyrillic(q) for q in LATIN)
    return LATIN


def _choose(question: str) -> None:
    st.session_state[PENDING] = question


def pending() -> str | None:
    """The example question a click chose, once (None when none was clicked)."""
    return st.session_state.pop(PENDING, None)


def render(lang: str) -> None:
    """The examples as buttons, one per line."""
    st.markdown(f"**{t('examples_title', lang)}**")
    for i, q in enumerate(examples(lang)):
        st.button(q, key=f"example-{i}", on_click=_choose, args=(q,), icon=":material/help:", width="stretch")
