"""Loader for consolidated Serbian statutes in paragraf.rs plain text (`zakoni/*.txt`, Latin).

One article (`Član N`, `Član Na`) becomes one Chunk; the heading line(s) just before
`Član N` belong to article N, and `Glava`/part/section lines set the chapter. Hard-wrapped
lines are re-joined with single spaces; stavovi "(1)", tačke "1)" and alineje "- " keep
their own lines, so the source's words survive unchanged (only whitespace moves).
Articles of amending laws ("Samostalni članovi Zakona o izmenama …") restart numbering;
they are kept with article=None and described by `section`, so they never pose as
article N of the main law. Deleted groups ("Čl. 3-9 (Brisano)") keep the range as article.

It deliberately does not interpret the law (no cross-references, no validity dates) and
does not touch the site's HTML markup beyond decoding entities such as `&quot;`.
"""
from __future__ import annotations

import html
import pathlib
import re

from ingest.errors import SkipFile
from ingest.records import Chunk, Document, Loaded
from ingest.textutil import MAX_CHUNK_CHARS, split_long, stav_range

_L = "a-zčćžšđ"
BOILERPLATE = {"Sve informacije o propisu nađite", "OVDE", ".", "Tweet", "Prijavite se na", "mailing listu", "!", "*"}
FOOTER_RE = re.compile(r"^(Početna|Paragraf Lex d\.o\.o\.|Politika privatnosti|online@paragraf\.rs)$")
GAZETTE_RE = re.compile(r"^\(?[\"'“]?S[lL]\.\s*(glasnik|list|GLASNIK|LIST)\b")
ARTICLE_RE = re.compile(rf"^Član\s+(\d+)\s?([{_L}]{{0,3}})\s*\**\s*(\[s\d+\])?$")
GROUP_RE = re.compile(rf"^Čl(?:an|\.)\s+(\d+[{_L}]{{0,3}})\s*(?:-|do|i)\s*(\d+[{_L}]{{0,3}})\s*\**$")
AMEND_RE = re.compile(r"^Samostalni\s+član(ovi)?\b")
AMEND_NAME_RE = re.compile(r"^Zakona\s+(o\s+(?:izmen|dopun)\w*(?:\s+i\s+(?:izmen|dopun)\w*)?)")
PART_LABEL_RE = re.compile(r"^(Deo|DEO)\s+\S+$|^\S+\s+deo$")
GLAVA_LABEL_RE = re.compile(r"^(Glava|GLAVA)\s+\S+( \S+)?$")
GLAVA_RE = re.compile(r"^[IVXLC]+[a-z]?\.?\s+[A-ZČĆŽŠĐ][^a-zčćžšđ]*$")
SECTION_LABEL_RE = re.compile(r"^(Odsek|Odeljak|Pododeljak|ODSEK|ODELJAK)\s+\S+$")
SUB_RE = re.compile(rf"^(\d+(\.\d+)*[{_L}]?\.?|\d+\)|[{_L}]\d?[.)]|[IVXLC]+[a-z]?\.?|(Odsek|Odeljak|Pododeljak|ODSEK|ODELJAK)\s+\S+)\s+[A-ZČĆŽŠĐ]")
# A new line of article text starts at a stav "(1)", a tačka "1)" / "1." / "a)", an alineja "-".
ITEM_RE = re.compile(rf"^(\(\d+[{_L}]?\)|\d+[{_L}]?\)|\d+\.\s|[{_L}]\)\s|[-–—•*]\s?)")
# "(Brisano)" and the last line of a wrapped "(Prestalo da važi odlukom / US)" end a body too.
TERMINATED_RE = re.compile(r"[.,;:!?…][\"'”“»]?$|^\(.*\)$|^[^(]*\)$|\((prestal|brisan)[^()]*\)$", re.I)
SENTENCE_END_RE = re.compile(r"[.:;!?][\"'”“»)]?$")
# "… odredaba čl. / 8. i 9. ovog zakona": a wrap after an abbreviation is not a sentence end.
ABBREV_END_RE = re.compile(r"\b(čl|st|br|tač|tzv|odn|npr)\.$")
# Headings that end with a period, e.g. "Oslobođenje od kazne za dela iz čl. 400. do 404."
DOT_HEADING_RE = re.compile(r"^[A-ZČĆŽŠĐ][^.]{0,60}\bčl\.\s*\d.{0,30}\d+[a-z]?\.$")


