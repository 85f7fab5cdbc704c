"""Loader for Supreme Court (Vrhovni sud) decisions: `sudska_praksa/vrhovni_sud/<matter>/*.json`.

The files come pre-chunked by a sliding window: consecutive chunks of one section
overlap by ~120 characters and start mid-word. This loader rebuilds each section's
text (HEADER, IZREKA, OBRAZLOŽENJE…) by removing those overlaps, then cuts it anew
into chunks of at most MAX_CHUNK_CHARS at line or sentence boundaries, never mixing
sections. `char_start` is the offset in the rebuilt decision text (sections joined by
a blank line).

Metadata: number and date come from the JSON; when missing or impossible they fall
back to the HEADER text (the case-number line, "DD.MM.YYYY. godina", or the session
date "u sednici … održanoj DD.MM.YYYY"), with a note. The site's trailer
"Preuzmite dokument u PDF formatu" is dropped.

It does not interpret the decision (no outcome, no cited-law resolution: the source's
`cited_articles_raw` are bare numbers and are passed on as they are).
"""
from __future__ import annotations

import pathlib
import re
from datetime import date
from typing import Any

from core.errors import SkipFile
from core.records import Chunk, Document, Loaded
from ingest.jsonfile import read_json_object
from ingest.textutil import script_of, split_text

