"""When to say "I did not find it": the evidence score, the threshold, its calibration.

Evidence = the IDF-weighted share of the question's content terms that the best few
candidate spans hold (each span together with its article heading, law name and article
number, which is where "trgovina ljudima" or "član 388" often is). IDF comes from the
whole index when the hits carry its statistics (else from the retrieved spans), and a
question term nothing holds gets the highest IDF, so a question about something the
sources never mention ("krađa automobila u Nemačkoj") scores low even when its common
words match. The fused retrieval score is not used:
its scale differs between the hybrid, BM25 and dense legs, the coverage does not.

Does not compose the abstention text (that is the answerer's, in the user's language).
"""
from __future__ import annotations

from dataclasses import dataclass

from answer.config import ANSWER
from core.errors import ConfigError

# Calibrated with the full hybrid index, k=8, IDF from the whole index
# (retrieval.term_stats), untranslatable words weighing answer.candidates.CROSS_WEIGHT
# against a text in the other language, and questions naming a source the corpus lacks
# abstaining before any threshold (retrieval.sources.absent). On evaluation/data: the dev split
# (93 answerable / 12 unanswerable), the test split (51 / 6), the first hold-out (34 / 6):
#   threshold                      0.25   0.30   0.35   0.40   0.45   0.50
#   dev  answered                  1.00   1.00   1.00   0.99   0.98   0.95
#   dev  unanswerable abstained    9/12   9/12  11/12  11/12  12/12  12/12
#   test answered                  0.98   0.98   0.96   0.96   0.96   0.96
#   test unanswerable abstained    4/6    5/6    5/6    5/6    6/6    6/6
#   hold-out answered              0.91   0.91   0.91   0.88   0.76   0.68
#   hold-out unanswerable abstained 3/6   3/6    4/6    4/6    4/6    4/6
# 0.35 answers nearly everything answerable and abstains on 20 of the 24 unanswerable;
# above it the hold-out's long English questions start to be refused. Lexical coverage
# separates the groups only so far: a topical question nothing answers (a statistic)
# can be covered word for word.
DEFAULT_THRESHOLD = ANSWER.threshold  # the value lives in answer.config


@dataclass(frozen=True)
class AbstentionPolicy:
    threshold: float = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        if not isinstance(self.threshold, (int, float)) or not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"abstention threshold={self.threshold!r} must be a number in [0, 1]")

    def abstain(self, evidence: float) -> bool:
        return evidence < self.threshold


def evidence_score(coverages: list[float], top: int = 3) -> float:
    """Best coverage among the `top` best-scored spans (0 when there are none)."""
    return max(coverages[:top], default=0.0)


def calibrate_threshold(scores: list[float], labels: list[bool], balanced: bool = False) -> float:
    """The threshold that maximises abstention accuracy on a labelled set (with
    balanced=True: the mean of the accuracies on answerable and on unanswerable
    questions, for sets with few unanswerable ones).

    scores: evidence per question; labels: True when the question is answerable.
    The system abstains when score < threshold, so it is correct when
    (score >= threshold) == answerable. Candidates are midpoints between sorted
    distinct scores (plus the ends); ties go to the lower threshold (abstain less).
    """
    if len(scores) != len(labels):
        raise ConfigError(f"calibrate_threshold: {len(scores)} scores but {len(labels)} labels")
    if not scores:
        raise ConfigError("calibrate_threshold: no scores to calibrate on")
    distinct = sorted(set(scores))
    candidates = [0.0] + [(a + b) / 2 for a, b in zip(distinct, distinct[1:])] + [min(1.0, distinct[-1] + 1e-9)]
    best, best_acc = candidates[0], -1.0
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    for t in candidates:
        if balanced and pos and neg:
            acc = (sum(s >= t for s in pos) / len(pos) + sum(s < t for s in neg) / len(neg)) / 2
        else:
            acc = sum((s >= t) == bool(y) for s, y in zip(scores, labels)) / len(scores)
        if acc > best_acc:
            best, best_acc = t, acc
    return best
