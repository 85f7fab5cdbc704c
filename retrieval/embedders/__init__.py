"""Embedders: the `Embedder` contract (base.py), its implementations and `make_embedder`
with its name registry (factory.py).

Implementations import their heavy libraries lazily, so importing this package is cheap.
"""
from retrieval.embedders.base import Embedder
from retrieval.embedders.factory import DEFAULT_SPEC, make_embedder, register_embedder

__all__ = ["Embedder", "make_embedder", "register_embedder", "DEFAULT_SPEC"]
