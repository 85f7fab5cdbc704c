"""statute_text: paragraf.rs consolidated statutes (fast tests on inline fixtures cut to the
real format; slow tests on the real corpus)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.errors import SkipFile
from ingest.loaders import statute_text
from ingest.loaders.statute_text import load, parse_gazette

KZ = """Sve informacije o propisu nađite
OVDE
.
Tweet
Prijavite se na
mailing listu
!
KRIVIČNI ZAKONIK
("Sl. glasnik RS", br. 85/2005, 88/2005 - ispr., 72/2009 i 94/2024)
POSEBNI DEO
Glava trideset četvrta
KRIVIČNA DELA PROTIV ČOVEČNOSTI I DRUGIH DOBARA ZAŠTIĆENIH MEĐUNARODNIM PRAVOM
Trgovina ljudima
Član 388
(1) Ko silom ili pretnjom vrbuje drugo lice radi korišćenja u oružanim sukobima,
kazniće se zatvorom od tri do dvanaest godina.
(2) Za delo iz stava 1. ovog člana kazniće se:
1) organizator;
2) pomagač.
Trgovina maloletnim licima radi usvojenja
Član 389
(1) Ko oduzme lice koje nije navršilo šesnaest godina radi njegovog usvojenja, kazniće se zatvorom.
Zasnivanje ropskog odnosa
Član 390a
Ko drži lice u ropskom odnosu:
- prodajom;
- kupovinom.
Čl. 391-393
(Brisano)
Član 394
Ovaj zakonik stupa na snagu 1. januara 2006. godine.
Samostalni član Zakona o izmenama i dopunama
Krivičnog zakonika
("Sl. glasnik RS", br. 121/2012)
Član 45[s2]
Ovaj zakon stupa na snagu osmog dana od dana objavljivanja.
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "zakon.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


@pytest.fixture()
def kz(tmp_path):
    return load(_write(tmp_path, KZ), "zakoni/krivicni_zakonik.txt")


def _article(loaded, number):
    return [c for c in loaded.chunks if c.article == number]


def test_document_title_and_gazette(kz):
    doc = kz.document
    assert doc.kind == "law" and doc.script == "latin" and doc.language == "sr" and doc.url is None
    assert doc.title == "KRIVIČNI ZAKONIK"
    meta = doc.metadata
    assert meta["title_display"] == "Krivični zakonik"
    assert meta["gazette"] == "Sl. glasnik RS, br. 85/2005, 88/2005 - ispr., 72/2009 i 94/2024"
    assert meta["gazette_list"] == ["85/2005", "88/2005 - ispr.", "72/2009", "94/2024"]
    assert not any("Tweet" in c.text or "mailing" in c.text for c in kz.chunks)


def test_gazette_with_several_journals():
    readable, items = parse_gazette('"Sl. list SFRJ", br. 29/78, 45/89 - odluka USJ i 57/89, '
                                    '"Sl. list SCG", br. 1/2003 - Ustavna povelja i "Sl. glasnik RS", br. 18/2020')
    assert '"' not in readable
    assert items == ["29/78", "45/89 - odluka USJ", "57/89", "1/2003 - Ustavna povelja", "18/2020"]


def test_heading_before_clan_belongs_to_next_article(kz):
    (a388,), (a389,) = _article(kz, "388"), _article(kz, "389")
    assert a388.heading == "Trgovina ljudima"
    assert a389.heading == "Trgovina maloletnim licima radi usvojenja"
    assert "Trgovina maloletnim" not in a388.text
    assert not a388.text.startswith("Član") and "Trgovina ljudima" not in a388.text
    assert a388.chapter == ("Glava trideset četvrta – KRIVIČNA DELA PROTIV ČOVEČNOSTI I DRUGIH DOBARA "
                            "ZAŠTIĆENIH MEĐUNARODNIM PRAVOM")
    assert a388.title == "Krivični zakonik" and a388.kind == "law"
    assert a388.char_start == KZ.index("Član 388")


