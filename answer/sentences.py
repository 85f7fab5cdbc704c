"""Candidate answer spans of a chunk and their scores against a question.

A span is a whole stav / tačka / paragraph when it is short, else one sentence of it,
given as character offsets into the chunk text so that a quote is always the source's
own words. Scoring is BM25 over the spans of the retrieved hits (IDF from those spans)
on the tokens of `retrieval.analyzer.analyze`, the same analysis the BM25 index uses,
so a Cyrillic question meets a Latin article and "naknada stete" meets "naknada štete".

Pure functions; choosing and composing the answer is `answer.extractive`.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from retrieval import glossary
from retrieval.analyzer import analyze, language, token_spans, words
from answer.config import ANSWER
from core.text import normalize
from retrieval.sources.citation_parse import name_spans
from retrieval.term_stats import TermStats

# Span sizes and the cue bonus, with where they were tuned: answer.config.AnswerConfig.

# Units: a "(N)" stav, an "N)" tačka, a numbered treaty/ECtHR paragraph "2. Each…",
# a blank-line block (PIS) — each starts a unit.
_UNIT_START = re.compile(r"^(?:\(\d{1,3}\)\s|\d{1,3}\)\s|\d{1,3}\.\s+(?=[A-ZА-Я]))|\n[ \t]*\n", re.M)
# Numbering that opens a span and is not part of the quotable words: "(2) ", "5) ",
# an ECtHR paragraph number "281. ", a bullet.
_LEAD = re.compile(r"\s*(?:\(\d{1,3}\)|\d{1,3}\)|\d{1,4}\.(?=\s+\D)|[-–•*])\s*")
_SENT_END = re.compile(r"[.!?](?=\s+[\"„“(A-ZČĆŠŽĐЂЈЉЊЋЏА-Я])")
# A period after these does not end a sentence ("čl. 5. Zakona", "Rantsev v. Cyprus").
_NO_BREAK = re.compile(
    r"(?:\d|\b[A-Za-zА-Яа-я]|\b(?:čl|st|tač|br|tj|npr|dr|sl|gl|mr|no|nos|art|arts|para|paras|cf|ibid"
    r"|чл|ст|тач|бр|тј|нпр|др))$",
    re.I,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str  # chunk.text[start:end]
    # For a tačka: the stav's opening words it completes ("… може да се пружи и ако је
    # реч о:"), which carry half its meaning; used for scoring, not quoted.
    lead: str = ""

    @property
    def display(self) -> str:
        """The span as quoted: whitespace (hard wraps) collapsed, nothing else changed."""
        return " ".join(self.text.split())


def _units(text: str) -> list[tuple[int, int]]:
    cuts = sorted({0, len(text), *(m.start() for m in _UNIT_START.finditer(text))})
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    for m in _SENT_END.finditer(text, start, end):
        if _NO_BREAK.search(text[max(a, m.start() - 6) : m.start()]):
            continue
        out.append((a, m.end()))
        a = m.end()
    out.append((a, end))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    lead = _LEAD.match(text, a, b)
    if lead:
        a = lead.end()
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_spans(text: str, short: int = ANSWER.short_unit_chars) -> list[Span]:
    """The quotable spans of a chunk text, in order."""
    spans: list[Span] = []
    lead = ""
    for a, b in _units(text):
        unit = text[a:b].strip()
        is_item = bool(re.match(r"\d{1,3}\)\s", unit))
        if not is_item:
            lead = unit if unit.endswith(":") else ""
        pieces = [(a, b)] if b - a <= short else _sentences(text, a, b)
        for pa, pb in pieces:
            pa, pb = _trim(text, pa, pb)
            if pb - pa >= ANSWER.min_span_chars:
                spans.append(Span(pa, pb, text[pa:pb], lead if is_item else ""))
    if spans and _cut_off(spans[-1], text):
        spans.pop()
    return spans


# How a finished sentence, stav or item ends (a tačka with ";" or ",", a list with ":").
_FINISHED = re.compile(r"[.!?:;,…\"“”»)\]]$")


def _cut_off(span: Span, text: str) -> bool:
    """The text's last span when the text ends in the middle of a short sentence: a
    page or a piece that goes on in the next chunk (ANSWER.min_tail_words)."""
    return (not text[span.end:].strip() and not _FINISHED.search(span.text)
            and len(span.text.split()) < ANSWER.min_tail_words)


# Question type -> words an answer of that type contains (on normalised text). "Do kada
# se može podneti…" is answered by "…najkasnije do završetka…", which shares no content
# word with "do kada": lexical overlap alone cannot see it.
CUES = (
    (re.compile(r"\b(do kada|kada|u kom roku|rok\w*|until when|when|deadline|time.limit)\b"),
     re.compile(r"\b(najkasnije|rok\w*|\d+ dana|dana od|meseci|do zavrsetka|no later than|within|time.limit)\b")),
    (re.compile(r"\b(kazn\w*|kaznjiv\w*|penalt\w*|punish\w*|sentence)\b"),
     re.compile(r"\b(kaznice se|kaznit\w*|zatvor\w*|novcan\w* kazn\w*|imprisonment|fine)\b")),
    (re.compile(r"\b(koliko|how much|how many|iznos\w*|visin\w*)\b"), re.compile(r"\d")),
)


def cue_factor(question: str, span_text: str) -> float:
    """ANSWER.cue_bonus when the question asks for a deadline / penalty / amount and the span
    states one, else 1."""
    return ANSWER.cue_bonus if _asked_cues(question) & _stated_cues(span_text) else 1.0


# Read once per question and once per span: a pathway answer scores every span per route.
@lru_cache(maxsize=256)
def _asked_cues(question: str) -> frozenset[int]:
    q = normalize(question)
    return frozenset(n for n, (qx, _) in enumerate(CUES) if qx.search(q))


@lru_cache(maxsize=16384)
def _stated_cues(span_text: str) -> frozenset[int]:
    t = normalize(span_text)
    return frozenset(n for n, (_, ax) in enumerate(CUES) if ax.search(t))


Term = tuple[str, ...]  # one question word: its stem, or its Serbian and English stems
# "Serbian law": the jurisdiction every statute here belongs to, which none of them says.
_JURISDICTION = frozenset({"serbia", "serbian"})


def query_terms(question: str) -> list[Term]:
    """The question's content words, each once, in order; a word the analyzer stems two
    ways (a question with no function words gets Serbian and English stems) is one term
    that either stem matches, so it is neither counted twice nor half-missing."""
    groups: dict[tuple[int, int], list[str]] = {}
    # The words naming a source ("Palermo protokol", "Rancev") say where to look, not
    # what the answer says; the named English text never repeats them in Serbian.
    names = name_spans(question)
    for tok, a, b in token_spans(question):
        if tok not in _JURISDICTION and not any(s <= a and b <= e for s, e in names):
            groups.setdefault((a, b), []).append(tok)
    # An English legal word is also met by the statute's Serbian words for it
    # ("compensation" by "naknada štete"), so English questions can quote Serbian law
    # and count as covered by it; still one term, so coverage is not inflated.
    for start, end, serbian in glossary.matches(question):
        extra = analyze(serbian, "serbian")
        for (a, b), alts in groups.items():
            if start <= a and b <= end:
                alts += [t for t in extra if t not in alts]
    # And the mirror: a Serbian legal word is met by the glossary's English words for
    # it, so a Serbian question can be answered from a treaty or judgment in English.
    if language(words(question)) != "english":
        for alts in groups.values():
            alts += [t for a in list(alts) for t in glossary.english_alternatives(a) if t not in alts]
    return list(dict.fromkeys(tuple(alts) for alts in groups.values()))


def idf_table(docs: list[set[str]], terms: list[Term], stats: TermStats | None = None) -> dict[Term, float]:
    """BM25 IDF of each term: over the whole index when its `stats` are given (a term
    with several stems takes its commonest, so alternatives never inflate it), else
    over `docs`. Either way a term nothing holds gets the highest IDF, which is what
    makes an unmatched question word count against the evidence."""
    if stats is not None:
        return {t: min(stats.idf(a) for a in t) for t in terms}
    n = len(docs)
    return {t: math.log(1 + (n - df + 0.5) / (df + 0.5))
            for t in terms for df in [sum(any(a in d for a in t) for d in docs)]}


def bm25(terms: list[Term], tokens: Sequence[str], idf: dict[Term, float], avgdl: float, k1: float = 1.2, b: float = 0.75) -> float:
    tf = Counter(tokens)
    dl = len(tokens) or 1
    score = 0.0
    for t in terms:
        f = max(tf.get(a, 0) for a in t)
        if f:
            score += idf[t] * f * (k1 + 1) / (f + k1 * (1 - b + b * dl / (avgdl or 1)))
    return score


def coverage(terms: list[Term], tokens: set[str], idf: dict[Term, float]) -> float:
    """IDF-weighted share of the question's terms that `tokens` hold (0..1)."""
    total = sum(idf[t] for t in terms)
    return sum(idf[t] for t in terms if any(a in tokens for a in t)) / total if total else 0.0
