"""Loader for consolidated Serbian statutes in paragraf.rs plain text (`zakoni/*.txt`, Latin).

One article (`Član N`, `Član Na`) becomes one Chunk; the heading line(s) just before
`Član N` belong to article N, and `Glava`/part/section lines set the chapter. Hard-wrapped
lines are re-joined with single spaces; stavovi "(1)", tačke "1)" and alineje "- " keep
their own lines, so the source's words survive unchanged (only whitespace moves).
Articles of amending laws ("Samostalni članovi Zakona o izmenama …") restart numbering;
they are kept with article=None and described by `section`, so they never pose as
article N of the main law. A list's lead-in that the site printed above the next
article's heading ("Oštećeni ima pravo da:" before "Član 50") opens that article's list. Deleted groups ("Čl. 3-9 (Brisano)") keep the range as article.

It deliberately does not interpret the law (no cross-references, no validity dates) and
does not touch the site's HTML markup beyond decoding entities such as `&quot;`.
"""
from __future__ import annotations

import pathlib
import re

from core.errors import SkipFile
from ingest.jsonfile import read_utf8
from core.records import Chunk, Document, Loaded
from ingest.loaders.statute_lines import (
    BOILERPLATE,
    FOOTER_RE,
    GAZETTE_RE,
    ARTICLE_RE,
    GROUP_RE,
    AMEND_RE,
    AMEND_NAME_RE,
    ITEM_RE,
    norm_space,
    is_upper,
    terminated,
    split_region,
    Outline,
    rejoin,
)
from ingest.textutil import MAX_CHUNK_CHARS, split_long, stav_range


def load(path: pathlib.Path, source: str) -> Loaded:
    """Read one paragraf.rs statute; SkipFile for empty, binary or article-less input."""
    text = read_utf8(path, "a text statute")
    return parse(text, source)


def display_title(title: str) -> str:
    """"KRIVIČNI ZAKONIK" -> "Krivični zakonik"; keeps "Republike Srbije" capitalised."""
    t = title.lower()
    t = t[:1].upper() + t[1:]
    return re.sub(r"\b(republik\w*) srbij(\w*)", lambda m: f"{m.group(1).capitalize()} Srbij{m.group(2)}", t)


def parse_gazette(inner: str) -> tuple[str, list[str]]:
    """'"Sl. glasnik RS", br. 85/2005, 88/2005 - ispr. i 94/2024' -> (readable, items)."""
    readable = norm_space(re.sub(r"[\"'“”„]", "", inner))
    parts = re.split(r",\s*|\s+i\s+(?=\d|Sl\.|SL\.)", readable)
    items = []
    for p in parts:
        p = re.sub(r"^(S[lL]\.\s+\S+\s+\S+\s*)?(br(oj)?\.?|BR\.?)?\s*", "", p.strip())
        if re.match(r"^\d+/\d{2,4}", p):
            items.append(p)
    return readable, items


def _header(lines: list[str]) -> tuple[int, str | None, str, list[str], list[str]]:
    """Find title and gazette; returns (first body line index, title, gazette, list, preamble)."""
    first_article = next((i for i, s in enumerate(lines) if ARTICLE_RE.match(s) or GROUP_RE.match(s)), len(lines))
    g = next((i for i in range(first_article) if GAZETTE_RE.match(lines[i])), None)
    if g is None:
        return 0, None, "", [], []
    end = g
    while not lines[end].endswith(")") and end + 1 < first_article and end - g < 4:
        end += 1
    inner = " ".join(lines[g:end + 1]).strip().removeprefix("(").removesuffix(")")
    gazette, items = parse_gazette(inner)
    t = g
    while t > 0 and (not lines[t - 1] or is_upper(lines[t - 1])) and lines[t - 1] not in BOILERPLATE:
        t -= 1
    title = norm_space(" ".join(s for s in lines[t:g] if s)) or None
    preamble = [s for s in lines[:t] if s and s not in BOILERPLATE]
    return end + 1, title, gazette, items, preamble


class _Unit:
    """One citable unit before chunking: an article, an amending-law article, a preamble."""

    def __init__(self, loc: dict, char_start: int, meta: dict | None, heading: str | None,
                 chapter: str | None, lines: list[str]) -> None:
        self.loc, self.char_start, self.meta = loc, char_start, meta
        self.heading, self.chapter, self.lines = heading, chapter, lines


def _last_paragraph(lines: list[str]) -> int:
    """Index where the last paragraph of `lines` starts (wrapped lines count as one)."""
    k = len(lines) - 1
    while k > 0 and not terminated(lines[k - 1]) and not ITEM_RE.match(lines[k]):
        k -= 1
    return k


