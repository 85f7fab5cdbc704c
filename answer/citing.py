"""Build a `Citation` from a hit and the words quoted from it: label with the stav and
tačka the quote sits in, official URL, gazette list and line, the quote in the answer's script.

Used by both answerers. Does not decide whether a citation is verified: the caller
sets that from `answer.verify`.
"""
from __future__ import annotations

from core.records import SERBIAN_SOURCE_KINDS
from retrieval.hit import Hit

from answer.labels import citation_label, gazette_citation, gazette_list, locate_stav
from answer.phrases import Style, display_quote, source_language
from answer.types import Citation


def make_citation(n: int, hit: Hit, raw_quote: str, style: Style, verified: bool = False, at: str | None = None) -> Citation:
    """Citation [n] of `hit`, quoting `raw_quote` (words of hit.chunk.text, parts joined
    by " … "); `at` is the words whose stav/tačka the label names (default: the quote's
    last part, which for "<stav opening> … <tačka>" is the tačka)."""
    chunk, doc = hit.chunk, hit.document
    raw = " ".join(raw_quote.split())
    stav = tacka = None
    if chunk.kind == "law" and chunk.article:
        stav, tacka = locate_stav(chunk.text, at or raw.split(" … ")[-1], chunk.stav)
    shown, original = display_quote(raw, style, source_language(chunk.kind, doc.language if doc else None))
    return Citation(
        n=n,
        chunk_id=chunk.id,
        source=chunk.source,
        label=citation_label(chunk, doc, stav, tacka),
        quote=shown,
        verified=verified,
        article=chunk.article,
        paragraph=chunk.paragraph,
        page=chunk.page,
        kind=chunk.kind,
        stav=stav,
        tacka=tacka,
        url=hit.url or (doc.url if doc else None),
        gazette=gazette_list(doc) if chunk.kind == "law" else None,
        quote_original=original,
        gazette_text=gazette_citation(doc, style.script) if chunk.kind == "law" else None,
    )


def shown_label(citation: Citation, style: Style) -> str:
    """The label as written in the answer text: Serbian labels follow the answer's script."""
    if style.script == "cyrillic" and citation.kind in SERBIAN_SOURCE_KINDS:
        return style.serbian(citation.label)
    return citation.label
