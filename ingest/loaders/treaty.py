"""Loader for international treaties in Markdown: `medjunarodni/*.md` (English).

The files come from a Dutch treaty database: a `####` title, a preamble, division
headings (`### CHAPTER  IV` / `###SECTION 2` / `###II` / `### PART  I` / `### Appendix`,
each followed by a `####` title line), and `### Article  N` followed by an optional
`####` article title ("Compensation and legal redress"; the ECHR writes "- Right to
life"; ILO C29 and the slavery conventions have none). One article becomes one chunk
(article="15", heading=its title, chapter="CHAPTER III – MEASURES TO PROTECT …", with the
section appended when a chapter has sections); the preamble is a chunk with
section="Preamble"; the closing formula ("IN WITNESS WHEREOF … DONE at …") and annexed
texts after the articles (ETS 116's Resolution (77)27, appendices) are chunks of their
own with article=None, so they never pose as part of the last article. Long units are
split at line/sentence boundaries and keep their locator.

Cleanup: Markdown links keep their text, emphasis and <sup> markup are dropped, table
rows become plain lines. A Dutch translation appended after the English text (ILO C29,
the 1926 Slavery Convention, the Smuggling Protocol) and the Dutch note "Treedt in werking
op een nader te bepalen tijdstip" are left out, with a note. `char_start` is the offset
of the unit's first line in the file. The short citation name ("CETS 197") comes from
the file name via SHORT_NAMES; the files carry no official URL, so `url` is None unless
a line holds an http(s) link to coe.int / un.org / ilo.org / ohchr.org.

It does not resolve cross-references between articles or treaties.
"""
from __future__ import annotations

import pathlib
import re

from ingest import limits
from core.errors import SkipFile
from ingest.textutil import split_text
from core.records import Chunk, Document, Loaded
from ingest.textutil import clean_spaces

SHORT_NAMES = {
    "cets197-convention-action-against-trafficking": "CETS 197",
    "cets198-laundering-confiscation-proceeds": "CETS 198",
    "cets201-lanzarote-convention": "CETS 201",
    "cets210-istanbul-convention": "CETS 210",
    "crc-optional-protocol-sale-of-children": "CRC OP-SC",
    "echr-convention-human-rights": "ETS 5",
    "ets116-compensation-victims-violent-crimes": "ETS 116",
    "ilo-c189-domestic-workers": "ILO C189",
    "ilo-c29-forced-labour": "ILO C29",
    "palermo-protocol-trafficking-in-persons": "Palermo Protocol",
    "slavery-convention-1926": "Slavery Convention 1926",
    "smuggling-of-migrants-protocol": "Smuggling Protocol",
    "supplementary-convention-abolition-slavery-1956": "Supplementary Slavery Convention 1956",
    "untoc-convention-transnational-organized-crime": "UNTOC",
}
# Where the file's first heading is not the treaty's name ("LEAGUE OF NATIONS.").
TITLE_OVERRIDES = {
    "ilo-c29-forced-labour": "Forced Labour Convention, 1930 (No. 29)",
    "slavery-convention-1926": "Slavery Convention (1926)",
}
ARTICLE_RE = re.compile(r"^#{2,}\s*(?:Article|ARTICLE|Art\.)\s+(\d+[a-z]?|[IVXLC]+)\s*(?:[–—:-]\s*(.*?))?\s*$")
DIVISION_RE = re.compile(r"^#{2,}\s*(?:(CHAPTER|Chapter|SECTION|Section|PART|Part)\s+(\S+)|([IVXLC]+)|(Appendix|APPENDIX|Annex|ANNEX))\s*$")
TITLE_RE = re.compile(r"^#{2,}\s*(.*?)\s*$")
CLOSING_RE = re.compile(r"^(in witness whereof|in faith whereof|done at)\b", re.I)
URL_RE = re.compile(r"https?://[^\s)\]]*(?:coe\.int|un\.org|ilo\.org|ohchr\.org)[^\s)\]]*")
DUTCH_NOTE = "Treedt in werking op een nader te bepalen tijdstip"
DUTCH_WORDS = {"de", "het", "een", "van", "en", "die", "der", "den", "zijn", "voor", "bij", "wordt", "worden", "dat", "verdrag"}
ENGLISH_WORDS = {"the", "of", "and", "to", "shall", "be", "by", "this", "convention", "that", "in"}


def clean_line(line: str) -> str:
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # Markdown link -> its text
    line = re.sub(r"</?\w+[^>]*>", "", line)  # <sup>th</sup> -> th
    line = line.replace("*", "")
    if line.lstrip().startswith("|"):
        if re.fullmatch(r"[\s|:\-]*", line):
            return ""
        line = " ".join(c.strip() for c in line.strip().strip("|").split("|"))
    return clean_spaces(line)


def is_dutch(lines: list[str]) -> bool:
    words = re.findall(r"[a-z]+", " ".join(lines).lower())
    return sum(w in DUTCH_WORDS for w in words) > sum(w in ENGLISH_WORDS for w in words)


