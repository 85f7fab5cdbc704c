"""Ranking adjustments applied after fusion: pure functions and tuned constants.

`prior(chunk, named_sources, definition_question, defines)` is the factor a chunk's
fused score is multiplied by (its kind, whether it sits in an article, whether it
defines the terms a definition question asks about); `unit_of` says what counts as
one result when pieces are collapsed; `PAGES_PER_BULLETIN` caps one bulletin's run.

Holds no index state: the caller supplies the chunk, the sources the question names
and the two intent flags (`retrieval.intents`). Deliberately does not fuse, collapse
or cap itself (`retrieval.fusion` does, driven by `retrieval.searcher`).
"""
from __future__ import annotations

from typing import Collection

from core.records import Chunk

# Bulletins are long, topical pages; more than this many pages of one bulletin in a
# row push the statute and the judgment out of the top results, so extras move down.
PAGES_PER_BULLETIN = 2
# Priors on the fused score, tuned on the dev split (recall@5 / MRR 0.849 / 0.689
# without them; bulletin 0.8 / 0.6 / 0.4 gave 0.871 / 0.882 / 0.871 and MRR 0.736 /
# 0.746 / 0.742 with the unit-less prior 0.5, which alone gave 0.860 / 0.692). A bulletin page
# is a long secondary summary that shares many words with any question on its topic,
# and law or treaty text outside any article (a preamble, an amending law's clauses)
# cannot be cited to a provision; a lawyer wants the provision or the decision first.
# The kind prior does not apply to a document the question names ("Bilten 2/2011").
KIND_PRIOR = {"court_bulletin": 0.6}
DEFINITION_FACTOR = 2.0
UNITLESS_PRIOR = 0.5


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
    unitless = chunk.kind in ("law", "treaty") and chunk.article is None
    kind = 1.0 if chunk.source in named_sources else KIND_PRIOR.get(chunk.kind, 1.0)
    # DEFINITION_FACTOR is read at call time (a test sets it to 1.0 to show the rule matters).
    definition = DEFINITION_FACTOR if definition_question else 1.0
    return kind * (UNITLESS_PRIOR if unitless else 1.0) * (definition if defines else 1.0)
