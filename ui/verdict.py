"""How sure an answer is, and why a refusal refused, as the Ask page shows them.

- `reason_text(answer)`: the lines an abstention opens with ("Nisam pronašao odgovor u
  izvorima. Pitanje se odnosi na pravo druge države (u Hrvatskoj)…" and "Izvori ne
  sadrže: …"), i.e. the answer text up to its first blank line; the "possibly
  relevant" list after it is drawn as citation cards below the box instead.
- `confidence_text(answer, lang)`: the answer's confidence level in words a lawyer
  reads ("Pouzdanost: visoka — izvor odgovara na pitanje"), in the UI language, from
  the answer layer's own phrases (answer.messages); None where there is nothing to say
  (an answerer that sets no confidence, small talk).
- `ui_style(lang)`: the answer layer's Style for a UI language.

Pure functions returning plain text (the caller escapes it); no Streamlit. Not here:
deciding the confidence or the reason (answer.decide).
"""
from __future__ import annotations

from answer.messages import say
from answer.phrases import Style
from ui.strings import t

# "what_<kind>" phrases answer.messages has for the type a question asks for.
_WHAT = ("amount", "deadline", "body", "procedure", "permission", "number")


def ui_style(lang: str) -> Style:
    """Style("sr", "latin") for sr-Latn, ("sr", "cyrillic") for sr-Cyrl, ("en", "latin") for en."""
    if lang == "en":
        return Style("en", "latin")
    return Style("sr", "cyrillic" if lang == "sr-Cyrl" else "latin")


def is_pathway_answer(answer) -> bool:
    """An answer organised by remedy pathway (answer.remedies lists its pathways)."""
    remedies = getattr(answer, "remedies", None) or {}
    return not getattr(answer, "abstained", False) and bool(remedies.get("pathways"))


def reason_text(answer) -> str:
    """The abstention's opening lines: "not found" with the reason, and the named sources
    the index lacks; the answer's whole text when it has no blank line."""
    text = (getattr(answer, "answer", "") or "").strip("\n")
    head, _, _ = text.partition("\n\n")
    return head.strip()


def confidence_text(answer, lang: str) -> str | None:
    """"<label>: <level> — <phrase>" for the answer, or None."""
    level = getattr(answer, "confidence", None)
    reason = getattr(answer, "reason", None)
    if level not in ("high", "medium", "low") or reason == "small_talk":
        return None
    style = ui_style(lang)
    detail = getattr(answer, "reason_detail", "") or ""
    if is_pathway_answer(answer) and level == "medium" and detail in _WHAT:
        phrase = say(style, "confidence_pathways_unstated", what=detail)
    elif is_pathway_answer(answer):
        phrase = say(style, "confidence_pathways")
    elif level == "low" and reason == "type_not_stated" and detail in _WHAT:
        phrase = say(style, "confidence_low", what=detail)  # "…ne sadrži traženi rok"
    elif getattr(answer, "abstained", False):
        phrase = t("confidence_abstained", lang)
    else:
        phrase = say(style, "confidence_medium" if level == "low" else f"confidence_{level}")
    return f"{t('confidence_label', lang)}: {t('confidence_' + level + '_word', lang)} — {phrase}"
