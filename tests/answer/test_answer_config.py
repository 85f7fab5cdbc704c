"""The answer knobs that moved into answer.config last (rank factors, subject rarity,
the lead floor, the pathway answer's sizes): their values, and that they are validated."""
import pytest

from answer.config import ANSWER, AnswerConfig
from core.errors import ConfigError


def test_the_answerers_defaults_come_from_the_config():
    from answer.extractive import ExtractiveAnswerer

    a = ExtractiveAnswerer()
    assert (a.max_citations, a.min_relative_score, a.min_support_coverage) == (
        ANSWER.max_citations, ANSWER.min_relative_score, ANSWER.min_support_coverage) == (5, 0.2, 0.3)


def test_the_defaults_are_the_values_the_modules_held():
    assert (ANSWER.rank_decay, ANSWER.first_hit_factor, ANSWER.named_hit_factor) == (0.05, 1.2, 1.5)
    assert (ANSWER.rare_idf, ANSWER.missing_share, ANSWER.key_terms, ANSWER.min_key_idf,
            ANSWER.second_key_idf) == (6.5, 0.35, 2, 2.5, 5.0)
    assert (ANSWER.lead_floor, ANSWER.provisions_per_pathway, ANSWER.pathways_shown,
            ANSWER.pathway_sources) == (0.2, 3, 5, 16)


@pytest.mark.parametrize("bad", [{"rank_decay": -0.05}, {"first_hit_factor": float("inf")}, {"key_terms": 0},
                                 {"missing_share": 1.5}, {"lead_floor": 2}, {"pathways_shown": 2.5},
                                 {"pathway_sources": True}, {"min_support_coverage": 1.5}, {"max_dropped_share": 2.0},
                                 {"max_citations": 0}, {"story_quotes": -1}, {"related_floor": 3.0}])
def test_they_reject_bad_values(bad):
    with pytest.raises(ConfigError):
        AnswerConfig(**bad)
