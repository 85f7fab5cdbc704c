"""The subject index's dense side (retrieval.subject_vectors): the phrases of the units an
index holds are embedded once (then read from the cache), stored with their model, and a
story reaches the unit whose phrase means the same; the searcher fuses the leg only with
the dense leg on and a weight above 0."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from core.errors import ConfigError
from retrieval.embedding_cache import EmbeddingCache
from retrieval.subject_index import Entry
from retrieval.subject_vectors import VECTORS_FILE, SubjectVectors, entry_texts, sync_subject_vectors, text_id
from tests.fakes.embedder import FakeEmbedder

LAW = "zakoni/zakon_o_probi.txt"
CHUNKS = [SimpleNamespace(id=cid, source=LAW, article=art, paragraph=None)
          for cid, art in (("c1a", "1"), ("c1b", "1"), ("c2", "2"), ("c3", "3"))]
ENTRIES = [
    Entry(LAW, "1", "gazda mi ne plaća platu", "the boss does not pay my wages"),
    Entry(LAW, "2", "uzeli su mi pasoš i lične papire", "they took my passport and papers"),
    Entry(LAW, "3", "komšija mi je oštetio auto", ""),
    Entry(LAW, "9", "plata plata", "wages"),  # a unit the index lacks: never embedded
]


class CountingEmbedder(FakeEmbedder):
    """The fake model, counting the texts it embeds as queries."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded: list[str] = []

    def _encode(self, texts, is_query):
        if is_query:
            self.embedded.extend(texts)
        return super()._encode(texts, is_query)


@pytest.fixture()
def synced(tmp_path: Path):
    model = CountingEmbedder()
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    counts = sync_subject_vectors(tmp_path, model, CHUNKS, cache, entries=ENTRIES)
    return tmp_path, model, cache, counts


def test_only_the_held_units_phrases_are_embedded_once_each():
    assert entry_texts(ENTRIES + [ENTRIES[0]], CHUNKS) == [
        "gazda mi ne plaća platu", "the boss does not pay my wages", "uzeli su mi pasoš i lične papire",
        "they took my passport and papers", "komšija mi je oštetio auto"]


def test_a_sync_embeds_what_the_cache_lacks_and_a_second_reads_it_back(synced):
    index_dir, model, cache, counts = synced
    assert counts == {"total": 5, "from_cache": 0, "embedded": 5}
    assert (index_dir / VECTORS_FILE).is_file()
    again = sync_subject_vectors(index_dir, model, CHUNKS, cache, entries=ENTRIES)
    assert again == {"total": 5, "from_cache": 5, "embedded": 0} and len(model.embedded) == 5
    edited = [ENTRIES[0], Entry(LAW, "2", "oduzeli su mi pasoš", "they took my passport and papers")]
    assert sync_subject_vectors(index_dir, model, CHUNKS, cache, entries=edited)["embedded"] == 1


def test_a_story_reaches_the_unit_whose_phrase_it_shares_in_either_language(synced):
    index_dir, model, _, _ = synced
    vectors = SubjectVectors.load(index_dir, model.name, ENTRIES, CHUNKS)
    assert len(vectors) == 3  # article 1's two chunks are one unit, article 9 is not held
    assert vectors.query(model.embed_query("Gazda joj nije platio platu."), 10)[0] == "c1a"
    assert vectors.query(model.embed_query("They took her passport."), 10)[0] == "c2"
    assert vectors.query(model.embed_query("They took her passport."), 10, allowed={0, 3})[0] != "c2"
    assert vectors.query(model.embed_query("x"), 0) == []


def test_another_models_vectors_are_not_used_and_a_broken_file_is_named(synced):
    index_dir, model, _, _ = synced
    assert SubjectVectors.load(index_dir, "other/model", ENTRIES, CHUNKS) is None
    assert SubjectVectors.load(index_dir / "nowhere", model.name, ENTRIES, CHUNKS) is None
    (index_dir / VECTORS_FILE).write_bytes(b"not a zip")
    with pytest.raises(ConfigError, match=VECTORS_FILE):
        SubjectVectors.load(index_dir, model.name, ENTRIES, CHUNKS)


