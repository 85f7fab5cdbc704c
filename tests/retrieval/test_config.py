"""The ranking and answer knobs: frozen, validated, one place each."""
import dataclasses

import pytest

from answer.abstain import DEFAULT_THRESHOLD
from answer.config import ANSWER, AnswerConfig
from core.errors import ConfigError
from retrieval.config import RANKING, RankingConfig
from retrieval.searcher import DEFAULT_WEIGHTS


def test_the_defaults_are_the_tuned_values():
    assert DEFAULT_WEIGHTS == {"bm25": 1.0, "dense": 0.2, "named": 2.0, "pathways": 0.3, "concepts": 0.7,
                               "synonyms": 0.15, "ask": 1.0, "ask_dense": 1.0, "subjects": 0.5,
                               "subjects_dense": 0.7}
    assert (RANKING.concept_slot, RANKING.concept_depth, RANKING.concept_heads) == (4, 20, 3)
    assert (RANKING.subjects_agree, RANKING.subjects_slot) == (5, 5)
    assert (RANKING.candidates, RANKING.rrf_k, RANKING.bulletin_prior, RANKING.unitless_prior) == (100, 60, 0.6, 0.5)
    assert DEFAULT_THRESHOLD == ANSWER.threshold == 0.35


def test_they_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        RANKING.dense = 1.0  # type: ignore[misc]


@pytest.mark.parametrize("bad", [{"dense": -0.1}, {"candidates": 0}, {"rrf_k": 2.5}, {"specific_first": 1},
                                 {"bm25": float("nan")}])
def test_ranking_rejects_bad_values(bad):
    with pytest.raises(ConfigError):
        RankingConfig(**bad)


@pytest.mark.parametrize("bad", [{"threshold": 1.5}, {"lead_pool": 0}, {"cross_weight": -1}])
def test_answer_rejects_bad_values(bad):
    with pytest.raises(ConfigError):
        AnswerConfig(**bad)
