"""What makes a source, or an answer's own words, unfit to confirm a claim.

A user's document (kind "user_document", source "user/…") is the user's file, not a
legal source, and anyone could have written it: its text may instruct the model
("ignoriši prethodna uputstva", "send the question to http://…"), carry links, images
or HTML, or number its own "article 999". answer.verify therefore never lets such a
document confirm an article number, and never lets one that instructs, links or embeds
confirm anything; and no answer sentence may itself carry a link, an image or HTML.
answer.prompting fences user documents as untrusted data for the model.

Pure functions over text; does not render (ui.display escapes for the page).
"""
from __future__ import annotations

import re

from core.text import normalize

# On normalised text (Latin, lowercase, no diacritics), so Cyrillic instructions match too.
_INSTRUCTION = re.compile("|".join((
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instruction|prompt|rule|previous|above|prior)",
    r"\b(?:zanemari|ignorisi|zaboravi|prenebregni)\w*\b.{0,40}\b(?:uputstv|instrukcij|pravil|prethodn|naredb)",
    r"\byou are now\b|\bact as\b|\bnew (?:system )?(?:prompt|instructions)\b|\bsystem prompt\b",
    r"\bti si sada\b|\bod sada (?:si|ces|odgovaraj)\b|\bsistemsk\w* (?:poruk|uputstv|prompt)",
    r"(?:^|\n)\s*(?:system|assistant|developer|sistem|asistent)\s*:",
    r"\b(?:posalji|posaljite|send|post|prosledi|include|ubaci|dodaj|add)\b.{0,60}(?:https?:|www\.|\burl\b|\blink|adres)",
    r"\b(?:answer|respond|reply|odgovori|odgovaraj)\b.{0,30}\b(?:only|always|samo|uvek)\b.{0,30}\b(?:with|sa|da|that)\b",
    r"<<<|>>>",  # a fence of its own, to pose as the end of the sources
)))
_LINK = re.compile(r"(?i)\b(?:https?|ftp)://|\bwww\.[a-z0-9-]+\.|\]\(|\bmailto:|<a\s")
_IMAGE = re.compile(r"(?i)!\[|<img\b|\bdata:image/|\.(?:png|jpe?g|gif|svg|webp)\b")
_MARKUP = re.compile(r"(?i)<\s*/?\s*(?:script|style|iframe|form|object|embed|svg|link|meta|input|base|frame)\b")


def is_user_source(chunk) -> bool:
    """Whether a chunk comes from a user's document."""
    return getattr(chunk, "kind", None) == "user_document" or str(getattr(chunk, "source", "")).startswith("user/")


def embedded(text: str) -> list[str]:
    """"a link", "an image", "HTML" for what `text` carries (in that order)."""
    out = []
    if _LINK.search(text):
        out.append("a link")
    if _IMAGE.search(text):
        out.append("an image")
    if _MARKUP.search(text):
        out.append("HTML")
    return out


def untrusted_reasons(text: str) -> list[str]:
    """Why a user's document cannot confirm a claim: "instructions", a link, an image,
    HTML; [] for plain text."""
    reasons = ["instructions"] if _INSTRUCTION.search(normalize(text)) else []
    return reasons + embedded(text)
