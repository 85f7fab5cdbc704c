"""The one answer decision (answer.decide) as the extractive answerer applies it, on fixture
hits with the index's term rarities (tests/fixtures/answer/decision_hits.py), each row in
four forms (sr-Latn, sr-Cyrl, sr without diacritics, en):

  small talk -> small_talk, a polite out-of-scope reply and nothing cited;
  a named source the index lacks -> absent_source, "Izvori ne sadrže: …" kept;
  another jurisdiction -> other_jurisdiction naming the place, although the hits would answer;
  a subject no hit holds -> subject_missing naming the words; a deadline no hit states ->
  type_not_stated ("deadline"); nothing retrieved -> no_match, the plain "Nisam pronašao…";
  a good question -> answered, the lead quote stating the deadline (ZKP 254 st. 2).
Regime and addressee (answer.regime): a wrong-regime provision (misdemeanour procedure, the
State's liability for wrongful conviction) does not lead unless asked for; a ZKP provision
whose chapter narrows it is shown with "odnosi se na: Oštećeni kao tužilac".
"""
import dataclasses

import pytest

import answer.labels
from answer import ExtractiveAnswerer
from retrieval.answer_type import ANSWER_TYPES, states_type
from answer.citing import shown_label
from answer.messages import say
from answer.phrases import detect_style
from answer.regime import addressee, regime_factor
from core.records import Chunk
from core.text import has_cyrillic, to_cyrillic, to_latin
from tests.fixtures.answer.decision_hits import ALIASES_PLUS, CHUNKS, served
from tests.fixtures.answer.sample import CHUNKS as SAMPLE
from tests.four_forms import four_forms, serbian_forms


@pytest.fixture(autouse=True)
def _aliases(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES_PLUS)


def forms(sr: str, sr_detail: str, en: str, en_detail: str, sr_hits=(), en_hits=None):
    """(form, question, expected detail, hits) in the four forms; the detail is written as
    the question writes it ("u Hrvatskoj", "у Хрватској"); an answer type is a code."""
    codes = ANSWER_TYPES + ("number",)  # type_not_stated details, not text
    details = [d for _, d in serbian_forms(sr_detail)] if sr_detail not in codes else [sr_detail] * 3
    rows = [(f, q, d, sr_hits) for (f, q), d in zip(serbian_forms(sr), details)]
    return rows + [("en", en, en_detail, sr_hits if en_hits is None else en_hits)]


def by_form(*row):
    return [pytest.param(*r, id=r[0]) for r in forms(*row)]


def params(reason: str, *rows):
    return [pytest.param(reason, q, d, hs, id=f"{reason}-{n}-{f}") for n, row in enumerate(rows)
            for f, q, d, hs in forms(*row)]


GOOD = ("Do kada se može podneti imovinskopravni zahtev?", "By when may a property claim be filed in criminal proceedings?")
CLAIM_HITS = ("zkp252", "zkp254", "vs")

ABSTAIN = (
    params("small_talk", ("Kakvo je vreme sutra?", "", "What will the weather be like tomorrow?", "", ("zkp254", "zkp252"),
                          ("cets197", "rantsev")))
    # The hits answer the question in Serbia; the place alone makes it abstain.
    + params("other_jurisdiction",
             ("Do kada se može podneti imovinskopravni zahtev u Hrvatskoj?", "u Hrvatskoj",
              "By when may a property claim be filed in criminal proceedings in Croatia?", "in Croatia", CLAIM_HITS),
             ("Koji je rok za žalbu na presudu u Hrvatskoj?", "u Hrvatskoj",
              "What is the deadline for an appeal against a judgment in Croatia?", "in Croatia", ("zkp254", "zkp252")))
    + params("subject_missing", ("Kolika je članarina u planinarskom društvu?", "članarina, planinarskom, društvu",
                                 "How much is the membership fee of a mountaineering club?", "membership, fee, mountaineering, club",
                                 ("zkp254", "zkp252", "zoo200"), ("cets197", "rantsev")))
    + params("type_not_stated", ("Koji je rok za naknadu nematerijalne štete za pretrpljeni strah?", "deadline",
                                 "What is the time limit for compensation of non-pecuniary damage for fear?", "deadline",
                                 ("zoo200", "vs")))
    # "Koliko …" counts things: a quote on the subject that states no number of them
    # does not answer (retrieval.answer_count)
    + params("type_not_stated", ("Koliko imovinskopravnih zahteva se može podneti u krivičnom postupku?", "number",
                                 "How many property claims may the injured party file in criminal proceedings?", "number",
                                 CLAIM_HITS))
    + params("no_match", (GOOD[0], "", GOOD[1], "", ()))
)


