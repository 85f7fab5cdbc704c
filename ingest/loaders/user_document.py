"""Loader for documents users add: anything under `user/…` (uploads, corpus/user/).

By extension: .pdf (page text via ingest.pdftext; each chunk keeps the page it starts
on), .txt/.md (UTF-8, else a legacy encoding — Windows-1250, ISO-8859-2,
Windows-1251… — detected with charset-normalizer), .docx (python-docx: paragraphs and
table cells, in document order), .html/.htm (BeautifulSoup with html.parser: visible
text only). The text is cut by ingest.generic_split: by article when it has
"Član N" / "Члан N" / "Article N" headings, else in ~MAX_CHUNK_CHARS pieces.

A file whose text passes ingest.limits.MAX_TEXT_CHARS is refused (a size bomb).
It does not OCR scanned PDFs, read .doc/.odt/.rtf, or follow links and images.
"""
from __future__ import annotations

import codecs
import pathlib
import re
import zipfile

from ingest import limits
from core.errors import SkipFile
from ingest.generic_split import split_generic
from ingest.textutil import script_of
from ingest.pdftext import extract_pages
from core.records import Chunk, Document, Loaded
from ingest.textutil import clean_spaces

FORMATS = {".pdf": "pdf", ".txt": "txt", ".md": "md", ".docx": "docx", ".html": "html", ".htm": "html"}
# Candidates for text that is not UTF-8: Serbian Latin and Cyrillic code pages first.
LEGACY_ENCODINGS = ["cp1250", "iso8859_2", "cp1251", "iso8859_5", "koi8_r", "cp1252", "utf_16"]
SERBIAN_8BIT = ("cp1250", "iso8859_2")  # ties go to the first
SERBIAN_LATIN = set("čćšžđČĆŠŽĐ")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TITLE_MAX_CHARS = 120
ENGLISH_WORDS = {"the", "of", "and", "to", "in", "is", "that", "for", "shall", "with", "be", "by", "or"}


def load(path: pathlib.Path, source: str) -> Loaded:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SkipFile(f"unsupported file type {path.suffix or '(none)'!r}; "
                       f"allowed: {', '.join(sorted(FORMATS))}")
    if path.stat().st_size == 0:
        raise SkipFile("empty file")
    notes: list[str] = []
    encoding = None
    if fmt == "pdf":
        pages = extract_pages(path)
        blank = [n for n, t in pages if not t.strip()]
        if len(blank) == len(pages):
            raise SkipFile("no extractable text in any page (scanned PDF?)")
        if blank:
            notes.append(f"pages {', '.join(map(str, blank))} yielded no text (scanned images?)")
    else:
        # Refused before unpacking where the size tells (ingest.limits), else after.
        if fmt in ("txt", "md"):
            limits.check_file_bytes(path)
            text, encoding = decode_text(path.read_bytes())
        elif fmt == "docx":
            limits.check_docx(path)
            text = docx_text(path)
        else:
            limits.check_file_bytes(path)
            text = html_text(path.read_bytes())
        pages = [(None, clean_spaces(limits.check_text(text)))]
    full = "\n\n".join(t for _, t in pages if t.strip())
    if not full.strip():
        raise SkipFile("empty file")
    title = first_line(full) or path.stem
    meta = {"format": fmt, "encoding": encoding}
    if fmt == "pdf":
        meta["pages"] = len(pages)
    doc = Document(source=source, kind="user_document", title=title, language=guess_language(full),
                   script=script_of(full), meta=meta)
    chunks = []
    starts, offset = [], 0  # where each page begins in `full`, to give pieces their page
    for number, text in pages:
        if text.strip():
            starts.append((offset, number))
            offset += len(text) + 2
    for piece in split_generic(full):
        page = next((n for o, n in reversed(starts) if o <= piece.char_start), None)
        chunks.append(Chunk(source=source, kind="user_document", title=title, text=piece.text,
                            article=piece.article, heading=piece.heading, page=page,
                            char_start=piece.char_start))
    return Loaded(document=doc, chunks=tuple(chunks), notes=tuple(notes))


def decode_text(raw: bytes) -> tuple[str, str]:
    """(text, encoding name); SkipFile for empty or binary content."""
    if not raw.strip():
        raise SkipFile("empty file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(raw.decode("utf-16", errors="replace")), "utf-16"
    try:
        return _checked(raw.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise SkipFile("binary content, not text")
    from charset_normalizer import from_bytes  # lazily: only legacy files need it

    best = from_bytes(raw, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise SkipFile("binary content, not text")
    enc = best.encoding
    if enc == "cp1252" and any(c in "šžŠŽ" for c in str(best)):
        # Western European text never has š/ž; Serbian text read as cp1252 does (č -> è).
        enc = "cp1250"
    if enc in SERBIAN_8BIT:
        # These differ on š/ž (š -> ą), which charset-normalizer misses on short texts;
        # the one that yields Serbian letters rather than foreign ones is right.
        enc = max(SERBIAN_8BIT, key=lambda e: _serbian_score(raw.decode(e, errors="replace")))
    return _checked(raw.decode(enc, errors="replace")), enc


def _serbian_score(text: str) -> int:
    return sum(c in SERBIAN_LATIN for c in text) - sum(ord(c) > 127 and c.isalpha() and c not in SERBIAN_LATIN
                                                       for c in text)


def _checked(text: str) -> str:
    if "\x00" in text or len(CONTROL_RE.findall(text)) > 0.01 * len(text):
        raise SkipFile("binary content, not text")
    if not text.strip():
        raise SkipFile("empty file")
    return text


def docx_text(path: pathlib.Path) -> str:
    import docx  # python-docx, lazily
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise SkipFile(f"corrupt DOCX: {e}") from None
    except Exception as e:  # python-docx raises its own types for non-Word packages
        raise SkipFile(f"corrupt DOCX: {type(e).__name__}: {e}") from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:  # merged cells repeat: keep each text once per row
                    if cell.text.strip() and cell.text.strip() not in cells:
                        cells.append(cell.text.strip())
                lines.append(" | ".join(cells))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def html_text(raw: bytes) -> str:
    from bs4 import BeautifulSoup  # lazily

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    return soup.get_text("\n")


def first_line(text: str) -> str | None:
    """The first line with at least three letters, cut to TITLE_MAX_CHARS."""
    for line in text.split("\n"):
        line = line.strip(" #*\t")
        if sum(c.isalpha() for c in line) >= 3:
            return line if len(line) <= TITLE_MAX_CHARS else line[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return None


def guess_language(text: str) -> str:
    """"en" when English function words are frequent, else "sr" (the project's default)."""
    words = re.findall(r"[a-z]+", text[:20000].lower())
    if not words:
        return "sr"
    return "en" if sum(w in ENGLISH_WORDS for w in words) > 0.08 * len(words) else "sr"
