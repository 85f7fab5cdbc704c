"""Whether a question asks how many things there are, and whether a quote states a
number of things.

    asks_count("Koliko posebnih izveštaja je Zaštitnik građana objavio?")  -> True
    asks_count("Koliko dana ima da podnese žalbu?")                        -> False  (a time)
    states_count("Veće se sastoji od tri sudije.")                         -> True
    states_count("… („Službeni glasnik RS”, broj 19/09).")                 -> False  (a citation)

A bare "koliko" or "how many" names none of retrieval.answer_type's kinds: it counts
things (reports, police directorates, members of a council). A quote that answers it
states a number followed by what is counted ("tri sudije", "devet članova", "48 sati");
a quote without one ("Zaštitnik građana obavlja poslove nacionalnog izvestioca …")
speaks of the subject and cannot say how many. A number that cites ("član 16", "broj
19/09"), dates ("15. januara", "2021") or is any article's "jedan" states no count.

Pure functions over normalised text; the word lists live in data/answer_type.json
("count"). With the question, the number must count the question's own things, by
analyzer stem ("koliko sudija" -> "tri sudije", not "u roku od 15 dana"). Decides
nothing (answer.decide asks the lead quote for one).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from core.word_lists import norm, phrase_pattern
from retrieval.analyzer import analyze, language, words
from retrieval.answer_type import clauses

DATA = Path(__file__).parent / "data" / "answer_type.json"
_MONTHS = (r"januar\w*|februar\w*|mart\w*|april\w*|maj\w*|jun\w*|jul\w*|avgust\w*|septemb\w*|oktob\w*"
           r"|novemb\w*|decemb\w*|january|february|march|may|june|july|august|october")


class _Count(NamedTuple):
    asked: re.Pattern  # at a clause start, with what follows in group "rest"
    not_counted: re.Pattern
    not_next: re.Pattern
    number: re.Pattern  # a number stating a count, with the word after it
    citation: frozenset[str]  # words after which a number cites


@lru_cache(maxsize=1)
def _count() -> _Count:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    c, numbers = data["count"], data["states"]["numbers"]
    counting = [n for n in numbers if norm(n) not in {norm(x) for x in c["not_a_count"]}]
    number = (rf"(?<![\w/.,])(?P<n>\d+(?:[.,]\d+)*|{phrase_pattern(counting)})(?![\w/])"
              rf"(?:\s*\([^)]{{1,30}}\))?"  # "deset (10)"
              # then what it counts (within three words: "tri stalna člana"), not a date
              rf"(?P<after>\.?\s+(?!(?:{_MONTHS})\b)[^\W\d_]{{2,}}(?:\s+[^\W\d_]{{2,}}){{0,2}})")
    return _Count(re.compile(r"(?:" + phrase_pattern(c["asked"]) + r")(?P<rest>(?:\s+\S+){0,5})"),
                  re.compile(phrase_pattern(c["not_counted"])), re.compile(r"\s*" + phrase_pattern(c["not_next"])),
                  re.compile(number),
                  frozenset(norm(w) for w in c["citation"]))


@lru_cache(maxsize=64)
def counted(question: str) -> frozenset[str] | None:
    """The stems of what the question counts (the words after "koliko" in a clause that
    counts things: "posebnih izveštaja" -> {posebn, izvestaj}; empty when those are
    function words only), or None when no clause counts. A time, sum or manner in the
    five words after it ("koliko takva mera može da traje") makes the clause ask that
    instead."""
    c = _count()
    for clause in clauses(norm(question)):
        m = c.asked.match(clause)
        rest = m.group("rest") if m else ""
        if rest.strip() and not c.not_counted.search(rest) and not c.not_next.match(rest):
            return frozenset(analyze(" ".join(rest.split()[:3])))
    return None


def asks_count(question: str) -> bool:
    """Whether a clause of the question opens with "koliko" / "how many" counting things."""
    return counted(question) is not None


def states_count(text: str, question: str | None = None) -> bool:
    """Whether `text` states a number of things (not a citation, a date or a year); with
    `question`, of the things it counts ("15 dana" is no number of reports), unless the
    text is in the other language (an English question, a Serbian statute)."""
    c, t = _count(), norm(text)
    what = (counted(question) if question else None) or frozenset()
    if what and language(words(question)) not in (language(words(text)), "both"):
        what = frozenset()
    for m in c.number.finditer(t):
        n = m.group("n")
        before = t[max(0, m.start() - 20):m.start()].split()
        if before and before[-1].rstrip(".") in c.citation:  # "član 16", "br. 5"
            continue
        if n.isdigit() and len(n) == 4 and n[:2] in ("19", "20"):  # a year
            continue
        if not what or what & set(analyze(m.group("after"))):
            return True
    return False
