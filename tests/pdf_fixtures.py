"""Test helper: write a small valid PDF whose pages hold given lines of text.

The PDF is written by hand (no extra dependency): one Helvetica Type1 font whose
/Differences encoding gives codes 128-255 to the non-ASCII characters used (č, ž,
Cyrillic…) by their Adobe glyph names, which is how pypdf maps them back to Unicode.
Not a general PDF writer: no font embedding, no layout beyond one line per string.
"""
from __future__ import annotations

import pathlib

from pypdf._codecs import adobe_glyphs

_GLYPH_NAME = {}
for _name, _char in adobe_glyphs.items():
    _GLYPH_NAME.setdefault(_char, _name)


def _code_map(pages: list[str]) -> dict[str, int]:
    extra = sorted({c for text in pages for c in text if ord(c) > 126 and c != "\n"})
    if len(extra) > 128:
        raise ValueError(f"too many distinct non-ASCII characters ({len(extra)}), at most 128")
    missing = [c for c in extra if c not in _GLYPH_NAME]
    if missing:
        raise ValueError(f"no Adobe glyph name for {missing!r}")
    return {c: 128 + i for i, c in enumerate(extra)}


def _pdf_string(line: str, codes: dict[str, int]) -> bytes:
    out = bytearray(b"(")
    for c in line:
        if c in "\\()":
            out += b"\\" + c.encode()
        elif c in codes:
            out += b"\\%03o" % codes[c]
        else:
            out += c.encode("latin-1")
    return bytes(out + b")")


def pdf_bytes(pages: list[str]) -> bytes:
    """A PDF with one page per item of `pages`; each '\\n'-separated line is drawn as
    one text line from the top of an A4 page (an empty string gives an empty page)."""
    codes = _code_map(pages)
    diffs = b" ".join(b"%d %s" % (code, _GLYPH_NAME[c].encode()) for c, code in codes.items())
    n = len(pages)
    # objects: 1 catalog, 2 pages, 3 font, then (page, content) pairs
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n)), n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [" + diffs + b"] >> >>",
    ]
    for i, text in enumerate(pages):
        ops = [b"BT /F1 10 Tf 14 TL 40 800 Td"]
        for line in text.split("\n") if text else []:
            ops.append(_pdf_string(line, codes) + b" Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops) if text else b""
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def write_pdf(path: pathlib.Path, pages: list[str]) -> pathlib.Path:
    path.write_bytes(pdf_bytes(pages))
    return path
