"""The remedy plan of a question: the facts of its story, the pathways of the remedy
guide that apply (`pathways`), and each of their cited units as a `Hit`.

    plan = remedy_plan(question, guide, resolved, make_hit, named=False)
    plan.applied[0].pathway.name("sr-Latn"); plan.hits[ref]; plan.ranking(...)

A question gets a plan when it tells a client's story and facts of it trigger pathways,
or when it asks how to obtain compensation or another remedy ("Kako žrtva trgovine
ljudima ostvaruje naknadu štete?"). A question that names a provision ("čl. 254 ZKP")
is a search-box question: no plan, the ordinary ranking and answer serve it.

Used twice, with the same plan: the searcher adds the plan's units as a ranking leg (so
`retrieval.search` returns the remedies' provisions), and the answer layer organises
the answer by pathway. Pure over what it is given; the searcher holds the resolved guide.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Callable, Mapping

from pathways.facts import Fact, asks as asks_of, find_facts, is_story
from pathways.model import Pathway, Ref
from pathways.resolve import Resolved
from pathways.select import Applied, select_pathways
from retrieval.analyzer import analyze
from core.text import normalize
from retrieval.hit import Hit

# What a non-story question must ask for to be answered by pathway: a remedy itself,
# not one of its rules, for a victim.
REMEDY_ASKS = ("compensation", "remedy")
_VICTIM = re.compile(r"\b(zrtv\w*|ostecen\w*|victim\w*|trafficked|survivor\w*|trgovin\w* ljud\w*|trafficking)\b")


@dataclass(frozen=True)
class RemedyPlan:
    facts: tuple[Fact, ...]
    asks: tuple[str, ...]
    story: bool
    applied: tuple[Applied, ...]
    hits: Mapping[Ref, Hit] = field(default_factory=dict)  # every resolved ref of the applied pathways

    @property
    def fact_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.facts)

    def specific_ids(self) -> list[str]:
        """The units of steps that only this story's facts open (a deceased victim's
        family support, a working child's hours): the most particular to the case."""
        present = set(self.fact_ids)
        out = [self.hits[r].chunk.id for a in self.applied for s in a.pathway.steps
               if s.facts and set(s.facts) & present for r in s.refs if r in self.hits]
        return list(dict.fromkeys(out))

    def chunk_ids(self) -> list[str]:
        """The plan's units, pathway by pathway, in step order, each once: the steps that
        fit the facts first, the rest after."""
        present = set(self.fact_ids)
        first, rest = [], []
        for a in self.applied:
            for s in a.pathway.steps:
                bucket = first if (not s.facts or set(s.facts) & present) else rest
                for r in s.refs:
                    h = self.hits.get(r)
                    if h is not None:
                        bucket.append(h.chunk.id)
        return list(dict.fromkeys(first + rest))

    def to_dict(self, lang: str = "sr-Latn") -> dict:
        return {
            "story": self.story,
            "asks": list(self.asks),
            "facts": [{"id": f.id, "words": list(f.words)} for f in self.facts],
            "pathways": [{"id": a.pathway.id, "name": a.pathway.name(lang), "score": a.score,
                          "facts": list(a.facts), "asks": list(a.asks)} for a in self.applied],
        }


def wants_plan(question: str, facts: tuple[Fact, ...], asked: tuple[str, ...], story: bool, named: bool,
               names_source: bool = False) -> bool:
    """Whether the question is one a remedy plan answers (see the module docstring).
    named: it names a provision ("čl. 254 ZKP"); names_source: it names a law, treaty,
    case or court ("ETS 116", "Rancev", "Vrhovni sud"): a search-box question about that
    source, unless it tells a story. A question that is not a story must ask for a
    remedy for a victim ("Kako žrtva … ostvaruje naknadu štete?"), not for damages in
    general ("naknada štete zaposlenom povreda na radu")."""
    if named:
        return False
    if story and facts:
        return True
    return (bool(set(asked) & set(REMEDY_ASKS)) and not names_source and bool(_VICTIM.search(normalize(question)))
            and general(question))