def load(path: pathlib.Path, source: str) -> Loaded:
    """Read one paragraf.rs statute; SkipFile for empty, binary or article-less input."""
    raw = path.read_bytes()
    if not raw.strip():
        raise SkipFile("empty file")
    if b"\x00" in raw:
        raise SkipFile("binary content (NUL bytes), not a text statute")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SkipFile(f"not UTF-8 text ({e.reason} at byte {e.start})") from None
    return parse(text, source)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(s)).strip()


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _terminated(s: str) -> bool:
    # An all-caps line is a title even when wrapped after a comma ("…INSTRUMENTIMA,").
    return bool(TERMINATED_RE.search(s)) and not DOT_HEADING_RE.match(s) \
        and not (_is_upper(s) and len(s) > 12)


def display_title(title: str) -> str:
    """"KRIVIČNI ZAKONIK" -> "Krivični zakonik"; keeps "Republike Srbije" capitalised."""
    t = title.lower()
    t = t[:1].upper() + t[1:]
    return re.sub(r"\b(republik\w*) srbij(\w*)", lambda m: f"{m.group(1).capitalize()} Srbij{m.group(2)}", t)


def parse_gazette(inner: str) -> tuple[str, list[str]]:
    """'"Sl. glasnik RS", br. 85/2005, 88/2005 - ispr. i 94/2024' -> (readable, items)."""
    readable = _norm(re.sub(r"[\"'“”„]", "", inner))
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
    while t > 0 and (not lines[t - 1] or _is_upper(lines[t - 1])) and lines[t - 1] not in BOILERPLATE:
        t -= 1
    title = _norm(" ".join(s for s in lines[t:g] if s)) or None
    preamble = [s for s in lines[:t] if s and s not in BOILERPLATE]
    return end + 1, title, gazette, items, preamble


def _split_region(region: list[str], width: float) -> tuple[list[str], list[str], list[str]]:
    """Split the lines between two `Član` lines into (body of the previous article, gap lines
    holding chapter/heading lines, body lines of the next article that the source put
    above its `Član` line, a PDF-extraction quirk of a few files)."""
    lines = list(region)
    while lines and not lines[-1]:
        lines.pop()
    moved: list[str] = []
    for m in (1, 2):  # "Heading / first stav / Član N": the stav belongs after Član N.
        if len(lines) < m + 1:
            break
        h, cand = lines[-m - 1], lines[-m:]
        before = lines[-m - 2] if len(lines) > m + 1 else ""
        if (h and not _terminated(h) and h[0].isupper() and len(h) <= min(50, 0.6 * width)
                and all(c and _terminated(c) and (c[0].isupper() or ITEM_RE.match(c)) for c in cand)
                and (not before or _terminated(before))):
            moved, lines = cand, lines[:-m]
            break
    k = len(lines)
    while k > 0 and (not lines[k - 1] or (not _terminated(lines[k - 1]) and len(lines[k - 1]) <= 200
                                          and not re.match(r"^\(\d", lines[k - 1]))):
        k -= 1
    # "Pravo prioriteta razlučnog, / odnosno založnog poverioca": a heading wrapped after a comma.
    if 0 < k < len(lines) and lines[k][:1].islower() and lines[k - 1].endswith(",") \
            and len(lines[k - 1]) <= 80 and lines[k - 1][:1].isupper():
        k -= 1
    body, gap = lines[:k], lines[k:]
    # "7. Sudovi / <first stav> / Načela sudstva / Član 142": same quirk under a section title.
    if len(body) >= 2 and not moved and _structural(body[-2]) and body[-1][:1].isupper() \
            and _terminated(body[-1]) and (len(body) == 2 or _terminated(body[-3])):
        body, gap, moved = body[:-2], [body[-2]] + gap, [body[-1]]
    return body, gap, moved


def _structural(s: str) -> bool:
    return bool(not _terminated(s) and (SUB_RE.match(s) or GLAVA_RE.match(s) or PART_LABEL_RE.match(s)
                                        or GLAVA_LABEL_RE.match(s) or _is_upper(s)))


