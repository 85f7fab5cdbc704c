"""retrieval.synonyms and the searcher's word legs (retrieval.searcher_words).

The bundled thesaurus (retrieval/data/synonyms_sr.json) parses and a lawyer's pairs are
in it; an everyday word meets its entry in Serbian Latin, Cyrillic and without
diacritics, never in English (the glossary's job); a phrase needs its words in order;
the rewritten query keeps the question's other words; a bad entry is refused naming the
file. Then the searcher: a question meeting the thesaurus gets the "synonyms" leg, a
story's closing question the "ask" leg, and a weight of 0 turns either off.
"""
import json

import pytest

from retrieval import synonyms as Y
from retrieval.analyzer import analyze
from retrieval.glossary import keyword_tokens
from tests.four_forms import serbian_forms
from tests.ui_fixtures import ui_index  # noqa: F401 (fixture)


def law_of(question: str) -> set[str]:
    return {s for _, law in Y.matches(question) for s in law}


def test_the_bundled_thesaurus_parses_and_holds_a_lawyers_pairs():
    table = Y._table(str(Y.DATA))
    assert len(table) >= 300
    pairs = {"plata": "zarada", "gazda": "poslodavac", "saslušan": "ispitan", "javi": "obavestiti",
             "optuženog": "okrivljenog", "dosuđene": "utvrđena", "kirija": "zakupnina", "alimentacija": "izdržavanje"}
    for lay, law in pairs.items():
        assert set(analyze(law, "serbian")) <= law_of(f"Pitanje: {lay}"), lay


@pytest.mark.parametrize("form,question", serbian_forms("Gazda joj dve godine nije dao platu."))
def test_an_everyday_word_meets_its_entry_in_three_serbian_forms(form, question):
    assert {"zarad", "poslodavc"} <= law_of(question), form


def test_english_is_left_to_the_glossary():
    assert Y.matches("Her boss never paid her wages. What can she do?") == []


def test_a_phrase_needs_its_words_in_order():
    assert set(analyze("ugovor o radu", "serbian")) <= law_of("Radila je na crno dve godine.")
    assert not set(analyze("pisanom obliku", "serbian")) & law_of("Bilo je crno na belo.")


def test_the_rewritten_query_replaces_the_everyday_words_and_keeps_the_rest():
    q = "Kako oštećeni može da bude saslušan bez prisustva optuženog?"
    rewritten = Y.statute_query(q, keyword_tokens(q))
    assert "saslusa" not in rewritten and "optuzen" not in rewritten
    assert {"ispita", "okrivlen", "ostecen", "prisustv"} <= set(rewritten)
    assert Y.statute_query("Rok za žalbu na rešenje?", keyword_tokens("Rok za žalbu na rešenje?")) is None


@pytest.mark.parametrize("bad", [
    {"entries": [{"lay": [], "law": "zarada"}]},
    {"entries": [{"lay": "plata", "law": "zarada"}]},  # a string, not a list
    {"entries": [{"law": "zarada"}]},
    {"words": []},
    {"entries": [{"lay": ["plata"], "law": ""}]},
    {"entries": [{"lay": ["i", "ili"], "law": "zarada"}]},  # stopwords only: nothing to meet
])
def test_a_bad_entry_is_refused_naming_the_file(tmp_path, bad):
    path = tmp_path / "synonyms_sr.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="synonyms_sr.json"):
        Y._table(str(path))


# -- the searcher ----------------------------------------------------------------------------
STORY = ("Moja klijentkinja je godinu dana radila kod čoveka koji joj je uzeo pasoš. "
         "Sada nema para. Ko može da joj pomogne besplatno?")


@pytest.fixture()
def toy(tmp_path, monkeypatch):
    path = tmp_path / "synonyms_sr.json"
    path.write_text(json.dumps({"entries": [{"lay": ["gazda", "gazde"], "law": "besplatna pravna pomoć pružalac"}]}),
                    encoding="utf-8")
    monkeypatch.setattr(Y, "DATA", path)
    monkeypatch.setattr(Y.statute_query, "__defaults__", (path,))
    monkeypatch.setattr(Y.matches, "__defaults__", (path,))


def test_a_question_meeting_the_thesaurus_gets_the_synonyms_leg(ui_index, toy):  # noqa: F811
    import retrieval.searcher as S

    s = S.Searcher(ui_index[1])
    hits = s.search("gazda", k=10, mode="bm25")
    leg = [h for h in hits if "synonyms" in h.via]
    assert leg and "besplatn" in leg[0].chunk.source
    off = S.Searcher(ui_index[1], weights={**S.DEFAULT_WEIGHTS, "synonyms": 0.0})
    assert not any("synonyms" in h.via for h in off.search("gazda", k=10, mode="bm25"))


def test_a_storys_closing_question_gets_the_ask_leg(ui_index):  # noqa: F811
    import retrieval.searcher as S

    s = S.Searcher(ui_index[1])
    assert any("ask" in h.via for h in s.search(STORY, k=10, mode="bm25"))
    assert not any("ask" in h.via for h in s.search("Ko može da pomogne besplatno?", k=10, mode="bm25"))
    off = S.Searcher(ui_index[1], weights={**S.DEFAULT_WEIGHTS, "ask": 0.0})
    assert not any("ask" in h.via for h in off.search(STORY, k=10, mode="bm25"))