@pytest.mark.parametrize("reason, question, detail, names", ABSTAIN)
def test_abstains_with_its_reason(reason, question, detail, names):
    a = ExtractiveAnswerer().run(question, served(*names))
    style = detect_style(question)
    assert (a.abstained, a.reason, a.reason_detail, a.confidence) == (True, reason, detail, "low")
    assert "**" not in a.answer and not any(c.quote in a.answer for c in a.citations)  # nothing quoted as an answer
    first = a.answer.split("\n")[0]
    if reason == "small_talk":
        assert a.answer == say(style, "reason_small_talk") and "Pravni lek" in to_latin(a.answer)
        assert a.citations == [] and a.hits == []
        return
    assert first.startswith(style.phrase("not_found"))
    if reason == "no_match":
        assert a.answer == style.phrase("not_found")  # the plain line, nothing added
    else:
        values = {"other_jurisdiction": {"place": detail}, "subject_missing": {"subject": detail},
                  "type_not_stated": {"what": detail}}[reason]
        assert first == style.phrase("not_found") + " " + say(style, f"reason_{reason}", **values)
        if reason != "type_not_stated":
            assert detail in first  # the place / the missing words, as the user wrote them
        # The closest sources stay listed below the reason.
        assert a.citations and all(f"[{c.n}]" in a.answer for c in a.citations)


@pytest.mark.parametrize("form, question, _, names", by_form(GOOD[0], "", GOOD[1], "", CLAIM_HITS))
def test_the_source_that_states_the_deadline_leads(form, question, _, names):
    a = ExtractiveAnswerer().run(question, served(*names))
    assert not a.abstained and a.reason is None and a.reason_detail == ""
    assert a.confidence in ("high", "medium")
    lead = a.citations[0]
    assert (lead.chunk_id, lead.stav, lead.verified) == (SAMPLE["zkp254"].id, "2", True)
    words = lead.quote_original or lead.quote
    assert "najkasnije do završetka glavnog pretresa" in words and states_type(words, "deadline")
    assert a.answer.split("\n")[0].endswith(f"[1] ({shown_label(lead, detect_style(question))})")


@pytest.mark.parametrize("form, question, name, _", by_form(
    "Zakon o zaštiti žrtava trgovine ljudima: do kada se može podneti imovinskopravni zahtev?",
    "Zakon o zaštiti žrtava trgovine ljudima",
    "Law on the Protection of Trafficking Victims: until when can a property claim be filed?",
    "Law on the Protection of Trafficking Victims"))
def test_an_absent_named_source_keeps_its_line(form, question, name, _):
    a = ExtractiveAnswerer().run(question, served(*CLAIM_HITS), absent=[name])
    style = detect_style(question)
    assert (a.abstained, a.reason, a.reason_detail, a.confidence) == (True, "absent_source", name, "low")
    assert a.answer.split("\n")[:2] == [style.phrase("not_found"), style.phrase("absent", names=name)]


# -- regime: the victim's claims, not misdemeanour procedure or wrongful conviction -------
LIMITATION = "Koji je rok zastarelosti za naplatu naknade štete dosuđene pravnosnažnom presudom?"


def lead_of(question, *names):
    a = ExtractiveAnswerer().run(question, served(*names))
    assert not a.abstained, a.answer
    return next(k for k, c in {**SAMPLE, **CHUNKS}.items() if c.id == a.citations[0].chunk_id)


