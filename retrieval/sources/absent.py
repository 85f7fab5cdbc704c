"""Sources a question names that the corpus does not hold ("Zakon o zaštiti žrtava
trgovine ljudima", "Rev 9999/2024", "V.C.L. and A.N. v. the United Kingdom",
"Directive 2011/36/EU", "Albanian law", "Sporazum o readmisiji između Srbije i EU",
"presuda ESLJP protiv Srbije", and an article a held law or treaty does not have:
"Article 52 of the Palermo Protocol"), so the answer says so instead of quoting a
lookalike that retrieval found.

`absent_references(question, citations, documents, texts)` gives them back as the
question writes them, in its order. One detector per kind of name, each over the
question's normalised text (`QuestionText`) and what the corpus holds (`Known`, built
once by `known_sources`):
  retrieval.sources.absent_laws   decision_numbers, law_titles, treaty_titles, eu_instruments;
  retrieval.sources.absent_cases  case_names, respondents, foreign_laws;
  retrieval.sources.absent_text   the shared forms (QuestionText, Known, jurisdictions.json).
Names compare on the analyzer's Serbian-stemmed folded tokens, so declined, Cyrillic and
diacritic-free spellings behave alike. Word lists and states: data/jurisdictions.json.

This module only builds `Known`, runs the detectors and turns their spans into names.
Deliberately narrow: it reports what reads as a source's name, never a topic, and does
not judge whether the sources that are present answer the question (the answerer does).
"""
from __future__ import annotations

import re
import weakref
from typing import Iterable

from core.records import ARTICLE_KINDS, Document
from core.text import normalize
from retrieval.sources.absent_cases import case_names, case_of_title, foreign_laws, respondents
from retrieval.sources.absent_laws import (content_tokens, decision_numbers, eu_instruments, law_phrases, law_titles,
                                           regional_treaties, treaty_titles)
from retrieval.sources.absent_text import Known, QuestionText, Span
from retrieval.sources.citation_parse import DECISION, decision_key
from retrieval.sources.citations import CitationIndex

__all__ = ["Known", "QuestionText", "absent_references", "case_names", "decision_numbers", "eu_instruments",
           "foreign_laws", "known_sources", "law_phrases", "law_titles", "respondents", "treaty_titles"]

_NUMBER = re.compile(r"\d{1,6}\s*/\s*\d{2,4}\b")


def known_sources(citations: CitationIndex, documents: Iterable[Document], texts: Iterable[str] = ()) -> Known:
    """`Known` for an index. `texts` (chunk texts) add the decision numbers documents
    quote: a lawyer may ask about the lower-court ruling a Supreme Court decision reviews."""
    docs = list(documents)
    registers = citations.registers
    decisions = set(citations.decision_keys)
    decisions |= {decision_key(str(d.metadata["decision_number"])) for d in docs if d.metadata.get("decision_number")}
    for text in texts:  # a cheap scan first: normalising every chunk would take seconds
        for m in _NUMBER.finditer(text):
            window = normalize(text[max(0, m.start() - 12): m.end()])
            decisions |= {k for k in (decision_key(d.group()) for d in DECISION.finditer(window))
                          if k.split()[0] in registers}
    named = [d.title for d in docs if d.kind in ARTICLE_KINDS]
    for e in citations.aliases.entries.values():
        named += [e["short"], e.get("name", ""), *e.get("aliases", [])]
    cases = [case_of_title(d.title) for d in docs if d.kind == "echr_judgment"]
    cases += [case_of_title(" ".join(key)) for key in citations.aliases.cases]
    return Known(frozenset(decisions), registers, tuple(dict.fromkeys(content_tokens(n) for n in named if n.strip())),
                 tuple(normalize(n) for n in named), tuple(cases))


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


_KNOWN: "weakref.WeakKeyDictionary[CitationIndex, Known]" = weakref.WeakKeyDictionary()


def absent_references(question: str, citations: CitationIndex, documents: Iterable[Document] = (),
                      texts: Iterable[str] = (), *, known: Known | None = None) -> list[str]:
    """Names the question gives that the corpus does not hold, as written, in question
    order, without duplicates. `Known` is built on the first call for a CitationIndex
    (from `documents` and `texts`, see known_sources) and kept: an index's corpus does not
    change. Pass `known` to decide that yourself."""
    if known is None:
        known = _KNOWN.get(citations)
        if known is None:
            known = _KNOWN[citations] = known_sources(citations, documents, texts)
    t = QuestionText(question)
    phrases = law_phrases(t)
    spans = (decision_numbers(t, known) + law_titles(t, known, phrases) + case_names(t, known)
             + eu_instruments(t, known) + treaty_titles(t, known) + regional_treaties(t, known)
             + foreign_laws(t, phrases) + respondents(t, known))
    out: dict[str, str] = {}  # normalised -> as written: the first spelling of a name wins
    for s, e in _merge(spans):
        name = " ".join(t.original(s, e).split()).strip(" ,;:–—-?!\"'„“”«»()")
        if name:
            out.setdefault(normalize(name), name)
    for r in citations.missing_units(question) if citations is not None else ():  # by short name and unit
        name = citations.unit_name(r)
        out.setdefault(normalize(name), name)
    return list(out.values())
