"""The answer layer: grounded answers with pinpoint, verified citations.

    from answer import answer
    a = answer("Do kada se može podneti imovinskopravni zahtev?", Path(".index"))
    a.answer, a.citations[0].label, a.to_dict()

`answer()` retrieves (unless `hits` are given) and runs one `Answerer`: the extractive
one by default (offline, quotes the sources), or an LLM through LangChain, verified.
A question that names a source the index does not hold ("Rev 9999/2024") is answered
with an abstention that says so (`retrieval.sources.absent`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

from core.errors import ConfigError

from answer.abstain import DEFAULT_THRESHOLD, AbstentionPolicy, calibrate_threshold
from answer.base import Answerer
from answer.extractive import ExtractiveAnswerer
from answer.generative import LLMAnswerer
from answer.llm import LLMConfig, build_chat_model
from answer.phrases import SCRIPTS, check_script
from answer.types import Answer, Citation

MODES = ("extractive", "llm", "openai", "gguf")

__all__ = [
    "answer", "answer_plan", "make_answerer", "Answer", "Citation", "Answerer", "ExtractiveAnswerer", "LLMAnswerer",
    "LLMConfig", "build_chat_model", "AbstentionPolicy", "calibrate_threshold", "DEFAULT_THRESHOLD", "MODES", "SCRIPTS",
]


def make_answerer(mode: str = "extractive", llm: Any = None, threshold: float = DEFAULT_THRESHOLD,
                  script: str | None = None) -> Answerer:
    """extractive: no model. llm/openai/gguf: `llm` is a LangChain BaseChatModel or an
    LLMConfig (whose mode must agree with openai/gguf when those are named).
    script: "latin" | "cyrillic" forces the answer's script; None follows the question."""
    if mode not in MODES:
        raise ConfigError(f"answer mode {mode!r} is not one of {MODES}")
    check_script(script)
    if mode == "extractive":
        return ExtractiveAnswerer(threshold, script=script)
    if llm is None:
        raise ConfigError(f"answer mode {mode!r} needs llm= (a LangChain chat model or an LLMConfig)")
    if isinstance(llm, LLMConfig) and mode != "llm" and llm.mode != mode:
        raise ConfigError(f"answer mode {mode!r} but the LLMConfig says mode {llm.mode!r}")
    return LLMAnswerer(llm, threshold, script=script)


def answer(
    question: str,
    index_dir: Path | None = None,
    *,
    k: int = 8,
    filters: Any = None,
    mode: str = "extractive",
    llm: Any = None,
    hits: list | None = None,
    searcher: Callable[..., list] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    answerer: Answerer | None = None,
    script: str | None = None,
    absent: Sequence[str] | None = None,
    plan: Any = None,
) -> Answer:
    """Answer `question` from the index at `index_dir` (or from the given `hits`).

    searcher: a callable (question, k=, filters=) -> hits, e.g. a loaded
    retrieval Searcher's bound `search`; default retrieval.search on `index_dir`.
    answerer: a ready Answerer (then mode/llm/threshold are not used), so an app can
    build its LLM once.
    script: "latin" | "cyrillic" writes the answer (frame text, Serbian quotes and
    labels) in that script whatever the question's; None follows the question.
    absent: names the question gives that the index does not hold (the answer then
    abstains and says so). None: looked up in the index at `index_dir` when this
    function retrieves itself; with `hits` or a `searcher` the caller knows its index,
    so None means none (pass `Searcher.absent(question)` to have them).
    plan: the question's remedy plan; looked up in the index at `index_dir` when this
    function retrieves itself, else pass `Searcher.remedies(question, filters)`.
    """
    if not question or not question.strip():
        raise ConfigError("question is empty")
    if not isinstance(k, int) or k < 1:
        raise ConfigError(f"k={k!r} must be a positive integer")
    check_script(script)
    runner = answerer or make_answerer(mode, llm, threshold, script)
    if script is not None:
        runner = runner.with_script(script)
    if absent is None:
        absent = _absent(question, index_dir) if hits is None and searcher is None else ()
    if plan is None and hits is None and searcher is None:
        plan = _plan(question, index_dir, filters)
    if hits is None:
        if searcher is None:
            from retrieval import search  # lazy: importing answer needs no index

            hits = search(question, k=k, filters=filters, index_dir=index_dir)
        else:
            hits = searcher(question, k=k, filters=filters)
    return runner.run(question, list(hits), [absent] if isinstance(absent, str) else list(absent), plan=plan)


def answer_plan(plan: Any, language: str = "sr", script: str = "latin") -> Answer:
    """A pathway answer for a remedy plan that has no question (facts ticked on the
    guide's checklist: `Searcher.remedies_for_facts`): every pathway with its quoted,
    verified provisions, deadline and case law, as in a pathway answer to a story."""
    from answer.phrases import Style

    if language not in ("sr", "en"):
        raise ConfigError(f"language {language!r} is not one of ('sr', 'en')")
    check_script(script)
    style = Style(language, "latin" if language == "en" else script)
    return ExtractiveAnswerer(script=style.script).pathway_answer("", [], plan, style, 1.0)


def _plan(question: str, index_dir: Path | None, filters: Any):
    from retrieval import remedy_plan  # lazy, like search

    return remedy_plan(question, index_dir=index_dir, filters=filters)


def _absent(question: str, index_dir: Path | None) -> list[str]:
    from retrieval import absent_references  # lazy, like search: importing answer needs no index

    return list(absent_references(question, index_dir=index_dir))
