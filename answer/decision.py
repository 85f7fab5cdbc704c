"""The answer decision as a record: what to do (answer, answer by pathway, abstain), why,
what to quote, and how sure. `answer.decide` makes it; both answerers compose from it.

Holds no logic beyond its constructor for an abstention.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decision:
    action: str  # "answer" | "pathways" | "abstain"
    reason: str | None = None  # answer.messages.REASONS, when abstaining
    # the place, the missing words, or the answer type the reason names; for pathways, the
    # type the story's own question asks that no quote states (then confidence "medium")
    detail: str = ""
    chosen: list = field(default_factory=list)  # answer: the candidates to quote, lead first
    confidence: str = "high"  # answer.messages.CONFIDENCE
    asked: str | None = None  # retrieval.answer_type of the question
    # pathways: the story's own question's closest provisions, quoted above the routes
    # as bearing on it, not as its answer (that is `chosen`).
    related: list = field(default_factory=list)
    # pathways: the routes shown (answer.pathway_answer.routes), computed once for both
    # the story's quotes and the composition
    routes: list = field(default_factory=list)


def abstain(reason: str, detail: str = "", asked: str | None = None, confidence: str = "low") -> Decision:
    """An abstention with its reason (answer.messages.REASONS) and what the reason names."""
    return Decision("abstain", reason, detail, confidence=confidence, asked=asked)
