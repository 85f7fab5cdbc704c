"""Whether a story's routes state the amount it asks, and which paragraph beside the
subject's states what is asked (whether one quote states it: `retrieval.answer_type.states`).

    states_amount(ask, hits, plan, context, spans)   # a pathway answer's amount
    sibling_stating(kind, question, meeting, candidates, hits)   # another paragraph, same article

An article's paragraphs divide the work: ZOIKD čl. 58 says in its first paragraph that
unsold property may be donated and in its second that the Government decides on it. The
paragraph that holds the question's words is then not the one that answers "ko
odlučuje"; its sibling is. Pure functions; which quote leads is `answer.decide`'s.
"""
from __future__ import annotations

from typing import Callable

from core.records import ARTICLE_KINDS
from retrieval.analyzer import analyze
from retrieval.hit import Hit
from retrieval.priors import echr_award

from retrieval.answer_type import asks_penalty, states, states_penalty
from answer.regime import other_case
from answer.subject import meets, subject_of

_CASE_FACTS = ("echr_judgment", "court_bulletin")
# A story's amount may be stated by a paragraph of the first units search ranks that the
# answerer's selection passed by ("u iznosu od najviše 18 zarada" under ZOR čl. 191).
FIRST_UNITS = 3


def states_amount(ask: str, hits: list[Hit], plan, context: Callable[[Hit], list[str]], chosen: list = (),
                  candidates: list = ()) -> bool:
    """Whether a route's quote, a span the answerer chose, or a span of the first
    FIRST_UNITS hits (of `candidates`) states an amount (in the unit the question names,
    retrieval.answer_unit) of what the story's own question (`ask`) asks about: a
    penalty range (KZ 388) is no administrative fee for a
    new identity card, but KZ 193's range answers "kolika je kazna" for a parent who
    makes a child beg."""
    subject = subject_of(ask, hits)
    spans = list(chosen) + [c for c in candidates if c.hit_index < FIRST_UNITS and c not in chosen]
    # A judgment's or a bulletin's paragraph tells a case's facts ("the Tax Office ordered
    # the applicant to pay the sum of EUR 106,960"): no amount a rule sets (as for
    # sibling_stating); but the Court's award under Article 41 is what "koliko je Sud
    # dosudio" asks.
    quotes = [(ref.quote, h, False) for ref, h in plan.hits.items()] + [
        (c.span.text, hits[c.hit_index], c.hit_index < FIRST_UNITS) for c in spans
        if (hits[c.hit_index].chunk.kind not in _CASE_FACTS or echr_award(hits[c.hit_index].chunk))
        and not other_case(hits, hits[c.hit_index].chunk)]  # nor a case the question does not ask about
    # Only a word some source uses is asked of the quote: a client's "uradio", "dobijem"
    # is in no statute (as the direct answer's key terms, answer.decide).
    everywhere = set().union(*(set(analyze(h.chunk.text)) | set(context(h)) for h in hits)) if hits else set()
    # "Koja kazna mu preti?" after a story asks the penalty for what the story tells, in
    # the client's words ("zaključavanje", "inspektor"), never the statute's ("lišenje
    # slobode", "službeno lice"): a first unit's penalty states it; a route's (KZ 388's
    # for trafficking) is not the penalty for what the story asks about.
    penalty = asks_penalty(ask)
    return any(states(text, "amount", ask) and (penalty and first and states_penalty(text) or meets(
        subject, set(analyze(text)) | set(context(h)), True, everywhere)) for text, h, first in quotes)


def case_facts_amount(kind: str | None, chunk) -> bool:
    """Whether an ECtHR paragraph asked for an amount only tells a case's facts ("the
    applicant claimed EUR 17,500 for costs"): no amount a rule sets, and not the Court's
    award under Article 41 (`echr_award`), which "how much did the Court award" asks."""
    return kind == "amount" and chunk.kind == "echr_judgment" and not echr_award(chunk)


def sibling_stating(kind: str, question: str, meeting: list, candidates: list, hits: list[Hit]) -> list:
    """The other paragraphs of a statute's or treaty's article whose quote holds the
    question's key term (`meeting`) that state what the question asks for, best score
    first. Not a judgment's or a bulletin's: their paragraphs tell facts and arguments,
    not one rule's parts ("the applicants claimed EUR 10,000" is no award); not beside a
    quote that only shares the question's common words; and only for a deadline or a
    body: the paragraphs of a penalty article are tiers ("10.000 dinara" is the fine for
    another speed than the one asked about), and any article's paragraph names some step
    (ZZPL 86 st. 2's action for damages against a data controller answered "how does she
    get compensated?" for a woman forced to work without pay)."""
    if kind not in ("deadline", "body"):
        return []
    units = {c.hit_index for c in meeting if hits[c.hit_index].chunk.kind in ARTICLE_KINDS}
    return sorted((c for c in candidates if c.hit_index in units and c not in meeting
                   and states(c.span.text, kind, question)), key=lambda c: -c.score)
