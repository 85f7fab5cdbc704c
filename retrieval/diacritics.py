"""Diacritic restoration for questions typed without č ć š ž đ, for the dense leg.

The keyword legs fold diacritics on both sides, so "naknada stete" already meets
"naknada štete". The embedding model does not: measured on the test split, the dense
leg found 1 of 8 diacritic-free questions that it finds with diacritics. So before a
diacritic-free Serbian question is embedded, each word is replaced by the corpus's
most frequent spelling of it ("stete" -> "štete", "zrtvi" -> "žrtvi"). The table is
built from the chunk texts at index time (`build_table`), stored in the build, and
applied by `restore`. Pure functions; nothing here changes what the user sees.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

_WORD = re.compile(r"[A-Za-zČĆŠŽĐčćšžđ]+")
_DIACRITIC = re.compile(r"[čćšžđČĆŠŽĐ]")
_FOLD = str.maketrans("čćšžđČĆŠŽĐ", "ccszdCCSZD")


def restoration_key(word: str) -> str:
    """The table's key: diacritics dropped and đ/dj both -> d, so "djak", "dak" and "đak"
    meet. Not `core.text.fold` (which keeps đ -> dj, as the BM25 index does): the key is
    stored in every build's table, so it must not change."""
    return word.translate(_FOLD).replace("dj", "d").replace("Dj", "D")


def build_table(texts: Iterable[str]) -> dict[str, str]:
    """folded lowercase word -> its most frequent spelling with diacritics, for the words
    whose most frequent spelling has any (others need no entry)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for w in _WORD.findall(text):
            w = w.lower()
            counts[restoration_key(w)][w] += 1
    table = {}
    for key, forms in counts.items():
        best, _ = forms.most_common(1)[0]
        if _DIACRITIC.search(best):
            table[key] = best
    return table


def needs_restoring(question: str) -> bool:
    """Latin text with no diacritic at all (Cyrillic and diacritic text are left alone)."""
    return not _DIACRITIC.search(question) and not re.search(r"[\u0400-\u04FF]", question)


def restore(question: str, table: dict[str, str]) -> str:
    """`question` with each word spelled as the corpus most often spells it."""
    if not table or not needs_restoring(question):
        return question

    def one(m: re.Match) -> str:
        w = m.group()
        best = table.get(restoration_key(w.lower()))
        if best is None:
            return w
        return best.capitalize() if w[:1].isupper() else best

    return _WORD.sub(one, question)
