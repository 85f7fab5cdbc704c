"""Do a claim's numbers, deadlines and negations agree with the sources it cites?

A model can cite the right provision and still change what it says: "najkasnije osam
dana posle pravnosnažnosti presude [2]" where [2] (ZKP čl. 254 st. 2) says "najkasnije
do završetka glavnog pretresa". The words it quotes are checked by answer.verify; this
module checks the words it does not quote (the claim outside its quotation marks):

- quantities: every "N <unit>" (osam dana, 15 days, šest meseci, 300 evra; digits or
  Serbian/English number words, ranges "od tri do dvanaest godina" included) must occur
  with the same number and unit in a cited source;
- deadlines: in a sentence about a time limit (a time quantity, "rok", "najkasnije",
  "within", "at the latest"…), every time relation it uses (najkasnije, najranije,
  posle/nakon, pre, do, od, until, after, before…) must occur in a cited source, and so
  must the event it is tied to (the words after the relation: "pravnosnažnosti presude");
- negations: a word the claim only negates ("ne može", "nije", "nema", "not", "never")
  must not occur in the cited sources only affirmed, nor the other way round.

Compared on normalised text (Latin, lowercase, no diacritics) with the project's
stemmer, so a Cyrillic source and inflected forms meet. Leans to "disagrees": a
paraphrased deadline is shown unverified rather than confirmed. Pure functions; does
not check quotes, article numbers or citations (answer.verify does).
"""
from __future__ import annotations

import re

from retrieval.analyzer import stem

from core.text import normalize

