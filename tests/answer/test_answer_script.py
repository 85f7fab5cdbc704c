"""A caller-chosen answer script, and notices in the answer's language and script."""
import socket

import pytest

import answer.labels
from answer import ExtractiveAnswerer, LLMAnswerer, LLMConfig, answer as answer_fn, make_answerer
from answer.phrases import Style, detect_style, is_self_check
from answer.verify import match_quote
from answer.verify_issues import Issue
from core.errors import ConfigError
from tests.fixtures.answer.sample import ALIASES, hits

Q = "Da li žrtva trgovine ljudima ima pravo na besplatnu pravnu pomoć?"


@pytest.fixture(autouse=True)
def _aliases(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES)


def test_latin_question_answered_in_forced_cyrillic_with_originals_kept_and_verified():
    hs = hits("zbpp4", "kz388", "cets197")
    a = answer_fn(Q, hits=hs, script="cyrillic")
    assert (a.language, a.script) == ("sr", "cyrillic")
    assert a.answer.startswith("**Одговор:** „")
    kz = next(c for c in a.citations if c.label.startswith("KZ"))
    assert kz.quote.startswith("Ко зна или је могао знати")  # a Latin source shown in Cyrillic…
    assert kz.quote_original.startswith("Ko zna ili je mogao znati")  # …its own words kept
    assert "КЗ, чл. 388 ст. 8" in a.answer and "Ko zna" not in a.answer
    zbpp = a.citations[0]
    assert "тортуре" in zbpp.quote and zbpp.quote_original is None  # a Cyrillic source as it is
    by_id = {h.chunk.id: h.chunk.text for h in hs}
    assert a.citations and all(c.verified for c in a.citations)
    assert all(match_quote(c.quote, by_id[c.chunk_id])[1] is not None for c in a.citations)
    assert a.notices == []  # the self-check passed


def test_cyrillic_question_answered_in_forced_latin():
    a = ExtractiveAnswerer(script="latin").run("Да ли жртва трговине људима има право на бесплатну правну помоћ?",
                                                hits("zbpp4", "kz388"))
    assert (a.language, a.script) == ("sr", "latin")
    assert a.answer.startswith("**Odgovor:**") and "licu koje ostvaruje pravnu zaštitu od torture" in a.citations[0].quote
    assert all(c.verified for c in a.citations)


def test_forced_script_and_the_question():
    english = "Can victims of trafficking get compensation from the perpetrators?"
    assert detect_style(english, "latin") == Style("en", "latin")
    assert detect_style(english, "cyrillic") == Style("sr", "cyrillic")  # no English in Cyrillic letters
    assert detect_style(Q, None) == Style("sr", "latin")


def test_a_ready_answerer_is_copied_not_changed():
    ready = ExtractiveAnswerer()
    a = answer_fn(Q, hits=hits("zbpp4", "kz388"), answerer=ready, script="cyrillic")
    assert a.script == "cyrillic" and ready.script is None
    assert ready.with_script(None) is ready
    llm = make_answerer("llm", LLMConfig(mode="openai", endpoint="http://127.0.0.1:9/v1", model="m"))
    cyr = llm.with_script("cyrillic")
    assert cyr.fallback.script == "cyrillic" and llm.fallback.script is None and cyr.model is llm.model


@pytest.mark.parametrize("make", [
    lambda: answer_fn(Q, hits=[], script="greek"),
    lambda: ExtractiveAnswerer(script="Cyrillic"),
    lambda: make_answerer("extractive", script="lat"),
    lambda: ExtractiveAnswerer().with_script("arabic"),
])
def test_bad_script_is_refused_naming_the_allowed_ones(make):
    with pytest.raises(ConfigError, match=r"'latin', 'cyrillic'"):
        make()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("question, names, expected", [
    ("Do kada se može podneti imovinskopravni zahtev?", ("zkp254", "zkp252"), "Poziv jezičkog modela nije uspeo ("),
    ("До када се може поднети имовинскоправни захтев?", ("zkp254", "zkp252"), "Позив језичког модела није успео ("),
    ("Can victims of trafficking get compensation from the perpetrators?", ("cets197", "rantsev"), "LLM call failed ("),
])
def test_llm_failure_notice_in_the_answers_language(question, names, expected):
    cfg = LLMConfig(mode="openai", endpoint=f"http://127.0.0.1:{_closed_port()}/v1", model="x", timeout_s=5)
    a = LLMAnswerer(cfg).run(question, hits(*names))
    assert a.mode == "extractive" and not a.abstained
    assert a.notices[0].startswith(expected)
    assert "Error" in a.notices[0]  # the error itself is reported as raised, not transliterated


def test_verification_issues_and_self_check_notices_are_localised():
    issue = Issue.of("bad_quote", "Rok je devedeset dana [1].", quote="devedeset dana")
    assert Style("sr", "latin").issue(issue) == "citat nije pronađen u navedenom izvoru: „devedeset dana“: Rok je devedeset dana [1]."
    assert Style("sr", "cyrillic").issue(Issue.of("bad_number", "x", n=9)) == "навод [9] не упућује ни на један пронађени извор: x"
    assert Style("en", "latin").issue(issue) == str(issue) == "quote not found in the cited source: „devedeset dana“: Rok je devedeset dana [1]."
    untrusted = Issue.of("untrusted", "y", n=2, reason="instructions, a link")
    assert Style("sr", "latin").issue(untrusted) == "izvor [2] je vaš dokument i sadrži uputstva, vezu; ne može da potvrdi tvrdnju: y"
    assert Style("sr", "latin").issue("neki tekst") == "neki tekst"  # not a record: shown as it is
    notices = [Style(lang, sc).phrase("self_check", issue="x") for lang, sc in (("sr", "latin"), ("sr", "cyrillic"), ("en", "latin"))]
    assert notices == ["samoprovera: x", "самопровера: x", "self-check: x"]
    assert all(is_self_check(n) for n in notices) and not is_self_check("Model nije pronašao odgovor u izvorima.")
