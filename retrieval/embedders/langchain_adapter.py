"""`LangChainEmbeddings`: any project Embedder seen as a LangChain `Embeddings`.

Lets the evaluation's LangChain baseline (and any LangChain user) run on exactly the
model the project uses, with the same script unification and prefixes. Adds nothing else.
"""
from __future__ import annotations

from langchain_core.embeddings import Embeddings

from retrieval.embedders.base import Embedder


class LangChainEmbeddings(Embeddings):
    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(list(texts))

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)
