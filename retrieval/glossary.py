"""English legal terms -> the Serbian words of the statutes, for English questions.

Keyword search cannot match "compensation" to "naknada štete"; the dense leg can, but
only where it is built and only approximately. A small curated glossary (data, in
retrieval/data/glossary_en_sr.json) adds the Serbian terms to the keyword query, the
way a bilingual legal thesaurus does. Pure: it never changes what the user sees.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from retrieval.analyzer import analyze, language, words

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary_en_sr.json"


@lru_cache(maxsize=2)
def _pattern(path: str) -> tuple[re.Pattern, dict[str, str]]:
    terms = json.loads(Path(path).read_text(encoding="utf-8"))["terms"]
    terms = {k.lower(): v for k, v in terms.items()}
    # Longest phrases first, so "free legal aid" wins over "legal aid" and "aid".
    alternatives = "|".join(re.escape(k) for k in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), terms


def matches(question: str, path: Path = GLOSSARY_FILE) -> list[tuple[int, int, str]]:
    """(start, end, Serbian words) for each English legal phrase in `question`."""
    pattern, terms = _pattern(str(path))
    # lower() keeps offsets for the text a question holds (ASCII-case English phrases).
    return [(m.start(), m.end(), terms[m.group()]) for m in pattern.finditer(question.lower())]


def serbian_terms(question: str, path: Path = GLOSSARY_FILE) -> list[str]:
    """The Serbian equivalents of the English legal terms in `question`, in order."""
    return list(dict.fromkeys(sr for _, _, sr in matches(question, path)))


def keyword_tokens(question: str, path: Path = GLOSSARY_FILE) -> list[str]:
    """BM25 query tokens: the question's own (stemmed in the question's language) plus
    the Serbian terms of its English legal phrases, stemmed as Serbian. Analysing the
    whole question with its Serbian terms appended at once would stem "naknada štete" with the English stemmer
    of an English question, and those stems never meet the statutes' Serbian ones."""
    extra = serbian_terms(question, path)
    return analyze(question) + (analyze(" ".join(extra), "serbian") if extra else [])


@lru_cache(maxsize=2)
def _reverse_stems(path: str) -> dict[str, tuple[str, ...]]:
    """Serbian stem -> English stems of the phrases whose Serbian terms hold it."""
    terms = json.loads(Path(path).read_text(encoding="utf-8"))["terms"]
    phrases: dict[str, dict[str, None]] = {}
    for en, sr in terms.items():
        for stem_ in analyze(sr, "serbian"):
            phrases.setdefault(stem_, {})[en.lower()] = None
    return {sr: tuple(dict.fromkeys(analyze(" ".join(ens), "english"))) for sr, ens in phrases.items()}


def english_alternatives(serbian_stem: str, path: Path = GLOSSARY_FILE) -> tuple[str, ...]:
    """English stems that render one Serbian legal stem ("boravk" -> resid, permit, …)."""
    return _reverse_stems(str(path)).get(serbian_stem, ())


def english_tokens(question: str, path: Path = GLOSSARY_FILE) -> list[str]:
    """English-stemmed tokens of the glossary's English phrases for the Serbian legal
    words of `question` ("dozvola boravka" -> "residence permit"): for searching a
    treaty or judgment written in English that a Serbian question names. Empty for an
    English question."""
    if language(words(question)) == "english":
        return []
    return list(dict.fromkeys(t for s in analyze(question, "serbian") for t in english_alternatives(s, path)))
