"""The default answerer: offline, no model. Picks the sentences / stavs of the hits that
best answer the question and composes a short structured answer from them:

    **Odgovor:** „<best sentence>“ [1] (ZKP, čl. 254 st. 1)

    *Zakonodavstvo*
    - ZKP, čl. 252: „…“ [2]
    *Sudska praksa*
    - Vrhovni sud, Rev2 1788/2024 od 10.05.2024.: „…“ [3]

Every quote is a span of a chunk's text, so the answer says only what the sources say.
When the evidence is weak, or the question names a source the index does not hold
(`absent`), it abstains, says which named sources are missing, and lists the closest
sources as possibly relevant. Text inside a source is only ever quoted, never followed.
"""
from __future__ import annotations

from typing import Sequence

from core.errors import ConfigError
from pathways.facts import is_story
from retrieval.hit import Hit
from retrieval.intents import asked_sentence

from answer.abstain import DEFAULT_THRESHOLD, AbstentionPolicy
from answer.config import ANSWER
from answer.base import Answerer
# Scoring the spans is answer.candidates (score_candidates, evidence_of and quote_text are
# still imported from here by other modules and tests).
from answer.candidates import Candidate, _context, _named, evidence_of, quote_text, score_candidates
from answer.citing import make_citation, shown_label
from answer.decide import Decision, decide
from answer.messages import lang_key, say
from answer.regime import addressee
from answer.phrases import GROUP_OF_KIND, GROUP_ORDER, Style, check_script, detect_style
from answer.types import Answer, Citation
from answer.verify import check, match_quote


def _quote_marks(style: Style) -> tuple[str, str]:
    return ("“", "”") if style.language == "en" else ("„", "“")


