"""The Answerer contract every implementation passes, the public `answer()` function and
the `python -m answer` entry point (with a stand-in searcher: no index needed)."""
import json
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

import answer.labels
from answer import Answer, Answerer, ExtractiveAnswerer, LLMAnswerer, answer as answer_fn, make_answerer
from answer.__main__ import main
from core.errors import ConfigError
from tests.fixtures.answer.sample import ALIASES, hits

Q = "Do kada se može podneti imovinskopravni zahtev?"
LLM_REPLY = "Imovinskopravni zahtev se može podneti „najkasnije do završetka glavnog pretresa pred prvostepenim sudom“ [1]."
CONTRACT_KEYS = {"n", "chunk_id", "source", "article", "paragraph", "page", "label", "quote", "verified"}


@pytest.fixture(autouse=True)
def _aliases(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES)


def fake_llm():
    return GenericFakeChatModel(messages=iter([AIMessage(content=LLM_REPLY)] * 4))


IMPLEMENTATIONS = {
    "extractive": lambda: ExtractiveAnswerer(),
    "llm": lambda: LLMAnswerer(fake_llm()),
}


@pytest.mark.parametrize("make", IMPLEMENTATIONS.values(), ids=IMPLEMENTATIONS.keys())
def test_every_answerer_keeps_the_contract(make):
    answerer = make()
    assert isinstance(answerer, Answerer)
    hs = hits("zkp254", "zkp252", "vs")
    a = answerer.run(Q, hs)
    assert isinstance(a, Answer) and not a.abstained and a.question == Q
    d = a.to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert {"question", "answer", "abstained", "citations", "hits"} <= set(d)
    assert d["hits"] == [h.to_dict() for h in hs]
    ids = {h.chunk.id for h in hs}
    for c in d["citations"]:
        assert CONTRACT_KEYS <= set(c) and c["chunk_id"] in ids and c["verified"] is True
        assert f"[{c['n']}]" in d["answer"]
    assert d["citations"][0]["label"] == "ZKP, čl. 254 st. 2"
    assert "najkasnije do završetka glavnog pretresa" in d["citations"][0]["quote"]
    # Unanswerable: abstains, whatever the implementation.
    no = answerer.run("Koja je kazna za krađu automobila u Nemačkoj?", hits("kz388", "zoo200"))
    assert no.abstained and "Nisam pronašao" in no.answer


ABSENT_Q = "Zakon o zaštiti žrtava trgovine ljudima: do kada se može podneti imovinskopravni zahtev?"
ABSENT = ["Zakon o zaštiti žrtava trgovine ljudima"]


@pytest.mark.parametrize("make", IMPLEMENTATIONS.values(), ids=IMPLEMENTATIONS.keys())
def test_every_answerer_abstains_when_the_question_names_an_absent_source(make):
    answerer = make()
    hs = hits("zkp254", "zkp252", "vs")  # these answer Q: only the absent name makes it abstain
    a = answerer.run(Q, hs, absent=ABSENT)
    assert a.abstained and a.notices == [] and "„" not in a.answer
    lines = a.answer.split("\n")
    assert lines[:2] == ["Nisam pronašao odgovor u izvorima.", "Izvori ne sadrže: Zakon o zaštiti žrtava trgovine ljudima."]
    assert lines[3] == "Možda relevantno:" and a.citations and all(f"[{c.n}]" in a.answer for c in a.citations)
    if isinstance(answerer, LLMAnswerer):
        assert len(list(answerer.model.messages)) == 4  # the model was never asked
    # Nothing absent: the behaviour is the one without the argument.
    assert make().run(Q, hs, absent=()).answer == make().run(Q, hs).answer
    assert not make().run(Q, hs, []).abstained


def test_answer_looks_up_absent_sources_when_it_retrieves_itself(monkeypatch):
    import retrieval

    hs = hits("zkp254", "zkp252")
    seen = []
    monkeypatch.setattr(retrieval, "search", lambda question, k, filters, index_dir: hs)
    monkeypatch.setattr(retrieval, "absent_references",
                        lambda question, index_dir=None: seen.append((question, index_dir)) or ABSENT)
    monkeypatch.setattr(retrieval, "remedy_plan", lambda question, index_dir=None, filters=None: None)
    a = answer_fn(ABSENT_Q, Path("idx"))
    assert seen == [(ABSENT_Q, Path("idx"))] and a.abstained
    assert "Izvori ne sadrže: Zakon o zaštiti žrtava trgovine ljudima." in a.answer
    # Given hits or a searcher, the caller passes absent itself: no lookup.
    monkeypatch.setattr(retrieval, "absent_references", lambda *a, **k: pytest.fail("looked up"))
    assert not answer_fn(Q, hits=hs).abstained
    assert not answer_fn(Q, searcher=lambda question, k, filters: hs).abstained
    assert answer_fn(Q, hits=hs, absent=["Rev 9999/2024"]).answer.split("\n")[1] == "Izvori ne sadrže: Rev 9999/2024."
    assert answer_fn(Q, hits=hs, absent="Rev 9999/2024").answer.split("\n")[1] == "Izvori ne sadrže: Rev 9999/2024."


