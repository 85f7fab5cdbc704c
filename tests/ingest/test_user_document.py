import io

import pytest
from pypdf import PdfReader, PdfWriter

from core.errors import SkipFile
from ingest.loaders import user_document
from pdf_fixtures import pdf_bytes, write_pdf

LATIN = "Naknada štete žrtvi\nŽrtva trgovine ljudima ima pravo na naknadu: čćšžđ ČĆŠŽĐ.\n"
CYRILLIC = "Накнада штете\nЖртва трговине људима има право на накнаду штете: Љ Њ Ђ Ћ Џ.\n"


def _load(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    return user_document.load(path, f"user/{name}")


def _skip_reason(tmp_path, name, data):
    with pytest.raises(SkipFile) as e:
        _load(tmp_path, name, data)
    return e.value.reason


def test_utf8_txt(tmp_path):
    loaded = _load(tmp_path, "beleska.txt", LATIN)
    doc = loaded.document
    assert doc.kind == "user_document" and doc.source == "user/beleska.txt"
    assert doc.title == "Naknada štete žrtvi" and doc.script == "latin"
    assert doc.metadata == {"format": "txt", "encoding": "utf-8"}
    assert loaded.chunks[0].text == LATIN.strip() and loaded.chunks[0].kind == "user_document"


@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2"])
def test_legacy_latin_encodings_decode(tmp_path, encoding):
    loaded = _load(tmp_path, "stari.txt", LATIN.encode(encoding))
    assert loaded.chunks[0].text == LATIN.strip()
    assert loaded.document.metadata["encoding"] == encoding


def test_cyrillic_windows_1251(tmp_path):
    loaded = _load(tmp_path, "cir.txt", CYRILLIC.encode("cp1251"))
    assert loaded.chunks[0].text == CYRILLIC.strip()
    assert loaded.document.script == "cyrillic"
    assert loaded.document.metadata["encoding"] == "cp1251"


def test_binary_txt_is_skipped(tmp_path):
    data = bytes(range(256)) * 8
    assert _skip_reason(tmp_path, "slika.txt", data) == "binary content, not text"


@pytest.mark.parametrize("data", [b"", b"  \n\t \n"])
def test_empty_file_is_skipped(tmp_path, data):
    assert _skip_reason(tmp_path, "prazno.txt", data) == "empty file"


def test_unsupported_extension_names_allowed_ones(tmp_path):
    reason = _skip_reason(tmp_path, "tabela.xlsx", b"PK\x03\x04")
    assert ".xlsx" in reason and ".pdf" in reason and ".docx" in reason


def test_markdown_with_articles_gives_article_locators(tmp_path):
    text = "# Pravilnik\n\nPredmet\nČlan 1\nOvim se uređuje naknada.\n\nRokovi\nČlan 2\nRok je 30 dana.\n"
    loaded = _load(tmp_path, "pravilnik.md", text)
    assert [(c.article, c.heading) for c in loaded.chunks] == [(None, None), ("1", "Predmet"), ("2", "Rokovi")]
    assert loaded.document.title == "Pravilnik"


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Zahtev za naknadu štete")
    d.add_paragraph("Žrtva traži naknadu od države.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Iznos"
    table.cell(0, 1).text = "500.000 dinara"
    d.add_paragraph("Kraj dokumenta.")
    path = tmp_path / "zahtev.docx"
    d.save(path)
    loaded = user_document.load(path, "user/zahtev.docx")
    text = loaded.chunks[0].text
    assert loaded.document.title == "Zahtev za naknadu štete"
    assert "Iznos | 500.000 dinara" in text
    assert text.index("Iznos") < text.index("Kraj dokumenta")  # document order kept
    assert loaded.document.metadata["format"] == "docx"


def test_corrupt_docx_is_skipped(tmp_path):
    assert _skip_reason(tmp_path, "lose.docx", b"not a zip at all").startswith("corrupt DOCX")


def test_html_visible_text_only(tmp_path):
    html = ("<html><head><title>T</title><style>p {color: red}</style></head><body>"
            "<h1>Izveštaj GRETA</h1><script>var tajna = 1;</script><p>Srbija treba da obezbedi naknadu.</p>"
            "</body></html>")
    loaded = _load(tmp_path, "izvestaj.html", html)
    text = "\n".join(c.text for c in loaded.chunks)
    assert "Srbija treba da obezbedi naknadu." in text
    assert "tajna" not in text and "color" not in text
    assert loaded.document.title == "Izveštaj GRETA"


def test_pdf_pages_kept_and_blank_page_noted(tmp_path):
    pages = ["Odluka o naknadi\nŽrtva ima pravo na naknadu štete.",
             "",
             "Član 1\nDržava isplaćuje naknadu.\nČlan 2\nRok je trideset dana."]
    path = write_pdf(tmp_path / "odluka.pdf", pages)
    loaded = user_document.load(path, "user/odluka.pdf")
    assert [(c.page, c.article) for c in loaded.chunks] == [(1, None), (3, "1"), (3, "2")]
    assert loaded.chunks[0].text.startswith("Odluka o naknadi\nŽrtva")
    assert loaded.document.metadata == {"format": "pdf", "encoding": None, "pages": 3}
    assert any("2" in n and "no text" in n for n in loaded.notes)


def test_pdf_dehyphenates_line_end_breaks(tmp_path):
    path = write_pdf(tmp_path / "a.pdf", ["Ovo je odgovor-\nnost države i-ili lica.\nPomenuta i-\nili forma."])
    text = user_document.load(path, "user/a.pdf").chunks[0].text
    assert "odgovornost države" in text
    assert "i-ili forma" in text  # the document writes "i-ili" whole, so the hyphen stays


def test_english_pdf_language(tmp_path):
    path = write_pdf(tmp_path / "greta.pdf", ["GRETA report\nThe authorities shall ensure that victims of "
                                              "trafficking have access to compensation and to legal aid."])
    assert user_document.load(path, "user/greta.pdf").document.language == "en"


def test_truncated_pdf_is_skipped(tmp_path):
    data = pdf_bytes(["Prva strana teksta.", "Druga strana teksta."])
    reason = _skip_reason(tmp_path, "pola.pdf", data[: len(data) // 2])
    assert reason.startswith("corrupt or truncated PDF")


def test_garbage_pdf_is_skipped(tmp_path):
    assert _skip_reason(tmp_path, "smece.pdf", b"this is not a pdf " * 50).startswith("not a PDF")
    broken = b"%PDF-1.4\n" + b"\x8f garbage \x00" * 100 + b"\n%%EOF\n"
    assert _skip_reason(tmp_path, "smece2.pdf", broken).startswith("corrupt or truncated PDF")


def test_encrypted_pdf_is_skipped(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(["Tajni tekst."]))))
    writer.encrypt(user_password="lozinka", owner_password="vlasnik", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert _skip_reason(tmp_path, "zakljucan.pdf", buf.getvalue()) == "encrypted PDF (password protected)"


def test_scanned_pdf_without_text_is_skipped(tmp_path):
    assert "no extractable text" in _skip_reason(tmp_path, "sken.pdf", pdf_bytes(["", ""]))


def test_pdf_with_owner_password_only_loads(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(["Otvoreni tekst o naknadi."]))))
    writer.encrypt(user_password="", owner_password="vlasnik", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    assert _load(tmp_path, "ogranicen.pdf", buf.getvalue()).chunks[0].text == "Otvoreni tekst o naknadi."
