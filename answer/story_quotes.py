"""Which quotes a story's own question gets in a pathway answer, above the routes.

    quoted = story_quotes(question, hits, chosen, candidates, lead, routes)

`related`: the answerer's own selection, up to AnswerConfig.story_quotes with the lead
(`answer.decide`'s direct answer, if any). Then the first place of search's own order
(AnswerConfig.top_quotes): search reorders a story's first results by whether they
answer its closing question (retrieval.rerank), and the answer should not pass by what
it put first. `leg_quotes`: the first places that one search leg found: the "concepts"
leg (the legal concepts the story's everyday words describe,
`retrieval.concepts`; AnswerConfig.concept_quotes), the "ask" leg (the story's own
question searched on its own, `retrieval.searcher_words`; AnswerConfig.ask_quotes) and
the unit both subject-index legs found (AnswerConfig.subject_quotes). None
repeats the lead, a provision a route shows (answer.pathway_answer.shown_units; one it
does not show may be the answer: KZ čl. 103 on limitation, a fourth provision of its
route) or a regime the question does not ask about. Pure functions; deciding whether
the story gets a pathway answer at
all is `answer.decide`'s.
"""
from __future__ import annotations

from retrieval.hit import Hit

from answer.config import ANSWER
from answer.regime import regime_factor


def story_quotes(question: str, hits: list[Hit], chosen: list, candidates: list, lead: list,
                 routes: set[str]) -> list:
    """The quotes under "Provisions bearing on your question", the lead not included;
    `routes`: the chunk ids the shown routes quote (answer.pathway_answer.shown_units)."""
    out = related(question, hits, chosen, lead, routes)
    for legs, places, most in (((), ANSWER.top_places, ANSWER.top_quotes),
                               ("concepts", ANSWER.concept_places, ANSWER.concept_quotes),
                               ("ask", ANSWER.ask_places, ANSWER.ask_quotes),
                               (("subjects", "subjects_ask"), ANSWER.subject_places, ANSWER.subject_quotes)):
        out += leg_quotes(question, hits, candidates, lead + out, routes, legs, places, most)
    return out


def related(question: str, hits: list[Hit], chosen: list, lead: list, routes: set[str]) -> list:
    """Up to ANSWER.story_quotes (with the lead) of the answerer's selection for a story:
    not the lead's unit, not a provision of the routes (they quote it where it belongs),
    not a regime the question does not ask about (misdemeanour procedure, wrongful
    conviction), and beside a direct answer only one that scores near it (ZPP čl. 13
    answers "is the civil court bound by the conviction?"; the suspended sentence's "sud
    je vezan" would be noise under it)."""
    taken = {hits[c.hit_index].chunk.id for c in lead} | routes
    floor = lead[0].score * ANSWER.related_floor if lead else 0.0
    out = []
    for c in chosen:
        chunk = hits[c.hit_index].chunk
        if len(lead) + len(out) >= ANSWER.story_quotes:
            break
        if chunk.id in taken or regime_factor(question, chunk) < 1.0 or c.score < floor:
            continue
        taken.add(chunk.id)
        out.append(c)
    return out


def leg_quotes(question: str, hits: list[Hit], candidates: list, quoted: list, routes: set[str],
               leg: str | tuple[str, ...], places: int, most: int) -> list:
    """The best span of each hit in the first `places` that search `leg` (every one of
    the legs, given several; any hit, given none) found, up to `most`, skipping what is
    quoted already and what the routes show (`routes`).
    "concepts": "pretio … potpisala" -> ZOO čl. 60 (its heads keep places within
    RankingConfig.concept_slot); "ask": what the story's closing question finds on its
    own ("Sme li advokat da odbije?" -> ZBPP čl. 21); ("subjects", "subjects_ask"): the
    article whose everyday-words entry both the story and its question meet
    (retrieval.subject_index). The story's many other words rarely meet those
    provisions', so the answerer's own selection passes them by."""
    legs = (leg,) if isinstance(leg, str) else leg
    taken = {hits[c.hit_index].chunk.id for c in quoted} | routes
    out = []
    for i, h in enumerate(hits[:places]):
        if len(out) >= most:
            break
        if all(one in h.via for one in legs) and h.chunk.id not in taken and regime_factor(question, h.chunk) >= 1.0:
            best = max((c for c in candidates if c.hit_index == i), key=lambda c: c.score, default=None)
            if best is not None:
                taken.add(h.chunk.id)
                out.append(best)
    return out
