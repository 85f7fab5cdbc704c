"""What the sidebar's search filters offer, and the `retrieval.filters.Filters` that a
choice of them means.

"Samo srpsko pravo" keeps the Serbian kinds (laws, decisions, bulletins, the user's
documents); "uključi međunarodne standarde" adds ECtHR judgments and treaties. Kinds
chosen explicitly narrow the scope further; chosen laws restrict the search to those
files. Pure functions; the widgets are the app's.
"""
from __future__ import annotations

from core.records import Document, INTERNATIONAL_KINDS, KINDS, SERBIAN_KINDS
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from retrieval.filters import Filters

SCOPES = ("international", "serbian")


@dataclass(frozen=True)
class Options:
    kinds: tuple[str, ...]  # kinds present in the index, in KINDS order
    laws: tuple[tuple[str, str], ...]  # (source, title) of every law, by title
    courts: tuple[str, ...]
    dates: tuple[date, date] | None  # earliest and latest decision date


def _date(raw) -> date | None:
    try:
        return date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None


def filter_options(documents: Iterable[Document]) -> Options:
    docs = list(documents)
    present = {d.kind for d in docs}
    laws = sorted(((d.source, str(d.metadata.get("title_display") or d.title)) for d in docs if d.kind == "law"),
                  key=lambda p: p[1].lower())
    courts = sorted({str(d.metadata["court"]) for d in docs if d.metadata.get("court")})
    dates = sorted(x for x in (_date(d.metadata.get("date")) for d in docs) if x)
    return Options(tuple(k for k in KINDS if k in present), tuple(laws), tuple(courts),
                   (dates[0], dates[-1]) if dates else None)


def make_filters(scope: str = "international", kinds: Iterable[str] = (), laws: Iterable[str] = (),
                 courts: Iterable[str] = (), date_from: date | None = None,
                 date_to: date | None = None) -> Filters | None:
    """The Filters for a sidebar choice, or None when nothing narrows the search."""
    if scope not in SCOPES:
        raise ValueError(f"scope {scope!r} is not one of {SCOPES}")
    chosen = tuple(kinds)
    if scope == "serbian":
        chosen = tuple(k for k in (chosen or SERBIAN_KINDS) if k in SERBIAN_KINDS) or SERBIAN_KINDS
    f = Filters(kinds=chosen, sources=tuple(laws), courts=tuple(courts), date_from=date_from, date_to=date_to)
    return None if f.empty else f
