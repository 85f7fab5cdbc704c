"""The first results reordered by whether each answers what is asked (retrieval.rerank)."""
import pytest

from core.errors import ConfigError
from retrieval.rerank import answer_rerank

pytestmark = pytest.mark.unit

TEXTS = {
    "first": "Oštećeni može podneti predlog.",
    "other": "Sud odlučuje o troškovima postupka.",
    "deadline": "Imovinskopravni zahtev može se podneti najkasnije do završetka glavnog pretresa.",
    "words": "Imovinskopravni zahtev podnosi oštećeni.",
    "tail": "Zahtev za ponavljanje postupka.",
}
RANKED = [("first", 0.9), ("other", 0.8), ("words", 0.7), ("deadline", 0.6), ("tail", 0.5)]


def _rerank(question, ranked=RANKED, depth=4, k=5, coverage=1.0, states=0.5):
    out = answer_rerank(ranked, question, TEXTS.__getitem__, lambda w: 1.0, depth, k, coverage, states)
    return [cid for cid, _ in out]


@pytest.mark.parametrize("question", [
    "Do kada oštećeni može da podnese imovinskopravni zahtev?",
    "До када оштећени може да поднесе имовинскоправни захтев?",
    "Do kada osteceni moze da podnese imovinskopravni zahtev?",
    "Klijentkinja je bila žrtva. Suđenje je u toku. Do kada ona može da podnese imovinskopravni zahtev?",
])
def test_a_unit_that_states_the_asked_deadline_rises_the_first_stays(question):
    order = _rerank(question)
    assert order[0] == "first"  # a named provision or what every leg agrees on stays first
    assert order.index("deadline") < order.index("other")
    assert order[-1] == "tail"  # below depth: untouched


def test_english_question_reads_the_english_cue():
    texts = dict(TEXTS, deadline="The claim may be filed within three months of the decision.",
                 other="The court decides on costs.")
    out = answer_rerank(RANKED, "Until when can the claim be filed?", texts.__getitem__, lambda w: 1.0,
                        4, 5, 1.0, 0.5)
    assert [c for c, _ in out].index("deadline") < [c for c, _ in out].index("other")


def test_coverage_alone_moves_the_unit_that_holds_the_asked_words():
    order = _rerank("Ko podnosi imovinskopravni zahtev?", states=0.0)
    assert order.index("words") == 1


def test_off_keeps_the_order_and_scores():
    assert answer_rerank(RANKED, "Do kada?", TEXTS.__getitem__, lambda w: 1.0, 15, 5, 0.0, 0.0) == RANKED
    assert answer_rerank(RANKED[:2], "Do kada?", TEXTS.__getitem__, lambda w: 1.0, 15, 5, 1.0, 1.0) == RANKED[:2]


def test_nothing_is_dropped_and_scores_travel_with_their_ids():
    out = answer_rerank(RANKED, "Do kada se podnosi imovinskopravni zahtev?", TEXTS.__getitem__,
                        lambda w: 1.0, 15, 5, 1.0, 0.5)
    assert sorted(out) == sorted(RANKED)


@pytest.mark.parametrize("bad", [dict(depth=0), dict(k=0), dict(keep=0), dict(coverage=-1.0), dict(states=-0.5)])
def test_bad_configuration_is_named(bad):
    args = dict(depth=15, k=5, coverage=1.0, states=0.5) | bad
    with pytest.raises(ConfigError, match=next(iter(bad))):
        answer_rerank(RANKED, "Do kada?", TEXTS.__getitem__, lambda w: 1.0, **args)


def test_kept_entries_stay_in_place():
    ranked = [("other", 0.9), ("tail", 0.8), ("first", 0.7), ("deadline", 0.6)]
    question = "Do kada se podnosi imovinskopravni zahtev?"
    out = answer_rerank(ranked, question, TEXTS.__getitem__, lambda w: 1.0, 15, 5, 1.0, 0.5, keep=2)
    assert [c for c, _ in out] == ["other", "tail", "deadline", "first"]
    moved = answer_rerank(ranked, question, TEXTS.__getitem__, lambda w: 1.0, 15, 5, 1.0, 0.5, keep=1)
    assert [c for c, _ in moved][:2] == ["other", "deadline"]
