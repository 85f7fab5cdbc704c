"""Issue 10, item 1: a passage a file repeats word for word gets its own id, and no
other chunk's id changes (QA labels, the embedding cache and Chroma are keyed by them)."""
from __future__ import annotations

import dataclasses

import pytest

from core import store
from indexing.__main__ import main as ingest_main
from indexing.pipeline import build_index
from core.records import Chunk, chunk_id
from ingest.registry import load_file
from tests.corpus_factory import make_corpus

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds

NOTE = "Beleška\nČlan 26\nNaknada štete se isplaćuje žrtvi.\n" * 2  # the six-line note
ONE_LINE = "Zahtev se podnosi sudu u roku od osam dana od dana dostavljanja presude. " * 200

# The ids these units had before repeats were numbered (computed on the code of commit
# 497efc8): a change here would orphan every label, cached vector and Chroma row.
GOLDEN = {
    ("zakoni/zakon_o_probnoj_naknadi.txt", "1"): "47e34c2301a2a34c90aecaab7372fab9c45a10ff8f5b75347600375ec14e172a",
    ("zakoni/zakon_o_probnoj_naknadi.txt", "2"): "258f7b91985b3d8e2d8850d0d01b91a079837b687dd3a0a944f6ae2da3b8fee2",
    ("user/beleska.txt", None): "48e6f0f7e22711b88e2615eb8cb50dc4ad0c2a335f240b69dfc173b15adbacdd",
    ("echr/001-999999.json", None): "392c2997e4c86b5b9012fdd0639898abdb769e69c258689f22c494d20a0b56c1",
}


def test_ids_of_units_that_are_not_repeats_are_unchanged(tmp_path):
    corpus = make_corpus(tmp_path / "c")
    for (source, article), golden in GOLDEN.items():
        chunks = load_file(corpus / source, source).chunks
        assert golden in {c.id for c in chunks if c.article == article}, source
        assert all(c.repeat == 0 for c in chunks)
        assert all("repeat" not in c.to_dict() for c in chunks)  # stored records unchanged too


@pytest.mark.parametrize("text", [NOTE, ONE_LINE], ids=["repeated-article", "long-one-line"])
def test_a_repeated_passage_gets_distinct_ids(tmp_path, text):
    path = tmp_path / "ponavljanje.txt"
    path.write_text(text, encoding="utf-8")
    chunks = load_file(path, "user/ponavljanje.txt").chunks
    assert len(chunks) >= 2 and len({c.text for c in chunks}) < len(chunks)  # it does repeat
    assert len({c.id for c in chunks}) == len(chunks)
    first = chunks[0]
    assert first.repeat == 0 and first.id == chunk_id(first.source, first.locator, first.text)
    again = [c for c in chunks if c.text == first.text and c.locator == first.locator]
    assert [c.repeat for c in again] == list(range(len(again)))
    for c in chunks:  # a stored repeat reads back with the same id
        assert Chunk.from_dict(c.to_dict()) == c


def test_number_repeats_changes_only_the_repeats():
    from core.records import number_repeats

    a = Chunk(source="user/x.txt", kind="user_document", title="x", text="isti tekst")
    b = Chunk(source="user/x.txt", kind="user_document", title="x", text="drugi tekst")
    moved = dataclasses.replace(a, char_start=40, id="")
    out = number_repeats([a, b, moved, moved])
    assert out[0] is a and out[1] is b
    assert [c.repeat for c in out] == [0, 0, 1, 2]
    assert len({c.id for c in out}) == 4 and out[2].char_start == 40
    with pytest.raises(ValueError, match="repeat"):
        Chunk(source="user/x.txt", kind="user_document", title="x", text="t", repeat=-1)


def test_a_repeating_user_file_no_longer_breaks_every_build(tmp_path, capsys):
    corpus = make_corpus(tmp_path / "c")
    (corpus / "user" / "ponavljanje.txt").write_text(NOTE, encoding="utf-8")
    report = build_index(corpus, tmp_path / "idx", workers=1)
    chunks = store.read_chunks(report.build)
    assert len({c.id for c in chunks}) == len(chunks)
    assert sum(c.source == "user/ponavljanje.txt" for c in chunks) == 2
    assert not report.skipped
    (corpus / "user" / "druga.txt").write_text(ONE_LINE, encoding="utf-8")
    assert ingest_main(["--corpus", str(corpus), "--index", str(tmp_path / "idx"), "--no-dense",
                        "--quiet", "--workers", "1"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    sources = {c.source for c in store.read_chunks(store.require_build(tmp_path / "idx"))}
    assert {"user/ponavljanje.txt", "user/druga.txt"} <= sources
