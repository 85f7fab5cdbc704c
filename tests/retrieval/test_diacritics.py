from retrieval.diacritics import build_table, needs_restoring, restore

TEXTS = ["Naknada štete žrtvi trgovine ljudima.", "Žrtva ima pravo na naknadu štete.",
         "Oštećeni može podneti zahtev. Šteta je materijalna i nematerijalna.", "stete (misspelt once)"]


def test_restores_the_corpus_spelling():
    table = build_table(TEXTS)
    assert restore("naknada stete zrtvi trgovine ljudima", table) == "naknada štete žrtvi trgovine ljudima"
    assert restore("Osteceni", table) == "Oštećeni"


def test_leaves_text_with_diacritics_or_cyrillic_and_unknown_words_alone():
    table = build_table(TEXTS)
    assert restore("naknada štete", table) == "naknada štete"
    assert restore("накнада штете", table) == "накнада штете"
    assert restore("compensation for damage", table) == "compensation for damage"
    assert not needs_restoring("šteta") and needs_restoring("steta")


def test_words_without_diacritics_need_no_entry():
    assert "naknada" not in build_table(TEXTS)
