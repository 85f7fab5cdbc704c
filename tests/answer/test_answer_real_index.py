"""Answers from a real index (slow; skipped when none is built at .index or $PRAVNI_LEK_INDEX)."""
import os
from pathlib import Path

import pytest

from answer import answer
from answer.verify import key

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def index_dir() -> Path:
    d = Path(os.environ.get("PRAVNI_LEK_INDEX") or ROOT / ".index")
    if not d.is_dir() or not any(d.iterdir()):
        pytest.skip(f"no index at {d}")
    return d


@pytest.mark.parametrize("question, source, article", [
    ("Do kada se može podneti imovinskopravni zahtev?", "zakoni/zakon_o_krivicnom_postupku.txt", "254"),
    ("Koja je kazna za trgovinu ljudima?", "zakoni/krivicni_zakonik.txt", "388"),
    ("Šta propisuje član 200 ZOO?", "zakoni/zakon_o_obligacionim_odnosima.txt", "200"),
])
def test_real_answers_cite_the_right_article_verbatim(index_dir, question, source, article):
    a = answer(question, index_dir, k=8)
    assert not a.abstained, a.answer
    assert any(c.source == source and c.article == article for c in a.citations), [c.label for c in a.citations]
    texts = {h.chunk.id: h.chunk.text for h in a.hits}
    for c in a.citations:
        assert c.verified, c.label
        for part in (c.quote_original or c.quote).split(" … "):
            assert key(part) in key(texts[c.chunk_id])


def test_real_unanswerable_question_abstains(index_dir):
    a = answer("Koliko košta parking na aerodromu u Tokiju?", index_dir, k=8)
    assert a.abstained, a.answer
