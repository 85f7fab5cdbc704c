"""Page text of a PDF with pypdf, cleaned for indexing.

`extract_pages(path)` returns (1-based page number, text) for every page, in order,
after: whitespace cleanup, removal of running headers/footers (lines that repeat at
the top or bottom of many pages, page numbers), and joining words hyphenated across
line ends ("odgovor-\\nnost" -> "odgovornost") while keeping real hyphens
("i-ili", "Rev2-"). A page without extractable text (a scanned image) comes back with
empty text so that callers can report it.

pypdf's default ("plain") extraction is used: on the 26 court bulletins (5,300 pages)
it runs at ~22 pages/s, faster than extraction_mode="layout" (~17-26 pages/s on the same
pages), and the cost is pypdf's pure-Python content-stream parser either way.

It does not do OCR, detect tables or columns, or know anything about legal structure:
loaders decide what a page's text means.
"""
from __future__ import annotations

import math
import pathlib
import re
from collections import Counter

import pypdf
from pypdf.errors import FileNotDecryptedError

from ingest import limits
from core.errors import SkipFile
from ingest.textutil import clean_spaces

EDGE_LINES = 2  # non-empty lines at each end of a page where running headers/footers live
MIN_REPEAT_PAGES = 3  # a line is a running header if it repeats on at least this many pages…
MIN_REPEAT_SHARE = 0.05  # …and on at least this share of them
PAGE_NUMBER_RE = re.compile(r"^[-–—\s]*(?:(?:str|strana|стр|страна|page|p)\.?\s*)?\d{1,4}[-–—\s]*$", re.I)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u00ad\ufeff]")
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# "odgovor-" at a line end followed by "nost" at the next line's start.
SPLIT_WORD_RE = re.compile(r"([^\W\d_]+)-$")
NEXT_WORD_RE = re.compile(r"^([^\W\d_]+)")


def extract_pages(path: pathlib.Path | str) -> list[tuple[int, str]]:
    """[(page number from 1, cleaned text)]; SkipFile for files pypdf cannot read or
    whose text passes ingest.limits.MAX_TEXT_CHARS (extraction stops at that page)."""
    reader = open_pdf(pathlib.Path(path))
    budget = limits.TextBudget()
    raw = [budget.take(_page_text(page)) for page in reader.pages]
    pages = [_clean_lines(text) for text in raw]
    pages = strip_running_lines(pages)
    vocab = _vocabulary(pages)
    return [(i + 1, _join_lines(dehyphenate(lines, vocab))) for i, lines in enumerate(pages)]


def open_pdf(path: pathlib.Path) -> pypdf.PdfReader:
    """A reader with at least one page, or SkipFile naming why not."""
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, path.stat().st_size - 8192))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise SkipFile("not a PDF (no %PDF header)")
    if b"%%EOF" not in tail:
        # pypdf would try to rebuild a truncated file and could silently lose pages.
        raise SkipFile("corrupt or truncated PDF: EOF marker not found")
    try:
        reader = pypdf.PdfReader(path, strict=False)
        if reader.is_encrypted and not _decrypts_without_password(reader):
            raise SkipFile("encrypted PDF (password protected)")
        n = len(reader.pages)
    except SkipFile:
        raise
    except FileNotDecryptedError:
        raise SkipFile("encrypted PDF (password protected)") from None
    except Exception as e:  # pypdf raises many types on damaged files (PdfReadError, ValueError, KeyError…)
        raise SkipFile(f"corrupt or truncated PDF: {e or type(e).__name__}") from None
    if n == 0:
        raise SkipFile("PDF has no pages")
    return reader


def _decrypts_without_password(reader: pypdf.PdfReader) -> bool:
    # Many PDFs are "encrypted" with an empty user password (owner restrictions only).
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. AES without the optional crypto library
        return False


def _page_text(page: pypdf.PageObject) -> str:
    try:
        return page.extract_text() or ""
    except Exception:  # one damaged page should not cost the whole document
        return ""


def _clean_lines(text: str) -> list[str]:
    text = CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return clean_spaces(text).split("\n")


def _key(line: str) -> str:
    # Page numbers inside a header ("Bilten 12", "- 40 -") should not make it unique.
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.lower())).strip()


def _edge_indices(lines: list[str]) -> list[int]:
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeating at the top/bottom of many pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(lines[i]) for i in _edge_indices(lines)})
    need = max(MIN_REPEAT_PAGES, math.ceil(MIN_REPEAT_SHARE * len(pages)))
    out = []
    for lines in pages:
        drop = {i for i in _edge_indices(lines)
                if PAGE_NUMBER_RE.match(lines[i]) or counts[_key(lines[i])] >= need}
        out.append([ln for i, ln in enumerate(lines) if i not in drop])
    return out


def _vocabulary(pages: list[list[str]]) -> tuple[set[str], set[str]]:
    """Words and hyphenated compounds seen whole in the document (lowercased)."""
    words: set[str] = set()
    compounds: set[str] = set()
    for lines in pages:
        for ln in lines:
            for w in WORD_RE.findall(ln.lower()):
                (compounds if "-" in w else words).add(w)
    return words, compounds


def dehyphenate(lines: list[str], vocab: tuple[set[str], set[str]]) -> list[str]:
    """Join a line ending in "word-" with the next line when it starts in lowercase.

    The hyphen is dropped unless the document itself writes the compound with a
    hyphen ("i-ili") and never as one word; after a digit or a capital-only word
    ("Rev2-", "ZKUL-") the line is left as it is."""
    words, compounds = vocab
    out: list[str] = []
    for ln in lines:
        left = SPLIT_WORD_RE.search(out[-1]) if out else None
        right = NEXT_WORD_RE.match(ln)
        if left and right and right.group(1)[0].islower() and not left.group(1).isupper():
            a, b = left.group(1), right.group(1)
            keep = f"{a}-{b}".lower() in compounds and (a + b).lower() not in words
            out[-1] = (out[-1] if keep else out[-1][:-1]) + ln
        else:
            out.append(ln)
    return out


def _join_lines(lines: list[str]) -> str:
    # One blank line at most between blocks; none at the ends.
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
