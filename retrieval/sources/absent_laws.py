"""Absent-source detectors for names built from words and numbers: court decision
numbers, law titles and EU instruments the question gives that the corpus lacks.

  decision_numbers  a number in a known court register no document is or quotes;
  law_titles        "Zakon(ik) o …" / "Закон о …" / "Law on …" / "… Act|Code", or a policy
                    document or by-law ("Strategija …", "Akcioni plan …", "Pravilnik o …",
                    "Strategy for …"), whose first content words no law or treaty title or
                    alias (aliases.json) holds;
  treaty_titles     "Konvencija o …" / "Convention on …" whose subject no title or alias holds;
  eu_instruments    a directive / regulation / framework decision number no title holds.

Each gives spans of the normalised question (`QuestionText.norm`). Does not read ECtHR
case names or foreign laws (retrieval.sources.absent_cases) and does not build `Known` or merge
the spans into names (retrieval.sources.absent).
"""
from __future__ import annotations

import re
from functools import lru_cache

from retrieval.sources.aliases import alias_key
from retrieval.analyzer import stem
from retrieval.sources.absent_text import Known, Phrase, QuestionText, Span, jurisdictions, words_before
from retrieval.sources.citation_parse import DECISION, decision_key

_NUM_MARK = frozenset({"br", "broj", "no", "nr"})
# Words a law's name does not end on ("Zakon o azilu i …" cut before "i").
_TAIL = frozenset({"i", "u", "na", "za", "o", "iz", "od", "and", "of", "for", "the", "in", "on", "to"}) | _NUM_MARK
_EN_CONNECT = frozenset({"and", "of", "for", "the", "in", "on", "against", "to"})
_PIECE = re.compile(r"[^\W_]+|[^\w\s]")
_SR_HEAD = re.compile(r"\bzakon(?:ik)?(?:a|u|om|e|i|ima)?\s+o\s+"
                      # an agreement between parties is a treaty ("Sporazum o readmisiji između
                      # Srbije i EU"); a plea agreement ("sporazum o priznanju") has no parties
                      r"|\bsporazum(?:a|u|om)?\s+o\s+(?=[^.?!;]{0,60}\bizmedju\s+(?:republik\w*\s+)?"
                      r"(?:srbij|vlad|evropsk|eu\b|ez\b))")
_EN_HEAD = re.compile(r"\b(?:law|act|code)\s+(?:on|of)\s+(?:the\s+)?")
# Policy documents and by-laws a question names ("Strategija prevencije i suzbijanja
# trgovine ljudima", "Akcioni plan za …", "Pravilnik o …", "Strategy for Preventing …"):
# the corpus holds statutes, never these. Each counts when written with a capital, as a
# name, or as "nacionalna strategija": "pravilnik o radu poslodavca" is an employer's
# rules and "strategija odbrane" a lawyer's plan, not titles.
_SR_DOC = re.compile(r"\b(?:(?P<national>nacionaln\w+\s+(?:strategij\w*|akcion\w*\s+plan\w*))|strategij\w*"
                     r"|akcion\w*\s+plan\w*|pravilnik\w*|uredb\w*)"
                     r"\s+(?:(?:o|za)\s+)?")
_EN_DOC = re.compile(r"\b(?:(?:national\s+)?strategy|action\s+plan|rulebook|decree|by-?law)\s+(?:on|for|of)\s+(?:the\s+)?")
# A convention or protocol named by its subject ("Haška konvencija o građanskopravnim
# aspektima međunarodne otmice dece", "Convention on the Civil Aspects of …"): a name when
# it is written with a capital or after a capitalised adjective ("Haškoj", "Evropskoj").
_SR_TREATY = re.compile(r"\b(?:konvencij|protokol)\w*\s+o\s+")
_EN_TREATY = re.compile(r"\b(?:convention|protocol)\s+(?:on|for|against|concerning|relating\s+to)\s+(?:the\s+)?")
_ADJECTIVE = re.compile(r"\w{2,}(?:sk|ck)\w{0,3}")
_TREATY_STEMS = ("konvencij", "protokol", "sporazum", "ugovor", "potvrdjivanj", "ratifikacij")
_EN_TAIL = re.compile(r"\b(?:act|code|agreement(?=\s+between\s+(?:the\s+)?(?:republic|serbia|government|eu\b|european)))")
_EU = re.compile(
    r"(?:\b(?P<kind>directive|direktiv[a-z]*|regulation|uredb[a-z]*|framework\s+decision|okvirn[a-z]*\s+odluk[a-z]*)\s+"
    r"(?P<eu>\((?:eu|ez|ec|eez|eec|ee)\)\s*)?(?:(?:no|br|broj)\.?\s*)?)?"
    r"(?P<num>\d{2,4}/\d{1,4})(?P<suf>/(?:eu|ez|ec|eez|eec|ee|jha|pup|ups|unp)\b)?")


