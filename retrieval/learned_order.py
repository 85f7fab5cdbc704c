"""A story's first results put in order by a linear model learned on the development
stories: which legs found each unit, how high, and whether it holds what is asked.

    rows = order_features(question, ranked[:depth], rankings, chunk_of, idf)
    model = OrderModel.load()                 # retrieval/data/story_order.json
    ranked = learned_order(ranked, keep, model.scores(rows))
    # reorder(...) does both, and gives each entry's probability of answering the story

Fusion (`retrieval.fusion.rrf`) weighs each leg by one hand-set number and each place by
1 / (k + place); a story fuses a dozen legs, and which of them to trust depends on
where they agree. Measured on recorded legs of the development stories, a third of the
stories whose gold provision missed the first five had it first in some leg. So, for a
story only, the first `depth` results after the provisions the question cites are
re-sorted by a logistic model over:
  - the unit's place in the fused and re-ranked list;
  - per leg: whether the leg ran, 10 / (10 + the unit's place in it), first, in its first three;
  - how many legs hold it in their first ten;
  - the idf-weighted share of the asked sentence's words, and of the whole story's,
    that the unit holds, and whether it states the kind of thing asked
    (`retrieval.answer_type`);
  - its kind (law, treaty, decision, bulletin page, ECtHR paragraph).
The weights are data (`retrieval/data/story_order.json`), written by
`python -m evaluation.train_order` with the sets it learned from and its
leave-one-set-out score; a file whose features differ from `FEATURES` is refused.

The same scores, as probabilities, travel on the hits (`Hit.fit`): the answer layer
reads them for a story whose own words meet too little of any provision
(`answer.fitted`). Pure apart from reading that file; decides nothing about the answer.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from core.errors import ConfigError
from retrieval.analyzer import analyze
from retrieval.answer_type import states as states_kind
from retrieval.intents import asked_sentence, own_question
from retrieval.rerank import idf_share, stated_kind, unit_text, unit_tokens

MODEL_FILE = Path(__file__).parent / "data" / "story_order.json"
# The legs a story may run (`retrieval.searcher`).
LEGS = ("bm25", "dense", "named", "scope", "pathways", "concepts", "synonyms", "ask",
        "ask_dense", "subjects", "subjects_ask", "subjects_dense", "subjects_dense_ask")
_KINDS = ("law", "treaty", "court_decision", "court_bulletin", "echr_judgment")
FEATURES = (("place", "first_five")
            + tuple(f"{leg}:{f}" for leg in LEGS for f in ("ran", "rr", "first", "top3"))
            + ("legs_agree", "asked_cover", "story_cover", "states_asked")
            + tuple(f"kind:{k}" for k in _KINDS))


def leg_places(rankings: dict[str, list[str]], unit: Callable[[str], tuple]) -> dict[str, dict[tuple, int]]:
    """{leg: {unit: its best place in the leg, 1-based}}."""
    out: dict[str, dict[tuple, int]] = {}
    for leg, ids in rankings.items():
        places: dict[tuple, int] = {}
        for place, cid in enumerate(ids, start=1):
            places.setdefault(unit(cid), place)
        out[leg] = places
    return out


def order_features(question: str, entries: Iterable[str], rankings: dict[str, list[str]],
                   chunk_of: Callable[[str], object], unit: Callable[[object], tuple],
                   idf: Callable[[str], float]) -> list[list[float]]:
    """One row of `FEATURES` per entry (chunk ids, in their ranked order)."""
    ask = asked_sentence(question)
    asked = {w: idf(w) for w in set(analyze(own_question(question)))}
    story = {w: idf(w) for w in set(analyze(question))}
    kind = stated_kind(ask)
    places = leg_places(rankings, lambda cid: unit(chunk_of(cid)))
    rows = []
    for place, cid in enumerate(entries, start=1):
        chunk = chunk_of(cid)
        u = unit(chunk)
        row = [1.0 / place, float(place <= 5)]
        agree = 0
        for leg in LEGS:
            at = places.get(leg, {}).get(u)
            row += [float(leg in rankings), 10.0 / (10 + at) if at else 0.0, float(at == 1), float(bool(at) and at <= 3)]
            agree += bool(at) and at <= 10
        text = unit_text(chunk)
        held = unit_tokens(text)
        row += [agree / len(LEGS), idf_share(asked, held), idf_share(story, held),
                float(bool(kind) and states_kind(text, kind, ask))]
        row += [float(chunk.kind == k) for k in _KINDS]
        rows.append(row)
    return rows


@dataclass(frozen=True)
class OrderModel:
    """A logistic model's weights over `FEATURES`, its intercept, and how deep it reorders."""

    weights: tuple[float, ...]
    intercept: float
    depth: int

    def __post_init__(self) -> None:
        if len(self.weights) != len(FEATURES) or not all(math.isfinite(w) for w in (*self.weights, self.intercept)):
            raise ConfigError(f"story order model: {len(self.weights)} finite weights needed, one per feature "
                              f"({len(FEATURES)})")
        if not isinstance(self.depth, int) or self.depth < 2:
            raise ConfigError(f"story order depth={self.depth!r} must be an integer >= 2")

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "OrderModel | None":
        """The stored model, or None when the file is missing (results keep fusion's order)."""
        if not Path(path).is_file():
            return None
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            names = [f["name"] for f in data["features"]]
            if tuple(names) != FEATURES:
                raise ConfigError(f"{path}: its features differ from retrieval.learned_order.FEATURES; "
                                  "run `python -m evaluation.train_order` to retrain")
            return cls(tuple(float(f["weight"]) for f in data["features"]), float(data["intercept"]), int(data["depth"]))
        except ConfigError:
            raise
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise ConfigError(f"{path}: unreadable story order model ({e})") from e

    def scores(self, rows: list[list[float]]) -> list[float]:
        return [self.intercept + sum(w * x for w, x in zip(self.weights, row)) for row in rows]


def reorder(model: "OrderModel | None", ranked: list[tuple[str, float]], keep: int, question: str,
            rankings: dict[str, list[str]], chunk_of: Callable[[str], object], unit: Callable[[object], tuple],
            idf: Callable[[str], float]) -> tuple[list[tuple[str, float]], dict[str, float]]:
    """`ranked` with its first `model.depth` entries after the first `keep` in the model's
    order, and each of those entries' probability of answering the story (`Hit.fit`);
    unchanged, and no probabilities, without a model."""
    if model is None or len(ranked[keep:model.depth]) < 2:
        return ranked, {}
    top = [cid for cid, _ in ranked[:model.depth]]
    scores = model.scores(order_features(question, top, rankings, chunk_of, unit, idf))[keep:]
    return learned_order(ranked, keep, scores), {cid: probability(s) for cid, s in zip(top[keep:], scores)}


def probability(score: float) -> float:
    """The logistic model's score as a probability (overflow-safe)."""
    return 1.0 / (1.0 + math.exp(-score)) if score >= 0 else math.exp(score) / (1.0 + math.exp(score))


def learned_order(ranked: list[tuple[str, float]], keep: int, scores: list[float]) -> list[tuple[str, float]]:
    """`ranked` with its entries keep .. keep + len(scores) re-sorted by `scores` (best
    first, ties in their old order); the first `keep` (cited provisions) and the rest stay."""
    head, top, rest = ranked[:keep], ranked[keep:keep + len(scores)], ranked[keep + len(scores):]
    order = sorted(range(len(top)), key=lambda i: (-scores[i], i))
    return head + [top[i] for i in order] + rest
