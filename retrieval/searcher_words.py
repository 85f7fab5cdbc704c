"""The Searcher's word legs (`WordsMixin`): the question in the statute's words, a
story's own question searched on its own, and a story in the subject index's everyday words.

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
- "subjects" / "subjects_ask": a story, and its closing question alone, against the
  subject index in everyday words (`retrieval.subject_index`, `_subjects_legs`); the
  article both put first keeps a place (`_keep_agreed_subject`). With the dense leg on,
  "subjects_dense" / "subjects_dense_ask": the same two matched by meaning against the
  entries' embedded phrases (`retrieval.subject_vectors`).

A mixin of `retrieval.searcher.Searcher`, whose loaded index it reads (`bm25`,
`weights`, and the dense leg's `_dense_ranking` and `diacritics`). Fusing the legs is the
searcher's; it decides nothing about the answer.
"""
from __future__ import annotations

import logging

from retrieval.config import RANKING
from retrieval.diacritics import needs_restoring, restore
from retrieval.glossary import keyword_tokens
from retrieval.intents import asked_sentence, background_words, sentence_before
from retrieval.subject_index import prefix_terms
from retrieval.synonyms import statute_query

log = logging.getLogger("pravni_lek.retrieval")


def ask_text(question: str) -> str:
    """What a story's own legs search: its asked sentence, read with the sentence before
    it when it holds few words of its own ("Postoji li takva obaveza?", "Mora li da mu
    vrati taj novac?": what is asked about was said just before;
    RankingConfig.thin_ask)."""
    ask = asked_sentence(question)
    if ask == question or len(set(keyword_tokens(ask))) > RANKING.thin_ask:
        return ask
    before = sentence_before(question)
    return f"{before} {ask}" if before else ask


class WordsMixin:
    """The synonyms and ask legs of a Searcher (see the module's docstring)."""

    def _word_legs(self, question: str, keywords: list[str], allowed: set[int] | None) -> dict[str, list[str]]:
        """{leg: chunk ids, best first} for the legs that apply to this question."""
        legs: dict[str, list[str]] = {}
        if self.weights.get("synonyms"):
            rewritten = statute_query(question, keywords)
            if rewritten:
                legs["synonyms"] = self._bm25_ids(rewritten, allowed)
        ask = ask_text(question)
        if self.weights.get("ask") and ask != question:
            own = keyword_tokens(ask)
            legs["ask"] = self._bm25_ids(statute_query(ask, own) or own, allowed)
        return legs

    def _ask_dense_leg(self, question: str, allowed: set[int] | None) -> dict[str, list[str]]:
        """{"ask_dense": chunk ids} for a story's closing question, embedded on its own
        (its diacritics restored, as for the dense leg); {} for a search-box question or
        a story of a sentence or two (RankingConfig.ask_dense_background).
        The caller runs it only when the dense leg is on."""
        ask = self._ask_to_embed(question) if self.weights.get("ask_dense") else None
        return {"ask_dense": self._dense_ranking(ask, allowed)} if ask else {}

    def _ask_to_embed(self, question: str) -> str | None:
        """A story's closing question as the embedding model reads it (diacritics
        restored), or None for a search-box question or a story of a sentence or two
        (RankingConfig.ask_dense_background): a short background names the subject, and
        the whole question's embedding carries it."""
        if background_words(question) < RANKING.ask_dense_background:
            return None
        return self._semantic(ask_text(question))

    def _semantic(self, text: str) -> str:
        return restore(text, self.diacritics) if needs_restoring(text) else text

    def _subjects_legs(self, question: str, keywords: list[str], allowed: set[int] | None,
                       dense: bool = False) -> dict[str, list[str]]:
        """For a story: {"subjects": the articles whose everyday-words entry in the subject
        index (`retrieval.subject_index`) best meets the whole story, "subjects_ask": the
        same for its closing question alone}, and with `dense` (the dense leg is on) the
        same two by meaning ("subjects_dense", "subjects_dense_ask":
        `retrieval.subject_vectors`); {} for a search-box question (it already speaks the
        statute's words) or when the weights are 0."""
        from pathways.facts import is_story

        if not is_story(question):
            return {}
        ask = ask_text(question)
        legs: dict[str, list[str]] = {}
        if self.weights.get("subjects"):  # stems and first letters (retrieval.subject_index.PREFIX)
            legs["subjects"] = self.subject_index.query(keywords + prefix_terms(question), RANKING.candidates,
                                                        allowed)
            if ask != question:
                legs["subjects_ask"] = self.subject_index.query(keyword_tokens(ask) + prefix_terms(ask),
                                                                RANKING.candidates, allowed)
        vectors = self.subject_vectors if dense and self.weights.get("subjects_dense") else None
        if vectors is not None:  # the closing question only as ask_dense embeds it on its own
            texts = {"subjects_dense": self._semantic(question), "subjects_dense_ask": self._ask_to_embed(question)}
            for leg, text in texts.items():
                vector = self.dense.vector(text) if text else None
                if vector is not None:  # None: the model failed, and the dense leg says why
                    legs[leg] = vectors.query(vector, RANKING.candidates, allowed)
        return {leg: ids for leg, ids in legs.items() if ids}

    def _keep_agreed_subject(self, ranked: list[tuple[str, float]], rankings: dict[str, list[str]]):
        """The first article both subject legs put within their first
        RankingConfig.subjects_agree, kept within the first RankingConfig.subjects_slot:
        the story and its question describe the same article's situation."""
        from retrieval.fusion import reserve
        from retrieval.priors import unit_of

        n = RANKING.subjects_agree
        asked = set(rankings.get("subjects_ask", [])[:n])
        both = [cid for cid in rankings.get("subjects", [])[:n] if cid in asked]
        if not both:
            return ranked
        return reserve(ranked, both[0], RANKING.subjects_slot, lambda cid: unit_of(self.by_id[cid]))

    @property
    def subject_index(self):
        """The subject index over this index's articles, built on first use (about a second)."""
        if getattr(self, "_subject_index", None) is None:
            from retrieval.subject_index import SubjectIndex, load_entries

            self._subject_index = SubjectIndex(load_entries(), self.chunks)
        return self._subject_index

    @property
    def subject_vectors(self):
        """The subject index's embedded phrases for this index's model
        (`retrieval.subject_vectors`), or None when none were built; read again when a
        sync rewrites them (they are written after the chunks' vectors)."""
        from retrieval.subject_vectors import VECTORS_FILE, SubjectVectors

        path = self.index_dir / VECTORS_FILE
        stamp = path.stat().st_mtime_ns if path.is_file() else None
        cached = getattr(self, "_subject_vectors", None)
        if cached is None or cached[0] != stamp:
            from core.errors import ConfigError
            from retrieval.subject_index import load_entries

            try:
                loaded = None if stamp is None else SubjectVectors.load(
                    self.index_dir, self.dense.dense.embedder.name, load_entries(), self.chunks)
            except ConfigError as e:  # a broken file costs the leg, not the search
                log.warning("%s; the subject index's dense legs are off until it is rebuilt", e)
                loaded = None
            self._subject_vectors = (stamp, loaded)
        return self._subject_vectors[1]

    def _bm25_ids(self, tokens: list[str], allowed: set[int] | None) -> list[str]:
        return [cid for cid, _ in self.bm25.query(tokens, RANKING.candidates, allowed=allowed)]
