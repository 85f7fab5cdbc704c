"""Which bound of a figure a question asks, and a quote that sets only the other one
(retrieval.answer_bound), as answer_type.states reads it. Every question in four forms."""

import pytest

from retrieval.answer_bound import BOUNDS, asked_bound, only_other_bound
from retrieval.answer_type import asked_type, states
from tests.four_forms import four_forms

# (Serbian question, English question, the bound asked)
ASKED = [
    ("Koliko najduže može da traje period oporavka i razmišljanja?",
     "What is the maximum number of days a recovery and reflection period may last?", "max"),
    ("Koliko najviše dana sme da traje zadržavanje?", "How many days at most may the detention last?", "max"),
    ("Koliko najmanje dana mora da traje period oporavka?", "What is the minimum length of the reflection period?", "min"),
    ("Koliki je rok za žalbu?", "What is the time limit for an appeal?", None),
    ("Koliko najmanje, a koliko najduže traje mera?", "How long, at least and at most, does the measure last?", None),
]


@pytest.mark.parametrize("question,bound", four_forms(ASKED))
def test_asked_bound(question, bound):
    assert asked_bound(question) == bound


FLOOR_EN = "Each Party shall provide in its internal law a recovery and reflection period of at least 30 days."
FLOOR_SR = "Period oporavka i razmišljanja traje najmanje 30 dana."
CEILING_SR = "Zadržavanje može da traje najduže 48 sati."
BOTH_SR = "Mera traje najmanje 30 dana, a najduže šest meseci."
PLAIN_SR = "Žalba se podnosi u roku od 15 dana."


@pytest.mark.parametrize("text,bound,expected", [
    (FLOOR_EN, "max", True), (FLOOR_SR, "max", True), (FLOOR_EN, "min", False),
    (CEILING_SR, "min", True), (CEILING_SR, "max", False),
    (BOTH_SR, "max", False), (BOTH_SR, "min", False), (PLAIN_SR, "max", False), (PLAIN_SR, "min", False),
])
def test_only_other_bound(text, bound, expected):
    assert only_other_bound(text, bound) is expected


@pytest.mark.parametrize("question", [p.values[0] for p in four_forms(ASKED[:2])])
def test_a_floor_does_not_state_how_long_at_most(question):
    assert asked_type(question) == "deadline"
    assert not states(FLOOR_EN, "deadline", question)
    assert not states(FLOOR_SR, "deadline", question)
    assert states(BOTH_SR, "deadline", question) and states(PLAIN_SR, "deadline", question)


def test_a_floor_states_a_minimum_asked():
    assert states(FLOOR_EN, "deadline", "What is the minimum length of the reflection period?")


def test_a_bad_bound_is_refused():
    with pytest.raises(ValueError, match="bound='most'"):
        only_other_bound("najduže 30 dana", "most")
    assert BOUNDS == ("max", "min")
