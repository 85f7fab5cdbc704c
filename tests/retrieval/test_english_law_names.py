"""Every Serbian statute the aliases list can be named in English ("the Law on Enforcement
and Security", "the General Administrative Procedure Act") and is then a source the
corpus holds, not one it lacks (retrieval.sources.absent). Before round 19, 32 of the 48
had no English name, and a question naming one in English was refused as asking about
a source the corpus lacks."""
import re

import pytest

from core.records import Document
from retrieval.sources.absent import absent_references, known_sources
from retrieval.sources.aliases import load_aliases
from retrieval.sources.citations import CitationIndex

ENTRIES = load_aliases().entries
STATUTES = sorted(s for s in ENTRIES if s.startswith("zakoni/"))
_ENGLISH = re.compile(r"^(?:[a-z' -]+ (?:act|code)|(?:[a-z' -]+ )?law(?: on| of)? [a-z ,'-]+|[a-z -]+ law"
                      r"|(?:serbian )?constitution(?: of serbia)?)$")


def english_names(source: str) -> list[str]:
    return [a for a in ENTRIES[source]["aliases"] if a.isascii() and _ENGLISH.match(a)
            and not a.startswith(("zakon", "ustav"))]


@pytest.fixture(scope="module")
def known():
    docs = [Document(s, "law", ENTRIES[s]["name"]) for s in STATUTES]
    return known_sources(CitationIndex([], docs), docs, [])


@pytest.mark.parametrize("source", STATUTES)
def test_every_statute_has_an_english_name(source):
    assert english_names(source), f"{source}: no English name among its aliases"


@pytest.mark.parametrize("source", STATUTES)
def test_a_statute_named_in_english_is_held(source, known):
    for name in english_names(source):
        for question in (f"Under the Serbian {name}, what must the authority do?", f"What does the {name} say?"):
            assert absent_references(question, None, known=known) == [], question


def test_a_foreign_law_named_in_english_is_still_absent(known):
    assert absent_references("Under the Croatian Law on Obligations, what is the limitation period?", None,
                             known=known) == ["Croatian Law on Obligations"]
