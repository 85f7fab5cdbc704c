import pytest

from core.errors import SkipFile
from ingest.registry import is_ignored, route


@pytest.mark.parametrize("source, loader", [
    ("zakoni/krivicni_zakonik.txt", "statute_text"),
    ("zakoni/pis/0151-rs-law-zakon-o-besplatnoj-pravnoj-pomoci.json", "statute_pis"),
    ("pis/0001-rs-law-zakon-o-zastitniku-gradjana.json", "statute_pis"),  # corpus-full layout
    ("sudska_praksa/vrhovni_sud/gradjanska/Rev2_1788_2024.json", "court_decision"),
    ("sudska_praksa/bilteni/as_bg/bilten_bg_05_2013.pdf", "bulletin_pdf"),
    ("echr/001-96549.json", "echr"),
    ("medjunarodni/cets197-convention-action-against-trafficking.md", "treaty"),
    ("user/greta/izvestaj.pdf", "user_document"),
    ("user/beleska.docx", "user_document"),
    ("handbook.html", "user_document"),
])
def test_route(source, loader):
    assert route(source) == loader


def test_unknown_file_type_is_skipped_with_the_allowed_ones():
    with pytest.raises(SkipFile, match=r"unsupported file type.*\.pdf"):
        route("zakoni/slika.png")


def test_corpus_metadata_is_ignored_not_skipped():
    assert is_ignored("README.md") and is_ignored("MANIFEST.json") and is_ignored("user/.gitkeep")
    assert not is_ignored("zakoni/krivicni_zakonik.txt")
