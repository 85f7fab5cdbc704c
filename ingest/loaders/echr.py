"""Loader for ECtHR judgments from HUDOC research datasets: `echr/*.json`.

One numbered paragraph ("281. The Court considers…") becomes one chunk with
paragraph="281"; its text is the source's, leading number included, so quotes and
offsets match HUDOC. A paragraph longer than MAX_CHUNK_CHARS is cut at sentence
boundaries, each piece keeping the number.

The datasets flatten the judgment's headings into the paragraph before them
("…not necessary to hold one. I. THE CIRCUMSTANCES OF THE CASE"). Such a trailing
heading is cut off that paragraph and becomes `heading` of the paragraphs after it,
with its parents ("V. ALLEGED VIOLATION OF ARTICLE 4 OF THE CONVENTION – 1. Application
of Article 4 of the Convention"). Unnumbered paragraphs are quotations or sub-paragraphs
of the numbered one before them and are joined to it (a line break between); before
the first numbered paragraph they form a chunk with paragraph=None. A number that does
not continue the sequence ("1. Each Party shall…" inside a quoted treaty) is treated the
same way, so paragraph numbers are unique and increasing.

The judgment's year is taken only from the file's `year` field: the texts carry no
delivery date. It does not parse the operative part or separate opinions.
"""
from __future__ import annotations

import pathlib
import re
from typing import Any

from core.errors import SkipFile
from ingest.jsonfile import read_json_object
from ingest.textutil import split_text
from core.records import Chunk, Document, Loaded

HUDOC_URL = "https://hudoc.echr.coe.int/eng?i={itemid}"
MAX_GAP = 20  # a paragraph number may skip ahead this far ("facts" extracts start at 5)
MAX_HEADING_CHARS = 400
PARA_RE = re.compile(r"^(\d{1,3})\.\s+\S")
APP_NO_RE = re.compile(r"\(nos?\.\s*(\d+/\d{2}(?:\s*(?:,|and)\s*\d+/\d{2})*)\)")
TERMINAL_RE = re.compile(r"[.;:!?…]\s?[\"”’)\]]*\s*$")
# Where a trailing heading may begin: after the end of a sentence.
AFTER_SENTENCE_RE = re.compile(r"[.;:!?…]\s?[\"”’)\]]*\s+")
_ROMAN, _roman = r"[IVX]{1,5}", r"[ivx]{1,4}"
MARKER = rf"(?:(?:{_ROMAN}|[A-H]|{_roman}|[a-h]|\d{{1,2}})\.|\((?:{_roman}|[a-h])\))"
HEADING_START_RE = re.compile(rf"{MARKER}\s+[\"“‘]?[A-Z]|[A-Z]{{2,}}[A-Z’'\-]*\s+[A-Z]{{2,}}")
SENTENCE_INSIDE_RE = re.compile(r"[a-z0-9]{2}[.;!?][\"”’)]?\s+[\"“]?[A-Z]")
ELEMENT_SPLIT_RE = re.compile(rf"\s+(?={MARKER}\s+[\"“‘]?[A-Z])")
SMALL_WORDS = {"AND", "THE", "OF", "DER"}
INITIALS_RE = re.compile(r"^(?:[^\W\d_]\.)+,?$")


def case_title(case_name: str) -> str:
    """'CASE OF C.N. v. THE UNITED KINGDOM' -> 'C.N. v. the United Kingdom'."""
    name = re.sub(r"^\s*CASE\s+OF\s+", "", case_name.strip(), flags=re.I)
    words = name.split()
    out = []
    for i, w in enumerate(words):
        if w == "v." or INITIALS_RE.match(w):
            out.append(w)
        elif i > 0 and w.upper() in SMALL_WORDS:
            out.append(w.lower())
        else:
            # Turkish İ lowercases to "i̇" (i + combining dot); the name wants a plain i.
            out.append("-".join(p[:1].upper() + p[1:].replace("İ", "I").lower() for p in w.split("-")))
    return " ".join(out)


def heading_level(element: str) -> int:
    """1 for "IV." / all-caps titles, then A. > 1. > (a)/a. > (i)/i."""
    m = re.match(rf"^\(?({_ROMAN}|[A-H]|{_roman}|[a-h]|\d{{1,2}})[.)]", element)
    if not m:
        return 1
    tok = m.group(1)
    if re.fullmatch(_ROMAN, tok):
        return 1
    if re.fullmatch(r"[A-H]", tok):
        return 2
    if tok.isdigit():
        return 3
    return 5 if re.fullmatch(_roman, tok) else 4


def looks_like_heading(text: str) -> bool:
    return (len(text) <= MAX_HEADING_CHARS and bool(HEADING_START_RE.match(text))
            and not SENTENCE_INSIDE_RE.search(text) and not TERMINAL_RE.search(text))


