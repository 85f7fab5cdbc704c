"""Find a quotation in a source: normalised matching that tolerates a changed character
in ten, and the source's own words around the match.

Matching uses the retrieval normalisation (Latin, lowercase, no diacritics) with
punctuation reduced to spaces, so a Cyrillic source quoted in Latin still matches.
Pure functions; answer.verify decides what a match means for an answer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from core.text import normalize

# partial_ratio >= 90 on the normalised text: tolerates about one changed character
# in ten (a dropped comma, an inflection the model "fixed", "..." for an elided word)
# while a sentence made up in the vocabulary of the source scores far lower (the
# fabricated quotes in tests/answer/test_answer_verify.py score 45-75). Quotes shorter than
# MIN_FUZZY_CHARS must match exactly: a short string finds a fuzzy partner anywhere.
QUOTE_MIN_SCORE = 90.0
MIN_FUZZY_CHARS = 20


@lru_cache(maxsize=4096)
def _norm_char(c: str) -> str:
    return normalize(c)


@lru_cache(maxsize=2048)
def key_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Normalised text with punctuation as single spaces, and for each of its characters
    the index of the source character it came from (to cut the source's own words).
    Cached: one answer checks several quotes against the same chunk texts."""
    out: list[str] = []
    idx: list[int] = []
    for i, c in enumerate(text):
        for k in _norm_char(c):
            if k.isalnum():
                out.append(k)
                idx.append(i)
            elif out and out[-1] != " ":
                out.append(" ")
                idx.append(i)
    return "".join(out).strip(), tuple(idx)


def key(text: str) -> str:
    return key_with_map(text)[0]


def match_quote(quote: str, text: str) -> tuple[float, tuple[int, int] | None]:
    """(score 0..100, source span (start, end) in `text` or None) of `quote` in `text`.
    An ellipsis splits the quote into parts that must each match."""
    parts = [p for p in re.split(r"…|\.\.\.", quote) if key(p)]
    if not parts:
        return 0.0, None
    tkey, tmap = key_with_map(text)
    scores, spans = [], []
    for part in parts:
        q = key(part)
        pos = tkey.find(q)
        if pos >= 0:
            scores.append(100.0)
            spans.append((pos, pos + len(q)))
        elif len(q) < MIN_FUZZY_CHARS:
            scores.append(0.0)
        else:
            al = fuzz.partial_ratio_alignment(q, tkey)
            scores.append(al.score)
            spans.append((al.dest_start, al.dest_end))
    score = min(scores)
    if score < QUOTE_MIN_SCORE or not spans:
        return score, None
    a, b = spans[0][0], spans[-1][1]
    return score, (tmap[a], tmap[max(a, b - 1)] + 1)


def source_words(text: str, span: tuple[int, int]) -> str:
    """The source's words around a matched span, widened to whole words."""
    a, b = span
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return " ".join(text[a:b].split())
