"""What kind of thing a question asks for, and whether a quote states that kind of thing.

`asked_type(question)` gives one of ANSWER_TYPES or None:
  amount      "koliko iznosi", "kolika je kazna", "visina", "how much", "what is the fine"
  deadline    "rok", "do kada", "koliko dana", "u kom roku", "zastareva", "how long", "when"
  body        "ko odlučuje", "koji sud", "nadležan", "kome se podnosi", "which court", "who"
  procedure   "kako", "na koji način", "koji je postupak", "how do/can", "what steps"
  permission  "da li sme/može", "da li je dozvoljeno", "da li ima pravo", "may", "can she"
Cues that name a kind count anywhere ("rok", "koji sud"); bare interrogatives ("kada",
"ko", "kako", "when", "who", "how") only where a clause starts, and a leading condition
("Kada je žrtva dete, ko …", "If …, who …") is read past. Several kinds: the most
specific wins, in the order above, so "koliko dana" is a deadline, "kako i do kada" a
deadline, "ko i kako" a body, and "kako sud određuje visinu naknade" (how an amount
is set) a procedure. Bare "kada" / "when" asks for a time only before a time verb
("kada zastareva", "when does the period start"); otherwise it asks for a condition
("Kada krivični sud upućuje oštećenog …"). "Ko ima pravo …" / "who is entitled …" asks
for a person, not an authority, and bare "koliko" / "how many" counts things: no type.
None also for a search-box phrase ("naknada štete žrtvi"), a definition ("ko se smatra
oštećenim") and a question about what a provision says ("šta propisuje član 388").

`states_type(text, kind)` says whether a quote holds that kind of thing: an amount (a
number with a currency or %, a multiple "dvostruki", a share "polovina", a prison or
fine range), a time expression ("15 dana", "tri godine", "najkasnije", "u roku od",
"zastareva", "within a period"; an age such as "mlađe od 18 godina" is not one), an authority
("sud", "tužilaštvo", "centar za socijalni rad", "court", "nadležni") or the person who
acts ("lice", "oštećeni", "punomoćnik": "ko može da podnese" asks who), or a procedural
step ("podnosi se", "zahtev", "tužba", "files", "submit"). Any rule answers a yes/no
question, so permission is always stated. `names_action(text, question)`: a procedure
question that names its action ("kako se registruje vozilo", "kako da podnesem", "how do
I register") is answered only by a step of that action. `states(text, kind, question)`
reads both as a lawyer does: a limitation question wants a quote that speaks of
limitation, a rate question a percentage. Search reorders its first results by it
(`retrieval.rerank`); the answer asks its lead quote to satisfy it (`answer.decide`).

Pure functions over normalised text (Serbian Latin or Cyrillic, with or without
diacritics, and English); cue words live in data/answer_type.json. Does not decide whether a
quote answers the question's subject (key terms are checked elsewhere) or abstain.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from core.errors import ConfigError
from core.text import normalize
from core.word_lists import norm, phrase_pattern
from retrieval.analyzer import analyze
from retrieval.answer_bound import asked_bound, only_other_bound
from retrieval.answer_unit import asked_unit, states_unit, unit_type
from retrieval.intents import asked_sentence, asks_definition

ANSWER_TYPES = ("amount", "deadline", "body", "procedure", "permission")
_CLAUSE = re.compile(r"[.?!;:,]|\s(?:i|and|ili|or)\s")  # where a bare interrogative may start a clause


class _Cues(NamedTuple):
    priority: tuple[str, ...]
    strong: dict[str, re.Pattern]
    weak: dict[str, re.Pattern]  # matched at a clause start only
    coordinated: re.Pattern  # "ko i kako" at a clause start
    coordinated_types: dict[str, str]
    interrogative: re.Pattern  # any one of coordinated_types
    not_after: dict[str, re.Pattern]  # per bare interrogative ("ko"), what after it undoes it
    when_time: re.Pattern  # what after "kada" / "when" makes it ask for a time
    condition: re.Pattern
    method: re.Pattern  # "kako sud određuje visinu": how an amount is set
    provision: re.Pattern
    states: dict[str, re.Pattern]
    age: re.Pattern


DATA = Path(__file__).parent / "data" / "answer_type.json"


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    d, s = data["answer_type"], data["states"]
    number = r"(?:\d+(?:[.,]\d+)*|" + phrase_pattern(s["numbers"]) + r")(?:\s*\([^)]{1,30}\))?"
    coord = phrase_pattern(d["coordinated"])
    priority = tuple(d["priority"])
    if sorted(priority) != sorted(ANSWER_TYPES):
        raise ConfigError(f"answer_type.json answer_type.priority={list(priority)} must order ANSWER_TYPES={ANSWER_TYPES}")
    return _Cues(
        priority,
        {k: re.compile(phrase_pattern(v)) for k, v in d["strong"].items()},
        {k: re.compile(phrase_pattern(v)) for k, v in d["weak"].items()},
        re.compile(r"\s*" + coord + r"(?:\s*,?\s*(?:i|and|ili|or)\s+" + coord + r")+"),
        {norm(k): v for k, v in d["coordinated"].items()}, re.compile(coord),
        {norm(k): re.compile(r"\s+(?:\S+\s+){0,2}?" + phrase_pattern(v)) for k, v in d["not_after"].items()},
        re.compile(r"\s+(?:\S+\s+){0,3}?" + phrase_pattern(d["when_time"])),
        re.compile(r"\s*" + phrase_pattern(d["condition"]) + r"\s[^,?]{3,}?,\s*(?=\w)"),
        re.compile(phrase_pattern(d["method"])),
        re.compile(phrase_pattern(d["provision"])),
        {k: re.compile(phrase_pattern(s[k], number)) for k in ("amount", "deadline", "body", "procedure")},
        re.compile(phrase_pattern(s["age"], number)))


def clauses(q: str) -> list[str]:
    """The clauses of normalised text where a bare interrogative may start one (after . ? !
    ; : , or "i"/"and"/"ili"/"or")."""
    return [c.strip() for c in _CLAUSE.split(q) if c.strip()]


def _weak(q: str, c: _Cues) -> set[str]:
    """Kinds a bare interrogative at a clause start asks for, unless what follows undoes it."""
    found = set()
    for clause in clauses(q):
        for kind, cue in c.weak.items():
            m = cue.match(clause)
            undo = c.not_after.get(m.group()) if m else None
            if not m or (undo and undo.match(clause, m.end())):
                continue
            if kind != "deadline" or c.when_time.match(clause, m.end()):
                found.add(kind)
    return found


def _coordinated(q: str, c: _Cues) -> set[str]:
    """"Ko i kako …", "Kako i do kada …": each joined interrogative names its kind."""
    found = set()
    for clause in re.split(r"[.?!;:,]", q):
        m = c.coordinated.match(clause)
        if m:
            found |= {c.coordinated_types[w] for w in c.interrogative.findall(m.group())}
    return found


def asked_type(question: str) -> str | None:
    """The kind of thing the question asks for (one of ANSWER_TYPES), or None."""
    c = _cues()
    q = norm(question).strip()
    q = c.condition.sub("", q, count=1) if c.condition.match(q) else q
    unit = _unit(question)
    if unit and unit_type(unit) == "amount" and not c.method.search(q):
        return "amount"  # "Na koliko evra …": a sum, not a term (answer_unit)
    found = {k for k, p in c.strong.items() if p.search(q)} | _coordinated(q, c)
    if c.method.search(q):
        found = (found - {"amount"}) | {"procedure"}
    if c.provision.search(q) or asks_definition(q):  # "how is servitude defined": only a named
        found &= {"deadline", "amount"}                # time or amount still asks for one
        if not found:
            return None
    # A time unit names the type only where no cue does ("What is the minimum duration, in
    # months, …?"); "posle koliko neopravdanih časova … i kolika je kazna" asks a sum too.
    found = found or ({unit_type(unit)} if unit else set()) or _weak(q, c)
    return min(found, key=c.priority.index) if found else None


@lru_cache(maxsize=64)
def _unit(question: str) -> str | None:
    """The unit the question's own sentence names (a story's facts may speak of euros)."""
    return asked_unit(asked_sentence(question))


@lru_cache(maxsize=64)
def _bound(question: str) -> str | None:
    """The bound the question's own sentence asks ("najduže", "at least"), once per question."""
    return asked_bound(asked_sentence(question))


