"""Citations a question names ("čl. 254 ZKP", "KZ 388", "Article 15 of the Council of
Europe Convention", "Rantsev § 281", "Rev2 1788/2024"), so the exact unit ranks first.

`parse_citations(question, aliases)` is pure: it finds law/treaty mentions by their
aliases (`retrieval.aliases`: matched on the analyzer's stemmed form, so declined
and Cyrillic forms match), article numbers and ranges bound to the nearest
law, ECtHR paragraphs (§ / para) and court decision numbers. `CitationIndex` resolves
what needs the corpus (ECtHR case names from document titles, decision numbers from
document metadata) and maps each reference to chunk ids.

Does not rank or fuse; the search module puts these ids first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from ingest.records import Chunk, Document
from retrieval.aliases import Aliases, load_aliases, source_kind
from retrieval.analyzer import normalize, token_spans, words
from retrieval.bulletins import named_bulletins

# Numbers may carry the ordinal dot Serbian uses ("člana 408. stav 1. ZPP").
_NUM = r"\d+[a-z]?\.?"
_RANGE = rf"{_NUM}(?:\s*(?:[-–]|do|to)\s*{_NUM})?"
_NUMS = rf"{_RANGE}(?:\s*(?:,|\bi\b|\band\b)\s*{_RANGE})*"
_STAV = r"(?:\s*,?\s*(?:stav[a-z]*|st\.?|§|para(?:graph)?\.?|paragraf[a-z]*)\s*(?P<stav>\d+)\.?)?"
_TACKA = r"(?:\s*,?\s*(?:tack[a-z]*|tac\.?|t\.|point|item)\s*\d+\)?\.?)?"
_ARTICLE = re.compile(
    rf"\b(?:clan(?:a|u|om|ovi|ova|ovima)?|cl|art(?:icle|icles|s)?)\b\.?\s*(?P<nums>{_NUMS}){_STAV}{_TACKA}")
_BARE = re.compile(rf"\s*,?\s*(?P<nums>{_NUMS}){_STAV}{_TACKA}(?![\d/])")
_ONE = re.compile(r"(?P<a>\d+[a-z]?)\.?(?:\s*(?:[-–]|do|to)\s*(?P<b>\d+[a-z]?))?")
_PARA = re.compile(r"(?:§§?|\bparas?\b\.?|\bparagraphs?\b|\bpar\.)\s*(?P<a>\d+)(?:\s*[-–]\s*(?P<b>\d+))?")
DECISION = re.compile(r"\b(?P<reg>[a-z]{1,5}(?:\s?\d)?(?:\s(?:u|g|k|pr|p|ok))?)\s+(?P<n>\d{1,6})\s*/\s*(?P<y>\d{2,4})\b")
_DECISION = DECISION  # the old private name, kept for callers that still use it
# What may stand between "član 388" and the law it belongs to ("of the", "iz").
_GAP_AFTER = re.compile(r"^[\s,.;:]*(?:(?:of|the|od|iz|u|na)[\s,.]+)*$")
_GAP_BEFORE = re.compile(r"^[\s,.;:]*$")


@dataclass(frozen=True)
class CitationRef:
    """One provision a question names. `source` is None until resolved (a bare "§ 281"
    before the case is known, an article with no law). `kind` is a hint: law, treaty,
    echr_judgment, court_decision. `text` is the matched span of the normalised question."""

    source: str | None
    kind: str | None
    text: str
    article: str | None = None
    article_end: str | None = None
    stav: str | None = None
    paragraph: str | None = None
    paragraph_end: str | None = None
    decision_number: str | None = None
    start: int = 0


def decision_key(number: str) -> str:
    """Canonical decision number: "Rž 1 u 397/2025" -> "rz1u 397/2025", "/24" -> "/2024"."""
    m = _DECISION.search(normalize(number))
    if not m:
        return normalize(number).replace(" ", "")
    year = m["y"] if len(m["y"]) == 4 else str(2000 + int(m["y"]) if int(m["y"]) < 50 else 1900 + int(m["y"]))
    return f"{m['reg'].replace(' ', '')} {int(m['n'])}/{year}"


def _law_mentions(norm: str, aliases: Aliases) -> list[tuple[int, int, str]]:
    """(start, end, source) of each alias in the normalised question, longest first."""
    toks = token_spans(norm, "serbian")
    longest = max((len(k) for k in aliases.table), default=0)
    out, i = [], 0
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 0, -1):
            source = aliases.table.get(tuple(t for t, _, _ in toks[i:i + n]))
            if source:
                out.append((toks[i][1], toks[i + n - 1][2], source))
                i += n
                break
        else:
            i += 1
    return out


def _bind(start: int, end: int, norm: str, laws: list[tuple[int, int, str]]) -> str | None:
    """The law an article belongs to: one written just before it ("ZBPP čl. 4"), else
    the next one after it ("član 388 Krivičnog zakonika", "Article 15 of the …"), else
    one before it across punctuation ("KZ: čl. 388")."""
    before = [(le, src) for _, le, src in laws if le <= start]
    if before and not norm[before[-1][0]:start].strip():
        return before[-1][1]
    for ls, _, source in laws:
        if ls >= end and _GAP_AFTER.match(norm[end:ls]):
            return source
    if before and _GAP_BEFORE.match(norm[before[-1][0]:start]):
        return before[-1][1]
    return None


def _article_refs(m: re.Match, source: str | None, norm: str) -> list[CitationRef]:
    text = norm[m.start():m.end()].strip(" ,")
    kind = source_kind(source) if source else None
    return [CitationRef(source, kind, text, article=one["a"], article_end=one["b"], stav=m["stav"],
                        start=m.start("nums") + one.start())
            for one in _ONE.finditer(m["nums"])]


def parse_citations(question: str, aliases: Aliases) -> list[CitationRef]:
    """Every provision the question names, in the order they appear."""
    norm = normalize(question)
    laws = _law_mentions(norm, aliases)
    refs: list[CitationRef] = []
    taken: list[tuple[int, int]] = []
    for m in _ARTICLE.finditer(norm):
        refs += _article_refs(m, _bind(m.start(), m.end(), norm, laws), norm)
        taken.append((m.start(), m.end()))
    for ls, le, source in laws:
        bare = _BARE.match(norm, le)
        if bare and not any(s <= bare.start("nums") < e for s, e in taken):
            refs += _article_refs(bare, source, norm)
            taken.append((bare.start(), bare.end()))
        elif not any(r.source == source for r in refs):
            refs.append(CitationRef(source, source_kind(source), norm[ls:le], start=ls))
    for m in _PARA.finditer(norm):
        if not any(s <= m.start() < e for s, e in taken):
            refs.append(CitationRef(None, "echr_judgment", m.group(), paragraph=m["a"],
                                    paragraph_end=m["b"], start=m.start()))
    refs += _decision_refs(norm, aliases.registers)
    return sorted(refs, key=lambda r: r.start)


def _decision_refs(norm: str, registers: Iterable[str]) -> list[CitationRef]:
    regs = set(registers)
    out = []
    for m in _DECISION.finditer(norm):
        key = decision_key(m.group())
        if key.split()[0] in regs:
            out.append(CitationRef(None, "court_decision", m.group(), decision_number=key, start=m.start()))
    return out


_NOT_NAME = ("and", "others", "the")


def _case_key(title: str) -> tuple[str, ...]:
    """Words naming an ECtHR case: the first applicant ("rantsev", "de wilde"), or the
    whole title when that is only initials ("S.M. v. Croatia" -> s m v croatia)."""
    t = re.sub(r"^\s*case of\s+", "", normalize(title))
    applicant = re.split(r"\s+v\.?\s+|,|\band\b", t, maxsplit=1)[0]
    key = [w for w in words(applicant) if w not in _NOT_NAME]
    if all(len(w) == 1 for w in key):
        key = [w for w in words(t) if w not in _NOT_NAME]
    return tuple(key)


def name_spans(question: str, aliases: Aliases | None = None) -> list[tuple[int, int]]:
    """(start, end) in `normalize(question)` of each law, treaty or ECtHR case the
    question names by an alias ("Palermo protokol", "ZOO", "Rancev"): words that say
    which source, not what it should say."""
    aliases = aliases or load_aliases()
    norm = normalize(question)
    spans = [(s, e) for s, e, _ in _law_mentions(norm, aliases)]
    toks = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\W_]+", norm)]
    for key in aliases.cases:
        n = len(key)
        for i in range(len(toks) - n + 1):
            if tuple(t for t, _, _ in toks[i:i + n]) == key:
                spans.append((toks[i][1], toks[i + n - 1][2]))
    return sorted(spans)


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
        for d in documents:
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
        refs += _decision_refs(norm, self._registers)
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
        out = [src for _, _, src in _law_mentions(norm, self.aliases)] + self._named_cases(norm)
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
