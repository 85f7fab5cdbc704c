"""retrieval.concepts: a story's everyday words -> the legal concepts they describe.

The lexicon (retrieval/data/concepts.json) parses; a concept needs every one of its word
groups; the four forms of a question (Latin, Cyrillic, no diacritics, English) meet the
same entry; prefixes, exact forms and phrases behave as the file's "_doc" says; a bad
entry is refused naming the file. Then the searcher: a story gets the "concepts" leg and
the best-supported concept's provision within the first places; a search-box question
and a weight of 0 get no leg. The slow tier checks that the bundled lexicon's vocabulary
reaches the provisions a lawyer would name, on the real index.
"""
from dataclasses import replace

import pytest

from retrieval import concepts as C
from retrieval.concepts import find_concepts, lexicon
from retrieval.word_groups import meets
from tests.four_forms import serbian_forms
from tests.ui_fixtures import ui_index  # noqa: F401 (fixture)

THREAT = "Klijentkinja je potpisala ugovor o prodaji stana jer joj je gazda pretio da će joj ubiti brata. Šta može da uradi?"
THREAT_EN = "Her employer threatened to kill her brother until she signed a contract selling her flat. What can she do?"


def ids(question: str) -> list[str]:
    return [c.id for c in find_concepts(question)]


def four(sr: str, en: str):
    return [pytest.param(q, id=f) for f, q in serbian_forms(sr)] + [pytest.param(en, id="en")]


def test_the_bundled_lexicon_parses_and_every_concept_has_vocabulary():
    entries = lexicon()
    assert len(entries) >= 80
    assert len({e.id for e in entries}) == len(entries)
    for e in entries:
        assert e.groups and all(e.groups)
        assert len(C.Concept(e.id, e.terms, (), e.terms_en).query()) >= 4, e.id


@pytest.mark.parametrize("question", four(THREAT, THREAT_EN))
def test_a_contract_signed_under_threat_in_all_four_forms(question):
    assert "contract_under_threat" in ids(question)


def test_the_words_that_met_each_group_are_kept():
    found = {c.id: c for c in find_concepts(THREAT)}["contract_under_threat"]
    assert found.words == ("pretio", "potpisala")


@pytest.mark.parametrize("question", [
    "Klijentkinja je potpisala ugovor o radu.",  # a contract, no threat
    "Pretežno je radila u kafani, a ugovor nije potpisala.",  # "pretežno" is not a threat
    "Kakav je rok za žalbu?",
])
def test_every_group_must_be_met(question):
    assert "contract_under_threat" not in ids(question)


def test_a_phrase_needs_its_words_in_a_row():
    assert "undeclared_work" in ids("Radila je bez ugovora dve godine.")
    assert "undeclared_work" not in ids("Ugovor je bio, a ona bez plate.")


def test_a_concept_of_debtor_fraud():
    story = "Osuđeni je posle presude kuću poklonio rođenom bratu, pa izvršitelj nema šta da popiše. Šta ona može?"
    assert {"debtor_disposing_assets", "limitation_of_judgment_debt"} <= set(ids(story))


@pytest.mark.parametrize("bad", [
    {"concepts": {"x": {"when": [], "terms": "a b c"}}},
    {"concepts": {"x": {"when": [["a"]], "terms": ""}}},
    {"concepts": {"x": {"when": [["*"]], "terms": "a b c"}}},
    {"concepts": {"x": {"when": ["a"], "terms": "a b c"}}},
])
def test_a_bad_entry_is_refused_naming_the_file(bad):
    with pytest.raises(ValueError, match="concepts.json"):
        C._parse(bad)


# -- the searcher --------------------------------------------------------------------------
def ranking(monkeypatch, **changes):
    """RankingConfig with `changes`, where the searcher and its concepts side read it."""
    import retrieval.searcher as S
    import retrieval.searcher_concepts as SC

    for module in (S, SC):
        monkeypatch.setattr(module, "RANKING", replace(module.RANKING, **changes))


TOY = {"concepts": {"legal_aid_need": {"when": [["gazd*"], ["pretio", "pretila"]],
                                       "terms": "besplatna pravna pomoć pružalac besplatne pravne pomoći"}}}
