"""The priors on a fused score (retrieval.priors): here, an ECtHR judgment's facts part."""
import pytest

from core.records import Chunk
from retrieval.config import RANKING
from retrieval.priors import echr_facts, prior


def _par(heading: str | None) -> Chunk:
    return Chunk("echr/001-96549.json", "echr_judgment", "Rantsev v. Cyprus and Russia", "284. The Court considers …",
                 paragraph="284", heading=heading)


@pytest.mark.parametrize("heading, facts", [
    ("I. THE CIRCUMSTANCES OF THE CASE – B. Events leading to the applicant's daughter's death", True),
    ("RELEVANT DOMESTIC LAW AND PRACTICE – A. Cyprus", True),
    ("I. ALLEGED VIOLATION OF ARTICLE 4 OF THE CONVENTION – 3. Application of the general principles", False),
    ("IX. APPLICATION OF ARTICLE 41 OF THE CONVENTION", False),
    ("THE LAW", False),
    (None, False),  # a judgment whose paragraphs carry no heading: nothing to tell them apart by
])
def test_the_facts_part_of_a_judgment(heading, facts):
    assert echr_facts(_par(heading)) is facts


def test_a_facts_paragraph_weighs_less_than_the_courts_assessment():
    facts = prior(_par("I. THE CIRCUMSTANCES OF THE CASE"), (), False, False)
    law = prior(_par("I. ALLEGED VIOLATION OF ARTICLE 4 OF THE CONVENTION"), (), False, False)
    assert law == 1.0 and facts == pytest.approx(RANKING.echr_facts_prior) and facts < law


def test_a_statute_article_is_not_a_judgments_paragraph():
    art = Chunk("zakoni/krivicni_zakonik.txt", "law", "Krivični zakonik", "Ko vrbuje …", article="388",
                heading="Trgovina ljudima")
    assert not echr_facts(art) and prior(art, (), False, False) == 1.0
