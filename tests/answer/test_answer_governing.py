"""answer.governing: a subject governed by a Serbian law the corpus does not hold.

The bundled table parses; the question's own (closing) question must meet every group,
in Serbian Latin, Cyrillic, without diacritics and in English; 'unless' undoes a match
("lice bez državljanstva"); a story's background never triggers it; a retrieved
document holding the law means nothing is missing; a bad table is refused naming the
file. Then the decision: such a question abstains as subject_missing, naming the law.
"""
import json
from types import SimpleNamespace

import pytest

from answer import governing as G
from answer.governing import governing_law, held
from tests.four_forms import four_forms

ROWS = [
    ("Pod kojim uslovima žrtva može da stekne državljanstvo Republike Srbije?", "citizenship",
     "Under what conditions can a victim acquire Serbian citizenship?", "citizenship"),
    ("Ima li pravo na novčanu naknadu za slučaj nezaposlenosti?", "unemployment_benefit",
     "Is he entitled to unemployment benefit?", "unemployment_benefit"),
    ("Koji su uslovi za upis deteta u vrtić?", "preschool", "What are the conditions to enrol a child in kindergarten?",
     "preschool"),
    ("Da li lice bez državljanstva može da dobije privremeni boravak?", None,
     "Can a stateless person obtain temporary residence?", None),
    ("Da li žrtva koja ima srpsko državljanstvo ima pravo na besplatnu pravnu pomoć?", None,
     "Is a victim with Serbian citizenship entitled to free legal aid?", None),
]


@pytest.mark.parametrize("question,expected", four_forms(ROWS))
def test_the_subjects_a_question_asks_about(question, expected):
    g = governing_law(question)
    assert (g.id if g else None) == expected


def test_a_storys_background_is_not_what_it_asks():
    story = "Klijentkinja je pre dve godine dobila srpsko državljanstvo. Gazda joj nije platio. Kako da ga tuži?"
    assert governing_law(story) is None
    assert governing_law("Klijentkinja je iz Moldavije. Kako da dobije srpsko državljanstvo?").id == "citizenship"


def test_a_retrieved_document_of_that_law_means_nothing_is_missing():
    g = governing_law("Kako se stiče državljanstvo prijemom?")
    law = SimpleNamespace(document=SimpleNamespace(title="ZAKON O DRŽAVLJANSTVU REPUBLIKE SRBIJE"), chunk=None)
    other = SimpleNamespace(document=SimpleNamespace(title="ZAKON O STRANCIMA"), chunk=None)
    assert held(g, [other, law]) and not held(g, [other])
    assert g.detail == "sticanje državljanstva — Zakon o državljanstvu Republike Srbije"


@pytest.mark.parametrize("bad", [{"subjects": [{"id": "x", "subject": "x", "law": "", "title": "x", "when": []}]},
                                 {"subjects": [{"id": "x", "subject": "x", "law": "", "title": "x", "when": [[]]}]},
                                 {"subjects": [{"id": "x", "when": [["a"]]}]},
                                 {"laws": []}])
def test_a_bad_table_is_refused_naming_the_file(tmp_path, bad):
    path = tmp_path / "governing_laws.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="governing_laws.json"):
        G._entries(str(path))


def test_the_decision_names_the_law():
    from answer.decide import decide

    other = SimpleNamespace(document=SimpleNamespace(title="ZAKON O STRANCIMA"), chunk=SimpleNamespace(title=""),
                            via=("bm25",))
    d = decide("Kako moja klijentkinja može da stekne srpsko državljanstvo?", [other], [], 0.9, 0.35,
               absent=(), plan=None, chosen=[], named=False, context=lambda h: [])
    assert d.action == "abstain" and d.reason == "subject_missing" and "Zakon o državljanstvu" in d.detail
