"""Scoring the spans of the hits against a question: every sentence / stav of every hit
becomes a `Candidate` with a BM25 score (scaled by the hit's rank, the cue words of the
asked type and the regime it belongs to) and the share of the question it covers; the
evidence score the abstention reads is made from those coverages.

    candidates = score_candidates(question, hits)   # best first
    evidence = evidence_of(candidates, hits)

Shared by every answerer: the extractive one quotes the best candidates, an LLM's answer
is judged on the same evidence, the pathway answer picks a route's provisions with it,
and `answer.decide` reads a hit's language here. Composes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.records import INTERNATIONAL_KINDS, SERBIAN_SOURCE_KINDS
from retrieval.analyzer import analyze, language, words
from retrieval.hit import Hit

from answer.abstain import evidence_score
from answer.config import ANSWER
from answer.labels import law_name
from answer.regime import regime_factor
from answer.sentences import Span, bm25, coverage, cue_factor, idf_table, query_terms, split_spans

# The values and where they were tuned: answer.config.AnswerConfig. CROSS_WEIGHT is bound
# here because `score_candidates` reads it at call time (a test sets it to show the rule
# matters).
CROSS_WEIGHT = ANSWER.cross_weight


@dataclass(frozen=True)
class Candidate:
    hit_index: int  # into the hits list
    span: Span
    score: float
    coverage: float


def _context(hit: Hit) -> tuple[str, ...]:
    """Tokens that locate a chunk (heading, law name, article): they answer "član 388 KZ"
    and "trgovina ljudima" questions even when the article text never says them."""
    c = hit.chunk
    parts = [c.heading, c.title, c.section]
    if c.kind == "law":
        parts.append(law_name(c, hit.document))
    if c.article:
        parts.append(f"član {c.article} article {c.article}")
    return _analyzed(" ".join(p for p in parts if p))


# A pathway answer scores the same hits once per route, and the next question meets many
# of the same chunks: a chunk's spans and tokens, which depend on its text alone, are
# computed once (4096 texts: a few thousand chunks' worth, well under the index).
@lru_cache(maxsize=4096)
def _analyzed(text: str) -> tuple[str, ...]:
    return tuple(analyze(text))


@lru_cache(maxsize=4096)
def _span_tokens(text: str) -> tuple[tuple[Span, tuple[str, ...]], ...]:
    """A long enough chunk text's spans, each with its tokens (its words and its lead's)."""
    spans = split_spans(text) or [Span(0, len(text), text)]
    return tuple((s, _analyzed(s.text + "\n" + s.lead)) for s in spans)


def _rank_factor(hit: Hit, position: int) -> float:
    # Retrieval already ranked these: trust its first hit a little more, and a hit the
    # citation leg found (the question named this article) more still.
    factor = 1.0 / (1.0 + ANSWER.rank_decay * position)
    if position == 0:
        factor *= ANSWER.first_hit_factor
    if "citation" in hit.via:
        factor *= ANSWER.named_hit_factor
    return factor


def score_candidates(question: str, hits: list[Hit]) -> list[Candidate]:
    """Every span of every hit, best first."""
    terms = query_terms(question)
    rows = []
    for i, hit in enumerate(hits):
        ctx = _context(hit)
        text = hit.chunk.text
        if len(text.strip()) < ANSWER.min_span_chars:
            if "citation" not in hit.via:
                continue  # "(Brisano)": a deleted article answers nothing…
            # …unless the question names it ("Da li je član 390a KZ na snazi?"): then
            # "(Brisano)" is the answer.
            start = len(text) - len(text.lstrip())
            span = Span(start, len(text.rstrip()), text.strip())
            spanned = ((span, _analyzed(span.text + "\n")),)
        else:
            spanned = _span_tokens(text)
        rows += [(i, s, toks + ctx) for s, toks in spanned]  # new tuples: the cached ones stay as they are
    if not rows or not terms:
        return []
    docs = [set(toks) for _, _, toks in rows]
    idf = idf_table(docs, terms, next((h.stats for h in hits if h.stats is not None), None))
    avgdl = sum(len(t) for _, _, t in rows) / len(rows)
    qlang = language(words(question))
    # Across languages only the words the glossary translates can meet the text; the rest
    # ("woman", "simply" against a Serbian statute) weigh CROSS_WEIGHT there.
    foreign = {t: (idf[t] * CROSS_WEIGHT if len(t) == 1 else idf[t]) for t in terms}
    out = []
    for (i, s, toks), d in zip(rows, docs):
        other = qlang != "both" and _text_language(hits[i]) not in (qlang, None)
        # A regime the question does not ask about (misdemeanour procedure, the State's
        # liability for wrongful conviction) must not lead: answer.regime.
        factor = _rank_factor(hits[i], i) * cue_factor(question, s.text) * regime_factor(question, hits[i].chunk)
        out.append(Candidate(i, s, bm25(terms, toks, idf, avgdl) * factor,
                             coverage(terms, d, foreign if other else idf)))
    return sorted(out, key=lambda c: -c.score)


def _text_language(hit: Hit) -> str | None:
    """The language a hit's text is written in, by its kind (None: unknown, a user's file)."""
    k = hit.chunk.kind
    return "english" if k in INTERNATIONAL_KINDS else "serbian" if k in SERBIAN_SOURCE_KINDS else None


def quote_text(span: Span) -> str:
    """What to quote for a span: a tačka with its stav's opening words when they are
    short enough to read ("… može da se pruži i ako je reč o: … licu koje …")."""
    if span.lead and len(span.lead) <= 300:
        return f"{span.lead} … {span.text}"
    return span.text


def _named(hits: list[Hit]) -> list[int]:
    """Positions of the leading hits the citation leg found (the question named them)."""
    out = []
    for i, h in enumerate(hits):
        if "citation" not in h.via:
            break
        out.append(i)
    return out


def evidence_of(candidates: list[Candidate], hits: list[Hit]) -> float:
    """The abstention evidence (answer.abstain); 1.0 when the question names a provision
    the index holds, since quoting it is the answer."""
    if _named(hits) and candidates:
        return 1.0
    return evidence_score([c.coverage for c in candidates])
