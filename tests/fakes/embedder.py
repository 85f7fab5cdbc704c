"""`FakeEmbedder`: a deterministic, model-free Embedder for the fast test tier, and
`install()`, which registers it as the embedder spec "fake" (retrieval.embedders.factory).

tests/conftest.py installs it for every test; a test that starts the product's command
in a new process passes `env=fake_env()`, whose PYTHONPATH names tests/fakes/site, where
sitecustomize.py installs it before the command runs. The product itself has no "fake"
spec.

A hashed bag of analyzer-ish tokens: lowercase, fold diacritics (č ć->c, š->s, ž->z,
đ->dj), cut each word to its first 5 characters (a crude stem, so "štete" and "šteta"
meet), and count each token into one of `dim` buckets chosen by a stable hash (blake2b,
not Python's salted `hash`, so vectors are equal across processes). Texts that share
words get similar vectors; that is all it promises. Script is unified by the base class.

Not a language model: no synonyms, no cross-lingual matching.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path
from typing import Mapping

import numpy as np

from core.errors import ConfigError
from retrieval.embedders.base import Embedder
from retrieval.embedders.factory import register_embedder

_WORD = re.compile(r"\w+")
STEM_CHARS = 5
ROOT = Path(__file__).resolve().parents[2]  # the checkout
SITE = Path(__file__).resolve().parent / "site"  # sitecustomize.py: install() at start-up


def fake_tokens(text: str) -> list[str]:
    """Lowercased, diacritic-folded word prefixes of `text` (already Latin script)."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("đ", "dj"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return [w[:STEM_CHARS] for w in _WORD.findall(folded)]


def _bucket(token: str, dim: int) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little") % dim


class FakeEmbedder(Embedder):
    def __init__(self, dim: int = 256) -> None:
        if not isinstance(dim, int) or dim < 8:
            raise ConfigError(f"FakeEmbedder dim {dim!r} is not allowed; use an int >= 8")
        self.dim = dim
        self.name = f"fake/{dim}"

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in fake_tokens(text):
                out[row, _bucket(token, self.dim)] += 1.0
            if not out[row].any():
                out[row, 0] = 1.0  # an empty text still needs a unit vector
        return out


def install() -> None:
    """Register FakeEmbedder as the spec "fake" (an index built with it names it in dense.json)."""
    register_embedder("fake", FakeEmbedder)


def fake_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """`env` (os.environ by default) for a new Python process with the fake installed:
    PYTHONPATH is the checkout, tests/fakes/site, then whatever it held."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), str(SITE), env.get("PYTHONPATH")]))
    return env
