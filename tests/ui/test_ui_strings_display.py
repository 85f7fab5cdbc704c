"""UI strings in three languages, and source text shown in the reader's script with the
quote marked (escaped HTML)."""
from __future__ import annotations

import re

import pytest

from ui.display import find_quote, highlight_html, in_script, mark_citation_numbers, render_source
from ui.strings import LANGS, S, t


def test_every_string_has_latin_and_english_with_the_same_placeholders():
    for key, entry in S.items():
        assert entry.get("lat") and entry.get("en"), key
        fields = set(re.findall(r"\{(\w+)\}", entry["lat"]))
        assert fields == set(re.findall(r"\{(\w+)\}", entry["en"])), key
        assert fields == set(re.findall(r"\{(\w+)\}", t(key, "sr-Cyrl"))), key


def test_cyrillic_is_derived_but_keeps_latin_tokens():
    assert t("page_mine", "sr-Cyrl") == "Моји документи"
    assert t("export_docx", "sr-Cyrl") == "Преузми као DOCX (Word)"
    assert "PDF, TXT, DOCX" in t("uploader", "sr-Cyrl", limit=20)
    assert t("uploader", "sr-Cyrl", limit=20).endswith("20 MB)")
    assert t("hudoc", "sr-Cyrl") == "Пресуда на HUDOC-у"


def test_unknown_language_is_an_error_naming_the_allowed_ones():
    with pytest.raises(ValueError, match="sr-Latn"):
        t("app_title", "de")


def test_in_script_transliterates_only_serbian_sources():
    assert in_script("Član 388", "sr-Cyrl") == "Члан 388"
    assert in_script("Члан 4", "sr-Latn") == "Član 4"
    assert in_script("Article 4", "sr-Cyrl", source_language="en") == "Article 4"
    assert in_script("Члан 4", "en") == "Члан 4"


def test_highlight_escapes_source_and_marks_quote_across_line_breaks():
    html = highlight_html("A <b>x</b> & štete\nkoju je pretrpela.", "štete koju je")
    assert "&lt;b&gt;x&lt;/b&gt; &amp; " in html and "<b>" not in html
    assert "<mark>štete<br>koju je</mark>" in html  # one raw-HTML line: Markdown never starts inside


def test_quote_not_found_leaves_text_unmarked():
    assert "<mark>" not in highlight_html("Tekst člana.", "nešto drugo")
    assert find_quote("abc", "") is None


def test_render_source_marks_the_quote_in_the_chosen_script():
    text = "(1) Жртва има право на накнаду штете."
    assert "<mark>Žrtva ima pravo</mark>" in render_source(text, "Жртва има право", "sr-Latn")
    assert "<mark>Жртва има право</mark>" in render_source(text, "Žrtva ima pravo", "sr-Cyrl")


def test_citation_numbers_become_badges_and_html_is_escaped():
    out = mark_citation_numbers("Tekst <script> [1] i [12].")
    assert "&lt;script&gt;" in out and out.count('class="pl-ref"') == 2
