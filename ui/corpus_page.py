"""Data for the corpus page: one row per indexed document with its kind, script,
gazette or date, provenance and chunk count; and the index's counts per kind.

Provenance is the document's source path, plus the public repository it was taken
from when the corpus root has a MANIFEST.json naming one. Pure functions over the
loaded documents and chunks; rendering is the app's.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Mapping

from core.records import Chunk, Document
from ui.strings import DEFAULT_LANG, kind_name, t


def read_corpus_manifest(corpus: Path | None) -> dict[str, dict[str, Any]]:
    """path -> entry of the corpus's MANIFEST.json; {} when there is none or it is unreadable."""
    if corpus is None:
        return {}
    try:
        entries = json.loads((Path(corpus) / "MANIFEST.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if isinstance(entries, dict):  # tolerate {"files": [...]} as well as a bare list
        entries = entries.get("files", [])
    return {e["path"]: e for e in entries if isinstance(e, dict) and "path" in e}


def gazette_or_date(doc: Document) -> str:
    """The gazette numbers of a law, the date of a decision, the year of a judgment."""
    meta = doc.metadata
    if meta.get("gazette_list"):
        return "Sl. glasnik RS, br. " + ", ".join(str(g) for g in meta["gazette_list"])
    for key in ("date", "decision_date"):
        if meta.get(key):
            return serbian_date(str(meta[key]))
    for key in ("gazette", "issue", "year", "application_no"):
        if meta.get(key):
            return str(meta[key])
    return ""


def serbian_date(iso: str) -> str:
    """"2025-06-19" -> "19.06.2025." (as Serbian courts write dates)."""
    y, m, d = (iso[:10].split("-") + ["", ""])[:3]
    return f"{d}.{m}.{y}." if y.isdigit() and m.isdigit() and d.isdigit() else iso


def provenance(doc: Document, manifest: Mapping[str, Mapping[str, Any]], lang: str = DEFAULT_LANG) -> str:
    if doc.source.startswith("user/"):
        return f"{doc.source} — {t('provenance_user', lang)}"
    entry = manifest.get(doc.source) or {}
    repo = entry.get("source_repo")
    return f"{doc.source} — {repo}" if repo else doc.source


def document_rows(documents: Iterable[Document], chunks: Iterable[Chunk],
                  manifest: Mapping[str, Mapping[str, Any]] | None = None,
                  lang: str = DEFAULT_LANG) -> list[dict[str, Any]]:
    """One row per document, sorted by kind then title, keyed by the UI's column names."""
    per_source = Counter(c.source for c in chunks)
    manifest = manifest or {}
    docs = sorted(documents, key=lambda d: (d.kind, d.title.lower()))
    return [{
        t("col_title", lang): str(d.metadata.get("title_display") or d.title),
        t("col_kind", lang): kind_name(d.kind, lang),
        t("col_script", lang): t(f"script_{d.script}", lang),
        t("col_gazette_date", lang): gazette_or_date(d),
        t("col_provenance", lang): provenance(d, manifest, lang),
        t("col_chunks", lang): per_source.get(d.source, 0),
    } for d in docs]


def count_rows(counts: Mapping[str, Mapping[str, int]], lang: str = DEFAULT_LANG) -> list[dict[str, Any]]:
    """The build manifest's counts per kind as table rows."""
    return [{t("count_kind", lang): kind_name(k, lang),
             t("count_documents", lang): c.get("documents", 0),
             t("count_chunks", lang): c.get("chunks", 0)} for k, c in sorted(counts.items())]
