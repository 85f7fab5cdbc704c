"""A pathway answer: a client's story (or "how does she get compensated?") answered route
by route from the remedy guide, every statement a verified quote.

    **Pravni putevi koji odgovaraju ovom slučaju**
    *Prepoznate činjenice:* radna eksploatacija („u kafani“); neisplaćena zarada („bez plate“)

    **1. Imovinskopravni zahtev u krivičnom postupku**
    - ZKP, čl. 252 st. 1: „…“ [1]
    - *Rok:* ZKP, čl. 254 st. 1: „…“ [2]
    - *Sudska praksa:* Vrhovni sud, Rev2 …: „…“ [3]
    - *Proveriti dalje:* …

For each pathway (most relevant first): its name; the one to three of its provisions
that fit this situation (those a story's facts open, the route's own law before the
treaty behind it, then the ones whose sentences best meet the question, scored as in
every extractive answer), each with the words the guide quotes for it; its deadline; a
decision from the corpus where the guide names one; then what to check next. The
guide's own words are names and headings only.

Composes; does not decide whether to answer by pathway (`answer.decide`) and does not
find facts or pathways (`retrieval.remedies`, `pathways`).
"""
from __future__ import annotations

from core.records import INTERNATIONAL_KINDS
from dataclasses import dataclass

from pathways.facts import FACT_NAMES
from pathways.model import Ref, Step
from retrieval.hit import Hit
from retrieval.remedies import RemedyPlan

from answer.candidates import score_candidates
from answer.citing import make_citation, shown_label
from answer.config import ANSWER
from answer.messages import lang_key, say
from answer.phrases import Style
from answer.types import Citation

# How many routes and provisions it shows, and where each was set: answer.config.AnswerConfig
# (pathways_shown, provisions_per_pathway).
# Roles quoted on their own line, not among the provisions.
_OWN_LINE = ("deadline", "case_law")


@dataclass
class Composed:
    text: str
    citations: list[Citation]
    cited: list[Hit]
    pathways: list[dict]
    own: list[int]  # the citation numbers of the direct answer and the related quotes


def _marks(style: Style) -> tuple[str, str]:
    return ("“", "”") if style.language == "en" else ("„", "“")


def _fits(step: Step, present: set[str]) -> bool:
    return not step.facts or bool(set(step.facts) & present)


def _best_quotes(question: str, refs: list[Ref], plan: RemedyPlan) -> dict[Ref, tuple[float, str]]:
    """For each ref: (score, words to quote). The score is how well its best sentence
    meets the question (as every extractive answer selects); the words are the guide's
    quote, the stav a reviewer chose for this step (the best-scoring sentence of ZOO 154
    is its stav on dangerous things, not the rule of fault a victim relies on)."""
    hits = [plan.hits[r] for r in refs]
    best: dict[int, float] = {}
    for c in score_candidates(question, hits) if question.strip() else []:
        if c.hit_index not in best and c.score > 0 and c.coverage > 0:
            best[c.hit_index] = c.score
    return {r: (best.get(i, 0.0), r.quote) for i, r in enumerate(refs)}


@dataclass(frozen=True)
class Route:
    """A route as the answer shows it: its provisions (`chosen`, in the route's order),
    the words quoted for each, and its deadline and decision lines (role, ref)."""
    applied: object  # retrieval.remedies' applied pathway
    chosen: list[Ref]
    quotes: dict[Ref, tuple[float, str]]
    own_lines: list[tuple[str, Ref]]


def routes(question: str, plan: RemedyPlan) -> list[Route]:
    """The routes shown (the first AnswerConfig.pathways_shown that quote anything),
    each with the one to three provisions that fit this situation: those a story's facts
    open, the route's own law before the treaty behind it, then the ones whose sentences
    best meet the question. The decision computes them once (`Decision.routes`): the
    story's own quotes skip what they show, and `compose` shows them."""
    present, out = set(plan.fact_ids), []
    for applied in plan.applied[:ANSWER.pathways_shown]:
        steps = [s for s in applied.pathway.steps if _fits(s, present)]
        body = list(dict.fromkeys(r for s in steps if s.role not in _OWN_LINE for r in s.refs if r in plan.hits))
        if not body:
            continue
        quotes = _best_quotes(question, body, plan)
        specific = {r for s in steps if s.facts for r in s.refs}
        chosen, units = [], set()
        for r in sorted(body, key=lambda r: (r not in specific, plan.hits[r].chunk.kind in INTERNATIONAL_KINDS,
                                             -quotes[r][0], body.index(r))):
            if plan.hits[r].chunk.id not in units:
                chosen.append(r)
                units.add(plan.hits[r].chunk.id)
            if len(chosen) == ANSWER.provisions_per_pathway:
                break
        chosen.sort(key=body.index)  # read in the route's order
        own_lines = [(role, ref) for role in _OWN_LINE
                     for ref in [next((r for s in steps if s.role == role for r in s.refs if r in plan.hits), None)]
                     if ref is not None]
        out.append(Route(applied, chosen, quotes, own_lines))
    return out


