"""An LLM answerer and a client's story: the model's prompt carries the facts found and
the pathway structure with the numbers of the sources behind each step, the model gets
more sources than for a plain answer, and its reply is held to the same verification."""
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

import answer.labels
from answer import LLMAnswerer
from tests.fixtures.answer.plans import DEADLINE, STORY, plan
from tests.fixtures.answer.sample import ALIASES


class RecordingModel(GenericFakeChatModel):
    """A fake chat model (the real base class) that keeps the messages it was sent."""

    seen: list = []

    def invoke(self, messages, *args, **kwargs):
        type(self).seen.append(messages)
        return super().invoke(messages, *args, **kwargs)


def test_a_story_reaches_the_model_with_its_facts_and_pathways(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES)
    RecordingModel.seen = []
    p = plan(STORY)
    assert p is not None
    reply = f"Imovinskopravni zahtev se može podneti „{DEADLINE.rstrip('.')}“ [2]."
    model = RecordingModel(messages=iter([AIMessage(content=reply)] * 3))
    a = LLMAnswerer(model).run(STORY, [], plan=p)
    prompt = RecordingModel.seen[0][1].content
    assert "Remedy pathways for this question" in prompt
    assert "Facts found in the question" in prompt and "prisiljavana je da radi u kafani" in prompt
    assert "Imovinskopravni zahtev u krivičnom postupku" in prompt and "[1]" in prompt
    assert not a.abstained and all(c.verified for c in a.citations)


def test_an_unverifiable_pathway_claim_is_not_shown_as_verified(monkeypatch):
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES)
    p = plan(STORY)
    bad = "Imovinskopravni zahtev se može podneti najkasnije osam dana posle pravnosnažnosti presude [2]."
    model = RecordingModel(messages=iter([AIMessage(content=bad)] * 3))
    a = LLMAnswerer(model).run(STORY, [], plan=p)
    assert "osam dana posle pravnosnažnosti" not in a.answer or not all(c.verified for c in a.citations)


def test_a_pathway_answer_keeps_the_search_hits_and_says_which_routes(monkeypatch):
    """The JSON's "hits" stay the search's (the plan's units are sources, not hits), and
    the LLM's pathway answer carries the same "remedies" the extractive one does."""
    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES)
    p = plan(STORY)
    reply = f"Imovinskopravni zahtev se može podneti „{DEADLINE.rstrip('.')}“ [2]."
    a = LLMAnswerer(RecordingModel(messages=iter([AIMessage(content=reply)] * 3))).run(STORY, [], plan=p)
    assert a.hits == [] and a.remedies and a.remedies["pathways"]


def test_the_model_s_routes_below_an_unanswered_precise_question_say_so(monkeypatch):
    """The shared decision found that no quote states the deadline the story asks: the LLM
    answer opens with the same sentence the extractive one does."""
    from answer import ExtractiveAnswerer
    from answer.decide import Decision
    from answer.messages import say
    from answer.phrases import detect_style

    monkeypatch.setattr(answer.labels, "load_aliases", lambda path=None: ALIASES)
    monkeypatch.setattr(ExtractiveAnswerer, "decision", lambda self, *a, **k: (
        Decision("pathways", detail="deadline", confidence="medium"), [], 1.0))
    p = plan(STORY)
    reply = f"Imovinskopravni zahtev se može podneti „{DEADLINE.rstrip('.')}“ [2]."
    a = LLMAnswerer(RecordingModel(messages=iter([AIMessage(content=reply)] * 3))).run(STORY, [], plan=p)
    assert not a.abstained and a.confidence == "medium" and a.reason_detail == "deadline"
    assert a.answer.startswith(say(detect_style(STORY), "own_unstated", what="deadline"))