def test_hard_wrap_rejoined_and_tacke_kept_on_lines(kz):
    (a388,) = _article(kz, "388")
    assert a388.text.split("\n") == [
        "(1) Ko silom ili pretnjom vrbuje drugo lice radi korišćenja u oružanim sukobima, "
        "kazniće se zatvorom od tri do dvanaest godina.",
        "(2) Za delo iz stava 1. ovog člana kazniće se:",
        "1) organizator;",
        "2) pomagač.",
    ]


def test_clan_with_letter_and_alineje(kz):
    (a,) = _article(kz, "390a")
    assert a.heading == "Zasnivanje ropskog odnosa"
    assert a.text == "Ko drži lice u ropskom odnosu:\n- prodajom;\n- kupovinom."


def test_deleted_range_kept_as_one_unit(kz):
    (g,) = _article(kz, "391-393")
    assert g.text == "(Brisano)" and g.heading is None


def test_amending_section_never_poses_as_main_article(kz):
    amending = [c for c in kz.chunks if c.article is None]
    assert len(amending) == 1
    (c,) = amending
    assert c.section == "Zakon o izmenama i dopunama (Sl. glasnik RS, br. 121/2012), čl. 45"
    assert c.metadata == {"amending_law": "121/2012", "amending_article": "45"}
    assert [x.article for x in kz.chunks if x.article] == ["388", "389", "390a", "391-393", "394"]
    assert _article(kz, "394")[0].text == "Ovaj zakonik stupa na snagu 1. januara 2006. godine."


def test_long_article_split_by_stav(tmp_path):
    stavs = "\n".join((f"({i}) " + f"Rečenica stava {i} koja je dovoljno duga. " * 12).strip() for i in range(1, 7))
    text = f"ZAKON O PROBI\n(\"Sl. glasnik RS\", br. 1/2020)\nPredmet\nČlan 5\n{stavs}\n"
    loaded = load(_write(tmp_path, text), "zakoni/proba.txt")
    pieces = loaded.chunks
    assert len(pieces) > 1
    assert all(c.article == "5" and c.heading == "Predmet" for c in pieces)
    assert all(len(c.text) <= statute_text.MAX_CHUNK_CHARS for c in pieces)
    assert pieces[0].stav.startswith("1") and pieces[-1].stav.endswith("6")
    assert "\n".join(c.text for c in pieces) == stavs


def test_line_printed_above_clan_moves_into_its_article(tmp_path):
    # porodicni_zakon.txt / Ustav: "Heading / first stav / Član N" (PDF extraction order)
    # (the file is hard-wrapped at ~125 characters, so a 46-character line is a title)
    wrapped = ("Niko ne može biti izložen mučenju, nečovečnom ili ponižavajućem postupanju ili kažnjavanju, "
               "niti podvrgnut medicinskim ili \nnaučnim ogledima bez svog slobodno datog pristanka.")
    text = ("USTAV REPUBLIKE SRBIJE\n(\"Sl. glasnik RS\", br. 98/2006)\nPravo na život\nČlan 24\n"
            "Ljudski život je neprikosnoven.\nNepovredivost fizičkog i psihičkog integriteta\n"
            f"Fizički i psihički integritet je nepovrediv.\nČlan 25\n{wrapped}\n")
    loaded = load(_write(tmp_path, text), "zakoni/ustav.txt")
    a24, a25 = loaded.chunks
    assert a24.text == "Ljudski život je neprikosnoven."
    assert a25.heading == "Nepovredivost fizičkog i psihičkog integriteta"
    assert a25.text == ("Fizički i psihički integritet je nepovrediv.\n" + wrapped.replace(" \n", " "))
    assert loaded.document.metadata["title_display"] == "Ustav Republike Srbije"
    assert loaded.notes


