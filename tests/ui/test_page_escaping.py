"""Text from documents, answers and questions never alters the page (issue 10, item
10): a line `Član 3 <style>…</style>`, an <iframe>, a <form>, a look-alike
"Sl. glasnik RS" link and `![x](http://…)` images stay text on the Ask page (answer,
notices, citation card heading, label, quote, metadata), the browse page, the corpus
page and "Moji dokumenti"; the only link drawn is a corpus document's own URL."""
from __future__ import annotations

import re
import shutil

import pytest

from indexing.pipeline import build_index
from tests.hostile_fixtures import EVIL, HOSTILE_QUESTION, HOSTILE_TEXT, hostile_abstention, hostile_answer, page_problems
from tests.ui.test_app import ask, goto, start
from tests.ui_fixtures import KZ, make_ui_corpus, own_index_env, ui_index  # noqa: F401 (fixtures)
from ui.upload import save_and_ingest

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds

ZBPP_URL = "https://www.pravno-informacioni-sistem.rs/viewAct/85342e7d"
HUDOC_URL = "https://hudoc.echr.coe.int/eng?i=001-999999"
ALLOWED = {ZBPP_URL, HUDOC_URL}


@pytest.fixture()
def hostile_env(own_index_env):
    """The app's own index with the hostile note uploaded as a user document."""
    env = own_index_env
    r = save_and_ingest("beleska <style>.txt", HOSTILE_TEXT.encode(), env["corpus"], env["index"], env["user"])
    assert r.ok, r.reason
    return env


def test_ask_page_shows_hostile_text_as_text(hostile_env):
    at = ask(start(answerer=hostile_answer), HOSTILE_QUESTION)
    for e in at.expander:  # draw both cards' contents
        assert e.label
    assert page_problems(at, ALLOWED) == []
    cards = "\n".join(m.value for e in at.expander for m in e.markdown)
    assert "&lt;style&gt;" in cards  # the heading is there, as text
    assert f"]({ZBPP_URL})" in cards  # the corpus document's own URL is linked…
    assert "citation-url" not in cards and "not-the-documents-url" not in cards  # …not the citation's
    assert any("navod proveren" in c.value for c in at.caption)


def test_abstention_and_notices_are_text_too(hostile_env):
    at = ask(start(answerer=hostile_abstention), HOSTILE_QUESTION)
    assert at.warning and page_problems(at, ALLOWED) == []


def test_my_documents_and_corpus_pages_show_hostile_titles_as_text(hostile_env):
    at = goto(start(), "mine")
    assert any("user/beleska _style_.txt" in re.sub(r"\\(.)", r"\1", m.value) for m in at.markdown)
    assert page_problems(at, ALLOWED) == []
    at = goto(at, "corpus")
    titles = list(at.dataframe[0].value["Naslov"])
    assert any("<b>podebljano</b>" in str(t) for t in titles)  # a table cell is text, never markup
    assert page_problems(at, ALLOWED) == []


def test_browse_page_shows_hostile_headings_as_text(tmp_path, monkeypatch):
    corpus = make_ui_corpus(tmp_path / "corpus")
    hostile_kz = KZ.replace("Trgovina ljudima\n", f"Trgovina ljudima <style>*{{display:none}}</style> "
                                                  f"[Sl. glasnik](http://{EVIL}/h) ![i](http://{EVIL}/i.png)\n")
    hostile_kz = hostile_kz.replace("tri do dvanaest godina.", f"tri do dvanaest godina.\n\n![x](http://{EVIL}/x.png)")
    (corpus / "zakoni" / "krivicni_zakonik.txt").write_text(hostile_kz, encoding="utf-8")
    build_index(corpus, tmp_path / "index", workers=1)
    monkeypatch.setenv("PRAVNI_LEK_CORPUS", str(corpus))
    monkeypatch.setenv("PRAVNI_LEK_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("PRAVNI_LEK_USER_DIR", str(tmp_path / "moji"))
    at = goto(start(), "browse")
    at.text_input(key="lookup_query").set_value("KZ 387-389").run()
    assert page_problems(at, ALLOWED) == []
    assert any("Trgovina ljudima" in m.value and "\\<style\\>" in m.value for m in at.markdown)
    at.text_input(key="lookup_query").set_value(f"![q](http://{EVIL}/q.png) <style>").run()
    assert at.warning and page_problems(at, ALLOWED) == []


def test_escaping_helpers():
    from ui.display import answer_html, html_text, md_text, official_url

    assert md_text("[x](http://e.example) <b> *a* $x$ :red[y]") == (
        "\\[x\\]\\(http\u2060://e.example\\) \\<b\\> \\*a\\* \\$x\\$ :red\\[y\\]")
    assert "<br>" in html_text("a\n\nb") and "\n" not in html_text("a\n\nb")
    assert html_text("![x](u)") == "&#33;&#91;x&#93;&#40;u&#41;"
    out = answer_html("**Odgovor:** „x“ [1]\n\n*Sudska praksa*\n- KZ: „y“ [2] <img src=x>")
    assert "<strong>Odgovor&#58;</strong>" in out and "<em>Sudska praksa</em>" in out
    assert '<span class="pl-ref">[2]</span>' in out and "&lt;img" in out and "\n" not in out
    assert official_url(ZBPP_URL, "zakoni/pis/x.json", "law") == ZBPP_URL
    assert official_url("http://x.example/a", "user/a.txt", "user_document") is None
    assert official_url("javascript:alert(1)", "zakoni/x", "law") is None
    assert official_url("https://x.example/a(b)", "zakoni/x", "law") == "https://x.example/a%28b%29"
    assert not re.search(r"\s", official_url("https://x.example/a", "zakoni/x", "law"))
