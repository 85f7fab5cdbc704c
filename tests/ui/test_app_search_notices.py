"""The app survives a build replaced while it loads, and shows the search's own notices
(BM25 alone because the dense store cannot be used) with the answer."""
from types import SimpleNamespace

from ui import ask_view
import pytest

pytestmark = pytest.mark.integration  # real Chroma / AppTest / subprocess / whole builds


class NoticingSearcher:
    notices = ["Semantička pretraga nije dostupna (indeks je samo za čitanje); prikazani su rezultati BM25."]

    def search(self, q, k=8, filters=None, mode="hybrid"):
        return []

    def absent(self, q):
        return []

    def remedies(self, q, filters=None):
        return None


def test_the_searchs_notice_reaches_the_answer():
    answer = SimpleNamespace(notices=[])
    got, failover = ask_view.ask("q", lambda *a, **k: answer, index_dir=None, searcher=NoticingSearcher(), filters=None,
                                 llm=None, lang="sr-Latn")
    assert failover is None and got.notices == NoticingSearcher.notices


def test_a_build_replaced_while_loading_is_loaded_again_from_current(tmp_path, monkeypatch):
    from core import store
    from core.errors import IndexMissing
    from ui import state

    builds = iter(["b1", "b2"])
    monkeypatch.setattr(store, "require_build", lambda d: tmp_path / next(builds, "b2"))
    monkeypatch.setattr(store, "current_build", lambda d: tmp_path / "b2")
    monkeypatch.setattr(state, "dense_progress", lambda d: {})
    loads = []

    def load(index_dir, build_name, chroma_host, ready):
        loads.append(build_name)
        if build_name == "b1":
            raise IndexMissing("build b1 was removed")
        return "searcher of " + build_name

    monkeypatch.setattr(state, "_searcher", load)
    assert state.searcher(tmp_path) == "searcher of b2" and loads == ["b1", "b2"]