def _units(lines: list[str], offsets: list[int], start: int, markers: list, width: float,
           notes: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    outline, amend = Outline(), None  # amend: (name, gazette numbers, readable gazette)
    prev = start
    for i, kind, m in markers + [(len(lines), "end", None)]:
        body, gap, moved = split_region(lines[prev:i], width)
        if kind == "amend":  # the whole tail before the header is the previous article's body
            body, gap, moved = lines[prev:i], [], []
        if units:
            units[-1].lines += [s for s in body if s]
        elif any(body):
            notes.append(f"text before the first article kept as 'Uvod' (line {prev + 1})")
            units.append(_Unit({"section": "Uvod"}, offsets[prev], None, None, None, [s for s in body if s]))
        if kind == "end":
            break
        if kind == "amend":
            j = i
            while j < len(lines) and not GAZETTE_RE.match(lines[j]) and j - i < 6:
                j += 1
            header = norm_space(" ".join(lines[i:j]))
            name_m = AMEND_NAME_RE.match(AMEND_RE.sub("", header).strip())
            name = f"Zakon {name_m.group(1)}" if name_m else "Zakon o izmenama i dopunama"
            gz, _ = parse_gazette(lines[j].strip().strip("()") if j < len(lines) else "")
            numbers = re.sub(r"^.*?\bbr(oj)?\.\s*", "", gz)
            amend, outline = (name, numbers, gz), Outline()
            prev = j + 1
            continue
        outline.feed(gap)
        meta = None
        if kind == "group":
            loc = {"article": f"{m.group(1)}-{m.group(2)}"}
        elif amend or m.group(3):
            num = m.group(1) + m.group(2)
            name, numbers, gz = amend or ("Zakon o izmenama i dopunama", "", "")
            if not amend:
                notes.append(f"amending-law marker {m.group(3)} outside an amending section (line {i + 1})")
            loc = {"section": f"{name} ({gz}), čl. {num}" if gz else f"{name}, čl. {num}"}
            meta = {"amending_law": numbers, "amending_article": num}
        else:
            loc = {"article": m.group(1) + m.group(2)}
        if moved:
            notes.append(f"{len(moved)} line(s) printed above 'Član' (line {i + 1}) moved into its text")
        heading = None if kind == "group" else outline.heading  # a deleted range has no title
        units.append(_Unit(loc, offsets[i], meta, heading, None if amend else outline.chapter, moved))
        prev = i + 1
    # PDF-extracted files sometimes print an article's only paragraph above its heading:
    # an empty article takes the last paragraph of the one before it.
    for a, b in zip(units, units[1:]):
        if not b.lines and len(a.lines) > 1:
            k = max(1, _last_paragraph(a.lines))
            b.lines, a.lines = a.lines[k:], a.lines[:k]
            notes.append(f"empty {b.loc} took the last paragraph printed above its heading")
        elif b.lines and _ITEM.match(b.lines[0]):
            k = _lead_in(a.lines)
            if k:
                b.lines, a.lines = a.lines[k:] + b.lines, a.lines[:k]
                notes.append(f"{b.loc} took its lead-in printed above its heading")
    return units


# A list item ("1)", "a)", "- "), narrower than ITEM_RE: a stav "(1)" or "1." opens most
# articles and says nothing about a list carried over.
_ITEM = re.compile(r"^(\d+[a-zčćžšđ]?\)|[a-zčćžšđ]\)|[-–—•]\s)")


def _lead_in(lines: list[str]) -> int:
    """Where a list's lead-in starts at the end of `lines`, or 0. "Oštećeni ima pravo da:"
    is printed above "Glava V … Član 50", whose text opens at "1) podnese …" (with ZKP
    314, item 1 came along): a sentence ending in a colon, then only list items, opens
    the list the next article continues; no article ends in one."""
    j = len(lines) - 1
    while j > 0 and _ITEM.match(lines[j]) and not lines[j].endswith(":"):
        j -= 1
    if j < 1 or not lines[j].endswith(":") or _ITEM.match(lines[j]):
        return 0
    return max(1, _last_paragraph(lines[:j + 1]))


def _chunks(u: _Unit, source: str, title: str) -> list[Chunk]:
    body = rejoin(u.lines)
    if not body:
        return []
    pieces = split_long(body, MAX_CHUNK_CHARS)
    return [Chunk(source=source, kind="law", title=title, text=piece, char_start=u.char_start,
                  stav=stav_range(piece) if len(pieces) > 1 else None, meta=u.meta or {},
                  heading=u.heading, chapter=u.chapter, **u.loc)
            for _, piece in pieces]


def parse(text: str, source: str) -> Loaded:
    """Parse the decoded text of one statute into a Document and its article chunks."""
    raw_lines = text.splitlines(keepends=True)
    offsets, pos = [], 0
    for ln in raw_lines:
        offsets.append(pos)
        pos += len(ln)
    lines = [ln.strip() for ln in raw_lines]
    footer = next((i for i, s in enumerate(lines) if FOOTER_RE.match(s) and i > len(lines) // 2), len(lines))
    lines = lines[:footer]
    start, title, gazette, gazette_list, preamble = _header(lines)
    notes: list[str] = []
    if title is None:
        title = re.sub(r"_", " ", pathlib.PurePosixPath(source).stem).capitalize()
        notes.append("title not found in the file; derived from the file name")
    if not gazette:
        notes.append("gazette line not found")
    shown = display_title(title)
    width = sorted(len(s) for s in lines if s)[int(0.9 * max(1, sum(1 for s in lines if s)))] if any(lines) else 80

    markers = []  # (line index, kind, groups)
    for i in range(start, len(lines)):
        s = lines[i]
        for kind, rx in (("art", ARTICLE_RE), ("group", GROUP_RE), ("amend", AMEND_RE)):
            m = rx.match(s)
            if m:
                markers.append((i, kind, m))
                break
    if not any(k != "amend" for _, k, _ in markers):
        raise SkipFile("no article found (no 'Član N' line)")

    units = _units(lines, offsets, start, markers, width, notes)
    if sum(len(s) for s in preamble) >= 200:
        units.insert(0, _Unit({"section": "Preambula"}, 0, None, None, None, preamble))
    chunks = [c for u in units for c in _chunks(u, source, shown)]
    document = Document(source=source, kind="law", title=title, language="sr", script="latin", url=None,
                        meta={"gazette": gazette, "gazette_list": gazette_list, "title_display": shown})
    return Loaded(document=document, chunks=tuple(chunks), notes=tuple(notes))
