"""The answer decision in the public contract: `python -m answer --json` and `--batch`
(answer.__main__.main with a stand-in searcher, as in tests/answer/test_answer_contract.py) and
`answer.answer(...).to_dict()` carry `abstained` and the new `reason`, `reason_detail`,
`confidence` and `remedies`, with every field that existed before unchanged in name and
type; and the LLM answerer abstains with the same reason as the extractive one without
calling its model.
"""
import json
import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

import answer.labels
from answer import ExtractiveAnswerer, LLMAnswerer, answer as answer_fn
from answer.__main__ import main
from tests.fixtures.answer.decision_hits import ALIASES_PLUS, served
from tests.fixtures.answer.plans import STORY, plan

Q = "Do kada se može podneti imovinskopravni zahtev?"
# The fields of the contract before the decision had reasons, and their JSON types.
BEFORE = {"question": str, "answer": str, "abstained": bool, "citations": list, "hits": list, "notices": list,
          "mode": str, "evidence": float, "language": str, "script": str}
CITATION_KEYS = {"n", "chunk_id", "source", "article", "paragraph", "page", "label", "quote", "verified"}
HIT_KEYS = {"rank", "score", "chunk_id", "source", "kind", "title", "article", "paragraph", "page", "heading", "url", "text"}
# question -> the hits the stand-in searcher returns for it (default: the property claim's)
HITS = {"Kolika je članarina u planinarskom društvu?": ("zkp254", "zkp252", "zoo200"),
        "Koji je rok za naknadu nematerijalne štete za pretrpljeni strah?": ("zoo200", "vs")}
ABSTENTIONS = [
    ("Kakvo je vreme sutra?", "small_talk", ""),
    ("Presuda Rev 9999/2024 o imovinskopravnom zahtevu", "absent_source", "Rev 9999/2024"),
    ("Do kada se može podneti imovinskopravni zahtev u Hrvatskoj?", "other_jurisdiction", "u Hrvatskoj"),
    ("Kolika je članarina u planinarskom društvu?", "subject_missing", "članarina, planinarskom, društvu"),
    ("Koji je rok za naknadu nematerijalne štete za pretrpljeni strah?", "type_not_stated", "deadline"),
]


@pytest.fixture(autouse=True)
def _aliases(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES_PLUS)


class FakeSearcher:
    def search(self, question, k=10, filters=None, mode="hybrid"):
        return served(*HITS.get(question, ("zkp252", "zkp254", "vs")))[:k]

    def absent(self, question):
        return ["Rev 9999/2024"] if "9999/2024" in question else []

    def remedies(self, question, filters=None):
        return plan(question) if question == STORY else None


@pytest.fixture
def cli(monkeypatch):
    import retrieval.searcher

    monkeypatch.setattr(retrieval.searcher, "get_searcher", lambda index_dir: FakeSearcher())


def run_json(tmp_path, capsys, question):
    assert main(["--index", str(tmp_path), "--json", question]) == 0
    return json.loads(capsys.readouterr().out)


def check_fields(d: dict):
    """Every field of before, same name and type, plus exactly the four new ones."""
    assert set(d) == set(BEFORE) | {"reason", "reason_detail", "confidence", "remedies"}
    for key, kind in BEFORE.items():
        assert isinstance(d[key], kind), (key, d[key])
    assert all(CITATION_KEYS <= set(c) for c in d["citations"]) and all(HIT_KEYS <= set(h) for h in d["hits"])
    assert d["reason"] is None or isinstance(d["reason"], str)
    assert isinstance(d["reason_detail"], str) and d["confidence"] in ("high", "medium", "low")
    assert d["remedies"] is None or isinstance(d["remedies"], dict)
    assert d["abstained"] == (d["reason"] is not None)


def test_an_answer_has_no_reason_and_says_how_sure_it_is(cli, capsys, tmp_path):
    d = run_json(tmp_path, capsys, Q)
    check_fields(d)
    assert (d["abstained"], d["reason"], d["reason_detail"], d["remedies"]) == (False, None, "", None)
    assert d["confidence"] in ("high", "medium") and d["citations"][0]["label"] == "ZKP, čl. 254 st. 2"


