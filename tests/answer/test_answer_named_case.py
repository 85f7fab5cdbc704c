"""A question naming an ECtHR case is never answered from another case's paragraph
(answer.regime.other_case, answer.decide): what M. and Others v. Italy awarded is no
answer to what Chowdury v. Greece awarded. In four forms."""
import pytest

from answer import ExtractiveAnswerer
from answer.regime import other_case
from core.records import Chunk, Document
from retrieval.hit import Hit
from tests.four_forms import four_forms

NAMED = Chunk(source="echr/001-172701.json", kind="echr_judgment", title="Chowdury and Others v. Greece",
              text="The applicants were Bangladeshi nationals who worked on a strawberry farm in Manolada without pay.",
              paragraph="5")
OTHER = Chunk(source="echr/001-112576.json", kind="echr_judgment", title="M. and Others v. Italy and Bulgaria",
              text="The Court awards each applicant EUR 16,000 in respect of non-pecuniary damage as just satisfaction.",
              paragraph="188")
DOCS = {c.source: Document(c.source, "echr_judgment", c.title, language="en") for c in (NAMED, OTHER)}


def hits(named_first: bool = False, named_via: bool = True):
    order = [NAMED, OTHER] if named_first else [OTHER, NAMED]
    return [Hit(i + 1, 1.0 / (i + 1), c, document=DOCS[c.source],
                via=("named", "bm25") if c is NAMED and named_via else ("bm25",)) for i, c in enumerate(order)]


QUESTION = four_forms([(
    "U predmetu Chowdury i drugi protiv Grčke, koliko je novca Sud dosudio svakom podnosiocu na ime pravičnog "
    "zadovoljenja?",
    "In Chowdury and Others v. Greece, how much money did the Court award each applicant as just satisfaction?",
    None)])


def test_a_paragraph_of_another_case_is_other_only_when_a_case_is_named():
    assert other_case(hits(), OTHER) and not other_case(hits(), NAMED)
    assert not other_case(hits(named_via=False), OTHER)  # no case named: any case may answer


@pytest.mark.parametrize("question, _", QUESTION)
def test_a_named_case_is_not_answered_from_another(question, _):
    ans = ExtractiveAnswerer().run(question, hits())
    assert ans.abstained or all(c.source == NAMED.source for c in ans.citations[:1])


LAW = Chunk(source="zakoni/zakon_o_zaposljavanju_stranaca.txt", kind="law", title="Zakon o zapošljavanju stranaca",
            text="Zapošljavanje stranca ostvaruje se pod uslovom da poseduje jedinstvenu dozvolu.", article="9")
CLAIM = Chunk(source="echr/001-105611.json", kind="echr_judgment", title="Bayatyan v. Armenia",
              text="The applicant claimed a total of EUR 17,500 for costs and expenses, including legal fees.",
              paragraph="133")


def test_a_named_statute_is_not_answered_from_a_case():
    """"What is the fee in dinars under the Law on Employment of Foreigners?" is not
    answered by what an applicant claimed in Bayatyan v. Armenia."""
    docs = {LAW.source: Document(LAW.source, "law", LAW.title), CLAIM.source: Document(CLAIM.source, "echr_judgment",
                                                                                        CLAIM.title, language="en")}
    named = [Hit(1, 1.0, LAW, document=docs[LAW.source], via=("named", "bm25")),
             Hit(2, 0.5, CLAIM, document=docs[CLAIM.source], via=("bm25",))]
    assert other_case(named, CLAIM) and not other_case(named, LAW)
    unnamed = [Hit(h.rank, h.score, h.chunk, document=h.document, via=("bm25",)) for h in named]
    assert not other_case(unnamed, CLAIM)  # nothing named: a case may answer
