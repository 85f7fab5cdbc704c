"""`python -m retrieval --index DIR [--k 10] [--kind KIND ...] [--json] QUESTION`

Prints ranked hits (JSON list per docs/design.md with --json). With `--batch FILE` (JSON
lines {"id", "question"}) it loads the index once and prints one line
{"id", "hits": [...]} per question.
"""
from __future__ import annotations

import argparse
import json
import os
import sys


def add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", nargs="+", action="extend", default=[], help="law court_decision "
                   "court_bulletin echr_judgment treaty user_document (end the list with --)")
    p.add_argument("--source", nargs="+", action="extend", default=[],
                   help="corpus-relative file, or folder ending in /")
    p.add_argument("--court", nargs="+", action="extend", default=[], help='e.g. "Vrhovni sud"')
    p.add_argument("--date-from", default=None, help="YYYY-MM-DD (decisions)")
    p.add_argument("--date-to", default=None, help="YYYY-MM-DD (decisions)")


def filters_from_args(args: argparse.Namespace):
    from retrieval.filters import Filters

    f = Filters(kinds=tuple(args.kind), sources=tuple(args.source), courts=tuple(args.court),
                date_from=args.date_from, date_to=args.date_to)
    return None if f.empty else f


def parse_weights(text: str | None) -> dict[str, float] | None:
    """"bm25=1,dense=0.5" -> {"bm25": 1.0, "dense": 0.5}; Searcher validates the names."""
    if not text:
        return None
    from core.errors import ConfigError

    try:
        return {k.strip(): float(v) for k, v in (part.split("=") for part in text.split(","))}
    except ValueError:
        raise ConfigError(f"--weights {text!r}: use leg=number pairs, e.g. bm25=1,dense=0.5") from None


def main(argv: list[str] | None = None) -> int:
    from core.privacy import apply_privacy_defaults

    apply_privacy_defaults(os.environ)
    p = argparse.ArgumentParser(prog="python -m retrieval", description=__doc__.splitlines()[0])
    p.add_argument("question", nargs="?")
    p.add_argument("--index", default=None)
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--mode", default="hybrid", help="hybrid | bm25 | dense")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", default=None, help="JSON lines file of {id, question}")
    p.add_argument("--chroma-host", default=None, help="Chroma server (default: $PRAVNI_LEK_CHROMA_HOST, "
                   "else the embedded store)")
    p.add_argument("--weights", default=None, help='fusion weights, e.g. "bm25=1,dense=0.5"')
    add_filter_args(p)
    args = p.parse_args(argv)
    if not args.question and not args.batch:
        p.error("give a QUESTION or --batch FILE")

    from core.errors import PravniLekError
    from core import settings
    from core.paths import resolve_index
    from retrieval.searcher import Searcher, get_searcher

    try:
        index_dir = resolve_index(args.index, os.environ)
        chroma_host = args.chroma_host or settings.chroma_host(os.environ)
        if args.weights or chroma_host:
            searcher = Searcher(index_dir, weights=parse_weights(args.weights), chroma_host=chroma_host)
        else:
            searcher = get_searcher(index_dir)
        filters = filters_from_args(args)
        if args.batch:
            with open(args.batch, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        q = json.loads(line)
                        hits = searcher.search(q["question"], k=args.k, filters=filters, mode=args.mode)
                        print(json.dumps({"id": q.get("id"), "hits": [h.to_dict() for h in hits]},
                                         ensure_ascii=False), flush=True)
            return 0
        hits = searcher.search(args.question, k=args.k, filters=filters, mode=args.mode)
    except PravniLekError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return 0
    for h in hits:
        c = h.chunk
        loc = " ".join(f"{n} {v}" for n, v in (("čl.", c.article), ("st.", c.stav), ("§", c.paragraph),
                                                 ("str.", c.page), ("", c.section)) if v)
        print(f"{h.rank:>2}. [{h.score:.4f}] {c.title} {loc} — {c.heading or ''}  ({c.source})")
        print("    " + c.text[:200].replace("\n", " ") + ("…" if len(c.text) > 200 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
