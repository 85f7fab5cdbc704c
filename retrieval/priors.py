"""Ranking adjustments applied after fusion: pure functions and tuned constants.

`prior(chunk, named_sources, definition_question, defines)` is the factor a chunk's
fused score is multiplied by (its kind, whether it sits in an article, whether an ECtHR
paragraph is in the judgment's facts part, whether it defines the terms a definition
question asks about); `unit_of` says what counts as
one result when pieces are collapsed. The tuned values are `retrieval.config`.

Holds no index state: the caller supplies the chunk, the sources the question names
and the two intent flags (`retrieval.intents`). Deliberately does not fuse, collapse
or cap itself (`retrieval.fusion` does, driven by `retrieval.searcher`).
"""
from __future__ import annotations

import re
from typing import Collection

from core.records import ARTICLE_KINDS, Chunk
from core.text import normalize
from retrieval.config import RANKING

# The priors' values and where they were tuned: retrieval.config.RankingConfig.
# DEFINITION_FACTOR is bound here because `prior` reads it at call time (a test sets it
# to 1.0 to show the rule matters).
DEFINITION_FACTOR = RANKING.definition_factor

# The headings of an ECtHR judgment's THE LAW part ("I. ALLEGED VIOLATION OF ARTICLE 4 OF
# THE CONVENTION – 3. Application of the general principles", "APPLICATION OF ARTICLE 41").
_LAW_PART = re.compile(r"ALLEGED VIOLATION|VIOLATION OF ARTICLE|APPLICATION OF ARTICLE 41|PRELIMINARY OBJECTION"
                       r"|\bTHE LAW\b", re.IGNORECASE)


def echr_facts(chunk: Chunk) -> bool:
    """An ECtHR paragraph under a heading outside the judgment's THE LAW part (the facts,
    the relevant domestic and international law); False for one with no heading."""
    return chunk.kind == "echr_judgment" and bool(chunk.heading) and not _LAW_PART.search(chunk.heading)


# ... and of its just-satisfaction part, where the Court states what it awards.
_AWARD = re.compile(r"article 41|just satisfaction|clan\w* 41|pravicno zadovoljenje")


def echr_award(chunk: Chunk) -> bool:
    """An ECtHR paragraph of the judgment's part on just satisfaction (Article 41)."""
    return chunk.kind == "echr_judgment" and bool(_AWARD.search(normalize(chunk.heading or "")))


def unit_of(chunk: Chunk) -> tuple:
    """What counts as one result: an article, an ECtHR paragraph, a bulletin page,
    a whole decision (its sections are read together)."""
    if chunk.kind == "court_decision":
        return (chunk.source,)
    if chunk.article is not None:
        return (chunk.source, "art", chunk.article)
    if chunk.paragraph is not None:
        return (chunk.source, "par", chunk.paragraph)
    if chunk.page is not None:
        return (chunk.source, "page", chunk.page)
    return (chunk.source, "id", chunk.section, chunk.id if chunk.section is None else "")


def prior(chunk: Chunk, named_sources: Collection[str], definition_question: bool, defines: bool) -> float:
    """The factor on `chunk`'s fused score. `defines` is `intents.defines_terms(chunk)`,
    passed in so the caller can compute it once per index."""
    unitless = chunk.kind in ARTICLE_KINDS and chunk.article is None
    kind = 1.0 if chunk.source in named_sources else (RANKING.bulletin_prior if chunk.kind == "court_bulletin" else 1.0)
    # DEFINITION_FACTOR is read at call time (a test sets it to 1.0 to show the rule matters).
    definition = DEFINITION_FACTOR if definition_question else 1.0
    facts = RANKING.echr_facts_prior if echr_facts(chunk) else 1.0
    return kind * facts * (RANKING.unitless_prior if unitless else 1.0) * (definition if defines else 1.0)
