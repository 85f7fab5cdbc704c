"""A pathway answer (answer.pathway_answer.compose, ExtractiveAnswerer.pathway_answer / run,
answer.answer_plan) built from a hand-made remedy plan (tests/fixtures/answer/plans.py: a
small guide resolved over the sample hits, no index): one section per applied pathway in
the plan's order, every quote verified and in its chunk, the deadline on its own line, the
facts in the user's own words, the guide's gap line, citations numbered 1..n once each,
the `remedies` metadata naming each pathway's citation numbers, a direct answer quoted
first, and the frame in Cyrillic when the answer is.
"""
import re

import pytest

import answer.labels
from answer import ExtractiveAnswerer, answer_plan
from answer.citing import shown_label
from answer.messages import say
from answer.pathway_answer import compose
from answer.phrases import Style, detect_style
from pathways.facts import FACT_NAMES
from pathways.resolve import quote_in
from retrieval.remedies import RemedyPlan
from tests.fixtures.answer.plans import DEADLINE, GAP, STORY, STORY_EN, facts_plan, plan
from tests.fixtures.answer.sample import ALIASES, CHUNKS, hit, hits
from tests.four_forms import serbian_forms

TEXT = {c.id: c.text for c in CHUNKS.values()}
LATIN, CYRILLIC, ENGLISH = Style("sr", "latin"), Style("sr", "cyrillic"), Style("en", "latin")
STORIES = [pytest.param(q, id=f) for f, q in serbian_forms(STORY)] + [pytest.param(STORY_EN, id="en")]


@pytest.fixture(autouse=True)
def _aliases(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES)


def sections(text: str) -> dict[str, list[str]]:
    """Pathway heading -> its lines."""
    out, current = {}, None
    for line in text.split("\n"):
        m = re.fullmatch(r"\*\*\d+\. (.+)\*\*", line)
        if m:
            current = out.setdefault(m.group(1), [])
        elif current is not None and line:
            current.append(line)
    return out


def check_citations(a):
    """Numbered 1..n, each (unit, quote) once, each verified and its source's own words."""
    ns = [c.n for c in a.citations]
    assert ns == list(range(1, len(ns) + 1))
    assert len({(c.chunk_id, c.quote) for c in a.citations}) == len(ns)
    for c in a.citations:
        assert c.verified, c
        assert quote_in(c.quote_original or c.quote, TEXT[c.chunk_id]), c.quote
    used = {int(n) for n in re.findall(r"\[(\d+)\]", a.answer)}
    assert used == set(ns)


@pytest.mark.parametrize("question", STORIES)
def test_a_story_is_answered_pathway_by_pathway(question):
    p = plan(question)
    a = ExtractiveAnswerer().run(question, hits("zkp252", "kz388"), plan=p)
    style = detect_style(question)
    lang = "en" if style.language == "en" else ("sr-Cyrl" if style.script == "cyrillic" else "sr-Latn")
    assert (a.abstained, a.reason, a.confidence) == (False, None, "high")
    # No hit beyond the routes' own provisions bears on the question: the routes come first.
    own = a.remedies["question_citations"]
    assert own == [] and a.answer.split("\n")[0] == f"**{say(style, 'pathways_intro')}**"
    names = [x.pathway.name(lang) for x in p.applied]
    assert list(sections(a.answer)) == names  # one section each, most relevant first
    assert [x.pathway.id for x in p.applied] == ["criminal_claim_t", "civil_damages_t", "free_legal_aid_t",
                                                  "state_compensation_t"]  # never foreign_t: no foreign victim
    check_citations(a)
    # The remedies metadata: the pathways shown, each with the numbers cited in its section.
    meta = a.remedies["pathways"]
    assert [m["id"] for m in meta] == [x.pathway.id for x in p.applied] and [m["name"] for m in meta] == names
    for m in meta:
        lines = sections(a.answer)[m["name"]]
        assert m["citations"] and {int(n) for line in lines for n in re.findall(r"\[(\d+)\]", line)} == set(m["citations"])
    assert sorted(own + [n for m in meta for n in m["citations"]]) == [c.n for c in a.citations]
    assert a.remedies["story"] is True and [f["id"] for f in a.remedies["facts"]] == ["exploitation_labour", "unpaid_wages"]


