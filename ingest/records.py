"""Typed, frozen records that flow from ingest to retrieval, answer and the app.

`Document` describes one corpus file; `Chunk` is one citable unit of it (a statute
article or a `stav` group of a long article, a decision section, a bulletin page
block, an ECtHR paragraph, a treaty article). A chunk's id is the sha256 of its
source, locator and text, so re-ingesting an unchanged file yields the same ids and
evaluation labels and citations stay stable.

This module does no I/O and no parsing: loaders build records, the pipeline stores them.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Mapping

KINDS = ("law", "court_decision", "court_bulletin", "echr_judgment", "treaty", "user_document")
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


@dataclass(frozen=True)
class Document:
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

    @property
    def metadata(self) -> dict[str, Any]:
        """Kind-specific metadata (gazette list; court, number, date, matter; HUDOC id…)."""
        return {k: _thaw(v) for k, v in self.meta}

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["meta"] = self.metadata
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Document":
        return cls(**{**d, "meta": _freeze(d.get("meta"))})


def chunk_id(source: str, locator: Mapping[str, Any], text: str) -> str:
    """sha256 of source + locator + text: the same unit of the same file keeps its id."""
    loc = json.dumps({k: locator.get(k) for k in LOCATOR_FIELDS}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256("\x1f".join((source, loc, text)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Chunk:
    """One citable unit. Locators absent for a kind are None.

    article   statute/treaty article as written ("388", "390a", "15"); None for the
              articles of amending laws, which are described by `section` instead so
              they never pose as article N of the main law.
    stav      for a long article split in pieces: the stavovi this piece holds ("1-4").
    paragraph ECtHR paragraph number (§).
    page      PDF page, 1-based.
    section   decision section (IZREKA, OBRAZLOŽENJE…), or the amending law's name.
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
    id: str = field(default="")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Chunk kind {self.kind!r} is not one of {KINDS}")
        if not self.text.strip():
            raise ValueError(f"empty chunk text in {self.source} at {self.locator}")
        if not isinstance(self.meta, tuple):
            object.__setattr__(self, "meta", _freeze(self.meta))
        expected = chunk_id(self.source, self.locator, self.text)
        if self.id and self.id != expected:
            raise ValueError(f"chunk id {self.id[:12]}… does not match its content in {self.source}")
        object.__setattr__(self, "id", expected)

    @property
    def locator(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in LOCATOR_FIELDS}

    @property
    def metadata(self) -> dict[str, Any]:
        return {k: _thaw(v) for k, v in self.meta}

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["meta"] = self.metadata
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Chunk":
        return cls(**{**d, "meta": _freeze(d.get("meta"))})


@dataclass(frozen=True)
class Loaded:
    """What a loader returns for one file: the document, its chunks, and notes for the
    ingest report (e.g. "pages 3, 7 yielded no text") that are not errors."""

    document: Document
    chunks: tuple[Chunk, ...]
    notes: tuple[str, ...] = ()
