"""Small text helpers shared by the loaders: whitespace cleanup and splitting an
over-long unit (an article, a section) into pieces at `stav` / paragraph boundaries.

It knows nothing of any file format; loaders decide what a unit is.
"""
from __future__ import annotations

import re

# ~ the 512-token window of multilingual-e5-small for Serbian text (≈ 3.5 chars/token).
MAX_CHUNK_CHARS = 1500

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
