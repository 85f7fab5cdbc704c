"""The one kinds table: every kind is Serbian or international, and path -> kind agrees
with the loader the registry routes the path to."""
import pytest

from core.records import INTERNATIONAL_KINDS, KINDS, SERBIAN_KINDS, SERBIAN_SOURCE_KINDS, kind_of_source
from ingest.registry import ROUTES

LOADER_KIND = {"statute_pis": "law", "statute_text": "law", "court_decision": "court_decision",
               "bulletin_pdf": "court_bulletin", "echr": "echr_judgment", "treaty": "treaty",
               "user_document": "user_document"}


def test_every_kind_is_serbian_or_international():
    assert set(SERBIAN_SOURCE_KINDS) <= set(SERBIAN_KINDS)
    assert set(SERBIAN_KINDS) | set(INTERNATIONAL_KINDS) == set(KINDS)
    assert not set(SERBIAN_KINDS) & set(INTERNATIONAL_KINDS)


@pytest.mark.parametrize("pattern, loader", ROUTES)
def test_path_kind_agrees_with_the_registry(pattern, loader):
    example = pattern.replace("*", "x")
    assert kind_of_source(example) == LOADER_KIND[loader]


def test_an_unknown_folder_is_the_users():
    assert kind_of_source("moji/ugovor.pdf") == "user_document"
