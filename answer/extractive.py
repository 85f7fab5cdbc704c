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

from core.records import INTERNATIONAL_KINDS, SERBIAN_SOURCE_KINDS
from dataclasses import dataclass
from typing import Sequence

from core.errors import ConfigError
from retrieval.analyzer import analyze, language, words
from retrieval.hit import Hit
from retrieval.intents import asked_sentence

from answer.abstain import DEFAULT_THRESHOLD, AbstentionPolicy, evidence_score
from answer.config import ANSWER
from answer.base import Answerer
from answer.citing import make_citation, shown_label
from answer.decide import Decision, decide
from answer.labels import law_name
from answer.messages import lang_key, say
from answer.regime import addressee, regime_factor
from answer.phrases import GROUP_OF_KIND, GROUP_ORDER, Style, check_script, detect_style
from answer.sentences import Span, bm25, coverage, cue_factor, idf_table, query_terms, split_spans
from answer.types import Answer, Citation
from answer.verify import check, match_quote


# The values and where they were tuned: answer.config.AnswerConfig. CROSS_WEIGHT is bound
# here because `_evidence` reads it at call time (a test sets it to show the rule matters).
CROSS_WEIGHT = ANSWER.cross_weight


@dataclass(frozen=True)
class Candidate:
    hit_index: int  # into the hits list
    span: Span
    score: float
    coverage: float


def _context(hit: Hit) -> list[str]:
    """Tokens that locate a chunk (heading, law name, article): they answer "član 388 KZ"
    and "trgovina ljudima" questions even when the article text never says them."""
    c = hit.chunk
    parts = [c.heading, c.title, c.section]
    if c.kind == "law":
        parts.append(law_name(c, hit.document))
    if c.article:
        parts.append(f"član {c.article} article {c.article}")
    return analyze(" ".join(p for p in parts if p))


def _rank_factor(hit: Hit, position: int) -> float:
    # Retrieval already ranked these: trust its first hit a little more, and a hit the
    # citation leg found (the question named this article) more still.
    factor = 1.0 / (1.0 + ANSWER.rank_decay * position)
    if position == 0:
        factor *= ANSWER.first_hit_factor
    if "citation" in hit.via:
        factor *= ANSWER.named_hit_factor
    return factor


def score_candidates(question: str, hits: list[Hit]) -> list[Candidate]:
    """Every span of every hit, best first."""
    terms = query_terms(question)
    rows = []
    for i, hit in enumerate(hits):
        ctx = _context(hit)
        text = hit.chunk.text
        if len(text.strip()) < ANSWER.min_span_chars:
            if "citation" not in hit.via:
                continue  # "(Brisano)": a deleted article answers nothing…
            # …unless the question names it ("Da li je član 390a KZ na snazi?"): then
            # "(Brisano)" is the answer.
            start = len(text) - len(text.lstrip())
            spans = [Span(start, len(text.rstrip()), text.strip())]
        else:
            spans = split_spans(text) or [Span(0, len(text), text)]
        rows += [(i, s, analyze(s.text + "\n" + s.lead) + ctx) for s in spans]
    if not rows or not terms:
        return []
    docs = [set(toks) for _, _, toks in rows]
    idf = idf_table(docs, terms, next((h.stats for h in hits if h.stats is not None), None))
    avgdl = sum(len(t) for _, _, t in rows) / len(rows)
    qlang = language(words(question))
    # Across languages only the words the glossary translates can meet the text; the rest
    # ("woman", "simply" against a Serbian statute) weigh CROSS_WEIGHT there.
    foreign = {t: (idf[t] * CROSS_WEIGHT if len(t) == 1 else idf[t]) for t in terms}
    out = []
    for (i, s, toks), d in zip(rows, docs):
        other = qlang != "both" and _text_language(hits[i]) not in (qlang, None)
        # A regime the question does not ask about (misdemeanour procedure, the State's
        # liability for wrongful conviction) must not lead: answer.regime.
        factor = _rank_factor(hits[i], i) * cue_factor(question, s.text) * regime_factor(question, hits[i].chunk)
        out.append(Candidate(i, s, bm25(terms, toks, idf, avgdl) * factor,
                             coverage(terms, d, foreign if other else idf)))
    return sorted(out, key=lambda c: -c.score)


def _text_language(hit: Hit) -> str | None:
    """The language a hit's text is written in, by its kind (None: unknown, a user's file)."""
    k = hit.chunk.kind
    return "english" if k in INTERNATIONAL_KINDS else "serbian" if k in SERBIAN_SOURCE_KINDS else None


def quote_text(span: Span) -> str:
    """What to quote for a span: a tačka with its stav's opening words when they are
    short enough to read ("… može da se pruži i ako je reč o: … licu koje …")."""
    if span.lead and len(span.lead) <= 300:
        return f"{span.lead} … {span.text}"
    return span.text


def _named(hits: list[Hit]) -> list[int]:
    """Positions of the leading hits the citation leg found (the question named them)."""
    out = []
    for i, h in enumerate(hits):
        if "citation" not in h.via:
            break
        out.append(i)
    return out


def evidence_of(candidates: list[Candidate], hits: list[Hit]) -> float:
    """The abstention evidence (answer.abstain); 1.0 when the question names a provision
    the index holds, since quoting it is the answer."""
    if _named(hits) and candidates:
        return 1.0
    return evidence_score([c.coverage for c in candidates])


def _quote_marks(style: Style) -> tuple[str, str]:
    return ("“", "”") if style.language == "en" else ("„", "“")


class ExtractiveAnswerer(Answerer):
    name = "extractive"

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, max_citations: int = 5,
                 min_relative_score: float = 0.2, min_support_coverage: float = 0.3, script: str | None = None):
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

    def select(self, candidates: list[Candidate], hits: list[Hit] | None = None) -> list[Candidate]:
        """The spans to quote, best first.

        A provision the question names ("član 200 ZOO") is quoted from its opening, stav
        by stav (up to ANSWER.named_spans), and nothing else: other hits for such a question
        match mostly on "član" and the number. Otherwise the best span leads, and each further hit
        adds its best span when it covers enough of the question and either scores close
        to the best or covers most of the question on its own (so a very strong first
        hit does not push out a provision that plainly bears on the question)."""
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
            relevant = c.coverage >= self.min_support_coverage and (c.score >= floor or c.coverage >= 0.5)
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
        d = decide(question, hits, candidates, evidence, self.policy.threshold, absent, plan,
                   self.select(candidates, hits), bool(_named(hits) and candidates), _context,
                   self.min_support_coverage)
        return d, candidates, evidence

    def run(self, question: str, hits: list[Hit], absent: Sequence[str] = (), plan=None) -> Answer:
        style = detect_style(question, self.script)
        d, candidates, evidence = self.decision(question, hits, absent, plan)
        if d.action == "pathways":
            return self.pathway_answer(question, hits, plan, style, evidence,
                                       [(hits[c.hit_index], quote_text(c.span)) for c in d.chosen],
                                       [(hits[c.hit_index], quote_text(c.span)) for c in d.related])
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
                       direct: list | None = None, related: list | None = None) -> Answer:
        """The answer organised by remedy pathway (answer.pathway_answer); `direct`:
        (hit, words) quoted above the pathways as the answer to the story's own question;
        `related`: (hit, words) quoted next, as bearing on it."""
        from answer.pathway_answer import compose

        composed = compose(question, plan, style, direct or [], related or [])
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
