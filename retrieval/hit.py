"""`Hit`: one ranked search result, and its JSON form (the `python -m retrieval` contract)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.records import Chunk, Document
from retrieval.term_stats import TermStats


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    chunk: Chunk
    url: str | None = None
    # The chunk's document (gazette list, court/date, HUDOC id, treaty short name):
    # what the answer layer needs for lawyer-style citation labels.
    document: Document | None = None
    # What found it: the legs ("bm25", "dense", "named", "scope", "pathways", "concepts",
    # "synonyms", "ask") and "citation" when the question cites it (ranked first;
    # answer.extractive quotes such hits first). Shown in debugging and evaluation.
    via: tuple[str, ...] = ()
    # The index's term rarities (the same object on every hit of a search), for weighing
    # a question's words when the answer layer judges the evidence; not part of the JSON.
    stats: TermStats | None = field(default=None, compare=False, repr=False)
    # A story's first results only: the learned order's probability that this unit
    # answers the story's question (retrieval.learned_order); None where no model ordered it.
    fit: float | None = None

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "rank": self.rank,
            "score": round(float(self.score), 6),
            "chunk_id": c.id,
            "source": c.source,
            "kind": c.kind,
            "title": c.title,
            "article": c.article,
            "stav": c.stav,
            "paragraph": c.paragraph,
            "page": c.page,
            "section": c.section,
            "heading": c.heading,
            "url": self.url,
            "text": c.text,
            "fit": None if self.fit is None else round(float(self.fit), 4),
        }
