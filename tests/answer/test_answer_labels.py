"""Citation labels as a lawyer writes them, and stav/tačka location of a quote."""
import json

import pytest

from answer.labels import citation_label, format_date, gazette_citation, gazette_list, load_aliases, locate_stav
from core.records import Chunk, Document
from tests.fixtures.answer.sample import ALIASES, CHUNKS, DOCS, ZKP_254_WRAPPED, hit


def label(name, quote=None, aliases=ALIASES):
    h = hit(name)
    stav, tacka = locate_stav(h.chunk.text, quote, h.chunk.stav) if quote else (None, None)
    return citation_label(h.chunk, h.document, stav, tacka, aliases=aliases)


@pytest.mark.parametrize("name, quote, expected", [
    ("zkp254", "Imovinskopravni zahtev se podnosi organu postupka", "ZKP, čl. 254 st. 1"),
    ("zkp254", "Imovinskopravni zahtev se može podneti najkasnije do završetka glavnog pretresa", "ZKP, čl. 254 st. 2"),
    ("zkp254", "obavestiće se da ga može podneti do završetka glavnog pretresa", "ZKP, čl. 254 st. 3"),
    ("kz388", "Ko zna ili je mogao znati da je lice žrtva trgovine ljudima", "KZ, čl. 388 st. 8"),
    ("kz388", "kazniće se zatvorom od šest meseci do pet godina", "KZ, čl. 388 st. 8"),
    ("zoo200", None, "ZOO, čl. 200"),
    ("zbpp4", "лицу које остварује правну заштиту од тортуре", "Zakon o besplatnoj pravnoj pomoći, čl. 4 st. 3 tač. 5"),
    ("zbpp4", "Чланом породице, односно заједничког домаћинства", "Zakon o besplatnoj pravnoj pomoći, čl. 4 st. 2"),
    ("zbpp4", "испуњава услове да буде корисник права на новчану социјалну помоћ сагласно", "Zakon o besplatnoj pravnoj pomoći, čl. 4 st. 1 tač. 1"),
    # A piece of a split PIS article, one line per paragraph, starting at stav 3:
    ("zbpp4_piece", "лицу које остварује правну заштиту од тортуре", "Zakon o besplatnoj pravnoj pomoći, čl. 4 st. 3 tač. 5"),
    ("zbpp4_piece", "Држављанину Републике Србије", "Zakon o besplatnoj pravnoj pomoći, čl. 4 st. 3"),
    ("vs", None, "Vrhovni sud, Rev2 1788/2024 od 10.05.2024."),
    ("bilten", None, "Apelacioni sud u Beogradu, Bilten 1/2023, str. 57"),
    ("rantsev", None, "Rantsev v. Cyprus and Russia, § 281"),
    ("cets197", None, "CETS 197, Art. 15"),
])
def test_labels(name, quote, expected):
    assert label(name, quote) == expected


def test_short_name_from_alias_table_else_law_name():
    assert label("zbpp4", aliases={"zakoni/pis/0151-rs-law-zakon-o-besplatnoj-pravnoj-pomoci.json": {"short": "ZBPP"}}) == "ZBPP, čl. 4"
    assert label("kz388", aliases={}) == "Krivični zakonik, čl. 388"


def test_amending_law_article_is_labelled_by_its_section_never_as_main_law_article():
    got = label("amending")
    assert got == 'Zakon o izmenama i dopunama Krivičnog zakonika ("Sl. glasnik RS", br. 35/2019), čl. 41'
    assert not got.startswith("KZ")
    # The statute loader already writes "…, čl. 41" into the section: not repeated.
    h = hit("amending")
    from core.records import Chunk
    c = Chunk(h.chunk.source, "law", h.chunk.title, h.chunk.text, section=h.chunk.section + ", čl. 41",
              meta={"amending_article": "41"})
    assert citation_label(c, h.document, aliases=ALIASES).count("čl. 41") == 1


def test_unmarked_wrapped_text_gives_no_stav_when_a_wrap_is_ambiguous():
    # A full-width line ending in "253." cannot be told from a stav end: no guess.
    text = ("Prva rečenica koja je dovoljno duga da bude široka kao i ostali redovi ovog teksta, do samog kraja reda 253.\n"
            "nastavak rečenice koji je takođe dug i prelomljen na kraju reda kao u tekstovima sa paragraf.rs sajta a\n"
            "kraj.")
    assert locate_stav(text, "kraj.") == (None, None)
    # A quote that is not in the text has no location either.
    assert locate_stav(CHUNKS["zkp254"].text, "ovo nije u tekstu") == (None, None)


