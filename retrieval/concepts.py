"""From a story's everyday words to the legal concepts they describe: `find_concepts`.

    find_concepts("Gazda ju je naterao da potpiše ugovor, pretio joj je.")
    -> (Concept("contract_under_threat", "ugovor zaključen pod pretnjom …", ("pretio", "potpiše")),)

A client's story says "he threatened her until she signed", "he gave the house to his
brother", "they posted her photos"; the statute says "pretnja … poništenje ugovora",
"pobijanje dužnikovih pravnih radnji", "podaci o ličnosti". Keyword search cannot cross
that gap and a small embedder does not (evaluation/RESULTS.md). The lexicon in
`retrieval/data/concepts.json` carries it as data a lawyer can review: each concept is a
few groups of everyday words (Serbian Latin, no diacritics needed, and English), all of
which a question must hold, and the statute vocabulary of the legal concept they add up
to. The searcher runs each concept's vocabulary as a query of its own (a fusion leg), so
the provisions on that concept reach the hit list beside what the story's words find.

Words are compared as `retrieval.analyzer.words` gives them (normalised: Cyrillic ->
Latin, lowercase, diacritics folded), so all four forms of a question meet the same
entries. An alternative is a word form ("brak"), a prefix ("pretn*"), "#child" (a number
1-17) or a phrase of those ("bez ugovora", "13-year-old"): `retrieval.word_groups`.

It deliberately does not decide anything: a concept only adds candidates to search; the
answer still quotes and verifies the provisions, and still abstains when none answers.
It does not read negation or who did what (a wrong concept costs a few candidates, not
a claim). Pure and deterministic; compiled once.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from retrieval.analyzer import analyze, words as analyzer_words
from retrieval.word_groups import alternative, find as _find

DATA = Path(__file__).parent / "data" / "concepts.json"


@dataclass(frozen=True)
class Concept:
    id: str
    terms: str                # the statute vocabulary the concept adds to search
    words: tuple[str, ...]    # the question's words that met each group, normalised
    terms_en: str = ""        # the same for the English texts (treaties, ECtHR)

    def query(self) -> list[str]:
        return vocabulary(self.terms, self.terms_en)


def vocabulary(terms: str, terms_en: str = "") -> list[str]:
    """A concept's search tokens: its terms stemmed as Serbian, terms_en as English."""
    return analyze(terms, "serbian") + (analyze(terms_en, "english") if terms_en else [])


@dataclass(frozen=True)
class _Entry:
    id: str
    groups: tuple[tuple[tuple[str, ...], ...], ...]  # group -> alternatives -> words ("x*" = prefix)
    terms: str
    terms_en: str = ""


def _parse(raw: dict) -> tuple[_Entry, ...]:
    entries = []
    for cid, spec in raw["concepts"].items():
        groups = spec.get("when")
        if not groups or not all(isinstance(g, list) and g for g in groups) or not spec.get("terms"):
            raise ValueError(f"{DATA.name}: concept {cid!r} needs 'when' (non-empty lists of words) and 'terms'")
        parsed = []
        for group in groups:
            alts = []
            for alt in group:
                words = alternative(alt)
                if not words:
                    raise ValueError(f"{DATA.name}: concept {cid!r}: bad alternative {alt!r}")
                alts.append(words)
            parsed.append(tuple(alts))
        entries.append(_Entry(cid, tuple(parsed), spec["terms"], spec.get("terms_en", "")))
    return tuple(entries)


@lru_cache(maxsize=1)
def lexicon() -> tuple[_Entry, ...]:
    return _parse(json.loads(DATA.read_text(encoding="utf-8")))


@lru_cache(maxsize=256)
def find_concepts(question: str) -> tuple[Concept, ...]:
    """The lexicon's concepts whose every group of words the question holds, in the
    lexicon's order, each with the words that met its groups."""
    words = analyzer_words(question)
    out = []
    for entry in lexicon():
        met = []
        for group in entry.groups:
            found = next((w for alt in group if (w := _find(words, alt))), None)
            if found is None:
                break
            met.append(found)
        else:
            out.append(Concept(entry.id, entry.terms, tuple(met), entry.terms_en))
    return tuple(out)