def content_tokens(text: str) -> tuple[str, ...]:
    """A law's name as the detectors compare it: stemmed tokens without law words
    ("zakon", "act") and home words ("srbije")."""
    d = jurisdictions()
    return tuple(t for t in alias_key(text) if t not in d.home and t not in d.laws and t != "broj")


def decision_numbers(t: QuestionText, known: Known) -> list[Span]:
    return [(m.start(), m.end()) for m in DECISION.finditer(t.norm)
            if (k := decision_key(m.group())).split()[0] in known.registers and k not in known.decisions]


def _phrase_end(t: QuestionText, pos: int, english: bool, parties: bool = False) -> int:
    """Where a law's name starting at `pos` ends: punctuation, a word that ends names
    ("član", "srbije", "primenjuje"), a bare number, (English) an uncapitalised word, or
    (`parties`: an agreement's name) the parties it is between ("između …")."""
    kept: list[tuple[str, int]] = []
    for m in _PIECE.finditer(t.norm, pos, min(len(t.norm), pos + 200)):
        w, prev = m.group(), (kept[-1][0] if kept else "")
        if not w[0].isalnum():
            if w == "." and prev in _NUM_MARK:
                continue
            break
        if (w in jurisdictions().words["name_stops"] or (parties and w == "izmedju") or (w.isdigit() and prev not in _NUM_MARK) or len(kept) >= 14
                or stem(w) in jurisdictions().laws):  # the next law's name begins ("… i Zakona o …")
            break
        if english and not t.upper(m.start()) and w not in _EN_CONNECT and not w.isdigit():
            break
        # A second "o" starts what the question asks about the law ("Zakon o X o pravu
        # na smeštaj"), except inside a ratified treaty's title ("… Konvencije … o …").
        if w == "o" and not english and not any(stem(k).startswith(_TREATY_STEMS) for k, _ in kept):
            break
        kept.append((w, m.end()))
    while kept and kept[-1][0] in _TAIL:
        kept.pop()
    return kept[-1][1] if kept else pos


def _phrase(t: QuestionText, start: int, body: int, end: int) -> Phrase | None:
    text = t.norm[body:end]
    content = content_tokens(text)
    if content[:1] in (("potvrdjivanj",), ("ratifikacij",)):  # a treaty's ratification law: the treaty
        content = content[1:]
    if not content or text.split()[0] in jurisdictions().words["pronouns"] or content[0] in ("izmen", "dopun"):
        return None  # "zakon o kome…"; an amending law names its law after ("… dopunama Zakona o radu")
    return Phrase(start, end, content, frozenset(re.findall(r"\b(?:br|broj|no|nr)\.?\s*(\d+)", text)))


def law_phrases(t: QuestionText) -> list[Phrase]:
    """Every law's name the question gives: "Zakon(ik) o …", "Law on …", "… Act|Code"."""
    out = [_phrase(t, m.start(), m.end(), _phrase_end(t, m.end(), False, m.group().startswith("sporazum")))
           for m in _SR_HEAD.finditer(t.norm)]
    out += [_phrase(t, m.start(), m.end(), _phrase_end(t, m.end(), True))
            for m in _EN_HEAD.finditer(t.norm) if t.upper(m.start())]
    out += [_phrase(t, m.start(), m.end(), _phrase_end(t, m.end(), False))
            for m in _SR_DOC.finditer(t.norm) if m["national"] or t.upper(m.start())]
    out += [_phrase(t, m.start(), m.end(), _phrase_end(t, m.end(), True))
            for m in _EN_DOC.finditer(t.norm) if t.upper(m.start())]
    for m in (m for m in _EN_TAIL.finditer(t.norm) if t.upper(m.start())):
        kept = words_before(t, m.start(), lambda w: t.upper(w.start()) or w.group() in _EN_CONNECT, 6)
        while kept and kept[-1].group().rstrip(".") in jurisdictions().words["not_title"] | _EN_CONNECT:
            kept.pop()
        if kept:
            out.append(_phrase(t, kept[-1].start(), kept[-1].start(), m.end()))
    return [p for p in out if p]