def test_answer_uses_given_hits_or_the_searcher():
    hs = hits("zkp254", "zkp252")
    calls = []

    def searcher(question, k, filters):
        calls.append((question, k, filters))
        return hs

    a = answer_fn(Q, searcher=searcher, k=3)
    assert calls == [(Q, 3, None)] and a.citations[0].label == "ZKP, čl. 254 st. 2"
    b = answer_fn(Q, hits=hs, searcher=lambda *a, **k: pytest.fail("searched although hits were given"))
    assert b.answer == a.answer


@pytest.mark.parametrize("kwargs, needle", [
    ({"mode": "magic"}, "not one of"),
    ({"mode": "openai"}, "needs llm="),
    ({"mode": "llm", "llm": "a string"}, "BaseChatModel"),
    ({"k": 0}, "k=0"),
])
def test_answer_rejects_bad_configuration(kwargs, needle):
    with pytest.raises(ConfigError, match=needle):
        answer_fn(Q, hits=[], **kwargs)


def test_make_answerer_with_a_ready_chat_model():
    assert isinstance(make_answerer("llm", fake_llm()), LLMAnswerer)
    assert isinstance(make_answerer(), ExtractiveAnswerer)


class FakeSearcher:
    def search(self, question, k=10, filters=None, mode="hybrid"):
        return hits("zkp254", "zkp252")[:k]

    def absent(self, question):
        return ["Rev 9999/2024"] if "9999/2024" in question else []

    def remedies(self, question, filters=None):
        return None


@pytest.fixture
def cli(monkeypatch):
    import retrieval.searcher

    seen = {}

    def get_searcher(index_dir):
        seen["index"] = Path(index_dir)
        return FakeSearcher()

    monkeypatch.setattr(retrieval.searcher, "get_searcher", get_searcher)
    return seen


def test_cli_json(cli, capsys, tmp_path):
    assert main(["--index", str(tmp_path), "--json", Q]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["question"] == Q and d["citations"][0]["label"] == "ZKP, čl. 254 st. 2" and cli["index"] == tmp_path


def test_cli_tells_the_answerer_which_named_sources_the_index_lacks(cli, capsys, tmp_path):
    assert main(["--index", str(tmp_path), "--json", "Presuda Rev 9999/2024 o imovinskopravnom zahtevu"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["abstained"] and "Izvori ne sadrže: Rev 9999/2024." in d["answer"]


def test_cli_index_from_environment_and_human_output(cli, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PRAVNI_LEK_INDEX", str(tmp_path))
    assert main([Q]) == 0
    out = capsys.readouterr().out
    assert cli["index"] == tmp_path.resolve()
    assert out.startswith("**Odgovor:**") and "\nIzvori:\n[1] ZKP, čl. 254 st. 2  ✓" in out
    assert "https://www.paragraf.rs/propisi/zakonik_o_krivicnom_postupku.html" in out
    assert "\n    „Sl. glasnik RS“, br. 72/2011, 101/2011\n" in out


def test_cli_script_option_writes_the_answer_in_cyrillic(cli, capsys, tmp_path):
    assert main(["--index", str(tmp_path), "--script", "cyrillic", Q]) == 0
    out = capsys.readouterr().out
    assert out.startswith("**Одговор:**") and "\nИзвори:\n[1] ЗКП, чл. 254 ст. 2  ✓" in out
    assert "„Сл. гласник РС“, бр. 72/2011, 101/2011" in out


def test_cli_batch(cli, capsys, tmp_path):
    qa = tmp_path / "q.jsonl"
    qa.write_text(json.dumps({"id": "q1", "question": Q}, ensure_ascii=False) + "\n\n"
                  + json.dumps({"id": "q2", "question": "Koja je kazna za krađu automobila u Nemačkoj?"}) + "\n",
                  encoding="utf-8")
    assert main(["--index", str(tmp_path), "--batch", str(qa), "--k", "2"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == ["q1", "q2"]
    assert lines[0]["abstained"] is False and lines[1]["abstained"] is True
    assert len(lines[0]["hits"]) == 2


def test_cli_reports_configuration_errors(cli, capsys, tmp_path):
    assert main(["--index", str(tmp_path), "--mode", "openai", "--endpoint", "not-a-url", "--model", "m", Q]) == 2
    assert "http(s) base URL" in capsys.readouterr().err