@pytest.mark.parametrize("question", STORIES)
def test_the_facts_line_shows_the_users_own_words(question):
    p = plan(question)
    style = detect_style(question)
    line = compose(question, p, style).text.split("\n")[1]
    assert line.startswith(f"*{say(style, 'facts')}:* ")
    op, cl = ("“", "”") if style.language == "en" else ("„", "“")
    for f in p.facts:
        assert f.words and all(w in question for w in f.words)  # cut from the question as written
        assert f"{op}{', '.join(f.words)}{cl}" in line


def test_deadline_case_law_gap_and_check_next_lines():
    a = ExtractiveAnswerer().pathway_answer(STORY, [], plan(STORY), LATIN, 1.0)
    s = sections(a.answer)
    claim = s["Imovinskopravni zahtev u krivičnom postupku"]
    civil, state = s["Tužba za naknadu štete"], s["Naknada od države"]
    deadline = next(c for c in a.citations if c.quote == DEADLINE)
    assert f"- *Rok:* {shown_label(deadline, LATIN)}: „{DEADLINE}“ [{deadline.n}]" in claim
    assert (deadline.chunk_id, deadline.stav) == (CHUNKS["zkp254"].id, "2")
    assert any(line.startswith("- *Sudska praksa:* Apelacioni sud u Beogradu, Bilten 1/2023, str. 57: „") for line in claim)
    assert claim[-1] == "- *Proveriti dalje:* Da li je podneta krivična prijava"
    assert any(line.startswith("- *Sudska praksa:* Vrhovni sud, Rev2 1788/2024") for line in civil)
    assert state[-1] == f"- *Napomena:* {GAP}"
    # A step only for a child victim is not shown to this story…
    assert all(c.chunk_id != CHUNKS["kz388"].id for c in a.citations)
    # …and is when the facts include one.
    child = answer_plan(facts_plan(["exploitation_labour", "victim_child"]))
    assert any(c.chunk_id == CHUNKS["kz388"].id and c.verified for c in child.citations)


def test_a_direct_answer_is_quoted_first_and_cited_once():
    p = plan(STORY)
    composed = compose(STORY, p, LATIN, [(hit("zkp254"), DEADLINE)])
    lines = composed.text.split("\n")
    assert lines[0] == f"**Odgovor:** „{DEADLINE}“ [1] (ZKP, čl. 254 st. 2)"
    assert lines[2] == "**Pravni putevi koji odgovaraju ovom slučaju**"
    assert composed.citations[0].chunk_id == CHUNKS["zkp254"].id
    # The pathway's deadline is the same words: it refers to [1], not to a second copy.
    assert "- *Rok:* ZKP, čl. 254 st. 2: „" + DEADLINE + "“ [1]" in lines
    assert [c.quote for c in composed.citations].count(DEADLINE) == 1


PRECISE = STORY.replace("Kako može da dobije naknadu štete?", "Do kada se može podneti imovinskopravni zahtev?")


def test_a_story_that_ends_in_a_precise_question_gets_its_answer_above_the_pathways():
    a = ExtractiveAnswerer().run(PRECISE, hits("zkp252", "zkp254"), plan=plan(PRECISE))
    assert not a.abstained and a.answer.startswith("**Odgovor:** „" + DEADLINE + "“ [1] (ZKP, čl. 254 st. 2)")
    assert "**Pravni putevi koji odgovaraju ovom slučaju**" in a.answer and a.remedies["pathways"]
    check_citations(a)


def test_the_precise_answer_survives_the_index_rarities_of_the_story_words():
    from tests.fixtures.answer.decision_hits import served

    a = ExtractiveAnswerer().run(PRECISE, served("zkp252", "zkp254"), plan=plan(PRECISE))
    assert a.answer.startswith("**Odgovor:** „" + DEADLINE + "“ [1]")