def states_type(text: str, kind: str) -> bool:
    """Whether `text` (a quote) states a thing of `kind` (see the module docstring)."""
    if kind not in ANSWER_TYPES:
        raise ValueError(f"states_type: kind={kind!r} is not one of {ANSWER_TYPES}")
    if kind == "permission":
        return True
    c, t = _cues(), norm(text)
    if kind == "deadline":  # an age limit is not a time limit
        t = c.age.sub(" ", t)
    return bool(c.states[kind].search(t))


# The action a procedure question asks how to do: "kako se registruje vozilo",
# "kako da podnesem", "how do I register".
_ACTION = re.compile(r"\b(?:kako\s+(?:se|da)|how\s+(?:to|do\s+(?:i|you|we)|can\s+(?:i|you|we)))\s+([^\W\d_]{4,})")


def names_action(text: str, question: str) -> bool:
    """A procedure's quote names the action asked about ("kako se registruje vozilo":
    a step of registering, not a condition of entrusting a seized car, "na zahtev" though
    it says); True when the question names no action this way."""
    stems = _action(question)
    return not stems or bool(stems & set(analyze(text)))


@lru_cache(maxsize=64)
def _action(question: str) -> frozenset[str]:
    """The stems of the action a procedure question names (empty: it names none); once
    per question, not once per candidate quote."""
    m = _ACTION.search(normalize(asked_sentence(question)))
    return frozenset(analyze(m.group(1))) if m else frozenset()