def test_a_vector_of_the_wrong_size_is_refused(synced):
    index_dir, model, _, _ = synced
    vectors = SubjectVectors.load(index_dir, model.name, ENTRIES, CHUNKS)
    with pytest.raises(ConfigError, match="dims"):
        vectors.query(np.ones(3), 5)


def test_phrases_without_a_stored_vector_are_left_out():
    stored = {text_id("gazda mi ne plaća platu"): np.ones(4, dtype=np.float32)}
    vectors = SubjectVectors(ENTRIES, CHUNKS, stored)
    assert len(vectors) == 1 and vectors.query(np.ones(4), 5) == ["c1a"]
    assert SubjectVectors([], CHUNKS, {}).query(np.ones(4), 5) == []


# -- in the searcher -------------------------------------------------------------------

STORY = ("Moja klijentkinja je godinu dana radila kod gazde na selu, bez ugovora i bez ijednog slobodnog dana. "
         "Nije joj dao ni dinar za sve to vreme, a pretio je da će je prijaviti. Šta sada da radi?")
TARGET = Entry("zakoni/zakon_o_probnoj_naknadi.txt", "2",
               "radila kod gazde na selu bez ugovora, nije joj dao ni dinar", "")


@pytest.fixture(scope="module")
def dense_index(tmp_path_factory) -> Path:
    from retrieval.embedders.factory import make_embedder
    from tests.corpus_factory import make_dense_index
    from core import store

    index = make_dense_index(tmp_path_factory.mktemp("subjvec"))[1]
    chunks = store.read_chunks(store.require_build(index))
    # The bundled entries name laws this small corpus lacks: give it its own.
    sync_subject_vectors(index, make_embedder("fake"), chunks, EmbeddingCache(index / "cache.sqlite"),
                         entries=[TARGET])
    return index


@pytest.mark.integration
def test_a_story_gets_the_leg_only_with_the_dense_leg_on_and_a_weight(dense_index, monkeypatch):
    import retrieval.subject_index as SI
    from retrieval.searcher import DEFAULT_WEIGHTS, Searcher

    monkeypatch.setattr(SI, "load_entries", lambda *a: (TARGET,))

    def legs(searcher, question, mode="hybrid"):
        return set().union(*(h.via for h in searcher.search(question, k=10, mode=mode)))

    assert {"subjects_dense", "subjects_dense_ask"} <= legs(Searcher(dense_index), STORY)
    assert not legs(Searcher(dense_index), STORY, mode="bm25") & {"subjects_dense", "subjects_dense_ask"}
    assert not legs(Searcher(dense_index), "bez plate kod gazde") & {"subjects_dense", "subjects_dense_ask"}
    off = Searcher(dense_index, weights={**DEFAULT_WEIGHTS, "subjects_dense": 0.0})
    assert not legs(off, STORY) & {"subjects_dense", "subjects_dense_ask"}
    (dense_index / VECTORS_FILE).rename(dense_index / "moved.npz")
    try:
        assert not legs(Searcher(dense_index), STORY) & {"subjects_dense", "subjects_dense_ask"}
        (dense_index / VECTORS_FILE).write_bytes(b"not a zip")  # broken: the search goes on without the legs
        assert "subjects" in legs(Searcher(dense_index), STORY)
        assert not legs(Searcher(dense_index), STORY) & {"subjects_dense", "subjects_dense_ask"}
    finally:
        (dense_index / "moved.npz").replace(dense_index / VECTORS_FILE)


def test_a_units_phrases_count_wherever_its_entries_lie():
    """A unit's entries need not be next to each other (the situations file and the
    questions file both name an article): its best phrase, any of them, scores it."""
    e = [Entry(LAW, "1", "prvi", ""), Entry(LAW, "2", "drugi", ""), Entry(LAW, "1", "treći", "")]
    stored = {text_id("prvi"): np.array([1.0, 0.0, 0.0], dtype=np.float32),
              text_id("drugi"): np.array([0.0, 1.0, 0.0], dtype=np.float32),
              text_id("treći"): np.array([0.0, 0.0, 1.0], dtype=np.float32)}
    vectors = SubjectVectors(e, CHUNKS, stored)
    assert len(vectors) == 2
    assert vectors.query(np.array([0.0, 0.2, 0.9]), 5) == ["c1a", "c2"]
    assert vectors.query(np.array([0.0, 0.9, 0.2]), 5) == ["c2", "c1a"]
