"""evaluation.metrics on hand-computed examples."""
import math

import pytest

from evaluation.metrics import (
    abstention_accuracy,
    first_match_rank,
    gold_citation_share,
    hit_matches,
    mrr,
    ndcg_at_k,
    paired_differences,
    recall_at_k,
    reciprocal_ranks,
    relevance_vector,
    verified_citation_share,
)

KZ = "zakoni/krivicni_zakonik.txt"
ZKP = "zakoni/zakon_o_krivicnom_postupku.txt"
RANTSEV = "echr/001-96549.json"
BULLETIN = "sudska_praksa/bilteni/as_nis/bilten_nis_2011.pdf"
DECISION = "sudska_praksa/vrhovni_sud/gradjanska/Rev2_1788_2024.json"


def hit(source, **loc):
    return {"source": source, "article": None, "paragraph": None, "page": None, **loc}


def test_hit_matches_source_and_named_locators():
    assert hit_matches(hit(KZ, article="388"), {"source": KZ, "article": "388"})
    assert not hit_matches(hit(KZ, article="389"), {"source": KZ, "article": "388"})
    assert not hit_matches(hit(ZKP, article="388"), {"source": KZ, "article": "388"})
    # lettered articles are distinct units
    assert not hit_matches(hit(KZ, article="390"), {"source": KZ, "article": "390a"})
    # a hit without the locator the gold item names does not match
    assert not hit_matches(hit(KZ), {"source": KZ, "article": "388"})


def test_hit_matches_source_only_gold_matches_any_unit_of_the_file():
    assert hit_matches({"source": DECISION, "section": "IZREKA"}, {"source": DECISION})
    assert not hit_matches({"source": KZ, "article": "1"}, {"source": DECISION})


def test_hit_matches_compares_locators_as_strings():
    assert hit_matches(hit(BULLETIN, page=15), {"source": BULLETIN, "page": 15})
    assert hit_matches(hit(BULLETIN, page="15"), {"source": BULLETIN, "page": 15})
    assert hit_matches(hit(RANTSEV, paragraph="281"), {"source": RANTSEV, "paragraph": 281})
    assert not hit_matches(hit(BULLETIN, page=16), {"source": BULLETIN, "page": 15})


def test_hit_matches_extra_locators_on_the_hit_are_ignored():
    # the gold item names only the article, the hit is one stav of it
    assert hit_matches(hit(KZ, article="388", stav="8"), {"source": KZ, "article": "388"})
    assert not hit_matches(hit(KZ, article="388", stav="1"), {"source": KZ, "article": "388", "stav": "8"})


def test_first_match_rank():
    hits = [hit(KZ, article="1"), hit(ZKP, article="254"), hit(KZ, article="388")]
    assert first_match_rank(hits, [{"source": KZ, "article": "388"}]) == 3
    # the earliest match of any gold item counts
    gold = [{"source": KZ, "article": "388"}, {"source": ZKP, "article": "254"}]
    assert first_match_rank(hits, gold) == 2
    assert first_match_rank(hits, [{"source": KZ, "article": "389"}]) is None
    assert first_match_rank([], gold) is None
    assert first_match_rank(hits, []) is None


def test_recall_and_mrr_on_the_brief_example():
    ranks = [1, 3, None, 2]
    assert recall_at_k(ranks, 2) == 0.5
    assert mrr(ranks, 2) == pytest.approx((1 + 0 + 0 + 0.5) / 4)
    assert recall_at_k(ranks, 3) == 0.75
    assert mrr(ranks, 3) == pytest.approx((1 + 1 / 3 + 0 + 0.5) / 4)
    assert reciprocal_ranks(ranks, 2) == [1.0, 0.0, 0.0, 0.5]


def test_rank_metrics_edge_cases():
    assert recall_at_k([], 5) == 0.0
    assert mrr([], 5) == 0.0
    assert recall_at_k([None, None], 5) == 0.0
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="k must be"):
            recall_at_k([1], bad)


def test_relevance_vector_credits_each_gold_item_once():
    gold = [{"source": KZ, "article": "388"}, {"source": ZKP, "article": "254"}]
    hits = [hit(KZ, article="388", stav="1"), hit(KZ, article="388", stav="8"), hit(KZ, article="1"), hit(ZKP, article="254")]
    assert relevance_vector(hits, gold, 4) == [1, 0, 0, 1]
    assert relevance_vector(hits, gold, 2) == [1, 0]