def shown_units(shown: list[Route], plan: RemedyPlan) -> set[str]:
    """The chunk ids the `shown` routes quote: what the story's own quotes need not
    repeat. A route's provision the answer does not show (a fourth one, a route not
    shown) may still be the one that answers the story's question (KZ čl. 103 on
    limitation)."""
    return {plan.hits[r].chunk.id for route in shown for r in route.chosen + [ref for _, ref in route.own_lines]}


def compose(question: str, plan: RemedyPlan, style: Style, direct: list[tuple[Hit, str]] = (),
            related: list[tuple[Hit, str]] = (), shown_routes: list[Route] | None = None) -> Composed:
    """direct: (hit, words) that answer the question itself, quoted first; related: (hit,
    words) that bear on the story's own question, quoted next, under their own heading;
    shown_routes: `routes(question, plan)` when the decision computed them already."""
    lang = lang_key(style)
    op, cl = _marks(style)
    lines = []
    own = list(direct[:1]) + list(related)  # the story's own question, numbered 1..
    if direct:
        hit, words = direct[0]
        c = make_citation(1, hit, words, style)
        lines.append(f"**{style.phrase('answer')}:** {op}{c.quote}{cl} [1] ({shown_label(c, style)})")
    if related:
        lines.append(f"**{say(style, 'related')}**")
        for n, (hit, words) in enumerate(related, len(own) - len(related) + 1):
            c = make_citation(n, hit, words, style)
            lines.append(f"- {shown_label(c, style)}: {op}{c.quote}{cl} [{n}]")
    if own:
        lines.append("")
    lines.append(f"**{say(style, 'pathways_intro')}**")
    if plan.facts:
        shown = [(FACT_NAMES[f.id][lang].lower() if lang != "en" else FACT_NAMES[f.id][lang])
                 + (f" ({op}{', '.join(f.words)}{cl})" if f.words else "") for f in plan.facts]
        lines.append(f"*{say(style, 'facts')}:* " + "; ".join(shown))
    cits: list[Citation] = []
    cited: list[Hit] = []
    numbers: dict[str, int] = {}  # chunk id + quote -> n, so one quote is cited once
    meta = []
    for hit, words in own:
        cits.append(make_citation(len(cits) + 1, hit, words, style))
        cited.append(hit)
        numbers[hit.chunk.id + "\x1f" + words] = len(cits)

    def cite(ref: Ref, words: str) -> Citation:
        hit = plan.hits[ref]
        key = hit.chunk.id + "\x1f" + words
        if key not in numbers:
            numbers[key] = len(cits) + 1
            cits.append(make_citation(numbers[key], hit, words, style))
            cited.append(hit)
        return cits[numbers[key] - 1]

    for i, route in enumerate(routes(question, plan) if shown_routes is None else shown_routes, 1):
        p, chosen, quotes = route.applied.pathway, route.chosen, route.quotes
        lines += ["", f"**{i}. {p.name(lang)}**"]
        numbers_here = []
        for r in chosen:
            c = cite(r, quotes[r][1])
            numbers_here.append(c.n)
            lines.append(f"- {shown_label(c, style)}: {op}{c.quote}{cl} [{c.n}]")
        for label, ref in route.own_lines:
            c = cite(ref, ref.quote)
            numbers_here.append(c.n)
            lines.append(f"- *{say(style, label)}:* {shown_label(c, style)}: {op}{c.quote}{cl} [{c.n}]")
        for gap in p.gaps:
            lines.append(f"- *{say(style, 'gap')}:* {dict(gap)[lang]}")
        nxt = [dict(c)[lang] for c in p.check_next]
        if nxt:
            lines.append(f"- *{say(style, 'check_next')}:* " + "; ".join(nxt))
        meta.append({"id": p.id, "name": p.name(lang), "facts": list(route.applied.facts), "asks": list(route.applied.asks),
                     "citations": numbers_here})
    rest = [a.pathway.name(lang) for a in plan.applied[ANSWER.pathways_shown:]]
    if rest:
        lines += ["", f"*{say(style, 'other_routes')}:* " + "; ".join(rest)]
    return Composed("\n".join(lines), cits, cited, meta, list(range(1, len(own) + 1)))
