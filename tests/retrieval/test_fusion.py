import pytest

from core.errors import ConfigError
from retrieval.fusion import collapse, rrf


def test_rrf_hand_computed():
    # k=60: a = 1/61 + 1/62, b = 1/62 + 1/61, c = 1/63, d = 1/63 (bm25 met c first)
    out = rrf({"bm25": ["a", "b", "c"], "dense": ["b", "a", "d"]})
    assert [cid for cid, _ in out] == ["a", "b", "c", "d"]
    assert out[0][1] == pytest.approx(1 / 61 + 1 / 62)
    assert out[2][1] == pytest.approx(1 / 63)


def test_rrf_weights_and_k():
    out = rrf({"bm25": ["a", "b"], "citation": ["b"]}, weights={"citation": 10.0}, k=1)
    # b = 1/(1+2) + 10/(1+1) = 5.333…, a = 1/2
    assert out == [("b", pytest.approx(1 / 3 + 5)), ("a", pytest.approx(0.5))]
    zeroed = rrf({"bm25": ["a"], "dense": ["b"]}, weights={"bm25": 0.0})
    assert zeroed[0] == ("b", pytest.approx(1 / 61)) and zeroed[1] == ("a", 0.0)


def test_rrf_repeated_id_counts_once_and_empty():
    assert rrf({"bm25": ["a", "a", "b"]})[0] == ("a", pytest.approx(1 / 61))
    assert rrf({}) == []
    assert rrf({"bm25": [], "dense": []}) == []


def test_rrf_extra_leg_from_caller():
    assert rrf({"title": ["x"]}, weights={"title": 2.0}) == [("x", pytest.approx(2 / 61))]


@pytest.mark.parametrize(
    "weights, message",
    [
        ({"bm52": 1.0}, "unknown leg 'bm52'; allowed legs: \\('bm25', 'dense'\\)"),
        ({"dense": -1.0}, "dense=-1.0"),
        ({"dense": float("nan")}, "dense=nan"),
        ({"dense": "2"}, "dense='2'"),
    ],
)
def test_rrf_bad_weights(weights, message):
    with pytest.raises(ConfigError, match=message):
        rrf({"bm25": ["a"]}, weights=weights)


def test_rrf_bad_k():
    with pytest.raises(ConfigError, match="k=0"):
        rrf({"bm25": ["a"]}, k=0)


def test_collapse_keeps_best_piece_of_each_unit():
    ranked = [("kz388#2", 0.9), ("zkp252", 0.8), ("kz388#1", 0.7), ("kz389", 0.6), ("zkp252", 0.1)]
    unit = {"kz388#1": "kz388", "kz388#2": "kz388", "zkp252": "zkp252", "kz389": "kz389"}
    assert collapse(ranked, unit.__getitem__) == [("kz388#2", 0.9), ("zkp252", 0.8), ("kz389", 0.6)]
    assert collapse([], unit.__getitem__) == []


def test_cap_per_group_moves_extras_down_keeps_everything():
    from retrieval.fusion import cap_per_group

    ranked = [("b1", 5.0), ("b2", 4.0), ("b3", 3.0), ("law", 2.0), ("b4", 1.0)]
    group = {"b1": "bilten", "b2": "bilten", "b3": "bilten", "b4": "bilten", "law": None}.get
    out = cap_per_group(ranked, group, 2)
    assert [cid for cid, _ in out] == ["b1", "b2", "law", "b3", "b4"]
    assert sorted(out) == sorted(ranked)
    with pytest.raises(ConfigError, match="cap"):
        cap_per_group(ranked, group, 0)


def test_reweight_applies_priors_and_keeps_ties_in_order():
    from retrieval.fusion import reweight

    ranked = [("bulletin", 0.9), ("article", 0.8), ("other", 0.8)]
    out = reweight(ranked, lambda cid: 0.5 if cid == "bulletin" else 1.0)
    assert [c for c, _ in out] == ["article", "other", "bulletin"]
    assert out[-1][1] == pytest.approx(0.45)
    assert reweight(ranked, lambda cid: 1.0) == ranked


def test_reserve_keeps_a_unit_within_the_first_places():
    from retrieval.fusion import reserve

    ranked = [("a1", 5.0), ("b", 4.0), ("c", 3.0), ("d1", 2.0), ("e", 1.0)]
    unit = lambda cid: cid[0]  # noqa: E731 — "d1" and "d2" are pieces of one unit
    assert reserve(ranked, "b", 2, unit) == ranked  # already in place: nothing moves
    assert reserve(ranked, "d2", 2, unit) == [("a1", 5.0), ("d2", 4.0), ("b", 4.0), ("c", 3.0), ("e", 1.0)]
    assert reserve(ranked, "z", 9, unit) == ranked + [("z", 1.0)]  # fewer entries than places
    assert reserve([], "z", 3, unit) == [("z", 0.0)]
    with pytest.raises(ConfigError):
        reserve(ranked, "z", 0, unit)
