"""Abstention: weak evidence -> "Nisam pronašao…" with possibly relevant sources, never an invented answer."""
import pytest

import answer.labels
from answer.abstain import DEFAULT_THRESHOLD, AbstentionPolicy, calibrate_threshold, evidence_score
from answer.extractive import ExtractiveAnswerer
from core.errors import ConfigError
from tests.fixtures.answer.sample import ALIASES, hits


@pytest.fixture(autouse=True)
def _aliases(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES)


def test_unanswerable_question_abstains_and_lists_closest_sources():
    a = ExtractiveAnswerer().run("Koja je kazna za krađu automobila u Nemačkoj?", hits("kz388", "zoo200", "zkp254"))
    assert a.abstained
    assert a.answer.startswith("Nisam pronašao odgovor u izvorima.")
    assert "Možda relevantno:" in a.answer
    assert "„" not in a.answer  # nothing quoted as if it were the answer
    assert 1 <= len(a.citations) <= 3 and all(f"[{c.n}]" in a.answer for c in a.citations)
    assert a.evidence < DEFAULT_THRESHOLD


def test_english_abstention_text():
    a = ExtractiveAnswerer().run("What is the speed limit on German motorways?", hits("cets197", "rantsev"))
    assert a.abstained and a.answer.startswith("I did not find an answer in the sources.")
    assert "Possibly relevant:" in a.answer


def test_no_hits_abstains_without_citations():
    a = ExtractiveAnswerer().run("Do kada se može podneti imovinskopravni zahtev?", [])
    assert a.abstained and a.citations == [] and a.answer == "Nisam pronašao odgovor u izvorima."


def test_answerable_question_scores_above_threshold_and_evidence_is_exposed():
    a = ExtractiveAnswerer().run("Do kada se može podneti imovinskopravni zahtev?", hits("zkp254", "zkp252"))
    assert not a.abstained and a.evidence >= DEFAULT_THRESHOLD
    assert a.to_dict()["evidence"] == round(a.evidence, 4)


def test_threshold_is_a_validated_argument_that_decides():
    q, hs = "Da li žrtva trgovine ljudima ima pravo na besplatnu pravnu pomoć?", hits("zbpp4", "kz388")
    partial = ExtractiveAnswerer().run(q, hs).evidence
    assert 0.0 < partial < 1.0
    assert ExtractiveAnswerer(threshold=min(1.0, partial + 0.05)).run(q, hs).abstained
    assert not ExtractiveAnswerer(threshold=partial).run(q, hs).abstained
    for bad in (-0.1, 1.1, "0.5", None):
        with pytest.raises(ConfigError, match="threshold"):
            AbstentionPolicy(bad)
    assert AbstentionPolicy(0.5).abstain(0.49) and not AbstentionPolicy(0.5).abstain(0.5)


def test_evidence_score_takes_the_best_of_the_top_spans():
    assert evidence_score([0.2, 0.9, 0.1, 1.0]) == 0.9
    assert evidence_score([]) == 0.0


def test_calibrate_threshold_separates_answerable_from_unanswerable():
    scores = [0.9, 0.8, 0.75, 0.3, 0.2, 0.6]
    labels = [True, True, True, False, False, False]
    t = calibrate_threshold(scores, labels)
    assert 0.6 < t <= 0.75
    assert all((s >= t) == y for s, y in zip(scores, labels))
    # Few unanswerable questions: plain accuracy never abstains, balanced does.
    scores, labels = [0.2] + [0.9] * 8 + [0.3, 0.95], [True] * 9 + [False, False]
    assert calibrate_threshold(scores, labels) == 0.0
    assert 0.3 < calibrate_threshold(scores, labels, balanced=True) <= 0.9
    with pytest.raises(ConfigError):
        calibrate_threshold([0.1], [])
    with pytest.raises(ConfigError):
        calibrate_threshold([], [])


NAMES = "V.C.L. and A.N. v. the United Kingdom; Rev 9999/2024"


