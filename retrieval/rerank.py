"""Reorder the first fused results by whether each unit answers what is asked.

    ranked = answer_rerank(ranked, question, text_of, idf, depth=15, k=10, coverage=1.0, states=0.5)

Fusion ranks units by how well the legs' words meet the question; a lawyer reads the
first few for the one that answers it. Two signals say so, both about the question's
own asked sentence (a story's closing question, with the words its demonstratives point
back to: `retrieval.intents.own_question`):
  - coverage: the share of that sentence's analysed words, weighed by how rare each is in
    the corpus (`idf`), that the unit's heading and text hold;
  - states: the unit states the kind of thing the sentence asks for (an amount, a
    deadline, a body, a step: `retrieval.answer_type.states`).
Within the first `depth` entries, each entry after the first `keep` is scored
1 / (k + its place) × (1 + coverage × `coverage` + `states` when it states it) and the
entries are re-sorted by that score; the first `keep` stay where they are (at least the
first, which every leg agrees on, and the provisions the question cites), and entries
below `depth` keep their order.

Pure: reads nothing, decides nothing about the answer (`answer.decide` still asks the
lead quote to hold the subject and state the asked thing). Tuned in
`retrieval.config.RankingConfig` (rerank_*).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from core.errors import ConfigError
from retrieval.analyzer import analyze
from retrieval.answer_type import asked_type, states as states_kind
from retrieval.intents import asked_sentence, own_question


def answer_rerank(ranked: list[tuple[str, float]], question: str, text_of: Callable[[str], str],
                  idf: Callable[[str], float], depth: int, k: int, coverage: float,
                  states: float, keep: int = 1) -> list[tuple[str, float]]:
    """`ranked`: (id, score) best first; `text_of(id)`: the unit's heading and text; the
    first `keep` entries stay in place (the provisions a question cites).
    Scores of moved entries are kept, so the order is the list's, not the scores'."""
    if depth < 1 or k < 1 or keep < 1 or coverage < 0 or states < 0:
        raise ConfigError(f"answer_rerank depth={depth!r}, k={k!r}, keep={keep!r} must be >= 1 and "
                          f"coverage={coverage!r}, states={states!r} >= 0")
    if len(ranked) < keep + 2 or (not coverage and not states):
        return ranked
    ask = asked_sentence(question)
    weight = {w: idf(w) for w in set(analyze(own_question(question)))}
    kind = stated_kind(ask)

    def score(place: int, cid: str) -> float:
        text = text_of(cid)
        share = idf_share(weight, unit_tokens(text)) if weight else 0.0
        stated = bool(kind) and states_kind(text, kind, ask)
        return (1 + coverage * share + (states if stated else 0.0)) / (k + place)

    head, top, rest = ranked[:keep], ranked[keep:depth], ranked[depth:]
    order = sorted(enumerate(top, start=keep + 1), key=lambda e: (-score(e[0], e[1][0]), e[0]))
    return head + [entry for _, entry in order] + rest


def stated_kind(ask: str) -> str | None:
    """The kind of thing the asked sentence asks for (`retrieval.answer_type`), or None
    for a yes/no question: any rule answers it, so stating it is no signal."""
    kind = asked_type(ask)
    return None if kind == "permission" else kind


def idf_share(weights: dict[str, float], held: frozenset[str]) -> float:
    """The share of `weights` (word -> its idf) that the words `held` hold."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in held) / total if total else 0.0


def unit_text(chunk) -> str:
    """A unit's heading and text: what the rerank and the learned order read of it."""
    return (chunk.heading or "") + "\n" + chunk.text


@lru_cache(maxsize=4096)
def unit_tokens(text: str) -> frozenset[str]:
    """A unit's analysed words, once per text: the same provisions head many questions'
    results (read here and by `retrieval.learned_order`)."""
    return frozenset(analyze(text))
