"""`python -m evaluation`: metrics from hand-made hits, the CLI on a tiny index, the sub-corpus."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from evaluation import metrics as M
from evaluation.runner import evaluate, select
from evaluation.subcorpus import choose, gold_sources, make_subcorpus
from core.records import Chunk
from retrieval.hit import Hit
from tests.corpus_factory import make_corpus, make_dense_index

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds

LAW = "zakoni/zakon_o_probnoj_naknadi.txt"
ECHR = "echr/001-999999.json"


def _hit(rank: int, source: str, text: str, **loc) -> Hit:
    kind = "law" if source.startswith("zakoni") else "echr_judgment"
    return Hit(rank, 1.0 / rank, Chunk(source=source, kind=kind, title="T", text=text, **loc))


QA = [
    {"id": "a", "question": "Ko uređuje naknadu štete žrtvi?", "gold": [{"source": LAW, "article": "1"}],
     "answerable": True, "lang": "sr-Latn", "split": "test"},
    {"id": "b", "question": "Which article did the applicant rely on?", "gold": [{"source": ECHR, "paragraph": "2"}],
     "answerable": True, "lang": "en", "split": "test"},
    {"id": "c", "question": "Kolika je kazna za krađu automobila u Nemačkoj?", "gold": [],
     "answerable": False, "lang": "sr-Latn", "split": "test"},
]
HITS = {
    "a": [_hit(1, LAW, "Žrtva ima pravo na naknadu štete.", article="2"),
          _hit(2, LAW, "Ovim zakonom uređuje se naknada štete žrtvi trgovine ljudima.", article="1")],
    "b": [_hit(1, ECHR, "2. The applicant alleged a breach of Article 4.", paragraph="2")],
    "c": [_hit(1, LAW, "Ovim zakonom uređuje se naknada štete.", article="1")],
}


def _stub(question: str, k: int) -> list[Hit]:
    qid = next(q["id"] for q in QA if q["question"] == question)
    return HITS[qid][:k]


def test_metrics_of_hand_made_hits():
    res = evaluate(QA, {"bm25": _stub, "hybrid": _stub}, k=2)
    r = res["bm25"]
    assert (r["n"], r["k"], r["mode"], r["n_answerable"]) == (3, 2, "bm25", 2)
    assert [p["rank"] for p in r["per_question"]] == [2, 1, None]
    assert r["recall@k"] == 1.0
    assert r["mrr"] == pytest.approx((0.5 + 1.0) / 2)
    assert r["ndcg@k"] == pytest.approx((1 / math.log2(3) + 1.0) / 2)
    flags = [p["abstained"] for p in r["per_question"]]
    assert r["abstention_accuracy"] == M.abstention_accuracy(flags, [True, True, False])
    assert set(r["recall@k_by_lang"]) == {"sr-Latn", "en"}
    assert set(r["answers"]) >= {"gold_citation_share", "verified_citation_share", "answered_share"}
    assert "paired_vs" in res["hybrid"] and res["hybrid"]["paired_vs"]["hybrid_vs_bm25"]["ties"] == 2


def test_recall_at_one_cuts_at_k():
    r = evaluate(QA, {"bm25": _stub}, k=1)["bm25"]
    assert r["recall@k"] == 0.5 and r["mrr"] == 0.5


def test_triplets_and_bad_inputs():
    group = [dict(q, id=f"t{i}", group="g1", lang=lang) for i, (q, lang) in
             enumerate(zip([QA[0]] * 3, ["sr-Latn", "sr-Cyrl", "sr-nodiac"]))]
    qa = group
    r = evaluate(qa, {"bm25": lambda q, k: HITS["a"][:k]}, k=2)["bm25"]
    assert r["triplets"]["groups"] == 1 and r["triplets"]["same_top_hit"] == 1
    from core.errors import ConfigError

    with pytest.raises(ConfigError, match="not allowed"):
        evaluate(QA, {"bm42": _stub})
    with pytest.raises(ConfigError, match="split"):
        select(QA, "train")


@pytest.fixture(scope="module")
def tiny_index(tmp_path_factory) -> Path:
    return make_dense_index(tmp_path_factory.mktemp("evalidx"))[1]


def test_cli_json_lines_match_the_public_search(tiny_index: Path, tmp_path: Path, capsys):
    from evaluation.__main__ import main
    from retrieval import search

    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QA), encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["--index", str(tiny_index), "--qa", str(qa), "--mode", "bm25", "hybrid", "dense",
                 "--k", "3", "--split", "all", "--json", "--out", str(out)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    assert [x["mode"] for x in lines] == ["bm25", "hybrid", "dense"]
    for x in lines:
        assert set(x) >= {"n", "k", "mode", "recall@k", "mrr", "ndcg@k", "abstention_accuracy", "per_question"}
        ranks = [M.first_match_rank([h.to_dict() for h in search(q["question"], k=8, index_dir=tiny_index,
                                                                  mode=x["mode"])], q["gold"]) for q in QA]
        assert [p["rank"] for p in x["per_question"]] == ranks
    assert json.loads(out.read_text(encoding="utf-8"))["results"]["bm25"]["n"] == 3
    assert main(["--index", str(tiny_index), "--qa", str(qa), "--mode", "bm25", "--split", "all"]) == 0
    assert "recall@5" in capsys.readouterr().out


def test_subcorpus_is_deterministic_and_holds_all_gold(tmp_path: Path):
    corpus = make_corpus(tmp_path / "corpus")
    for i in range(6):
        (corpus / "zakoni" / f"zakon_{i}.txt").write_text(f"ZAKON {i}\nČlan 1\nTekst {i}.\n" * (i + 1), encoding="utf-8")
    qa = [dict(QA[0], split="test"), dict(QA[1], split="dev")]
    a = make_subcorpus(corpus, qa, tmp_path / "a", budget_chars=60, seed=3)
    b = make_subcorpus(corpus, qa, tmp_path / "b", budget_chars=60, seed=3)
    assert a["sources"] == b["sources"] and LAW in a["sources"]
    assert ECHR not in gold_sources(qa, "test") and ECHR in a["sources"]  # an echr distractor (min 1 per kind)
    assert (tmp_path / "a" / LAW).resolve() == (corpus / LAW).resolve()
    assert make_subcorpus(corpus, qa, tmp_path / "a", budget_chars=60, seed=3)["sources"] == a["sources"]  # reused
    assert not (tmp_path / "a" / "user").exists()
    every = make_subcorpus(corpus, qa, tmp_path / "c", split="all", budget_chars=1)
    assert {LAW, ECHR} <= set(every["sources"])


def test_choose_respects_budget_and_seed():
    sizes = {f"zakoni/z{i}.txt": 10 for i in range(10)} | {"echr/e.json": 5}
    picked = choose(["zakoni/z0.txt"], sizes, budget_chars=40, seed=0, min_per_kind=0)
    assert picked[0] == "zakoni/z0.txt" and sum(sizes[s] for s in picked) <= 40
    assert picked == choose(["zakoni/z0.txt"], sizes, budget_chars=40, seed=0, min_per_kind=0)
    assert picked != choose(["zakoni/z0.txt"], sizes, budget_chars=40, seed=1, min_per_kind=0)
