"""The answer stage's one contract: `Answerer.run(question, hits) -> Answer`.

Implementations: `ExtractiveAnswerer` (default, offline, quotes the sources) and
`LLMAnswerer` (a LangChain chat model, verified and repaired). Retrieval is not
their business: they get the hits.
"""
from __future__ import annotations

from abc import ABC, abstractmethod

from retrieval.hit import Hit

from answer.types import Answer


class Answerer(ABC):
    name: str = "answerer"

    @abstractmethod
    def run(self, question: str, hits: list[Hit]) -> Answer:
        """Answer `question` from `hits` only; abstain when they do not answer it."""