def test_cyrillic_answer_has_a_cyrillic_frame():
    p = plan(STORY)
    a = ExtractiveAnswerer().pathway_answer(STORY, [], p, CYRILLIC, 1.0)
    assert a.script == "cyrillic"
    text = a.answer
    assert text.startswith("**Правни путеви који одговарају овом случају**\n*Препознате чињенице:* ")
    assert "- *Рок:* ЗКП, чл. 254 ст. 2: „Имовинскоправни захтев се може поднети најкасније" in text
    assert "- *Напомена:* Корпус не садржи српски државни фонд за накнаду жртвама." in text
    assert "- *Проверити даље:* Да ли је поднета кривична пријава" in text
    for line in text.split("\n"):  # headings and line labels: no Latin letters
        frame = line.split(":*")[0] if line.startswith("- *") else line if line.startswith("**") else ""
        assert not re.search(r"[A-Za-z]", frame), line
    check_citations(a)


def test_answer_plan_without_a_question():
    p = facts_plan(["exploitation_labour", "cannot_pay_lawyer"])
    a = answer_plan(p)
    assert a.question == "" and not a.abstained and a.confidence == "high"
    assert list(sections(a.answer)) == [x.pathway.name("sr-Latn") for x in p.applied]
    assert "Besplatna pravna pomoć" in sections(a.answer)
    check_citations(a)
    en = answer_plan(p, language="en")
    assert en.answer.startswith("**Remedy pathways for this case**")
    assert [m["name"] for m in en.remedies["pathways"]] == [x.pathway.name("en") for x in p.applied]


def test_ticked_facts_are_listed_without_empty_quotes():
    # A fact ticked on the checklist has no words of the user's to quote: named only.
    line = answer_plan(facts_plan(["exploitation_labour"])).answer.split("\n")[1]
    assert line == "*Prepoznate činjenice:* " + FACT_NAMES["exploitation_labour"]["sr-Latn"].lower()


def test_a_plan_whose_units_are_all_filtered_out_abstains():
    p = plan(STORY)
    empty = RemedyPlan(p.facts, p.asks, p.story, p.applied, {})
    a = ExtractiveAnswerer().pathway_answer(STORY, hits("zkp252"), empty, LATIN, 1.0)
    assert a.abstained and a.reason == "no_match" and a.remedies is None
    assert a.answer.startswith("Nisam pronašao odgovor u izvorima.")


def test_provisions_bearing_on_the_storys_question_come_before_the_routes():
    p = plan(STORY)
    composed = compose(STORY, p, LATIN, [(hit("zkp254"), DEADLINE)], [(hit("kz388"), CHUNKS["kz388"].text[:60])])
    lines = composed.text.split("\n")
    assert lines[0].startswith("**Odgovor:** „" + DEADLINE)
    assert lines[1] == f"**{say(LATIN, 'related')}**" and lines[2].startswith("- KZ, čl. 388") and lines[2].endswith("[2]")
    assert lines[4] == "**Pravni putevi koji odgovaraju ovom slučaju**"
    assert composed.own == [1, 2] and [c.chunk_id for c in composed.citations[:2]] == [CHUNKS["zkp254"].id,
                                                                                      CHUNKS["kz388"].id]


def test_a_story_quotes_what_bears_on_its_own_question_but_not_a_provision_a_route_shows():
    from dataclasses import replace

    from answer.config import ANSWER
    from answer.story_quotes import related as _related
    from answer.extractive import score_candidates
    from answer.pathway_answer import routes, shown_units

    hs = hits("zkp252", "rantsev", "kz388")
    p = plan(STORY)
    shown = shown_units(routes(STORY, p), p)
    # ZKP 252 is a provision the routes show; KZ 388 is in the plan, but no shown route quotes it.
    assert CHUNKS["zkp252"].id in shown and CHUNKS["kz388"].id not in shown and CHUNKS["kz388"].id in {
        h.chunk.id for h in p.hits.values()}
    chosen = score_candidates("trafficking in human beings Article 4 Convention", hs)
    assert {hs[c.hit_index].chunk.id for c in chosen} >= {CHUNKS["rantsev"].id, CHUNKS["zkp252"].id}
    related = _related(STORY, hs, chosen, [], shown)
    assert [hs[c.hit_index].chunk.id for c in related] == [CHUNKS["kz388"].id, CHUNKS["rantsev"].id]
    # Beside a direct answer, only a quote scoring near it: not one under half its score.
    shown_all = shown | {CHUNKS["kz388"].id}
    rantsev = related[1]
    strong = replace(rantsev, hit_index=0, score=rantsev.score / ANSWER.related_floor * 1.01)
    near = replace(rantsev, hit_index=0, score=rantsev.score / ANSWER.related_floor * 0.99)
    assert _related(STORY, hs, chosen, [near], shown_all) == [rantsev]
    assert _related(STORY, hs, chosen, [strong], shown_all) == []