def test_ndcg_hand_computed():
    # q1: one gold, found at rank 2 -> (1/log2 3) / 1
    # q2: two gold, found at ranks 1 and 3 -> (1 + 1/log2 4) / (1 + 1/log2 3)
    # q3: one gold, not found -> 0
    rels = [[0, 1, 0], [1, 0, 1], [0, 0, 0]]
    q1 = 1 / math.log2(3)
    q2 = (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
    assert ndcg_at_k(rels, 3, n_gold=[1, 2, 1]) == pytest.approx((q1 + q2 + 0) / 3)


def test_ndcg_ideal_is_capped_at_k():
    # five gold items but k=2: two hits at the top are a perfect ranking
    assert ndcg_at_k([[1, 1]], 2, n_gold=[5]) == pytest.approx(1.0)
    # the ideal counts gold items not found: one of two found at rank 1
    assert ndcg_at_k([[1, 0]], 2, n_gold=[2]) == pytest.approx(1 / (1 + 1 / math.log2(3)))


def test_ndcg_without_n_gold_and_errors():
    assert ndcg_at_k([[0, 1]], 2) == pytest.approx(1 / math.log2(3))
    assert ndcg_at_k([], 3) == 0.0
    with pytest.raises(ValueError, match="n_gold"):
        ndcg_at_k([[1]], 3, n_gold=[1, 1])


def test_abstention_accuracy():
    abstained = [False, True, True, False]
    answerable = [True, False, True, False]
    # right: q1 (answered an answerable one), q2 (abstained on an unanswerable one)
    assert abstention_accuracy(abstained, answerable) == 0.5
    assert abstention_accuracy([], []) == 0.0
    with pytest.raises(ValueError):
        abstention_accuracy([True], [True, False])


QA = [
    {"id": "q1", "answerable": True, "gold": [{"source": KZ, "article": "388"}]},
    {"id": "q2", "answerable": True, "gold": [{"source": RANTSEV, "paragraph": "281"}]},
    {"id": "q3", "answerable": False, "gold": []},
    {"id": "q4", "answerable": True, "gold": [{"source": DECISION}]},
]
ANSWERS = [
    {"citations": [{"source": KZ, "article": "389", "verified": True}, {"source": KZ, "article": "388", "verified": True}]},
    {"citations": [{"source": RANTSEV, "paragraph": "282", "verified": False}]},
    {"abstained": True, "citations": []},
    {"citations": [{"source": DECISION, "article": None, "verified": True}]},
]


def test_gold_citation_share_over_answerable_questions():
    # q1 and q4 cite a gold unit, q2 does not; q3 is not answerable and not counted
    assert gold_citation_share(ANSWERS, QA) == pytest.approx(2 / 3)
    by_id = {"q1": ANSWERS[0], "q2": ANSWERS[1]}  # q4 missing counts as a miss
    assert gold_citation_share(by_id, QA) == pytest.approx(1 / 3)
    with pytest.raises(ValueError):
        gold_citation_share(ANSWERS[:2], QA)


def test_an_abstention_listing_the_gold_unit_as_possibly_relevant_is_no_answer():
    abstained = {"abstained": True, "citations": [{"source": KZ, "article": "388", "verified": True}]}
    assert gold_citation_share([abstained, *ANSWERS[1:]], QA) == pytest.approx(1 / 3)


def test_verified_citation_share():
    assert verified_citation_share(ANSWERS) == pytest.approx(3 / 4)
    assert verified_citation_share([{"citations": []}]) == 0.0
    assert verified_citation_share({"q1": ANSWERS[1]}) == 0.0


def test_paired_differences_counts_and_mean():
    a = [1.0, 0.5, 0.0, 1.0]
    b = [0.5, 0.5, 1.0, 0.0]
    out = paired_differences(a, b, n_boot=2000, seed=1)
    assert (out["wins"], out["losses"], out["ties"], out["n"]) == (2, 1, 1, 4)
    assert out["mean_diff"] == pytest.approx((0.5 + 0 - 1 + 1) / 4)
    lo, hi = out["ci95"]
    assert -1.0 <= lo <= out["mean_diff"] <= hi <= 1.0
    # fixed seed: the interval is reproducible
    assert paired_differences(a, b, n_boot=2000, seed=1)["ci95"] == out["ci95"]


def test_paired_differences_constant_difference_has_a_point_interval():
    out = paired_differences([1.0, 1.0, 1.0], [0.5, 0.5, 0.5])
    assert out["ci95"] == pytest.approx([0.5, 0.5])
    assert out["wins"] == 3


def test_paired_differences_rejects_bad_input():
    with pytest.raises(ValueError):
        paired_differences([1.0], [1.0, 0.0])
    with pytest.raises(ValueError):
        paired_differences([], [])
