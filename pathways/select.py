"""Which pathways apply to a question: the facts of its story and what it asks for.

    applied = select_pathways(fact_ids, asked, guide)   # most relevant first

A pathway applies when every fact it `requires` is present and at least one of its
`situations` is among the facts or one of its `asks` is asked. Relevance counts what
matched: a required fact (the route exists for this victim) weighs most, then each
matching situation, weighed by how few routes list it (unpaid wages points to the
labour claim more than "exploited for labour", which half the routes list), then a
matching ask; ties keep the guide's order (the property
claim before the civil action before the labour claim …), which is how practitioners'
handbooks order the compensation routes.

Pure. Finding the facts is `pathways.facts`; ranking search results is retrieval's.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Iterable

from pathways.config import SELECT
from pathways.model import Pathway, Step

# The weights and the most pathways an answer gets, and where each was set:
# pathways.config.SelectConfig.


@dataclass(frozen=True)
class Applied:
    pathway: Pathway
    score: float
    facts: tuple[str, ...]  # the facts that made it apply (required ones included)
    asks: tuple[str, ...]   # the asks that made it apply

    def steps(self, present: Collection[str]) -> tuple[Step, ...]:
        """The pathway's steps that fit the facts: a step limited to some facts shows only
        when one of them is present."""
        return tuple(s for s in self.pathway.steps if not s.facts or set(s.facts) & set(present))


def select_pathways(facts: Iterable[str], asks: Iterable[str], guide: Iterable[Pathway],
                    limit: int = SELECT.max_pathways) -> list[Applied]:
    """The pathways that apply, most relevant first (at most `limit`)."""
    present, asked = set(facts), set(asks)
    guide = tuple(guide)
    listed: dict[str, int] = {}
    for p in guide:
        for f in p.situations:
            listed[f] = listed.get(f, 0) + 1
    out = []
    for p in guide:
        if not set(p.requires) <= present:
            continue
        matched = [f for f in p.situations if f in present]
        wanted = [a for a in p.asks if a in asked]
        if not matched and not wanted:
            continue
        required = [f for f in p.requires if f in present]
        score = (SELECT.required_weight * len(required)
                 + sum(SELECT.situation_weight / listed[f] ** 0.5 for f in matched)
                 + SELECT.ask_weight * len(wanted))
        out.append((score, p.order, Applied(p, score, tuple(dict.fromkeys(required + matched)), tuple(wanted))))
    out.sort(key=lambda t: (-t[0], t[1]))
    return [a for _, _, a in out[:limit]]
