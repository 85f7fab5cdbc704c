"""`LLMAnswerer`: a LangChain chat model writes the answer from the numbered, fenced
sources; `answer.verify` checks every sentence; sentences that fail are dropped with a
notice, and when too little survives the extractive answer replaces it (notice too).

Abstention is decided the same way as in the extractive mode (the evidence score of the
retrieved spans, or a source the question names that the index lacks) before any model
is called, so one calibrated threshold serves both modes. Does not construct models from flags (answer.llm) or retrieve (answer.answer).
"""
from __future__ import annotations

import re
from typing import Sequence

from langchain_core.language_models import BaseChatModel

from core.errors import ConfigError
from retrieval.hit import Hit

from answer.abstain import DEFAULT_THRESHOLD, AbstentionPolicy
from answer.base import Answerer
from answer.candidates import evidence_of, quote_text, score_candidates
from answer.citing import make_citation
from answer.config import ANSWER
from answer.extractive import ExtractiveAnswerer, note_unstated
from answer.llm import LLMConfig, build_chat_model
from answer.messages import lang_key
from answer.phrases import NOT_FOUND_MARKERS, check_script, detect_style
from answer.prompting import build_messages
from answer.prompt_pathways import guide_block
from answer.types import Answer
from answer.verify import MARKER, check, match_quote, repair
from core.text import normalize


def renumber(text: str, order: list[int]) -> str:
    """Rewrite [old] markers as [new], new numbers following `order`."""
    new = {old: i for i, old in enumerate(order, 1)}
    return MARKER.sub(lambda m: "[" + ", ".join(str(new[int(x)]) for x in re.split(r"\s*[,;]\s*", m.group(1))) + "]", text)


class LLMAnswerer(Answerer):
    name = "llm"

    def __init__(self, model: BaseChatModel | LLMConfig, threshold: float = DEFAULT_THRESHOLD,
                 max_sources: int = ANSWER.max_sources, max_dropped_share: float = ANSWER.max_dropped_share,
                 script: str | None = None):
        """script: force the answer's script ("latin" | "cyrillic"); None follows the question."""
        if isinstance(model, LLMConfig):
            model = build_chat_model(model)
        if not isinstance(model, BaseChatModel):
            raise ConfigError(f"LLMAnswerer needs a LangChain BaseChatModel or an LLMConfig, not {type(model).__name__}")
        if not isinstance(max_sources, int) or not 1 <= max_sources <= 20:
            raise ConfigError(f"max_sources={max_sources!r} must be an integer in 1..20")
        if not 0.0 <= max_dropped_share <= 1.0:
            raise ConfigError(f"max_dropped_share={max_dropped_share!r} must be in [0, 1]")
        self.model = model
        self.policy = AbstentionPolicy(threshold)
        self.script = check_script(script)
        self.fallback = ExtractiveAnswerer(threshold, script=script)
        self.max_sources = max_sources
        self.max_dropped_share = max_dropped_share

    def with_script(self, script: str | None) -> "LLMAnswerer":
        other = super().with_script(script)
        if other is not self:
            other.fallback = self.fallback.with_script(script)
        return other

    def _extractive(self, question: str, hits: list[Hit], notice: str | None, absent: Sequence[str] = (),
                    plan=None) -> Answer:
        ans = self.fallback.run(question, hits, absent, plan)
        if notice:
            ans.notices.insert(0, notice)
        return ans

    def run(self, question: str, hits: list[Hit], absent: Sequence[str] = (), plan=None) -> Answer:
        if absent:  # the named source is not in the index: no model may answer from a lookalike
            return self._extractive(question, hits, None, absent)
        # The same decision as the extractive answerer (answer.decide): out of scope,
        # another jurisdiction, a missing subject or an unstated deadline abstains with
        # its reason and no model call; a client's story gets the pathways in its prompt.
        decision, _, _ = self.fallback.decision(question, hits, absent, plan)
        if decision.action == "abstain":
            return self._extractive(question, hits, None, absent, plan)
        pathways = decision.action == "pathways"
        style = detect_style(question, self.script)
        # A pathway answer cites each route's provisions: more sources than a plain answer,
        # the plan's units first. `hits` stays the search's, for every fallback and the JSON.
        pool = _with_plan_hits(hits, plan) if pathways else hits
        sources = pool[: max(self.max_sources, ANSWER.pathway_sources) if pathways else self.max_sources]
        candidates = score_candidates(question, sources)
        evidence = evidence_of(candidates, sources)
        if not sources or (not pathways and self.policy.abstain(evidence)):
            return self._extractive(question, hits, None, plan=plan)
        try:
            guide = None
            if pathways:
                guide = guide_block(plan, sources, lang_key(style))
            raw = str(self.model.invoke(build_messages(question, sources, style, guide=guide)).content).strip()
        except Exception as e:  # any transport/server error: the user still gets an answer
            return self._extractive(question, hits, style.phrase("llm_failed", error=f"{type(e).__name__}: {e}"), plan=plan)
        report = check(raw, sources)
        claims = [s for s in report.sentences if s.numbers or any(i.code == "no_source" for i in s.issues)]
        # The model's free text is all it says: whether it found nothing can only be read
        # from its words (our own answers carry `abstained` instead; answer.verify.check).
        if not any(s.numbers for s in report.sentences) and any(k in normalize(raw) for k in NOT_FOUND_MARKERS):
            ans = self.fallback.abstention(question, hits, candidates, style, evidence)
            ans.notices.append(style.phrase("llm_not_found"))
            ans.mode = self.name
            return ans
        text = repair(report) if not report.ok else raw
        kept = check(text, sources)
        dropped = len(report.sentences) - len(kept.sentences)
        cited = list(dict.fromkeys(n for s in kept.sentences for n in s.numbers))
        if not cited or not claims or dropped > self.max_dropped_share * len(claims):
            issues = "; ".join(style.issue(i) for i in report.issues[:5])
            return self._extractive(question, hits, style.phrase("llm_unverified", issues=issues), plan=plan)
        notices = []
        if dropped:
            notices.append(style.phrase("llm_removed", n=dropped, issues="; ".join(style.issue(i) for i in report.issues[:5])))
        cits = []
        for new_n, old in enumerate(cited, 1):
            hit = sources[old - 1]
            quoted = [q.source_text for s in kept.sentences for q in s.quotes if q.n == old and q.ok]
            best = next((c for c in candidates if c.hit_index == old - 1), None)
            raw_quote = quoted[0] if quoted else (quote_text(best.span) if best else hit.chunk.text[:300])
            cit = make_citation(new_n, hit, raw_quote, style)
            cit.verified = kept.number_ok(old) and match_quote(raw_quote, hit.chunk.text)[1] is not None
            cits.append(cit)
        ans = Answer(question, renumber(text, cited), False, cits, list(hits), notices, self.name,
                     evidence, style.language, style.script, confidence=decision.confidence)
        if pathways:
            ans.remedies = plan.to_dict(lang_key(style))
            note_unstated(ans, decision, style)
        return ans


def _with_plan_hits(hits: list[Hit], plan) -> list[Hit]:
    """The plan's units first (pathway by pathway), then the search hits, each once: what
    a pathway answer may cite."""
    by_id = {h.chunk.id: h for h in plan.hits.values()}
    ordered = [by_id[c] for c in plan.chunk_ids() if c in by_id]
    seen = {h.chunk.id for h in ordered}
    return ordered + [h for h in hits if h.chunk.id not in seen]
