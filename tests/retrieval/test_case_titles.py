"""The one reader of ECtHR case titles (retrieval.sources.citation_parse.read_case_title)
and the two keys made from it: the citation index's (the first applicant's words, or the
whole title for initials) and absent-source detection's `Case`. The expected values are
what the two separate parsers gave before they shared the reader."""
from __future__ import annotations

import pytest

from retrieval.sources.absent_cases import case_of_title
from retrieval.sources.citation_parse import read_case_title
from retrieval.sources.citations import _case_key


def test_read_case_title_parts():
    case = read_case_title("CASE OF RANTSEV v. CYPRUS AND RUSSIA")
    assert case == ("rantsev v. cyprus and russia", "rantsev", "cyprus and russia")
    assert read_case_title("De Wilde, Ooms and Versyp v. Belgium").first_applicant == "de wilde"
    assert read_case_title("s m protiv hrvatske").respondents == "hrvatske"
    assert read_case_title("no respondent").respondents is None


@pytest.mark.parametrize("title, key, first, names, states", [
    ("Rantsev v. Cyprus and Russia", ("rantsev",), ("rantsev",), {"rantsev"}, {"cyprus", "russia"}),
    ("De Wilde, Ooms and Versyp v. Belgium", ("de", "wilde"), ("wilde", "ooms"), {"wilde", "ooms", "versyp"},
     {"belgium"}),
    ("M. and Others v. Italy and Bulgaria", ("m", "v", "italy", "bulgaria"), ("m",), set(), {"italy", "bulgaria"}),
    ("S.M. v. Croatia", ("s", "m", "v", "croatia"), ("s", "m"), set(), {"croatia"}),
    # The applicant's initial "V." is read as the "v." of the title, so no state (as before).
    ("C.N. and V. v. France", ("c", "n", "v", "v", "france"), ("c", "n"), set(), set()),
    ("Graziani-Weiss v. Austria", ("graziani", "weiss"), ("graziani", "weiss"), {"graziani", "weiss"}, {"austria"}),
    ("Tibet Menteş and Others v. Turkey", ("tibet", "mentes"), ("tibet", "mentes"), {"tibet", "mentes"}, {"turkey"}),
])
def test_both_keys_of_a_title(title, key, first, names, states):
    assert _case_key(title) == key
    case = case_of_title(title)
    assert (case.first, set(case.names), set(case.states)) == (first, names, states)
