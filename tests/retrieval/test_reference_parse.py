"""The lookup page's references ("KZ 388", "ZKP 252-260", "čl. 4 ZBPP"), read by
retrieval.sources.citation_parse.parse_reference with parse_citations' article grammar
(moved from tests/ui/test_ui_lookup.py, where ui.lookup parsed them with its own regexes)."""
from __future__ import annotations

import pytest

from retrieval.sources.citation_parse import LawReference, parse_reference


@pytest.mark.parametrize("query, ref", [
    ("KZ 388", LawReference("KZ", "388")),
    ("ZKP 252-260", LawReference("ZKP", "252", "260")),
    ("ZKP 252 – 260", LawReference("ZKP", "252", "260")),
    ("čl. 4 ZBPP", LawReference("ZBPP", "4")),
    ("član 4 st. 2 ZBPP", LawReference("ZBPP", "4")),
    ("чл. 4 ЗБПП", LawReference("ZBPP", "4")),
    ("KZ, čl. 390a", LawReference("KZ", "390a")),
    ("388 KZ", LawReference("KZ", "388")),
    ("CETS 197, Art. 15", LawReference("CETS 197", "15")),
])
def test_parse_reference(query, ref):
    assert parse_reference(query) == ref


@pytest.mark.parametrize("query", ["", "trgovina ljudima", "388"])
def test_parse_reference_needs_a_law_and_an_article(query):
    assert parse_reference(query) is None


@pytest.mark.parametrize("query, ref", [
    ("ZKP 252—260", LawReference("ZKP", "252", "260")),  # an em dash
    ("ZKP član 252 do 260", LawReference("ZKP", "252", "260")),
    ("KZ 388 st. 1", LawReference("KZ", "388")),  # a stav after a bare number
    ("ZBPP čl. 4. tačka 2", LawReference("ZBPP", "4")),  # the ordinal dot, a tačka
    ("Zakonik o krivičnom postupku 252", LawReference("Zakonik o krivičnom postupku", "252")),
    ("Ђорђевић 5", LawReference("Đorđević", "5")),  # the law's words as written, in Latin
])
def test_parse_reference_shares_the_citation_grammar(query, ref):
    assert parse_reference(query) == ref
