"""Resolve the guide's citations against an index and verify every quote.

A `Ref` names a unit ("ZKP 254", "Rantsev § 284", a bulletin page) and quotes it. Here
the unit is looked up with the index's own citation parser (`CitationIndex.lookup`, the
same one a question's "čl. 254 ZKP" goes through) and the quote must be the source's own
words: equal after collapsing whitespace, where " … " in a quote joins parts that follow
one another in the source. A quote is pinned to the chunk that holds it, so a pathway
answer cites exactly that piece of a split article.

Pure over what it is given (a lookup function and the chunks); builds no index.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from core.records import Chunk
from core.text import find_words

from pathways.model import Pathway, Ref

ELLIPSIS = "…"


@dataclass(frozen=True)
class Resolved:
    ref: Ref
    chunk_id: str | None  # the chunk that holds the quote
    problem: str | None = None  # why it did not resolve (None: it did)

    @property
    def ok(self) -> bool:
        return self.problem is None


def quote_in(quote: str, text: str) -> bool:
    """Whether `quote` is `text`'s own words (parts joined by " … " in order), found
    with the project's one exact locator (any whitespace between words: statutes are
    hard-wrapped, quotes are not; soft hyphens are not words)."""
    hay, pos = text.replace("\u00ad", ""), 0
    for part in (p.strip(" .,;:") for p in quote.split(ELLIPSIS)):
        if not part.split():
            continue
        at = find_words(hay[pos:], part)
        if at is None:
            return False
        pos += at[1]
    return True


def resolve_ref(ref: Ref, lookup: Callable[[str], list[str]], chunks: Mapping[str, Chunk],
                pages: Mapping[tuple[str, int], list[str]] | None = None) -> Resolved:
    """The chunk of `ref`'s unit that holds its quote, or the reason there is none."""
    if ref.cite:
        ids = lookup(ref.cite)
        where = ref.cite
    else:
        ids = list((pages or {}).get((ref.source, int(ref.page or 0)), []))
        where = f"{ref.source} page {ref.page}"
    if not ids:
        return Resolved(ref, None, f"{where}: no such unit in the index")
    for cid in ids:
        c = chunks.get(cid)
        if c is not None and quote_in(ref.quote, c.text):
            return Resolved(ref, cid)
    # An article split in pieces: the quote may cross into the next piece.
    joined = " ".join(chunks[c].text for c in ids if c in chunks)
    if quote_in(ref.quote, joined):
        return Resolved(ref, ids[0])
    return Resolved(ref, None, f"{where}: the quote is not the source's words: {ref.quote[:80]!r}")


def page_map(chunks: Iterable[Chunk]) -> dict[tuple[str, int], list[str]]:
    """(source, page) -> chunk ids, for references that pin a bulletin page."""
    out: dict[tuple[str, int], list[str]] = {}
    for c in chunks:
        if c.page is not None:
            out.setdefault((c.source, c.page), []).append(c.id)
    return out


def resolve_guide(guide: Iterable[Pathway], lookup: Callable[[str], list[str]], chunks: Mapping[str, Chunk],
                  pages: Mapping[tuple[str, int], list[str]] | None = None) -> dict[Ref, Resolved]:
    """Every reference of every pathway, resolved (a Ref used twice is resolved once)."""
    out: dict[Ref, Resolved] = {}
    for p in guide:
        for r in p.refs:
            if r not in out:
                out[r] = resolve_ref(r, lookup, chunks, pages)
    return out