def split_trailing_heading(text: str) -> tuple[str, str | None]:
    """(body, heading) when `text` ends with a heading glued on after its last sentence."""
    if TERMINAL_RE.search(text):
        return text, None
    for m in AFTER_SENTENCE_RE.finditer(text):
        tail = text[m.end():]
        if looks_like_heading(tail):
            return text[: m.start() + len(m.group().rstrip())], tail.strip()
    return text, None


class HeadingTrail:
    """The open headings, outermost first; a new heading closes those at its level or deeper."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []

    def add(self, heading: str) -> None:
        for element in ELEMENT_SPLIT_RE.split(heading.strip()):
            level = heading_level(element)
            self.stack = [(lv, e) for lv, e in self.stack if lv < level] + [(level, element)]

    @property
    def text(self) -> str | None:
        return " – ".join(e for _, e in self.stack) or None


def number_paragraphs(texts: list[str], notes: list[str]) -> list[int | None | str]:
    """Per paragraph: its number, None (text without one), or "heading"."""
    marks: list[int | None | str] = []
    last = None
    for text in texts:
        m = PARA_RE.match(text)
        number = int(m.group(1)) if m else None
        if number is not None and (last is None or last < number <= last + MAX_GAP):
            marks.append(number)
            last = number
        else:
            marks.append("heading" if looks_like_heading(text) else None)
    # One unnumbered paragraph alone in a one-number gap (49, "“Judging by…”", 51) is
    # that paragraph: the dataset dropped its lead-in "50. The letter stated:".
    numbered = [i for i, mk in enumerate(marks) if isinstance(mk, int)]
    for a, b in zip(numbered, numbered[1:]):
        between = [i for i in range(a + 1, b) if marks[i] is None]
        if marks[b] == marks[a] + 2 and len(between) == 1:
            marks[between[0]] = marks[a] + 1
            notes.append(f"paragraph {marks[a] + 1} has no number in the source; numbered from its neighbours")
    return marks


def group_paragraphs(paragraphs: list[str], notes: list[str]) -> list[dict[str, Any]]:
    """[{number, text, heading, start}] with headings cut out and unnumbered text joined."""
    starts, offset = [], 0
    for raw in paragraphs:
        starts.append(offset)
        offset += len(raw) + 2
    texts = [p.strip() for p in paragraphs]
    keep = [i for i, t in enumerate(texts) if t]
    marks = number_paragraphs([texts[i] for i in keep], notes)
    groups: list[dict[str, Any]] = []
    trail, joined = HeadingTrail(), 0
    for i, mark in zip(keep, marks):
        if mark == "heading":
            trail.add(texts[i])
            continue
        body, heading = split_trailing_heading(texts[i])
        if isinstance(mark, int):
            groups.append({"number": str(mark), "text": body, "heading": trail.text, "start": starts[i]})
        elif groups:
            groups[-1]["text"] += "\n" + body
            joined += 1
        else:
            groups.append({"number": None, "text": body, "heading": trail.text, "start": starts[i]})
        if heading:
            trail.add(heading)
    if joined:
        notes.append(f"{joined} unnumbered paragraph(s) (quotations, sub-paragraphs) joined to the numbered one before")
    return groups


def load(path: pathlib.Path, source: str) -> Loaded:
    data = read_json_object(path)
    case_name = data.get("case_name")
    paragraphs = data.get("paragraphs")
    if not isinstance(case_name, str) or not case_name.strip():
        raise SkipFile("missing 'case_name'")
    if not isinstance(paragraphs, list) or not any(isinstance(p, str) and p.strip() for p in paragraphs):
        raise SkipFile("missing or empty 'paragraphs'")
    notes: list[str] = []
    itemid = str(data.get("itemid") or "").strip()
    if not itemid:
        itemid = path.stem
        notes.append(f"itemid missing; using the file name {itemid!r}")
    url = data["url"] if isinstance(data.get("url"), str) and data["url"] else HUDOC_URL.format(itemid=itemid)
    title = case_title(case_name)
    texts = [p for p in paragraphs if isinstance(p, str)]
    meta: dict[str, Any] = {"itemid": itemid, "text_scope": data.get("text_scope")}
    if isinstance(data.get("year"), int):
        meta["year"] = data["year"]
    app = APP_NO_RE.search(" ".join(texts[:3]))
    if app:
        meta["application_no"] = app.group(1)
    for key in ("respondent", "conclusion"):
        if data.get(key):
            meta[key] = data[key]
    document = Document(source=source, kind="echr_judgment", title=title, language="en",
                        script="latin", url=url, meta=meta)
    chunks = []
    for g in group_paragraphs(texts, notes):
        for off, piece in split_text(g["text"]):
            chunks.append(Chunk(source=source, kind="echr_judgment", title=title, text=piece,
                                paragraph=g["number"], heading=g["heading"], char_start=g["start"] + off))
    if not chunks:
        raise SkipFile("no paragraph with text")
    return Loaded(document=document, chunks=tuple(chunks), notes=tuple(notes))
