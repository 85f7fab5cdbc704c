from pathlib import Path

import pytest

from core.errors import SkipFile
from ingest.loaders.treaty import SHORT_NAMES, clean_line, load
from ingest.textutil import MAX_CHUNK_CHARS

FIX = Path(__file__).parents[1] / "fixtures" / "treaties"
CETS197 = FIX / "cets197-convention-action-against-trafficking.md"  # preamble, Arts 1-4, 15, 47
ILO29 = FIX / "ilo-c29-forced-labour.md"  # Arts 1-3, then the Dutch translation


def _write(tmp_path: Path, text: str, name: str = "cets197-convention-action-against-trafficking.md") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_cets197_document():
    doc = load(CETS197, "medjunarodni/" + CETS197.name).document
    assert doc.kind == "treaty" and doc.language == "en" and doc.script == "latin"
    assert doc.title == "Council of Europe Convention on Action against Trafficking in Human Beings"
    assert doc.metadata == {"short": "CETS 197"}
    assert doc.url is None  # the files carry no official URL


def test_cets197_articles_headings_chapters():
    loaded = load(CETS197, "medjunarodni/" + CETS197.name)
    arts = {c.article: c for c in loaded.chunks if c.article}
    assert list(arts) == ["1", "2", "3", "4", "15", "47"]
    assert arts["15"].heading == "Compensation and legal redress"
    assert arts["15"].chapter.startswith("CHAPTER III – MEASURES TO PROTECT AND PROMOTE THE RIGHTS OF VICTIMS")
    assert arts["4"].heading == "Definitions"
    assert arts["4"].chapter == "CHAPTER I – PURPOSES, SCOPE, NON-DISCRIMINATION PRINCIPLE AND DEFINITIONS"
    assert "“Trafficking in human beings” shall mean the recruitment" in arts["4"].text
    assert arts["15"].text.startswith("1. Each Party shall ensure that victims have access")
    assert all(c.kind == "treaty" and c.section is None for c in arts.values())


def test_preamble_and_closing_formula_are_their_own_chunks():
    loaded = load(CETS197, "medjunarodni/" + CETS197.name)
    first, last = loaded.chunks[0], loaded.chunks[-1]
    assert first.article is None and first.section == "Preamble"
    assert "trafficking in human beings constitutes a violation of human rights" in first.text
    assert last.article is None and last.section == "Closing formula"
    assert last.text.startswith("IN WITNESS WHEREOF") and "16th day of May 2005" in last.text  # <sup> dropped
    art47 = [c for c in loaded.chunks if c.article == "47"]
    assert not any("WITNESS" in c.text for c in art47)


def test_articles_without_titles_and_dutch_translation_left_out():
    loaded = load(ILO29, "medjunarodni/" + ILO29.name)
    assert loaded.document.title == "Forced Labour Convention, 1930 (No. 29)"
    assert loaded.document.metadata["short"] == "ILO C29"
    arts = [c.article for c in loaded.chunks if c.article]
    assert list(dict.fromkeys(arts)) == ["1", "2", "3"]
    assert all(c.heading is None for c in loaded.chunks if c.article)
    assert not any("Verdrag" in c.text or "arbeid" in c.text for c in loaded.chunks)
    assert any("Dutch translation" in n for n in loaded.notes)


def test_variants_inline_title_sections_links_and_dutch_note(tmp_path):
    md = (
        "####Some Convention\n\nPreamble The Parties, [Considering](../../x/README.md) things,\n"
        "### CHAPTER  II  \n\n####MEASURES\n\n###SECTION 1 \n\n####GENERAL\n\n"
        "### Article  5 – Definitions\nTreedt in werking op een nader te bepalen tijdstip \n\n"
        "For the *purposes* of this Convention: \n\na) term;\n\n"
        "### Article  6  \n\n####- Right to life\n\nEveryone's right shall be protected.\n"
    )
    loaded = load(_write(tmp_path, md, "new-treaty.md"), "medjunarodni/new-treaty.md")
    arts = {c.article: c for c in loaded.chunks if c.article}
    assert arts["5"].heading == "Definitions"
    assert arts["5"].chapter == "CHAPTER II – MEASURES / SECTION 1 – GENERAL"
    assert arts["5"].text == "For the purposes of this Convention:\na) term;"
    assert arts["6"].heading == "Right to life"
    assert loaded.chunks[0].text == "Preamble The Parties, Considering things,"
    assert loaded.document.metadata["short"] == "new-treaty"
    assert any("short name" in n for n in loaded.notes) and any("Treedt" in n for n in loaded.notes)


def test_long_article_split_keeps_locator(tmp_path):
    body = "\n".join(f"{i}. Each Party shall adopt measures number {i} to protect victims of trafficking." for i in range(1, 60))
    loaded = load(_write(tmp_path, f"####T\n\n### Article  15  \n\n####Compensation\n\n{body}\n"), "x.md")
    pieces = [c for c in loaded.chunks if c.article == "15"]
    assert len(pieces) > 1
    assert all(c.heading == "Compensation" and len(c.text) <= MAX_CHUNK_CHARS for c in pieces)
    assert len({c.id for c in pieces}) == len(pieces)


def test_clean_line_table_row():
    assert clean_line("| o  | robbery and theft;   |") == "o robbery and theft;"
    assert clean_line("|:---|:---|") == ""


@pytest.mark.parametrize("text, reason", [("", "empty"), ("####Title\n\nJust prose, no articles.\n", "Article")])
def test_unusable_files_raise_skipfile(tmp_path, text, reason):
    with pytest.raises(SkipFile) as e:
        load(_write(tmp_path, text), "x.md")
    assert reason in e.value.reason


def test_idempotent_ids():
    a, b = load(CETS197, "medjunarodni/x.md"), load(CETS197, "medjunarodni/x.md")
    assert [c.id for c in a.chunks] == [c.id for c in b.chunks]
    assert len({c.id for c in a.chunks}) == len(a.chunks)


EXPECTED_ARTICLES = {
    "CETS 197": 47, "CETS 198": 56, "CETS 201": 50, "CETS 210": 81, "CRC OP-SC": 17, "ETS 5": 59,
    "ETS 116": 20, "ILO C189": 27, "ILO C29": 33, "Palermo Protocol": 20, "Slavery Convention 1926": 12,
    "Smuggling Protocol": 25, "Supplementary Slavery Convention 1956": 15, "UNTOC": 41,
}


@pytest.mark.slow
def test_all_treaties_articles_in_order(shared_corpus):
    files = sorted((shared_corpus / "medjunarodni").glob("*.md"))
    assert {f.stem for f in files} == set(SHORT_NAMES)
    for f in files:
        loaded = load(f, f"medjunarodni/{f.name}")
        short = loaded.document.metadata["short"]
        arts = list(dict.fromkeys(c.article for c in loaded.chunks if c.article))
        assert arts == [str(n) for n in range(1, EXPECTED_ARTICLES[short] + 1)], short
        assert not any("more than once" in n for n in loaded.notes), short
        assert not any("Verdrag" in c.text for c in loaded.chunks), short


@pytest.mark.slow
def test_cets197_article_15_and_4(shared_corpus):
    loaded = load(shared_corpus / "medjunarodni" / CETS197.name, "medjunarodni/" + CETS197.name)
    arts = {c.article: c for c in loaded.chunks if c.article}
    assert arts["15"].heading == "Compensation and legal redress"
    assert "right of victims to compensation from the perpetrators" in arts["15"].text
    assert arts["4"].heading == "Definitions"
    assert "“Trafficking in human beings” shall mean" in arts["4"].text
    assert arts["15"].chapter.startswith("CHAPTER III")
