"""Every loader under a fuzzer (hypothesis), for a bounded time, in the slow tier; every
crash it ever found is kept in tests/fixtures/fuzz/ and replayed in the fast tier.

A loader may return a document or refuse the file with SkipFile (the build reports it
and goes on); any other exception is a crash. The pipeline would survive it too (it
reports "unexpected error"), but the user would get a Python message instead of a reason.

    FUZZ_SECONDS=600 .venv/bin/python -m pytest -m slow tests/ingest/test_fuzz_loaders.py
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
import traceback
from pathlib import Path

import pytest

from core.errors import SkipFile
from core.records import Loaded
from ingest.registry import load_file, route
from tests.fuzz_inputs import CRASHES, SOURCES

LOADERS = sorted(SOURCES)
FUZZ_SECONDS = float(os.environ.get("FUZZ_SECONDS", "120"))  # the whole run, all loaders
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "400"))  # per input strategy


def test_every_loader_is_fuzzed():
    loaders = {p.stem for p in (Path(__file__).resolve().parents[2] / "ingest" / "loaders").glob("*.py")
               if "\ndef load(" in p.read_text(encoding="utf-8")}
    assert loaders == set(LOADERS)
    for loader, sources in SOURCES.items():
        assert all(route(source) == loader for source in sources.values()), loader


def check(path: Path, source: str) -> None:
    """The property: a Loaded with distinct chunk ids, or SkipFile; nothing else."""
    try:
        loaded = load_file(path, source)
    except SkipFile:
        return
    assert isinstance(loaded, Loaded)
    assert len({c.id for c in loaded.chunks}) == len(loaded.chunks)


def _kept() -> list[Path]:
    return sorted(p for p in CRASHES.glob("*/*") if p.is_file()) if CRASHES.is_dir() else []


@pytest.mark.parametrize("path", _kept(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_kept_crashes_stay_fixed(path, tmp_path):
    source = SOURCES[path.parent.name][path.suffix]
    copy = tmp_path / Path(source).name
    copy.write_bytes(path.read_bytes())
    check(copy, source)


def _where(e: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(e.__traceback__) if "/ingest/" in f.filename] or \
        traceback.extract_tb(e.__traceback__)
    f = frames[-1]
    return f"{type(e).__name__} at {Path(f.filename).name}:{f.lineno}"


@pytest.mark.slow
@pytest.mark.parametrize("loader", LOADERS)
def test_fuzz_loader(loader):
    from hypothesis import HealthCheck, given, settings

    from tests.fuzz_inputs import strategies

    stop = time.monotonic() + FUZZ_SECONDS / len(LOADERS)  # this loader's share of the time
    crashes: dict[str, tuple[bytes, str, str]] = {}  # where -> the shortest input, its ext, the error
    with tempfile.TemporaryDirectory() as tmp:
        for ext, strategy in strategies()[loader]:
            source = SOURCES[loader][ext]
            path = Path(tmp) / Path(source).name

            @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None, derandomize=False,
                      suppress_health_check=list(HealthCheck))
            @given(strategy)
            def run(data: bytes) -> None:
                if time.monotonic() > stop:
                    return  # time is up: the remaining examples are not run
                path.write_bytes(data)
                try:
                    check(path, source)
                except Exception as e:  # noqa: BLE001 - a crash: keep the shortest input per place
                    where = _where(e)
                    if where not in crashes or len(data) < len(crashes[where][0]):
                        crashes[where] = (data, ext, f"{where}: {e}"[:300])

            run()
    for data, ext, _ in crashes.values():  # kept for the fast tier's replay
        (CRASHES / loader).mkdir(parents=True, exist_ok=True)
        (CRASHES / loader / f"{hashlib.sha256(data).hexdigest()[:12]}{ext}").write_bytes(data)
    assert not crashes, f"{loader} crashed; inputs kept in {CRASHES / loader}:\n" + \
        "\n".join(msg for _, _, msg in crashes.values())
