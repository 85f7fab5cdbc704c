"""pathways.triggers: the trigger table's data names the model's ids, and a bad term is refused.
(Moved from test_pathway_facts.py when the table's loading left pathways.facts.)"""
from __future__ import annotations

import json

import pytest

from pathways import triggers as T
from pathways.model import ASKS, FACTS


def test_triggers_data_names_exactly_the_model_ids():
    raw = json.loads(T.DATA.read_text(encoding="utf-8"))
    assert tuple(raw["facts"]) == FACTS and tuple(raw["asks"]) == ASKS


def test_bad_term_in_the_data_is_refused():
    raw = json.loads(T.DATA.read_text(encoding="utf-8"))
    raw["facts"]["victim_child"]["triggers"].append("=maloletn*")  # an exact form cannot end in a wildcard
    with pytest.raises(ValueError, match="maloletn"):
        T.TriggerTable(raw)
