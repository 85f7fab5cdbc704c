"""`Searcher`: a loaded index that answers `search(question, k, filters, mode)`.

Holds the serving build's chunks, the BM25 index, the citation index and (lazily)
the dense leg. Ranking: provisions the question names exactly ("čl. 254 ZKP",
"Rantsev § 281") first, then weighted reciprocal-rank fusion of BM25 and dense,
scaled by the priors of `retrieval.priors` (document kind, unit-less text, definition
questions), collapsed so one article split in pieces, or one decision, appears once.
Serves from BM25 alone while the dense leg is missing or still being built.
"""
from __future__ import annotations

from core.records import Chunk, Document
from functools import lru_cache
from pathlib import Path

from core import store
from core.errors import ConfigError, IndexMissing
from retrieval.diacritics import needs_restoring, restore
from retrieval.filters import Filters
from retrieval.glossary import keyword_tokens
from retrieval.hit import Hit
from retrieval.answer_type import asked_type
from retrieval.intents import asked_sentence, asks_definition, defines_terms
from retrieval.learned_order import OrderModel, reorder
from retrieval.config import RANKING
from retrieval.priors import prior, unit_of
from retrieval.searcher_concepts import ConceptsMixin
from retrieval.searcher_dense import DenseMixin
from retrieval.searcher_guide import GuideMixin
from retrieval.searcher_named import NamedMixin
from retrieval.searcher_words import WordsMixin

MODES = ("hybrid", "bm25", "dense")
# The ranking knobs and where each was tuned: retrieval.config.RankingConfig.
DEFAULT_WEIGHTS = RANKING.weights
# Legs fused with another leg's weight: a body of law the question names weighs as a
# named document; a story's closing question in the subject index as the whole story.
_WEIGHT_OF = {"scope": "named", "subjects_ask": "subjects", "subjects_dense_ask": "subjects_dense"}


