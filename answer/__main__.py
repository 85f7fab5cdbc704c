"""`python -m answer --index DIR [--json] [--k K] [--mode extractive|openai|gguf]
[--endpoint URL] [--model NAME|PATH] [--script latin|cyrillic] QUESTION`, or `--batch FILE` (JSON lines
{"id", "question"} -> one answer object per line with its id).

The entry point: reads PRAVNI_LEK_INDEX and the optional LLM settings
(PRAVNI_LEK_LLM_ENDPOINT, PRAVNI_LEK_LLM_MODEL, PRAVNI_LEK_LLM_API_KEY) from the
environment and applies the privacy defaults (HF_HUB_OFFLINE=1 unless
PRAVNI_LEK_ALLOW_DOWNLOADS=1) before anything loads a model.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Mapping


def _parser() -> argparse.ArgumentParser:
    from retrieval.__main__ import add_filter_args

    p = argparse.ArgumentParser(prog="python -m answer", description="Grounded answers with verified citations.")
    p.add_argument("question", nargs="?")
    p.add_argument("--index", default=None, help="index directory (default: $PRAVNI_LEK_INDEX or .index/)")
    p.add_argument("--json", action="store_true", help="print the answer object as JSON")
    p.add_argument("--k", type=int, default=8, help="hits to answer from (default 8)")
    p.add_argument("--batch", default=None, help="JSON lines file of {id, question}")
    p.add_argument("--mode", default="extractive", choices=("extractive", "openai", "gguf"))
    p.add_argument("--endpoint", default=None, help="OpenAI-compatible base URL, e.g. http://127.0.0.1:11434/v1")
    p.add_argument("--model", default=None, help="model name (openai) or .gguf file path (gguf)")
    p.add_argument("--script", default=None, choices=("latin", "cyrillic"),
                   help="write the answer in this script (default: the question's)")
    p.add_argument("--threshold", type=float, default=None, help="abstention threshold on the evidence score")
    p.add_argument("--retrieval-mode", default="hybrid", help="hybrid | bm25 | dense")
    add_filter_args(p)
    return p


def _answerer(args: argparse.Namespace, env: Mapping[str, str]):
    from answer import DEFAULT_THRESHOLD, LLMConfig, make_answerer
    from core.settings import llm_api_key, llm_endpoint, llm_model

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    if args.mode == "extractive":
        return make_answerer("extractive", threshold=threshold, script=args.script)
    model = args.model or llm_model(env)
    if args.mode == "gguf":
        config = LLMConfig(mode="gguf", model_path=Path(model) if model else None)
    else:
        config = LLMConfig(mode="openai", model=model, endpoint=args.endpoint or llm_endpoint(env),
                           api_key=llm_api_key(env))
    return make_answerer(args.mode, config, threshold, args.script)


def _print_human(ans) -> None:
    from answer.citing import shown_label
    from answer.phrases import Style

    style = Style(ans.language, ans.script)
    print(ans.answer)
    for n in ans.notices:
        print(f"\n! {n}")
    if ans.citations:
        print(f"\n{style.phrase('sources')}:")
    for c in ans.citations:
        mark = "✓" if c.verified else f"✗ {style.phrase('unverified')}"
        print(f"[{c.n}] {shown_label(c, style)}  {mark}")
        print(f"    {c.source}" + (f"  {c.url}" if c.url else ""))
        if c.gazette_text:
            print(f"    {c.gazette_text}")


def main(argv: list[str] | None = None) -> int:
    from core.privacy import apply_privacy_defaults

    apply_privacy_defaults(os.environ)
    p = _parser()
    args = p.parse_args(argv)
    if not args.question and not args.batch:
        p.error("give a QUESTION or --batch FILE")

    from answer import answer
    from core.errors import PravniLekError
    from core.paths import resolve_index
    from retrieval.__main__ import filters_from_args
    from retrieval.searcher import get_searcher

    try:
        runner = _answerer(args, os.environ)
        searcher = get_searcher(resolve_index(args.index, os.environ))
        filters = filters_from_args(args)

        def search(q: str, k: int, filters):
            return searcher.search(q, k=k, filters=filters, mode=args.retrieval_mode)

        if args.batch:
            with open(args.batch, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        q = json.loads(line)
                        a = answer(q["question"], k=args.k, filters=filters, searcher=search, answerer=runner,
                                   absent=searcher.absent(q["question"]), plan=searcher.remedies(q["question"], filters))
                        print(json.dumps({"id": q.get("id"), **a.to_dict()}, ensure_ascii=False), flush=True)
            return 0
        a = answer(args.question, k=args.k, filters=filters, searcher=search, answerer=runner,
                   absent=searcher.absent(args.question), plan=searcher.remedies(args.question, filters))
    except PravniLekError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(a.to_dict(), ensure_ascii=False, indent=1))
    else:
        _print_human(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