def test_a_lead_in_printed_above_the_next_articles_heading_opens_that_articles_list(tmp_path):
    # zakon_o_krivicnom_postupku.txt: "Oštećeni ima pravo da:" sits above "Glava V … Član 50",
    # whose text opens at "1) podnese …"; for čl. 314 the first item came along too.
    text = ("ZAKONIK O KRIVIČNOM POSTUPKU\n(\"Sl. glasnik RS\", br. 72/2011)\nOdustanak\nČlan 49\n"
            "Javni tužilac može odustati od optužbe.\nOštećeni ima pravo da:\nGlava V\nOŠTEĆENI\n"
            "Prava oštećenog\nČlan 50\n1) podnese predlog;\n2) ukaže na činjenice.\n"
            "Sporazum sadrži:\n1) opis dela;\nSadržaj sporazuma\nČlan 51\n2) priznanje okrivljenog.\n")
    loaded = load(_write(tmp_path, text), "zakoni/zkp.txt")
    a49, a50, a51 = loaded.chunks
    assert a49.text == "Javni tužilac može odustati od optužbe."
    assert a50.text == "Oštećeni ima pravo da:\n1) podnese predlog;\n2) ukaže na činjenice."
    assert a50.heading == "Prava oštećenog"
    assert a51.text == "Sporazum sadrži:\n1) opis dela;\n2) priznanje okrivljenog."


def test_idempotent_ids(tmp_path):
    p = _write(tmp_path, KZ)
    a, b = load(p, "zakoni/kz.txt"), load(p, "zakoni/kz.txt")
    assert [c.id for c in a.chunks] == [c.id for c in b.chunks]
    assert len({c.id for c in a.chunks}) == len(a.chunks)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"  \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    (b"\xff\xfe\xfd not utf8", "UTF-8"),
    ("ZAKON O NIČEMU\nOvo je tekst bez ijednog člana.\n".encode(), "no article found"),
])
def test_unusable_input_is_skipped(tmp_path, content, reason):
    with pytest.raises(SkipFile, match=reason):
        load(_write(tmp_path, content), "zakoni/x.txt")


# ---------------------------------------------------------------- real corpus (slow)

def _num(article: str) -> tuple[int, int]:
    nums = [int(n) for n in re.findall(r"\d+", article)]
    return nums[0], nums[-1]


@pytest.mark.slow
def test_every_law_has_ordered_unique_articles(shared_corpus):
    files = sorted((shared_corpus / "zakoni").glob("*.txt"))
    assert len(files) == 31
    for f in files:
        loaded = load(f, f"zakoni/{f.name}")
        articles: list[str] = []
        for c in loaded.chunks:
            if c.article and (not articles or articles[-1] != c.article):
                articles.append(c.article)
        assert len(articles) == len(set(articles)), f.name
        last = 0
        for a in articles:
            first, end = _num(a)
            assert first >= last, f"{f.name}: čl. {a} after čl. {last}"
            last = end
        for c in loaded.chunks:
            assert c.article or c.section, f.name
            if c.article is None and c.section not in ("Preambula", "Uvod"):
                assert c.section.startswith("Zakon o") and c.metadata["amending_article"], f.name


@pytest.mark.slow
def test_krivicni_zakonik_388(shared_corpus):
    loaded = load(shared_corpus / "zakoni/krivicni_zakonik.txt", "zakoni/krivicni_zakonik.txt")
    pieces = [c for c in loaded.chunks if c.article == "388"]
    assert pieces and all(c.heading == "Trgovina ljudima" for c in pieces)
    text = "\n".join(c.text for c in pieces)
    for i in range(1, 11):
        assert f"({i}) " in text
    assert "u oružanim sukobima, kazniće se zatvorom od tri do dvanaest godina." in text
    assert "Trgovina maloletnim licima radi usvojenja" not in text
    (a389,) = [c for c in loaded.chunks if c.article == "389"]
    assert a389.heading == "Trgovina maloletnim licima radi usvojenja"
    sections = {c.section for c in loaded.chunks if c.article is None}
    assert "Zakon o izmenama i dopunama (Sl. glasnik RS, br. 121/2012), čl. 45" in sections
    assert loaded.document.metadata["gazette_list"][-1] == "94/2024"


@pytest.mark.slow
def test_zoo_has_articles_1_to_1109(shared_corpus):
    loaded = load(shared_corpus / "zakoni/zakon_o_obligacionim_odnosima.txt", "zakoni/zoo.txt")
    covered: set[int] = set()
    for c in loaded.chunks:
        if c.article:
            first, end = _num(c.article)
            covered.update(range(first, end + 1))
    assert covered == set(range(1, 1110))
    assert any(c.article is None and c.metadata.get("amending_law") for c in loaded.chunks)
