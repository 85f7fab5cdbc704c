"""The small pattern syntax the project's word lists are written in, and the
normalisation they are matched on.

    re.compile(phrase_pattern(["rok za ~ žalb*", "# dana"])).search(norm(text))

Entries are words joined by whitespace, "x*" any ending, "~" up to three words, "#" a
number. `answer.scope_words` (answer/data/scope.json: other jurisdictions, small talk,
places) and `retrieval.answer_type` (retrieval/data/answer_type.json: what a question
asks for, what a quote states) compile their lists here. Reads no file.
"""
from __future__ import annotations

import re
from typing import Iterable

from core.text import normalize


def norm(text: str) -> str:
    """`normalize` with the typographic apostrophe made plain ("what’s"), same length."""
    return normalize(text).replace("\u2019", "'")


def phrase_pattern(entries: Iterable[str], number: str = r"\d+") -> str:
    """One regex alternation for word-list entries (syntax in data/scope.json's comment):
    words joined by whitespace, "x*" any ending, "~" up to three words, "#" `number`."""
    alts, after_number = [], []
    for entry in sorted({norm(e) for e in entries}, key=len, reverse=True):
        out, prev = "", None
        words = entry.split()
        if words[0] == "#" and len(words) > 1:  # "# dana", "# %": one number, then any unit (fast)
            after_number.append(phrase_pattern([" ".join(words[1:])], number)[len(r"(?<!\w)"):])
            continue
        for w in words:
            if w == "~":
                out += r"\s+(?:\S+\s+){0,3}"
                prev = None
                continue
            piece = number if w == "#" else re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
            if prev is not None:
                out += _gap(prev, w)
            out, prev = out + piece, w
        alts.append(out)
    if after_number:
        alts.append(number + r"\s*(?:" + "|".join(after_number) + ")")
    return r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)"


def _gap(prev: str, w: str) -> str:
    """Between two words: whitespace; none needed beside a sign ("10%", "€500") or
    between digits and a unit ("15dana"), never between two letters ("tri meseca")."""
    if not (prev[:1].isalnum() or prev == "#") or not (w[:1].isalnum() or w == "#"):
        return r"\s*"
    return r"(?:\s+|(?<=\d))" if prev == "#" else r"\s+"