def test_regime_factor_lowers_a_regime_the_question_does_not_name():
    assert regime_factor(LIMITATION, CHUNKS["zop152"]) < 1 and regime_factor(LIMITATION, CHUNKS["zkp591"]) < 1
    assert regime_factor(LIMITATION, CHUNKS["zoo379"]) == regime_factor(LIMITATION, SAMPLE["zkp254"]) == 1.0
    assert regime_factor("Rok za naknadu štete u prekršajnom postupku?", CHUNKS["zop152"]) == 1.0
    assert regime_factor("Naknada štete zbog neosnovane osude", CHUNKS["zkp591"]) == 1.0
    assert regime_factor("compensation for a wrongful conviction", CHUNKS["zkp591"]) == 1.0


@pytest.mark.parametrize("form, question", [pytest.param(*f, id=f[0]) for f in serbian_forms(LIMITATION)])
def test_ten_years_of_zoo_379_lead_not_the_three_years_of_wrongful_conviction(form, question):
    assert lead_of(question, "zop152", "zkp591", "zoo379") == "zoo379"


def test_the_property_claim_deadline_leads_not_the_misdemeanour_payment_term():
    assert lead_of("Koji je rok za naknadu štete po imovinskopravnom zahtevu?", "zop152", "zkp254", "zkp252") == "zkp254"


@pytest.mark.parametrize("question, lead", [
    ("Koji je rok zastarelosti za naknadu štete zbog neosnovane osude?", "zkp591"),
    ("What is the limitation period for damages for a wrongful conviction?", "zkp591"),
    ("Koji je rok za naknadu štete u prekršajnom postupku?", "zop152"),
])
def test_a_regime_the_question_names_may_lead(question, lead):
    assert lead_of(question, "zoo379", "zkp591", "zop152") == lead


def test_the_paragraph_beside_the_one_naming_the_subject_may_state_the_body():
    # ZOIKD 58: st. 1 names the donation of unsold property, st. 2 the Government that decides.
    a = ExtractiveAnswerer().run("Ko odlučuje da se oduzeta pokretna stvar koja nije prodata pokloni u humanitarne "
                                 "svrhe?", served("zoikd58"))
    assert not a.abstained, a.answer
    assert "donosi Vlada" in a.citations[0].quote
    assert "humanitarne svrhe" in a.citations[1].quote  # what it decides on, right below


def test_no_paragraph_of_the_unit_states_it_then_nothing_answers():
    a = ExtractiveAnswerer().run("Koliko iznosi naknada za poklonjenu imovinu u humanitarne svrhe?", served("zoikd58"))
    assert a.abstained


def test_misdemeanour_term_does_not_lead_when_the_top_span_states_no_deadline():
    assert lead_of("Koji je rok za naknadu štete po imovinskopravnom zahtevu?",
                   "zop152", "zkp252", "zkp254", "zoo379") == "zkp254"


def test_english_limitation_question_is_not_answered_with_wrongful_conviction():
    # ZOO 379 covers too little of the English question to be quoted; the wrongful-
    # conviction rule alone must not answer it: abstaining (issue 13 allows it) is right.
    a = ExtractiveAnswerer().run("What is the limitation period for collecting damages awarded by a final judgment?",
                                 served("zoo379", "zkp591"))
    assert a.abstained or a.citations[0].chunk_id != CHUNKS["zkp591"].id


# -- addressee: to whom a narrower provision applies ---------------------------------------
NOTES = {"sr-Latn": "(odnosi se na: Oštećeni kao tužilac)", "sr-nodiac": "(odnosi se na: Oštećeni kao tužilac)",
         "sr-Cyrl": "(односи се на: Оштећени као тужилац)", "en": "(applies to: Oštećeni kao tužilac)"}


@pytest.mark.parametrize("form, question, _, __", by_form("Kada se oštećenom može postaviti punomoćnik?", "",
                                                       "When can a proxy be appointed for the injured party?", ""))
def test_a_provision_for_the_injured_party_as_prosecutor_says_so(form, question, _, __):
    a = ExtractiveAnswerer().run(question, served("zkp59"))
    assert not a.abstained and a.citations[0].chunk_id == CHUNKS["zkp59"].id
    # The group in the source's own words (its diacritics kept), in the answer's script.
    label = shown_label(a.citations[0], detect_style(question))
    assert a.answer.split("\n")[0].endswith(f"[1] ({label}) {NOTES[form]}")


