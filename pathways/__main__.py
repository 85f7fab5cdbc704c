"""`python -m pathways --index DIR`: resolve every citation of the remedy guide against
an index and verify every quote; prints each problem and exits 1 when there is any.

The entry point (reads PRAVNI_LEK_INDEX); the guide's test runs the same check.
"""
from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    from core.privacy import apply_privacy_defaults

    apply_privacy_defaults(os.environ)
    p = argparse.ArgumentParser(prog="python -m pathways", description=__doc__.splitlines()[0])
    p.add_argument("--index", default=None, help="index directory (default: $PRAVNI_LEK_INDEX or .index/)")
    args = p.parse_args(argv)

    from core.errors import PravniLekError
    from core.paths import resolve_index
    from pathways.load import load_pathways
    from pathways.resolve import page_map, resolve_guide
    from retrieval.searcher import get_searcher

    try:
        guide = load_pathways()
        s = get_searcher(resolve_index(args.index, os.environ))
    except PravniLekError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    resolved = resolve_guide(guide, s.citations.lookup, s.by_id, page_map(s.chunks))
    bad = [r for r in resolved.values() if not r.ok]
    for r in bad:
        print(f"✗ {r.problem}")
    print(f"{len(guide)} pathways, {len(resolved)} references, {len(resolved) - len(bad)} verified, {len(bad)} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
