"""Uploads an unlucky user or an attacker makes (issue 10, items 6-9): a long name, two
names that sanitise alike or an existing name, a size bomb, a full disk. Each ends in a
result that names the file and the reason, never an exception; nothing is overwritten;
no `.upload-*` file stays; the serving index is unchanged by a failure; the next file
of a batch is still processed."""
from __future__ import annotations

import io
import re
import resource
import signal
import tomllib
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

import ingest.loaders.user_document as user_document
from core import store
from tests.ui.test_app import goto, start
from tests.ui_fixtures import own_index, own_index_env, ui_index  # noqa: F401 (fixtures)
from ui import upload
from ui.upload import MAX_UPLOAD_MB, safe_name, save_and_ingest
from ui.upload_limits import MAX_TEXT_CHARS

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Ugovor o radu radnice iz Nepala, zarada 300 evra mesečno.".encode()
# 136 Cyrillic characters were enough to break the old upload: this is 190 (380 bytes).
LONG = "Жалба на решење основног суда " * 6 + "ж" * 10 + ".txt"


def unescape(markdown: str) -> str:
    """Markdown-escaped text as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", markdown)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".upload-*")) if folder.exists() else []


def upload_files(at, files: list[tuple[str, bytes]]):
    uploader = at.get("file_uploader")[0]
    for name, data in files:
        uploader.upload(name, data, "application/octet-stream")
    at.run()
    at.button(key="upload-button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# -- 6. long names ---------------------------------------------------------------------

def test_a_long_name_is_shortened_keeping_its_extension(own_index):
    corpus, index_dir, user = own_index
    assert len(LONG.encode()) > 255
    r = save_and_ingest(LONG, TEXT, corpus, index_dir, user)
    assert r.ok, r.reason
    assert len(r.name.encode()) <= upload.MAX_NAME_BYTES and r.name.endswith(".txt") and r.name.startswith("Жалба")
    assert r.renamed and r.original == LONG
    assert (user / r.name).read_bytes() == TEXT and not leftovers(user)
    assert f"user/{r.name}" in store.read_json(store.require_build(index_dir) / "manifest.json")["files"]


def test_a_long_name_does_not_stop_the_next_file_of_the_batch(own_index_env):
    env = own_index_env
    at = upload_files(goto(start(), "mine"), [(LONG, TEXT), ("druga.txt", "Druga beleška o naknadi štete.".encode())])
    stored = sorted(p.name for p in env["user"].iterdir())
    assert len(stored) == 2 and "druga.txt" in stored
    assert sum("Dodat je" in s.value for s in at.success) == 2
    assert any("sačuvan je kao" in w.value for w in at.warning)  # the shortened name is shown


# -- 7. names that collide ---------------------------------------------------------------

def test_names_that_sanitise_alike_are_both_kept(own_index):
    corpus, index_dir, user = own_index
    assert safe_name("Žalba (1).txt") == safe_name("Žalba [1].txt")
    first = save_and_ingest("Žalba (1).txt", "Prva žalba.".encode(), corpus, index_dir, user)
    second = save_and_ingest("Žalba [1].txt", "Druga žalba.".encode(), corpus, index_dir, user)
    assert first.ok and second.ok and first.name != second.name
    assert (user / first.name).read_text(encoding="utf-8") == "Prva žalba."
    assert (user / second.name).read_text(encoding="utf-8") == "Druga žalba."
    assert second.renamed and second.original == "Žalba [1].txt"


def test_uploading_an_existing_name_never_replaces_the_file(own_index):
    corpus, index_dir, user = own_index
    user.mkdir()
    (user / "beleska.txt").write_text("Stara beleška, koju korisnik čuva.", encoding="utf-8")
    r = save_and_ingest("beleska.txt", "Nova beleška o naknadi.".encode(), corpus, index_dir, user)
    assert r.ok and r.name == "beleska-2.txt" and r.renamed
    assert (user / "beleska.txt").read_text(encoding="utf-8") == "Stara beleška, koju korisnik čuva."
    assert (user / "beleska-2.txt").read_text(encoding="utf-8") == "Nova beleška o naknadi."


def test_the_page_says_which_name_was_stored(own_index_env):
    env = own_index_env
    at = upload_files(goto(start(), "mine"), [("Žalba (1).txt", "Prva žalba.".encode()),
                                               ("Žalba [1].txt", "Druga žalba.".encode())])
    assert len(list(env["user"].iterdir())) == 2
    warned = [unescape(w.value) for w in at.warning if "sačuvan je kao" in w.value]
    assert warned and "„Žalba [1].txt“ sačuvan je kao „Žalba _1_-2.txt“" in warned[-1]


# -- 8. size bombs -----------------------------------------------------------------------

def test_one_upload_limit_for_streamlit_and_the_check():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert MAX_UPLOAD_MB == config["server"]["maxUploadSize"]


def docx_bomb(chars: int) -> bytes:
    """A valid DOCX whose body holds `chars` characters of text (a few KB zipped)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{w}"><w:body>'
            + f"<w:p><w:r><w:t>{'a' * 1000}</w:t></w:r></w:p>" * (chars // 1000) + "</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType'
                   '="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   '</Relationships>')
        z.writestr("word/document.xml", body)
    return buf.getvalue()


def test_a_docx_that_unpacks_to_50_mb_of_text_is_refused_unparsed(own_index, monkeypatch):
    corpus, index_dir, user = own_index
    before = store.require_build(index_dir).name
    bomb = docx_bomb(50_000_000)
    assert len(bomb) < 1_000_000  # passes the upload size limit by far

    def never(*a, **k):
        raise AssertionError("the DOCX was handed to python-docx")

    monkeypatch.setattr(user_document, "docx_text", never)
    r = save_and_ingest("bomba.docx", bomb, corpus, index_dir, user)
    assert r.status == "too_much_text" and r.name == "bomba.docx" and "characters" in r.reason
    assert list(user.iterdir()) == [] and store.require_build(index_dir).name == before


def test_a_docx_under_the_limit_is_still_added(own_index):
    corpus, index_dir, user = own_index
    r = save_and_ingest("mala.docx", docx_bomb(5_000), corpus, index_dir, user)
    assert r.ok and r.text_chars == 5_000


def test_text_over_the_limit_after_loading_is_refused(own_index):
    corpus, index_dir, user = own_index
    page = "<html><body>" + "<p>Naknada štete žrtvi trgovine ljudima.</p>" * 500 + "</body></html>"
    r = save_and_ingest("strana.html", page.encode(), corpus, index_dir, user, max_text_chars=5_000)
    assert r.status == "too_much_text" and r.text_chars > 5_000 and list(user.iterdir()) == []


def test_the_page_explains_a_size_bomb(own_index_env):
    at = upload_files(goto(start(), "mine"), [("bomba.docx", docx_bomb(MAX_TEXT_CHARS + 100_000))])
    assert any("bomba.docx" in e.value and "znakova teksta" in e.value for e in at.error)
    assert not list(own_index_env["user"].glob("*"))


# -- 9. a full disk ----------------------------------------------------------------------

@contextmanager
def file_size_limit(max_bytes: int):
    """Writes past `max_bytes` fail with an OSError, as on a full disk (RLIMIT_FSIZE:
    the kernel refuses the write; SIGXFSZ ignored so the process lives)."""
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, old_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)


