"""Citation labels as a lawyer writes them, and where a quote sits inside an article.

    "KZ, čl. 388 st. 8"          statute article, stav, tačka ("ZBPP, čl. 4 st. 3 tač. 5")
    "Vrhovni sud, Rev2 1788/2024 od 10.05.2024."
    "Apelacioni sud u Beogradu, Bilten 1/2023, str. 57"
    "Rantsev v. Cyprus and Russia, § 281"
    "CETS 197, Art. 15"
    "Ugovor o radu, čl. 5, str. 2"   a user's document with articles (English: "Art. 5")
    „Sl. glasnik RS“, br. 72/2011, 101/2011      a statute's gazette line (gazette_citation)

Pure functions over a Chunk and its Document (plus the law short-name table, read once
from retrieval/data/aliases.json by retrieval.sources.aliases, when present). Does not choose what to cite.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping

from core.records import Chunk, Document
from core.text import find_words, to_cyrillic, to_latin
from retrieval.sources.aliases import ALIASES_FILE, load_aliases as aliases_table


_STAV = re.compile(r"^\((\d{1,3})\)\s", re.M)  # "(2) Za delo iz stava 1. …"
_ITEM = re.compile(r"^(\d{1,3})\)\s", re.M)  # "5) лицу које остварује …"
# A line that ends in one of these may be a wrapped line rather than a stav's end.
_AMBIGUOUS_END = re.compile(r"(\d|\b(?:čl|st|tač|br|tj|npr|sl|gl|čл|ст|тач|бр))\.$", re.I)
_AMENDING_ARTICLE = re.compile(r"(?:Član|Члан)\s+(\d+[a-zа-я]?)")
# A gazette's name up to its ", br." ("Sl. glasnik RS", "Sl. list SFRJ", "Службени гласник РС").
_GAZETTE_NAME = re.compile(r"((?:Sl\.|Službeni|Службени|Сл\.)\s+(?:glasnik|list|гласник|лист)\b[^,]*?)\s*,\s*(br\.|broj|бр\.|број)",
                           re.I)
_ACRONYM = re.compile(r"\b(rs|srs|us|usrs|usj|sfrj|srj|scg|fnrj)\b")


def load_aliases(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """{"<source path>": {"short": "KZ", "name": …}}: the entries of the one alias loader
    (`retrieval.sources.aliases.load_aliases`, which validates the file), or {} while the table
    is absent (labels then fall back to the documents' titles)."""
    path = Path(path) if path else ALIASES_FILE
    return aliases_table(path).entries if path.is_file() else {}


def law_name(chunk: Chunk, document: Document | None, aliases: Mapping[str, Any] | None = None) -> str:
    """The law's short name ("KZ") when one exists, else its title."""
    entry = (aliases if aliases is not None else load_aliases()).get(chunk.source) or {}
    if entry.get("short"):
        return entry["short"]
    meta = document.metadata if document else {}
    return meta.get("title_display") or entry.get("name") or (document.title if document else "") or chunk.title


def gazette_list(document: Document | None) -> list[str] | None:
    """The statute's gazette numbers (as listed by the loader), or None."""
    if document is None:
        return None
    meta = document.metadata
    if meta.get("gazette_list"):
        return [str(g) for g in meta["gazette_list"]]
    return [str(meta["gazette"])] if meta.get("gazette") else None


def gazette_citation(document: Document | None, script: str = "latin") -> str | None:
    """The statute's gazette line as a lawyer writes it, in `script`:
    '„Sl. glasnik RS“, br. 72/2011, 101/2011' (PIS: '„Службени гласник РС“, бр. …');
    None when the document names no gazette."""
    meta = document.metadata if document else {}
    text = " ".join(str(meta.get("gazette") or "").split())
    if not text and meta.get("gazette_list"):
        text = "Sl. glasnik RS, br. " + ", ".join(str(g) for g in meta["gazette_list"])
    if not text:
        return None
    text = re.sub(r"[\"“”„]", "", text)
    if not re.search(r"[a-zа-ш]", text):  # an all-caps header ("SL. GLASNIK RS, BR. 18/2016")
        text = _ACRONYM.sub(lambda m: m.group().upper(), text.lower())
    text = _GAZETTE_NAME.sub(lambda m: f"„{m.group(1)[0].upper()}{m.group(1)[1:]}“, {m.group(2).lower()}", text)
    return to_cyrillic(text) if script == "cyrillic" else to_latin(text)


def format_date(iso: str | None) -> str | None:
    """"2024-05-10" -> "10.05.2024." (how Serbian courts write dates)."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{m.group(3)}.{m.group(2)}.{m.group(1)}." if m else None


def _stav_from_blocks(blocks: list[tuple[int, str]], pos: int, first: int | None) -> tuple[str | None, str | None]:
    """Count stavovi over (offset, block) units: an item block "N)" is a tačka of the
    current stav, any other block opens the next stav. `first`: the stav a split piece
    of the article starts with (the chunk's `stav` range), else None."""
    stav, tacka = 0, None
    for start, block in blocks:
        if start > pos:
            break
        item = _ITEM.match(block)
        if item and (stav or first):
            stav, tacka = max(stav, 1), item.group(1)
        else:
            stav, tacka = stav + 1, None
    n_stavs = sum(1 for _, b in blocks if not _ITEM.match(b))
    # A one-stav article is cited by article alone ("ZOO, čl. 200"): a piece of a split
    # article never is one.
    if not stav or (first is None and n_stavs < 2):
        return None, tacka
    return str(stav + (first or 1) - 1), tacka


def _line_units(text: str) -> list[tuple[int, str]] | None:
    """Stav-sized units of a text without "(N)" markers, or None when unreliable.

    Blank lines separate units when present (the PIS layout). Otherwise a line opens a
    unit when the previous line ends a sentence and is visibly shorter than the wrap
    width (paragraf.rs texts are hard-wrapped at ~130 characters); a full-width line
    ending in "." or a line ending in "253." / "čl." cannot be told from a wrap, so the
    count is given up rather than guessed."""
    if re.search(r"\n[ \t]*\n", text):
        # A block runs until a blank line.
        return [(m.start(), m.group()) for m in re.finditer(r"\S(?:[^\n]|\n(?![ \t]*\n))*", text)]
    lines, offset = [], 0
    for ln in text.split("\n"):
        if ln.strip():
            lines.append((offset, ln.rstrip()))
        offset += len(ln) + 1
    wrapped = any(not ln.endswith((".", ":", ";")) for _, ln in lines[1:-1])
    width = max((len(ln) for _, ln in lines), default=0)
    units: list[tuple[int, str]] = []
    prev = ""
    for start, ln in lines:
        if not units or _ITEM.match(ln):
            units.append((start, ln))
        elif prev.endswith((".", ":", ";")):
            if wrapped and (_AMBIGUOUS_END.search(prev) or len(prev) >= 0.9 * width):
                return None
            units.append((start, ln))
        prev = ln
    return units


def locate_stav(text: str, quote: str, piece_stav: str | None = None) -> tuple[str | None, str | None]:
    """(stav, tačka) of the article text where `quote` starts; None for what cannot be
    told reliably. "(N)" markers decide when the text has them (a split piece keeps its
    stav numbers), else the paragraph layout does, counted from the first stav of the
    piece (`piece_stav`, the chunk's "3-5" range) when the article was split."""
    span = find_words(text, quote)
    if span is None:
        return None, None
    pos = span[0]
    marks = list(_STAV.finditer(text))
    if marks:
        before = [m for m in marks if m.start() <= pos]
        if not before:
            return None, None  # text before the piece's first marker: its stav is not in view
        stav_start = before[-1].start()
        items = [m for m in _ITEM.finditer(text, stav_start) if m.start() <= pos]
        return before[-1].group(1), (items[-1].group(1) if items else None)
    first = re.match(r"\d+", piece_stav or "")
    units = _line_units(text)
    return _stav_from_blocks(units, pos, int(first.group()) if first else None) if units else (None, None)


def _amending_article(chunk: Chunk) -> str | None:
    meta = chunk.metadata
    if meta.get("amending_article"):
        return str(meta["amending_article"])
    m = _AMENDING_ARTICLE.match((chunk.heading or "").strip()) or _AMENDING_ARTICLE.match(chunk.text.strip())
    return m.group(1) if m else None


def citation_label(
    chunk: Chunk,
    document: Document | None = None,
    stav: str | None = None,
    tacka: str | None = None,
    aliases: Mapping[str, Any] | None = None,
) -> str:
    """The human citation for a chunk (see the module docstring for the forms)."""
    meta = document.metadata if document else {}
    title = (document.title if document else None) or chunk.title
    kind = chunk.kind
    if kind == "law":
        if chunk.article is None and chunk.section:
            # An amending law's own article: named by that law, never as čl. N of the main law.
            num = _amending_article(chunk)
            has_num = num and re.search(rf"čl\.\s*{re.escape(num)}\b", chunk.section)
            return f"{chunk.section}, čl. {num}" if num and not has_num else chunk.section
        label = law_name(chunk, document, aliases)
        if chunk.article:
            label += f", čl. {chunk.article}"
            label += f" st. {stav}" if stav else ""
            label += f" tač. {tacka}" if tacka else ""
        return label
    if kind == "court_decision":
        parts = [meta.get("court") or title, meta.get("decision_number")]
        label = ", ".join(p for p in parts if p)
        date = format_date(meta.get("date") or meta.get("decision_date"))
        return f"{label} od {date}" if date else label
    if kind == "court_bulletin":
        issue = meta.get("issue")
        label = f"{meta['court']}, Bilten {issue}" if meta.get("court") and issue else meta.get("label") or title
        return f"{label}, str. {chunk.page}" if chunk.page else label
    if kind == "echr_judgment":
        return f"{title}, § {chunk.paragraph}" if chunk.paragraph else title
    if kind == "treaty":
        entry = (aliases if aliases is not None else load_aliases()).get(chunk.source) or {}
        name = meta.get("short") or entry.get("short") or title
        return f"{name}, Art. {chunk.article}" if chunk.article else name
    if kind == "user_document" and chunk.article:
        english = ((document.language if document else None) or "sr").startswith("en")
        title = f"{title}, {'Art.' if english else 'čl.'} {chunk.article}"
    return f"{title}, str. {chunk.page}" if chunk.page else title