_LIMITATION = re.compile(r"\bzastar|\blimitation|time.barred|\bprescri")
_RATE = re.compile(r"\b(stop[aeiu]|rate|procen\w*|percentage|koliko posto)\b")
_PERCENT = re.compile(r"%|\bprocen\w*|\bpercent|\bposto\b")
# A fee or a charge asked ("koliko košta dozvola", "the fee in dinars"), and a penalty.
_FEE = re.compile(r"\b(taks\w*|fees?|charges?|kost\w*|cost|costs|cen[aeiu]|price)\b")
_PENALTY_ASKED = re.compile(r"\b(kazn\w*|kaznjen\w*|fine|fines|fined|penalt\w*|punish\w*|sanction\w*)\b")
_PENALTY = re.compile(r"\b(kazn\w* se|novcan\w* kazn\w*|kaznom od|fine of|fined|punishable|shall be punished)\b")


def must_state(question: str, kind: str | None) -> bool:
    """Whether a lead quote must state the asked `kind`: a question ("…?") asks for a
    deadline or an amount; a search-box phrase ("zastarelost potraživanja kućne
    pomoćnice") names a topic, and a permission is any rule's."""
    return kind not in (None, "permission") and question.rstrip().endswith("?")


@lru_cache(maxsize=64)
def _asks_fee(question: str) -> bool:
    """A fee or a charge asked, not a penalty, once per question."""
    return bool(_FEE.search(normalize(question))) and not asks_penalty(question)


def asks_penalty(question: str) -> bool:
    """Whether a question asks a penalty ("koja kazna mu preti", "the penalty range")."""
    return bool(_PENALTY_ASKED.search(normalize(question)))


def states_penalty(text: str) -> bool:
    """Whether a quote sets a penalty ("kazniće se zatvorom od tri meseca do pet godina")."""
    return bool(_PENALTY.search(normalize(text)))


def states(text: str, kind: str, question: str) -> bool:
    """states_type, and for a question about limitation ("rok zastarelosti") a quote that
    speaks of limitation: ZOO 379's "zastarevaju za deset godina", not ZOO 293's "u roku
    koji mu je određen"; for a question about a rate ("stopa poreza", "what percentage")
    a quote that states a percentage, not any amount; for one asking a maximum or a
    minimum, not a quote that sets only the other bound (retrieval.answer_bound); for one
    asking a fee ("taksa", "koliko košta"), not a quote that sets a fine."""
    if not states_type(text, kind):
        return False
    unit = _unit(question)
    if unit and unit_type(unit) == kind and not states_unit(text, unit):
        return False  # "koliko časova godišnje" is not answered by "u roku od 15 dana"
    bound = _bound(question) if kind in ("deadline", "amount") else None
    if bound and only_other_bound(text, bound):
        return False  # "how long at most" is not answered by "at least 30 days"
    if kind == "amount" and _RATE.search(normalize(question)):
        return bool(_PERCENT.search(normalize(text)))
    if kind == "amount" and _asks_fee(question):
        return not states_penalty(text)  # a fine for hiring without a permit is no permit's fee
    if kind == "procedure":
        return names_action(text, question)
    return kind != "deadline" or not _LIMITATION.search(normalize(question)) or bool(_LIMITATION.search(normalize(text)))
