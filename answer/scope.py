"""Is a question outside what the corpus can answer: about another jurisdiction, or small talk?

The corpus is Serbian law plus international instruments (CoE / UN treaties, ECtHR
judgments). `other_jurisdiction` returns the words that place a question's law, court,
procedure, tax or right in another state ("u Hrvatskoj", "in the United States",
"Slovenian law", "Zagreb", "FBiH"), as the user wrote them; `is_small_talk` says whether
a message is chit-chat with no legal word in it.

A foreign place fires when it is where the rule asked about applies:
  - after a locative preposition ("u Hrvatskoj", "na Kipru", "in Croatia");
  - beside a law word ("hrvatski zakon", "austrijskom pravu", "law of Croatia", "sud Hrvatske");
  - owning a body, whatever stands before it ("apply to Ireland's Tribunal", "to the New
    York State Office of Victim Services");
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
the rest (other states, cities, entities, US states, cue words) from data/scope.json. The
place table and finding its places in a question are `answer.places`; the word lists'
pattern syntax is `core.word_lists`; this module decides.

Pure functions; no retrieval. Does not compose the user-facing message (the answerer
does), and does not judge whether a Serbian subject is in the corpus.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from retrieval.sources.absent_text import ECTHR, QuestionText, jurisdictions
from retrieval.analyzer import stem, token_spans

from answer.places import Mention, Places, mentions, place_table
from answer.scope_words import scope_data
from core.word_lists import norm, phrase_pattern

_NAMED = ("city", "entity", "us_state")  # places that are jurisdictions on their own, returned by name
# "Evropski sud" / "the European Court" alone is the ECtHR too in practitioners' usage (not
# the EU's "Evropski sud pravde"). Only here: as a search scope it let ECtHR paragraphs
# crowd out a story's own gold (development sets: 5 -> 4 of 6 in the first five).
_ECTHR_SHORT = re.compile(r"\bevropsk\w* sud(?:a|u|om)?\b(?! pravd)|\beuropean court\b(?! of justice)")


def _context(t: QuestionText, toks: list, m: Mention, p: Places) -> tuple[str, int, int]:
    """How the question uses a place: ("case" | "origin" | "treaty" | "law" | "located" |
    "bare", span start, span end). Checked in that order: a case name or the victim's
    story outweighs a law word beside it ("državljanka Hrvatske ima pravo")."""
    before = t.norm[max(0, m.start - 80): m.start]
    # Up to four words on: "Swedish Crime Victim Authority", "UK Criminal Injuries Compensation scheme".
    # Not across a sentence's end: "… negde u Južnoj Americi. Sud je već odlagao …".
    nxt = toks[m.i + m.n: m.i + m.n + 4]
    cut = next((k for k, x in enumerate(nxt) if _SENTENCE_END.search(t.norm, max(0, m.end - 3), x[1])), len(nxt))
    nxt = nxt[:cut]
    if p.case.search(before):
        return "case", m.start, m.end
    # A language, not a place: "prevedena na nemački (jezik)", "na engleskom", "in German".
    window = t.norm[max(0, m.start - 5): m.end]
    if (_LANGUAGE.search(window) or m.kind == "adjective" and _INTO.search(window)) and not (nxt and nxt[0][0] in p.laws) \
            or (nxt and nxt[0][0].startswith(("jezik", "languag"))):
        return "origin", m.start, m.end
    # "apply to Ireland's Tribunal", "to the New York State Office of Victim Services":
    # a place that owns what follows names that place's body, whatever preposition
    # stands before it ("to" is otherwise where a victim was taken).
    if _POSSESSIVE.match(t.norm, m.end) or (nxt and nxt[0][0] in _institutions()):
        return "law", m.start, m.end
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


_POSSESSIVE = re.compile(r"['’]s\b")
# A sentence ends: "?", "!", or a full stop after a word, not after an initial ("U.K.").
_SENTENCE_END = re.compile(r"[!?]|\w{3}\.(?:\s|$)")
_LANGUAGE = re.compile(r"\bna\s+\w+(ski|cki|sk[aiu]|ck[aiu]|skom|ckom)$")  # "na nemački", "na engleskom"
_INTO = re.compile(r"\binto?\s+\w+$")  # "into German": an adjective only ("in Iran" is a place)


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    return frozenset(stem(norm(w)) for w in scope_data()["jurisdiction"]["institutions"])  # as the tokens are stemmed


_FIRES = {"country": ("law", "located"), "adjective": ("law",), **{k: ("law", "located", "bare") for k in _NAMED}}


def other_jurisdiction(question: str, ask: str | None = None) -> str | None:
    """The words naming another jurisdiction whose law, courts or procedure the question
    asks about, as the user wrote them; None when there is none, when the question
    names the ECtHR or one of its cases, or when it also places the matter in Serbia.

    For a story, `ask` is its closing question (retrieval.intents.asked_sentence). A
    place in the story's background ("prodao ju je u Italiju", "držali su je u Bosni")
    is where the victim was taken or held, and the question is then about Serbian
    remedies; it counts only beside a law word or a body ("Swedish Crime Victim
    Authority"), or when the closing question points back to it ("tamo", "there", "in
    that country", "French CIVI"), and then where she was taken or came from counts too.
    A closing question that names another state's body or law ("Which Chinese government
    body licenses …?") decides even when the story is told in Serbia ("an NGO in Belgrade")."""
    own = _fired(ask) if ask is not None and ask != question else []
    body = next((m.text for m in own if m.ctx == "law" and not m.recruiter), None)  # her permit asked about counts
    if body:
        return body
    back = ask is not None and bool(_BACK.search(norm(ask)))
    fired = _fired(question, back)
    if not fired:
        return None
    if ask is None or ask == question or back or _foreign_adjective(ask):
        return fired[0].text
    if own:
        return own[0].text
    # In the background, "through a German agency" / "preko nemačke agencije" is who
    # recruited her, and "on a Turkish work visa" / "nemačku radnu dozvolu" a paper she
    # held: facts of the story, not a body whose rules she asks about.
    return next((m.text for m in fired if m.ctx == "law" and not m.recruiter and not m.paper), None)


# A closing question that points back to a place of the story: "Kako se tamo podnosi zahtev?"
_BACK = re.compile(r"\b(tamo\w*|tamosnj\w*|onde|ondje|there|u toj (zemlji|drzavi)|in that (country|state)"
                   r"|that country\W?s|te (zemlje|drzave))\b")


def _foreign_adjective(text: str) -> bool:
    """Whether `text` holds a foreign state's adjective ("French CIVI", "belgijskoj komisiji")."""
    t = QuestionText(text)
    return any(m.kind == "adjective" for m in mentions(t, token_spans(t.norm, "serbian"), place_table()))


_AGENCY = re.compile(r"\s+(?:\S+\s+)?agenc")  # "German (recruitment) agency", "nemačke agencije"
_PAPER = re.compile(r"\s+(?:\S+\s+){0,2}(?:permit|visa|dozvol|viz[aeiu]\b)")  # "Turkish work visa", "nemačku radnu dozvolu"


class _Fired(NamedTuple):
    ctx: str  # as `_context` names it
    text: str  # the words as written
    recruiter: bool  # the place names an agency ("German agency"): who recruited, in a story
    paper: bool  # the place names a permit or a visa ("Dutch permit"): what she held, in a story


def _fired(question: str, back: bool = False) -> list[_Fired]:
    """Each mention that places the question in another jurisdiction (see `_context`),
    in order; [] when none does or when the question names the ECtHR, one of its cases
    or a place in Serbia. `back`: the closing question points back to a place of the
    story ("tamo"), so where she was taken or came from counts too."""
    p = place_table()
    t = QuestionText(question)
    if ECTHR.search(t.norm) or _ECTHR_SHORT.search(t.norm):
        return []
    toks = token_spans(t.norm, "serbian")
    found = []
    for m in mentions(t, toks, p):
        ctx, start, end = _context(t, toks, m, p)
        if ctx == "case" or (m.kind == "home" and ctx != "origin"):
            return []
        if ctx in _FIRES.get(m.kind, ()) or (back and ctx == "origin" and m.kind != "adjective"):
            found.append(_Fired(ctx, t.original(start, end).strip(), bool(_AGENCY.match(t.norm, m.end)),
                                bool(_PAPER.match(t.norm, m.end))))
    return found


def home_places(question: str) -> set[str]:
    """The words naming a place in Serbia ("Belgrade", "Novom Sadu"), as written: where
    a question is asked, never what it is about."""
    p = place_table()
    t = QuestionText(question)
    toks = token_spans(t.norm, "serbian")
    return {t.original(m.start, m.end) for m in mentions(t, toks, p) if m.kind == "home"}


@lru_cache(maxsize=1)
def _small_talk() -> tuple[re.Pattern, re.Pattern, re.Pattern, int]:
    d = scope_data()["small_talk"]
    return (re.compile(phrase_pattern(d["cues"])), re.compile(phrase_pattern(d["short_cues"])),
            re.compile(phrase_pattern(d["legal"])), d["short_words"])


# Sums to work out ("koliko je 17 puta 23", "what is 12 times 7"): no source states them.
_ARITHMETIC = re.compile(r"\b(koliko je|sta je|what is|what's|how much is|izracunaj\w*|calculate|compute)\s+"
                         r"\d+(?:[.,]\d+)?\s*(puta|x|\*|×|plus|\+|minus|podeljeno sa|deljeno sa|times|multiplied by"
                         r"|divided by|over)\s*\d+"
                         # "Saberi mi: 47.300 + 52.800 + 49.950": a sum of three numbers or more
                         r"|\d+(?:[.,]\d+)*\s*[+]\s*\d+(?:[.,]\d+)*\s*[+]\s*\d+")


def is_small_talk(question: str) -> bool:
    """A greeting, thanks, weather, sport, recipe, joke, poem, "who are you", time or date,
    sum to work out ("koliko je 17 puta 23") or other chit-chat, with no legal word in it
    ("Zdravo, koji je rok …" is a question).
    Fillers such as "ok" or "test" count only in a message of a few words, so "Is it ok
    to …" stays a question. A non-legal question with no chit-chat cue ("Koliko je visok
    Avalski toranj?") is not small talk here: retrieval finds nothing for it."""
    cue, short, legal, most = _small_talk()
    q = norm(question)
    if legal.search(q):
        return False
    return bool(cue.search(q) or (len(q.split()) <= most and short.search(q)) or _ARITHMETIC.search(q))
