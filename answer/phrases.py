"""The question's language and script, and the answer's fixed phrases in them.

A Cyrillic question gets a Cyrillic answer (our phrases and Serbian quotes shown via
`retrieval.script.to_cyrillic`), a Latin Serbian question a Latin one, an English
question English frame text around the sources' own words. English-language sources
(ECtHR, treaties) are never transliterated: to_cyrillic would mangle English.

Does not translate sources.
"""
from __future__ import annotations

from dataclasses import dataclass

from retrieval.analyzer import language, words
from retrieval.script import cyrillic_share, has_cyrillic, to_cyrillic, to_latin

_PHRASES = {
    "sr": {
        "answer": "Odgovor",
        "law": "Zakonodavstvo",
        "case_law": "Sudska praksa",
        "international": "Međunarodni standardi",
        "other": "Ostali izvori",
        "not_found": "Nisam pronašao odgovor u izvorima.",
        "maybe": "Možda relevantno",
    },
    "en": {
        "answer": "Answer",
        "law": "Legislation",
        "case_law": "Case law",
        "international": "International standards",
        "other": "Other sources",
        "not_found": "I did not find an answer in the sources.",
        "maybe": "Possibly relevant",
    },
}
# The ways an answer may say it found nothing (verification does not ask them for a citation).
NOT_FOUND_MARKERS = ("nisam pronasao", "nisam nasao", "did not find", "could not find", "not found in the sources")

GROUP_OF_KIND = {
    "law": "law",
    "court_decision": "case_law",
    "court_bulletin": "case_law",
    "echr_judgment": "international",
    "treaty": "international",
    "user_document": "other",
}
GROUP_ORDER = ("law", "case_law", "international", "other")


@dataclass(frozen=True)
class Style:
    language: str  # "sr" | "en"
    script: str  # "latin" | "cyrillic"

    def phrase(self, key: str) -> str:
        text = _PHRASES[self.language][key]
        return to_cyrillic(text) if self.script == "cyrillic" else text

    def serbian(self, text: str) -> str:
        """Serbian text (a quote, a label) in the answer's script."""
        if self.script == "cyrillic":
            return text if has_cyrillic(text) else to_cyrillic(text)
        return to_latin(text)


def detect_style(question: str) -> Style:
    """Cyrillic question -> Serbian Cyrillic; else English when it reads as English."""
    if cyrillic_share(question) > 0.3:
        return Style("sr", "cyrillic")
    return Style("en" if language(words(question)) == "english" else "sr", "latin")


def source_language(kind: str, doc_language: str | None) -> str:
    if doc_language:
        return doc_language[:2]
    return "en" if kind in ("echr_judgment", "treaty") else "sr"


def display_quote(raw: str, style: Style, src_language: str) -> tuple[str, str | None]:
    """(quote as shown, original when it was transliterated)."""
    if src_language != "sr":
        return raw, None
    shown = style.serbian(raw) if style.language == "sr" else to_latin(raw)
    return shown, (raw if shown != raw else None)
