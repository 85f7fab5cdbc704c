"""Loader for statutes from the official Pravno-informacioni sistem (`zakoni/pis/*.json`, Cyrillic).

Each provision `{provision_ref, chapter, section, title: "Члан 4а. Наслов", content}` becomes
one Chunk (split at paragraph boundaries when long). The article number's letter suffix is
written in Latin ("4а" -> "4a") so that a citation finds it in either script. The content
is kept as in the source, stray Latin letters inside Cyrillic words included (the retrieval
analyzer handles them); only whitespace changes: a paragraph's hard-wrapped lines are
re-joined and paragraphs are separated by single newlines. The next article's title,
which PIS prints as the last paragraph of an article's content, heads that article
instead (`trailing_titles`).

Stav numbers of split pieces come from counting paragraphs that are not list items (PIS
texts carry no "(1)" markers); it does not transliterate anything.
"""
from __future__ import annotations

import pathlib
import re
from typing import Any

from core.errors import SkipFile
from ingest.jsonfile import read_json
from core.records import Chunk, Document, Loaded
from ingest.textutil import MAX_CHUNK_CHARS, split_long

CYR_TO_LAT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
              "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
              "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
              "ч": "č", "џ": "dž", "ш": "š"}
TITLE_RE = re.compile(r"^\s*(?:Члан|Član)\s+(\d+)\s*([^\W\d_]{0,3})\s*\.?\s*(.*)$", re.S)
# Paragraphs that are not stavovi: tačke "1)", alineje "–", lettered items, editorial notes.
ITEM_RE = re.compile(r"^(\d+[^\W\d_]?\)|[^\W\d_]\)|[-–—•]|\*|НАПОМЕНА)")
# A stav (opening sentence + its list) may exceed the limit by this factor rather than be
# cut from its list: ZBPP čl. 4 st. 3 lists all 13 beneficiary groups in ~1540 chars.
STAV_SLACK = 1.25
GAZETTE_RE = re.compile(r"Службени гласник:\s*(.*?)\s*(?:Област:|Извор:|$)", re.S)


def load(path: pathlib.Path, source: str) -> Loaded:
    """Read one PIS JSON statute; SkipFile for empty, binary, invalid or provision-less input."""
    data = read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("provisions"), list) or not data["provisions"]:
        raise SkipFile("no provisions in the JSON (expected a non-empty 'provisions' list)")
    return parse(data, source)


def latin_suffix(suffix: str) -> str:
    """Cyrillic article letter to Latin ("а" -> "a", "љ" -> "lj"); Latin stays as is."""
    return "".join(CYR_TO_LAT.get(c, c) for c in suffix.lower())


def parse_gazette(description: str) -> tuple[str, list[str]]:
    """'Службени гласник: 94/2016-3, 10/2023-14 (др. закон) Област: …' ->
    ('Службени гласник РС, бр. 94/2016, 10/2023 (др. закон)', ['94/2016', '10/2023 (др. закон)'])."""
    m = GAZETTE_RE.search(description or "")
    if not m:
        return "", []
    items = []
    for part in re.split(r",\s*", m.group(1).strip()):
        num = re.match(r"^(\d+/\d{2,4})(?:-\d+)?\s*(.*)$", part.strip())
        if num:
            items.append(f"{num.group(1)} {num.group(2)}".strip())
    return (f"Службени гласник РС, бр. {', '.join(items)}" if items else ""), items


