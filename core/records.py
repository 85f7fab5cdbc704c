"""Typed, frozen records that flow from ingest to retrieval, answer and the app.

`Document` describes one corpus file; `Chunk` is one citable unit of it (a statute
article or a `stav` group of a long article, a decision section, a bulletin page
block, an ECtHR paragraph, a treaty article). A chunk's id is the sha256 of its
source, locator and text, so re-ingesting an unchanged file yields the same ids and
evaluation labels and citations stay stable. A unit that repeats an earlier one word for
word at the same locator (a quoted article, a repeated block) is numbered by `repeat`,
which enters the id only when it is not 0: ids of units that are not repeats never change.

This module does no I/O and no parsing: loaders build records, the pipeline stores them.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

# The one kinds table. Every module that asks "which kinds are Serbian?" reads it here.
KINDS = ("law", "court_decision", "court_bulletin", "echr_judgment", "treaty", "user_document")
# The corpus's Serbian sources: what a Serbian question's ranking prefers and what the
# extractive answer quotes in Serbian.
SERBIAN_SOURCE_KINDS = ("law", "court_decision", "court_bulletin")
# Kinds whose text and labels are Serbian: the Serbian sources and the user's own
# documents (the app's "Serbian" scope, labels shown in the user's script).
SERBIAN_KINDS = SERBIAN_SOURCE_KINDS + ("user_document",)
# International sources, in English: ECtHR judgments and treaties.
INTERNATIONAL_KINDS = ("echr_judgment", "treaty")
# Kinds cited by article ("čl. 388 KZ", "Article 15"): statutes and treaties.
ARTICLE_KINDS = ("law", "treaty")
# Path -> kind: the corpus folder each kind sits in (corpus-relative, first match wins);
# anything else is the user's own. Which loader reads a file is ingest.registry.
KIND_FOLDERS = (
    ("zakoni/", "law"),
    ("pis/", "law"),  # ../shared/corpus-full keeps the PIS statutes here
    ("sudska_praksa/vrhovni_sud/", "court_decision"),
    ("sudska_praksa/bilteni/", "court_bulletin"),
    ("echr/", "echr_judgment"),
    ("medjunarodni/", "treaty"),
)


def kind_of_source(source: str) -> str:
    """The kind of the document at corpus-relative `source`, by its folder."""
    return next((kind for folder, kind in KIND_FOLDERS if source.startswith(folder)), "user_document")
SCRIPTS = ("latin", "cyrillic", "mixed")
LOCATOR_FIELDS = ("article", "stav", "paragraph", "page", "section")


def _freeze(meta: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    # A frozen record cannot hold a dict; sorted pairs keep equality and hashing stable.
    if not meta:
        return ()
    return tuple(sorted((str(k), _freeze_value(v)) for k, v in meta.items()))


def _freeze_value(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_freeze_value(x) for x in v)
    if isinstance(v, dict):
        return _freeze(v)
    return v


def _thaw(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_thaw(x) for x in v]
    return v


class _Meta:
    """The kind-specific metadata a record keeps frozen in `meta`, and its dict form."""

    meta: tuple[tuple[str, Any], ...]

    @property
    def metadata(self) -> dict[str, Any]:
        """Kind-specific metadata (gazette list; court, number, date, matter; HUDOC id…)."""
        return {k: _thaw(v) for k, v in self.meta}

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["meta"] = self.metadata
        return d


@dataclass(frozen=True)
class Document(_Meta):
    """One corpus file. `source` is its path relative to the corpus root, `/`-separated."""

    source: str
    kind: str
    title: str
    language: str = "sr"
    script: str = "latin"
    url: str | None = None
    meta: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Document kind {self.kind!r} is not one of {KINDS}")
        if self.script not in SCRIPTS:
            raise ValueError(f"Document script {self.script!r} is not one of {SCRIPTS}")
        if "\\" in self.source or self.source.startswith("/"):
            raise ValueError(f"Document source {self.source!r} must be relative and '/'-separated")
        if not isinstance(self.meta, tuple):
            object.__setattr__(self, "meta", _freeze(self.meta))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Document":
        return cls(**{**d, "meta": _freeze(d.get("meta"))})


def chunk_id(source: str, locator: Mapping[str, Any], text: str, repeat: int = 0) -> str:
    """sha256 of source + locator + text: the same unit of the same file keeps its id.

    `repeat` (the n-th word-for-word repeat of a unit) is hashed in only when it is not 0,
    so that every id computed before repeats were numbered stays what it was."""
    loc = json.dumps({k: locator.get(k) for k in LOCATOR_FIELDS}, sort_keys=True, ensure_ascii=False)
    parts = (source, loc, text) + ((f"repeat={repeat}",) if repeat else ())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Chunk(_Meta):
    """One citable unit. Locators absent for a kind are None.

    article   statute/treaty article as written ("388", "390a", "15"); None for the
              articles of amending laws, which are described by `section` instead so
              they never pose as article N of the main law.
    stav      for a long article split in pieces: the stavovi this piece holds ("1-4").
    paragraph ECtHR paragraph number (§).
    page      PDF page, 1-based.
    section   decision section (IZREKA, OBRAZLOŽENJE…), or the amending law's name.
    repeat    0, or n for the n-th unit of the same file with the same locator and text
              as an earlier one (see `number_repeats`): it keeps the ids distinct.
    """

    source: str
    kind: str
    title: str
    text: str
    article: str | None = None
    stav: str | None = None
    paragraph: str | None = None
    page: int | None = None
    section: str | None = None
    heading: str | None = None
    chapter: str | None = None
    char_start: int = 0
    meta: tuple[tuple[str, Any], ...] = ()
    repeat: int = 0
    id: str = field(default="")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Chunk kind {self.kind!r} is not one of {KINDS}")
        if not self.text.strip():
            raise ValueError(f"empty chunk text in {self.source} at {self.locator}")
        if not isinstance(self.repeat, int) or isinstance(self.repeat, bool) or self.repeat < 0:
            raise ValueError(f"chunk repeat {self.repeat!r} in {self.source} must be an int >= 0")
        if not isinstance(self.meta, tuple):
            object.__setattr__(self, "meta", _freeze(self.meta))
        expected = chunk_id(self.source, self.locator, self.text, self.repeat)
        if self.id and self.id != expected:
            raise ValueError(f"chunk id {self.id[:12]}… does not match its content in {self.source}")
        object.__setattr__(self, "id", expected)

    @property
    def locator(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in LOCATOR_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        if not self.repeat:  # stored records of units that are not repeats stay as they were
            del d["repeat"]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Chunk":
        return cls(**{**d, "meta": _freeze(d.get("meta"))})


def number_repeats(chunks: Iterable[Chunk]) -> tuple[Chunk, ...]:
    """The chunks, with each word-for-word repeat of an earlier unit (same source, locator
    and text, hence the same id) numbered 1, 2, … so that every id is distinct; the first
    occurrence and every unit that is not a repeat are returned unchanged."""
    seen: dict[str, int] = {}
    out = []
    for c in chunks:
        n = seen.get(c.id, 0)
        seen[c.id] = n + 1
        out.append(dataclasses.replace(c, repeat=n, id="") if n else c)
    return tuple(out)


@dataclass(frozen=True)
class Loaded:
    """What a loader returns for one file: the document, its chunks, and notes for the
    ingest report (e.g. "pages 3, 7 yielded no text") that are not errors."""

    document: Document
    chunks: tuple[Chunk, ...]
    notes: tuple[str, ...] = ()
