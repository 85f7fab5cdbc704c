"""The answer layer's records: `Citation` (one numbered source of an answer) and
`Answer` (the text, its citations, the hits it was built from, notices), with the
JSON form of the `python -m answer` contract in docs/design.md.

Plain data only: building, labelling and verifying citations happen elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from retrieval.hit import Hit


@dataclass
class Citation:
    """Source [n] of an answer.

    quote           the cited words as shown in the answer: the source's own words
                    (whitespace collapsed), transliterated only when the answer's script
                    differs from the source's;
    quote_original  the same words in the source's script when `quote` was
                    transliterated, else None;
    verified        the truth: the number refers to a retrieved chunk and the quote
                    matches that chunk (see answer.verify);
    gazette_text    a statute's gazette line in the answer's script
                    ('„Sl. glasnik RS“, br. 72/2011, 101/2011'), else None.
    """

    n: int
    chunk_id: str
    source: str
    label: str
    quote: str
    verified: bool = False
    article: str | None = None
    paragraph: str | None = None
    page: int | None = None
    kind: str | None = None
    stav: str | None = None
    tacka: str | None = None
    url: str | None = None
    gazette: list[str] | None = None
    quote_original: str | None = None
    gazette_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "chunk_id": self.chunk_id,
            "source": self.source,
            "article": self.article,
            "paragraph": self.paragraph,
            "page": self.page,
            "label": self.label,
            "quote": self.quote,
            "verified": self.verified,
            # Extra keys beyond the contract (allowed by it):
            "kind": self.kind,
            "stav": self.stav,
            "tacka": self.tacka,
            "url": self.url,
            "gazette": self.gazette,
            "quote_original": self.quote_original,
            "gazette_text": self.gazette_text,
        }


@dataclass
class Answer:
    """What `answer.answer()` returns.

    evidence   the raw evidence score the abstention decision used (0..1), exposed so
               the evaluation can calibrate the threshold;
    notices    visible remarks for the user (an LLM answer repaired or replaced, …);
    language   "sr" or "en"; script "latin" or "cyrillic": how the answer is written;
    reason     why it abstained (answer.messages.REASONS: small_talk, absent_source,
               other_jurisdiction, subject_missing, type_not_stated, no_match), else None;
    reason_detail  what the reason names: the place, the missing words, the answer type;
    confidence "high" | "medium" | "low": how well the lead quote answers the question;
    remedies   for a pathway answer: the facts found (with the words that said so) and
               the pathways shown, each with its citation numbers; else None.
    """

    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    mode: str = "extractive"
    evidence: float = 0.0
    language: str = "sr"
    script: str = "latin"
    reason: str | None = None
    reason_detail: str = ""
    confidence: str | None = None
    remedies: dict | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "hits": [h.to_dict() for h in self.hits],
            "notices": list(self.notices),
            "mode": self.mode,
            "evidence": round(float(self.evidence), 4),
            "language": self.language,
            "script": self.script,
            # Added with the answer decision; the fields above are unchanged.
            "reason": self.reason,
            "reason_detail": self.reason_detail,
            "confidence": self.confidence,
            "remedies": self.remedies,
        }
