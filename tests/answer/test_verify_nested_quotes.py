"""A quoted decision that itself quotes a name (JKP „Vodovod“ Leskovac) is one quote:
its inner marks do not end it early, so its numbers and dates are checked against the
source as a whole and the citation stays verified."""
from answer.verify import check, quote_spans
from core.records import Chunk, Document
from retrieval.hit import Hit

TEXT = ("Stavom drugim izreke, odbijen je kao neosnovan tužbeni zahtev kojim je tužilja tražila da se obaveže tuženi "
        "JKP „Vodovod“ Leskovac da joj isplati iznos od 40.000,00 dinara sa zakonskom zateznom kamatom od dana "
        "presuđenja 10.06.2024. godine do isplate.")


def _hit() -> Hit:
    doc = Document("sudska_praksa/vrhovni_sud/gradjanska/Rev_1_2025.json", "court_decision", "Vrhovni sud, Rev 1/2025",
                   meta={"court": "Vrhovni sud", "decision_number": "Rev 1/2025", "date": "2026-03-26"})
    chunk = Chunk(doc.source, "court_decision", doc.title, TEXT, section="OBRAZLOŽENJE")
    return Hit(1, 1.0, chunk, document=doc)


def test_a_quote_with_quoted_words_inside_is_one_quote():
    answer = f"**Odgovor:** „{TEXT}“ [1] (Vrhovni sud, Rev 1/2025)"
    spans = quote_spans(answer)
    assert len(spans) == 1 and spans[0][0] == TEXT


def test_its_numbers_and_dates_verify_against_the_source():
    report = check(f"**Odgovor:** „{TEXT}“ [1] (Vrhovni sud, Rev 1/2025)", [_hit()])
    assert report.ok and report.number_ok(1)
