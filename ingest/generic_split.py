"""Split text of unknown structure (a user's document) into citable pieces.

If the text has article headings at line start ("Član 12", "Član 12a", "ČLAN 5",
"Члан 3", "Article 4 – Definitions"), it is cut by article, like a statute: each
piece carries its article number, and the short title line just before the heading
("Trgovina ljudima") belongs to that article as its `heading`. Text before the first
article is a piece without article. Otherwise the text is cut into pieces of about
MAX_CHUNK_CHARS at paragraph/line, then sentence boundaries.

Pure functions, no I/O. It does not recognise paragraphs (stav) or chapters, and does
not guess a structure from numbering alone ("1.", "I") — that is too often wrong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.textutil import split_text
from ingest.textutil import MAX_CHUNK_CHARS

# "Član 12a", "ČLAN 5.", "Члан 3", "Article 4 – Definitions"; what follows the number
# must not read as a sentence ("Article 4 of the Convention prohibits…").
ARTICLE_RE = re.compile(
    r"^[ \t]*(?:Član|Члан|Article|Art\.)[ \t]+(\d{1,4})[ \t]?([a-zа-ш])?\b\.?(?P<rest>[^\n]*)$",
    re.I | re.M,
)
HEADING_MAX_CHARS = 120
TITLE_SEP_RE = re.compile(r"^\s*[-–—:.]\s*")


@dataclass(frozen=True)
class Piece:
    text: str
    char_start: int
    article: str | None = None
    heading: str | None = None


def _article_matches(text: str) -> list[re.Match[str]]:
    out = []
    for m in ARTICLE_RE.finditer(text):
        rest = m.group("rest").strip()
        if rest and (rest[0].islower() or len(rest) > HEADING_MAX_CHARS):
            continue  # a sentence that happens to start with "Article 4 of …"
        out.append(m)
    return out


def _heading_before(text: str, pos: int, floor: int) -> tuple[int, str | None]:
    """(start, title) of the title line just before `pos`, if the line looks like one:
    short, starts with a capital, does not end like a sentence."""
    before = text[floor:pos].rstrip("\n")
    nl = before.rfind("\n")
    line = before[nl + 1:].strip()
    if (line and len(line) <= HEADING_MAX_CHARS and line[0].isupper()
            and not line.endswith((".", ";", ",", ":")) and not ARTICLE_RE.match(line)):
        return floor + nl + 1, line
    return pos, None


def _prose(text: str, offset: int, article: str | None = None,
           heading: str | None = None, max_chars: int = MAX_CHUNK_CHARS) -> list[Piece]:
    pieces = []
    for off, piece in split_text(text, max_chars):
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            pieces.append(Piece(piece.strip(), offset + off + lead, article, heading))
    return pieces


def split_generic(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[Piece]:
    """Pieces of `text` in order; `char_start` is each piece's offset in `text`."""
    matches = _article_matches(text)
    if not matches:
        return _prose(text, 0, max_chars=max_chars)
    # starts[i]: where article i begins (its title line, if any); titles[i]: that line
    starts, titles = [], []
    floor = 0
    for m in matches:
        start, title = _heading_before(text, m.start(), floor)
        rest = TITLE_SEP_RE.sub("", m.group("rest")).strip()
        starts.append(start)
        titles.append(title or rest or None)
        floor = m.end()
    pieces = _prose(text[:starts[0]], 0, max_chars=max_chars)
    for i, m in enumerate(matches):
        end = starts[i + 1] if i + 1 < len(matches) else len(text)
        number = m.group(1) + (m.group(2) or "").lower()
        pieces += _prose(text[starts[i]:end], starts[i], number, titles[i], max_chars)
    return pieces
