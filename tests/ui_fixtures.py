"""A small corpus and index for the app's tests, and a fake answerer.

The corpus is tests/corpus_factory.py's plus a few articles of a Latin KZ (for
"KZ 388" with its neighbours), a Cyrillic PIS statute (ZBPP, for "čl. 4 ZBPP" and
script switching), one Supreme Court decision and one treaty (for the filters), all in
the real formats. Built BM25-only: no model loads.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from answer.types import Answer, Citation
from indexing.pipeline import build_index
from tests.corpus_factory import make_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures"

KZ = """Sve informacije o propisu nađite
OVDE
.
KRIVIČNI ZAKONIK
("Sl. glasnik RS", br. 85/2005, 88/2005 - ispr., 107/2005 - ispr., 72/2009, 111/2009 i 35/2019)
Glava trideset četvrta
KRIVIČNA DELA PROTIV ČOVEČNOSTI I DRUGIH DOBARA ZAŠTIĆENIH MEĐUNARODNIM PRAVOM
Otmica radi prinude
Član 387
(1) Ko otme neko lice radi prinude na činjenje, kazniće se zatvorom od jedne do deset godina.
Trgovina ljudima
Član 388
(1) Ko silom ili pretnjom, dovođenjem u zabludu ili održavanjem u zabludi, zloupotrebom ovlašćenja, poverenja,
odnosa zavisnosti, teških prilika drugog, zadržavanjem ličnih isprava ili davanjem ili primanjem novca ili druge
koristi, vrbuje, prevozi, prebacuje, predaje, prodaje, kupuje, posreduje u prodaji, sakriva ili drži drugo lice, a
u cilju eksploatacije njegovog rada, prinudnog rada, vršenja krivičnih dela, prostitucije, kazniće se zatvorom od
tri do dvanaest godina.
(2) Za delo iz stava 1. ovog člana učinjeno prema maloletnom licu učinilac će se kazniti kaznom propisanom za to
delo i kad nije upotrebio silu, pretnju ili neki drugi od navedenih načina izvršenja.
Trgovina decom radi usvojenja
Član 389
(1) Ko oduzme lice koje nije navršilo šesnaest godina radi usvojenja protivno važećim propisima, kazniće se
zatvorom od jedne do pet godina.
Zasnivanje ropskog odnosa i prevoz lica u ropskom odnosu
Član 390
(1) Ko kršeći pravila međunarodnog prava stavi drugog u ropski ili njemu sličan odnos, kazniće se zatvorom od
jedne do deset godina.
"""

ZBPP = {
    "id": "rs-law-zakon-o-besplatnoj-pravnoj-pomoci", "type": "statute",
    "title": "Закон о бесплатној правној помоћи", "title_en": "LAW ON FREE LEGAL ASSISTANCE",
    "status": "in_force", "url": "https://www.pravno-informacioni-sistem.rs/viewAct/85342e7d",
    "description": "Службени гласник: 87/2018-77 Извор: Правно-информациони систем Републике Србије.",
    "provisions": [
        {"provision_ref": "art3", "chapter": "I. ОСНОВНЕ ОДРЕДБЕ", "section": "3",
         "title": "Члан 3. Појам бесплатне правне помоћи",
         "content": "Бесплатна правна помоћ је правна помоћ коју корисник остварује без накнаде."},
        {"provision_ref": "art4", "chapter": "I. ОСНОВНЕ ОДРЕДБЕ", "section": "4",
         "title": "Члан 4. Корисници бесплатне правне помоћи",
         "content": "Корисник бесплатне правне помоћи може да буде лице које је жртва трговине људима."},
        {"provision_ref": "art5", "chapter": "I. ОСНОВНЕ ОДРЕДБЕ", "section": "5",
         "title": "Члан 5. Појам органа јавне власти",
         "content": "Орган јавне власти јесте државни орган или организација којој су поверена јавна овлашћења."},
    ],
}


def make_ui_corpus(root: Path) -> Path:
    corpus = make_corpus(root)
    (corpus / "zakoni" / "krivicni_zakonik.txt").write_text(KZ, encoding="utf-8")
    (corpus / "zakoni" / "pis").mkdir()
    (corpus / "zakoni" / "pis" / "0151-rs-law-zakon-o-besplatnoj-pravnoj-pomoci.json").write_text(
        json.dumps(ZBPP, ensure_ascii=False), encoding="utf-8")
    decisions = corpus / "sudska_praksa" / "vrhovni_sud" / "gradjanska"
    decisions.mkdir(parents=True)
    shutil.copy(FIXTURES / "decisions" / "gradjanska" / "Prev_102_2025.json", decisions)
    (corpus / "medjunarodni").mkdir()
    shutil.copy(FIXTURES / "treaties" / "cets197-convention-action-against-trafficking.md", corpus / "medjunarodni")
    (corpus / "MANIFEST.json").write_text(json.dumps([
        {"path": "zakoni/krivicni_zakonik.txt", "source_repo": "example/test-repo", "kind": "law"}]),
        encoding="utf-8")
    return corpus


@pytest.fixture(scope="session")
def ui_index(tmp_path_factory) -> tuple[Path, Path]:
    """(corpus, index_dir) built once for the session; tests must not change it."""
    root = tmp_path_factory.mktemp("ui")
    corpus = make_ui_corpus(root / "corpus")
    index_dir = root / "index"
    build_index(corpus, index_dir, workers=1)
    return corpus, index_dir


@pytest.fixture()
def ui_env(ui_index, tmp_path, monkeypatch) -> dict[str, Path]:
    """The app's environment on the shared index, with an empty user folder."""
    corpus, index_dir = ui_index
    user_dir = tmp_path / "moji"
    monkeypatch.setenv("PRAVNI_LEK_CORPUS", str(corpus))
    monkeypatch.setenv("PRAVNI_LEK_INDEX", str(index_dir))
    monkeypatch.setenv("PRAVNI_LEK_USER_DIR", str(user_dir))
    return {"corpus": corpus, "index": index_dir, "user": user_dir}


