"""Regime and addressee: which body of rules a quote belongs to, and to whom it applies.

A victim's compensation lives in criminal and civil proceedings. Misdemeanour procedure
("15 dana" to pay a fine) and the State's liability for wrongful conviction ("zastareva
za tri godine") use the same words (naknada štete, rok, zastarevanje) and so compete for
the lead quote; `regime_factor` lowers them unless the question names that regime.
`addressee` names the narrower group a provision applies to ("Oštećeni kao tužilac"),
taken from the chunk's own chapter heading, when the question does not name it.

Tables in answer/data/regimes.json. Pure functions over normalised text.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from core.records import Chunk
from retrieval.analyzer import analyze
from core.text import normalize

DATA = Path(__file__).resolve().parent / "data" / "regimes.json"


@lru_cache(maxsize=1)
def _tables() -> tuple[list[dict], re.Pattern]:
    d = json.loads(DATA.read_text(encoding="utf-8"))
    regimes = [{**r, "asked_re": re.compile(r["asked"]), "chapter_re": re.compile(r["chapter"]) if r.get("chapter") else None}
               for r in d["regimes"]]
    return regimes, re.compile("|".join(d["addressees"]))


def regime_of(chunk: Chunk) -> dict | None:
    return _regime(chunk.source, chunk.chapter or "")


@lru_cache(maxsize=4096)  # asked once per span of a chunk, per route of a pathway answer
def _regime(source: str, chapter_text: str) -> dict | None:
    regimes, _ = _tables()
    chapter = normalize(chapter_text)
    for r in regimes:
        # A source, a chapter, or a chapter of one source (the Law on Police's staff rules)
        if r.get("source", source) == source and (r["chapter_re"] is None or r["chapter_re"].search(chapter)):
            return r
    return None


_normalized_question = lru_cache(maxsize=256)(normalize)  # one question, every span of its hits


def regime_factor(question: str, chunk: Chunk) -> float:
    """The factor on a span's score: below 1 for a regime the question does not ask about."""
    r = regime_of(chunk)
    if r is None or r["asked_re"].search(_normalized_question(question)):
        return 1.0
    return float(r["factor"])


def addressee(question: str, chunk: Chunk) -> str | None:
    """The chapter segment naming to whom the provision applies ("Oštećeni kao tužilac"),
    as the source writes it, when it is narrower than the question; else None."""
    _, pattern = _tables()
    if not chunk.chapter:
        return None
    asked = set(analyze(question))
    for segment in reversed([s.strip() for s in chunk.chapter.split("›")]):
        # "2. Oštećeni kao tužilac": the numbering is not part of the name.
        name = re.sub(r"^(glava\s+\w+\s*[–-]\s*|\d+\.\s*)", "", segment, flags=re.I).strip()
        if pattern.search(normalize(name)):
            # Named in the question in any form ("oštećenom kao tužiocu"): no note.
            if set(analyze(name)) <= asked:
                return None
            return name[:1] + name[1:].lower() if name.isupper() else name
    return None


def other_case(hits: list, chunk: Chunk) -> bool:
    """Whether `chunk` is a paragraph of an ECtHR judgment other than the ones the question
    names (the hits search's named leg found, `Hit.via`): what M. and Others v. Italy
    awarded is no answer to what Chowdury v. Greece awarded; nor is any case's paragraph
    an answer to a question asked under a Serbian statute it names ("What is the fee under
    the Law on Employment of Foreigners?" is not answered by Bayatyan v. Armenia's costs).
    False when no case and no statute is named."""
    if chunk.kind != "echr_judgment":
        return False
    named = {h.chunk.source for h in hits if "named" in h.via and h.chunk.kind in ("echr_judgment", "law")}
    return bool(named) and chunk.source not in named
