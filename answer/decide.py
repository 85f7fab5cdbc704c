"""Answer or not, and how: the one decision both answerers share, with its reason.

In order, a question gets:
  1. small talk ("Kakvo je vreme sutra?"), or a story ending in it -> abstain, small_talk
  2. a named source the index lacks (retrieval.sources.absent) -> abstain, absent_source
  3. another jurisdiction's law ("u Hrvatskoj")      -> abstain, other_jurisdiction
  3a. a subject governed by a law the corpus lacks ("stekne državljanstvo")
                                                     -> abstain, subject_missing (answer.governing)
  4. a client's story, or "how does she get compensated?", that triggers pathways of
     the remedy guide (retrieval.remedies)           -> answer by pathway, with the
     story's own question's answer and closest provisions above the routes; unless it
     asks an amount no route quote states, or its closing question asks about another
     state's scheme or a figure of the day (_beyond) -> abstain
  5. a statistic, a figure of the day, contact details (_figure) -> type_not_stated
  6. a subject no retrieved unit holds ("akciza")    -> abstain, subject_missing
  7. too little evidence (answer.abstain)            -> abstain, no_match; but a story
     whose first hit search's learned order gives at least AnswerConfig.story_fit of
     answering it (Hit.fit) is led by that hit's span stating what is asked (answer.fitted),
     "bears on the question"; so is one none of whose quotes holds its key terms
  8. a quote that holds the question's key terms and states what it asks for (an
     amount, a deadline, a body, a step: retrieval.answer_type) leads the answer;
     none that states it                             -> abstain, type_not_stated
     none that holds the key terms                   -> abstain, no_match
A question that names a provision ("čl. 254 ZKP") is answered by quoting it (after 5).

The ✓ on a citation says the quote is in its source; this decision is what makes the
lead quote also answer the question. Pure: the answerers compose the text.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from retrieval.analyzer import analyze, language, words

from retrieval.hit import Hit
from retrieval.intents import asked_sentence, asking_sentences
from retrieval.remedies import asks_in_general

from retrieval.answer_type import asked_type, must_state, states
from retrieval.answer_count import asks_count, states_count
from retrieval.answer_unit import asked_unit
from answer.candidates import _text_language  # the one place a hit's language is judged
from answer.config import ANSWER
from answer.decision import Decision, abstain as _abstain
from answer.fitted import fitted_lead
from answer.governing import governing_law, held
from answer.pathway_answer import routes, shown_units
from answer.regime import other_case, regime_factor
from answer.scope import home_places, is_small_talk, other_jurisdiction
from answer.story_quotes import story_quotes
from answer.states import case_facts_amount, sibling_stating, states_amount
from answer.subject import meets, missing, subject_of
from answer.unstated import never_stated

# The decision's levels and where they were tuned: answer.config.AnswerConfig.


def same_language(question: str, hits: list[Hit]) -> bool:
    """Whether some hit is written in the question's language (by its kind, as the
    candidates' scorer judges it; a user's file counts as either)."""
    qlang = language(words(question))
    return qlang == "both" or any(_text_language(h) in (qlang, None) for h in hits)


def _tokens(c, hits: list[Hit], context: Callable[[Hit], list[str]]) -> set[str]:
    return set(analyze(c.span.text + "\n" + c.span.lead)) | set(context(hits[c.hit_index]))


def decide(question: str, hits: list[Hit], candidates: list, evidence: float, threshold: float,
           absent: Sequence[str], plan, chosen: list, named: bool,
           context: Callable[[Hit], list[str]], min_support: float = ANSWER.min_support_coverage) -> Decision:
    """The decision for `question`. `chosen`: the answerer's own selection (lead first);
    `named`: the question names a provision the hits hold; `plan`: the remedy plan
    (retrieval.remedies) or None; `context`: a hit's locating tokens (heading, law)."""
    kind = asked_type(question)
    ask = asked_sentence(question)
    # A story that ends in chit-chat ("… how do I bake a cake without eggs?") asks nothing
    # of the routes its facts trigger.
    if not named and ((is_small_talk(question) and plan is None) or (ask != question and is_small_talk(ask))):
        return _abstain("small_talk", asked=kind)
    names = [n for n in absent if n]
    if names:
        return _abstain("absent_source", "; ".join(names), kind)
    place = other_jurisdiction(question, ask)  # a story's own question decides
    if place and not named:
        return _abstain("other_jurisdiction", place, kind)
    governed = governing_law(question)  # "da stekne srpsko državljanstvo": a law the corpus lacks
    # A question that names its source ("Stummer v. Austria: … pension system …") is about
    # that source, whatever subject it also names.
    if governed and not named and not held(governed, hits) and not any("named" in h.via for h in hits):
        return _abstain("subject_missing", governed.detail, kind)
    pathways = plan is not None and not named and (plan.story or kind in (None, "procedure"))
    if pathways and kind == "amount" and not states_amount(ask, hits, plan, context, chosen, candidates):
        return _abstain("type_not_stated", "amount", kind)
    if pathways and plan.story:  # its own question, or the whole of a one-sentence story
        beyond = _beyond(ask)
        if beyond:
            return beyond
    # A story's questions, not its facts: "puno radno vreme", "moj broj telefona" tell
    # the case and ask for no contact details.
    figure = None if pathways else _figure(asking_sentences(question), kind)
    if figure:  # even beside a provision it names: "Koliko je lica osuđeno po čl. 388 KZ u 2023?"
        return figure
    if named and chosen:
        # "What is the minimum duration, in months, of the permit Article 14 requires?": the
        # named provision answers a figure in the unit asked only by stating one.
        if asked_unit(ask) and kind and not any(states(c.span.text, kind, question) for c in chosen):
            return _abstain("type_not_stated", kind, kind)
        return Decision("answer", chosen=chosen, confidence="high", asked=kind)
    direct = _direct(question, hits, candidates, evidence, threshold, chosen, context, min_support, kind)
    if pathways:
        # A story that ends in one precise question ("may her mother take over the
        # claim?") gets the quote that answers it above the pathways, when there is one,
        # and the closest provisions on that question, which the routes' general
        # provisions rarely are (ZPP čl. 13 on a civil court bound by the conviction).
        # One that asks, in general, for the remedy the routes give ("Kako može da dobije
        # naknadu štete?") is answered by the routes: a lead would be any article that
        # speaks of damages (ZZPL čl. 86, a data controller's liability).
        general = asks_in_general(plan, kind)
        lead = direct.chosen[:1] if plan.story and direct.action == "answer" and not general else []
        shown = routes(question, plan)
        related = story_quotes(question, hits, chosen, candidates, lead, shown_units(shown, plan)) if plan.story else []
        if general:  # only from the laws its routes rest on: any other speaks of damages by chance;
            # and none of the plan's own (the routes answer it; ZOO čl. 186 on when damages
            # fall due is no answer to "how does she get compensated?")
            route_laws, own = {h.chunk.source for h in plan.hits.values()}, {h.chunk.id for h in plan.hits.values()}
            related = [c for c in related if hits[c.hit_index].chunk.source in route_laws
                       and hits[c.hit_index].chunk.id not in own]
        # The routes do not answer a precise question whose subject's quotes state no
        # such thing ("Do kada …?" beside provisions that name no term): they say so.
        unstated = plan.story and not general and direct.reason == "type_not_stated"
        return Decision("pathways", detail=direct.detail if unstated else "", chosen=lead,
                        confidence="medium" if unstated else "high", asked=kind, related=related, routes=shown)
    return direct


