"""Definition questions find the article that defines terms (retrieval.intents)."""
import pytest

from core.records import Chunk
from retrieval.intents import asks_definition, defines_terms


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
