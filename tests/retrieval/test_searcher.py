"""The assembled retrieval layer: Searcher ranking, citation-first, filters, modes,
the dense leg arriving after BM25, and the `python -m retrieval` contract in a new process."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.errors import ConfigError
from indexing.pipeline import build_index
from indexing.build import sync_dense
from retrieval.filters import Filters
from retrieval.searcher import Searcher
from tests.conftest import ROOT
from tests.fakes.embedder import fake_env
from tests.ui_fixtures import make_ui_corpus

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds

CONTRACT_KEYS = {"rank", "score", "chunk_id", "source", "kind", "title", "article", "paragraph",
                 "page", "heading", "url", "text"}
KZ = "zakoni/krivicni_zakonik.txt"


def _build(tmp_path_factory, name, dense):
    root = tmp_path_factory.mktemp(name)
    idx = root / "idx"
    build_index(make_ui_corpus(root / "corpus"), idx, workers=1)
    if dense:
        sync_dense(idx, embedder="fake", show_progress=False)
    return idx


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return _build(tmp_path_factory, "searcher", dense=False)


@pytest.fixture(scope="module")
def dense_index(tmp_path_factory):
    return _build(tmp_path_factory, "searcher_dense", dense=True)


def top(searcher, q, **kw):
    hits = searcher.search(q, k=5, **kw)
    assert hits, q
    return hits[0].chunk


def test_bm25_alone_serves_before_the_dense_leg_exists(index):
    s = Searcher(index)
    assert s.dense is None and s.dense_status() == {}
    c = top(s, "trgovina ljudima eksploatacija")
    assert (c.source, c.article) == (KZ, "388")


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_every_mode_finds_the_article(dense_index, mode):
    c = top(Searcher(dense_index), "trgovina ljudima: ko silom ili pretnjom vrbuje, prevozi, prebacuje", mode=mode)
    assert (c.source, c.article) == (KZ, "388")


def test_same_top_hit_in_latin_cyrillic_and_without_diacritics(dense_index):
    s = Searcher(dense_index)
    forms = ["zloupotrebom ovlašćenja vrbuje prevozi", "злоупотребом овлашћења врбује превози",
             "zloupotrebom ovlascenja vrbuje prevozi"]
    tops = {top(s, q).id for q in forms}
    assert len(tops) == 1


@pytest.mark.parametrize("q, article", [("čl. 389 KZ", "389"), ("KZ 387", "387"),
                                        ("чл. 390 КЗ", "390"), ("član 388 Krivičnog zakonika", "388")])
def test_named_provision_ranks_first(dense_index, q, article):
    hit = Searcher(dense_index).search(q, k=5)[0]
    assert (hit.chunk.source, hit.chunk.article) == (KZ, article)
    assert "citation" in hit.via


def test_kind_and_source_filters(dense_index):
    s = Searcher(dense_index)
    hits = s.search("pravo žrtve", k=10, filters=Filters(kinds=("treaty",)))
    assert hits and {h.chunk.kind for h in hits} == {"treaty"}
    hits = s.search("krivično delo", k=10, filters=Filters(sources=(KZ,)))
    assert hits and {h.chunk.source for h in hits} == {KZ}
    # a named provision outside the filter does not sneak in first
    hits = s.search("čl. 388 KZ", k=5, filters=Filters(kinds=("treaty",)))
    assert all(h.chunk.kind == "treaty" for h in hits)


def test_court_and_date_filters(dense_index):
    s = Searcher(dense_index)
    decisions = s.search("revizija naknada štete", k=10, filters=Filters(kinds=("court_decision",)))
    assert decisions
    court = decisions[0].document.metadata["court"]
    day = decisions[0].document.metadata["date"]
    assert s.search("revizija", k=10, filters=Filters(courts=(court,)))
    assert not s.search("revizija", k=10, filters=Filters(courts=("Sud koji ne postoji",)))
    assert s.search("revizija", k=10, filters=Filters(date_from=day, date_to=day))
    assert not s.search("revizija", k=10, filters=Filters(date_to="1990-01-01"))


def test_hits_carry_document_and_unique_units(dense_index):
    hits = Searcher(dense_index).search("trgovina ljudima", k=10)
    units = [(h.chunk.source, h.chunk.article, h.chunk.paragraph, h.chunk.page) for h in hits
             if h.chunk.kind != "court_decision"]
    assert len(units) == len(set(units))
    assert all(h.document is not None and h.document.source == h.chunk.source for h in hits)
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))


def test_bad_arguments_name_the_allowed_values(index):
    s = Searcher(index)
    with pytest.raises(ConfigError, match="hybrid"):
        s.search("x", mode="semantic")
    with pytest.raises(ConfigError, match="k=0"):
        s.search("x", k=0)
    with pytest.raises(ConfigError, match="allowed legs"):
        Searcher(index, weights={"bm25": 1.0, "sparse": 2.0})
    assert s.search("   ") == []


def run_cli(*args):
    # The dense index is built with the fake embedder: fake_env installs it in the new process.
    out = subprocess.run([sys.executable, "-m", "retrieval", *args], cwd=ROOT, env=fake_env(), capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_cli_json_contract_in_a_new_process(dense_index):
    hits = json.loads(run_cli("--index", str(dense_index), "--json", "--k", "3", "vrbuje prevozi prebacuje"))
    assert 1 <= len(hits) <= 3
    for h in hits:
        assert CONTRACT_KEYS <= set(h)
        assert not h["source"].startswith("/")
    first = hits[0]
    assert first["source"] == KZ and first["article"] == "388" and first["paragraph"] is None


def test_cli_batch_loads_once_and_answers_each(dense_index, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "a", "question": "KZ 389"}\n{"id": "b", "question": "трговина људима"}\n',
                     encoding="utf-8")
    lines = [json.loads(x) for x in run_cli("--index", str(dense_index), "--batch", str(batch)).splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert lines[0]["hits"][0]["article"] == "389"


def test_cli_kind_filter(dense_index):
    hits = json.loads(run_cli("--index", str(dense_index), "--json", "--kind", "treaty", "--", "victim"))
    assert hits and {h["kind"] for h in hits} == {"treaty"}


def test_cli_weights(dense_index):
    hits = json.loads(run_cli("--index", str(dense_index), "--json", "--weights", "bm25=1,dense=0",
                              "vrbuje prevozi prebacuje"))
    assert hits[0]["article"] == "388"
    bad = subprocess.run([sys.executable, "-m", "retrieval", "--index", str(dense_index), "--weights",
                          "sparse=1", "x"], cwd=ROOT, env=fake_env(), capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "allowed legs" in bad.stderr


def test_absent_names_what_the_index_lacks(index):
    from retrieval import absent_references

    s = Searcher(index)
    assert s.absent("Zakon o zaštiti žrtava trgovine ljudima, član 12") == ["Zakon o zaštiti žrtava trgovine ljudima"]
    assert s.absent("član 388 Krivičnog zakonika") == []
    assert absent_references("Directive 2011/36/EU Article 17", index_dir=index) == ["Directive 2011/36/EU"]


def test_hits_carry_the_index_term_statistics(index):
    hits = Searcher(index).search("trgovina ljudima", k=3)
    assert hits and all(h.stats is hits[0].stats for h in hits)
    assert hits[0].stats.n_docs == len(Searcher(index).chunks)
    assert "stats" not in hits[0].to_dict()


def test_a_definition_question_finds_the_defining_article(index):
    import retrieval.priors as rs

    s = Searcher(index)
    q = "Council of Europe Convention: definition of trafficking in human beings"
    assert top(s, q).article == "4"  # "Definitions"
    # Without the intent rule another article outranks it: the rule is what finds it.
    old = rs.DEFINITION_FACTOR
    try:
        rs.DEFINITION_FACTOR = 1.0
        assert top(s, q).article != "4"
    finally:
        rs.DEFINITION_FACTOR = old


def test_a_body_of_law_named_is_a_scope_leg_not_a_named_source(index):
    s = Searcher(index)
    # "Serbian law": the Serbian sources, found by a "scope" leg; no document is named, so
    # the answer still asks the sources to hold the question's subject.
    serbian = s.search("What is the penalty for human trafficking under Serbian law?", k=5)
    assert any("scope" in h.via for h in serbian) and not any("named" in h.via for h in serbian)
    assert all(h.chunk.kind in ("law", "court_decision", "court_bulletin", "user_document") for h in serbian
               if "scope" in h.via)
    # The ECtHR's case law comes before Serbia: the scope is the judgments, not the statutes.
    echr = s.search("Under ECtHR case law, what must Serbia do about trafficking?", k=5)
    scoped = [h for h in echr if "scope" in h.via]
    assert scoped and all(h.chunk.kind == "echr_judgment" for h in scoped)
    assert echr[0].chunk.kind == "echr_judgment" and not any("named" in h.via for h in echr)
    # A named law stays a named source.
    named = s.search("Krivični zakonik: trgovina ljudima", k=5)
    assert any("named" in h.via for h in named)


def test_a_story_is_fused_with_the_storys_rrf_k(index, monkeypatch):
    """A story fuses a dozen legs with RankingConfig.story_rrf_k; a search-box question,
    two or three legs, with rrf_k."""
    import retrieval.fusion as fusion
    from retrieval.config import RANKING

    seen = []
    real = fusion.rrf

    def spy(rankings, weights=None, k=RANKING.rrf_k):
        seen.append((set(rankings), k))
        return real(rankings, weights, k)

    monkeypatch.setattr(fusion, "rrf", spy)
    s = Searcher(index)
    story = ("Moja klijentkinja je radila u kafani bez plate, gazda joj je uzeo pasoš i pretio joj. "
             "Kako može da dobije naknadu štete?")
    for question, k in (("trgovina ljudima kazna", RANKING.rrf_k), (story, RANKING.story_rrf_k)):
        seen.clear()
        s.search(question, k=5)
        assert seen and seen[-1][1] == k and "bm25" in seen[-1][0], question
    assert RANKING.story_rrf_k < RANKING.rrf_k


def test_only_a_storys_first_results_are_reordered_by_what_it_asks(index, monkeypatch):
    """retrieval.rerank reorders a story's first results (after its reserved places); a
    search-box question's order is fusion's."""
    import retrieval.rerank as rerank

    calls = []
    real = rerank.answer_rerank

    def spy(ranked, question, *args):
        calls.append(question)
        return real(ranked, question, *args)

    monkeypatch.setattr(rerank, "answer_rerank", spy)
    s = Searcher(index)
    story = ("Moja klijentkinja je radila u kafani bez plate, gazda joj je uzeo pasoš i pretio joj. "
             "Do kada može da podnese imovinskopravni zahtev?")
    s.search("Do kada se može podneti imovinskopravni zahtev?", k=5)
    assert calls == []
    hits = s.search(story, k=5)
    assert calls == [story] and hits
    # a story asking, in general, for the remedy its routes give: its generic words
    # ("dobije naknadu") would raise any article that speaks of getting compensation
    calls.clear()
    s.search("Moja klijentkinja je žrtva trgovine ljudima, prisiljavana je da radi u kafani bez plate. "
             "Kako može da dobije naknadu štete?", k=5)
    assert calls == []


def test_a_storys_first_results_take_the_learned_order_and_a_search_box_questions_do_not(dense_index):
    """retrieval.learned_order: with a model that puts bulletin pages last, a story's first
    results change order; a search-box question keeps fusion's."""
    from retrieval.learned_order import FEATURES, OrderModel

    story = ("Moja klijentkinja je radila u kafani bez plate, gazda joj je uzeo pasoš i pretio joj. "
             "Do kada može da podnese imovinskopravni zahtev?")
    box = "Do kada se može podneti imovinskopravni zahtev?"
    plain = Searcher(dense_index)
    plain.order_model = None
    learned = Searcher(dense_index)
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("place")] = 1.0
    weights[FEATURES.index("kind:law")] = -50.0  # laws last, whatever fusion says
    learned.order_model = OrderModel(tuple(weights), 0.0, depth=20)
    before, after = plain.search(story, k=10), learned.search(story, k=10)
    laws = [h.chunk.kind == "law" for h in after]
    assert laws != [h.chunk.kind == "law" for h in before] and laws == sorted(laws)
    assert [h.chunk.id for h in plain.search(box, k=10)] == [h.chunk.id for h in learned.search(box, k=10)]
    # The model's probabilities travel on the reordered hits (laws: near 0), in the JSON
    # too; a search-box question's hits and an unordered story's carry none.
    assert any(h.fit is not None for h in after) and all(h.fit is None or h.fit < 0.01 for h in after if h.chunk.kind == "law")
    assert "fit" in after[0].to_dict() and all(h.fit is None for h in before)
    assert all(h.fit is None for h in learned.search(box, k=10))
    assert Searcher(dense_index).order_model is not None  # the bundled model loads