def _treaty_name(t: QuestionText, start: int) -> bool:
    """A convention written as a name: "Konvencija o …", or "Haškoj konvenciji o …"."""
    if t.upper(start):
        return True
    before = words_before(t, start, lambda w: True, 1)
    return bool(before) and t.upper(before[0].start()) and bool(_ADJECTIVE.fullmatch(before[0].group()))


def _name_known(p: Phrase, known: Known) -> bool:
    """Some title or alias holds the phrase's first three content tokens in order (or is a
    shorter prefix of them: "Zakon o radu" for "Zakon o radu zabrana …") and its numbers."""
    n = min(3, len(p.content))
    head = p.content[:n]
    return any(p.numbers <= set(name) and (any(name[i:i + n] == head for i in range(len(name) - n + 1))
                                           or (0 < len(name) < n and p.content[:len(name)] == name))
               for name in known.names)


def law_titles(t: QuestionText, known: Known, phrases: list[Phrase] | None = None) -> list[Span]:
    return [(p.start, p.end) for p in (law_phrases(t) if phrases is None else phrases) if not _name_known(p, known)]


def treaty_titles(t: QuestionText, known: Known) -> list[Span]:
    """A convention or protocol named by its subject whose first two content words no
    title or alias holds (in any order: "Konvencija o naknadi žrtvama …" is ETS 116's
    "konvencija o naknadi štete žrtvama …"). A Serbian name has no end mark ("…
    Konvenciju o pravima deteta smatra …"), so only its first words are compared."""
    found = [_phrase(t, m.start(), m.end(), _phrase_end(t, m.end(), False))
             for m in _SR_TREATY.finditer(t.norm) if _treaty_name(t, m.start())]
    found += [_phrase(t, m.start(), m.end(), _phrase_end(t, m.end(), True))
              for m in _EN_TREATY.finditer(t.norm) if t.upper(m.start())]
    return [(p.start, p.end) for p in found
            if p and not any(set(p.content[:2]) <= set(name) for name in known.names)]


# Another region's treaty system, named by its organisation or region: "ASEAN konvencija
# (ACTIP)", "Konvencija ASEAN-a", "Afrička povelja o ljudskim pravima", "the Inter-American
# Convention": its subject words ("trafficking in persons") are a held treaty's too.
_REGION = (r"(?:asean|saarc|ecowas|sadc|oas|arapsk\w*|arab|africk\w*|african|interamerick\w*|inter-americk\w*"
           r"|inter-american|americk\w*|american)")
_REGIONAL = re.compile(rf"\b{_REGION}(?:-\w+)?\s+(?:\w+\s+){{0,2}}?(?:konvencij|povelj|protokol|convention|charter|protocol)\w*"
                       rf"|\b(?:konvencij|povelj|convention|charter)\w*\s+(?:of\s+the\s+)?{_REGION}(?:-\w+)?\b")


def regional_treaties(t: QuestionText, known: Known) -> list[Span]:
    """A treaty of another region's system (ASEAN, the African Union, the Americas, the
    Arab League) that no held title names."""
    found = []
    for m in _REGIONAL.finditer(t.norm):
        region = set(content_tokens(m.group())) - _treaty_words()  # "asean", "afric…": the name's own words
        if not any(region <= set(name) for name in known.names):
            found.append((m.start(), m.end()))
    return found


@lru_cache(maxsize=1)
def _treaty_words() -> frozenset[str]:
    return frozenset(content_tokens("konvencija povelja protokol convention charter protocol of the"))


def eu_instruments(t: QuestionText, known: Known) -> list[Span]:
    return [(m.start(), m.end()) for m in _EU.finditer(t.norm)
            if (m["suf"] or m["eu"] or (m["kind"] or "").startswith(("directive", "direktiv", "framework", "okvirn")))
            and not any(m["num"] in name for name in known.texts)]