_UNITS = {
    "day": ("dan", "dana", "danu", "dane", "danima", "day", "days"),
    "week": ("nedelja", "nedelje", "nedelju", "sedmica", "sedmice", "week", "weeks"),
    "month": ("mesec", "meseca", "meseci", "mesece", "mesecu", "month", "months"),
    "year": ("godina", "godine", "godinu", "godini", "leta", "year", "years"),
    "hour": ("sat", "sata", "sati", "hour", "hours"),
    "percent": ("%", "posto", "procenat", "procenta", "procenata", "percent"),
    "money": ("dinar", "dinara", "din", "rsd", "evra", "eura", "evro", "euro", "euros", "eur"),
}
UNIT_OF = {w: u for u, ws in _UNITS.items() for w in ws}
TIME_UNITS = {"day", "week", "month", "year", "hour"}
_ONES = {"nula": 0, "jedan": 1, "jedna": 1, "jedno": 1, "jednog": 1, "jedne": 1, "jednu": 1, "jednom": 1, "dva": 2,
         "dve": 2, "dvije": 2, "tri": 3, "cetiri": 4, "pet": 5, "sest": 6, "sedam": 7, "osam": 8, "devet": 9,
         "deset": 10, "jedanaest": 11, "dvanaest": 12, "trinaest": 13, "cetrnaest": 14, "petnaest": 15,
         "sesnaest": 16, "sedamnaest": 17, "osamnaest": 18, "devetnaest": 19, "one": 1, "two": 2, "three": 3,
         "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "pola": 0.5, "half": 0.5}
_TENS = {"dvadeset": 20, "trideset": 30, "cetrdeset": 40, "pedeset": 50, "sezdeset": 60, "sedamdeset": 70,
         "osamdeset": 80, "devedeset": 90, "sto": 100, "dvesta": 200, "trista": 300, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
# Between a number and its unit: "radnih", "punih", "kalendarskih", "working", "full".
_FILLER = {"radnih", "punih", "kalendarskih", "uzastopnih", "working", "calendar", "full", "clear", "consecutive"}
_RANGE = {"do", "i", "ili", "-", "to", "or", "and"}
# Time relations, by class: a claim's class must be a source's class.
RELATIONS = {
    "najkasnije": "latest", "latest": "latest", "najranije": "earliest", "earliest": "earliest",
    "posle": "after", "nakon": "after", "after": "after", "following": "after",
    "pre": "before", "before": "before", "prior": "before",
    "do": "until", "until": "until", "till": "until",
    "od": "from", "from": "from", "since": "from",
}
_DEADLINE_WORDS = {"rok", "roka", "roku", "rokom", "rokovi", "najkasnije", "najranije", "zastarel", "deadline",
                   "within", "latest", "earliest", "limit"}
# A word is negated when one of these stands before it, short function words between
# ("ne može", "nije od značaja", "shall not be paid"); "nema" negates "ima" itself.
_NEGATIONS = {"ne", "not", "never", "nikada", "nikad", "no", "nije", "nisu", "nece", "nisam", "nismo", "nemoj",
              "cannot", "isnt", "arent", "doesnt", "dont", "wont", "nor", "niti"}
_FUSED = {"nema": "ima", "nemaju": "imaju", "nemamo": "imamo", "nemate": "imate"}
_STOP = {"se", "je", "su", "da", "u", "na", "i", "a", "o", "the", "of", "a", "an", "to", "in", "is", "be", "by"}
_TOKEN = re.compile(r"%|\d+(?:[.,]\d+)?|[a-z]+")


# Words that fold onto a negation without being one: "u Nišu" (in Niš, a court's seat in
# every Apelacioni sud u Nišu label) folds to "u nisu" ("are not"), which negated the
# next word and flagged a quoted bulletin page as contradicting itself.
_LOOKALIKES = re.compile(r"(?<!\w)(?:nišu|нишу)(?!\w)", re.I)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(_LOOKALIKES.sub(" nis ", text)).replace("n't", "nt"))


def _number(toks: list[str], i: int) -> tuple[float | None, int]:
    """(value, tokens used) of a number at toks[i]: digits, or words ("dvadeset pet")."""
    t = toks[i]
    if t[0].isdigit():
        return float(t.replace(",", ".")), 1
    if t in _TENS:
        value, used = _TENS[t], 1
        if i + 2 < len(toks) and toks[i + 1] == "i" and toks[i + 2] in _ONES:
            return value + _ONES[toks[i + 2]], 3
        if i + 1 < len(toks) and toks[i + 1] in _ONES:
            return value + _ONES[toks[i + 1]], 2
        return value, used
    if t in _ONES:
        return _ONES[t], 1
    return None, 0


def quantities(text: str) -> dict[tuple[float, str], str]:
    """{(value, unit): words} of every "N <unit>" in `text`; a range "od 3 do 12 godina"
    gives both ends the unit, and is itself a key (3, 12, unit)."""
    toks, found, i = tokens(text), {}, 0
    pending: list[tuple[float, str]] = []  # numbers waiting for a range's unit
    while i < len(toks):
        value, used = _number(toks, i)
        if value is None:
            i += 1
            pending = [] if toks[i - 1] not in _RANGE else pending
            continue
        j = i + used
        while j < len(toks) and toks[j] in _FILLER:
            j += 1
        unit = UNIT_OF.get(toks[j]) if j < len(toks) else None
        if unit:
            for v, words in pending + [(value, " ".join(toks[i:j + 1]))]:
                found.setdefault((v, unit), words)
            if pending:  # the range itself: "od tri do deset godina" is not "od tri do dvanaest"
                found.setdefault((pending[0][0], value, unit), " ".join([pending[0][1], toks[i - 1], *toks[i:j + 1]]))
            pending = []
        elif j < len(toks) and toks[j] in _RANGE:
            pending.append((value, " ".join(toks[i:j])))
        else:
            pending = []
        i = j
    return found


def relation_words(toks: list[str]) -> list[tuple[str, str, list[str]]]:
    """(word, class, the event words after it) for each time relation in `toks`."""
    out = []
    for i, t in enumerate(toks):
        if t in RELATIONS:
            event = [w for w in toks[i + 1:i + 4] if len(w) >= 5 and w not in UNIT_OF and _number([w], 0)[0] is None
                     and w not in RELATIONS]
            out.append((t, RELATIONS[t], event[:2]))
    return out


def is_deadline(toks: list[str], claim_quantities) -> bool:
    return any(u in TIME_UNITS for _, u in claim_quantities) or any(
        t in _DEADLINE_WORDS or t.startswith("zastarel") for t in toks)


def polarity(toks: list[str]) -> dict[str, set[bool]]:
    """{stemmed word: {True if it occurs affirmed, False if negated}} for the content
    words of `toks` (3+ letters, not function words). A negation negates the next
    content word only ("ne može", "nije od značaja", "shall not be paid")."""
    out: dict[str, set[bool]] = {}
    negate_next = False
    for i, t in enumerate(toks):
        if t in _FUSED:
            out.setdefault(_FUSED[t], set()).add(False)
        elif t in _NEGATIONS and not (t == "no" and toks[i + 1:i + 2] and toks[i + 1][0].isdigit()):
            # "(No. 2832/66) De Wilde invoked …" numbers an application; it negates nothing
            negate_next = True
        elif len(t) >= 3 and t not in _STOP and t.isalpha():
            out.setdefault(stem(t), set()).add(not negate_next)
            negate_next = False
    return out


# The answer's own headings ("**Odgovor:**", "*Rok:*", "*Sudska praksa:*") claim nothing:
# "Odgovor" beside ZPP čl. 193's "ne odgovori na predlog" read as a negated word.
_LABELS = re.compile(r"\*{1,2}[^*\n]{1,40}?:\*{1,2}")


def fact_issues(claim: str, sources: list[str]) -> list[tuple[str, dict[str, str]]]:
    """(code, values) for each way `claim` (its words outside quotes) disagrees with the
    cited `sources`: "quantity", "deadline" or "negation"."""
    issues: list[tuple[str, dict[str, str]]] = []
    toks = tokens(_LABELS.sub(" ", claim))
    if not toks or not sources:
        return issues
    source_text = "\n".join(sources)
    stoks = tokens(source_text)
    claimed = quantities(claim)
    have = quantities(source_text)
    for key, words in claimed.items():
        if key not in have:
            issues.append(("quantity", {"claimed": words}))
    if is_deadline(toks, claimed):
        sclasses = {RELATIONS[t] for t in stoks if t in RELATIONS}
        sstems = {stem(t) for t in stoks}
        for word, cls, event in relation_words(toks):
            missing = [w for w in event if stem(w) not in sstems]
            if cls not in sclasses or missing:
                issues.append(("deadline", {"words": " ".join([word, *event])}))
    claim_pol, source_pol = polarity(toks), polarity(stoks)
    # Only a word the claim uses in one polarity and every cited source in the other.
    flipped = [w for w, forms in sorted(claim_pol.items())
               if len(forms) == 1 and len(source_pol.get(w, ())) == 1 and forms != source_pol[w]]
    if flipped:
        issues.append(("negation", {"word": ", ".join(flipped)}))
    return issues