@pytest.mark.parametrize("question, script, head", [
    ("Šta kaže Zakon o naknadi žrtvama krivičnih dela?", None,
     ["Nisam pronašao odgovor u izvorima.", f"Izvori ne sadrže: {NAMES}.", "", "Možda relevantno:"]),
    ("Шта каже Закон о накнади жртвама кривичних дела?", None,
     ["Нисам пронашао одговор у изворима.", f"Извори не садрже: {NAMES}.", "", "Можда релевантно:"]),
    ("Šta kaže Zakon o naknadi žrtvama krivičnih dela?", "cyrillic",
     ["Нисам пронашао одговор у изворима.", f"Извори не садрже: {NAMES}.", "", "Можда релевантно:"]),
    ("What does the Serbian law say about compensation of victims?", None,
     ["I did not find an answer in the sources.", f"The sources do not contain: {NAMES}.", "", "Possibly relevant:"]),
])
def test_absent_sources_are_named_in_every_style(question, script, head):
    # The names stay as the user wrote them (an English case name is not transliterated).
    a = ExtractiveAnswerer(script=script).run(question, hits("zoo200", "kz388"),
                                              absent=["V.C.L. and A.N. v. the United Kingdom", "Rev 9999/2024"])
    assert a.abstained and a.answer.split("\n")[:4] == head and a.citations
    assert a.notices == []  # the self-check accepts the line that names no source


def test_absent_without_hits_names_them_and_lists_nothing():
    a = ExtractiveAnswerer().run("Zakon o zaštiti žrtava trgovine ljudima", [], absent=["Zakon o zaštiti žrtava trgovine ljudima"])
    assert a.abstained and a.citations == []
    assert a.answer == "Nisam pronašao odgovor u izvorima.\nIzvori ne sadrže: Zakon o zaštiti žrtava trgovine ljudima."


def test_whole_index_idf_keeps_words_every_span_shares():
    # Weighed by the retrieved spans alone, words that every span holds count for
    # nothing, so a question whose words all match looked like weak evidence.
    from answer.sentences import idf_table
    from retrieval.term_stats import TermStats

    terms = [("besplatn",), ("pravn",), ("pomoc",), ("fond",)]
    docs = [{"besplatn", "pravn", "pomoc"}] * 4
    local = idf_table(docs, terms)
    assert local[("besplatn",)] < 0.2 * local[("fond",)]
    stats = TermStats(25_000, {"besplatn": 160, "pravn": 5000, "pomoc": 800, "fond": 190}.get)
    glob = idf_table(docs, terms, stats)
    assert glob[("besplatn",)] > 0.9 * glob[("fond",)]
    # A word with several stems takes its commonest: alternatives never inflate it.
    assert idf_table(docs, [("pravn", "fond")], stats)[("pravn", "fond")] == stats.idf("pravn")


def test_untranslatable_words_weigh_less_against_a_text_in_the_other_language(monkeypatch):
    # "woman", "simply" can never occur in a Serbian statute: against one they are
    # unknown rather than missing, so they weigh CROSS_WEIGHT there.
    import answer.candidates as candidates  # where score_candidates reads CROSS_WEIGHT
    from answer.extractive import score_candidates

    q = "Is a woman simply entitled to fair monetary compensation for mental suffering?"
    hs = hits("zoo200")
    lenient = max(c.coverage for c in score_candidates(q, hs))
    monkeypatch.setattr(candidates, "CROSS_WEIGHT", 1.0)
    strict = max(c.coverage for c in score_candidates(q, hs))
    assert lenient > strict
    # A question in the text's own language is measured as before.
    sr = "Da li žena ima pravo na pravičnu novčanu naknadu za duševne bolove?"
    monkeypatch.setattr(candidates, "CROSS_WEIGHT", 0.0)
    zero = max(c.coverage for c in score_candidates(sr, hs))
    monkeypatch.setattr(candidates, "CROSS_WEIGHT", 1.0)
    assert max(c.coverage for c in score_candidates(sr, hs)) == zero


def test_scoring_the_same_hits_again_gives_the_same_candidates_whatever_was_asked_between():
    # A pathway answer scores the same hits once per route, and a chunk's spans and tokens
    # are computed once (answer.candidates): nothing one scoring adds may leak into the next.
    from answer.extractive import score_candidates

    hs = hits("zoo200")
    q = "Da li žena ima pravo na pravičnu novčanu naknadu za duševne bolove?"
    first = score_candidates(q, hs)
    score_candidates("Do kada se može tražiti naknada štete?", hs)
    score_candidates("How much compensation for fear?", hs)
    assert score_candidates(q, hs) == first
