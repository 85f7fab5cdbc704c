"""The ask_dense leg (retrieval.searcher_words): a story's closing question embedded on
its own, when the dense leg is on; never for a search-box question or a story of a
sentence or two, never without the dense leg, and off at weight 0."""
from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.searcher import DEFAULT_WEIGHTS, Searcher
from tests.corpus_factory import make_dense_index

pytestmark = pytest.mark.integration  # a whole build with a (fake) dense store

STORY = ("Moja klijentkinja je godinu dana radila u kafani u malom mestu kod Kraljeva, bez ugovora i bez plate, "
         "po dvanaest sati dnevno. Gazda joj je uzeo pasoš i pretio joj da će je prijaviti policiji. "
         "Kako može da dobije naknadu štete?")
SHORT = "Gazda joj je uzeo pasoš. Kako može da dobije naknadu štete?"
SEARCH_BOX = "naknada štete žrtvi trgovine ljudima"


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    return make_dense_index(tmp_path_factory.mktemp("askdense"))[1]


def _legs(searcher: Searcher, question: str, mode: str = "hybrid") -> set[str]:
    return set().union(*(h.via for h in searcher.search(question, k=10, mode=mode)))


def test_a_story_gets_its_question_embedded_on_its_own(index):
    assert "ask_dense" in _legs(Searcher(index), STORY)
    assert "ask_dense" in _legs(Searcher(index), STORY, mode="dense")


def test_a_search_box_question_a_short_story_or_a_lexical_search_gets_no_such_leg(index):
    assert "ask_dense" not in _legs(Searcher(index), SEARCH_BOX)
    assert "ask_dense" not in _legs(Searcher(index), SHORT)  # its one sentence of background names the subject
    assert "ask_dense" not in _legs(Searcher(index), STORY, mode="bm25")


def test_weight_zero_turns_it_off(index):
    off = Searcher(index, weights={**DEFAULT_WEIGHTS, "ask_dense": 0.0})
    assert "ask_dense" not in _legs(off, STORY)
