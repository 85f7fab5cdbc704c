import re
import time

import pytest

from core.errors import SkipFile
from ingest.loaders import bulletin_pdf
from ingest.loaders.bulletin_pdf import drop_tables, headings, issue_and_year
from pdf_fixtures import write_pdf

PROSE = ("Жртва трговине људима има право на накнаду штете коју јој је\n"
         "проузроковао учинилац кривичног дела, у кривичном или парничном\n"
         "поступку, према правилима о одговорности за штету и одговор-\n"
         "ности државе. Суд је правилно применио материјално право.\n")
SENTENCES = ["Првостепени суд је утврдио да је тужиља била принуђена на рад.",
             "Жалба туженог је неоснована из разлога који следе у наставку.",
             "Висина накнаде нематеријалне штете одмерена је према околностима.",
             "Апелациони суд налази да је правилно примењено материјално право.",
             "Застарелост потраживања почиње да тече од сазнања за штету.",
             "Оштећена је у поступку имала својство посебно осетљивог сведока.",
             "Закључак о постојању узрочне везе изведен је из налаза вештака.",
             "Ревизија се изјављује против другостепене пресуде у року."]


def prose(k):
    """Distinct lines per page (running-header detection drops lines repeating at page edges)."""
    return "\n".join(SENTENCES[(k + i) % len(SENTENCES)] for i in range(4)) + "\n"
TABLE = ("Редни број\nДело\nУкупан број дела\nКАЗНА ЗАТВОРА ДО\n1 ГОДИНЕ\n"
         "1 Крађа 114 18.42% 1.75% 16.67%\n2 Тешка крађа 1847 22.20% 0.43% 12.45%\n"
         "3 Разбојништво 1224 17.65% 0.08% 0.08%\n4 Утаја 32 31.25% 40.63% 28.13%\n")


def _page(n, body):
    # running header + page number as the Belgrade bulletins have them
    head = "Апелациони суд у Београду" if n % 2 == 0 else "Билтен број 1/2023"
    return f"{head}\n{n}\n{body}"


def _bulletin(tmp_path):
    pages = ["АПЕЛАЦИОНИ СУД У БЕОГРАДУ\nБИЛТЕН\nбр. 13\nБеоград, 2023.",
             "",
             _page(3, TABLE),
             _page(4, "НАКНАДА ШТЕТЕ ЖРТВИ\nТРГОВИНЕ ЉУДИМА\n" + PROSE),
             _page(5, prose(1) + prose(5)),
             _page(6, prose(2) + "\n" + TABLE + "\n" + prose(6)),
             _page(7, "ОДГОВОРНОСТ ДРЖАВЕ\n" + prose(3))]
    folder = tmp_path / "as_bg"
    folder.mkdir()
    return write_pdf(folder / "bilten_bg_13_2023.pdf", pages)


def test_document_metadata(tmp_path):
    path = _bulletin(tmp_path)
    loaded = bulletin_pdf.load(path, "sudska_praksa/bilteni/as_bg/bilten_bg_13_2023.pdf")
    doc = loaded.document
    assert doc.kind == "court_bulletin" and doc.script == "cyrillic" and doc.url is None
    assert doc.title == "Apelacioni sud u Beogradu – Bilten 13/2023"
    assert doc.metadata == {"court": "Apelacioni sud u Beogradu", "issue": "13/2023", "year": "2023",
                            "pages": 7, "label": "Apelacioni sud u Beogradu, Bilten 13/2023"}


def test_chunks_pages_sections_and_notes(tmp_path):
    loaded = bulletin_pdf.load(_bulletin(tmp_path), "sudska_praksa/bilteni/as_bg/bilten_bg_13_2023.pdf")
    by_page = {c.page: c for c in loaded.chunks}
    assert sorted(by_page) == [4, 5, 6, 7]  # 1 cover, 2 blank, 3 only a table
    assert all(c.kind == "court_bulletin" and c.title.endswith("13/2023") for c in loaded.chunks)
    assert by_page[4].section == "НАКНАДА ШТЕТЕ ЖРТВИ ТРГОВИНЕ ЉУДИМА"
    assert by_page[5].section == "НАКНАДА ШТЕТЕ ЖРТВИ ТРГОВИНЕ ЉУДИМА"  # carried over
    assert by_page[7].section == "ОДГОВОРНОСТ ДРЖАВЕ"
    # running headers and page numbers are gone; the hyphenated word is joined
    text4 = by_page[4].text
    assert "Апелациони суд у Београду" not in text4 and not re.search(r"^\d+$", text4, re.M)
    assert "одговорности државе" in text4
    # the table inside page 6 is dropped, the prose around it kept
    assert "Разбојништво" not in by_page[6].text
    assert by_page[6].text.startswith(SENTENCES[2]) and by_page[6].text.endswith(SENTENCES[1])
    notes = " ".join(loaded.notes)
    assert "only tables: 3" in notes and "dropped 2 table blocks" in notes and "no text" in notes


