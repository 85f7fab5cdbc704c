"""Loader for case-law bulletins: `sudska_praksa/bilteni/{as_bg,as_nis,vks}/*.pdf`.

Bulletins of the Appellate Court in Belgrade (as_bg), the Appellate Court in Niš
(as_nis) and the Supreme Court (vks: the issues here, 3/2023 and 3/2025, are
published by the "Vrhovni sud", the court's name since 2023). One chunk per page, or
per block when a page is longer than MAX_CHUNK_CHARS, with the 1-based PDF page as
locator. `section` is the nearest all-caps heading above the text (a legal matter
such as "KRIVIČNO PRAVO" or a sentence's title such as "NAKNADA ŠTETE ZBOG…"), carried
over from earlier pages, in the source's script.

Statistical tables and tables of contents are dropped (blocks of lines dominated by
numbers, percentages or dot leaders, with their short header cells) so that they do
not drown the legal text; pages left with (almost) nothing produce no chunk. Both
are reported in notes.

It does not split a page by decision, nor parse decision numbers or dates out of the
sentences.
"""
from __future__ import annotations

import pathlib
import re

from core.errors import SkipFile
from ingest.textutil import script_of, split_text
from ingest.pdftext import extract_pages
from core.records import Chunk, Document, Loaded
from core.text import to_latin

COURTS = {
    "as_bg": "Apelacioni sud u Beogradu",
    "as_nis": "Apelacioni sud u Nišu",
    "vks": "Vrhovni sud",
}
# For a bulletin outside the known folders: the court named on its first pages (Latin, lowercase).
COURT_TEXT = (
    ("apelacioni sud u beogradu", "Apelacioni sud u Beogradu"),
    ("apelacionog suda u beogradu", "Apelacioni sud u Beogradu"),
    ("apelacioni sud u nišu", "Apelacioni sud u Nišu"),
    ("apelacionog suda u nišu", "Apelacioni sud u Nišu"),
    ("vrhovni kasacioni sud", "Vrhovni kasacioni sud"),
    ("vrhovni sud", "Vrhovni sud"),
)
FRONT_PAGES = 4
MIN_PAGE_LETTERS = 40  # fewer letters: a blank, divider or cover page
MIN_LETTERS_BESIDE_TABLE = 300  # a table page's caption/footnote alone is not worth a chunk
MIN_TABLE_NUMERIC_LINES = 3
NUMERIC_TOKEN_RE = re.compile(r"^[-–+(]?[\d.,:/%]*\d[\d.,:/%)]*$|^[-–—/.]+$")
DOT_LEADER_RE = re.compile(r"(?:\.\s?){5,}\s*\d*\s*$|…{3,}")
LETTER_RE = re.compile(r"[^\W\d_]")
# "бр. 13" / "бр. 3/2023" on a line of its own: the cover. The CIP record's "2010, бр. 1-"
# names the series' first issue, not this one.
COVER_NUMBER_RE = re.compile(r"^\s*br(?:oj)?\.?\s*(\d{1,2})(?:\s*/\s*(?:19|20)\d\d)?\.?\s*$", re.M)
HEADING_STOP = {"iz obrazloženja", "sadržaj", "sadrzaj", "obrazloženje", "izreka"}


def _is_numeric_line(line: str) -> bool:
    tokens = line.split()
    if not tokens:
        return False
    if DOT_LEADER_RE.search(line):
        return True
    return sum(1 for t in tokens if NUMERIC_TOKEN_RE.match(t)) * 2 >= len(tokens)


def _is_cell_line(line: str) -> bool:
    """A table header/label cell: a few words, or an all-caps label."""
    s = line.strip()
    letters = LETTER_RE.findall(s)
    return len(s) <= 30 and len(s.split()) <= 4 or (bool(letters) and s.upper() == s)


def drop_tables(text: str) -> tuple[str, int]:
    """(text without table-like blocks, number of blocks dropped).

    A block is a run of numeric and cell lines holding at least
    MIN_TABLE_NUMERIC_LINES numeric ones; prose lines end it."""
    lines = text.split("\n")
    kinds = ["num" if _is_numeric_line(ln) else "cell" if ln.strip() and _is_cell_line(ln) else
             "blank" if not ln.strip() else "text" for ln in lines]
    keep = [True] * len(lines)
    blocks = 0
    i = 0
    while i < len(lines):
        if kinds[i] == "text":
            i += 1
            continue
        j = i
        while j < len(lines) and kinds[j] != "text":
            j += 1
        if sum(1 for k in kinds[i:j] if k == "num") >= MIN_TABLE_NUMERIC_LINES:
            keep[i:j] = [False] * (j - i)
            blocks += 1
        i = j
    out = "\n".join(ln for ln, k in zip(lines, keep) if k)
    return re.sub(r"\n{3,}", "\n\n", out).strip(), blocks


