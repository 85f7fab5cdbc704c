"""The answer stage's one contract: `Answerer.run(question, hits, absent=(), plan=None) -> Answer`.

Implementations: `ExtractiveAnswerer` (default, offline, quotes the sources) and
`LLMAnswerer` (a LangChain chat model, verified and repaired). Retrieval is not
their business: they get the hits, and the names of sources the question gives that
the index does not hold (`retrieval.sources.absent`).
"""
from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from typing import Sequence

from retrieval.hit import Hit

from answer.phrases import check_script
from answer.types import Answer


class Answerer(ABC):
    name: str = "answerer"
    script: str | None = None  # the answer's script: "latin" | "cyrillic"; None follows the question

    @abstractmethod
    def run(self, question: str, hits: list[Hit], absent: Sequence[str] = (), plan=None) -> Answer:
        """Answer `question` from `hits` only; abstain when they do not answer it.

        plan: the question's remedy plan (`retrieval.remedies.RemedyPlan`, from
        `Searcher.remedies`) or None; with one, a client's story is answered by pathway.

        absent: names the question gives ("Zakon o zaštiti žrtava trgovine ljudima",
        "Rev 9999/2024") that the index does not hold. When there are any, the answer
        abstains without asking a model (a lookalike source must not pass for the named
        one), says which are missing, and still lists the closest sources as possibly
        relevant. Empty: no change."""

    def with_script(self, script: str | None) -> "Answerer":
        """This answerer writing in `script`: itself when it already does, else a shallow
        copy (a loaded model is shared, not rebuilt)."""
        check_script(script)
        if script == self.script:
            return self
        other = copy.copy(self)
        other.script = script
        return other
