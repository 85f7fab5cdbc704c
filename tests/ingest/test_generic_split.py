from ingest.generic_split import split_generic
from ingest.textutil import MAX_CHUNK_CHARS


def _check_offsets(text, pieces):
    for p in pieces:
        assert text[p.char_start:p.char_start + len(p.text)] == p.text


def test_latin_articles_with_headings():
    text = ("UGOVOR O RADU\nZaključen između strana.\n\n"
            "Predmet ugovora\nČlan 1\nPoslodavac zasniva radni odnos.\n\n"
            "Zarada\nČlan 12a\nZarada se isplaćuje mesečno.\n"
            "ČLAN 5.\nOstale odredbe.\n")
    pieces = split_generic(text)
    assert [(p.article, p.heading) for p in pieces] == [
        (None, None), ("1", "Predmet ugovora"), ("12a", "Zarada"), ("5", None)]
    assert pieces[1].text.startswith("Predmet ugovora\nČlan 1")
    assert "Zarada" not in pieces[1].text  # the title line belongs to the next article
    _check_offsets(text, pieces)


def test_cyrillic_articles():
    text = "Члан 1\nЖртва има право на накнаду.\n\nНакнада штете\nЧлан 2\nСуд досуђује накнаду.\n"
    pieces = split_generic(text)
    assert [(p.article, p.heading) for p in pieces] == [("1", None), ("2", "Накнада штете")]
    _check_offsets(text, pieces)


def test_english_articles_title_on_heading_line():
    text = ("Preamble text.\nArticle 1 – Purposes\nThe purposes are to prevent trafficking.\n"
            "Article 4 of the Convention prohibits slavery.\nArticle 2\nScope applies.\n")
    pieces = split_generic(text)
    assert [(p.article, p.heading) for p in pieces] == [(None, None), ("1", "Purposes"), ("2", None)]
    # a sentence starting with "Article 4 of…" is not a heading
    assert "Article 4 of the Convention" in pieces[1].text
    _check_offsets(text, pieces)


def test_long_article_keeps_its_locator():
    body = "\n".join(f"({i}) Ova odredba ima dugačak tekst o naknadi štete žrtvi." * 3 for i in range(1, 30))
    text = "Naknada\nČlan 7\n" + body
    pieces = split_generic(text)
    assert len(pieces) > 1
    assert all(p.article == "7" and p.heading == "Naknada" for p in pieces)
    assert all(len(p.text) <= MAX_CHUNK_CHARS for p in pieces)
    _check_offsets(text, pieces)


def test_prose_without_articles_is_cut_at_boundaries():
    for sentence in ("Žrtva trgovine ljudima ima pravo na naknadu štete. ",
                     "Жртва трговине људима има право на накнаду штете. ",
                     "The victim of trafficking has a right to compensation. "):
        text = (sentence * 20 + "\n\n") * 5
        pieces = split_generic(text)
        assert len(pieces) >= 3
        assert all(p.article is None and p.heading is None for p in pieces)
        assert all(len(p.text) <= MAX_CHUNK_CHARS for p in pieces)
        assert all(p.text.endswith(".") for p in pieces)  # sentence boundaries, not mid-word
        _check_offsets(text, pieces)


def test_short_prose_is_one_piece():
    pieces = split_generic("Kratka beleška o predmetu.")
    assert len(pieces) == 1 and pieces[0].char_start == 0 and pieces[0].article is None


def test_empty_text_gives_no_pieces():
    assert split_generic("  \n ") == []
