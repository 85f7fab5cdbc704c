"""The remedy guide's selection knobs (`pathways.select`), in one frozen, validated
dataclass like the ranking and answer knobs (retrieval.config, answer.config). Each
value keeps the note that says where it was set; `SELECT` is the configuration in use.

Here rather than in retrieval.config: they rank the guide's routes for a story, not
search results, and the guide is data retrieval reads, not part of its ranking.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.knobs import check_fields


@dataclass(frozen=True)
class SelectConfig:
    # Relevance of a pathway that applies: each required fact present (the route exists
    # for this victim) weighs most, each matching situation `situation_weight` / sqrt(how
    # many routes list it), each matching ask in between. Set with the guide (c6dda65);
    # ties keep the guide's order.
    required_weight: float = 3.0
    situation_weight: float = 1.0
    ask_weight: float = 1.5
    # At most this many pathways in an answer: more reads as a list, not advice (five ->
    # six in 39b1053, with five routes shown in full: answer.config's pathways_shown).
    max_pathways: int = 6

    def __post_init__(self) -> None:
        check_fields(self, "pathway selection")


SELECT = SelectConfig()