def test_no_addressee_note_for_a_chapter_that_is_not_narrower():
    a = ExtractiveAnswerer().run(GOOD[0], served(*CLAIM_HITS))
    assert addressee(GOOD[0], SAMPLE["zkp254"]) is None and "odnosi se na" not in a.answer


def test_no_addressee_note_when_the_question_names_the_group():
    assert addressee("Kada se oštećenom kao tužiocu može postaviti punomoćnik?", CHUNKS["zkp59"]) is None


# A story's own closing question, judged alone (answer.decide._beyond): another state's
# scheme, or a figure of the day, cannot be answered by the remedy routes; the client's
# words ("tužimo", "preduzmemo") are never taken for a missing subject.
BEYOND = [
    ("Koji je rok za zahtev britanskom fondu za naknadu žrtvama?", "other_jurisdiction",
     "What is the deadline for applying under the UK scheme?", "other_jurisdiction"),
    ("Kolika je osnovna zarada kuvara prema kolektivnom ugovoru koji važi u 2025. godini?", "type_not_stated",
     "How much is a cook's basic wage under the collective agreement in force in 2025?", "type_not_stated"),
    ("Možemo li da tužimo sinove i do kog iznosa odgovaraju za očev dug?", None,
     "Can we sue the sons, and up to what amount are they liable for their father's debt?", None),
    ("Šta možemo odmah da preduzmemo?", None, "What can we do right away?", None),
    ("Na kojoj adresi je prihvatilište i koji mu je broj telefona?", "type_not_stated",
     "What is the address of the shelter and its phone number?", "type_not_stated"),
    ("Da li ona mora da prijavi promenu adrese sudu?", None, "Must she report her change of address to the court?", None),
]


@pytest.mark.parametrize("ask,reason", four_forms(BEYOND))
def test_a_storys_own_question_beyond_the_routes(ask, reason):
    from answer.decide import _beyond

    d = _beyond(ask)
    assert (d.reason if d else None) == reason


# A figure of the day, a statistic or contact details (answer.decide._figure, through
# answer.unstated): no provision states them, even when the question names the article
# the figure is about. (question, reason's detail) rows; None: decided further on.
FIGURES = [
    ("Koliko je lica osuđeno za krivično delo iz člana 388 KZ tokom 2023. godine?", "count",
     "How many people were convicted under Article 388 of the Criminal Code in 2023?", "count"),
    ("Kolika je prosečna neto zarada u Srbiji za januar 2026. godine?", "amount",
     "What was the average net wage in Serbia for January 2026?", "count"),
    ("Koji je broj telefona za hitan smeštaj žrtava trgovine ljudima?", "contact",
     "What is the hotline phone number for emergency shelter for trafficking victims?", "contact"),
    ("Koje je radno vreme Centra za zaštitu žrtava trgovine ljudima?", "contact",
     "What are the working hours of the Centre for the Protection of Trafficking Victims?", "contact"),
    ("Kolika je kazna za trgovinu ljudima?", None, "What is the penalty for human trafficking?", None),
    # Being summoned by telephone is a rule of procedure, not a contact detail.
    ("Da li se svedok može pozvati telefonom?", None, "May a witness be summoned by telephone?", None),
]


@pytest.mark.parametrize("question,detail", four_forms(FIGURES))
def test_figures_statistics_and_contact_details_are_never_stated(question, detail):
    from retrieval.answer_type import asked_type
    from answer.decide import _figure

    d = _figure(question, asked_type(question))
    assert (d.reason, d.detail) == ("type_not_stated", detail) if detail else d is None


def test_a_rate_question_needs_a_percentage_not_any_amount():
    from retrieval.answer_type import states as _states

    rate = "Kolika je stopa poreza na prenos apsolutnih prava?"
    assert not _states("Porez se plaća u iznosu od 10.000 dinara.", "amount", rate)
    assert _states("Stopa poreza iznosi 2,5%.", "amount", rate)
    assert _states("Stopa poreza iznosi deset procenata.", "amount", "What is the tax rate?")
    assert _states("Porez se plaća u iznosu od 10.000 dinara.", "amount", "Koliko iznosi porez?")


