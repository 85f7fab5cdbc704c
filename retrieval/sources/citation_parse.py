"""Parsing the citations a question names ("čl. 254 ZKP", "KZ 388", "Article 15 of the
Council of Europe Convention", "Rantsev § 281", "Rev2 1788/2024"), from its text alone.

`parse_citations(question, aliases)` finds law/treaty mentions by their aliases
(`retrieval.sources.aliases`: matched on the analyzer's stemmed form, so declined and Cyrillic
forms match), article numbers and ranges bound to the nearest law, ECtHR paragraphs
(§ / para) and court decision numbers; `decision_key` canonicalises a decision number;
`name_spans` says where the question names a source; `read_case_title` is the one reader
of an ECtHR judgment's title (the citation index's case key and the absent-source
detector's `Case` both come from it). `parse_reference` reads the lookup
page's short form ("KZ 388", "ZKP 252-260", "čl. 4 ZBPP", "388 KZ") with the same
article and number grammar, leaving the law's words as written for the caller to resolve
(a law no alias names: its acronym, words of its title).

Pure: reads no corpus and no index. Deliberately does not resolve an ECtHR case name
or a decision number to a document, nor map references to chunk ids: that needs the
corpus and is `retrieval.sources.citations.CitationIndex`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from core.records import kind_of_source
from retrieval.sources.aliases import Aliases, load_aliases
from retrieval.analyzer import token_spans
from core.text import fold, normalize, to_latin

# Numbers may carry the ordinal dot Serbian uses ("člana 408. stav 1. ZPP").
_NUM = r"\d+[a-z]?\.?"
_DASH = "[-–—]"  # hyphen, en dash, em dash
_RANGE = rf"{_NUM}(?:\s*(?:{_DASH}|do|to)\s*{_NUM})?"
_NUMS = rf"{_RANGE}(?:\s*(?:,|\bi\b|\band\b)\s*{_RANGE})*"
_STAV = r"(?:\s*,?\s*(?:stav[a-z]*|st\.?|§|para(?:graph)?\.?|paragraf[a-z]*)\s*(?P<stav>\d+)\.?)?"
_TACKA = r"(?:\s*,?\s*(?:tack[a-z]*|tac\.?|t\.|point|item)\s*\d+\)?\.?)?"
_ARTICLE = re.compile(
    rf"\b(?:clan(?:a|u|om|ovi|ova|ovima)?|cl|art(?:icle|icles|s)?)\b\.?\s*(?P<nums>{_NUMS}){_STAV}{_TACKA}")
_BARE = re.compile(rf"\s*,?\s*(?P<nums>{_NUMS}){_STAV}{_TACKA}(?![\d/])")
_ONE = re.compile(rf"(?P<a>\d+[a-z]?)\.?(?:\s*(?:{_DASH}|do|to)\s*(?P<b>\d+[a-z]?))?")
_PARA = re.compile(rf"(?:§§?|\bparas?\b\.?|\bparagraphs?\b|\bpar\.)\s*(?P<a>\d+)(?:\s*{_DASH}\s*(?P<b>\d+))?")
# The Constitutional Court writes its register with a hyphen ("IUz-313/2009").
DECISION = re.compile(r"\b(?P<reg>[a-z]{1,5}(?:\s?\d)?(?:\s(?:u|g|k|pr|p|ok))?)(?:\s+|\s*-\s*)(?P<n>\d{1,6})\s*/\s*(?P<y>\d{2,4})\b")
# What may stand between "član 388" and the law it belongs to ("of the", "iz").
_GAP_AFTER = re.compile(r"^[\s,.;:]*(?:(?:of|the|od|iz|u|na)[\s,.]+)*$")
_GAP_BEFORE = re.compile(r"^[\s,.;:]*$")
# A lookup's number with no article word: the last thing written ("KZ 388", "ZKP 252-260",
# "KZ 388 st. 1") or the first ("388 KZ").
_LAST = re.compile(rf"(?:^|[\s,])(?P<nums>{_RANGE}){_STAV}{_TACKA}\s*$")
_FIRST = re.compile(rf"^(?P<nums>{_RANGE}){_STAV}{_TACKA}(?=\s)")


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


_CASE_OF = re.compile(r"^\s*case of\s+")
_VERSUS = re.compile(r"\s+(?:v\.?|protiv)\s+")  # "Rantsev v. Cyprus", "S.M. protiv Hrvatske"
_NEXT_APPLICANT = re.compile(r",|\band\b")  # "De Wilde, Ooms and Versyp", "M. and Others"


class CaseTitle(NamedTuple):
    """An ECtHR case title read into its parts, normalised ("case of" dropped)."""

    text: str  # the whole title: "rantsev v. cyprus and russia"
    applicants: str  # before the first "v." / "protiv": "de wilde, ooms and versyp"
    respondents: str | None  # after the last one ("cyprus and russia"); None without one

    @property
    def first_applicant(self) -> str:
        """The first applicant's name: "de wilde", "m." (of "M. and Others")."""
        return _NEXT_APPLICANT.split(self.applicants, maxsplit=1)[0]


