"""Which bound of a figure a question asks (a maximum or a minimum), and whether a quote
states only the other one.

    asked_bound("What is the maximum number of days a reflection period may last?") -> "max"
    asked_bound("Koliko najmanje dana traje rok za razmišljanje?")                    -> "min"
    only_other_bound("… a recovery and reflection period of at least 30 days …", "max") -> True

"At least 30 days" is a floor: it does not answer "how long at most", though it states a
time, and a provision that sets only a floor leaves the ceiling unstated. A quote with
both bounds, or with none ("u roku od 15 dana"), is not judged here. `retrieval.answer_type.states`
reads this for deadlines and amounts. Pure functions; the cue words live in
data/answer_type.json ("bounds"). Does not judge the figure's subject (answer.subject does).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from core.errors import ConfigError
from core.word_lists import norm, phrase_pattern

DATA = Path(__file__).parent / "data" / "answer_type.json"
BOUNDS = ("max", "min")


@lru_cache(maxsize=1)
def _bounds() -> tuple[dict[str, re.Pattern], dict[str, re.Pattern]]:
    data = json.loads(DATA.read_text(encoding="utf-8"))["bounds"]
    if sorted(data["asked"]) != sorted(BOUNDS) or sorted(data["stated"]) != sorted(BOUNDS):
        raise ConfigError(f"{DATA}: bounds.asked and bounds.stated must each hold {list(BOUNDS)}")
    return ({k: re.compile(phrase_pattern(v)) for k, v in data["asked"].items()},
            {k: re.compile(phrase_pattern(v)) for k, v in data["stated"].items()})


def asked_bound(question: str) -> str | None:
    """"max", "min", or None when the question asks neither or both."""
    asked, _ = _bounds()
    q = norm(question)
    found = [b for b in BOUNDS if asked[b].search(q)]
    return found[0] if len(found) == 1 else None


def only_other_bound(text: str, bound: str) -> bool:
    """Whether `text` states the bound opposite to `bound` and not `bound` itself."""
    if bound not in BOUNDS:
        raise ValueError(f"only_other_bound: bound={bound!r} is not one of {BOUNDS}")
    _, stated = _bounds()
    t = norm(text)
    other = "min" if bound == "max" else "max"
    return bool(stated[other].search(t)) and not stated[bound].search(t)
