"""The question's language and script, and the answer's fixed phrases and notices in them.

A Cyrillic question gets a Cyrillic answer (our phrases and Serbian quotes shown via
`core.text.to_cyrillic`), a Latin Serbian question a Latin one, an English
question English frame text around the sources' own words; a caller may force the
script (`detect_style(question, script=…)`). English-language sources (ECtHR, treaties)
are never transliterated: to_cyrillic would mangle English.

Does not translate sources.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.errors import ConfigError
from core.records import INTERNATIONAL_KINDS
from retrieval.analyzer import language, words
from core.text import cyrillic_share, has_cyrillic, to_cyrillic, to_latin

_PHRASES = {
    "sr": {
        "answer": "Odgovor",
        "law": "Zakonodavstvo",
        "case_law": "Sudska praksa",
        "international": "Međunarodni standardi",
        "other": "Ostali izvori",
        "not_found": "Nisam pronašao odgovor u izvorima.",
        # The sources the question names that the corpus does not hold ({names}: as the user wrote them).
        "absent": "Izvori ne sadrže: {names}.",
        "maybe": "Možda relevantno",
        "sources": "Izvori",
        "unverified": "nije potvrđeno",
        # Notices ({…} are filled in after transliteration, so they stay as given).
        "self_check": "samoprovera: {issue}",
        "llm_failed": "Poziv jezičkog modela nije uspeo ({error}); prikazan je odgovor sastavljen od citata iz izvora.",
        "llm_unverified": "Odgovor modela nije prošao proveru ({issues}); prikazan je odgovor sastavljen od citata iz izvora.",
        "llm_removed": "Iz odgovora modela uklonjene su rečenice koje izvori ne potvrđuju ({n}): {issues}",
        "llm_not_found": "Model nije pronašao odgovor u izvorima.",
        # Verification issues, by code (answer.verify_issues; see Style.issue).
        "issue_bad_number": "navod [{n}] ne upućuje ni na jedan pronađeni izvor",
        "issue_bad_quote": "citat nije pronađen u navedenom izvoru: „{quote}“",
        "issue_bad_article": "član {article} nije ni u jednom navedenom izvoru",
        "issue_no_source": "rečenica ne navodi izvor",
        "issue_quantity": "broj „{claimed}“ nije ni u jednom navedenom izvoru",
        "issue_deadline": "rok „{words}“ ne odgovara navedenom izvoru",
        "issue_negation": "tvrdnja poriče ono što izvor potvrđuje, ili obrnuto ({word})",
        "issue_untrusted": "izvor [{n}] je vaš dokument i sadrži {reason}; ne može da potvrdi tvrdnju",
        "issue_markup": "rečenica sadrži {what}",
    },
    "en": {
        "answer": "Answer",
        "law": "Legislation",
        "case_law": "Case law",
        "international": "International standards",
        "other": "Other sources",
        "not_found": "I did not find an answer in the sources.",
        "absent": "The sources do not contain: {names}.",
        "maybe": "Possibly relevant",
        "sources": "Sources",
        "unverified": "unverified",
        "self_check": "self-check: {issue}",
        "llm_failed": "LLM call failed ({error}); showing the extractive answer.",
        "llm_unverified": "The model's answer failed verification ({issues}); showing the extractive answer instead.",
        "llm_removed": "Removed {n} unsupported sentence(s) from the model's answer: {issues}",
        "llm_not_found": "The model found no answer in the sources.",
        "issue_bad_number": "citation [{n}] names no retrieved source",
        "issue_bad_quote": "quote not found in the cited source: „{quote}“",
        "issue_bad_article": "article {article} is in no cited source",
        "issue_no_source": "sentence cites no source",
        "issue_quantity": "the number “{claimed}” is in no cited source",
        "issue_deadline": "the time limit “{words}” does not match the cited source",
        "issue_negation": "the claim negates what the cited source affirms, or the reverse ({word})",
        "issue_untrusted": "source [{n}] is your own document and contains {reason}: it cannot confirm a claim",
        "issue_markup": "the sentence contains {what}",
    },
}
# The ways an LLM's free text may say it found nothing (verification does not ask such a
# sentence for a citation), including the "absent" line that names what the sources do
# not contain. Only a model's text is read for them: our own answers say it in their
# `abstained` field (answer.verify.check, answer.generative).
NOT_FOUND_MARKERS = ("nisam pronasao", "nisam nasao", "did not find", "could not find", "not found in the sources",
                     "izvori ne sadrze", "sources do not contain")

GROUP_OF_KIND = {
    "law": "law",
    "court_decision": "case_law",
    "court_bulletin": "case_law",
    "echr_judgment": "international",
    "treaty": "international",
    "user_document": "other",
}
GROUP_ORDER = ("law", "case_law", "international", "other")
SCRIPTS = ("latin", "cyrillic")
_SLOT = re.compile(r"(\{\w+\})")
# The reasons answer.untrusted gives, in the answer's language.
_REASONS_SR = {"instructions": "uputstva", "a link": "vezu", "an image": "sliku", "HTML": "HTML"}


def check_script(script: str | None) -> str | None:
    """`script` when it is None or one of SCRIPTS, else ConfigError."""
    if script is not None and script not in SCRIPTS:
        raise ConfigError(f"script {script!r} is not one of {SCRIPTS} (or None to follow the question)")
    return script


@dataclass(frozen=True)
class Style:
    language: str  # "sr" | "en"
    script: str  # "latin" | "cyrillic"

    def phrase(self, key: str, **values: object) -> str:
        """A fixed phrase in the answer's language and script, `values` filled in as given
        (an error message or a model's sentence is not ours to transliterate)."""
        text = _PHRASES[self.language][key]
        if self.script == "cyrillic":
            text = "".join(p if _SLOT.fullmatch(p) else to_cyrillic(p) for p in _SLOT.split(text))
        return text.format(**values) if values else text

    def issue(self, issue) -> str:
        """A verification issue (an answer.verify_issues.Issue, by its code) in the answer's
        language, followed by its sentence; the quoted words and the sentence stay as
        written. Any other value is shown as it is."""
        code = getattr(issue, "code", None)
        if code is None or f"issue_{code}" not in _PHRASES[self.language]:
            return str(issue)
        values = dict(issue.params)
        for key in ("what", "reason"):  # our own words: translated; the rest stays as written
            if key in values and self.language == "sr":
                values[key] = self.serbian(", ".join(_REASONS_SR.get(r, r) for r in values[key].split(", ")))
        text = self.phrase(f"issue_{code}", **values)
        return f"{text}: {issue.sentence[:80]}" if issue.sentence else text

    def serbian(self, text: str) -> str:
        """Serbian text (a quote, a label) in the answer's script."""
        if self.script == "cyrillic":
            return text if has_cyrillic(text) else to_cyrillic(text)
        return to_latin(text)


def detect_style(question: str, script: str | None = None) -> Style:
    """Cyrillic question -> Serbian Cyrillic; else English when it reads as English.

    script: force the answer's script ("latin" | "cyrillic"); None follows the question.
    A forced Cyrillic answer is Serbian (English frame text in Cyrillic letters is no
    language); a forced Latin one keeps the question's language."""
    check_script(script)
    if script == "cyrillic" or (script is None and cyrillic_share(question) > 0.3):
        return Style("sr", "cyrillic")
    if cyrillic_share(question) > 0.3:
        return Style("sr", "latin")
    return Style("en" if language(words(question)) == "english" else "sr", "latin")


def is_self_check(notice: str) -> bool:
    """Whether a notice is the extractive answerer's self-check (any language/script)."""
    return any(notice.startswith(Style(lang, sc).phrase("self_check").split("{")[0])
               for lang in _PHRASES for sc in SCRIPTS)


def source_language(kind: str, doc_language: str | None) -> str:
    if doc_language:
        return doc_language[:2]
    return "en" if kind in INTERNATIONAL_KINDS else "sr"


def display_quote(raw: str, style: Style, src_language: str) -> tuple[str, str | None]:
    """(quote as shown, original when it was transliterated)."""
    if src_language != "sr":
        return raw, None
    shown = style.serbian(raw) if style.language == "sr" else to_latin(raw)
    return shown, (raw if shown != raw else None)
