"""The answer knobs that moved into answer.config last (rank factors, subject rarity,
the lead floor, the pathway answer's sizes): their values, and that they are validated."""
import pytest

from answer.config import ANSWER, AnswerConfig
from core.errors import ConfigError


def test_the_defaults_are_the_values_the_modules_held():
    assert (ANSWER.rank_decay, ANSWER.first_hit_factor, ANSWER.named_hit_factor) == (0.05, 1.2, 1.5)
    assert (ANSWER.rare_idf, ANSWER.missing_share, ANSWER.key_terms, ANSWER.min_key_idf,
            ANSWER.second_key_idf) == (6.5, 0.35, 2, 2.5, 5.0)
    assert (ANSWER.lead_floor, ANSWER.provisions_per_pathway, ANSWER.pathways_shown,
            ANSWER.pathway_sources) == (0.2, 3, 5, 16)


@pytest.mark.parametrize("bad", [{"rank_decay": -0.05}, {"first_hit_factor": float("inf")}, {"key_terms": 0},
                                 {"missing_share": 1.5}, {"lead_floor": 2}, {"pathways_shown": 2.5},
                                 {"pathway_sources": True}])
def test_they_reject_bad_values(bad):
    with pytest.raises(ConfigError):
        AnswerConfig(**bad)
