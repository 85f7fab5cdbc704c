"""Issue 10, item 8: every loader refuses a file whose text would pass
ingest.limits.MAX_TEXT_CHARS, before unpacking where it can, with a reason that names
the limit; the build goes on and reports the file."""
from __future__ import annotations

import json
import zipfile

import pytest

from ingest import limits
from indexing.__main__ import main as ingest_main
from core.errors import SkipFile
from ingest.registry import load_file
from tests.corpus_factory import make_corpus
from tests.pdf_fixtures import write_pdf

SMALL = 2000  # a lowered limit, so the files of these tests stay small


def _reason(path, source) -> str:
    with pytest.raises(SkipFile) as e:
        load_file(path, source)
    assert e.value.path == source  # the report names the file…
    return e.value.reason


def _names_the_limit(reason: str, limit: int) -> None:
    assert reason.startswith("too much text") and f"{limit:,} characters" in reason
    assert "ingest.limits.MAX_TEXT_CHARS" in reason  # …and the setting


def _docx(path, paragraphs: list[str]):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def test_the_limit_leaves_room_for_the_longest_real_document():
    assert limits.MAX_TEXT_CHARS >= 4 * 1_200_000  # corpus-full's longest statute, with margin


def test_a_docx_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    # The case at the real limit: a small DOCX whose XML unpacks past the limit.
    small = _docx(tmp_path / "mala.docx", ["Uvod."])
    bomb = tmp_path / "bomba.docx"
    para = b"<w:p><w:r><w:t>" + b"Naknada stete zrtvi. " * 50 + b"</w:t></w:r></w:p>"
    need = (limits.DOCX_XML_BYTES_PER_CHAR * limits.MAX_TEXT_CHARS + limits.DOCX_PACKAGE_ALLOWANCE) // len(para) + 1
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item))
        with dst.open("word/document.xml", "w") as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                    b'wordprocessingml/2006/main"><w:body>')
            for _ in range(need // 1000 + 1):
                f.write(para * 1000)
            f.write(b"</w:body></w:document>")
    assert bomb.stat().st_size < 2_000_000  # it is small on disk
    import docx

    monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("the bomb was unpacked"))
    _names_the_limit(_reason(bomb, "user/bomba.docx"), limits.MAX_TEXT_CHARS)


def test_a_docx_with_too_much_text_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", SMALL)
    path = _docx(tmp_path / "duga.docx", ["Naknada štete žrtvi trgovine ljudima. " * 20] * 5)
    _names_the_limit(_reason(path, "user/duga.docx"), SMALL)
    short = _docx(tmp_path / "kratka.docx", ["Naknada štete."])
    assert load_file(short, "user/kratka.docx").chunks


@pytest.mark.parametrize("name", ["duga.txt", "duga.md", "duga.html"])
def test_text_and_html_past_the_limit_are_refused(tmp_path, monkeypatch, name):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", SMALL)
    body = "Zahtev se podnosi sudu. " * 100  # 2,400 characters, 2,400 bytes
    data = f"<html><body><p>{body}</p></body></html>" if name.endswith("html") else body
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    _names_the_limit(_reason(path, f"user/{name}"), SMALL)
    path.write_text(data * 4, encoding="utf-8")  # too big to read at all
    reason = _reason(path, f"user/{name}")
    _names_the_limit(reason, SMALL)
    assert "bytes" in reason


def test_a_pdf_stops_at_the_limit(tmp_path, monkeypatch):
    import ingest.pdftext as pdftext

    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", SMALL)
    page = "\n".join(["Naknada stete zrtvi trgovine ljudima po presudi suda."] * 15)  # ~800 chars
    path = write_pdf(tmp_path / "duga.pdf", [page] * 10)
    read = []
    real = pdftext._page_text
    monkeypatch.setattr(pdftext, "_page_text", lambda p: read.append(1) or real(p))
    _names_the_limit(_reason(path, "user/duga.pdf"), SMALL)
    assert len(read) < 10  # the pages after the limit were never extracted
    read.clear()
    _names_the_limit(_reason(path, "sudska_praksa/bilteni/duga.pdf"), SMALL)


def test_corpus_json_and_text_loaders_are_limited(tmp_path, monkeypatch):
    from tests.corpus_factory import ECHR, STATUTE

    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", SMALL)
    (tmp_path / "echr.json").write_text(json.dumps({**ECHR, "paragraphs": ["1. Text. " * 300]}), encoding="utf-8")
    _names_the_limit(_reason(tmp_path / "echr.json", "echr/001-1.json"), SMALL)
    (tmp_path / "z.txt").write_text(STATUTE + "Član 3\n" + "Tekst. " * 400, encoding="utf-8")
    _names_the_limit(_reason(tmp_path / "z.txt", "zakoni/z.txt"), SMALL)
    (tmp_path / "t.md").write_text("# Treaty\n### Article 1\n" + "Text. " * 400, encoding="utf-8")
    _names_the_limit(_reason(tmp_path / "t.md", "medjunarodni/t.md"), SMALL)


def test_the_cli_build_goes_on_and_reports_the_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", SMALL)
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "user" / "bomba.txt").write_text("Zahtev se podnosi sudu. " * 1000, encoding="utf-8")
    rc = ingest_main(["--corpus", str(corpus), "--index", str(tmp_path / "idx"), "--no-dense", "--quiet",
                      "--workers", "1"])
    out = capsys.readouterr().out
    assert rc == 0
    line = next(ln for ln in out.splitlines() if ln.startswith("skipped: user/bomba.txt:"))
    _names_the_limit(line.split(": ", 2)[2], SMALL)
    assert "user_document" in out  # the other user file was indexed