def test_the_routes_show_what_they_quote():
    """shown_units is what compose quotes from the routes: the story's own quotes skip
    exactly those."""
    from answer.pathway_answer import compose, routes, shown_units

    p = plan(STORY)
    composed = compose(STORY, p, LATIN)
    route_numbers = {n for meta in composed.pathways for n in meta["citations"]}
    assert {c.chunk_id for c in composed.citations if c.n in route_numbers} == shown_units(routes(STORY, p), p)


def test_a_penalty_range_is_not_the_amount_a_story_asks_for():
    from answer.states import states_amount as _states_amount
    from retrieval.intents import asked_sentence
    from answer.extractive import _context

    hs = hits("zkp252", "kz388")
    fee = STORY.replace("Kako može da dobije naknadu štete?", "Kolika je administrativna taksa za novu ličnu kartu?")
    assert not _states_amount(asked_sentence(fee), hs, plan(fee), _context)
    # A route quoting the penalty does state what "Kolika je kazna zatvora …" asks for.
    from dataclasses import replace

    penalty = STORY.replace("Kako može da dobije naknadu štete?", "Kolika je kazna zatvora za trgovinu ljudima?")
    p = plan(penalty)
    kz = next(r for r in p.hits if r.cite == "KZ 388")
    ranged = replace(kz, quote=kz.quote + " kazniće se zatvorom od tri do dvanaest godina")
    assert not _states_amount(asked_sentence(penalty), hs, p, _context)
    assert _states_amount(asked_sentence(penalty), hs, replace(p, hits={ranged: p.hits[kz]}), _context)


def test_a_span_the_answerer_chose_may_state_the_amount_a_story_asks_for():
    """No route quotes the penalty, but the answerer chose a span that states it for the
    story's own question (KZ 193 for a parent who makes a child beg): not 'not stated'."""
    from types import SimpleNamespace

    from answer.candidates import Candidate
    from answer.states import states_amount as _states_amount
    from answer.extractive import _context
    from retrieval.intents import asked_sentence

    hs = hits("zkp252", "kz388")
    penalty = STORY.replace("Kako može da dobije naknadu štete?", "Kolika je kazna zatvora za trgovinu ljudima?")
    p = plan(penalty)
    assert not _states_amount(asked_sentence(penalty), hs, p, _context)
    stated = Candidate(1, SimpleNamespace(text="Ko vrši trgovinu ljudima kazniće se zatvorom od tri do dvanaest godina.",
                                          lead=""), 0.5, 0.4)
    assert _states_amount(asked_sentence(penalty), hs, p, _context, [stated])


def test_a_judgments_paragraph_states_no_amount_a_story_asks_for():
    """"The Tax Office ordered the applicant to pay EUR 106,960" tells a case's facts."""
    from types import SimpleNamespace

    from answer.candidates import Candidate
    from answer.states import states_amount as _states_amount
    from answer.extractive import _context
    from retrieval.intents import asked_sentence

    hs = hits("zkp252", "rantsev")
    penalty = STORY.replace("Kako može da dobije naknadu štete?", "Kolika je kazna zatvora za trgovinu ljudima?")
    span = SimpleNamespace(text="Ko vrši trgovinu ljudima kazniće se zatvorom od tri do dvanaest godina.", lead="")
    assert hs[1].chunk.kind == "echr_judgment"
    assert not _states_amount(asked_sentence(penalty), hs, plan(penalty), _context, [Candidate(1, span, 0.5, 0.4)])
    assert _states_amount(asked_sentence(penalty), hs, plan(penalty), _context, [Candidate(0, span, 0.5, 0.4)])


