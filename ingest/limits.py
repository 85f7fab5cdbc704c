"""How much text one file may unpack to, checked by every loader (issue 10, item 8).

A 273 KB DOCX can unpack to 50 MB of text (33,599 chunks, 85 s of a blocked app) and a
200 MB text file took 7.5 minutes and 3.5 GB to index, so each loader refuses a file
whose text would be longer than `MAX_TEXT_CHARS`, and does so before unpacking where it
can: from the file's size (text, HTML, JSON), from the sizes a DOCX declares for its
parts (zipfile never reads past them), page by page for a PDF. The refusal is a
`SkipFile` naming the limit, so the build goes on and reports the file.

Not here: the upload's own size check (ui), what a loader makes of the text.
"""
from __future__ import annotations

import pathlib
import zipfile

from core.errors import SkipFile

# The longest file of the bundled corpus unpacks to 584k characters (a statute) and of the
# 822-statute corpus-full to ~1.2M: 5M leaves room for any real legal text (~1,500 pages).
MAX_TEXT_CHARS = 5_000_000
# In UTF-8 a character is 1-4 bytes, so a bigger text, HTML or JSON file cannot hold
# fewer characters than the limit: it is refused without being read.
BYTES_PER_CHAR_MAX = 4
# A DOCX's XML carries markup around the text (runs, properties, revision ids): its parts
# may declare up to this many bytes per allowed character before the file is refused…
DOCX_XML_BYTES_PER_CHAR = 10
# …plus what any package holds besides the text: styles, theme and font tables (~1 MB in
# python-docx's own template) and pictures. python-docx reads every part into memory.
DOCX_PACKAGE_ALLOWANCE = 64 * 2**20
_SETTING = "ingest.limits.MAX_TEXT_CHARS"


def too_long(found: str) -> SkipFile:
    """The SkipFile for a file over the limit; `found` says what was measured."""
    return SkipFile(f"too much text: {found}, over the limit of {MAX_TEXT_CHARS:,} characters per "
                    f"file ({_SETTING}); split the document into smaller files")


def check_file_bytes(path: pathlib.Path) -> None:
    """Refuse a text-format file too big to decode to MAX_TEXT_CHARS, before reading it."""
    size = path.stat().st_size
    if size > BYTES_PER_CHAR_MAX * MAX_TEXT_CHARS:
        raise too_long(f"the file is {size:,} bytes")


def check_text(text: str) -> str:
    """`text` itself, or SkipFile when it is longer than MAX_TEXT_CHARS."""
    if len(text) > MAX_TEXT_CHARS:
        raise too_long(f"{len(text):,} characters unpacked")
    return text


def check_docx(path: pathlib.Path) -> None:
    """Refuse a DOCX whose parts declare more bytes than the limit allows, before
    python-docx unpacks them (zipfile never yields more than a part declares). A corrupt
    package is left for python-docx to report."""
    try:
        with zipfile.ZipFile(path) as z:
            declared = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    if declared > DOCX_XML_BYTES_PER_CHAR * MAX_TEXT_CHARS + DOCX_PACKAGE_ALLOWANCE:
        raise too_long(f"its parts unpack to {declared:,} bytes")


class TextBudget:
    """Counts the characters of a document read piece by piece (PDF pages) and raises
    as soon as the total passes MAX_TEXT_CHARS, so the rest is never extracted."""

    def __init__(self) -> None:
        self.used = 0

    def take(self, text: str) -> str:
        self.used += len(text)
        if self.used > MAX_TEXT_CHARS:
            raise too_long(f"over {self.used:,} characters unpacked so far")
        return text