class _Units:
    """Collects (locator, lines) units in file order."""

    def __init__(self) -> None:
        self.units: list[dict] = []

    def start(self, offset: int, **locator: str | None) -> None:
        self.units.append({"start": offset, "lines": [], **locator})

    def add(self, line: str) -> None:
        if self.units and line:
            self.units[-1]["lines"].append(line)


def parse(text: str, notes: list[str]) -> tuple[str | None, list[dict]]:
    """(title from the file, units) where a unit has article/heading/chapter/section/lines."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    title, units = None, _Units()
    divisions: list[tuple[int, str]] = []  # (level, label) of the open chapter/section
    expect = None  # "article" or "division": the next #### line is that heading's title
    dutch_notes = 0
    for i, raw in enumerate(lines):
        if raw.strip() == DUTCH_NOTE:
            dutch_notes += 1
            continue
        heading = TITLE_RE.match(raw)  # a lone "#" line is text, not a heading (found by fuzzing)
        if title is None and heading and not ARTICLE_RE.match(raw) and not DIVISION_RE.match(raw):
            title = clean_line(heading.group(1)).rstrip(".")
            units.start(offsets[i], article=None, heading=None, chapter=None, section="Preamble")
            continue
        if m := ARTICLE_RE.match(raw):
            chapter = " / ".join(label for _, label in divisions) or None
            units.start(offsets[i], article=m.group(1), heading=clean_line(m.group(2) or "") or None,
                        chapter=chapter, section=None)
            expect = "article"
            continue
        if m := DIVISION_RE.match(raw):
            label = clean_line(raw.lstrip("#"))
            is_section = (m.group(1) or "").upper() == "SECTION"
            level = 2 if is_section and any(lv == 1 and not lb.upper().startswith("SECTION") for lv, lb in divisions) else 1
            divisions = [d for d in divisions if d[0] < level] + [(level, label)]
            if m.group(4):  # an appendix is not part of the last article
                divisions = [(1, label)]
                units.start(offsets[i], article=None, heading=None, chapter=None, section=label)
            expect = "division"
            continue
        if m := TITLE_RE.match(raw):
            heading = clean_line(m.group(1))
            if expect == "article":
                units.units[-1]["heading"] = re.sub(r"^[-–]\s*", "", heading) or None
            elif expect == "division":
                level, label = divisions[-1] if divisions else (1, "")
                full = f"{label} – {heading}" if label else heading
                divisions = divisions[:-1] + [(level, full)]
                last = units.units[-1] if units.units else None
                if last and last["article"] is None and last["section"] == label:
                    last["section"] = full
            else:
                following = [ln for ln in lines[i + 1: i + 40] if ln.strip() and not ln.startswith("#")]
                if is_dutch([heading] + following):
                    notes.append(f"line {i + 1}: Dutch translation from here on left out")
                    break
                divisions = []
                units.start(offsets[i], article=None, heading=None, chapter=None, section=heading.rstrip("."))
            expect = None
            continue
        line = clean_line(raw)
        if not line:
            continue
        expect = None
        if CLOSING_RE.match(line) and units.units and units.units[-1]["article"] is not None:
            units.start(offsets[i], article=None, heading=None, chapter=None, section="Closing formula")
        units.add(line)
    if dutch_notes:
        notes.append(f"Dutch note {DUTCH_NOTE!r} left out {dutch_notes} time(s)")
    return title, [u for u in units.units if u["lines"]]


def load(path: pathlib.Path, source: str) -> Loaded:
    limits.check_file_bytes(path)
    try:
        text = limits.check_text(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as e:
        raise SkipFile(f"not UTF-8 text: {e}") from None
    if not text.strip():
        raise SkipFile("empty file")
    notes: list[str] = []
    file_title, units = parse(text, notes)
    if not any(u["article"] for u in units):
        raise SkipFile("no '### Article N' headings found")
    stem = path.stem
    short = SHORT_NAMES.get(stem)
    if short is None:
        short = stem
        notes.append(f"no short name known for {stem!r}; using the file name")
    title = TITLE_OVERRIDES.get(stem) or file_title or short
    url = next(iter(URL_RE.findall(text)), None)
    seen: set[str] = set()
    for u in units:
        if u["article"] in seen:
            notes.append(f"article {u['article']} appears more than once")
        if u["article"]:
            seen.add(u["article"])
    document = Document(source=source, kind="treaty", title=title, language="en", script="latin",
                        url=url, meta={"short": short})
    chunks = []
    for u in units:
        for off, piece in split_text("\n".join(u["lines"])):
            chunks.append(Chunk(source=source, kind="treaty", title=title, text=piece, article=u["article"],
                                heading=u["heading"], chapter=u["chapter"], section=u["section"],
                                char_start=u["start"] + off))
    return Loaded(document=document, chunks=tuple(chunks), notes=tuple(notes))
