"""`python -m retrieval.concepts_check [--index DIR] [--top N]`: each concept of
retrieval/data/concepts.json with the provisions its statute vocabulary finds on its
own in an index, so a reviewer sees that "ugovor zaključen pod pretnjom" reaches ZOO
čl. 60 and not something else. A reading aid for editing the lexicon; it scores nothing.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from core.paths import resolve_index


def main(argv: list[str] | None = None) -> int:
    from core.privacy import apply_privacy_defaults

    apply_privacy_defaults(os.environ)
    p = argparse.ArgumentParser(prog="python -m retrieval.concepts_check", description=__doc__.splitlines()[0])
    p.add_argument("--index", default=str(resolve_index(None, os.environ)))
    p.add_argument("--top", type=int, default=3)
    args = p.parse_args(argv)
    from retrieval.concepts import lexicon, vocabulary
    from retrieval.searcher import get_searcher

    s = get_searcher(Path(args.index))
    for entry in lexicon():
        found = s.bm25.query(vocabulary(entry.terms, entry.terms_en), args.top)
        chunks = [s.by_id[cid] for cid, _ in found]
        units = [f"{c.source.rsplit('/', 1)[-1][:40]} {c.article or c.paragraph or c.page or ''}" for c in chunks]
        print(f"{entry.id}: " + " | ".join(units))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
