"""The remedy guide's selection knobs (pathways.config): frozen, validated, read by select."""
import dataclasses

import pytest

from core.errors import ConfigError
from pathways.config import SELECT, SelectConfig


def test_the_defaults_are_the_values_select_held():
    assert (SELECT.required_weight, SELECT.situation_weight, SELECT.ask_weight, SELECT.max_pathways) == (3.0, 1.0, 1.5, 6)


def test_it_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        SELECT.max_pathways = 3  # type: ignore[misc]


@pytest.mark.parametrize("bad", [{"required_weight": -1.0}, {"ask_weight": float("nan")}, {"max_pathways": 0}])
def test_it_rejects_bad_values(bad):
    with pytest.raises(ConfigError):
        SelectConfig(**bad)
