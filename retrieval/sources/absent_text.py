"""The forms the absent-source detectors (retrieval.sources.absent_laws, retrieval.sources.absent_cases)
compare: the question normalised (`QuestionText`), what the corpus holds (`Known`, with
its ECtHR cases as `Case`), a law's name found in the question (`Phrase`), the word
lists and states of data/jurisdictions.json (`jurisdictions()`), and the run of words
before a position (`words_before`), and how a question names the ECtHR (`ECTHR`).

Holds data and reading helpers only: it detects nothing and does not build `Known`
(retrieval.sources.absent.known_sources does).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, NamedTuple

from retrieval.sources.aliases import alias_key
from retrieval.analyzer import stem
from core.text import normalize

DATA = Path(__file__).resolve().parent.parent / "data" / "jurisdictions.json"
# The European Court of Human Rights, as a question names it (normalised text): where its
# judgments are asked about, whichever state or case the question also names.
ECTHR = re.compile(r"\b(?:esljp|ecthr|echr|evropsk\w* sud\w* za ljudsk\w* prav\w*|european court of human rights"
                   r"|strazbur\w*|strasbourg)\b")
_WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?|[,&]")
Span = tuple[int, int]  # in the normalised question


class Jurisdictions(NamedTuple):
    states: dict[tuple[str, ...], str]  # stemmed name -> state id
    adjectives: frozenset[str]  # stems
    caps: frozenset[str]  # "us", "uk": matched only when written in capitals
    home: frozenset[str]  # stems ignored in a law's name
    home_state: str
    laws: frozenset[str]  # stems of law words
    foreign: tuple[str, ...]  # "gesetz"
    words: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def jurisdictions() -> Jurisdictions:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    adj = raw["foreign_adjectives"]

    def stems(ws):
        return frozenset(stem(normalize(w)) for w in ws)

    return Jurisdictions({alias_key(n): sid for sid, names in raw["states"].items() for n in names},
                         stems(a for a in adj if not a.isupper()),
                         frozenset(normalize(a).replace(".", "") for a in adj if a.isupper()),
                         stems(raw["home_words"]), raw["home_state"], stems(raw["law_words"]),
                         tuple(raw["foreign_law_stems"]), {k: frozenset(v) for k, v in raw["words"].items()})


@dataclass(frozen=True)
class Case:
    first: tuple[str, ...]  # the first applicant's words: ("rantsev",), ("v", "c", "l")
    names: frozenset[str]  # applicant words that can name the case (3+ letters, no particles)
    states: frozenset[str]  # state ids

    @property
    def initials(self) -> bool:
        return bool(self.first) and all(len(w) == 1 for w in self.first)


@dataclass(frozen=True)
class Known:
    """What the corpus holds, in the forms the detectors compare."""

    decisions: frozenset[str]  # decision_key of every decision a document is or quotes
    registers: frozenset[str]
    names: tuple[tuple[str, ...], ...]  # content tokens of law/treaty titles and aliases
    texts: tuple[str, ...]  # the same titles and aliases normalised (EU numbers)
    cases: tuple[Case, ...]


class Phrase(NamedTuple):
    """A law's name the question gives."""

    start: int
    end: int
    content: tuple[str, ...]  # stemmed, without law words and home words
    numbers: frozenset[str]  # "br. 190"


class QuestionText:
    """The question normalised, with the question character each normalised one came
    from, so names go back as written and capitals can be seen."""

    def __init__(self, text: str):
        parts = [normalize(c) for c in text]
        self.text, self.norm = text, "".join(parts)
        self.src: list[int] | None = [i for i, p in enumerate(parts) for _ in p]
        if self.norm != normalize(text):  # a conversion that is not letter by letter
            self.norm, self.src = normalize(text), None

    def original(self, a: int, b: int) -> str:
        return self.norm[a:b] if self.src is None else self.text[self.src[a]: self.src[b - 1] + 1]

    def upper(self, a: int) -> bool:
        return self.src is not None and self.text[self.src[a]].isupper()


def words_before(t: QuestionText, end: int, ok: Callable[[re.Match], bool], most: int) -> list[re.Match]:
    """The run of words right before `end` (nearest first) that `ok` accepts, up to `most`."""
    kept: list[re.Match] = []
    for w in reversed(list(_WORD.finditer(t.norm, max(0, end - 80), end))):
        if t.norm[w.end(): kept[-1].start() if kept else end].strip() or not ok(w) or len(kept) >= most:
            break
        kept.append(w)
    return kept