def test_drop_tables_keeps_prose_and_lists():
    prose = "1) истрага ће се завршити у року од десет дана,\n2) оптужница се уручује 24 сата пре суђења.\n"
    text, n = drop_tables(prose + TABLE)
    assert n == 1 and text == prose.strip()
    assert drop_tables(PROSE) == (PROSE.strip(), 0)


def test_drop_tables_drops_contents_pages():
    toc = "САДРЖАЈ\nКРИВИЧНО ПРАВО ........ 81\nНедозвољена жалба ........ 81\nИзнуда ........ 85\n"
    assert drop_tables(toc) == ("", 1)


def test_headings_need_two_words_and_skip_stock_phrases():
    text = "ПРЕСУДУ\nнешто\nИЗ ОБРАЗЛОЖЕЊА:\nнешто\nПРАВО НА ЖИВОТ1\nтекст\nKRIVIČNO PRAVO\n"
    assert [h for _, h in headings(text)] == ["ПРАВО НА ЖИВОТ", "KRIVIČNO PRAVO"]


@pytest.mark.parametrize("stem, front, expected", [
    ("bilten_bg_13_2023", "", ("13/2023", "2023")),
    ("bilten_vks_2025_3", "", ("3/2025", "2025")),
    ("bilten_2023-24", "", ("2023/24", "2023")),
    ("bilten_nis_2012", "АПЕЛАЦИОНИ СУД У НИШУ\nБИЛТЕН\nБр. 2\nНиш, 2012. године", ("2/2012", "2012")),
    ("bilten_nis_2021", "БИЛТЕН\nАПЕЛАЦИОНИ СУД У НИШУ\nНиш, 2021. године", ("2021", "2021")),
    # the CIP record names the series' first issue ("2010, бр. 1-"), not this one
    ("bilten_nis_2017", "БИЛТЕН\nНиш, 2017. године\nуредник Драган Јоцић. - 2010, бр. 1- . - Нови Сад :",
     ("2017", "2017")),
    ("bilten", "БИЛТЕН\nбр. 4\nНиш, 2019. године", ("4/2019", "2019")),
])
def test_issue_and_year(stem, front, expected):
    assert issue_and_year(stem, front) == expected


def test_unknown_folder_court_from_cover(tmp_path):
    path = write_pdf(tmp_path / "bilten_2019.pdf", ["АПЕЛАЦИОНИ СУД У НИШУ\nБИЛТЕН\nНиш, 2019. године", PROSE])
    doc = bulletin_pdf.load(path, "sudska_praksa/bilteni/ostalo/bilten_2019.pdf").document
    assert doc.metadata["court"] == "Apelacioni sud u Nišu" and doc.title == "Apelacioni sud u Nišu – Bilten 2019"


def test_textless_bulletin_is_skipped(tmp_path):
    (tmp_path / "vks").mkdir()
    path = write_pdf(tmp_path / "vks" / "bilten_vks_2024_1.pdf", ["", ""])
    with pytest.raises(SkipFile, match="no extractable text"):
        bulletin_pdf.load(path, "sudska_praksa/bilteni/vks/bilten_vks_2024_1.pdf")


@pytest.mark.slow
def test_every_real_bulletin_loads(shared_corpus):
    files = sorted((shared_corpus / "sudska_praksa" / "bilteni").rglob("*.pdf"))
    assert len(files) >= 20
    pages = chunks = 0
    start = time.perf_counter()
    for path in files:
        source = path.relative_to(shared_corpus).as_posix()
        loaded = bulletin_pdf.load(path, source)
        meta = loaded.document.metadata
        assert meta["court"] in bulletin_pdf.COURTS.values(), source
        assert meta["issue"] and meta["year"] and meta["year"] in source, source
        assert loaded.chunks, source
        pages += meta["pages"]
        chunks += len(loaded.chunks)
        for c in loaded.chunks:
            assert 1 <= c.page <= meta["pages"], (source, c.page)
            digits = sum(ch.isdigit() for ch in c.text)
            letters = sum(ch.isalpha() for ch in c.text)
            assert digits < letters, (source, c.page, c.text[:200])
    print(f"\n{len(files)} bulletins, {pages} pages, {chunks} chunks, "
          f"{time.perf_counter() - start:.0f} s ({pages / (time.perf_counter() - start):.1f} pages/s)")
