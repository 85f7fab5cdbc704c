"""The question's subject terms (answer.subject): asking words are never the subject, so
"Da li je marihuana legalna …" is about marijuana, and a subject no retrieved unit holds
is missing although the asking word is held everywhere."""
import pytest

from answer.subject import Subject, meets, missing
from answer.sentences import query_terms
from retrieval.analyzer import analyze
from tests.four_forms import serbian_forms


def subject(question: str, idf: dict[str, float]) -> Subject:
    terms = query_terms(question)
    return Subject(terms, {t: max(idf.get(a, 3.0) for a in t) for t in terms}, {t: t[0] for t in terms})


@pytest.mark.parametrize("form,question", serbian_forms("Da li je marihuana legalna u Srbiji za medicinsku upotrebu?"))
def test_an_asking_word_is_neither_key_nor_rare(form, question):
    s = subject(question, {"legaln": 7.6, "marihuan": 7.1, "medicinsk": 4.9})
    assert [t for t in s.rare] == [t for t in s.terms if "marihuan" in t]
    assert all("legaln" not in t for t in s.key)
    held = [set(analyze("Prodaja lekova je legalna samo u apoteci, za medicinsku upotrebu."))]
    assert missing(s, held) == [next(t[0] for t in s.terms if "marihuan" in t)]


def test_a_held_subject_is_not_missing():
    s = subject("Da li je marihuana legalna u Srbiji?", {"legaln": 7.6, "marihuan": 7.1})
    assert missing(s, [set(analyze("Marihuana je opojna droga."))]) == []


def test_a_rare_second_key_term_must_be_met_too():
    q = "Koja dokumenta su potrebna za upis u prvi razred osnovne škole?"
    s = subject(q, {"razred": 7.2, "skol": 5.1, "upi": 4.8})
    assert not meets(s, set(analyze("Razred opasnosti se određuje prema vrsti robe.")))
    assert meets(s, set(analyze("Upis u prvi razred osnovne škole vrši se na osnovu prijave roditelja.")))
    common = subject(q, {"razred": 7.2, "skol": 3.0, "upi": 2.8})  # a common second term is met by the topic
    assert meets(common, set(analyze("Razred se upisuje u evidenciju.")))


@pytest.mark.parametrize("question, word", [("Kolika je opšta stopa PDV-a u Srbiji i koje usluge se oporezuju?", "PDV"),
                                            ("Колика је општа стопа ПДВ-а у Србији и које услуге се опорезују?", "ПДВ")])
def test_an_abbreviation_no_source_holds_is_a_missing_subject_whatever_its_share(question, word):
    from answer.subject import subject_of

    rarities = {"pdv": 7.7, "oporezuj": 7.6, "stop": 5.7, "uslug": 3.3, "opst": 3.0, "srbij": 2.2}

    def subject(q, idf):  # the words as the question writes them, which say "abbreviation"
        s0 = subject_of(q, [])
        return Subject(s0.terms, {t: max(idf.get(a, 3.0) for a in t) for t in s0.terms}, s0.words)

    s = subject(question, rarities)
    income_tax = set(analyze("Zarada se oporezuje po stopi od 10%. Usluge se oporezuju."))
    assert missing(s, [income_tax]) == [word]
    assert missing(s, [income_tax | set(analyze("Obveznik PDV-a"))]) == []  # held somewhere: judged as before
    plain = subject(question.replace(word, word.lower()), rarities)  # the same word, not written as an abbreviation
    assert missing(plain, [income_tax]) == []
