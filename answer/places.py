"""Places in a question: the table of place names, and where the question names them.

    p = place_table()                      # built once from the two data files
    mentions(QuestionText(q), token_spans(..., "serbian"), p)   # in question order

The table joins the states of retrieval/data/jurisdictions.json (through its loader)
with data/scope.json's other states, cities, BiH entities and US states, each with the
usual Serbian case endings, and compiles the cue words around a place (a locative or an
origin preposition, a case name, the victim's story, a nationality). A mention is a
place or a foreign adjective, longest name first. Whether a mention puts the question in
another jurisdiction is `answer.scope`'s decision.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from typing import NamedTuple

from core.text import to_latin
from retrieval.analyzer import stem
from retrieval.sources.absent_text import QuestionText, jurisdictions
from retrieval.sources.aliases import alias_key

from answer.scope_words import scope_data
from core.word_lists import norm, phrase_pattern

_DOTTED = re.compile(r"\bu\.\s?s\.(?:\s?a\.)?|\bu\.\s?k\.")  # "U.S.", "U.K.": their letters are stopwords


class Places(NamedTuple):
    names: dict[tuple[str, ...], tuple[str, str]]  # stemmed name -> (kind, id); kind "home" for Serbia
    longest: int
    cased: dict[tuple[str, ...], bool]  # names counted only capitalised; True: all capitals ("SAD", not "sad" = now)
    adjectives: frozenset[str]  # stems of foreign adjectives ("nemacki", "german")
    laws: frozenset[str]  # stems of law words
    treaties: frozenset[str]
    located: re.Pattern  # a locative preposition right before the place
    origin: re.Pattern  # an origin / transit preposition right before it
    case: re.Pattern  # "v." / "protiv" (+ "Cyprus and") before it: an ECtHR case name
    story: re.Pattern  # the victim's story within four words before it ("dovedena … u Nemačku")
    nationality: re.Pattern  # right before it ("državljanka Nigerije", "citizen of")
    after: re.Pattern  # a nationality noun right after it ("hrvatski državljanin")
    nis: re.Pattern  # Niš, whose folded forms include "nisu" ("are not")


def _inflected(name: str) -> set[str]:
    """A listed name with the usual Serbian case endings ("Teksas" -> "Teksasu"): the
    stemmer does not always give a nominative and its oblique forms one stem."""
    def forms(w: str) -> list[str]:
        if len(w) <= 3 or w.isupper() or not w.isalpha():
            return [w]
        if w[-1] == "a":
            return [w] + [w[:-1] + e for e in ("e", "i", "u", "om", "oj")]
        if w[-1] in "oe":
            return [w] + [w[:-1] + e for e in ("a", "u", "om")]
        return [w] + [w + e for e in ("a", "u", "om")]
    return {" ".join(c) for c in product(*map(forms, name.split()))}


@lru_cache(maxsize=1)
def place_table() -> Places:
    j, d = jurisdictions(), scope_data()["jurisdiction"]
    names = {k: ("home" if sid == j.home_state else "country", sid) for k, sid in j.states.items()}
    cased, cased_forms = {}, set(d["case_sensitive"])
    listed = [(kind if pid not in d["located_only"] else "country", pid, f)
              for kind, places in d["places"].items() for pid, forms in places.items() for f in forms]
    for kind, pid, f in listed + [("home", j.home_state, f) for f in d["home"]]:
        for form in _inflected(f):
            key = alias_key(form)
            if key and (kind == "home" or key not in names):  # CoE entries of jurisdictions.json win
                names[key] = (kind, pid)
            if key and f in cased_forms:
                cased[key] = f.isupper()

    def words(key, before="", after=""):
        return re.compile(before + phrase_pattern(d[key]) + after)

    return Places(
        names, max(len(k) for k in names), cased,
        j.adjectives, j.laws | frozenset(stem(norm(w)) for w in d["law_words"]),
        frozenset(stem(norm(w)) for w in d["treaty_words"]),
        words("located", after=r"\s+(?:the\s+)?$"), words("origin", after=r"\s+(?:the\s+)?$"),
        words("case_separators", after=r"\.?\s+(?:the\s+)?(?:[\w.]+(?:\s+[\w.]+)?\s*(?:,|and|i|&)\s*(?:the\s+)?){0,2}$"),
        words("story", after=r"\W+(?:\w+\W+){0,3}$"),
        words("nationality_before", after=r"\s+(?:of\s+)?(?:the\s+)?$"),
        words("nationality_after", before=r"\s+"), re.compile(d["home_nis"]))


class Mention(NamedTuple):
    kind: str  # country, city, entity, us_state, adjective, home
    start: int  # in the normalised question
    end: int
    i: int  # first token
    n: int  # tokens taken


def mentions(t: QuestionText, toks: list[tuple[str, int, int]], p: Places) -> list[Mention]:
    """Places and foreign adjectives, longest name first, in question order."""
    out, i = [], 0
    while i < len(toks):
        for n in range(min(p.longest, len(toks) - i), 0, -1):
            key = tuple(x[0] for x in toks[i:i + n])
            start, end = toks[i][1], toks[i + n - 1][2]
            written = to_latin(t.original(start, end))
            if key in p.names and (key not in p.cased or (written.isupper() if p.cased[key] else written[:1].isupper())):
                out.append(Mention(p.names[key][0], start, end, i, n))
                i += n
                break
        else:
            if toks[i][0] in p.adjectives:
                out.append(Mention("adjective", toks[i][1], toks[i][2], i, 1))
            i += 1
    # Names the tokens miss, placed among them: "U.S." / "U.K." in capitals (their letters
    # are stopwords), and Niš as written ("Niš", "Нишу") or after a preposition ("u Nisu"),
    # never "nisu" ("are not").
    unstemmed = [(m, "country") for m in _DOTTED.finditer(t.norm) if t.original(m.start(), m.end()).isupper()]
    unstemmed += [(m, "home") for m in p.nis.finditer(t.norm)
                  if "š" in to_latin(t.original(m.start(), m.end())).lower()
                  or re.search(r"\b(?:u|iz|in|grad|city of)\s+$", t.norm[:m.start()])]
    out += [Mention(kind, m.start(), m.end(), sum(1 for x in toks if x[1] < m.start()), 0) for m, kind in unstemmed]
    return sorted(out, key=lambda m: m.start)
