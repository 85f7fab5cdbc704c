"""The Searcher's word legs (`WordsMixin`): the question in the statute's words, and a
story's own question searched on its own.

    legs = searcher._word_legs(question, keywords, allowed)   # {"synonyms": [...], "ask": [...]}

- "synonyms": a Serbian question's everyday words with a statute equivalent ("javi" ->
  "obavestiti", "plata" -> "zarada", `retrieval.synonyms`) replaced, searched by BM25.
  Any question that meets the thesaurus.
- "ask": a story's closing question ("… Da li tužilac mora da joj javi kad ispituje
  svedoke?", `retrieval.intents.asked_sentence`), in the statute's words where the
  thesaurus has them, searched by BM25. A story's background (who, where, how long) is
  facts no provision repeats; its question names the legal issue, and in a long story
  BM25 over all the words lets the facts outvote it.
- "ask_dense": the same closing question embedded on its own (`_ask_dense_leg`), when
  the dense leg is on: a whole story's embedding averages its facts.

A mixin of `retrieval.searcher.Searcher`, whose loaded index it reads (`bm25`,
`weights`, and the dense leg's `_dense_ranking` and `diacritics`). Fusing the legs is the
searcher's; it decides nothing about the answer.
"""
from __future__ import annotations

from retrieval.config import RANKING
from retrieval.diacritics import needs_restoring, restore
from retrieval.glossary import keyword_tokens
from retrieval.intents import asked_sentence
from retrieval.synonyms import statute_query


class WordsMixin:
    """The synonyms and ask legs of a Searcher (see the module's docstring)."""

    def _word_legs(self, question: str, keywords: list[str], allowed: set[int] | None) -> dict[str, list[str]]:
        """{leg: chunk ids, best first} for the legs that apply to this question."""
        legs: dict[str, list[str]] = {}
        if self.weights.get("synonyms"):
            rewritten = statute_query(question, keywords)
            if rewritten:
                legs["synonyms"] = self._bm25_ids(rewritten, allowed)
        ask = asked_sentence(question)
        if self.weights.get("ask") and ask != question:
            own = keyword_tokens(ask)
            legs["ask"] = self._bm25_ids(statute_query(ask, own) or own, allowed)
        return legs

    def _ask_dense_leg(self, question: str, allowed: set[int] | None) -> dict[str, list[str]]:
        """{"ask_dense": chunk ids} for a story's closing question, embedded on its own
        (its diacritics restored, as for the dense leg); {} for a search-box question or
        a story of a sentence or two (RankingConfig.ask_dense_background).
        The caller runs it only when the dense leg is on."""
        ask = asked_sentence(question)
        if not self.weights.get("ask_dense") or ask == question:
            return {}
        if len(question.split()) - len(ask.split()) < RANKING.ask_dense_background:
            return {}  # a short background names the subject: the whole question embeds it
        semantic = restore(ask, self.diacritics) if needs_restoring(ask) else ask
        return {"ask_dense": self._dense_ranking(semantic, allowed)}

    def _bm25_ids(self, tokens: list[str], allowed: set[int] | None) -> list[str]:
        return [cid for cid, _ in self.bm25.query(tokens, RANKING.candidates, allowed=allowed)]