@pytest.mark.parametrize("leg", ["concepts", "ask"])
def test_a_story_quotes_what_one_search_leg_found_in_the_first_places(leg):
    """Hits in the first places that search found for a legal concept of the story
    (retrieval.concepts), or for the story's own question alone (the ask leg), are quoted
    with the story's own question, each its best span, up to the leg's budget; never one
    already quoted, a provision a route shows or a hit the leg did not find."""
    import dataclasses
    from types import SimpleNamespace

    from answer.candidates import Candidate
    from answer.config import ANSWER
    from answer.story_quotes import leg_quotes

    def _concept_quotes(q, hits, cands, quoted, routes):
        return leg_quotes(q, hits, cands, quoted, routes, leg, 5, 2)

    base = served("zkp252", "zkp254", "vs")
    hits = [base[0], dataclasses.replace(base[1], via=("bm25", leg)), dataclasses.replace(base[2], via=(leg,))]
    span = SimpleNamespace(text="x", lead="")
    cands = [Candidate(1, span, 0.2, 0.1), Candidate(1, span, 0.4, 0.2), Candidate(0, span, 0.9, 0.8),
             Candidate(2, span, 0.3, 0.2)]
    no_route: set[str] = set()
    q = "Klijentkinja je potpisala ugovor jer joj je pretio. Šta može?"
    assert ANSWER.concept_quotes >= 2
    assert _concept_quotes(q, hits, cands, [cands[2]], no_route) == [cands[1], cands[3]]
    assert _concept_quotes(q, hits, cands, [cands[1]], no_route) == [cands[3]]  # one already quoted
    assert _concept_quotes(q, hits, cands, [cands[2]], {hits[1].chunk.id}) == [cands[3]]  # a route shows it
    plain = [base[0], base[1], base[2]]
    assert _concept_quotes(q, plain, cands, [cands[2]], no_route) == []


def test_a_story_quotes_the_article_both_subject_legs_found_and_not_one_leg_alone():
    """The subject index's article is quoted only where the whole story and its closing
    question both met its entry (retrieval.subject_index): one leg alone is a guess."""
    import dataclasses
    from types import SimpleNamespace

    from answer.candidates import Candidate
    from answer.story_quotes import leg_quotes

    base = served("zkp252", "zkp254", "vs")
    hits = [base[0], dataclasses.replace(base[1], via=("bm25", "subjects")),
            dataclasses.replace(base[2], via=("subjects", "subjects_ask"))]
    span = SimpleNamespace(text="x", lead="")
    cands = [Candidate(0, span, 0.9, 0.8), Candidate(1, span, 0.4, 0.2), Candidate(2, span, 0.3, 0.2)]
    legs = ("subjects", "subjects_ask")
    no_route: set[str] = set()
    q = "Gazda joj je uzeo pasoš i nije joj platio. Šta može?"
    assert leg_quotes(q, hits, cands, [cands[0]], no_route, legs, 5, 2) == [cands[2]]
    assert leg_quotes(q, hits, cands, [cands[0]], no_route, "subjects", 5, 2) == [cands[1], cands[2]]
    assert leg_quotes(q, hits, cands, [cands[0]], no_route, legs, 2, 2) == []  # beyond the places


def test_a_story_quotes_the_first_place_of_search_unless_it_is_quoted_or_shown():
    """Search puts first what answers the story's closing question (retrieval.rerank); the
    answer quotes its best span, whatever leg found it, unless the lead, another quote or
    a route already shows that unit."""
    from types import SimpleNamespace

    from answer.candidates import Candidate
    from answer.config import ANSWER
    from answer.story_quotes import leg_quotes

    hits = served("zkp252", "zkp254", "vs")
    span = SimpleNamespace(text="x", lead="")
    cands = [Candidate(0, span, 0.5, 0.3), Candidate(0, span, 0.7, 0.4), Candidate(1, span, 0.9, 0.8)]
    q = "Gazda joj je uzeo pasoš i nije joj platio. Šta može?"
    places, most = ANSWER.top_places, ANSWER.top_quotes
    assert (places, most) == (1, 1)
    assert leg_quotes(q, hits, cands, [], set(), (), places, most) == [cands[1]]  # its best span
    assert leg_quotes(q, hits, cands, [cands[0]], set(), (), places, most) == []  # quoted already
    assert leg_quotes(q, hits, cands, [], {hits[0].chunk.id}, (), places, most) == []  # a route shows it


