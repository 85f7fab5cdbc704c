"""Embedders: the `Embedder` contract (base.py), its implementations and `make_embedder`.

Implementations import their heavy libraries lazily, so importing this package is cheap.
"""
from retrieval.embedders.base import Embedder
from retrieval.embedders.factory import DEFAULT_SPEC, make_embedder
from retrieval.embedders.fake import FakeEmbedder

__all__ = ["Embedder", "FakeEmbedder", "make_embedder", "DEFAULT_SPEC"]
