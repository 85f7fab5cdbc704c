"""The word lists of data/scope.json, read once: other jurisdictions, places and small
talk (`answer.scope`, `answer.places`). Their pattern syntax and the normalisation they
are matched on are `core.word_lists`'; what a question asks for and what a quote states
are listed in retrieval/data/answer_type.json (`retrieval.answer_type`).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "scope.json"


@lru_cache(maxsize=1)
def scope_data() -> dict:
    """data/scope.json, read once (answer.scope and answer.places read its sections)."""
    return json.loads(DATA.read_text(encoding="utf-8"))
