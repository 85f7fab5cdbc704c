"""How much text an uploaded file unpacks to, measured before its loader parses it.

A small file can hold a lot of text: a DOCX is a zip, and 273 KB of it can unpack to
50 MB of text (33,599 chunks, the app blocked for 85 s), 1 MB to 1 GB (2 GB of memory
before python-docx gives up). So the upload measures the text first, reading the DOCX
body as a stream (never the whole tree) and stopping as soon as the limit
(ingest.limits.MAX_TEXT_CHARS) is passed; a text file is measured by its bytes. Other
formats (PDF, HTML) are measured by their loader (ingest.limits) and again on the
chunks it produced (`loaded_chars`).

Pure functions over a file on disk; no Streamlit. Does not parse for the index
(ingest/loaders does) and does not decide what the user is told (ui.docs_view).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

# The loaders' own limit: an upload and a file dropped into corpus/user/ are held to
# the same number (the loaders refuse it too, but only after python-docx has read a
# DOCX's parts whole; here the body is streamed and the count stops at the limit).
from ingest.limits import MAX_TEXT_CHARS
# Markup around the text of a Word body is rarely more than 20 bytes per character;
# a body that needs more bytes than this to reach the limit is refused unread.
MAX_XML_BYTES_PER_CHAR = 40
_W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
_CHUNK = 1 << 16


class TooMuchText(Exception):
    """The file unpacks to more than `limit` characters (or its body to more bytes
    than such text needs)."""

    def __init__(self, chars: int, limit: int) -> None:
        self.chars, self.limit = chars, limit
        super().__init__(f"unpacks to more than {limit:,} characters of text")


class _Capped:
    """A read-only stream that raises TooMuchText after `cap` bytes (a zip bomb is
    never inflated past it)."""

    def __init__(self, stream, cap: int, limit: int) -> None:
        self.stream, self.cap, self.limit, self.seen = stream, cap, limit, 0

    def read(self, n: int = -1) -> bytes:
        data = self.stream.read(_CHUNK if n is None or n < 0 else min(n, _CHUNK))
        self.seen += len(data)
        if self.seen > self.cap:
            raise TooMuchText(self.seen // MAX_XML_BYTES_PER_CHAR, self.limit)
        return data


def docx_chars(path: Path, limit: int = MAX_TEXT_CHARS) -> int:
    """Characters of text in a DOCX body, counted as a stream; TooMuchText past `limit`.
    A file that is not a readable zip counts 0: its loader reports why."""
    from lxml import etree

    try:
        archive = zipfile.ZipFile(path)
        info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return 0
    cap = max(limit * MAX_XML_BYTES_PER_CHAR, 1 << 20)
    if info.file_size > cap:  # the zip's own word for it: refused without inflating
        raise TooMuchText(info.file_size // MAX_XML_BYTES_PER_CHAR, limit)
    chars = 0
    with archive, archive.open(info) as raw:
        try:
            for _, el in etree.iterparse(_Capped(raw, cap, limit), events=("end",), tag=_W_T,
                                         resolve_entities=False, no_network=True, huge_tree=False):
                chars += len(el.text or "")
                el.clear()
                if chars > limit:
                    raise TooMuchText(chars, limit)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError):
            return chars  # a broken body: the loader gives the reason
    return chars


def text_file_chars(size: int, limit: int = MAX_TEXT_CHARS) -> int:
    """An upper bound on the characters of a text file of `size` bytes (one per byte at
    most); TooMuchText when even the fewest it can hold (a quarter, UTF-8) pass `limit`."""
    if size // 4 > limit:
        raise TooMuchText(size // 4, limit)
    return size


def unpacked_chars(path: Path, limit: int = MAX_TEXT_CHARS) -> int:
    """Text characters in `path` as far as can be known before loading it (0 when only
    the loader can tell); TooMuchText when it is certainly over `limit`."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_chars(path, limit)
    if suffix in (".txt", ".md"):
        return text_file_chars(path.stat().st_size, limit)
    return 0


def loaded_chars(chunks) -> int:
    """Characters of text the loader produced."""
    return sum(len(c.text) for c in chunks)