@pytest.mark.parametrize("text,question,expected", [
    ("da postoji odluka Direkcije kojom se vozilo poverava podnosiocu zahteva;", "Kako se registruje vozilo u Novom Sadu?", False),
    ("Vozilo se registruje na ime vlasnika, na zahtev koji se podnosi organu.", "Kako se registruje vozilo?", True),
    ("Imovinskopravni zahtev podnosi se organu kome se podnosi krivična prijava.", "Kako se podnosi imovinskopravni zahtev?", True),
    ("The application is filed with the court.", "How do I register a company?", False),
    ("Zahtev se podnosi sudu.", "Šta treba da uradi oštećeni?", True),  # names no action: any step
])
def test_a_procedures_quote_names_the_action_asked_about(text, question, expected):
    from retrieval.answer_type import names_action

    assert names_action(text, question) is expected


# A story's own question has a subject its rare facts outweigh in the whole question's.
STORY_ASK = ("Posrednik joj je zadržao lične isprave i godinama je prodavao. "
             "Do kada može da podnese imovinskopravni zahtev?")


def test_a_storys_lead_may_meet_its_own_questions_subject():
    """"posrednik", "isprave": the story's rarest words (KZ 388 holds them) are not what
    the deadline quote must hold; the closing question's subject is."""
    a = ExtractiveAnswerer().run(STORY_ASK, served("zkp252", "zkp254", "kz388"))
    assert not a.abstained and a.citations[0].chunk_id == SAMPLE["zkp254"].id


# A story's closing question decides even when its facts trigger the remedy routes: one
# that is chit-chat gets the polite reply. An abbreviation no retrieved unit holds is no
# missing subject: "CZSR" is a lawyer's shorthand for the social work centre the corpus
# knows by its name.
ROUTED_STORY = "Gazda joj je uzeo pasoš i tri meseca joj nije platio rad u kafani. "
OWN_QUESTION = [
    ("Kako da napravim čokoladnu tortu bez jaja za decu u sigurnoj kući?", "small_talk",
     "How do I bake a chocolate cake without eggs for the children at the shelter?", "small_talk"),
    ("Može li da se obrati CZSR za smeštaj?", "pathways", "Can she turn to the CZSR for a place to stay?", "pathways"),
    ("Do kada može da podnese imovinskopravni zahtev?", "pathways",
     "By when may she file a property claim?", "pathways"),
    ("Da li je po UN protokolu ona kriva za prelazak granice?", "pathways",
     "Is she liable for crossing the border under the UN Protocol?", "pathways"),
]


@pytest.mark.parametrize("ask,expected", four_forms(OWN_QUESTION))
def test_a_routed_storys_own_question_still_decides(ask, expected):
    from types import SimpleNamespace

    from answer.decide import decide

    plan = SimpleNamespace(story=True, fact_ids=(), applied=(), hits={}, asks=())
    question = (to_cyrillic(ROUTED_STORY) if has_cyrillic(ask) else ROUTED_STORY) + ask
    d = decide(question, served("zkp252", "zkp254"), [], 1.0, 0.3, (), plan, [], False, lambda h: [])
    assert (d.reason or d.action) == expected


@pytest.mark.parametrize("ask,asks,leads", [
    ("Kako može da dobije naknadu štete?", ("compensation",), False),  # the routes answer it
    ("How does she get compensated?", ("compensation",), False),
    ("Do kada može da podnese imovinskopravni zahtev?", ("compensation", "deadline"), True),  # a precise question
])
def test_a_general_ask_for_the_routes_remedy_gets_no_lead_above_them(ask, asks, leads):
    from types import SimpleNamespace

    hits = served("zzpl86", "zkp254", "zkp252")
    question = ROUTED_STORY + ask
    d, _, _ = ExtractiveAnswerer().decision(question, hits, plan=SimpleNamespace(story=True, fact_ids=(), applied=(), hits={}, asks=asks))
    assert d.action == "pathways" and bool(d.chosen) is leads
    if not leads:  # nor a provision "bearing on the question" outside the routes' laws (ZZPL čl. 86)
        assert d.related == []


