"""The learned order of a story's first results (retrieval.learned_order) and its
trainer's pure parts (evaluation.train_order): features one row per entry, the model
file checked against the features, the cited provisions and the tail left in place."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from core.errors import ConfigError
from evaluation.train_order import fit, top5
from retrieval.learned_order import (FEATURES, MODEL_FILE, OrderModel, learned_order, order_features,
                                     probability, reorder)

CHUNKS = {
    "a": SimpleNamespace(heading="Zastarelost", text="Potraživanje zastareva za deset godina.", kind="law"),
    "b": SimpleNamespace(heading="Naknada", text="Oštećeni ima pravo na naknadu štete.", kind="law"),
    "c": SimpleNamespace(heading="", text="Strana 12 biltena o troškovima.", kind="court_bulletin"),
}
STORY = ("Marija je pre pet godina dobila presudu protiv poslodavca. Novac joj nikad nije isplaćen. "
         "Da li joj je potraživanje zastarelo?")


def rows(rankings, entries=("a", "b", "c")):
    return order_features(STORY, list(entries), rankings, CHUNKS.__getitem__, lambda c: (id(c),), lambda w: 1.0)


def column(name: str) -> int:
    return FEATURES.index(name)


def test_one_row_of_features_per_entry_reads_the_legs_and_the_text():
    x = rows({"bm25": ["b", "a"], "subjects": ["a"]})
    assert [len(r) for r in x] == [len(FEATURES)] * 3
    assert x[0][column("place")] == 1.0 and x[2][column("place")] == pytest.approx(1 / 3)
    assert x[0][column("subjects:first")] == 1.0 and x[1][column("subjects:first")] == 0.0
    assert x[0][column("bm25:rr")] == pytest.approx(10 / 12) and x[2][column("bm25:rr")] == 0.0
    assert all(r[column("bm25:ran")] == 1.0 and r[column("dense:ran")] == 0.0 for r in x)
    assert x[0][column("asked_cover")] > x[1][column("asked_cover")]  # "zastarelo" is asked; a holds it
    assert x[2][column("kind:court_bulletin")] == 1.0 and x[0][column("kind:law")] == 1.0


def test_the_model_reorders_only_the_entries_after_the_cited_ones_and_within_its_depth():
    ranked = [("cited", 9.0), ("b", 3.0), ("c", 2.0), ("a", 1.0), ("tail", 0.5)]
    assert learned_order(ranked, 1, [0.0, 0.0, 5.0]) == [("cited", 9.0), ("a", 1.0), ("b", 3.0), ("c", 2.0),
                                                         ("tail", 0.5)]
    assert learned_order(ranked, 1, [1.0, 1.0, 1.0]) == ranked  # ties keep their order
    weights = [0.0] * len(FEATURES)
    weights[column("asked_cover")] = 10.0
    model = OrderModel(tuple(weights), 0.0, depth=3)
    CHUNKS["cited"] = CHUNKS["tail"] = CHUNKS["c"]
    try:
        out, fits = reorder(model, ranked, 1, STORY, {"bm25": ["b"]}, CHUNKS.__getitem__, lambda c: (id(c),),
                            lambda w: 1.0)
    finally:
        del CHUNKS["cited"], CHUNKS["tail"]
    assert [cid for cid, _ in out] == ["cited", "b", "c", "a", "tail"]  # "a" is below the depth: not moved
    # Each reordered entry's probability of answering the story; none for the cited one or the tail.
    assert set(fits) == {"b", "c"} and all(0.0 < p < 1.0 for p in fits.values())
    assert reorder(None, ranked, 1, STORY, {}, CHUNKS.__getitem__, id, id) == (ranked, {})


def test_a_score_becomes_a_probability_without_overflow():
    assert probability(0.0) == 0.5
    assert probability(2.0) == pytest.approx(1 / (1 + np.exp(-2.0)))
    assert probability(-2.0) == pytest.approx(1 - probability(2.0))
    assert probability(1000.0) == 1.0 and probability(-1000.0) == 0.0


def test_a_model_file_must_match_the_features(tmp_path: Path):
    assert OrderModel.load(tmp_path / "none.json") is None
    good = {"depth": 20, "intercept": -1.0, "features": [{"name": n, "weight": 0.1} for n in FEATURES]}
    (tmp_path / "m.json").write_text(json.dumps(good))
    assert OrderModel.load(tmp_path / "m.json").depth == 20
    (tmp_path / "m.json").write_text(json.dumps({**good, "features": good["features"][:-1]}))
    with pytest.raises(ConfigError, match="m.json"):
        OrderModel.load(tmp_path / "m.json")
    (tmp_path / "m.json").write_text("{")
    with pytest.raises(ConfigError, match="unreadable"):
        OrderModel.load(tmp_path / "m.json")
    with pytest.raises(ConfigError, match="depth"):
        OrderModel(tuple([0.0] * len(FEATURES)), 0.0, depth=1)
    with pytest.raises(ConfigError, match="weights"):
        OrderModel((0.0,), 0.0, depth=5)


def test_the_bundled_model_loads_and_says_what_it_learned_from():
    model = OrderModel.load()
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert model is not None and model.depth >= 5
    assert data["trained_on"] and data["leave_one_set_out_recall_at_5"]


def test_the_trainer_fits_a_signal_and_counts_the_first_five():
    rng = np.random.default_rng(0)
    x = rng.random((400, 3))
    y = (x[:, 1] > 0.6).astype(float)
    w, b = fit(x, y, c=10.0)
    assert w[1] > 5 and abs(w[0]) < 1 and abs(w[2]) < 1 and b < 0
    group = {"keep": 1, "y": np.array([0, 0, 0, 0, 0, 0, 1.0])}
    assert not top5(group, None)
    assert top5(group, np.array([0, 0, 0, 0, 0, 0, 9.0]))
    assert top5({"keep": 0, "y": np.array([0.0, 1.0])}, np.array([5.0, 0.0]))  # second of two: still in five


def test_cross_validation_counts_each_held_set_by_a_model_learned_on_the_others():
    from evaluation.train_order import cross_validate

    rng = np.random.default_rng(1)

    def group(name, index):
        y = np.zeros(8)
        y[rng.integers(5, 8)] = 1.0  # fusion put the gold unit below the first five
        x = np.column_stack([y + rng.normal(0, 0.1, 8), rng.random(8)])  # the first feature knows it
        return {"set": name, "index": index, "keep": 0, "x": x, "y": y}

    groups = [group(f"s{i % 3}", "idx" if i % 2 else "lex") for i in range(30)]
    out = cross_validate(groups, c=1.0)
    assert set(out) == {"idx", "lex"} and sum(v["stories"] for v in out.values()) == 30
    assert all(v["fusion"] == 0 and v["learned"] == v["stories"] for v in out.values())
