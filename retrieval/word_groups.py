"""Groups of written alternatives matched against a question's words: the small pattern
language of the concepts lexicon (`retrieval.concepts`) and the governing-laws table
(`answer.governing`).

    alt = alternative("bez ugovora")        # ("bez", "ugovora")
    find(words("Radila je bez ugovora."), alt)   # "bez ugovora"

An alternative is a word ("brak"), a prefix ("pretn*"), "#child" (a number 1-17: "ima
15 godina", "a 15-year-old") or a phrase of those, which must stand as consecutive words.
Words compare as `retrieval.analyzer.words` gives them (normalised: Cyrillic -> Latin,
lowercase, diacritics folded). Pure functions; what a match means is the caller's.
"""
from __future__ import annotations

import re

from core.text import normalize

_ALT_WORD = re.compile(r"#child|[^\W_]+\*?")  # "13-year-old" is three words, as in a question


def alternative(text: str) -> tuple[str, ...]:
    """A written alternative as its normalised words; () when it holds no word or a bare
    "*" (the caller refuses it, naming its file)."""
    found = tuple(_ALT_WORD.findall(normalize(text)))
    return found if found and all(w.rstrip("*") for w in found) else ()


def meets(word: str, pattern: str) -> bool:
    """Whether one question word meets one word of an alternative."""
    if pattern == "#child":  # a child's age: "ima 15 godina", "a 15-year-old"
        return word.isdigit() and 1 <= int(word) <= 17
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def find(words: list[str], alt: tuple[str, ...]) -> str | None:
    """The question's words that hold the alternative (a phrase: consecutive words)."""
    n = len(alt)
    for i in range(len(words) - n + 1):
        if all(meets(words[i + j], alt[j]) for j in range(n)):
            return " ".join(words[i:i + n])
    return None