class _Outline:
    """The current part / glava / section and the running article heading.

    A heading printed once over a group of articles applies to each of them until the next
    heading or structural line (the Serbian drafting convention)."""

    def __init__(self) -> None:
        self.part = self.glava = self.sub = self.heading = None
        self._label: str | None = None  # a bare label ("Glava I", "Odsek 6") awaits its title line
        self._open: str | None = None  # a long uppercase title may continue on the next line

    def _set(self, level: str, value: str) -> None:
        if level == "part":
            self.glava = self.sub = None
        elif level == "glava":
            self.sub = None
        setattr(self, level, value)

    def feed(self, gap: list[str]) -> None:
        heading: list[str] = []
        last = None  # the element that a wrapped line (starting in lower case) continues
        for s in (_norm(x) for x in gap):
            if not s:
                continue
            if s[0].islower() and last and not SUB_RE.match(s):
                if last == "heading":
                    heading[-1] += " " + s
                else:
                    setattr(self, last, f"{getattr(self, last)} {s}")
                continue
            if _is_upper(s) and len(s) < 4:  # a cut-off fragment ("DBE" opening the digital-assets law)
                continue
            label = ("part" if PART_LABEL_RE.match(s) else "glava" if GLAVA_LABEL_RE.match(s)
                     else "sub" if SECTION_LABEL_RE.match(s) else None)
            if self._label and not label:  # the title line of a bare label
                level, self._label = self._label, None
                setattr(self, level, f"{getattr(self, level)} – {s}")
                self._open = level if _is_upper(s) and len(s) >= 60 else None
            elif label:
                level, self._label, self._open = label, label, None
                self._set(level, s)
            elif _is_upper(s) and self._open:
                level = self._open
                setattr(self, level, f"{getattr(self, level)} {s}")
                self._open = level if len(s) >= 60 else None
            elif _is_upper(s) or SUB_RE.match(s):
                level = ("part" if _is_upper(s) and s.endswith("DEO") else
                         "glava" if GLAVA_RE.match(s) or (self.glava is None and _is_upper(s)) else "sub")
                self._set(level, s)
                self._open = level if _is_upper(s) and len(s) >= 60 else None
            else:
                self._label = self._open = None
                heading.append(s)
                last = "heading"
                continue
            last = level
            self.heading = None
        if heading:
            self.heading = " ".join(heading)

    @property
    def chapter(self) -> str | None:
        top = self.glava or self.part
        return " › ".join(x for x in (top, self.sub) if x) or None


def rejoin(lines: list[str]) -> str:
    """Re-join hard-wrapped lines; stav/tačka/alineja markers and sentence ends keep breaks."""
    out: list[str] = []
    for s in (_norm(x) for x in lines):
        if not s:
            continue
        if out and (ABBREV_END_RE.search(out[-1]) or (not ITEM_RE.match(s) and not SENTENCE_END_RE.search(out[-1]))):
            out[-1] += " " + s
        else:
            out.append(s)
    return "\n".join(out)


class _Unit:
    """One citable unit before chunking: an article, an amending-law article, a preamble."""

    def __init__(self, loc: dict, char_start: int, meta: dict | None, heading: str | None,
                 chapter: str | None, lines: list[str]) -> None:
        self.loc, self.char_start, self.meta = loc, char_start, meta
        self.heading, self.chapter, self.lines = heading, chapter, lines


def _last_paragraph(lines: list[str]) -> int:
    """Index where the last paragraph of `lines` starts (wrapped lines count as one)."""
    k = len(lines) - 1
    while k > 0 and not _terminated(lines[k - 1]) and not ITEM_RE.match(lines[k]):
        k -= 1
    return k


def _units(lines: list[str], offsets: list[int], start: int, markers: list, width: float,
           notes: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    outline, amend = _Outline(), None  # amend: (name, gazette numbers, readable gazette)
    prev = start
    for i, kind, m in markers + [(len(lines), "end", None)]:
        body, gap, moved = _split_region(lines[prev:i], width)
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
            header = _norm(" ".join(lines[i:j]))
            name_m = AMEND_NAME_RE.match(AMEND_RE.sub("", header).strip())
            name = f"Zakon {name_m.group(1)}" if name_m else "Zakon o izmenama i dopunama"
            gz, _ = parse_gazette(lines[j].strip().strip("()") if j < len(lines) else "")
            numbers = re.sub(r"^.*?\bbr(oj)?\.\s*", "", gz)
            amend, outline = (name, numbers, gz), _Outline()
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
    return units


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