STORY = ("Moja klijentkinja je radila kod gazde koji joj je pretio. Pobegla je pre mesec dana "
         "i sada se krije kod sestre. Šta može da uradi?")


@pytest.fixture()
def toy_lexicon(tmp_path, monkeypatch):
    import json

    path = tmp_path / "concepts.json"
    path.write_text(json.dumps(TOY), encoding="utf-8")
    monkeypatch.setattr(C, "DATA", path)
    lexicon.cache_clear()
    find_concepts.cache_clear()
    yield
    lexicon.cache_clear()
    find_concepts.cache_clear()


def test_a_story_gets_the_concepts_leg_and_its_best_provision_in_view(ui_index, toy_lexicon, monkeypatch):  # noqa: F811
    import retrieval.searcher as S

    s = S.Searcher(ui_index[1])
    hits = s.search(STORY, k=10, mode="bm25")
    leg = [h for h in hits if "concepts" in h.via]
    assert leg and all("besplatn" in h.chunk.source for h in leg)
    assert any("concepts" in h.via for h in hits[:RANKING_SLOT()])


def RANKING_SLOT() -> int:
    from retrieval.config import RANKING

    return RANKING.concept_slot


def test_the_slot_keeps_a_light_legs_provision_in_the_first_places(ui_index, toy_lexicon, monkeypatch):  # noqa: F811
    import retrieval.searcher as S

    light = S.Searcher(ui_index[1], weights={**S.DEFAULT_WEIGHTS, "concepts": 1e-6})
    ranking(monkeypatch, concept_slot=100)
    assert "concepts" not in light.search(STORY, k=10, mode="bm25")[0].via
    ranking(monkeypatch, concept_slot=1)
    assert "concepts" in light.search(STORY, k=10, mode="bm25")[0].via


def test_no_leg_for_a_search_box_question_or_at_weight_zero(ui_index, toy_lexicon):  # noqa: F811
    import retrieval.searcher as S

    s = S.Searcher(ui_index[1])
    assert not any("concepts" in h.via for h in s.search("gazda pretio", k=10, mode="bm25"))
    off = S.Searcher(ui_index[1], weights={**S.DEFAULT_WEIGHTS, "concepts": 0.0})
    assert not any("concepts" in h.via for h in off.search(STORY, k=10, mode="bm25"))


# -- the bundled lexicon on the bundled index ----------------------------------------------
EXPECTED = {  # concept -> (source file ending, article) among its vocabulary's first three provisions
    "contract_under_threat": ("zakon_o_obligacionim_odnosima.txt", "60"),
    "usury": ("zakon_o_obligacionim_odnosima.txt", "141"),
    "debtor_disposing_assets": ("zakon_o_obligacionim_odnosima.txt", "280"),
    "limitation_of_judgment_debt": ("zakon_o_obligacionim_odnosima.txt", "379"),
    "claim_inherited": ("zakon_o_obligacionim_odnosima.txt", "204"),
    "contributory_fault": ("zakon_o_obligacionim_odnosima.txt", "192"),
    "joint_offenders": ("zakon_o_obligacionim_odnosima.txt", "206"),
    "dismissal": ("zakon_o_radu.txt", "194"),
    "wage_claim_limitation": ("zakon_o_radu.txt", "196"),
    "testimony_fear": ("zakon_o_krivicnom_postupku.txt", "104"),
    "self_defence": ("krivicni_zakonik.txt", "19"),
    "child_sold_adoption": ("krivicni_zakonik.txt", "389"),
    "court_jurisdiction": ("zakon_o_parnicnom_postupku.txt", "44"),
    "echr_admissibility": ("echr-convention-human-rights.md", "35"),
    "wage_deductions": ("zakon_o_radu.txt", "123"),
    "compulsory_share": ("zakon_o_nasledjivanju.txt", "39"),
    "spouse_witness_privilege": ("zakon_o_krivicnom_postupku.txt", "94"),
    "limitation_must_be_raised": ("zakon_o_obligacionim_odnosima.txt", "360"),
    "exempt_from_enforcement": ("zakon_o_izvrsenju_i_obezbedjenju.txt", "257"),
    "threat_to_life": ("krivicni_zakonik.txt", "138"),
    "statement_extorted_by_official": ("krivicni_zakonik.txt", "136"),
    "personal_data_disclosed": ("krivicni_zakonik.txt", "146"),
    "child_made_to_watch_sex": ("cets201-lanzarote-convention.md", "22"),
}