def test_a_full_disk_during_the_write_is_reported_and_cleaned_up(own_index):
    corpus, index_dir, user = own_index
    user.mkdir()
    before = store.require_build(index_dir).name
    data = ("Naknada štete. " * 20_000).encode()  # ~300 KB; the disk takes 64 KB
    with file_size_limit(64_000):
        r = save_and_ingest("velika.txt", data, corpus, index_dir, user)
    assert r.status == "disk_full" and r.name == "velika.txt" and str(user) in r.reason
    assert list(user.iterdir()) == []  # no partial .upload-* file
    assert store.require_build(index_dir).name == before


def test_the_page_reports_a_full_disk(own_index_env):
    at = goto(start(), "mine")
    uploader = at.get("file_uploader")[0]
    uploader.upload("velika.txt", ("Naknada štete. " * 20_000).encode(), "text/plain")
    at.run()
    with file_size_limit(64_000):
        at.button(key="upload-button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("velika.txt" in e.value and "nema mesta na disku" in e.value for e in at.error)
    assert not leftovers(own_index_env["user"])


def test_save_and_ingest_never_raises(own_index, monkeypatch):
    corpus, index_dir, user = own_index

    def bug(*a, **k):
        raise RuntimeError("a bug in the pipeline")

    monkeypatch.setattr("indexing.pipeline.build_index", bug)
    r = save_and_ingest("beleska.txt", TEXT, corpus, index_dir, user)
    assert r.status == "failed" and "RuntimeError" in r.reason and list(user.iterdir()) == []
    assert upload.UploadResult("failed", "x").renamed is False
