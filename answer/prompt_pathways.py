"""The remedy plan as prompt text: the facts a story states and the pathways they open,
each step's heading followed by the numbers of the sources that ground it.

    guide_block(plan, sources, lang)   # sources: the Hits in the order they are numbered

An LLM answerer receives this above the fenced sources, so its answer can be organised
by pathway like the extractive one; it is held to the same verification (answer.verify),
and a step whose units are not among the numbered sources is left out rather than
named without a source. Does not build the messages (answer.prompting does).
"""
from __future__ import annotations

from pathways.facts import FACT_NAMES
from retrieval.hit import Hit

from answer.prompting import load, render


def guide_block(plan, sources: list[Hit], lang: str = "en") -> str:
    number = {h.chunk.id: n for n, h in enumerate(sources, 1)}
    facts = "; ".join(FACT_NAMES[f.id][lang] + (f" (\"{', '.join(f.words)}\")" if f.words else "")
                      for f in plan.facts) or "-"
    present = set(plan.fact_ids)
    lines = []
    for i, a in enumerate(plan.applied, 1):
        steps = []
        for s in a.pathway.steps:
            if s.facts and not set(s.facts) & present:
                continue
            nums = sorted({number[plan.hits[r].chunk.id] for r in s.refs
                           if r in plan.hits and plan.hits[r].chunk.id in number})
            if nums:
                steps.append(f"   - {s.name(lang)}: " + ", ".join(f"[{n}]" for n in nums))
        if steps:
            lines.append(f"{i}. {a.pathway.name(lang)}")
            lines += steps
    return render(load("pathways"), {"facts": facts, "pathways": "\n".join(lines)}, "pathways")