def _beyond(ask: str) -> Decision | None:
    """A story whose own question the remedy routes cannot answer: another state's scheme
    ("What is the deadline under the UK scheme?", asked after a story told in Serbia), or
    a figure of the day ("the wage under the collective agreement in force in 2025"), or
    what no provision states (answer.unstated): a sum per month or per hour ("Koliko
    dinara mesečno iznosi ta pomoć?"), a count, an office's holder, contact details ("Na
    kojoj adresi je prihvatilište i kada advokat može da ga poseti?").
    Not a missing subject: a story's question is in the client's words ("tužimo",
    "preduzmemo"), whose rarity in statutes says nothing about the corpus."""
    kind = asked_type(ask)
    place = other_jurisdiction(ask)
    if place:
        return _abstain("other_jurisdiction", place, kind)
    return _figure(ask, kind)  # a figure of the day, a sum per month, a count, a holder, contact details


def _fitted(question: str, ask: str, hits: list[Hit], candidates: list, kind: str | None) -> Decision | None:
    """A story (never a question asked in one go) led by the first hit, when search's
    learned order is sure it answers (answer.fitted): "bears on it", not "answers it"."""
    lead = fitted_lead(question, hits, candidates, kind, ANSWER.story_fit) if ask != question else None
    return Decision("answer", chosen=[lead], confidence="medium", asked=kind) if lead else None


def _figure(question: str, kind: str | None) -> Decision | None:
    """A figure of the day, a statistic or contact details (answer.unstated): never stated."""
    what = never_stated(question, kind)
    return _abstain("type_not_stated", what, kind) if what else None