def headings(text: str) -> list[tuple[int, str]]:
    """(offset, heading) for each run of all-caps lines that reads as a heading."""
    out: list[tuple[int, str]] = []
    run: list[str] = []
    start = pos = 0
    for line in text.split("\n") + [""]:
        s = line.strip()
        letters = LETTER_RE.findall(s)
        caps = len(letters) >= 4 and s.upper() == s and not DOT_LEADER_RE.search(s)
        if caps:
            if not run:
                start = pos
            run.append(s)
        elif run:
            # "ПРАВО НА ЖИВОТ1", "КАМАТА*": a footnote mark is not part of the title
            title = re.sub(r"(?<=[^\W\d_])[\d*]+$", "", re.sub(r"\s+", " ", " ".join(run)).strip(" .:"))
            words = [w for w in title.split() if LETTER_RE.search(w)]
            if (len(words) >= 2 and sum(len(w) for w in words) / len(words) >= 3
                    and to_latin(title).lower() not in HEADING_STOP and len(title) <= 250):
                out.append((start, title))
            run = []
        pos += len(line) + 1
    return out


def _court(folder: str, front: str) -> str | None:
    if folder in COURTS:
        return COURTS[folder]
    latin = to_latin(front).lower()
    return next((name for key, name in COURT_TEXT if key in latin), None)


def issue_and_year(stem: str, front: str) -> tuple[str | None, str | None]:
    """("13/2023", "2023") from the file name, falling back to the cover text."""
    latin = to_latin(front).lower()
    span = re.search(r"((?:19|20)\d\d)-(\d\d)\b", stem)  # bilten_2023-24
    if span:
        return f"{span.group(1)}/{span.group(2)}", span.group(1)
    year_m = re.search(r"(?:19|20)\d\d", stem) or re.search(r"\b((?:19|20)\d\d)\.?\s*god", latin)
    year = year_m.group(0)[:4] if year_m else None
    number_m = (re.search(r"_(\d{1,2})_(?:19|20)\d\d", stem) or re.search(r"(?:19|20)\d\d_(\d{1,2})$", stem)
                or COVER_NUMBER_RE.search(latin))
    if number_m and year:
        return f"{int(number_m.group(1))}/{year}", year
    return year, year


def load(path: pathlib.Path, source: str) -> Loaded:
    pages = extract_pages(path)
    front = "\n".join(text for _, text in pages[:FRONT_PAGES])
    parts = source.split("/")
    court = _court(parts[-2] if len(parts) >= 2 else "", front)
    issue, year = issue_and_year(path.stem, front)
    label = ", ".join(p for p in (court, f"Bilten {issue}" if issue else "Bilten") if p)
    title = f"{court} – Bilten {issue}" if court and issue else label
    full = "\n".join(text for _, text in pages)
    if not LETTER_RE.search(full):
        raise SkipFile("no extractable text in any page (scanned PDF?)")
    doc = Document(source=source, kind="court_bulletin", title=title, script=script_of(full), url=None,
                   meta={"court": court, "issue": issue, "year": year, "pages": len(pages), "label": label})

    chunks: list[Chunk] = []
    empty, table_only = [], []
    tables = 0
    section: str | None = None
    for number, raw in pages:
        text, dropped = drop_tables(raw)
        tables += dropped
        letters = len(LETTER_RE.findall(text))
        heads = headings(text)
        if dropped and letters < MIN_LETTERS_BESIDE_TABLE:
            table_only.append(number)
        elif letters < MIN_PAGE_LETTERS:
            empty.append(number)
        else:
            for off, piece in _pieces(text):
                off += len(piece) - len(piece.lstrip())
                chunks.append(Chunk(source=source, kind="court_bulletin", title=title, text=piece.strip(),
                                    page=number, section=_section_at(heads, off, len(piece), section),
                                    char_start=off))
        section = heads[-1][1] if heads else section
    notes = []
    if empty:
        notes.append(f"{len(empty)} pages with no text (blank, cover or scanned): {_pages(empty)}")
    if table_only:
        notes.append(f"{len(table_only)} pages held only tables: {_pages(table_only)}")
    if tables:
        notes.append(f"dropped {tables} table blocks")
    if court is None:
        notes.append(f"court not recognised (folder {parts[-2] if len(parts) >= 2 else '?'!r})")
    return Loaded(document=doc, chunks=tuple(chunks), notes=tuple(notes))


def _pieces(text: str) -> list[tuple[int, str]]:
    """split_text, with a scrap too small to stand alone (a gazette-number line left
    after a long paragraph) joined to the piece before it."""
    out: list[tuple[int, str]] = []
    for off, piece in split_text(text):
        if out and len(LETTER_RE.findall(piece)) < MIN_PAGE_LETTERS:
            out[-1] = (out[-1][0], text[out[-1][0]:off + len(piece)])
        else:
            out.append((off, piece))
    return out


def _section_at(heads: list[tuple[int, str]], off: int, size: int, carried: str | None) -> str | None:
    """The heading in force where the piece starts, else the first one inside it."""
    before = [h for o, h in heads if o <= off]
    if before:
        return before[-1]
    if carried:
        return carried
    return next((h for o, h in heads if o < off + size), None)


def _pages(numbers: list[int], limit: int = 12) -> str:
    shown = ", ".join(map(str, numbers[:limit]))
    return shown + (f" … (+{len(numbers) - limit})" if len(numbers) > limit else "")
