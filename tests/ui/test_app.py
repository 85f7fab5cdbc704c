"""The Streamlit app driven headless with streamlit.testing.v1.AppTest on a small index:
ask, abstain, filter, look up a provision, upload good and bad files, export, switch
script. The real extractive answerer runs (it is fast on this index); a fake one
checks how an unverified citation looks.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core import store
from tests.ui_fixtures import fake_answer, own_index_env, ui_env, ui_index  # noqa: F401 (fixtures)
from ui.export import to_docx, to_markdown

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds

APP = str(Path(__file__).resolve().parents[2] / "app.py")
QUESTION = "Da li žrtva ima pravo na naknadu nematerijalne štete?"


def start(**state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [w.value for w in at.warning] + [e.value for e in at.error]
                     + [s.value for s in at.success] + [i.value for i in at.info] + [c.value for c in at.caption])


def last_answer(at: AppTest):
    return at.session_state["history"][-1]["answer"]


def test_first_page_is_serbian_latin_and_ready(ui_env):
    at = start()
    assert at.title[0].value == "Pitanja o naknadi štete i pravima žrtava"
    assert "Indeks:" in texts(at) and "BM25" in texts(at)  # index status with the lexical-only notice
    assert at.chat_input[0].placeholder.startswith("Postavite pitanje")


def test_ask_shows_answer_and_citation_cards(ui_env):
    at = ask(start(), QUESTION)
    answer = last_answer(at)
    assert not answer.abstained and answer.citations
    body = texts(at)
    assert "[1]" in body and "Zakon o probnoj naknadi" in body
    first = at.expander[0]
    assert first.label.startswith("[1] Zakon o probnoj naknadi, čl. 2")
    card = "\n".join(m.value for m in first.markdown)
    assert "<mark>Žrtva ima pravo na naknadu materijalne i nematerijalne štete" in card
    assert "1/2020" in card  # gazette list
    assert at.code[0].value == answer.citations[0].label  # the copy-citation box
    assert [b.label for b in at.get("download_button")] == ["Preuzmi kao Markdown", "Preuzmi kao DOCX (Word)"]


def test_abstention_looks_different(ui_env):
    at = ask(start(), "Kolika je kazna za utaju poreza u Kanadi?")
    assert last_answer(at).abstained
    assert at.warning and "Nisam pronašao" in at.warning[0].value
    assert not any(m.value == "**Izvori**" for m in at.markdown)


def test_a_named_source_the_corpus_lacks_is_said_so(ui_env):
    at = ask(start(), "Šta kaže Zakon o zaštiti žrtava trgovine ljudima o pravu na smeštaj?")
    assert last_answer(at).abstained
    assert "Izvori ne sadrže: Zakon o zaštiti žrtava trgovine ljudima." in texts(at)


def test_unverified_citation_is_marked(ui_env):
    at = ask(start(answerer=fake_answer), QUESTION)
    assert at.expander[0].label.endswith("⚠")
    assert any("nije potvrđen" in w.value for w in at.expander[0].warning)


def test_filter_changes_results(ui_env):
    question = "Article 4 of the Convention trafficking"
    at = ask(start(), question)
    everywhere = {c.source.split("/")[0] for c in last_answer(at).citations}
    assert everywhere & {"echr", "medjunarodni"}
    at.sidebar.radio(key="f_scope").set_value("serbian").run()
    ask(at, question)
    serbian = {c.source.split("/")[0] for c in last_answer(at).citations}
    assert not serbian & {"echr", "medjunarodni"}


def test_law_filter_restricts_to_that_law(ui_env):
    at = start()
    at.sidebar.multiselect(key="f_laws").set_value(["zakoni/krivicni_zakonik.txt"]).run()
    ask(at, "trgovina ljudima eksploatacija")
    assert {c.source for c in last_answer(at).citations} == {"zakoni/krivicni_zakonik.txt"}


def test_provision_lookup_with_previous_and_next(ui_env):
    at = goto(start(), "browse")
    at.text_input(key="lookup_query").set_value("KZ 388").run()
    body = texts(at)
    assert "Član 388 — Trgovina ljudima" in body and "vrbuje, prevozi" in body
    labels = [b.label for b in at.button]
    assert "← Prethodni: čl. 387" in labels and "Sledeći: čl. 389 →" in labels
    at.button(key="next-article").click().run()
    assert "Član 389 — Trgovina decom radi usvojenja" in texts(at)


def test_lookup_of_a_range_and_a_cyrillic_law(ui_env):
    at = goto(start(), "browse")
    at.text_input(key="lookup_query").set_value("KZ 387-389").run()
    assert sum(m.value.startswith("#### Član") for m in at.markdown) == 3
    at.text_input(key="lookup_query").set_value("čl. 4 ZBPP").run()
    body = texts(at)
    assert "Korisnik besplatne pravne pomoći može da bude lice" in body  # Cyrillic source shown in Latin
    at.text_input(key="lookup_query").set_value("KZ 999").run()
    assert "nema član 999" in at.warning[0].value
    at.text_input(key="lookup_query").set_value("Testova § 2").run()  # an ECtHR paragraph
    assert "#### § 2" in [m.value for m in at.markdown] and "← Prethodni: § 1" in [b.label for b in at.button]


def test_corpus_page_lists_documents_with_provenance(ui_env):
    at = goto(start(), "corpus")
    df = at.dataframe[0].value
    row = df[df["Naslov"].str.contains("KRIVIČNI ZAKONIK", case=False)].iloc[0]
    assert row["Odlomaka"] == 4 and "example/test-repo" in row["Poreklo"] and "85/2005" in row["Glasnik / datum"]
    assert "ćirilica" in set(df["Pismo"])


def test_upload_good_file_is_indexed(own_index_env):
    env = own_index_env
    before = store.require_build(env["index"]).name
    at = goto(start(), "mine")
    assert "nikada se ne šalju" in at.info[0].value
    at.get("file_uploader")[0].upload("ugovor.txt", "Ugovor o radu radnice iz Nepala, zarada 300 evra.".encode(),
                                      "text/plain")
    at.run()
    at.button(key="upload-button").click().run()
    assert not at.exception
    assert any("Dodat je „ugovor.txt“" in s.value for s in at.success)
    assert (env["user"] / "ugovor.txt").is_file()
    assert store.require_build(env["index"]).name != before
    assert any("user/ugovor.txt" in m.value for m in at.markdown)


def test_upload_bad_file_leaves_index_unchanged(own_index_env):
    env = own_index_env
    before = store.require_build(env["index"]).name
    at = goto(start(), "mine")
    at.get("file_uploader")[0].upload("polomljen.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "application/pdf")
    at.run()
    at.button(key="upload-button").click().run()
    assert not at.exception
    assert any("ne može da se pročita" in e.value and "nepromenjen" in e.value for e in at.error)
    assert not (env["user"] / "polomljen.pdf").exists() and not list(env["user"].glob(".upload-*"))
    assert store.require_build(env["index"]).name == before


def test_export_markdown_and_docx(ui_env):
    at = ask(start(), QUESTION)
    answer = last_answer(at)
    cit = answer.citations[0]
    md = to_markdown(answer)
    assert cit.label in md and cit.quote in md
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(to_docx(answer))).paragraphs)
    assert cit.label in text and cit.quote in text


def test_switching_to_cyrillic(ui_env):
    at = ask(start(), QUESTION)
    at.sidebar.radio(key="lang").set_value("sr-Cyrl").run()
    assert at.title[0].value == "Питања о накнади штете и правима жртава"
    assert at.expander[0].label.startswith("[1] Закон о пробној накнади, чл. 2")
    card = "\n".join(m.value for m in at.expander[0].markdown)
    assert "<mark>Жртва има право на накнаду" in card
    at.sidebar.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Questions on compensation and victims' rights"


def test_cyrillic_ui_answers_a_latin_question_in_cyrillic(ui_env):
    at = start()
    at.sidebar.radio(key="lang").set_value("sr-Cyrl").run()
    answer = last_answer(ask(at, QUESTION))
    assert answer.script == "cyrillic" and answer.answer.startswith("**Одговор:**")
    assert answer.citations[0].quote_original and all(c.verified for c in answer.citations)


@pytest.mark.parametrize("page", ["status"])
def test_status_and_settings_warn_about_remote_endpoint(ui_env, page):
    at = goto(start(), page)
    assert at.dataframe and "Zakoni" in set(at.dataframe[0].value["Vrsta"])
    at.radio(key="answer_mode").set_value("openai").run()
    at.text_input(key="endpoint_url").set_value("https://api.example.com/v1").run()
    assert any("napuštaju" in w.value for w in at.warning)
    at.text_input(key="endpoint_url").set_value("http://127.0.0.1:11434/v1").run()
    assert not any("napuštaju" in w.value for w in at.warning)


def test_fresh_machine_builds_the_index_then_starts_the_dense_leg(ui_index, tmp_path, monkeypatch):
    corpus, _ = ui_index
    index_dir = tmp_path / "fresh-index"
    monkeypatch.setenv("PRAVNI_LEK_CORPUS", str(corpus))
    monkeypatch.setenv("PRAVNI_LEK_INDEX", str(index_dir))
    monkeypatch.setenv("PRAVNI_LEK_USER_DIR", str(tmp_path / "moji"))
    started = []
    monkeypatch.setattr("ui.background.start_dense", lambda *a, **k: started.append(a[1]) or "started")
    at = ask(start(), QUESTION)
    assert store.current_build(index_dir) is not None
    assert started == [index_dir]
    assert last_answer(at).citations


def test_dense_progress_is_shown_while_bm25_serves(own_index_env):
    import json
    import os

    index_dir = own_index_env["index"]
    (index_dir / "dense.json").write_text(json.dumps({"embedder": "fake", "chroma_host": None}))
    (index_dir / "dense_status.json").write_text(json.dumps({"model": "fake", "total": 100, "done": 10,
                                                              "complete": False}))
    (index_dir / "dense.pid").write_text(str(os.getpid()))  # "running": this process is alive
    at = start()
    assert any("10 od 100" in c.value and "BM25" in c.value for c in at.caption)
    ask(at, QUESTION)
    assert last_answer(at).citations  # served from BM25: the unbuilt dense leg is never queried
    assert "bm25" in last_answer(at).hits[0].via and "dense" not in last_answer(at).hits[0].via


def test_unreachable_llm_endpoint_falls_back_to_extractive(ui_env):
    at = goto(start(), "status")
    at.radio(key="answer_mode").set_value("openai").run()
    at.text_input(key="endpoint_url").set_value("http://127.0.0.1:9/v1").run()
    at.text_input(key="endpoint_model").set_value("test-model").run()
    goto(at, "ask")
    ask(at, QUESTION)
    answer = last_answer(at)
    assert answer.citations and all(c.verified for c in answer.citations)
    notes = [i.value for i in at.info] + list(answer.notices)
    assert notes  # the fallback is said, not hidden


def test_complete_dense_leg_is_used(own_index_env):
    from indexing.build import sync_dense

    sync_dense(own_index_env["index"], embedder="fake", show_progress=False)
    at = start()
    assert any("Semantički indeks je spreman" in c.value for c in at.caption)
    ask(at, QUESTION)
    assert "dense" in last_answer(at).hits[0].via


def test_kinds_chosen_then_scope_narrowed(ui_env):
    at = start()
    at.sidebar.multiselect(key="f_kinds").set_value(["treaty", "law"]).run()
    at.sidebar.radio(key="f_scope").set_value("serbian").run()
    assert not at.exception
    assert at.sidebar.multiselect(key="f_kinds").value == ["law"]
    ask(at, "trgovina ljudima")
    assert {c.source.split("/")[0] for c in last_answer(at).citations} <= {"zakoni"}
