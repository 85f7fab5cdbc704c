"""Serbian text: script conversion and the ONE fold/normalize every module compares with.

Script conversion: Cyrillic -> Latin, letter by letter (via cyrtranslit).

Letter-by-letter is what makes mixed-script words work: PIS texts contain words such
as "жртвa" with a Latin "a" inside Cyrillic, and each letter converts on its own.
Also used to show Cyrillic sources to a Latin reader and back (`to_cyrillic`).
`normalize` (to_latin + lowercase + `fold`) is the comparable form of a text: the BM25
index, citation parsing, absent-source detection, verification and the lookup page all
compare in it. `fold` maps đ -> "dj" (as the index was built); tokenising, stopwords and
stemming are `retrieval.analyzer`.
"""
from __future__ import annotations

import re
import unicodedata

import cyrtranslit

_FOLD = str.maketrans({"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj"})
_CYR = re.compile(r"[\u0400-\u04FF]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYR.search(text))


def cyrillic_share(text: str) -> float:
    """Share of letters that are Cyrillic (0.0 for text without letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _CYR.match(c)) / len(letters)


def to_latin(text: str) -> str:
    """Serbian Cyrillic -> Latin (Љ->Lj, ђ->đ, џ->dž…); Latin letters pass unchanged."""
    if not has_cyrillic(text):
        return text
    return cyrtranslit.to_latin(text, "sr")


def to_cyrillic(text: str) -> str:
    """Serbian Latin -> Cyrillic, for showing sources in the user's chosen script.

    Only for display: Latin words that are not Serbian (names, "Article") convert too,
    which is why matching never goes this way."""
    return cyrtranslit.to_cyrillic(text, "sr")


def fold(text: str) -> str:
    """Lowercase Latin text -> ASCII-ish: Serbian diacritics and accents removed."""
    text = text.translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """to_latin + lowercase + fold: the comparable form of a text, not tokenised."""
    return fold(to_latin(text).lower())


def find_words(text: str, quote: str, ignore_case: bool = False) -> tuple[int, int] | None:
    """(start, end) of `quote`'s words in `text`, any whitespace between them; None when
    absent or empty. The one exact quote locator: the citation label finds the stav a
    quote starts in with it, the app highlights the quoted words with it (ignoring case).
    Fuzzy matching for verification is `answer.quotes.match_quote`."""
    words = quote.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text, re.IGNORECASE if ignore_case else 0)
    return (m.start(), m.end()) if m else None
