"""The trigger table: `pathways/triggers.json` (term syntax in its "_doc"), compiled once.

    table = trigger_table()   # read and compiled on first use
    table.index[key]          # the triggers a word carrying `key` can start

Each trigger phrase becomes a sequence of terms; a term is the set of keys (an exact
normalised form, a Serbian or English stem, a wildcard prefix, a number class, a
past-tense mark, a word class of the file) any of which a question's word must carry to
meet it, and the trigger is indexed under the keys of its first term. The negators,
clause breaks, story weights and the names of the facts and asks come with it. Matching
a question against the table is `pathways.facts`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.text import normalize
from retrieval.analyzer import stem

DATA = Path(__file__).resolve().parent / "triggers.json"
GAP = 3  # " .. " in a trigger: up to this many words in between


@dataclass(frozen=True)
class Trigger:
    group: str       # "fact:<id>", "ask:<id>", "except:<id>", "except" (global), "story:<kind>"
    terms: tuple[tuple[frozenset, int], ...]  # (keys, any of which matches; max words skipped before)
    negatable: bool  # False when the trigger carries its own negation


def word_keys(word: str) -> set[str]:
    # A plain trigger word meets any form with its Serbian or English stem ("pasoš" meets
    # "pasoša", "пасоше"; "injured" meets "injuries").
    return {"=" + word, "s:" + stem(word, "serbian"), "e:" + stem(word, "english")}


class TriggerTable:
    """triggers.json, compiled. Every trigger is indexed by the keys of its first term,
    so a question only tries the triggers its own words can start."""

    def __init__(self, raw: dict):
        self.negators = frozenset(normalize(w) for w in raw["negators"])
        self.breaks = frozenset(normalize(w) for w in raw["clause_breaks"])
        story = raw["story"]
        self.participle = {lang: re.compile(story["participle_" + lang]) for lang in ("sr", "en")}
        self.not_participle = frozenset(normalize(w) for w in story["not_participle"])
        self.weights = story["weights"]
        self.prefixes: set[str] = set()
        self.classes = {"neg": frozenset("=" + w for w in self.negators)}
        for name, words in raw["classes"].items():
            self.classes[name] = self._alternatives("|".join(words))
        self.index: dict[str, list[Trigger]] = {}
        self._add("except", raw["except"])
        for kind, entries in (("fact", raw["facts"]), ("ask", raw["asks"])):
            for name, entry in entries.items():
                self._add(f"{kind}:{name}", entry["triggers"])
                self._add(f"except:{name}", entry.get("except", []))
        for name in ("client", "person", "past"):
            self._add(f"story:{name}", story[name])
        self.names = {kind: {k: dict(v["names"]) for k, v in raw[kind].items()} for kind in ("facts", "asks")}

    def _alternatives(self, term: str) -> frozenset:
        keys: set[str] = set()
        for alt in term.split("|"):
            if alt.startswith("@"):
                keys |= self.classes[alt[1:]]
            elif alt.startswith("#") or alt == "_":
                keys.add(alt)
            elif alt.startswith("=") and alt.endswith("*") or not alt.strip("=*"):
                raise ValueError(f"{DATA.name}: bad term {alt!r} in {term!r}")
            elif alt.endswith("*"):
                self.prefixes.add(prefix := normalize(alt[:-1]))
                keys.add("p:" + prefix)
            else:
                keys |= {"=" + normalize(alt[1:])} if alt.startswith("=") else word_keys(normalize(alt))
        return frozenset(keys)

    def _add(self, group: str, patterns: list[str]) -> None:
        for pattern in patterns:
            halves = pattern.split(" & ")  # "A & B": A then B, or B then A, up to GAP words apart
            for text in halves if len(halves) == 1 else (" .. ".join(halves), " .. ".join(halves[::-1])):
                seq = tuple((self._alternatives(term), GAP if i and not j else 0)
                            for i, chunk in enumerate(text.split(" .. ")) for j, term in enumerate(chunk.split()))
                trig = Trigger(group, seq, not any(keys & self.classes["neg"] for keys, _ in seq))
                for key in seq[0][0]:
                    self.index.setdefault(key, []).append(trig)


@lru_cache(maxsize=1)
def trigger_table() -> TriggerTable:
    return TriggerTable(json.loads(DATA.read_text(encoding="utf-8")))
