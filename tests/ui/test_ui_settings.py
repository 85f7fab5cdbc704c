"""Answer settings, the privacy check for endpoints, and the sidebar filters' meaning."""
from __future__ import annotations

from datetime import date

import pytest

from core.errors import ConfigError
from core.records import Document
from ui.filter_options import SERBIAN_KINDS, filter_options, make_filters
from core.settings import app_config
from ui.settings import AnswerSettings, is_remote, make_llm


@pytest.mark.parametrize("url, remote", [
    ("http://127.0.0.1:8080/v1", False), ("http://localhost:11434/v1", False), ("http://[::1]:8000", False),
    ("https://api.openai.com/v1", True), ("http://192.168.1.20:8080/v1", True), ("http://gpu-server/v1", True),
])
def test_is_remote(url, remote):
    assert is_remote(url) is remote


def test_settings_are_validated():
    with pytest.raises(ConfigError, match="extractive"):
        AnswerSettings(mode="magic")
    with pytest.raises(ConfigError, match="http"):
        AnswerSettings(mode="openai", endpoint_url="ftp://x")
    assert make_llm(AnswerSettings()) is None
    with pytest.raises(ConfigError, match="GGUF"):
        make_llm(AnswerSettings(mode="gguf", gguf_path="/nema/model.gguf"))


def test_app_config_from_environment(tmp_path):
    cfg = app_config({"PRAVNI_LEK_CORPUS": str(tmp_path / "c"), "PRAVNI_LEK_INDEX": str(tmp_path / "i"),
                      "PRAVNI_LEK_USER_DIR": str(tmp_path / "u"), "PRAVNI_LEK_CHROMA_HOST": "127.0.0.1"})
    assert (cfg.corpus, cfg.index_dir, cfg.user_dir) == (tmp_path / "c", tmp_path / "i", tmp_path / "u")
    assert cfg.chroma_host == "127.0.0.1" and cfg.embedder is None


def test_filter_options_from_documents():
    docs = [Document("zakoni/b.txt", "law", "Zakon B"), Document("zakoni/a.txt", "law", "Zakon A"),
            Document("s/1.json", "court_decision", "Rev 1", meta={"court": "Vrhovni sud", "date": "2024-05-10"}),
            Document("s/2.json", "court_decision", "Rev 2", meta={"court": "Vrhovni sud", "date": "2023-01-02"}),
            Document("echr/1.json", "echr_judgment", "X v. Y", language="en")]
    o = filter_options(docs)
    assert o.kinds == ("law", "court_decision", "echr_judgment")
    assert [s for s, _ in o.laws] == ["zakoni/a.txt", "zakoni/b.txt"]
    assert o.courts == ("Vrhovni sud",) and o.dates == (date(2023, 1, 2), date(2024, 5, 10))


def test_make_filters_maps_scope_kinds_laws_courts_and_dates():
    assert make_filters() is None
    assert make_filters("serbian").kinds == SERBIAN_KINDS
    assert make_filters("serbian", ["law", "treaty"]).kinds == ("law",)
    f = make_filters("international", ["treaty"], ["zakoni/a.txt"], ["Vrhovni sud"], date(2024, 1, 1), None)
    assert (f.kinds, f.sources, f.courts, f.date_from) == (("treaty",), ("zakoni/a.txt",), ("Vrhovni sud",),
                                                          date(2024, 1, 1))
    with pytest.raises(ValueError, match="serbian"):
        make_filters("world")