def paragraphs(content: str) -> list[str]:
    """Blank-line separated paragraphs, each re-joined onto one line."""
    return [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", content or "") if p.strip()]


def _heading(rest: str) -> str | None:
    """The article title after "Члан N."; None where the source put no title or put a
    stray list item or chapter line there instead."""
    rest = re.sub(r"\s+", " ", rest).strip()
    if not rest or re.fullmatch(r"\d+\s*[^\W\d_]{0,3}\.?", rest) or re.match(r"^(\d+\)|Глава\s)", rest):
        return None
    return rest


_TERMINAL = re.compile(r"[.,:;!?…»\"”“)\]]$")


def trailing_titles(paras: list[str]) -> tuple[list[str], str | None]:
    """The article's own paragraphs, and the next article's title its content ends with.

    PIS prints the next article's title (and a new chapter's lines) as the last
    paragraphs of an article's content: "… извршењу судских одлука." then "Кривична дела
    за која одговарају правна лица". Such a paragraph is short, opens with a capital and
    ends in no punctuation, which no sentence, list item or "(брисано)" does; quoting it
    as the article's words would put another article's title into this one. Chapter lines
    (all capitals, or "Глава …") are dropped: the provision's `chapter` carries them."""
    run = 0
    while run < len(paras) - 1 and _is_title(paras[-1 - run]):
        run += 1
    # More than a chapter line, a section line and a title in a row is a list of names
    # (the villages of a municipality), not titles.
    if not run or run > _MAX_TITLE_LINES:
        return paras, None
    lines = paras[-run:]
    return paras[:-run], next((line for line in reversed(lines) if not _is_chapter(line)), None)


_MAX_TITLE_LINES = 3


def _is_title(p: str) -> bool:
    return (len(p) <= 160 and p[:1].isupper() and not _TERMINAL.search(p) and not ITEM_RE.match(p)
            and "гласник" not in p.lower())  # an amending law's gazette note is no title


def _is_chapter(p: str) -> bool:
    letters = [c for c in p if c.isalpha()]
    return bool(re.match(r"^(Глава|ГЛАВА|Део|ДЕО|Одељак|ОДЕЉАК)\b", p)) or all(c.isupper() for c in letters)


def pack(paras: list[str], max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[str, str | None]]:
    """Split an article into (piece, stav range) at stav boundaries: a stav is a paragraph
    with the list items that follow it, so a list never leaves its opening sentence. A
    single stav longer than max_chars * STAV_SLACK is cut at line boundaries by split_long."""
    groups: list[list[str]] = []
    for p in paras:
        if groups and ITEM_RE.match(p):
            groups[-1].append(p)
        else:
            groups.append([p])
    pieces: list[tuple[str, str | None]] = []
    buf: list[str] = []
    first = 1

    def flush(last: int) -> None:
        if buf:
            pieces.append(("\n".join(buf), str(first) if first == last else f"{first}-{last}"))

    for n, g in enumerate(groups, start=1):
        text = "\n".join(g)
        if buf and len("\n".join(buf)) + 1 + len(text) > max_chars:
            flush(n - 1)
            buf, first = [], n
        if len(text) > max_chars * STAV_SLACK:
            pieces.extend((piece, str(n)) for _, piece in split_long(text, max_chars))
            buf, first = [], n + 1
        else:
            buf.append(text)
    flush(len(groups))
    return pieces


def parse(data: dict[str, Any], source: str) -> Loaded:
    """Build the Document and one chunk per article (pieces for long ones)."""
    title = re.sub(r"\s+", " ", str(data.get("title") or "")).strip() or pathlib.PurePosixPath(source).stem
    gazette, gazette_list = parse_gazette(str(data.get("description") or ""))
    meta = {"gazette": gazette, "gazette_list": gazette_list}
    if data.get("title_en"):
        meta["title_en"] = str(data["title_en"]).strip()
    doc = Document(source=source, kind="law", title=title, language="sr", script="cyrillic",
                   url=data["url"] if isinstance(data.get("url"), str) and data["url"] else None, meta=meta)
    chunks: list[Chunk] = []
    notes: list[str] = []
    seen: set[str] = set()
    carried: str | None = None  # the title the previous article's content ended with
    for i, prov in enumerate(data["provisions"]):
        if not isinstance(prov, dict):
            notes.append(f"provision {i} is not an object; skipped")
            continue
        m = TITLE_RE.match(str(prov.get("title") or ""))
        ref = re.match(r"^art(\d+)([^\W\d_]*)$", str(prov.get("provision_ref") or ""))
        if m:
            number, suffix, rest = m.group(1), m.group(2), m.group(3)
        elif ref:
            number, suffix, rest = ref.group(1), ref.group(2), ""
        else:
            notes.append(f"provision {prov.get('provision_ref')!r} is not an article; skipped")
            continue
        article = number + latin_suffix(suffix)
        paras, title_after = trailing_titles(paragraphs(str(prov.get("content") or "")))
        heading = _heading(rest) or carried
        carried = title_after
        if not paras:
            notes.append(f"article {article} has no content; skipped")
            continue
        if article in seen:
            notes.append(f"article {article} appears twice; both kept")
        seen.add(article)
        pieces = pack(paras)
        chapter = re.sub(r"\s+", " ", str(prov.get("chapter") or "")).strip() or None
        offset = 0  # char_start: the piece's offset in the article's re-joined text
        for piece, stav in pieces:
            chunks.append(Chunk(source=source, kind="law", title=title, text=piece, article=article,
                                stav=stav if len(pieces) > 1 else None, heading=heading,
                                chapter=chapter, char_start=offset))
            offset += len(piece) + 1
    if not chunks:
        raise SkipFile("no article found in the provisions")
    return Loaded(document=doc, chunks=tuple(chunks), notes=tuple(notes))
