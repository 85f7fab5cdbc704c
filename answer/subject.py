"""The question's subject terms, and whether the retrieved sources hold them at all.

"Kolika je akciza na cigarete?": the rarest words of a question ("akciza", "cigarete")
name what it is about. When no retrieved unit holds them, the sources are about
something else that shares the common words ("kolika", "je"), and quoting them would
answer a question nobody asked: the subject is missing. When they are held, the quote
that leads an answer must hold one of them itself (`meets`), not merely sit in a chunk
or a hit list that does.

Rarity is the whole index's IDF (`retrieval.term_stats`, carried on each Hit), over the
terms of `answer.sentences.query_terms`, so English words meet Serbian statutes through
the glossary. Pure functions.
"""
from __future__ import annotations

from dataclasses import dataclass

from retrieval.analyzer import analyze, token_spans
from retrieval.hit import Hit

from answer.sentences import Term, idf_table, query_terms

# A term this rare (BM25 IDF over the index; 6.0 is about 60 of 25,516 chunks) names a
# subject rather than asking about one. Calibrated on the unanswerable dev set and the
# dev split (answer/decide.py has the table).
RARE_IDF = 6.0
# The lead quote must hold one of the question's KEY_TERMS rarest terms.
KEY_TERMS = 2
MIN_KEY_IDF = 2.5


@dataclass(frozen=True)
class Subject:
    terms: list[Term]
    idf: dict[Term, float]
    words: dict[Term, str]  # a term -> the question's word for it, as written

    @property
    def key(self) -> list[Term]:
        ranked = sorted((t for t in self.terms if self.idf[t] >= MIN_KEY_IDF), key=lambda t: -self.idf[t])
        return ranked[:KEY_TERMS]

    @property
    def rare(self) -> list[Term]:
        return sorted((t for t in self.terms if self.idf[t] >= RARE_IDF), key=lambda t: -self.idf[t])


def subject_of(question: str, hits: list[Hit]) -> Subject:
    terms = query_terms(question)
    stats = next((h.stats for h in hits if h.stats is not None), None)
    docs = [set(analyze(h.chunk.text)) for h in hits] if stats is None else []
    idf = idf_table(docs, terms, stats)
    spans = {tok: question[a:b] for tok, a, b in token_spans(question)}
    words = {t: next((spans[a] for a in t if a in spans), t[0]) for t in terms}
    return Subject(terms, idf, words)


def held(term: Term, tokens: set[str]) -> bool:
    return any(a in tokens for a in term)


def missing(subject: Subject, hit_tokens: list[set[str]]) -> list[str]:
    """The question's words for rare terms that no retrieved unit holds, rarest first,
    when they make the question's subject missing: its rarest term is held nowhere and
    the missing ones weigh at least half of all rare terms. [] otherwise."""
    rare = subject.rare
    if not rare:
        return []
    everywhere = set().union(*hit_tokens) if hit_tokens else set()
    absent = [t for t in rare if not held(t, everywhere)]
    if not absent or absent[0] != rare[0]:
        return []
    if sum(subject.idf[t] for t in absent) < 0.5 * sum(subject.idf[t] for t in rare):
        return []
    return [subject.words[t] for t in absent]


def meets(subject: Subject, tokens: set[str]) -> bool:
    """Whether a quote's tokens hold one of the question's key terms (True when the
    question has none: nothing to meet)."""
    key = subject.key
    return not key or any(held(t, tokens) for t in key)