@pytest.mark.parametrize("ask,detail", [
    ("Koji je rok za naknadu nematerijalne štete za pretrpljeni strah?", "deadline"),  # no quote states a term
    ("What is the time limit for compensation of non-pecuniary damage for fear?", "deadline"),
    ("Do kada može da podnese imovinskopravni zahtev?", ""),  # ZKP 254 states it: answered above the routes
])
def test_routes_below_a_precise_question_no_quote_answers_say_so(ask, detail, monkeypatch):
    from types import SimpleNamespace

    from answer.types import Answer

    hits = served("zoo200", "vs", "zkp254", "zkp252")
    plan = SimpleNamespace(story=True, fact_ids=(), applied=(), hits={}, asks=("compensation",))
    d, _, _ = ExtractiveAnswerer().decision(ROUTED_STORY + ask, hits, plan=plan)
    assert (d.action, d.detail, d.confidence) == ("pathways", detail, "medium" if detail else "high")
    # The answer opens with the sentence that says so, and keeps the routes below it.
    monkeypatch.setattr(ExtractiveAnswerer, "pathway_answer",
                        lambda self, *a, **k: Answer(question=ROUTED_STORY + ask, answer="**Pravni putevi**", abstained=False,
                                                     confidence="high"))
    a = ExtractiveAnswerer().run(ROUTED_STORY + ask, hits, plan=plan)
    style = detect_style(ROUTED_STORY + ask)
    note = say(style, "own_unstated", what="deadline")
    assert a.answer.startswith(note) is bool(detail) and a.answer.endswith("**Pravni putevi**")
    assert a.confidence == ("medium" if detail else "high") and not a.abstained


def test_a_general_asks_related_provisions_come_from_its_routes_laws():
    from types import SimpleNamespace

    hits = served("zzpl86", "zkp254", "zkp252", "zoo200")
    route = served("zoo379")[0]  # the route quotes another article of ZOO
    plan = SimpleNamespace(story=True, fact_ids=(), applied=(), hits={"zoo": route}, asks=("compensation",))
    d, _, _ = ExtractiveAnswerer().decision(ROUTED_STORY + "Kako može da dobije naknadu štete?", hits, plan=plan)
    assert [hits[c.hit_index].chunk.source for c in d.related] == [hits[3].chunk.source]  # ZOO, not ZZPL
    # A provision of the plan that no shown route quotes: not for a general ask, which the
    # routes answer (for a precise one it may be the answer: test_pathway_answer's KZ 388).
    plan.hits["zoo200"] = hits[3]
    d, _, _ = ExtractiveAnswerer().decision(ROUTED_STORY + "Kako može da dobije naknadu štete?", hits, plan=plan)
    assert d.related == []


# -- a named provision asked for a figure in a unit -----------------------------------------
def _named_hits(*names):
    return [dataclasses.replace(h, via=("citation",)) for h in served(*names)]


@pytest.mark.parametrize("form, question, _, __", by_form(
    "Koliko evra može da iznosi imovinskopravni zahtev po članu 254 ZKP?", "",
    "How many euros may a property claim under Article 254 of the Criminal Procedure Code amount to?", ""))
def test_a_named_provision_that_states_no_figure_in_the_unit_asked_does_not_answer(form, question, _, __):
    a = ExtractiveAnswerer().run(question, _named_hits("zkp254"))
    assert (a.abstained, a.reason, a.reason_detail) == (True, "type_not_stated", "amount")


@pytest.mark.parametrize("form, question, _, __", by_form(
    "Koliko dana po članu 254 ZKP ima oštećeni da podnese imovinskopravni zahtev?", "",
    "In days, what does Article 254 of the Criminal Procedure Code give the injured party to file a property claim?", ""))
