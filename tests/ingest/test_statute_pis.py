"""statute_pis: official Pravno-informacioni sistem JSON statutes (Cyrillic)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core.errors import SkipFile
from ingest.loaders.statute_pis import latin_suffix, load, parse_gazette

FIXTURE = {
    "id": "rs-law-zakon-o-sprecavanju-nasilja-u-porodici",
    "type": "statute",
    "title": "Закон о спречавању насиља у породици",
    "title_en": "LAW ON PREVENTION OF DOMESTIC VIOLENCE",
    "status": "in_force",
    "url": "https://www.pravno-informacioni-sistem.rs/viewAct/example",
    "description": "Службени гласник: 94/2016-3, 10/2023-14 (др. закон) Област: VI   СВОЈИНСКИ ОДНОСИ "
                   "Извор: Правно-информациони систем Републике Србије.",
    "provisions": [
        {"provision_ref": "art1", "chapter": "I. ОСНОВНЕ ОДРЕДБЕ", "section": "1",
         "title": "Члан 1. Предмет\nзакона",
         # "законoм" carries a Latin "o", as the real files do
         "content": "Овим законoм уређује се спречавање\nнасиља у породици.\n\nОвај закон се примењује."},
        {"provision_ref": "art4a", "chapter": "I. ОСНОВНЕ ОДРЕДБЕ", "section": "4а",
         "title": "Члан 4а. Хитне мере", "content": "Хитне мере су:\n\n1) прва;\n\n2) друга."},
        {"provision_ref": "art12", "chapter": "II. НАДЛЕЖНОСТ", "section": "12",
         "title": "Члан 12. 12) ради на спровођењу међународне\nсарадње;",
         "content": "Министарство обезбеђује претпоставке."},
    ],
    "definitions": [],
}


def _write(tmp_path: Path, data, name: str = "zakon.json") -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode())
    return p


@pytest.fixture()
def loaded(tmp_path):
    return load(_write(tmp_path, FIXTURE), "zakoni/pis/0515-test.json")


def test_document_and_gazette(loaded):
    doc = loaded.document
    assert doc.title == "Закон о спречавању насиља у породици"
    assert doc.script == "cyrillic" and doc.kind == "law"
    assert doc.url == FIXTURE["url"]
    meta = doc.metadata
    assert meta["gazette"] == "Службени гласник РС, бр. 94/2016, 10/2023 (др. закон)"
    assert meta["gazette_list"] == ["94/2016", "10/2023 (др. закон)"]
    assert meta["title_en"] == "LAW ON PREVENTION OF DOMESTIC VIOLENCE"


def test_gazette_without_numbers():
    assert parse_gazette("Област: нешто") == ("", [])


def test_article_heading_split_and_text_verbatim(loaded):
    a1 = loaded.chunks[0]
    assert a1.article == "1" and a1.heading == "Предмет закона"
    assert a1.chapter == "I. ОСНОВНЕ ОДРЕДБЕ"
    # wrapped lines re-joined, paragraphs kept, the mixed-script word left alone
    assert a1.text == "Овим законoм уређује се спречавање насиља у породици.\nОвај закон се примењује."
    assert "законoм" in a1.text


def test_cyrillic_suffix_becomes_latin(loaded):
    a4 = loaded.chunks[1]
    assert a4.article == "4a" and a4.heading == "Хитне мере"
    assert a4.text == "Хитне мере су:\n1) прва;\n2) друга."
    assert latin_suffix("а") == "a" and latin_suffix("љ") == "lj" and latin_suffix("b") == "b"


def test_stray_list_item_in_title_is_not_a_heading(loaded):
    assert loaded.chunks[2].article == "12" and loaded.chunks[2].heading is None


def test_the_next_articles_title_printed_at_the_end_of_the_content_moves_to_it(tmp_path):
    # 0159 (odgovornost pravnih lica): art1's content ends with art2's title, and a
    # chapter's lines come before a title; a run of names (villages) is left alone.
    data = dict(FIXTURE, provisions=[
        {"provision_ref": "art1", "title": "Члан 1.",
         "content": "Овим законом уређују се услови.\n\nКривична дела за која одговарају правна лица"},
        {"provision_ref": "art2", "title": "Члан 2.",
         "content": "Правно лице може одговарати.\n\nГлава II\n\nОСНОВНА НАЧЕЛА\n\nИскључење одговорности"},
        {"provision_ref": "art3", "title": "Члан 3. Свој наслов", "content": "Република не може одговарати."},
        {"provision_ref": "art4", "title": "Члан 4.", "content": "Општину чине насеља:\n\nОрашац\n\nМислођин"
                                                                      "\n\nВрбештица\n\nПружатовац"},
    ])
    a1, a2, a3, a4 = load(_write(tmp_path, data), "zakoni/pis/0159-test.json").chunks
    assert a1.text == "Овим законом уређују се услови." and a1.heading is None
    assert a2.heading == "Кривична дела за која одговарају правна лица"
    assert a2.text == "Правно лице може одговарати."
    assert a3.heading == "Свој наслов"  # the article's own title wins
    assert a4.text.endswith("Пружатовац")


def test_long_article_split_keeps_list_with_its_stav(tmp_path):
    items = "\n\n".join(f"{i}) лицу које остварује правну заштиту број {i};" for i in range(1, 14))
    content = ("Први став је довољно дугачак. " * 30 + "\n\nДруги став ако:\n\n" + items
               + "\n\nТрећи став. " + "Још текста. " * 80)
    data = {**FIXTURE, "provisions": [{"provision_ref": "art4", "chapter": "I", "section": "4",
                                       "title": "Члан 4. Услови", "content": content}]}
    pieces = load(_write(tmp_path, data), "zakoni/pis/x.json").chunks
    assert len(pieces) == 3
    assert [p.stav for p in pieces] == ["1", "2", "3"]
    assert pieces[1].text.startswith("Други став ако:") and "13) лицу" in pieces[1].text
    assert all(p.article == "4" and p.heading == "Услови" for p in pieces)


def test_idempotent_ids(tmp_path):
    p = _write(tmp_path, FIXTURE)
    assert [c.id for c in load(p, "a/b.json").chunks] == [c.id for c in load(p, "a/b.json").chunks]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"{not json", "invalid JSON"),
    (b"\x00\x01\x02", "binary"),
    (json.dumps({"title": "Закон"}).encode(), "no provisions"),
    (json.dumps({"title": "Закон", "provisions": []}).encode(), "no provisions"),
    (json.dumps([1, 2]).encode(), "no provisions"),
])
def test_unusable_input_is_skipped(tmp_path, content, reason):
    with pytest.raises(SkipFile, match=reason):
        load(_write(tmp_path, content), "zakoni/pis/x.json")


# ---------------------------------------------------------------- real corpus (slow)

@pytest.mark.slow
def test_every_pis_law_has_ordered_unique_articles(shared_corpus):
    files = sorted((shared_corpus / "zakoni/pis").glob("*.json"))
    assert len(files) == 17
    for f in files:
        loaded = load(f, f"zakoni/pis/{f.name}")
        articles: list[str] = []
        for c in loaded.chunks:
            if not articles or articles[-1] != c.article:
                articles.append(c.article)
        assert len(articles) == len(set(articles)), f.name
        numbers = [int(re.match(r"\d+", a).group()) for a in articles]
        assert numbers == sorted(numbers), f.name
        assert all(re.fullmatch(r"\d+[a-zčćđšž]*", a) for a in articles), f.name


@pytest.mark.slow
def test_besplatna_pravna_pomoc_clan_4_lists_all_beneficiaries(shared_corpus):
    (f,) = (shared_corpus / "zakoni/pis").glob("0151-*.json")
    loaded = load(f, f"zakoni/pis/{f.name}")
    pieces = [c for c in loaded.chunks if c.article == "4"]
    assert pieces and all(c.heading == "Услови за пружање бесплатне правне помоћи" for c in pieces)
    first = "1) детету о чијем се праву, обавези или интересу заснованом на закону одлучује"
    last = "13) лицу које је погођено поступком принудног исељења и пресељења у складу са законом"
    assert any(first in c.text and last in c.text for c in pieces)
    assert any("5) лицу које остварује правну заштиту од тортуре" in c.text and "трговине људима" in c.text
               for c in pieces)
