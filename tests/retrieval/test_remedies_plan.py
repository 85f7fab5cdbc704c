"""retrieval.remedies: which questions get a remedy plan and what the plan holds.

`general` (a question in general words asking how a victim gets a remedy) in four forms;
`wants_plan` (never when a provision is named, not for a non-story naming a source, always
for a story with facts); `remedy_plan` is None when no pathway applies; `chunk_ids` puts
the units of steps that fit the facts first; `plan_for_facts` needs no question. These run
on the hand-made guide of tests/fixtures/answer/plans.py.

Then the searcher: `Searcher.search` adds the "pathways" leg (hit.via holds "pathways") for a
story, and never for a question naming a provision. The small UI index
(tests/ui_fixtures.py) cannot resolve the bundled guide (it cites ZKP, ZOO, … which that
index lacks), so `pathways.load.DATA_DIR` is pointed at tests/fixtures/guide, the guide
`Searcher.guide()` then loads.
"""
from pathlib import Path

import pytest

from pathways.facts import asks, find_facts, is_story
from retrieval.remedies import general, wants_plan
from tests.fixtures.answer.plans import HEADLINE, STORY, STORY_EN, facts_plan, plan
from tests.fixtures.answer.sample import CHUNKS
from tests.four_forms import serbian_forms
from tests.ui_fixtures import ui_index  # noqa: F401 (fixture)

REFERRAL = "Kada krivični sud upućuje oštećenog da imovinskopravni zahtev ostvaruje u parničnom postupku?"


def four(sr: str, en: str):
    return [pytest.param(q, id=f) for f, q in serbian_forms(sr)] + [pytest.param(en, id="en")]


@pytest.mark.parametrize("question", four(HEADLINE, "How does a victim of human trafficking obtain compensation?"))
def test_a_general_remedy_question_is_general(question):
    assert general(question)


@pytest.mark.parametrize("question", four(
    REFERRAL, "When does the criminal court refer the injured party to pursue the property claim in civil proceedings?"))
def test_a_question_about_one_rule_is_not_general(question):
    assert not general(question)


def wants(question: str, named: bool = False, names_source: bool = False) -> bool:
    facts = find_facts(question)
    return wants_plan(question, facts, asks(question), is_story(question, facts), named, names_source)


@pytest.mark.parametrize("question", four(STORY, STORY_EN))
def test_a_story_with_facts_wants_a_plan_unless_it_names_a_provision(question):
    assert find_facts(question) and wants(question)
    assert wants(question, names_source=True)  # a story naming a law is still a story
    assert not wants(question, named=True)


@pytest.mark.parametrize("question", four(HEADLINE, "How does a victim of human trafficking obtain compensation?"))
def test_a_general_question_wants_a_plan_unless_it_names_a_source_or_provision(question):
    assert not find_facts(question) and wants(question)
    assert not wants(question, names_source=True) and not wants(question, named=True)


@pytest.mark.parametrize("question", [REFERRAL, "Naknada štete zaposlenom za povredu na radu", "čl. 254 ZKP",
                                      "Kakvo je vreme sutra?"])
def test_other_questions_want_no_plan(question):
    assert not wants(question) and plan(question) is None


def test_no_plan_when_no_pathway_applies():
    fearful = "Moja klijentkinja je žrtva trgovine ljudima i boji se učinioca. Kako može da bude zaštićena?"
    assert wants(fearful)  # a story…
    assert plan(fearful) is None  # …but no route of this guide fits a frightened victim
    assert plan(STORY, named=True) is None


def test_a_plan_holds_the_facts_the_pathways_and_their_units():
    p = plan(STORY)
    assert p.story and p.fact_ids == ("exploitation_labour", "unpaid_wages") and p.asks == ("compensation",)
    assert p.facts[0].words == ("prisiljavana je da radi u kafani bez plate",)
    assert [a.pathway.id for a in p.applied][0] == "criminal_claim_t"
    assert "foreign_t" not in [a.pathway.id for a in p.applied]  # requires a foreign victim
    assert all("pathways" in h.via for h in p.hits.values())
    d = p.to_dict("en")
    assert d["facts"][1] == {"id": "unpaid_wages", "words": ["bez plate"]}
    assert d["pathways"][0]["name"] == "Property claim in criminal proceedings"