class Searcher(DenseMixin, GuideMixin, ConceptsMixin, WordsMixin, NamedMixin):
    """A loaded index. The dense leg's methods are `retrieval.searcher_dense.DenseMixin`'s,
    the remedy guide's (`remedies`, `guide`, `remedies_for_facts`, `hit_for`) are
    `retrieval.searcher_guide.GuideMixin`'s, the concepts leg's
    `retrieval.searcher_concepts.ConceptsMixin`'s, the synonyms, ask and subject-index
    legs' `retrieval.searcher_words.WordsMixin`'s, the named leg's
    `retrieval.searcher_named.NamedMixin`'s."""

    def __init__(self, index_dir: Path, weights: dict[str, float] | None = None,
                 embedder: str | None = None, chroma_host: str | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.build = store.require_build(self.index_dir)
        self.weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
        bad = set(self.weights) - set(DEFAULT_WEIGHTS)
        if bad or any(w < 0 for w in self.weights.values()):
            raise ConfigError(f"weights {self.weights!r}: allowed legs {sorted(DEFAULT_WEIGHTS)}, "
                              "each ≥ 0")
        self.documents: dict[str, Document] = {d.source: d for d in store.read_documents(self.build)}
        self.chunks: list[Chunk] = store.read_chunks(self.build)
        self.by_id: dict[str, Chunk] = {c.id: c for c in self.chunks}
        self.position: dict[str, int] = {c.id: i for i, c in enumerate(self.chunks)}
        from retrieval.bm25_index import BM25Index
        from retrieval.sources.citations import CitationIndex

        self.bm25 = BM25Index.load(self.build / "bm25")
        from retrieval.term_stats import TermStats

        self.term_stats = TermStats(len(self.bm25), self.bm25.doc_freq)
        self.citations = CitationIndex(self.chunks, list(self.documents.values()))
        config_path = self.index_dir / store.DENSE_CONFIG
        config = store.read_json(config_path) if config_path.is_file() else {}
        self._embedder_spec = embedder or config.get("embedder")
        self._chroma_host = chroma_host or config.get("chroma_host")
        self._dense = None
        self._by_source: dict[str, list[int]] | None = None
        self._diacritics: dict[str, str] | None = None
        self._serbian: set[int] | None = None
        self._ecthr: set[int] | None = None
        self._allowed_cache: dict[Filters, set[int]] = {}
        self._defining: set[str] | None = None
        self._plans: dict = {}
        self._resolved_guide = None
        self._order_model: OrderModel | None | bool = False  # read on first use (order_model)

    # -- search -------------------------------------------------------------------------
    def _allowed(self, filters: Filters | None) -> set[int] | None:
        if filters is None or filters.empty:
            return None
        if filters not in self._allowed_cache:  # the app asks many questions under one filter
            if len(self._allowed_cache) > 32:
                self._allowed_cache.clear()
            self._allowed_cache[filters] = {
                i for i, c in enumerate(self.chunks)
                if filters.matches(c, self.documents[c.source].metadata if c.source in self.documents else {})}
        return self._allowed_cache[filters]

    def search(self, question: str, k: int = 10, filters: Filters | None = None,
               mode: str = "hybrid") -> list[Hit]:
        if mode not in MODES:
            raise ConfigError(f"mode {mode!r} is not one of {MODES}")
        if k < 1:
            raise ConfigError(f"k={k} must be ≥ 1")
        question = question.strip()
        if not question:
            return []
        allowed = self._allowed(filters)
        # English legal terms get their Serbian statute words for the keyword legs.
        keywords = keyword_tokens(question)
        rankings: dict[str, list[str]] = {}
        if mode in ("hybrid", "bm25"):
            rankings["bm25"] = [cid for cid, _ in self.bm25.query(keywords, RANKING.candidates, allowed=allowed)]
        use_dense = self._dense_on(mode)
        # The embedding model needs the diacritics that keyword search folds away.
        semantic = restore(question, self.diacritics) if use_dense and needs_restoring(question) else question
        if use_dense:
            rankings["dense"] = self._dense_ranking(semantic, allowed)
            rankings.update(self._ask_dense_leg(question, allowed))  # a story's own question

        named_sources = set(self.citations.named_sources(question))
        named = self._named_leg(question, named_sources, keywords, semantic, allowed, mode)
        if named:
            # A document the question names ("named"), or only a body of law it names
            # ("scope": Serbian law, the ECtHR's case law), which says where to look but
            # not what about: the answer still asks the sources to hold its subject.
            rankings["named" if named_sources else "scope"] = named

        plan = self.remedies(question, filters) if self.weights.get("pathways") else None
        if plan is not None and mode in ("hybrid", "bm25"):
            rankings["pathways"] = self._pathway_ranking(plan, keywords)

        heads: list[str] = []
        if mode in ("hybrid", "bm25") and self.weights.get("concepts"):
            concepts, heads = self._concept_leg(question, allowed)
            if concepts:
                rankings["concepts"] = concepts

        if mode in ("hybrid", "bm25"):  # the statute's words for everyday ones; a story's own question
            rankings.update(self._word_legs(question, keywords, allowed))
            rankings.update(self._subjects_legs(question, keywords, allowed, use_dense))  # the subject index

        # A story asking, in general, for the remedy its routes give ("Kako može da dobije
        # naknadu štete?") is not reordered by its generic words: they raised ZOO čl. 423
        # ("ne može da se dobije naknada", co-debtors) into the app's own example.
        from retrieval.remedies import asks_in_general

        general = plan is not None and asks_in_general(plan, asked_type(asked_sentence(question)))
        ranked, seen, fits = self._ranked(question, rankings, heads, allowed, named_sources, rerank=not general)
        legs = {leg: set(ids) for leg, ids in rankings.items()}
        hits = []
        for rank, (cid, score) in enumerate(ranked[:k], start=1):
            chunk = self.by_id[cid]
            doc = self.documents.get(chunk.source)
            via = tuple(["citation"] if cid in seen else []) + tuple(l for l in legs if cid in legs[l])
            hits.append(Hit(rank, score, chunk, url=doc.url if doc else None, document=doc, via=via,
                            stats=self.term_stats, fit=fits.get(cid)))
        return hits

    def _ranked(self, question: str, rankings: dict[str, list[str]], heads: list[str], allowed: set[int] | None,
                named_sources: set[str],
                rerank: bool = True) -> tuple[list[tuple[str, float]], set[str], dict[str, float]]:
        """The legs' rankings fused and ordered (priors, cited provisions first, one entry
        per unit, bulletin pages capped, reserved places), the ids the question cites, and
        the learned order's probabilities (`Hit.fit`); `named_sources`: the documents it names.
        Separate from `search` so a fusion experiment can rerun it on recorded legs."""
        from retrieval.fusion import cap_per_group, collapse, reserve, reweight, rrf
        from pathways.facts import is_story  # a story fuses more legs: RankingConfig.story_rrf_k

        weights = {leg: self.weights.get(_WEIGHT_OF.get(leg, leg), 1.0) for leg in rankings}
        story = is_story(question)
        fused = rrf(rankings, weights, RANKING.story_rrf_k if story else RANKING.rrf_k) if rankings else []
        definition = asks_definition(question)
        fused = reweight(fused, lambda cid: prior(self.by_id[cid], named_sources, definition, self._defines(cid)))
        cited = [cid for cid in self.citations.lookup(question)
                 if allowed is None or self.position[cid] in allowed]
        top = fused[0][1] if fused else 1.0
        # Named provisions first, above anything fusion found, in their own order.
        boosted = [(cid, top + 1.0 - i * 1e-6) for i, cid in enumerate(cited)]
        seen = set(cited)
        ranked = boosted + [(cid, s) for cid, s in fused if cid not in seen]
        ranked = collapse(ranked, lambda cid: unit_of(self.by_id[cid]))
        ranked = cap_per_group(ranked, self._bulletin_of, RANKING.pages_per_bulletin)
        if heads:  # the best-supported concepts' provisions stay in view
            ranked = self._keep_concept_heads(ranked, heads)
        if rankings.get("pathways"):  # and so does the guide's best provision for the story
            ranked = reserve(ranked, rankings["pathways"][0], RANKING.pathway_slot, lambda cid: unit_of(self.by_id[cid]))
        if rankings.get("subjects_ask"):  # and the article both subject legs agree on
            ranked = self._keep_agreed_subject(ranked, rankings)
        if not (story and rerank):
            return ranked, seen, {}
        # A story's first results by whether they answer its own question; the
        # provisions it cites, and always the first, stay where they are. (A search-box
        # question's legs already read only the question: reordering it gained one of
        # 178 there and answered two more of the 658 unanswerable questions.)
        cited = next((i for i, (cid, _) in enumerate(ranked) if cid not in seen), len(ranked))
        ranked = self._reranked(ranked, question, max(1, cited))
        # then by the model learned on the development stories (retrieval.learned_order)
        ranked, fits = reorder(self.order_model, ranked, cited, question, rankings, self.by_id.__getitem__,
                               unit_of, self.term_stats.idf)
        return ranked, seen, fits

    def _reranked(self, ranked: list[tuple[str, float]], question: str, keep: int) -> list[tuple[str, float]]:
        """The first results reordered by whether each answers what is asked (`retrieval.rerank`)."""
        from retrieval.rerank import answer_rerank, unit_text

        return answer_rerank(ranked, question, lambda cid: unit_text(self.by_id[cid]), self.term_stats.idf,
                             RANKING.rerank_depth, RANKING.rerank_k, RANKING.rerank_coverage, RANKING.rerank_states,
                             keep)

    @property
    def order_model(self) -> OrderModel | None:
        """The learned order of a story's first results (`retrieval.learned_order`), read
        once; None without its file (fusion's order stays). A trainer sets it to None."""
        if self._order_model is False:
            self._order_model = OrderModel.load()
        return self._order_model

    @order_model.setter
    def order_model(self, model: OrderModel | None) -> None:
        self._order_model = model

    def _defines(self, cid: str) -> bool:
        if self._defining is None:
            self._defining = {c.id for c in self.chunks if defines_terms(c)}
        return cid in self._defining

    def absent(self, question: str) -> list[str]:
        """Sources the question names that this index does not hold (retrieval.sources.absent);
        the chunk texts let a decision number that a held document quotes count as known."""
        from retrieval.sources.absent import absent_references

        return absent_references(question, self.citations, self.documents.values(),
                                 (c.text for c in self.chunks))

    def _bulletin_of(self, cid: str) -> str | None:
        c = self.by_id[cid]
        return c.source if c.kind == "court_bulletin" else None


@lru_cache(maxsize=4)
def _searcher_for(index_dir: str, build_name: str) -> Searcher:
    return Searcher(Path(index_dir))


def get_searcher(index_dir: Path) -> Searcher:
    """One loaded Searcher per index and build: a new build is picked up on next call. A
    build removed while it loaded (publishes faster than core.builds' grace period) is
    loaded again, once, from the new CURRENT."""
    key = str(Path(index_dir).resolve())
    build = store.require_build(Path(index_dir))
    try:
        return _searcher_for(key, build.name)
    except (FileNotFoundError, IndexMissing):
        if store.current_build(Path(index_dir)) == build:
            raise  # not a race: the serving build itself is broken
    return _searcher_for(key, store.require_build(Path(index_dir)).name)
