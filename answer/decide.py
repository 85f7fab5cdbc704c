"""Answer or not, and how: the one decision both answerers share, with its reason.

In order, a question gets:
  1. small talk ("Kakvo je vreme sutra?")            -> abstain, reason small_talk
  2. a named source the index lacks (retrieval.absent) -> abstain, absent_source
  3. another jurisdiction's law ("u Hrvatskoj")      -> abstain, other_jurisdiction
  4. a client's story, or "how does she get compensated?", that triggers pathways of
     the remedy guide (retrieval.remedies)           -> answer by pathway
  5. a subject no retrieved unit holds ("akciza")    -> abstain, subject_missing
  6. too little evidence (answer.abstain)            -> abstain, no_match
  7. a quote that holds the question's key terms and states what it asks for (an
     amount, a deadline, a body, a step: answer.answer_type) leads the answer;
     none that states it                             -> abstain, type_not_stated
     none that holds the key terms                   -> abstain, no_match
A question that names a provision ("čl. 254 ZKP") is answered by quoting it.

The ✓ on a citation says the quote is in its source; this decision is what makes the
lead quote also answer the question. Pure: the answerers compose the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from retrieval.analyzer import analyze
from retrieval.hit import Hit

from answer.answer_type import asked_type, states_type
from answer.scope import is_small_talk, other_jurisdiction
from answer.subject import meets, missing, subject_of

# Evidence at or above this, with a lead that meets the key terms and the asked type,
# is shown as "the source answers the question"; below it "bears on the question".
HIGH_EVIDENCE = 0.6
# How far down the candidates a lead that answers is looked for.
LEAD_POOL = 12


@dataclass(frozen=True)
class Decision:
    action: str  # "answer" | "pathways" | "abstain"
    reason: str | None = None  # answer.messages.REASONS, when abstaining
    detail: str = ""  # the place, the missing words, or the answer type the reason names
    chosen: list = field(default_factory=list)  # answer: the candidates to quote, lead first
    confidence: str = "high"  # answer.messages.CONFIDENCE
    asked: str | None = None  # answer.answer_type of the question


def _abstain(reason: str, detail: str = "", asked: str | None = None, confidence: str = "low") -> Decision:
    return Decision("abstain", reason, detail, confidence=confidence, asked=asked)


def _tokens(c, hits: list[Hit], context: Callable[[Hit], list[str]]) -> set[str]:
    return set(analyze(c.span.text + "\n" + c.span.lead)) | set(context(hits[c.hit_index]))


def decide(question: str, hits: list[Hit], candidates: list, evidence: float, threshold: float,
           absent: Sequence[str], plan, chosen: list, named: bool,
           context: Callable[[Hit], list[str]], min_support: float = 0.3) -> Decision:
    """The decision for `question`. `chosen`: the answerer's own selection (lead first);
    `named`: the question names a provision the hits hold; `plan`: the remedy plan
    (retrieval.remedies) or None; `context`: a hit's locating tokens (heading, law)."""
    kind = asked_type(question)
    if is_small_talk(question) and not named and plan is None:
        return _abstain("small_talk", asked=kind)
    names = [n for n in absent if n]
    if names:
        return _abstain("absent_source", "; ".join(names), kind)
    place = other_jurisdiction(question)
    if place and not named:
        return _abstain("other_jurisdiction", place, kind)
    if plan is not None and not named and (plan.story or kind in (None, "procedure")):
        if kind == "amount" and not any(states_type(r.quote, "amount") for r in plan.hits):
            return _abstain("type_not_stated", "amount", kind)
        return Decision("pathways", confidence="high", asked=kind)
    if named and chosen:
        return Decision("answer", chosen=chosen, confidence="high", asked=kind)
    subject = subject_of(question, hits)
    gone = missing(subject, [set(analyze(h.chunk.text)) | set(context(h)) for h in hits])
    if gone:
        return _abstain("subject_missing", ", ".join(gone), kind)
    if not chosen or evidence < threshold:
        return _abstain("no_match", asked=kind)
    floor = chosen[0].score * 0.2
    pool = list(chosen) + [c for c in candidates[:LEAD_POOL]
                           if c not in chosen and c.coverage >= min_support and c.score >= floor]
    keyed = [c for c in pool if meets(subject, _tokens(c, hits, context))]
    typed = [c for c in keyed if kind in (None, "permission") or states_type(c.span.text, kind)]
    if not typed:
        if keyed and kind:
            return _abstain("type_not_stated", kind, kind)
        return _abstain("no_match", asked=kind)
    lead = typed[0]
    ordered = [lead] + [c for c in chosen if c.hit_index != lead.hit_index]
    confidence = "high" if evidence >= HIGH_EVIDENCE and lead is chosen[0] else "medium"
    return Decision("answer", chosen=ordered, confidence=confidence, asked=kind)