def test_chunk_ids_put_the_steps_that_fit_the_facts_first():
    kz = CHUNKS["kz388"].id  # the child-only step's unit
    adult = facts_plan(["exploitation_labour"]).chunk_ids()
    child = facts_plan(["exploitation_labour", "victim_child"]).chunk_ids()
    assert len(adult) == len(set(adult)) and set(adult) == set(child)
    assert adult[-1] == kz  # a step the facts do not open goes after every step that fits
    assert child[:2] == [CHUNKS["zkp252"].id, kz]  # in the route's order once the child is there


def test_plan_for_facts_needs_no_question():
    p = facts_plan(["victim_died"], ["compensation"])
    assert p.story and p.fact_ids == ("victim_died",) and all(f.words == () for f in p.facts)
    assert [a.pathway.id for a in p.applied][0] == "state_compensation_t"
    assert p.applied[0].facts == ("victim_died",)
    assert facts_plan(["victim_foreign"]).applied[0].pathway.id == "foreign_t"  # its required fact ticked
    assert facts_plan([]) is None


# -- the pathways leg of Searcher.search ----------------------------------------------------
GUIDE = Path(__file__).resolve().parents[1] / "fixtures" / "guide"


@pytest.fixture()
def searcher(ui_index, monkeypatch):  # noqa: F811 (fixture)
    from retrieval.searcher import Searcher

    monkeypatch.setattr("pathways.load.DATA_DIR", GUIDE)
    return Searcher(ui_index[1])


def pathway_hits(searcher, question, **kw):
    return [h for h in searcher.search(question, k=10, mode="bm25", **kw) if "pathways" in h.via]


def test_the_fixture_guide_resolves_on_the_small_index(searcher):
    guide, resolved = searcher.guide()
    assert [p.id for p in guide] == ["compensation_test", "legal_aid_test", "state_compensation_test"]
    assert sum(r.ok for r in resolved.values()) >= 4


@pytest.mark.parametrize("question", four(STORY, STORY_EN) + [pytest.param(HEADLINE, id="headline")])
def test_search_adds_the_pathways_leg_for_a_story(searcher, question):
    hits = pathway_hits(searcher, question)
    plan_ids = set(searcher.remedies(question).chunk_ids())
    assert hits and {h.chunk.id for h in hits} <= plan_ids
    assert any(h.chunk.article == "388" for h in hits)  # the offence step of the compensation route


@pytest.mark.parametrize("question", ["čl. 254 ZKP", "čl. 388 KZ", "Kako žrtva trgovine ljudima ostvaruje naknadu "
                                      "štete po čl. 388 KZ?", STORY.replace("Kako može", "Da li po čl. 388 KZ može")])
def test_never_for_a_question_that_names_a_provision(searcher, question):
    assert searcher.remedies(question) is None and pathway_hits(searcher, question) == []


def test_no_leg_when_its_weight_is_zero(ui_index, monkeypatch):  # noqa: F811 (fixture)
    from retrieval.searcher import DEFAULT_WEIGHTS, Searcher

    monkeypatch.setattr("pathways.load.DATA_DIR", GUIDE)
    off = Searcher(ui_index[1], weights={**DEFAULT_WEIGHTS, "pathways": 0.0})
    assert pathway_hits(off, STORY) == []


@pytest.mark.parametrize("question", four(STORY, STORY_EN))
def test_the_guides_best_provision_stays_in_the_first_results(ui_index, question, monkeypatch):  # noqa: F811
    from dataclasses import replace

    import retrieval.searcher as S
    from retrieval.glossary import keyword_tokens
    from retrieval.priors import unit_of

    monkeypatch.setattr("pathways.load.DATA_DIR", GUIDE)
    # A leg too light to lift its best provision to first place by fusion alone …
    light = S.Searcher(ui_index[1], weights={**S.DEFAULT_WEIGHTS, "pathways": 1e-6})
    best = unit_of(light.by_id[light._pathway_ranking(light.remedies(question), keyword_tokens(question))[0]])
    monkeypatch.setattr(S, "RANKING", replace(S.RANKING, pathway_slot=100))
    assert unit_of(light.search(question, k=10, mode="bm25")[0].chunk) != best
    # … is kept within the reserved places all the same.
    monkeypatch.setattr(S, "RANKING", replace(S.RANKING, pathway_slot=1))
    assert unit_of(light.search(question, k=10, mode="bm25")[0].chunk) == best
