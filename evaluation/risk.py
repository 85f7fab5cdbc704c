"""`python -m evaluation.risk --index DIR [--thresholds 0.3 0.35 …]`: the risk-coverage
table of the answer decision, per shape of question.

For each abstention threshold (answer.abstain's evidence threshold; every other rule of
answer.decide as shipped): the share of answerable questions answered with a right
citation (coverage that counts) against the share of unanswerable questions answered
(risk), over the search-box sets (dev split, hold-out 1), the story-shaped sets
(hold-outs 2 and 3, every blind story set registered) and the unanswerable sets (dev,
every blind unanswerable set registered). Every blind set here was scored once before
and once after its round and has been a development set since; a new round's fresh
blind pair joins only after its "after". Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from core.paths import resolve_index
from evaluation.sets import SHAPES, run_sets

# Search-box: the dev split and hold-out 1 (the test split stays out of calibration); the
# story-shaped and unanswerable sets are evaluation.sets's, every registered one.
GROUPS = {"search-box": ("dev", "holdout1"), "story": SHAPES["story"], "unanswerable": SHAPES["unanswerable"]}
DEFAULT_THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def pooled(results: dict[str, dict], names: tuple[str, ...]) -> tuple[float, float]:
    """(answered with a right citation / answerable, answered / unanswerable) over sets."""
    good = answerable = wrong = unanswerable = 0.0
    for n in names:
        r = results.get(n)
        if r is None:
            continue
        na = r["n_answerable"]
        nu = r["n"] - na
        good += r["answers"]["gold_citation_share"] * na
        answerable += na
        wrong += (1 - r["answers"]["unanswerable_abstained_share"]) * nu if nu else 0
        unanswerable += nu
    return (good / answerable if answerable else 0.0, wrong / unanswerable if unanswerable else 0.0)


def table(index_dir: Path, thresholds) -> str:
    rows = ["| threshold | " + " | ".join(f"{g}: right citation | {g}: unanswerable answered" for g in GROUPS
                                           if g != "unanswerable") + " | unanswerable sets: answered |",
            "|---:|" + "---:|" * (2 * (len(GROUPS) - 1) + 1)]
    names = [n for g in GROUPS.values() for n in g]
    for t in thresholds:
        res = run_sets(index_dir, names, threshold=t)
        cells = []
        for g, sets in GROUPS.items():
            cov, risk = pooled(res, sets)
            cells += [f"{cov:.3f}", f"{risk:.3f}"] if g != "unanswerable" else [f"{risk:.3f}"]
        rows.append(f"| {t:.2f} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    from core.privacy import apply_privacy_defaults

    apply_privacy_defaults(os.environ)
    p = argparse.ArgumentParser(prog="python -m evaluation.risk", description=__doc__.splitlines()[0])
    p.add_argument("--index", default=str(resolve_index(None, os.environ)))
    p.add_argument("--thresholds", nargs="+", type=float, default=list(DEFAULT_THRESHOLDS))
    args = p.parse_args(argv)
    print(table(Path(args.index), args.thresholds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