# A question that is not a story is answered by pathway only when it asks, in general
# words, how a victim obtains a remedy; one word of a particular institute ("upućuje",
# "parnični", "trajno oduzimanje", "Fond") makes it a question about that rule.
_GENERAL_WORDS = (
    "kako koji koja koje koju sta šta da li moze može mogu ima imaju pravo prava pravna pravnu sredstva sredstvo "
    "zrtva žrtva žrtve zrtve žrtvi zrtvi žrtava trgovine trgovina trgovinu ljudima ljudi oštećeni oštećena ostecena "
    "ostvaruje ostvariti ostvari ostvaruju dobija dobiti dobije tražiti traži naplatiti naknada naknadu naknade "
    "štete štetu šteta odšteta odštetu obeštećenje obeštećenja zaštita zaštitu zaštite put putevi načini način "
    "srbiji srbija srpskom pravu u na za od se je su i ili koje kojim "
    "how can could does do a an the of for to in what which who are is victim victims trafficking trafficked human "
    "beings person persons get obtain claim seek compensation compensated damages remedy remedies rights options "
    "legal serbia serbian law under she he they her his their be"
)


@lru_cache(maxsize=1)
def _general_stems() -> frozenset[str]:
    return frozenset(analyze(_GENERAL_WORDS)) | frozenset(analyze(_GENERAL_WORDS, "english"))


def general(question: str) -> bool:
    """Whether every word of the question is one of asking how a victim gets a remedy."""
    return set(analyze(question)) <= _general_stems()


def asks_in_general(plan: RemedyPlan, kind: str | None) -> bool:
    """Whether a plan's question asks, in general, for the remedy its routes give ("Kako
    može da dobije naknadu štete?"; `kind`: `retrieval.answer_type.asked_type` of its
    asked sentence): the routes answer it, and its generic words name no one provision."""
    return kind in (None, "procedure") and bool(plan.asks) and set(plan.asks) <= set(REMEDY_ASKS)


def remedy_plan(question: str, guide: tuple[Pathway, ...], resolved: Mapping[Ref, Resolved],
                make_hit: Callable[[str], Hit | None], named: bool = False,
                names_source: bool = False) -> RemedyPlan | None:
    """The plan, or None when the question is not one a plan answers or no pathway applies.
    make_hit: chunk id -> Hit (None when a filter excludes it)."""
    facts = find_facts(question)
    asked = asks_of(question)
    story = is_story(question, facts)
    if not wants_plan(question, facts, asked, story, named, names_source):
        return None
    return _plan(facts, asked, story, guide, resolved, make_hit)


def plan_for_facts(fact_ids, asked, guide: tuple[Pathway, ...], resolved: Mapping[Ref, Resolved],
                   make_hit: Callable[[str], Hit | None]) -> RemedyPlan | None:
    """The plan for facts ticked on a checklist rather than told in a question."""
    facts = tuple(Fact(f, ()) for f in fact_ids)
    return _plan(facts, tuple(asked), True, guide, resolved, make_hit)


def _plan(facts: tuple[Fact, ...], asked: tuple[str, ...], story: bool, guide: tuple[Pathway, ...],
          resolved: Mapping[Ref, Resolved], make_hit: Callable[[str], Hit | None]) -> RemedyPlan | None:
    applied = select_pathways([f.id for f in facts], asked, guide)
    if not applied:
        return None
    hits: dict[Ref, Hit] = {}
    for a in applied:
        for r in a.pathway.refs:
            res = resolved.get(r)
            if res is not None and res.ok and r not in hits:
                h = make_hit(res.chunk_id)
                if h is not None:
                    hits[r] = h
    if not hits:
        return None
    return RemedyPlan(facts, tuple(asked), story, tuple(applied), hits)