def test_hard_wrapped_paragraf_layout_counts_stavs_at_short_sentence_ending_lines():
    assert locate_stav(ZKP_254_WRAPPED, "Imovinskopravni zahtev se može podneti") == ("1", None)
    # "…podneti do \nzavršetka…" is a wrap inside stav 2, not a new stav.
    assert locate_stav(ZKP_254_WRAPPED, "završetka glavnog pretresa. Ako su usled") == ("2", None)
    assert locate_stav(ZKP_254_WRAPPED, "oštećena javna svojina") == ("2", None)


def test_one_line_per_stav_text_counts_lines():
    text = "Prvi stav ovog člana.\nDrugi stav ovog člana.\nTreći stav ovog člana."
    assert locate_stav(text, "Treći stav") == ("3", None)


def test_gazette_and_dates():
    assert gazette_list(DOCS["kz"]) == ["85/2005", "88/2005"]
    assert gazette_list(DOCS["rantsev"]) is None
    assert format_date("2024-05-10") == "10.05.2024."
    assert format_date(None) is None


def test_load_aliases_reads_the_sources_table(tmp_path):
    p = tmp_path / "aliases.json"
    p.write_text(json.dumps({"_comment": "x", "sources": {"zakoni/a.txt": {"short": "A"}}}), encoding="utf-8")
    assert load_aliases(p) == {"zakoni/a.txt": {"short": "A"}}
    assert load_aliases(tmp_path / "missing.json") == {}


@pytest.mark.parametrize("gazette, script, expected", [
    ("Sl. glasnik RS, br. 72/2011, 101/2011", "latin", "„Sl. glasnik RS“, br. 72/2011, 101/2011"),
    ('"Sl. glasnik RS", br. 72/2011, 101/2011', "cyrillic", "„Сл. гласник РС“, бр. 72/2011, 101/2011"),
    ("SL. GLASNIK RS, BR. 18/2016, 95/2018 – AUTENTIČNO TUMAČENJE I 2/2023 - ODLUKA US", "latin",
     "„Sl. glasnik RS“, br. 18/2016, 95/2018 – autentično tumačenje i 2/2023 - odluka US"),
    ("Sl. list SFRJ, br. 29/78, 39/85, Sl. list SRJ, br. 31/93", "latin", "„Sl. list SFRJ“, br. 29/78, 39/85, „Sl. list SRJ“, br. 31/93"),
    # PIS statutes: the loader's Cyrillic line, in either script.
    ("Службени гласник РС, бр. 94/2016, 10/2023 (др. закон)", "cyrillic", "„Службени гласник РС“, бр. 94/2016, 10/2023 (др. закон)"),
    ("Службени гласник РС, бр. 94/2016, 10/2023 (др. закон)", "latin", "„Službeni glasnik RS“, br. 94/2016, 10/2023 (dr. zakon)"),
])
def test_gazette_line_as_a_lawyer_writes_it(gazette, script, expected):
    assert gazette_citation(Document("zakoni/x.txt", "law", "X", meta={"gazette": gazette}), script) == expected


def test_gazette_line_from_the_list_alone_or_none():
    assert gazette_citation(DOCS["zbpp"]) == "„Sl. glasnik RS“, br. 87/2018"
    assert gazette_citation(DOCS["rantsev"]) is None and gazette_citation(None) is None


@pytest.mark.parametrize("language, article, page, expected", [
    ("sr", "5", 2, "Ugovor o radu, čl. 5, str. 2"),
    ("sr", "5", None, "Ugovor o radu, čl. 5"),
    ("en", "12", 3, "Ugovor o radu, Art. 12, str. 3"),
    ("sr", None, 4, "Ugovor o radu, str. 4"),
])
def test_user_document_label_names_article_and_page(language, article, page, expected):
    doc = Document("user/ugovor.pdf", "user_document", "Ugovor o radu", language=language)
    chunk = Chunk("user/ugovor.pdf", "user_document", "Ugovor o radu", "Tekst.", article=article, page=page)
    assert citation_label(chunk, doc) == expected
