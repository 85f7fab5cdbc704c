"""Whether a question asks how many things there are, and whether a quote states a number
of things (retrieval.answer_count). Questions in four forms."""

import pytest

from retrieval.answer_count import asks_count, states_count
from tests.four_forms import four_forms

COUNTS = [
    ("Koliko posebnih izveštaja je Zaštitnik građana objavio?", "How many special reports has the Ombudsman published?"),
    ("Koliko ukupno područnih policijskih uprava ima Ministarstvo?", "How many regional police directorates are there?"),
    ("Od koliko članova se sastoji veće?", "Of how many members does the panel consist?"),
    ("Da li je to krivično delo i koliko sudija sudi u veću?", "Is it a crime, and how many judges sit on the panel?"),
]
NOT_COUNTS = [
    # a time, a sum, a share, a manner: other kinds, or none
    ("Koliko dana ima da podnese žalbu?", "How many days does she have to appeal?"),
    ("Koliko najduže sme da traje pritvor?", "How long may detention last at most?"),
    ("Koliko je sud dosudio na ime štete?", "How much did the court award in damages?"),
    ("Koliko joj pripada po zakonu?", "How much is she entitled to under the law?"),
    ("Koliko brzo sud mora da odluči?", "How quickly must the court decide?"),
    ("Ima li pravo na naknadu za neiskorišćeni odmor, i koliko?", "Is she owed pay for unused leave, and how much?"),
    # "koliko" inside a clause does not ask: "may the court set how much I owe?"
    ("Može li sud da odredi koliko mi duguje?", "May the court set what I owe?"),
]


@pytest.mark.parametrize("question,counts", four_forms([(sr, en, True) for sr, en in COUNTS]
                                                       + [(sr, en, False) for sr, en in NOT_COUNTS]))
def test_asks_count(question, counts):
    assert asks_count(question) is counts


@pytest.mark.parametrize("text,stated", [
    ("Veće se sastoji od tri sudije.", True),
    ("Savet ima devet članova.", True),
    ("Hitna mera traje 48 sati.", True),
    ("u roku od deset (10) dana", True),
    ("kazniće se zatvorom do tri godine", True),
    ("The Group shall be composed of minimum 10 and maximum 15 members.", True),
    # a citation, a gazette number, a date, a year, any article's "one": no count
    ("(„Službeni glasnik RS”, broj 19/09)", False),
    ("u smislu člana 16. stav 1. ovog zakona", False),
    ("prema čl. 5 i br. 7", False),
    ("od 15. januara 2021. godine", False),
    ("jedno lice koje je oštećeno", False),
    ("Zaštitnik građana obavlja poslove nacionalnog izvestioca.", False),
])
def test_states_count(text, stated):
    assert states_count(text) is stated
    assert states_count(text.upper()) is stated  # normalised first


@pytest.mark.parametrize("text,question,stated", [
    # the number must count the question's own things
    ("Veće se sastoji od tri sudije.", "Koliko sudija sudi u veću?", True),
    ("Savet ima devet stalnih članova.", "Koliko članova ima Savet?", True),
    ("u roku koji ne može biti kraći od 15 ni duži od 90 dana", "Koliko posebnih izveštaja je objavio?", False),
    ("Zaštitnik je objavio tri posebna izveštaja.", "Koliko posebnih izveštaja je objavio?", True),
    # across languages only the number is asked for: the glossary does not count
    ("Veće se sastoji od tri sudije.", "How many judges sit on the panel?", True),
])
def test_states_count_of_the_things_asked(text, question, stated):
    assert states_count(text, question) is stated


def test_a_time_later_in_the_clause_is_no_count():
    assert not asks_count("Šta policija može da uradi i koliko takva mera može da traje?")