TRAILER = "Preuzmite dokument u PDF formatu"
MIN_OVERLAP = 20  # shorter shared stretches are coincidence, not the window's overlap
MAX_OVERLAP = 400
DEFAULT_COURT = "Vrhovni sud"
DATE_RE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?\s+godin")
SESSION_RE = re.compile(r"održano[jm]\s+(?:dana\s+)?(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
NUMBER_LINE_RE = re.compile(r"^(.*?)\s*(\d+/\d{4})$")
FILE_NUMBER_RE = re.compile(r"^(.+?)_(\d+)_(\d{4})$")

def join_overlapping(a: str, b: str) -> str | None:
    """a + b without the stretch that ends a and starts b; None if there is none.
    A U+FFFD at b's start (a character the chunker cut in half) is ignored."""
    b = b.lstrip("\ufffd")
    for k in range(min(len(a), len(b), MAX_OVERLAP), MIN_OVERLAP - 1, -1):
        if a.endswith(b[:k]):
            return a + b[k:]
    return None


def merge_sections(raw_chunks: list[Any], notes: list[str]) -> list[tuple[str, str]]:
    """[(section, text)] in source order, consecutive chunks of a section re-joined."""
    sections: list[tuple[str, str]] = []
    items = [c for c in raw_chunks if isinstance(c, dict)]
    if all(isinstance(c.get("chunk_index"), int) for c in items):
        items.sort(key=lambda c: c["chunk_index"])
    for i, c in enumerate(items):
        text = c.get("text")
        if not isinstance(text, str) or not text.strip():
            notes.append(f"chunk {i} has no text; skipped")
            continue
        section = str(c.get("section") or "").strip() or "TEKST"
        if sections and sections[-1][0] == section:
            prev = sections[-1][1]
            joined = join_overlapping(prev, text)
            if joined is None:
                notes.append(f"{section}: no overlap between source chunks {i - 1} and {i}; joined with a space")
                joined = prev + " " + text.lstrip("\ufffd")
            sections[-1] = (section, joined)
        else:
            sections.append((section, text))
    if sections and sections[-1][1].rstrip().endswith(TRAILER):
        name, text = sections[-1]
        sections[-1] = (name, text.rstrip()[: -len(TRAILER)].rstrip())
    return [(s, t.strip()) for s, t in sections if t.strip()]


def _iso(d: str, m: str, y: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def decision_date(data: dict[str, Any], header: str, notes: list[str]) -> str | None:
    raw = str(data.get("decision_date") or "").strip()
    session = SESSION_RE.search(header)
    session_iso = _iso(*session.groups()) if session else None
    try:
        iso = date.fromisoformat(raw[:10]).isoformat()
    except ValueError:
        m = DATE_RE.search(header)
        iso = (_iso(*m.groups()) if m else None) or session_iso
        notes.append(f"decision_date {raw!r} missing or not a date; using {iso} from the HEADER")
        return iso
    produced = str(data.get("chunked_at") or "")[:10]
    if produced and iso > produced and session_iso and session_iso <= produced:
        # A date after the file was made is a typo in the header (e.g. 2026 for 2025);
        # the session date in the same header is the decision's real date.
        notes.append(f"decision_date {iso} is after the file was made ({produced}); using session date {session_iso}")
        return session_iso
    return iso


def decision_number(data: dict[str, Any], header: str, stem: str, notes: list[str]) -> str:
    number = str(data.get("decision_number") or "").strip()
    if number:
        return number
    lines = [ln.strip() for ln in header.splitlines()]
    for ln in lines[:5]:
        m = NUMBER_LINE_RE.match(ln)
        if m and ln.upper() != "VRHOVNI SUD":
            registers = [r.strip() for r in m.group(1).split(",") if r.strip()]
            if len(registers) > 1:
                # The site prints the whole family ("Rž1k, Rž1kp, …, Rž1up"): keep what they share.
                prefix = registers[0]
                for r in registers[1:]:
                    while not r.startswith(prefix):
                        prefix = prefix[:-1]
                registers = [prefix.strip()] if prefix.strip() else []
            found = " ".join(registers + [m.group(2)])
            notes.append(f"decision_number missing; using {found!r} from the HEADER")
            return found
    m = FILE_NUMBER_RE.match(stem)
    found = f"{m.group(1).replace('_', ' ')} {m.group(2)}/{m.group(3)}" if m and not stem.startswith("id_") else stem
    notes.append(f"decision_number missing; using {found!r} from the file name")
    return found


def load(path: pathlib.Path, source: str) -> Loaded:
    data = read_json_object(path)
    raw_chunks = data.get("chunks")
    if not isinstance(raw_chunks, list) or not raw_chunks:
        raise SkipFile("no 'chunks' list in the decision")
    notes: list[str] = []
    sections = merge_sections(raw_chunks, notes)
    if not sections:
        raise SkipFile("no chunk with text in the decision")
    header = next((t for s, t in sections if s.upper() == "HEADER"), sections[0][1])
    number = decision_number(data, header, path.stem, notes)
    court = str(data.get("court") or "").strip()
    if not court:
        court = DEFAULT_COURT
        notes.append(f"court missing; assuming {court!r} from the folder")
    # Only a metadata object counts, and only a list of citations (found by fuzzing).
    first_meta = next((c["metadata"] for c in raw_chunks
                       if isinstance(c, dict) and isinstance(c.get("metadata"), dict) and c["metadata"]), {})
    cited = first_meta.get("cited_articles_normalized") or first_meta.get("cited_articles_raw") or []
    cited = cited if isinstance(cited, list) else []
    title = f"{court}, {number}"
    full = "\n\n".join(t for _, t in sections)
    document = Document(
        source=source,
        kind="court_decision",
        title=title,
        script=script_of(full),
        url=data.get("source_url") if isinstance(data.get("source_url"), str) and data["source_url"] else None,
        meta={
            "court": court,
            "decision_number": number,
            "date": decision_date(data, header, notes),
            "matter": data.get("matter"),
            "registrant": data.get("registrant"),
            "cited_articles": list(dict.fromkeys(str(a) for a in cited)),
        },
    )
    chunks, offset = [], 0
    for section, text in sections:
        for off, piece in split_text(text):
            chunks.append(Chunk(source=source, kind="court_decision", title=title, text=piece,
                                section=section, char_start=offset + off))
        offset += len(text) + 2
    return Loaded(document=document, chunks=tuple(chunks), notes=tuple(notes))