@pytest.mark.parametrize("question, reason, detail", ABSTENTIONS, ids=[r for _, r, _ in ABSTENTIONS])
def test_an_abstention_carries_its_reason_to_the_json(cli, capsys, tmp_path, question, reason, detail):
    d = run_json(tmp_path, capsys, question)
    check_fields(d)
    assert (d["abstained"], d["reason"], d["reason_detail"], d["confidence"], d["remedies"]) == \
        (True, reason, detail, "low", None)
    assert d["answer"].startswith("Nisam pronašao odgovor u izvorima.") or reason == "small_talk"


def test_a_story_carries_its_remedies(cli, capsys, tmp_path):
    d = run_json(tmp_path, capsys, STORY)
    check_fields(d)
    assert (d["abstained"], d["reason"], d["confidence"]) == (False, None, "high")
    r = d["remedies"]
    assert r["story"] is True and r["asks"] == ["compensation"]
    assert r["facts"][1] == {"id": "unpaid_wages", "words": ["bez plate"]}
    assert [p["id"] for p in r["pathways"]][0] == "criminal_claim_t"
    # Every citation is the story's own question's (numbered first) or a pathway's.
    own = r["question_citations"]
    assert own == list(range(1, len(own) + 1))
    assert sorted(own + [n for p in r["pathways"] for n in p["citations"]]) == [c["n"] for c in d["citations"]]


def test_batch_lines_carry_the_reason(cli, capsys, tmp_path):
    rows = [{"id": "ok", "question": Q}] + [{"id": r, "question": q} for q, r, _ in ABSTENTIONS]
    qa = tmp_path / "q.jsonl"
    qa.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in rows) + "\n", encoding="utf-8")
    assert main(["--index", str(tmp_path), "--batch", str(qa)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == [x["id"] for x in rows]
    for line in lines:
        check_fields({k: v for k, v in line.items() if k != "id"})
    assert [x["reason"] for x in lines] == [None] + [r for _, r, _ in ABSTENTIONS]
    assert [x["reason_detail"] for x in lines[1:]] == [d for _, _, d in ABSTENTIONS]


@pytest.mark.parametrize("question, reason, detail", ABSTENTIONS, ids=[r for _, r, _ in ABSTENTIONS])
def test_answer_function_to_dict(question, reason, detail):
    s = FakeSearcher()
    a = answer_fn(question, searcher=lambda q, k, filters: s.search(q, k), absent=s.absent(question),
                  plan=s.remedies(question))
    d = a.to_dict()
    check_fields(d)
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert (d["reason"], d["reason_detail"]) == (reason, detail)


# -- the LLM answerer shares the decision ---------------------------------------------------
REPLY = "Imovinskopravni zahtev se može podneti „najkasnije do završetka glavnog pretresa pred prvostepenim sudom“ [1]."


def llm() -> LLMAnswerer:
    return LLMAnswerer(GenericFakeChatModel(messages=iter([AIMessage(content=REPLY)] * 4)))


def left(answerer: LLMAnswerer) -> int:
    """Replies the fake model has not given (consumes them)."""
    return len(list(answerer.model.messages))


@pytest.mark.parametrize("question, reason, detail", ABSTENTIONS, ids=[r for _, r, _ in ABSTENTIONS])
def test_the_llm_abstains_for_the_same_reason_without_asking_the_model(question, reason, detail):
    s = FakeSearcher()
    hits, absent = s.search(question), s.absent(question)
    model = llm()
    a = model.run(question, hits, absent)
    assert (a.abstained, a.reason, a.reason_detail) == (True, reason, detail)
    assert a.answer == ExtractiveAnswerer().run(question, hits, absent).answer  # the same words
    assert left(model) == 4  # never asked


def test_the_llm_is_asked_when_the_question_is_in_scope():
    hits = served("zkp254", "zkp252", "vs")  # [1] is the unit the reply quotes
    model = llm()
    a = model.run(Q, hits)
    assert (a.abstained, a.mode, a.reason, a.notices) == (False, "llm", None, []) and left(model) == 3
    other = llm()
    assert other.run(Q.replace("?", " u Hrvatskoj?"), hits).reason == "other_jurisdiction"
    assert left(other) == 4


def test_cli_answer_in_english_says_its_reason_in_english(cli, capsys, tmp_path):
    d = run_json(tmp_path, capsys, "By when may a property claim be filed in criminal proceedings in Croatia?")
    assert (d["reason"], d["reason_detail"], d["language"]) == ("other_jurisdiction", "in Croatia", "en")
    assert d["answer"].startswith("I did not find an answer in the sources. The question is about another "
                                  "jurisdiction's law (in Croatia).")
