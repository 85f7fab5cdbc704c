"""Definition questions find the article that defines terms (retrieval.intents)."""
import pytest

from core.records import Chunk
from retrieval.intents import asks_definition, defines_terms, own_question
from tests.four_forms import four_forms


@pytest.mark.parametrize("question", [
    "Palermo Protocol definition of trafficking in persons",
    "Ко се сматра оштећеним према Законику о кривичном поступку?",
    "ko se smatra ostecenim",
    "Definicija trgovine ljudima u Konvenciji Saveta Evrope",
    "pojam prinudnog rada",
    "What is meant by forced or compulsory labour?",
])
def test_definition_questions(question):
    assert asks_definition(question)


@pytest.mark.parametrize("question", [
    "Koja je kazna za trgovinu ljudima?",
    "Rantsev v. Cyprus and Russia, § 281",
    "Do kada se može podneti imovinskopravni zahtev?",
])
def test_other_questions(question):
    assert not asks_definition(question)


def chunk(text, heading=None, kind="law"):
    return Chunk("zakoni/x.txt", kind, "Zakon", text, article="2", heading=heading)


def test_defining_provisions_by_heading_or_opening_words():
    assert defines_terms(chunk("1) \"osumnjičeni\" je lice …", heading="Značenje izraza"))
    assert defines_terms(chunk("Pojedini izrazi upotrebljeni u ovom zakoniku imaju sledeće značenje: …"))
    assert defines_terms(chunk("For the purposes of this Protocol: a) \"Trafficking in persons\" shall mean …",
                               heading="Use of terms", kind="treaty"))
    assert defines_terms(chunk("1. For the purposes of this Convention the term forced labour shall mean …", kind="treaty"))
    assert defines_terms(chunk("Поједини изрази употребљени у овом закону имају следеће значење: …"))
    assert not defines_terms(chunk("Ko silom ili pretnjom vrbuje … kazniće se zatvorom", heading="Trgovina ljudima"))
    # Only statutes and treaties define terms; a judgment quoting a definition does not.
    assert not defines_terms(chunk("For the purposes of this Convention … shall mean", kind="echr_judgment"))


@pytest.mark.parametrize("story,antecedent", four_forms([
    ("Gazda joj je izvadio kvalifikovani elektronski sertifikat na njeno ime. Sada se boji. "
     "Kako da se taj sertifikat opozove?", "elektronski sertifikat",
     "Her boss took out a qualified electronic certificate in her name. Now she is afraid. "
     "How can that certificate be revoked?", "electronic certificate"),
]))
def test_a_storys_question_brings_what_its_demonstrative_points_back_to(story, antecedent):
    own = own_question(story)
    assert antecedent in own and own.endswith("?")
    assert "boji" not in own and "afraid" not in own  # only the words around the antecedent


@pytest.mark.parametrize("question", [
    "Kako da se taj sertifikat opozove?",  # asked in one go: nothing to point back to
    "Gazda je uzeo pasoš. Ona želi da ode. Da li to može da uradi sama?",  # "to" is no demonstrative
    "The boss kept her passport. She wants to leave. Is she allowed to leave without it?",
])
def test_a_question_without_an_antecedent_is_its_own(question):
    from core.text import normalize
    from retrieval.intents import asked_sentence

    assert own_question(question) == normalize(asked_sentence(question))


def test_a_short_backgrounds_last_sentence_is_the_premise():
    from retrieval.intents import background_words, premise

    q = "Klijentkinja je dobila državljanstvo. Gazda joj nije platio. Kako da ga tuži?"
    assert background_words(q) == 8
    assert premise(q, 20) == "Gazda joj nije platio."
    assert premise(q, 8) is None  # a background of `most` words or more tells facts
    assert background_words("Kako da ga tuži?") == 0 and premise("Kako da ga tuži?", 20) is None


@pytest.mark.parametrize("question,asking", [
    ("Radi puno radno vreme. Gazda joj ne plaća. Da li ima pravo na zaradu?", "Da li ima pravo na zaradu?"),
    ("Did Cyprus pay the damages? Has the Committee closed its supervision?",
     "Did Cyprus pay the damages? Has the Committee closed its supervision?"),
    ("Do kada se može podneti imovinskopravni zahtev?", "Do kada se može podneti imovinskopravni zahtev?"),
    ("Naknada štete žrtvi. Rok.", "Naknada štete žrtvi. Rok."),  # nothing asks: the whole text
])
def test_asking_sentences_leave_out_the_facts_a_story_tells(question, asking):
    from retrieval.intents import asking_sentences

    assert asking_sentences(question) == asking


@pytest.mark.parametrize("question,expected", [
    # a closing question with few words of its own is read with the sentence before it
    ("Policija je našla pasoše dece. Da li je Moldavija dužna da proveri isprave na zahtev Srbije. "
     "Postoji li takva obaveza?",
     "Da li je Moldavija dužna da proveri isprave na zahtev Srbije. Postoji li takva obaveza?"),
    ("Pozajmio mu je novac pre pet godina. Mora li da mu vrati taj novac?",
     "Pozajmio mu je novac pre pet godina. Mora li da mu vrati taj novac?"),
    # one with words enough stands alone; a question asked in one go is itself
    ("Radila je u kafani. Da li poslodavac mora da joj isplati zaradu za prekovremeni rad noću?",
     "Da li poslodavac mora da joj isplati zaradu za prekovremeni rad noću?"),
    ("Mora li da mu vrati taj novac?", "Mora li da mu vrati taj novac?"),
])
def test_a_thin_closing_question_is_searched_with_the_sentence_before(question, expected):
    from retrieval.searcher_words import ask_text

    assert ask_text(question) == expected


@pytest.mark.parametrize("question", [
    "Did Cyprus and Russia pay the damages awarded in Rantsev v. Cyprus and Russia, and has the Committee closed it?",
    "Šta kaže čl. 5 Zakona o radu o tome?",
    "Da li je objavljeno u Sl. Glasniku RS?",
])
def test_an_abbreviation_ends_no_sentence(question):
    from retrieval.intents import asked_sentence, asking_sentences

    assert asked_sentence(question) == question and asking_sentences(question) == question
