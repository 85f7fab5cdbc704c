"""A story told in a client's words, answered by the unit search is sure answers it.

    lead = fitted_lead(question, hits, candidates, kind, min_fit)

A client's question is in everyday words ("Da li sam zaista dužna da vratim taj
novac?"), and its story's words are facts no provision repeats: the share of its words
that any quote holds (the evidence, `answer.abstain`) can be low beside the very
provision that answers it. Search has a second signal for a story: the learned order
(`retrieval.learned_order`) estimates, from where its legs agree and what the unit
states, the probability that a unit answers the story's question (`Hit.fit`). When the
first result's is at least `min_fit`, its best span leads, provided it states the kind
of thing asked (an amount, a deadline, a body: `retrieval.answer_type`), belongs to
the regime asked about and is not another ECtHR case than the one named
(`answer.regime`). The answer then says "bears on the question" (confidence
"medium"), never "answers it".

Pure; only for a story (`answer.decide` calls it where the evidence falls short), never
for a question asked in one go, whose words are its subject.
"""
from __future__ import annotations

from retrieval.answer_type import must_state, states
from retrieval.hit import Hit

from answer.regime import other_case, regime_factor


def fitted_lead(question: str, hits: list[Hit], candidates: list, kind: str | None, min_fit: float):
    """The candidate span to lead with, or None: the first hit's best span, when search's
    probability that the hit answers the story is at least `min_fit`."""
    if not hits or hits[0].fit is None or hits[0].fit < min_fit:
        return None
    if regime_factor(question, hits[0].chunk) < 1.0 or other_case(hits, hits[0].chunk):
        return None
    asks = must_state(question, kind)
    for c in candidates:  # best first
        if c.hit_index == 0 and (not asks or states(c.span.text, kind, question)):
            return c
    return None