def test_the_courts_award_under_article_41_states_the_amount_a_story_asks_for():
    """"Koliki iznos je Sud dosudio?": the judgment's just-satisfaction paragraph is the
    Court's award, not a case's facts."""
    from dataclasses import replace
    from types import SimpleNamespace

    from answer.candidates import Candidate
    from answer.states import states_amount as _states_amount
    from answer.extractive import _context
    from retrieval.intents import asked_sentence

    hs = hits("zkp252", "rantsev")
    award = STORY.replace("Kako može da dobije naknadu štete?", "Koliki iznos nematerijalne štete je Sud dosudio za trgovinu ljudima?")
    span = SimpleNamespace(text="The Court awards the applicant EUR 40,000 in respect of non-pecuniary damage for trafficking.",
                           lead="")
    facts = [hs[0], replace(hs[1], chunk=replace(hs[1].chunk, heading="THE FACTS"))]
    just = [hs[0], replace(hs[1], chunk=replace(hs[1].chunk, heading="IV. APPLICATION OF ARTICLE 41 OF THE CONVENTION"))]
    assert not _states_amount(asked_sentence(award), facts, plan(award), _context, [Candidate(1, span, 0.5, 0.4)])
    assert _states_amount(asked_sentence(award), just, plan(award), _context, [Candidate(1, span, 0.5, 0.4)])


@pytest.mark.parametrize("ask, expected", [
    # "izrabljivanja" is a client's word no source holds: the penalty for trafficking answers it
    ("Zbog izrabljivanja, kakva kazna zatvora mu preti?", True),
    # a sum in dinars is not a prison range
    ("Koliko dinara je kazna za trgovinu ljudima?", False),
])
def test_only_words_some_source_holds_are_asked_of_the_amount_a_story_asks_for(ask, expected):
    from types import SimpleNamespace

    from answer.candidates import Candidate
    from answer.states import states_amount as _states_amount
    from answer.extractive import _context
    from retrieval.intents import asked_sentence

    from tests.fixtures.answer.decision_hits import served  # with the index's term rarities

    hs = served("zkp252", "zkp254")
    story = STORY.replace("Kako može da dobije naknadu štete?", ask)
    stated = Candidate(1, SimpleNamespace(text="Ko vrši trgovinu ljudima kazniće se zatvorom od tri do dvanaest godina.",
                                          lead=""), 0.5, 0.4)
    assert _states_amount(asked_sentence(story), hs, plan(story), _context, [stated]) is expected


@pytest.mark.parametrize("closing, fee_closing", [
    *zip([q for _, q in serbian_forms("Zaključao ju je u podrumu. Da li inspektor krivično odgovara i kakva kazna mu preti?")],
         [q for _, q in serbian_forms("Zaključao ju je u podrumu. Da li inspektor naplaćuje i kolika je taksa za ličnu kartu?")]),
    ("He locked her in the cellar. Is the inspector criminally liable, and what penalty does he face?",
     "He locked her in the cellar. Does the inspector charge, and what is the fee for an identity card?")])
def test_a_penalty_asked_in_the_clients_words_is_stated_by_a_first_units_penalty(closing, fee_closing, monkeypatch):
    """"Koja kazna mu preti?" after "zaključao ju je": the statute's words are "lišenje
    slobode", never the client's ("inspektor"), so no quote meets the question's subject;
    a first unit's "kazniće se …" still states the penalty, and no fee."""
    from types import SimpleNamespace

    import answer.states
    from answer.candidates import Candidate
    from answer.extractive import _context
    from retrieval.intents import asked_sentence

    monkeypatch.setattr(answer.states, "meets", lambda *a, **k: False)  # the client's words, met by no quote
    hs = hits("zkp252", "kz388")
    story = STORY.replace("Kako može da dobije naknadu štete?", closing)
    span = SimpleNamespace(text="Ko drugog protivpravno zatvori, kazniće se zatvorom do jedne godine.", lead="")
    assert answer.states.states_amount(asked_sentence(story), hs, plan(story), _context, [Candidate(1, span, 0.5, 0.4)])
    fee = STORY.replace("Kako može da dobije naknadu štete?", fee_closing)
    assert not answer.states.states_amount(asked_sentence(fee), hs, plan(fee), _context, [Candidate(1, span, 0.5, 0.4)])
    # A route's penalty (KZ 388's, for trafficking) is not the penalty for what the story asks.
    from dataclasses import replace

    p = plan(story)
    kz = next(r for r in p.hits if r.cite == "KZ 388")
    ranged = replace(kz, quote=kz.quote + " kazniće se zatvorom od tri do dvanaest godina")
    assert not answer.states.states_amount(asked_sentence(story), hs, replace(p, hits={ranged: p.hits[kz]}), _context)
