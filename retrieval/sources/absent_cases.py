"""Absent-source detectors for names that carry a state: ECtHR case names and foreign laws.

  case_names    "<applicant> v. | protiv <Council of Europe state>" whose applicant
                no ECtHR judgment title or case_names alias has;
  respondents   an ECtHR judgment asked for by its respondent state ("presuda ESLJP
                protiv Srbije") when no held judgment is against that state;
  foreign_laws  a foreign adjective within two words of a law word ("Albanian law",
                "Hrvatski Zakon o …"), "law of Croatia", a German "…gesetz".

Also turns a judgment title, as retrieval.sources.citation_parse.read_case_title reads it,
into a `Case` (`case_of_title`) for retrieval.sources.absent's `Known`. Each detector gives spans of the normalised question. Does not read law titles,
decision or EU numbers (retrieval.sources.absent_laws), and does not merge spans into names.
"""
from __future__ import annotations

import re
from typing import Iterable

from retrieval.analyzer import token_spans, words

from retrieval.sources.citation_parse import read_case_title
from retrieval.sources.absent_text import ECTHR, Case, Known, Phrase, QuestionText, Span, jurisdictions, words_before

_CASE_SEP = re.compile(r"\s(?:v|vs|versus|protiv)\.?\s+")
_CAPS = re.compile(r"\b(?:u\.s\.a?\.?|u\.k\.|usa|us|uk)(?![\w.])")


def _state_at(toks: list, k: int) -> tuple[str | None, int]:
    """(state id, tokens it takes) for the longest state name at toks[k] (stem first)."""
    for n in range(min(5, len(toks) - k), 0, -1):
        sid = jurisdictions().states.get(tuple(x[0] for x in toks[k:k + n]))
        if sid:
            return sid, n
    return None, 0


def _states_after(norm: str, pos: int) -> tuple[frozenset[str], int]:
    """States named at `pos` ("the United Kingdom", "Cyprus and Russia", "Hrvatske"), and their end."""
    toks = token_spans(norm[pos:pos + 120], "serbian")
    if not toks or not re.fullmatch(r"(?:the\s+)?", norm[pos:pos + toks[0][1]]):
        return frozenset(), pos
    found, i, end = set(), 0, pos
    while i < len(toks):
        sid, n = _state_at(toks, i)
        if not sid:
            break
        found.add(sid)
        end, i = pos + toks[i + n - 1][2], i + n
        if i < len(toks) and not re.fullmatch(r"\s*(?:,|and|i|&)\s*(?:the\s+)?", norm[end:pos + toks[i][1]]):
            break
    return frozenset(found), end


def _case(applicant: str, states: frozenset[str]) -> Case:
    ws, particles = words(applicant), jurisdictions().words["case_particles"]
    first = []
    for w in ws:
        if w in ("and", "i"):
            break
        first += [w] if w not in particles else []
    return Case(tuple(first), frozenset(w for w in ws if len(w) >= 3 and w not in particles
                                        and w not in jurisdictions().words["case_generic"]), states)


def case_of_title(title: str) -> Case:
    """The `Case` an ECtHR judgment title (or case_names alias) names."""
    case = read_case_title(title)
    states = _states_after(case.respondents, 0)[0] if case.respondents is not None else frozenset()
    return _case(case.applicants, states)


def _alike(a: str, b: str) -> bool:
    """The same name, allowing a Serbian case ending ("Rancev" / "Rancevu")."""
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3)


def _same_case(q: Case, c: Case) -> bool:
    if q.initials:  # "S.M." names several cases: the state decides
        return q.first == c.first and (not q.states or not c.states or bool(q.states & c.states))
    return any(_alike(a, b) for a in q.names for b in c.names)


def case_names(t: QuestionText, known: Known) -> list[Span]:
    w = jurisdictions().words
    out = []
    for m in _CASE_SEP.finditer(t.norm):
        if t.norm[m.start() + 1] == "v" and t.upper(m.start() + 1):
            continue  # "V." is an initial ("C.N. and V. v. France")
        states, end = _states_after(t.norm, m.end())
        kept = words_before(t, m.start(), lambda x: x.group().rstrip(".") in w["case_particles"]
                            or x.group() == "," or t.upper(x.start()), 8)
        while kept and (kept[-1].group().rstrip(".") in w["case_generic"] | w["case_lead"] or kept[-1].group() == ","):
            kept.pop()
        if states and kept and not any(_same_case(_case(t.norm[kept[-1].start(): m.start()], states), c)
                                       for c in known.cases):
            out.append((kept[-1].start(), end))
    return out


_AGAINST = re.compile(r"\b(?:protiv|against|found)\s+")


def respondents(t: QuestionText, known: Known) -> list[Span]:
    """An ECtHR judgment asked for by the state it was against ("presuda ESLJP protiv
    Srbije", "which ECtHR judgment found Serbia in violation") when no judgment the
    corpus holds is against that state."""
    courts = list(ECTHR.finditer(t.norm))
    if not courts:
        return []
    held = frozenset().union(*(c.states for c in known.cases))
    out = []
    for m in _AGAINST.finditer(t.norm):
        states, end = _states_after(t.norm, m.end())
        if states and not states & held:
            # Named from the court on when it is close before: "ESLJP protiv Srbije".
            court = next((c for c in reversed(courts) if c.end() <= m.start() and m.start() - c.end() <= 40), None)
            out.append((court.start() if court else m.start(), end))
    return out


def foreign_laws(t: QuestionText, phrases: Iterable[Phrase] = ()) -> list[Span]:
    """A foreign adjective within two words before a law word, over the law's name when
    one follows ("Hrvatski Zakon o obveznim odnosima"); a law word before a foreign state
    ("law of Croatia", "zakon Republike Hrvatske"); a "…gesetz"."""
    d = jurisdictions()
    seq = [(w, s, e, w in d.adjectives) for w, s, e in token_spans(t.norm, "serbian")]
    for m in _CAPS.finditer(t.norm):  # "US", "U.S.": as written only ("tell us")
        if t.original(m.start(), m.end()).isupper() and m.group().replace(".", "") in d.caps:
            seq = [x for x in seq if not m.start() <= x[1] < m.end()] + [("", m.start(), m.end(), True)]
    seq.sort(key=lambda x: x[1])

    def german(j: int) -> bool:
        return any(f in t.norm[seq[j][1]:seq[j][2]] for f in d.foreign)

    out = []
    for i, (w, s, e, adj) in enumerate(seq):
        if adj:
            j = next((j for j in range(i + 1, min(i + 4, len(seq))) if seq[j][0] in d.laws or german(j)), None)
            if j is not None:
                out.append((s, max([p.end for p in phrases if p.start <= seq[j][1] < p.end] + [seq[j][2]])))
        elif w in d.laws:
            k = i + 1 + (i + 1 < len(seq) and seq[i + 1][0] in ("republik", "republic"))
            sid, n = _state_at(seq, k)
            if sid and sid != d.home_state:
                out.append((s, seq[k + n - 1][2]))
        if german(i):
            out.append((s, e))
    return out
