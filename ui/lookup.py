"""Provision lookup for the browse page: "KZ 388", "ZKP 252-260", "čl. 4 ZBPP",
"CETS 197 Art. 4", "Rantsev § 281" -> those articles (or ECtHR paragraphs) of that
document, with the previous and next one.

Parsing is retrieval's: `Searcher.citations.resolve` (aliases, declined and Cyrillic
forms) when the app passes it in, else `retrieval.sources.citation_parse.parse_reference`
(the same article grammar, the law left in the user's words). Laws retrieval does not
know are found here by their short name (the alias table's, else the acronym of the
title: "Zakonik o krivičnom postupku" -> ZKP) or by words of their title. Pure functions
over the loaded searcher's chunks and documents; no Streamlit, no search ranking.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from core.records import ARTICLE_KINDS, Chunk, Document
from core.text import normalize, to_latin
from retrieval.sources.citation_parse import LawReference, parse_reference

# Which locator numbers a document's units, by kind.
UNIT_FIELD = {"law": "article", "treaty": "article", "echr_judgment": "paragraph"}
_STOP = {"o", "i", "u", "na", "za", "od", "sa", "s", "iz", "po", "protiv", "the", "of", "on", "and"}


@dataclass
class Article:
    article: str
    heading: str | None
    chunks: list[Chunk]

    @property
    def text(self) -> str:
        return "\n".join(c.text for c in self.chunks)


@dataclass
class LookupResult:
    """The found articles, or `problem` (a ui.strings key) with `values` for its message."""

    source: str | None = None
    law: str = ""  # the short name ("KZ", "CETS 197") or, for a judgment, its title
    unit: str = "article"  # the locator field numbering the units: "paragraph" for an ECtHR judgment
    document: Document | None = None
    articles: list[Article] = field(default_factory=list)
    previous: str | None = None
    next: str | None = None
    problem: str | None = None
    values: dict[str, str] = field(default_factory=dict)


def unit_query(result: "LookupResult", number: str) -> str:
    """A lookup query that finds unit `number` of the same document (for prev / next)."""
    if result.unit == "paragraph":
        return f"{result.law} § {number}"
    if result.document is not None and result.document.kind == "treaty":
        return f"{result.law} Art. {number}"
    return f"{result.law} {number}"


def fold(text: str) -> str:
    """`core.text.normalize`, letters and digits only ("ZBPP" == "збпп")."""
    return re.sub(r"[^a-z0-9]", "", normalize(text))


def acronym(title: str) -> str:
    words = re.findall(r"[^\W\d_]+", to_latin(title))
    return "".join(w[0] for w in words if w.lower() not in _STOP).upper()


def _title(doc: Document) -> str:
    return str(doc.metadata.get("title_display") or doc.title)


def law_names(documents: Iterable[Document], aliases: Mapping[str, Any] | None = None) -> dict[str, list[str]]:
    """source -> the names a law or treaty can be looked up by, short name first."""
    aliases = aliases or {}
    out: dict[str, list[str]] = {}
    for doc in documents:
        if doc.kind not in ARTICLE_KINDS:
            continue
        entry = aliases.get(doc.source) or {}
        names = [entry.get("short"), *(entry.get("aliases") or []), doc.metadata.get("short"),
                 acronym(_title(doc)), _title(doc)]
        out[doc.source] = [str(n) for n in dict.fromkeys(names) if n]
    return out


def resolve_law(name: str, names: Mapping[str, list[str]]) -> str | None:
    """The source a law name refers to: an exact short name or title first, then a
    title containing the words."""
    key = fold(name)
    if not key:
        return None
    for source, ns in names.items():
        if any(fold(n) == key for n in ns):
            return source
    if len(key) >= 4:
        hits = [s for s, ns in names.items() if key in fold(ns[-1])]
        if hits:
            return min(hits, key=lambda s: len(names[s][-1]))
    return None


def articles_of(source: str, chunks: Iterable[Chunk], unit: str = "article") -> list[Article]:
    """The articles (or paragraphs) of one document in text order; split pieces joined."""
    by_number: dict[str, Article] = {}
    for c in chunks:
        number = getattr(c, unit)
        if c.source != source or number is None:
            continue
        art = by_number.get(number)
        if art is None:
            by_number[number] = Article(number, c.heading, [c])
        else:
            art.chunks.append(c)
    return list(by_number.values())


def _from_resolver(query: str, resolve: Callable[[str], list], documents: Mapping[str, Document]):
    """(source, Reference) from retrieval's citation parser, or None when it finds none."""
    try:
        refs = resolve(query)
    except Exception:  # noqa: BLE001 — the fallback parser below still answers
        return None
    for r in refs:
        doc = documents.get(r.source or "")
        unit = UNIT_FIELD.get(doc.kind) if doc is not None else None
        first, last = (r.article, r.article_end) if unit == "article" else (r.paragraph, r.paragraph_end)
        if unit and first:
            return r.source, LawReference(r.source, first.lower(), (last or "").lower() or None)
    return None


def lookup(query: str, chunks: list[Chunk], documents: Mapping[str, Document],
           aliases: Mapping[str, Any] | None = None,
           resolve: Callable[[str], list] | None = None) -> LookupResult:
    """Find the articles `query` names, with the article before and after the range.

    `resolve`: retrieval's citation resolver (query -> refs with source, article,
    article_end), tried first."""
    names = law_names(documents.values(), aliases)
    found = _from_resolver(query, resolve, documents) if resolve else None
    if found:
        source, ref = found
    else:
        ref = parse_reference(query)
        if ref is None:
            return LookupResult(problem="lookup_unparsed", values={"query": query})
        source = resolve_law(ref.law, names)
        if source is None:
            return LookupResult(problem="lookup_no_law", values={"law": ref.law})
    doc = documents.get(source)
    unit = UNIT_FIELD.get(doc.kind, "article") if doc else "article"
    short = names[source][0] if source in names else (_title(doc) if doc else source)
    articles = articles_of(source, chunks, unit)
    order = [a.article.lower() for a in articles]
    if ref.first not in order or (ref.last and ref.last not in order):
        missing = ref.first if ref.first not in order else ref.last
        return LookupResult(source=source, law=short, document=doc, unit=unit,
                            problem="lookup_no_article", values={"law": short, "article": missing})
    i = order.index(ref.first)
    j = order.index(ref.last) if ref.last else i
    i, j = min(i, j), max(i, j)
    return LookupResult(
        source=source, law=short, document=doc, unit=unit, articles=articles[i: j + 1],
        previous=articles[i - 1].article if i > 0 else None,
        next=articles[j + 1].article if j + 1 < len(articles) else None,
    )
