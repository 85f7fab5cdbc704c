import os
from pathlib import Path

import pytest

from tests.fakes.embedder import install as install_fake_embedder

ROOT = Path(__file__).resolve().parent.parent  # the checkout is on sys.path via pyproject.toml
# Tests never reach a model hub or telemetry endpoint.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
# The embedder spec "fake" (tests/fakes/embedder.py) exists in test processes only; a test
# that starts a product command in a new process runs it through tests/fakes/run.py.
install_fake_embedder()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def bundled_index() -> Path:
    """The checkout's own index (`python -m ingest` builds it), for the slow tier's
    real-index tests; skipped where it is not built."""
    index = ROOT / ".index"
    if not (index / "CURRENT").exists():
        pytest.skip("the bundled index is not built (python -m ingest)")
    return index


def pytest_collection_modifyitems(config, items):
    """Three tiers: `slow` and `integration` are marked where the test is (pytestmark);
    every other test is `unit`, so `-m unit` runs the pure tier in seconds."""
    for item in items:
        if item.get_closest_marker("slow") is None and item.get_closest_marker("integration") is None:
            item.add_marker(pytest.mark.unit)
