"""`CitationIndex`: maps the citations a question names ("čl. 254 ZKP", "Rantsev § 281",
"Rev2 1788/2024") to chunk ids, so the exact unit ranks first.

Built once per index from its chunks and documents: resolves what needs the corpus
(ECtHR case names from document titles, decision numbers from document metadata,
bulletins by court and issue) and looks up the units each reference pins.

Deliberately does not parse question text itself (`retrieval.sources.citation_parse`
does, and its names are imported from there; this module only resolves what it parses
against the index) and does not rank or fuse: the search module puts these ids first.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from core.records import Chunk, Document
from retrieval.sources.aliases import Aliases, load_aliases
from retrieval.analyzer import words
from core.text import normalize
from retrieval.bulletins import named_bulletins
from retrieval.sources.citation_parse import (CitationRef, decision_key, decision_refs, law_mentions, parse_citations,
                                              read_case_title)

_NOT_NAME = ("and", "others", "the")


def _case_key(title: str) -> tuple[str, ...]:
    """Words naming an ECtHR case: the first applicant ("rantsev", "de wilde"), or the
    whole title when that is only initials ("S.M. v. Croatia" -> s m v croatia)."""
    case = read_case_title(title)
    key = [w for w in words(case.first_applicant) if w not in _NOT_NAME]
    if all(len(w) == 1 for w in key):
        key = [w for w in words(case.text) if w not in _NOT_NAME]
    return tuple(key)


class CitationIndex:
    """Maps the provisions a question names to chunk ids, built once per index."""

    def __init__(self, chunks: Iterable[Chunk], documents: Iterable[Document], aliases: Aliases | None = None):
        self.aliases = aliases or load_aliases()
        ordered = sorted(chunks, key=lambda c: (c.source, c.char_start))
        self._units: dict[tuple[str, str, str], list[str]] = {}  # (source, field, value) -> ids
        self._order: dict[str, list[str]] = {}  # source -> articles in document order
        self._stav: dict[str, str | None] = {}
        for c in ordered:
            for field in ("article", "paragraph"):
                value = getattr(c, field)
                if value:
                    self._units.setdefault((c.source, field, value), []).append(c.id)
                    if field == "article" and value not in self._order.setdefault(c.source, [])[-1:]:
                        self._order[c.source].append(value)
            if c.kind == "court_decision":
                self._units.setdefault((c.source, "all", ""), []).append(c.id)
            self._stav[c.id] = c.stav
        self._cases: dict[tuple[str, ...], list[str]] = {}
        self._decisions: dict[str, str] = {}
        self._bulletins: list[tuple[str, str, str]] = []  # (source, court, issue)
        self._titles: dict[str, str] = {}
        for d in documents:
            self._titles[d.source] = d.title
            if d.kind == "court_bulletin" and d.metadata.get("court"):
                self._bulletins.append((d.source, str(d.metadata["court"]), str(d.metadata.get("issue") or "")))
            if d.kind == "echr_judgment":
                self._cases.setdefault(_case_key(d.title), []).append(d.source)
            number = d.metadata.get("decision_number")
            if number:
                self._decisions[decision_key(str(number))] = d.source
        self._registers = self.aliases.registers | {k.split()[0] for k in self._decisions}

    @property
    def registers(self) -> frozenset[str]:
        """Court register marks a decision number may carry ("rev", "kz1"): aliases.json's
        and those of every decision in the corpus."""
        return frozenset(self._registers)

    @property
    def decision_keys(self) -> frozenset[str]:
        """decision_key of every decision document in the corpus."""
        return frozenset(self._decisions)

    def resolve(self, question: str) -> list[CitationRef]:
        """parse_citations, with ECtHR case and decision sources filled in from the corpus."""
        refs = [r for r in parse_citations(question, self.aliases) if r.kind != "court_decision"]
        norm = normalize(question)
        refs += decision_refs(norm, self._registers)
        cases = self._named_cases(norm)
        out = []
        for r in sorted(refs, key=lambda r: r.start):
            if r.kind == "echr_judgment" and r.source is None:
                out += [replace(r, source=s) for s in cases]
            elif r.kind == "court_decision":
                src = self._decisions.get(r.decision_number or "")
                if src:
                    out.append(replace(r, source=src))
            else:
                out.append(r)
        return out

    def _named_cases(self, norm: str) -> list[str]:
        qwords = [w for w in words(norm) if w not in _NOT_NAME]
        found = [src for key, srcs in self._cases.items() if _contains(qwords, key) for src in srcs]
        allw = words(norm)
        found += [src for key, src in self.aliases.cases.items() if _contains(allw, key) and src not in found]
        return found

    def named_sources(self, question: str) -> list[str]:
        """Documents the question names without pinning a unit ("Palermo protokol",
        "Zakon o oduzimanju imovine…", "Rancev"): retrieval searches them first."""
        norm = normalize(question)
        out = [src for _, _, src in law_mentions(norm, self.aliases)] + self._named_cases(norm)
        out += named_bulletins(question, self._bulletins)
        return list(dict.fromkeys(out))

    def lookup(self, question: str) -> list[str]:
        """Chunk ids of the exact units the question names, in the order it names them;
        all pieces of a split article, the piece holding a named stav first."""
        ids: list[str] = []
        refs = self.resolve(question)
        if self._named_cases(normalize(question)):
            # "S.M. v. Croatia: does forced prostitution fall within Article 4 of the
            # Convention?" asks what the judgment holds about the article: the case's
            # paragraphs answer it, not the treaty's text (still found by search).
            refs = [r for r in refs if not (r.kind == "treaty" and r.article)]
        for r in refs:
            for cid in self._ids(r):
                if cid not in ids:
                    ids.append(cid)
        return ids

    def missing_units(self, question: str) -> list[CitationRef]:
        """The units the question names in a document the index holds that has no such
        unit ("Article 52 of the Palermo Protocol", which has 20): never answered with
        another article of it."""
        refs = [r for r in self.resolve(question) if r.source is not None and (r.article or r.paragraph)]
        # One name may stand for several documents (a chamber and a Grand Chamber
        # judgment of "S.M. v. Croatia"): the unit is missing only when none has it.
        found = {(r.start, r.text) for r in refs if self._ids(r)}
        out = [r for r in refs if (r.start, r.text) not in found]
        return list({(r.start, r.text): r for r in out}.values())

    def unit_name(self, r: CitationRef) -> str:
        """"Palermo Protocol, Art. 52", "ZKP, čl. 999", "Rantsev, § 2840"."""
        entry = self.aliases.entries.get(r.source or "", {})
        title = re.sub(r"(?i)^case of\s+", "", self._titles.get(r.source or "", ""))
        name = entry.get("short") or entry.get("name") or title or str(r.source)
        if r.paragraph:
            return f"{name}, § {r.paragraph}" + (f"–{r.paragraph_end}" if r.paragraph_end else "")
        mark = "čl." if r.kind == "law" else "Art."
        return f"{name}, {mark} {r.article}" + (f"–{r.article_end}" if r.article_end else "")

    def _ids(self, r: CitationRef) -> list[str]:
        if r.source is None:
            return []
        if r.kind == "court_decision":
            return self._units.get((r.source, "all", ""), [])
        if r.paragraph:
            return self._span(r.source, "paragraph", r.paragraph, r.paragraph_end)
        if r.article:
            ids = self._span(r.source, "article", r.article, r.article_end)
            if r.stav and not r.article_end:
                ids.sort(key=lambda cid: not _holds(self._stav.get(cid), int(r.stav)))
            return ids
        return []

    def _span(self, source: str, field: str, first: str, last: str | None) -> list[str]:
        if not last:
            return list(self._units.get((source, field, first), []))
        if field == "paragraph":
            values = [str(n) for n in range(int(first), int(last) + 1)][:100]
        else:
            order = self._order.get(source, [])
            if first not in order or last not in order:
                values = [first, last]
            else:
                values = order[order.index(first): order.index(last) + 1][:100]
        return [cid for v in values for cid in self._units.get((source, field, v), [])]


def _contains(seq: list[str], key: tuple[str, ...]) -> bool:
    n = len(key)
    return n > 0 and any(tuple(seq[i:i + n]) == key for i in range(len(seq) - n + 1))


def _holds(stav: str | None, n: int) -> bool:
    """Whether a piece's stav range ("1-4", "5") holds stav n."""
    m = re.fullmatch(r"(\d+)(?:-(\d+))?", stav or "")
    return bool(m) and int(m[1]) <= n <= int(m[2] or m[1])