@pytest.mark.slow
@pytest.mark.parametrize("concept", sorted(EXPECTED))
def test_the_lexicons_vocabulary_reaches_the_provision_a_lawyer_would_name(concept, bundled_index):
    from retrieval.searcher import get_searcher

    s = get_searcher(bundled_index)
    entry = next(e for e in lexicon() if e.id == concept)
    top = [s.by_id[cid] for cid, _ in s.bm25.query(C.Concept(entry.id, entry.terms, (), entry.terms_en).query(), 3)]
    source, article = EXPECTED[concept]
    assert any(c.source.endswith(source) and c.article == article for c in top), [(c.source, c.article) for c in top]


@pytest.mark.parametrize("question", [
    "A 13-year-old boy was caught picking pockets on the bus; he says a man makes him steal.",
    "Dečak ima 13 godina i uhvaćen je u krađi, a čovek ga tera da krade.",
])
def test_a_hyphenated_age_and_a_childs_age_in_years(question):
    assert "child_under_14_offender" in ids(question)


def test_a_child_is_a_number_up_to_seventeen():
    assert meets("15", "#child") and not meets("18", "#child") and not meets("dete", "#child")


def test_several_concept_heads_keep_their_places(ui_index, tmp_path, monkeypatch):  # noqa: F811
    """Two concepts of one story: with two heads kept, each one's first provision is within
    the reserved places, the better supported first; with one, only one of them is."""
    import json

    import retrieval.searcher as S

    two = {"concepts": {
        "legal_aid_need": {"when": [["gazd*"], ["pretio"]], "terms": "besplatna pravna pomoć pružalac besplatne pravne pomoći"},
        "claim_need": {"when": [["gazd*"], ["pretio"]], "terms": "imovinskopravni zahtev oštećeni krivični postupak"}}}
    path = tmp_path / "concepts.json"
    path.write_text(json.dumps(two), encoding="utf-8")
    monkeypatch.setattr(C, "DATA", path)
    lexicon.cache_clear()
    find_concepts.cache_clear()
    try:
        light = S.Searcher(ui_index[1], weights={**S.DEFAULT_WEIGHTS, "concepts": 1e-6})
        heads = set(light._concept_leg(STORY, None)[1])
        assert len(heads) == 2
        ranking(monkeypatch, concept_slot=2, concept_heads=2)
        assert {h.chunk.id for h in light.search(STORY, k=10, mode="bm25")[:2]} == heads
        ranking(monkeypatch, concept_slot=2, concept_heads=1)
        assert len({h.chunk.id for h in light.search(STORY, k=10, mode="bm25")[:2]} & heads) == 1
    finally:
        lexicon.cache_clear()
        find_concepts.cache_clear()


# A police officer who beats or threatens a suspect into signing; an official who hands
# a victim's data on; a child made to watch sex: the four forms meet the same concept.
@pytest.mark.parametrize("question,concept", [
    *[(q, "statement_extorted_by_official") for q in [p.values[0] for p in four(
        "Na saslušanju u policiji inspektor mu je pretio i udario ga da bi potpisao izjavu.",
        "At the police station an officer hit him until he signed a statement.")]],
    *[(q, "personal_data_disclosed") for q in [p.values[0] for p in four(
        "Službenica iz opštine je moje podatke iz evidencije dala rođaku trgovca.",
        "A municipal clerk gave her address from the records to the trafficker's cousin.")]],
    *[(q, "child_made_to_watch_sex") for q in [p.values[0] for p in four(
        "Vlasnik kafića je našu jedanaestogodišnju štićenicu naterao da gleda seksualne odnose.",
        "The bar owner made an eleven-year-old girl watch him have sex.")]],
])
def test_new_concepts_in_four_forms(question, concept):
    assert concept in ids(question)