@pytest.fixture()
def own_index(ui_index, tmp_path) -> tuple[Path, Path, Path]:
    """(corpus, a private copy of the index, a user folder not yet made): for tests that
    add documents to the index."""
    return _private_index(ui_index, tmp_path)


def _private_index(ui_index, tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus, index_dir = ui_index
    own = tmp_path / "index"
    shutil.copytree(index_dir, own)
    return corpus, own, tmp_path / "moji"


@pytest.fixture()
def own_index_env(ui_index, tmp_path, monkeypatch) -> dict[str, Path]:
    """`own_index` as the app's environment."""
    corpus, own, user_dir = _private_index(ui_index, tmp_path)
    monkeypatch.setenv("PRAVNI_LEK_CORPUS", str(corpus))
    monkeypatch.setenv("PRAVNI_LEK_INDEX", str(own))
    monkeypatch.setenv("PRAVNI_LEK_USER_DIR", str(user_dir))
    return {"corpus": corpus, "index": own, "user": user_dir}


def fake_answer(question, index_dir=None, *, k=8, filters=None, mode="extractive", llm=None, hits=None,
                searcher=None, **_):
    """An answerer that cites the first hit with an unverifiable quote (for the ⚠ card)."""
    found = list(hits if hits is not None else searcher(question, k=k, filters=filters))
    if not found:
        return Answer(question, "Nisam pronašao odgovor u izvorima.", True)
    h = found[0]
    c = Citation(n=1, chunk_id=h.chunk.id, source=h.chunk.source, label=f"LAŽNI NAVOD {h.chunk.article}",
                 quote="reči kojih nema u izvoru", verified=False, article=h.chunk.article, kind=h.chunk.kind)
    return Answer(question, "Lažni odgovor [1].", False, [c], found)
