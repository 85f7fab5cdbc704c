"""The unit a question names for its figure, and whether a quote states a number in it
(retrieval.answer_unit), and how answer_type reads it. Every question in four forms."""

import pytest

from retrieval.answer_type import asked_type, states
from retrieval.answer_unit import UNITS, asked_unit, states_unit, unit_type
from tests.four_forms import four_forms

# (Serbian question, English question, the unit named)
NAMED = [
    ("Na koliko evra je konvencijom fiksirana gornja granica naknade?",
     "How many euros is the upper limit of compensation fixed at?", "money"),
    ("Koliko dinara iznosi naknada svedoku za jedan dan?", "What is the witness allowance in dinars for one day?", "money"),
    ("Kolika je satnica kućne pomoćnice po konvenciji?", "What hourly wage does the convention fix for domestic workers?", "money"),
    ("Koliko časova obuke mora da završi advokat?", "How many hours of training must a lawyer complete?", "short_time"),
    ("Posle koliko minuta mora da se napravi pauza u saslušanju?",
     "After how many minutes must a hearing be interrupted?", "short_time"),
    ("Koliko najduže sme da traje smeštaj u prihvatilištu?",
     "What is the maximum duration of a stay in a shelter?", "long_time"),
    # no unit named: the type comes from the cue words alone
    ("Koliko dana ima oštećeni da podnese predlog?", "When does the injured party's time to file a motion expire?", None),
    ("Kolika je kazna za trgovinu ljudima?", "What is the penalty for human trafficking?", None),
]


@pytest.mark.parametrize("question,unit", four_forms(NAMED))
def test_asked_unit(question, unit):
    assert asked_unit(question) == unit


@pytest.mark.parametrize("question,kind", four_forms([
    # "na koliko" alone asks for a term ("na koliko je osuđen"); with a currency, a sum
    ("Na koliko evra je fiksirana gornja granica naknade po žrtvi?",
     "In euros, what is the upper limit of compensation per victim?", "amount"),
    ("Koliko časova srpskog jezika godišnje mora da pohađa lice kome je odobren azil?",
     "How many hours of Serbian classes a year must a refugee attend?", "deadline"),
    ("Koliko najduže sme da traje saslušanje deteta?", "What is the maximum duration of a child's interview?", "deadline"),
    # a time unit names the type only where no cue does: "časova" may be school lessons
    ("Posle koliko neopravdanih časova škola obaveštava roditelja i kolika je kazna?",
     "After how many unexcused lessons must the school notify the parent, and what is the fine?", "amount"),
]))
def test_a_named_unit_decides_the_type(question, kind):
    assert asked_type(question) == kind


def test_the_unit_of_a_story_is_read_in_its_own_question():
    """A story's facts may speak of euros; what it asks is in its last sentence."""
    story = "Plaćali su je dva evra na sat. Ko je nadležan za njenu tužbu?"
    assert asked_unit(story) is None
    assert asked_type(story) == "body"


@pytest.mark.parametrize("quote,unit,expected", [
    ("Naknada se isplaćuje u iznosu od 5.000 dinara.", "money", True),
    ("The Committee awarded EUR 10,000 in respect of non-pecuniary damage.", "money", True),
    ("Each Member shall take measures to ensure that domestic workers enjoy minimum wage coverage.", "money", False),
    ("Prekovremeni rad ne sme da traje duže od osam časova nedeljno.", "short_time", True),
    ("Saslušanje se prekida posle 45 minuta.", "short_time", True),
    ("u roku od 15 dana od dana pravnosnažnosti rešenja", "short_time", False),
    ("najkasnije do završetka glavnog pretresa", "long_time", True),  # any deadline states a long time
])
def test_states_unit(quote, unit, expected):
    assert states_unit(quote, unit) is expected


def test_states_asks_a_quote_for_the_unit_named():
    q = "Koliko časova srpskog jezika godišnje mora da pohađa lice kome je odobren azil?"
    assert not states("… u roku od 15 dana od dana pravnosnažnosti rešenja …", "deadline", q)
    assert states("… pohađa 300 časova nastave srpskog jezika …", "deadline", q)
    assert states("u roku od 15 dana", "deadline", "Koliko dana ima da se prijavi?")


@pytest.mark.parametrize("bad", ["euro", "", "time"])
def test_an_unknown_unit_is_named_in_the_error(bad):
    for f in (lambda: unit_type(bad), lambda: states_unit("10 dana", bad)):
        with pytest.raises(ValueError, match=repr(bad)):
            f()
    assert set(UNITS) == {"money", "short_time", "long_time"}
