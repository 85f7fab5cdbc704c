"""Search filters: by kind, by source (a law file, a court), by decision date range.

Validated at construction; `matches(chunk, document_meta)` is a pure predicate.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from core.errors import ConfigError
from core.records import KINDS, Chunk


def _parse_date(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a date; use YYYY-MM-DD") from None


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # corpus-relative paths, or prefixes ending in "/"
    courts: tuple[str, ...] = ()  # matched against the document's `court` metadata
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        for k in self.kinds:
            if k not in KINDS:
                raise ConfigError(f"kind {k!r} is not one of {KINDS}")
        object.__setattr__(self, "kinds", tuple(self.kinds))
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "courts", tuple(self.courts))
        object.__setattr__(self, "date_from", _parse_date(self.date_from, "date_from"))
        object.__setattr__(self, "date_to", _parse_date(self.date_to, "date_to"))

    @property
    def empty(self) -> bool:
        return not (self.kinds or self.sources or self.courts or self.date_from or self.date_to)

    def matches(self, chunk: Chunk, doc_meta: Mapping[str, Any] | None = None) -> bool:
        doc_meta = doc_meta or {}
        if self.kinds and chunk.kind not in self.kinds:
            return False
        if self.sources and not any(
            chunk.source == s or (s.endswith("/") and chunk.source.startswith(s)) for s in self.sources
        ):
            return False
        if self.courts and doc_meta.get("court") not in self.courts:
            return False
        if self.date_from or self.date_to:
            raw = doc_meta.get("date")
            if not raw:
                return False  # a date filter keeps only dated documents
            try:
                d = date.fromisoformat(str(raw)[:10])
            except ValueError:
                return False
            if self.date_from and d < self.date_from:
                return False
            if self.date_to and d > self.date_to:
                return False
        return True
