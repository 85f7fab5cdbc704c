"""Is a question outside what the corpus can answer: about another jurisdiction, or small talk?

The corpus is Serbian law plus international instruments (CoE / UN treaties, ECtHR
judgments). `other_jurisdiction` returns the words that place a question's law, court,
procedure, tax or right in another state ("u Hrvatskoj", "in the United States",
"Slovenian law", "Zagreb", "FBiH"), as the user wrote them; `is_small_talk` says whether
a message is chit-chat with no legal word in it.

A foreign place fires when it is where the rule asked about applies:
  - after a locative preposition ("u Hrvatskoj", "na Kipru", "in Croatia");
  - beside a law word ("hrvatski zakon", "austrijskom pravu", "law of Croatia", "sud Hrvatske");
  - a foreign city, a US state or a BiH entity anywhere (each is itself a place of
    courts, offices and registration; a bare country name is not: "Hrvatska je
    ratifikovala Konvenciju").
It does not fire on: an ECtHR case name ("S.M. protiv Hrvatske", "Rantsev v. Cyprus and
Russia") or any question naming the ECtHR (its judgments are in the corpus, wherever the
facts happened); a treaty named after a city ("Warsaw Convention"); origin, transit and
the victim's story ("iz Moldavije", "trafficked to Germany", "državljanka Nigerije",
"eksploatisana u Nemačkoj", "Croatian citizen"); and any question that also places the
matter in Serbia ("u Srbiji", "Serbian law", "Beograd", "Niš"), since that one asks about
Serbian remedies. States come from retrieval/data/jurisdictions.json through its loader;
the rest (other states, cities, entities, US states, cue words) from data/scope.json.

Pure functions; no retrieval. Does not compose the user-facing message (the answerer
does), and does not judge whether a Serbian subject is in the corpus.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Iterable, NamedTuple

from retrieval.sources.absent_text import QuestionText, jurisdictions
from retrieval.sources.aliases import alias_key
from retrieval.analyzer import stem, token_spans
from core.text import normalize, to_latin

DATA = Path(__file__).parent / "data" / "scope.json"
_DOTTED = re.compile(r"\bu\.\s?s\.(?:\s?a\.)?|\bu\.\s?k\.")  # "U.S.", "U.K.": their letters are stopwords


@lru_cache(maxsize=1)
def scope_data() -> dict:
    """data/scope.json, read once (answer.answer_type reads its sections too)."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """`normalize` with the typographic apostrophe made plain ("what’s"), same length."""
    return normalize(text).replace("\u2019", "'")


def phrase_pattern(entries: Iterable[str], number: str = r"\d+") -> str:
    """One regex alternation for word-list entries (syntax in data/scope.json's comment):
    words joined by whitespace, "x*" any ending, "~" up to three words, "#" `number`."""
    alts, after_number = [], []
    for entry in sorted({norm(e) for e in entries}, key=len, reverse=True):
        out, prev = "", None
        words = entry.split()
        if words[0] == "#" and len(words) > 1:  # "# dana", "# %": one number, then any unit (fast)
            after_number.append(phrase_pattern([" ".join(words[1:])], number)[len(r"(?<!\w)"):])
            continue
        for w in words:
            if w == "~":
                out += r"\s+(?:\S+\s+){0,3}"
                prev = None
                continue
            piece = number if w == "#" else re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
            if prev is not None:
                out += _gap(prev, w)
            out, prev = out + piece, w
        alts.append(out)
    if after_number:
        alts.append(number + r"\s*(?:" + "|".join(after_number) + ")")
    return r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)"


def _gap(prev: str, w: str) -> str:
    """Between two words: whitespace; none needed beside a sign ("10%", "€500") or
    between digits and a unit ("15dana"), never between two letters ("tri meseca")."""
    if not (prev[:1].isalnum() or prev == "#") or not (w[:1].isalnum() or w == "#"):
        return r"\s*"
    return r"(?:\s+|(?<=\d))" if prev == "#" else r"\s+"


class _Places(NamedTuple):
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
    ecthr: re.Pattern
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
def _places() -> _Places:
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

    return _Places(
        names, max(len(k) for k in names), cased,
        j.adjectives, j.laws | frozenset(stem(norm(w)) for w in d["law_words"]),
        frozenset(stem(norm(w)) for w in d["treaty_words"]),
        words("located", after=r"\s+(?:the\s+)?$"), words("origin", after=r"\s+(?:the\s+)?$"),
        words("case_separators", after=r"\.?\s+(?:the\s+)?(?:[\w.]+(?:\s+[\w.]+)?\s*(?:,|and|i|&)\s*(?:the\s+)?){0,2}$"),
        words("story", after=r"\W+(?:\w+\W+){0,3}$"),
        words("nationality_before", after=r"\s+(?:of\s+)?(?:the\s+)?$"),
        words("nationality_after", before=r"\s+"), words("ecthr"), re.compile(d["home_nis"]))


_NAMED = ("city", "entity", "us_state")  # places that are jurisdictions on their own, returned by name


class _Mention(NamedTuple):
    kind: str  # country, city, entity, us_state, adjective, home
    start: int  # in the normalised question
    end: int
    i: int  # first token
    n: int  # tokens taken


def _mentions(t: QuestionText, toks: list[tuple[str, int, int]], p: _Places) -> list[_Mention]:
    """Places and foreign adjectives, longest name first, in question order."""
    out, i = [], 0
    while i < len(toks):
        for n in range(min(p.longest, len(toks) - i), 0, -1):
            key = tuple(x[0] for x in toks[i:i + n])
            start, end = toks[i][1], toks[i + n - 1][2]
            written = to_latin(t.original(start, end))
            if key in p.names and (key not in p.cased or (written.isupper() if p.cased[key] else written[:1].isupper())):
                out.append(_Mention(p.names[key][0], start, end, i, n))
                i += n
                break
        else:
            if toks[i][0] in p.adjectives:
                out.append(_Mention("adjective", toks[i][1], toks[i][2], i, 1))
            i += 1
    # Names the tokens miss, placed among them: "U.S." / "U.K." in capitals (their letters
    # are stopwords), and Niš as written ("Niš", "Нишу") or after a preposition ("u Nisu"),
    # never "nisu" ("are not").
    unstemmed = [(m, "country") for m in _DOTTED.finditer(t.norm) if t.original(m.start(), m.end()).isupper()]
    unstemmed += [(m, "home") for m in p.nis.finditer(t.norm)
                  if "š" in to_latin(t.original(m.start(), m.end())).lower()
                  or re.search(r"\b(?:u|iz|in|grad|city of)\s+$", t.norm[:m.start()])]
    out += [_Mention(kind, m.start(), m.end(), sum(1 for x in toks if x[1] < m.start()), 0) for m, kind in unstemmed]
    return sorted(out, key=lambda m: m.start)


def _context(t: QuestionText, toks: list, m: _Mention, p: _Places) -> tuple[str, int, int]:
    """How the question uses a place: ("case" | "origin" | "treaty" | "law" | "located" |
    "bare", span start, span end). Checked in that order: a case name or the victim's
    story outweighs a law word beside it ("državljanka Hrvatske ima pravo")."""
    before = t.norm[max(0, m.start - 80): m.start]
    # Up to four words on: "Swedish Crime Victim Authority", "UK Criminal Injuries Compensation scheme".
    nxt = toks[m.i + m.n: m.i + m.n + 4]
    if p.case.search(before):
        return "case", m.start, m.end
    # An adjective describes what follows it: "apply to the Swedish Authority" is no origin.
    origin = p.origin.search(before) if m.kind != "adjective" else None
    if origin or p.story.search(before) or p.nationality.search(before):
        return "origin", m.start, m.end
    if nxt and nxt[0][0] in p.treaties:
        return "treaty", m.start, m.end
    loc = p.located.search(before)
    if loc and m.kind in _NAMED:  # "u Sarajevu", not "u Sarajevu sud"
        return "located", m.start - len(before) + loc.start(), m.end
    if p.after.match(t.norm, m.end):  # "hrvatska državljanka pred sudom": who, not where
        return "origin", m.start, m.end
    law = next((x for x in nxt if x[0] in p.laws or any(f in x[0] for f in jurisdictions().foreign)), None)
    if law:
        return "law", m.start, (m.end if m.kind in _NAMED else law[2])
    prev = [x for x in toks[max(0, m.i - 2): m.i] if x[0] not in ("republik", "republic")]
    if prev and prev[-1][0] in p.laws and re.fullmatch(r"\s+(?:of\s+)?(?:the\s+)?(?:republi\w+\s+(?:of\s+)?)?",
                                                        t.norm[prev[-1][2]: m.start]):
        return "law", (m.start if m.kind in _NAMED else prev[-1][1]), m.end
    if loc:
        return "located", m.start - len(before) + loc.start(), m.end
    if p.after.match(t.norm, m.end):
        return "origin", m.start, m.end
    return "bare", m.start, m.end


_FIRES = {"country": ("law", "located"), "adjective": ("law",), **{k: ("law", "located", "bare") for k in _NAMED}}


def other_jurisdiction(question: str) -> str | None:
    """The words naming another jurisdiction whose law, courts or procedure the question
    asks about, as the user wrote them; None when there is none, when the question
    names the ECtHR or one of its cases, or when it also places the matter in Serbia."""
    p = _places()
    t = QuestionText(question)
    if p.ecthr.search(t.norm):
        return None
    toks = token_spans(t.norm, "serbian")
    found = None
    for m in _mentions(t, toks, p):
        ctx, start, end = _context(t, toks, m, p)
        if ctx == "case" or (m.kind == "home" and ctx != "origin"):
            return None
        if found is None and ctx in _FIRES.get(m.kind, ()):
            found = t.original(start, end).strip()
    return found


def home_places(question: str) -> set[str]:
    """The words naming a place in Serbia ("Belgrade", "Novom Sadu"), as written: where
    a question is asked, never what it is about."""
    p = _places()
    t = QuestionText(question)
    toks = token_spans(t.norm, "serbian")
    return {t.original(m.start, m.end) for m in _mentions(t, toks, p) if m.kind == "home"}


@lru_cache(maxsize=1)
def _small_talk() -> tuple[re.Pattern, re.Pattern, re.Pattern, int]:
    d = scope_data()["small_talk"]
    return (re.compile(phrase_pattern(d["cues"])), re.compile(phrase_pattern(d["short_cues"])),
            re.compile(phrase_pattern(d["legal"])), d["short_words"])


def is_small_talk(question: str) -> bool:
    """A greeting, thanks, weather, sport, recipe, joke, poem, "who are you", time or date,
    or other chit-chat, with no legal word in it ("Zdravo, koji je rok …" is a question).
    Fillers such as "ok" or "test" count only in a message of a few words, so "Is it ok
    to …" stays a question. A non-legal question with no chit-chat cue ("Koliko je visok
    Avalski toranj?") is not small talk here: retrieval finds nothing for it."""
    cue, short, legal, most = _small_talk()
    q = norm(question)
    if legal.search(q):
        return False
    return bool(cue.search(q) or (len(q.split()) <= most and short.search(q)))
