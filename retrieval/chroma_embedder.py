"""`ChromaEmbedder`: this project's Embedder as a registered Chroma embedding function.

Registered so that a collection never falls back to Chroma's default function (which
downloads an ONNX model); rebuilt from its stored config it comes back unattached and
raises if ever called, since a model cannot be rebuilt from its name alone. Vectors are
always passed in by retrieval.dense_index; this only guards the collection.
"""
from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction
from chromadb.utils.embedding_functions import register_embedding_function

from core.errors import PravniLekError
from retrieval.embedders.base import Embedder


@register_embedding_function
class ChromaEmbedder(EmbeddingFunction[Documents]):
    """Our Embedder as a Chroma embedding function (registered under `name()`)."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder

    def __call__(self, input: Documents) -> list:  # noqa: A002 (Chroma's parameter name)
        return self._bound().embed_passages(list(input))

    def embed_query(self, input: Documents) -> list:  # noqa: A002
        return [self._bound().embed_query(t) for t in input]

    def _bound(self) -> Embedder:
        if self.embedder is None:
            raise PravniLekError("this Chroma collection's embedder is not attached; open it through DenseIndex")
        return self.embedder

    @staticmethod
    def name() -> str:
        return "pravni_lek_embedder"

    def get_config(self) -> dict[str, Any]:
        return {"model": self.embedder.name if self.embedder else None}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "ChromaEmbedder":
        # Chroma rebuilds the function from its stored config; a model cannot be rebuilt
        # from a name alone, so it comes back unattached and raises if ever called.
        return ChromaEmbedder(None)

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]