def read_case_title(title: str) -> CaseTitle:
    """"CASE OF RANTSEV v. CYPRUS AND RUSSIA" -> ("rantsev v. cyprus and russia",
    "rantsev", "cyprus and russia"); a case_names alias ("s m protiv hrvatske") reads the same."""
    text = _CASE_OF.sub("", normalize(title))
    parts = _VERSUS.split(text)
    return CaseTitle(text, parts[0], parts[-1] if len(parts) > 1 else None)


@dataclass(frozen=True)
class LawReference:
    """What a lookup names: a law in the words the user wrote ("KZ", "CETS 197", "ZBPP")
    and an article or a range of them (lowercase: "390a")."""

    law: str
    first: str
    last: str | None = None


def _same_length_form(text: str) -> str:
    """`normalize(text)` letter for letter (đ -> d, not dj), so a match's offsets are the
    offsets in `to_latin(text)`; `text` is already Latin."""
    return "".join((fold(ch.lower()) or " ")[0] for ch in text)


def parse_reference(query: str) -> LawReference | None:
    """The law and the article or range a lookup names ("KZ 388", "ZKP 252 – 260",
    "čl. 4 st. 2 ZBPP", "чл. 4 ЗБПП", "KZ, čl. 390a", "388 KZ", "CETS 197, Art. 15"), or
    None without both. The article is read as parse_citations reads it (an article word,
    else a number written last or first, its stav and tačka dropped); the law is what
    is left, unresolved."""
    latin = to_latin(query)
    form = _same_length_form(latin)
    m = _ARTICLE.search(form) or _LAST.search(form) or _FIRST.search(form)
    if m is None:
        return None
    law = (latin[: m.start()] + " " + latin[m.end():]).strip(" ,.;")
    one = _ONE.match(m["nums"])
    if not law or one is None:
        return None
    return LawReference(law, one["a"], one["b"])


def decision_key(number: str) -> str:
    """Canonical decision number: "Rž 1 u 397/2025" -> "rz1u 397/2025", "/24" -> "/2024"."""
    m = DECISION.search(normalize(number))
    if not m:
        return normalize(number).replace(" ", "")
    year = m["y"] if len(m["y"]) == 4 else str(2000 + int(m["y"]) if int(m["y"]) < 50 else 1900 + int(m["y"]))
    return f"{m['reg'].replace(' ', '')} {int(m['n'])}/{year}"


def law_mentions(norm: str, aliases: Aliases) -> list[tuple[int, int, str]]:
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
    kind = kind_of_source(source) if source else None
    return [CitationRef(source, kind, text, article=one["a"], article_end=one["b"], stav=m["stav"],
                        start=m.start("nums") + one.start())
            for one in _ONE.finditer(m["nums"])]


def parse_citations(question: str, aliases: Aliases) -> list[CitationRef]:
    """Every provision the question names, in the order they appear."""
    norm = normalize(question)
    laws = law_mentions(norm, aliases)
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
            refs.append(CitationRef(source, kind_of_source(source), norm[ls:le], start=ls))
    for m in _PARA.finditer(norm):
        if not any(s <= m.start() < e for s, e in taken):
            refs.append(CitationRef(None, "echr_judgment", m.group(), paragraph=m["a"],
                                    paragraph_end=m["b"], start=m.start()))
    refs += decision_refs(norm, aliases.registers)
    return sorted(refs, key=lambda r: r.start)


def decision_refs(norm: str, registers: Iterable[str]) -> list[CitationRef]:
    regs = set(registers)
    out = []
    for m in DECISION.finditer(norm):
        key = decision_key(m.group())
        if key.split()[0] in regs:
            out.append(CitationRef(None, "court_decision", m.group(), decision_number=key, start=m.start()))
    return out


def name_spans(question: str, aliases: Aliases | None = None) -> list[tuple[int, int]]:
    """(start, end) in `normalize(question)` of each law, treaty or ECtHR case the
    question names by an alias ("Palermo protokol", "ZOO", "Rancev"): words that say
    which source, not what it should say."""
    aliases = aliases or load_aliases()
    norm = normalize(question)
    spans = [(s, e) for s, e, _ in law_mentions(norm, aliases)]
    toks = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\W_]+", norm)]
    for key in aliases.cases:
        n = len(key)
        for i in range(len(toks) - n + 1):
            if tuple(t for t, _, _ in toks[i:i + n]) == key:
                spans.append((toks[i][1], toks[i + n - 1][2]))
    return sorted(spans)