def _direct(question: str, hits: list[Hit], candidates: list, evidence: float, threshold: float, chosen: list,
            context: Callable[[Hit], list[str]], min_support: float, kind: str | None) -> Decision:
    """Steps 6-8: answer with a quote that answers, or abstain saying why."""
    # A story's rare words ("kafani", "prisiljavana") are facts, not a subject the sources
    # lack, and its closing question ("Šta može da uradi?") has no subject of its own: a
    # missing subject is judged only for a question asked in one go.
    ask = asked_sentence(question)
    subject = subject_of(question, hits)
    # A story's own question has a subject of its own ("Da li je takav ugovor punovažan
    # … i u kom roku?"), which its rare facts ("posredniku", "Bangladeša") outweigh in
    # the whole question's: a quote may meet either.
    own = subject_of(ask, hits) if ask != question else None
    # A question that names its source ("Rancev", "ETS 116", "Vrhovni sud") is about it,
    # whatever its rarest word: the named leg found that source.
    names_source = any("named" in h.via for h in hits)
    same = same_language(question, hits)
    units = [set(analyze(h.chunk.text)) | set(context(h)) for h in hits]
    gone = [] if names_source or ask != question else missing(subject, units, same_language=same)
    if gone:
        # Name the subject, not the town it is asked in ("register a company in Belgrade").
        here = home_places(question)
        named = [w for w in gone if w not in here] or [subject.words[t] for t in subject.key_terms(same)
                                                        if subject.words[t] not in here]
        return _abstain("subject_missing", ", ".join(named or gone), kind)
    # A story's words are mostly facts no provision repeats, so its coverage is diluted:
    # it is held to a lower bar (the risk-coverage table in evaluation/RESULTS.md).
    if ask != question:
        threshold = min(threshold, ANSWER.story_threshold)
    if not chosen or evidence < threshold:  # a story in a client's words: the unit search is sure of
        return _fitted(question, ask, hits, candidates, kind) or _abstain("no_match", asked=kind)
    floor = chosen[0].score * ANSWER.lead_floor
    pool = list(chosen) + [c for c in candidates[:ANSWER.lead_pool]
                           if c not in chosen and c.coverage >= min_support and c.score >= floor]
    everywhere = set().union(*units) if units else set()
    # The lead holds one of the key terms itself, or most of the question's words (not
    # for an amount: "stopa poreza na prenos apsolutnih prava" is not any tax rate).
    subjects = [subject] if own is None else [subject, own]

    def meets_a_subject(c) -> bool:
        toks = _tokens(c, hits, context)  # once per candidate, for either subject
        return any(meets(sub, toks, same, everywhere) for sub in subjects)

    meeting = [c for c in pool if meets_a_subject(c)]
    covering = [c for c in pool if c.coverage >= ANSWER.key_coverage and kind != "amount" and c not in meeting]
    asks = must_state(question, kind)  # a question, not a search-box phrase naming a topic
    # "Koliko posebnih izveštaja je objavio?" names no kind, yet only a number of things
    # answers it (retrieval.answer_count); a clause opening with "koliko" is a question.
    count = kind is None and asks_count(ask)
    # A quote that holds the subject's key term answers before one that only shares the
    # question's other words: "zahtev za izdavanje vozačke dozvole" is answered by the
    # driving-licence article, or not at all, never by a residence permit's "zahtev za
    # izdavanje dozvole".
    # One that only covers most of the question's words may lead when the key term is
    # incidental ("neisplaćenih" beside "potraživanja iz radnog odnosa"), not when the
    # best-ranked source holds it: then it is what the question is about.
    about = bool(hits) and meets(subject, units[0] | set(context(hits[0])), same, everywhere)
    keyed = meeting if about and meeting else meeting + covering
    typed = [c for c in keyed if (not asks or states(c.span.text, kind, question))
             and (not count or states_count(c.span.text, ask))]
    # Else the paragraph beside one that holds the subject, when it states the thing:
    # ZOIKD 58 names the donation in one paragraph and the Government that decides in the next.
    beside = sibling_stating(kind, question, meeting, candidates, hits)[:1] if asks and not typed else []
    typed = typed or beside
    if not typed:
        if keyed and (kind or count):
            return _abstain("type_not_stated", kind or "number", kind)
        return _fitted(question, ask, hits, candidates, kind) or _abstain("no_match", asked=kind)
    # A regime the question does not ask about (misdemeanour procedure, wrongful
    # conviction) never leads; when only such a quote answers, nothing does.
    typed = [c for c in typed if regime_factor(question, hits[c.hit_index].chunk) >= 1.0
             and not other_case(hits, hits[c.hit_index].chunk)  # nor another case than the one named
             and not case_facts_amount(kind, hits[c.hit_index].chunk)]  # nor a claim told in a judgment
    if not typed:
        return _abstain("no_match", asked=kind)
    # The best-scored quote leads when it answers; else, of those that do, the one that
    # holds most of the question.
    lead = chosen[0] if chosen[0] in typed else max(typed, key=lambda c: (round(c.coverage, 2), c.score))
    # A paragraph beside the subject's is followed by the one that names the subject.
    named_subject = [c for c in meeting if c.hit_index == lead.hit_index][:1] if beside else []
    ordered = [lead] + named_subject + [c for c in chosen if c.hit_index != lead.hit_index]
    confidence = "high" if evidence >= ANSWER.high_evidence and lead is chosen[0] else "medium"
    return Decision("answer", chosen=ordered, confidence=confidence, asked=kind)
