"""A story in a client's words that no quote covers (answer.fitted, answer.decide): led by
the first hit when search's learned order gives it at least AnswerConfig.story_fit,
never for a question asked in one go, and only by a span that states the kind of thing
asked, in the regime asked about. In four forms (sr-Latn, sr-Cyrl, no diacritics, en)."""
import dataclasses

import pytest

import answer.labels
from answer import ExtractiveAnswerer
from answer.config import ANSWER
from answer.fitted import fitted_lead
from answer.candidates import score_candidates
from tests.fixtures.answer.decision_hits import ALIASES_PLUS, served
from tests.four_forms import four_forms

STORY = four_forms([(
    "Moj bivši gazda je pre osam godina osuđen da mi plati, ali mi nikad ništa nije dao. Sada kaže da je "
    "prekasno. Da li je to tačno?",
    "My former boss was ordered eight years ago to pay me, but he never paid anything. Now he says it is too "
    "late. Is that true?", None)])
BY_WHEN = four_forms([(
    "Moj bivši gazda je pre osam godina osuđen da mi plati, ali mi nikad ništa nije dao. Do kada mogu da "
    "tražim novac?",
    "My former boss was ordered eight years ago to pay me, but he never paid anything. Until when can I ask "
    "for the money?", None)])


@pytest.fixture(autouse=True)
def _aliases(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES_PLUS)


def first_with(fit, *names):
    hits = served(*names)
    return [dataclasses.replace(hits[0], fit=fit)] + hits[1:]


@pytest.mark.parametrize("question, _", STORY)
def test_a_story_no_quote_covers_is_led_by_the_hit_search_is_sure_of(question, _):
    ex = ExtractiveAnswerer()
    d, _, evidence = ex.decision(question, first_with(0.9, "zoo379", "zkp591", "zzpl86"))
    assert evidence < ANSWER.story_threshold  # the client's words meet too little of any quote
    assert d.action == "answer" and d.confidence == "medium" and [c.hit_index for c in d.chosen] == [0]
    ans = ex.run(question, first_with(0.9, "zoo379", "zkp591", "zzpl86"))
    assert not ans.abstained and ans.citations[0].article == "379" and ans.citations[0].verified


@pytest.mark.parametrize("question, _", STORY)
@pytest.mark.parametrize("fit", [None, 0.3, ANSWER.story_fit - 0.01])
def test_below_the_level_or_without_a_model_it_abstains(question, _, fit):
    d, _, _ = ExtractiveAnswerer().decision(question, first_with(fit, "zoo379", "zkp591", "zzpl86"))
    assert d.action == "abstain" and d.reason == "no_match"


@pytest.mark.parametrize("question, _", BY_WHEN)
def test_the_lead_must_state_what_is_asked(question, _):
    """A deadline asked: ZOO 379's ten years answer; a data controller's liability, which
    names no term, does not, however sure search is."""
    ex = ExtractiveAnswerer()
    assert ex.decision(question, first_with(0.9, "zoo379", "zzpl86"))[0].action == "answer"
    d = ex.decision(question, first_with(0.99, "zzpl86", "zoo379"))[0]
    assert d.action == "abstain"


def test_never_a_regime_the_story_does_not_ask_about_nor_a_question_asked_in_one_go():
    story = STORY[0].values[0]
    hits = first_with(0.99, "zkp591", "zoo379")  # the State's liability for wrongful conviction
    assert fitted_lead(story, hits, score_candidates(story, hits), None, 0.5) is None
    one_go = "Da li je tačno da je prekasno?"
    d = ExtractiveAnswerer().decision(one_go, first_with(0.99, "zoo379", "zkp591"))[0]
    assert d.action == "abstain"
