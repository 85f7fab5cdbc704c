"""Small text helpers shared by the loaders: whitespace cleanup, script detection, and
splitting an over-long unit (an article, a section, a one-line ECtHR paragraph) into
pieces at `stav`, line or sentence boundaries.

It knows nothing of any file format; loaders decide what a unit is.
"""
from __future__ import annotations

import math
import re

from core.text import cyrillic_share

# ~ the 512-token window of multilingual-e5-small for Serbian text (≈ 3.5 chars/token).
MAX_CHUNK_CHARS = 1500
MIN_PIECE = 200  # chars; shorter tails of a split text join the previous piece

# "(1)" at the start of a line opens a stav in Serbian statutes.
STAV_RE = re.compile(r"^\((\d{1,3})\)\s", re.M)


def clean_spaces(text: str) -> str:
    """Collapse runs of spaces/tabs, strip line ends, drop empty lines at the ends."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.splitlines()]
    return "\n".join(lines).strip()


def split_long(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split `text` into pieces of at most ~max_chars, at line boundaries, preferring
    boundaries before a stav marker "(N)". Returns (char offset, piece) pairs; a text
    that fits is returned whole. A single line longer than max_chars stays whole
    rather than being cut mid-sentence."""
    if len(text) <= max_chars:
        return [(0, text)]
    lines = text.split("\n")
    pieces: list[tuple[int, str]] = []
    start, buf, offset = 0, [], 0
    for ln in lines:
        cur = len("\n".join(buf))
        if buf and cur + 1 + len(ln) > max_chars:
            pieces.append((start, "\n".join(buf)))
            start, buf = offset, []
        buf.append(ln)
        offset += len(ln) + 1
    if buf:
        pieces.append((start, "\n".join(buf)))
    return [(s, p) for s, p in pieces if p.strip()]


def stav_range(piece: str) -> str | None:
    """"1-4" for a piece holding stavovi (1)…(4); "3" for one; None if it has none."""
    nums = [int(m.group(1)) for m in STAV_RE.finditer(piece)]
    if not nums:
        return None
    return str(nums[0]) if nums[0] == nums[-1] else f"{nums[0]}-{nums[-1]}"


_LETTER = r"[^\W\d_]"
# A sentence ends after a word of 2+ letters and ".!?" (not "čl. 5", "408. Zakona",
# "RS."), optionally closed by a quote/bracket, before an upper-case start; or after ";".
SENTENCE_END_RE = re.compile(
    rf"(?:(?<={_LETTER}{{2}}[.!?])|(?<={_LETTER}{{2}}[.!?][\"”»’)]))\s+(?=[\"“„(]?[A-ZČĆŽŠĐ])"
    rf"|(?<={_LETTER};)\s+|\n+"
)


def split_prose(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut `text` at sentence/line boundaries into pieces of at most ~max_chars, of
    similar size (no 40-char tail). A sentence longer than max_chars is cut at a
    space. Returns (offset, piece); every piece is text[offset:offset+len(piece)]."""
    if len(text) <= max_chars:
        return [(0, text)] if text.strip() else []
    cuts = [0] + [m.end() for m in SENTENCE_END_RE.finditer(text)] + [len(text)]
    units: list[tuple[int, int]] = []
    for s, e in zip(cuts, cuts[1:]):
        while e - s > max_chars:  # an over-long sentence: cut at the last space that fits
            sp = text.rfind(" ", s + 1, s + max_chars)
            cut = sp + 1 if sp > s else s + max_chars
            units.append((s, cut))
            s = cut
        if e > s:
            units.append((s, e))
    target = len(text) / math.ceil(len(text) / max_chars)
    pieces, start, end = [], units[0][0], units[0][0]
    for s, e in units:
        if end > start and (e - start > max_chars or end - start >= target):
            pieces.append((start, end))
            start = s
        end = e
    pieces.append((start, end))
    out = []
    for s, e in pieces:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append((s + lead, piece.strip()))
    return out


def split_text(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """textutil.split_long (line boundaries), then split_prose for any piece that is
    still too long because it is one long line."""
    pieces: list[tuple[int, str]] = []
    for off, piece in split_long(text, max_chars):
        if len(piece) <= max_chars:
            pieces.append((off, piece))
        else:
            pieces.extend((off + o, p) for o, p in split_prose(piece, max_chars))
    out: list[tuple[int, str]] = []
    for off, piece in pieces:
        # A scrap (a signature line, a lone sentence) joins the piece before it if it fits.
        if out and len(piece) < MIN_PIECE and off + len(piece) - out[-1][0] <= max_chars:
            out[-1] = (out[-1][0], text[out[-1][0]: off + len(piece)])
        else:
            out.append((off, piece))
    return out


def script_of(text: str) -> str:
    share = cyrillic_share(text)
    return "cyrillic" if share >= 0.9 else "latin" if share <= 0.1 else "mixed"