def test_a_named_provision_that_states_the_time_asked_answers(form, question, _, __):
    a = ExtractiveAnswerer().run(question, _named_hits("zkp254"))
    assert not a.abstained and a.citations[0].chunk_id == SAMPLE["zkp254"].id


def test_a_story_is_held_to_a_lower_coverage_than_a_question_asked_in_one_go(monkeypatch):
    """A story's words are mostly facts no provision repeats: a span covering a quarter of
    them may answer it (AnswerConfig.story_support), not a one-sentence question."""
    from answer.config import ANSWER

    seen = []
    real = ExtractiveAnswerer.select

    def spy(self, candidates, hits=None, support=None):
        seen.append(support)
        return real(self, candidates, hits, support)

    monkeypatch.setattr(ExtractiveAnswerer, "select", spy)
    ex = ExtractiveAnswerer()
    ex.decision(GOOD[0], served(*CLAIM_HITS))
    ex.decision(ROUTED_STORY + GOOD[0], served(*CLAIM_HITS))
    # two sentences that tell no case ("… derived from 'Slav'? How did that happen?") are no story
    ex.decision("Is the word 'slave' really derived from the name 'Slav'? How did that happen?", served(*CLAIM_HITS))
    assert seen == [ex.min_support_coverage, ANSWER.story_support, ex.min_support_coverage]
    assert ANSWER.story_support < ex.min_support_coverage


@pytest.mark.parametrize("form, question, _, names", by_form(
    "Radi puno radno vreme u kafani, a broj telefona gazde je jedino što zna. Do kada se može podneti "
    "imovinskopravni zahtev?", "",
    "She works full working hours in a café and only knows the owner's phone number. By when may a property "
    "claim be filed in criminal proceedings?", "", CLAIM_HITS))
def test_a_storys_facts_ask_for_no_contact_details(form, question, _, names):
    """"Puno radno vreme" and "broj telefona" tell the case; the story asks a deadline."""
    a = ExtractiveAnswerer().run(question, served(*names))
    assert not a.abstained and a.citations[0].chunk_id == SAMPLE["zkp254"].id


# The Law on Police's staff rules are a police officer's, not a factory worker's.
POLICE_PAY = Chunk("zakoni/pis/0103-rs-law-zakon-o-policiji.json", "law", "Zakon o policiji",
                   "Policijskom službeniku u slučaju privremene sprečenosti za rad zbog bolesti ili povrede van rada, "
                   "pripada naknada plate u visini 85% osnovne plate, uvećane za minuli rad.",
                   article="190", chapter="VIII. ЉУДСКИ РЕСУРСИ")


@pytest.mark.parametrize("question, factor", [
    *[(q, 0.3) for _, q in serbian_forms("Radnik je pao sa skele u fabrici; koliko mu pripada za bolovanje?")],
    ("A worker fell from scaffolding at the factory; how much sick pay is he owed?", 0.3),
    *[(q, 1.0) for _, q in serbian_forms("Koliko policijskom službeniku pripada za bolovanje?")],
    ("How much sick pay is a police officer owed?", 1.0),
])
def test_the_police_staff_rules_lead_only_for_a_police_officer(question, factor):
    assert regime_factor(question, POLICE_PAY) == factor
    assert regime_factor(question, dataclasses.replace(POLICE_PAY, chapter="V. ПОЛИЦИЈСКИ ПОСЛОВИ")) == 1.0


def test_a_claim_told_in_a_judgment_states_no_amount_but_the_courts_award_does():
    """"What is the fee in dinars under the Law on Employment of Foreigners?" was led by
    "The applicant claimed a total of EUR 17,500 for costs" (Bayatyan v. Armenia § 133)."""
    from answer.states import case_facts_amount
    from tests.fixtures.answer.sample import hits

    paragraph = hits("rantsev")[0].chunk
    facts = dataclasses.replace(paragraph, heading="THE FACTS")
    award = dataclasses.replace(paragraph, heading="IV. APPLICATION OF ARTICLE 41 OF THE CONVENTION")
    assert case_facts_amount("amount", facts)
    assert not case_facts_amount("amount", award)
    assert not case_facts_amount("deadline", facts)
    assert not case_facts_amount("amount", SAMPLE["zkp254"])