class ExtractiveAnswerer(Answerer):
    name = "extractive"

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, max_citations: int = ANSWER.max_citations,
                 min_relative_score: float = ANSWER.min_relative_score,
                 min_support_coverage: float = ANSWER.min_support_coverage, script: str | None = None):
        """script: force the answer's script ("latin" | "cyrillic"); None follows the question."""
        if not isinstance(max_citations, int) or not 1 <= max_citations <= 20:
            raise ConfigError(f"max_citations={max_citations!r} must be an integer in 1..20")
        for name, v in (("min_relative_score", min_relative_score), ("min_support_coverage", min_support_coverage)):
            if not isinstance(v, (int, float)) or not 0.0 <= v <= 1.0:
                raise ConfigError(f"{name}={v!r} must be a number in [0, 1]")
        self.policy = AbstentionPolicy(threshold)
        self.max_citations = max_citations
        self.min_relative_score = min_relative_score
        self.min_support_coverage = min_support_coverage
        self.script = check_script(script)

    def select(self, candidates: list[Candidate], hits: list[Hit] | None = None,
               support: float | None = None) -> list[Candidate]:
        """The spans to quote, best first.

        A provision the question names ("član 200 ZOO") is quoted from its opening, stav
        by stav (up to ANSWER.named_spans), and nothing else: other hits for such a question
        match mostly on "član" and the number. Otherwise the best span leads, and each further hit
        adds its best span when it covers enough of the question and either scores close
        to the best or covers most of the question on its own (so a very strong first
        hit does not push out a provision that plainly bears on the question). `support`:
        the coverage that is enough (default: min_support_coverage)."""
        support = self.min_support_coverage if support is None else support
        if not candidates or candidates[0].score <= 0:
            return []
        floor = candidates[0].score * self.min_relative_score
        chosen: list[Candidate] = []
        for i in _named(hits or []):
            own = sorted((c for c in candidates if c.hit_index == i), key=lambda c: c.span.start)
            chosen += own[: max(0, min(ANSWER.named_spans, self.max_citations - len(chosen)))]
        if chosen:
            return chosen  # the question is about the provisions it names
        for c in candidates:
            if len(chosen) >= self.max_citations or c.score <= 0:
                break
            relevant = c.coverage >= support and (c.score >= floor or c.coverage >= ANSWER.strong_coverage)
            if relevant and all(c.hit_index != o.hit_index for o in chosen):
                chosen.append(c)
        return chosen

    def decision(self, question: str, hits: list[Hit], absent: Sequence[str] = (), plan=None):
        """(answer.decide.Decision, candidates, evidence): the decision every answerer
        shares, so an LLM abstains, or answers by pathway, exactly when this one does."""
        candidates = score_candidates(question, hits)
        evidence = evidence_of(candidates, hits)
        # A story's words are mostly facts; its last question is what must be answered.
        # Judge and choose on that question too (its coverage is not diluted by the facts).
        ask = asked_sentence(question)
        if ask != question:
            own = score_candidates(ask, hits)
            if evidence_of(own, hits) > evidence:
                candidates, evidence = own, evidence_of(own, hits)
        # ... and a span covers less of it: a story is held to a lower coverage too (one
        # that tells a case: two sentences asking about a word's origin are no story).
        story = ask != question and is_story(question)
        support = min(self.min_support_coverage, ANSWER.story_support) if story else self.min_support_coverage
        d = decide(question, hits, candidates, evidence, self.policy.threshold, absent, plan,
                   self.select(candidates, hits, support), bool(_named(hits) and candidates), _context, support)
        return d, candidates, evidence

    def run(self, question: str, hits: list[Hit], absent: Sequence[str] = (), plan=None) -> Answer:
        style = detect_style(question, self.script)
        d, candidates, evidence = self.decision(question, hits, absent, plan)
        if d.action == "pathways":
            return note_unstated(self.pathway_answer(question, hits, plan, style, evidence,
                                                     [(hits[c.hit_index], quote_text(c.span)) for c in d.chosen],
                                                     [(hits[c.hit_index], quote_text(c.span)) for c in d.related],
                                                     d.routes or None),
                                 d, style)
        if d.action == "abstain":
            ans = self.abstention(question, hits, candidates, style, evidence, absent, plan)
            return self._with_reason(ans, d, style)
        direct, rest = d.chosen[0], d.chosen[1:]
        rest.sort(key=lambda c: GROUP_ORDER.index(GROUP_OF_KIND[hits[c.hit_index].chunk.kind]))
        ordered = [direct] + rest
        cits = [make_citation(n, hits[c.hit_index], quote_text(c.span), style) for n, c in enumerate(ordered, 1)]
        op, cl = _quote_marks(style)
        lines = [f"**{style.phrase('answer')}:** {op}{cits[0].quote}{cl} [1] ({shown_label(cits[0], style)})"]
        who = addressee(question, hits[direct.hit_index].chunk)
        if who:
            lines[0] += f" ({say(style, 'applies_to', who=style.serbian(who) if style.language == 'sr' else who)})"
        group = None
        for cit, c in zip(cits[1:], rest):
            g = GROUP_OF_KIND[hits[c.hit_index].chunk.kind]
            if g != group:
                lines += ["", f"*{style.phrase(g)}*"]
                group = g
            lines.append(f"- {shown_label(cit, style)}: {op}{cit.quote}{cl} [{cit.n}]")
        ans = self._finish(question, "\n".join(lines), cits, [hits[c.hit_index] for c in ordered], hits, style, evidence, False)
        ans.confidence = d.confidence
        return ans

    def pathway_answer(self, question: str, hits: list[Hit], plan, style: Style, evidence: float,
                       direct: list | None = None, related: list | None = None, shown: list | None = None) -> Answer:
        """The answer organised by remedy pathway (answer.pathway_answer); `direct`:
        (hit, words) quoted above the pathways as the answer to the story's own question;
        `related`: (hit, words) quoted next, as bearing on it; `shown`: the decision's
        routes (computed here when None)."""
        from answer.pathway_answer import compose

        composed = compose(question, plan, style, direct or [], related or [], shown)
        if not composed.citations:  # no pathway unit survived the filters
            return self._with_reason(self.abstention(question, hits, score_candidates(question, hits), style, evidence),
                                     Decision("abstain", "no_match"), style)
        verified_text = "\n".join(line for line in composed.text.splitlines() if "[" in line)
        ans = self._finish(question, composed.text, composed.citations, composed.cited, hits, style, evidence, False,
                           check_text=verified_text)
        ans.confidence = "high"
        ans.remedies = {**plan.to_dict(lang_key(style)), "pathways": composed.pathways, "question_citations": composed.own}
        return ans

    def _with_reason(self, ans: Answer, d, style: Style) -> Answer:
        """The abstention's reason, said in the user's language above the closest sources."""
        key = f"reason_{d.reason}"
        values = {"place": d.detail, "subject": d.detail} if d.reason in ("other_jurisdiction", "subject_missing") else {}
        if d.reason == "type_not_stated":
            values = {"what": d.detail}
        if d.reason == "small_talk":
            ans.answer = say(style, key)
            ans.citations, ans.hits = [], []
        elif d.reason not in ("absent_source", "no_match"):  # "Nisam pronašao odgovor…" says it already
            first, _, rest = ans.answer.partition("\n")
            ans.answer = first + " " + say(style, key, **values) + ("\n" + rest if rest else "")
        ans.reason, ans.reason_detail = d.reason, d.detail
        ans.confidence = "low"
        return ans

    def abstention(self, question: str, hits: list[Hit], candidates: list[Candidate], style: Style, evidence: float,
                   absent: Sequence[str] = (), plan=None) -> Answer:
        """"Nisam pronašao…", then the named sources the index lacks ("Izvori ne sadrže: …",
        names as the user wrote them), then the closest sources as possibly relevant."""
        seen: list[Candidate] = []
        for c in candidates:
            if len(seen) >= 3:
                break
            if all(c.hit_index != o.hit_index for o in seen):
                seen.append(c)
        cits = [make_citation(n, hits[c.hit_index], c.span.text, style) for n, c in enumerate(seen, 1)]
        lines = [style.phrase("not_found")]
        names = [absent] if isinstance(absent, str) else [n for n in absent if n]
        if names:
            lines.append(style.phrase("absent", names="; ".join(names).rstrip(".")))
        if cits:
            lines += ["", f"{style.phrase('maybe')}:"] + [f"- {shown_label(c, style)} [{c.n}]" for c in cits]
        return self._finish(question, "\n".join(lines), cits, [hits[c.hit_index] for c in seen], hits, style, evidence, True)

    def _finish(self, question, text, cits: list[Citation], cited: list[Hit], hits, style, evidence, abstained,
                check_text: str | None = None) -> Answer:
        report = check(text if check_text is None else check_text, cited, abstained=abstained)
        notices = [style.phrase("self_check", issue=style.issue(i)) for i in report.issues]
        for c, h in zip(cits, cited):
            c.verified = report.number_ok(c.n) and match_quote(c.quote, h.chunk.text)[1] is not None
        return Answer(question, text, abstained, cits, list(hits), notices, self.name, evidence, style.language, style.script)


def note_unstated(ans: Answer, d: Decision, style: Style) -> Answer:
    """A pathway answer whose story's own question no quote answers (the decision's
    `detail`: the type asked) opens by saying so, with the decision's confidence; the
    extractive and LLM answers alike."""
    if d.detail and not ans.abstained:
        ans.answer = say(style, "own_unstated", what=d.detail) + "\n\n" + ans.answer
        ans.confidence, ans.reason_detail = d.confidence, d.detail
    return ans
