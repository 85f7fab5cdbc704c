"""The unit a question names for the figure it asks, and whether a quote states a
number in that unit.

    asked_unit("Na koliko evra je fiksirana gornja granica naknade?")   -> "money"
    asked_unit("What is the minimum duration, in months, of the permit?") -> "long_time"
    asked_unit("Koliko časova srpskog jezika godišnje mora da pohađa?")  -> "short_time"
    states_unit("… u roku od 15 dana …", "short_time")                  -> False

A question that names its unit says exactly what would answer it. "Na koliko evra"
asks for a sum, though "na koliko" alone asks for a term ("na koliko je osuđen"); "in
months" asks for a time, though "What is …" names no type; and "koliko časova" is not
answered by "u roku od 15 dana", though both are times. Families convert within
themselves: "koliko meseci" is answered by "godinu dana", and "koliko dana ima" by
"najkasnije do završetka glavnog pretresa" (a long time is stated by any deadline).

`retrieval.answer_type` reads this: a sum wins over the cue priority, a time unit names
the type only where no cue does ("posle koliko neopravdanih časova … i kolika je
kazna": "časova" may be school lessons), and `states` asks a quote for the unit. Pure functions; the cue words live in
data/answer_type.json ("units"). Does not judge whether a quote's figure is about the
question's subject (answer.subject does).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from core.errors import ConfigError
from core.word_lists import norm, phrase_pattern

DATA = Path(__file__).parent / "data" / "answer_type.json"
UNITS = ("money", "short_time", "long_time")


class _Units(NamedTuple):
    type: dict[str, str]
    asked: dict[str, re.Pattern]
    stated: dict[str, re.Pattern]


@lru_cache(maxsize=1)
def _units() -> _Units:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    u, numbers = data["units"], data["states"]["numbers"]
    if sorted(u["asked"]) != sorted(UNITS) or sorted(u["type"]) != sorted(UNITS):
        raise ConfigError(f"answer_type.json units.asked={sorted(u['asked'])} and units.type={sorted(u['type'])}"
                          f" must name each of {UNITS}")
    number = r"(?:\d+(?:[.,]\d+)*|" + phrase_pattern(numbers) + r")"
    return _Units(dict(u["type"]), {k: re.compile(phrase_pattern(v)) for k, v in u["asked"].items()},
                  {k: re.compile(phrase_pattern(v, number)) for k, v in u["stated"].items()})


def asked_unit(question: str) -> str | None:
    """The unit family (one of UNITS) the question names for its figure, or None."""
    u, q = _units(), norm(question)
    found = [k for k in UNITS if u.asked[k].search(q)]
    return found[0] if found else None


def unit_type(unit: str) -> str:
    """The answer type (retrieval.answer_type.ANSWER_TYPES) a unit family asks for."""
    u = _units()
    if unit not in u.type:
        raise ValueError(f"unit_type: unit={unit!r} is not one of {UNITS}")
    return u.type[unit]


def states_unit(text: str, unit: str) -> bool:
    """Whether `text` states a number in `unit`'s family. A long time has no list of its
    own: any deadline states it (answer_type.states_type decides that)."""
    u = _units()
    if unit not in u.type:
        raise ValueError(f"states_unit: unit={unit!r} is not one of {UNITS}")
    pattern = u.stated.get(unit)
    return pattern is None or bool(pattern.search(norm(text)))
