"""Make an embedded Chroma store rank the same in every process.

Chroma persists a collection's HNSW graph only every `sync_threshold` (1000) writes; the
writes since the last persist stay in its log and are inserted into a fresh in-memory
graph each time a process opens the store, in an order that varies. So the same question
could get a slightly different dense ranking after every restart (measured on the
bundled corpus: 348 logged vectors; the top 10 of 21 of 242 QA questions changed between
two processes). `settle` persists the whole graph at the end of a sync.

How, with the public API only: a graph loaded under a tiny threshold persists on its next
write, so lower the threshold, reopen the store, rewrite one vector unchanged, then put
Chroma's defaults back for the next bulk sync. The store is reopened through
retrieval.chroma_clients, which waits for other threads' calls and closes only this
store's client (clearing Chroma's whole system cache broke every other thread's client).
A Chroma server (HttpClient) manages its own persistence and is left alone.
"""
from __future__ import annotations

PERSIST_DEFAULTS = {"sync_threshold": 1000, "batch_size": 100}  # Chroma's own
_FLUSH = {"sync_threshold": 2, "batch_size": 2}  # the smallest Chroma accepts


def settle(dense) -> None:
    """Persist `dense`'s (a retrieval.dense_index.DenseIndex) whole graph to disk."""
    if dense.chroma_host:
        return
    from retrieval import chroma_clients

    one = dense._call(lambda col: col.get(limit=1, include=["embeddings"]))
    if not one["ids"]:
        return
    dense._call(lambda col: col.modify(configuration={"hnsw": dict(_FLUSH)}))
    chroma_clients.reopen(dense.store_key)  # reload the graph under the new threshold
    dense._call(lambda col: col.upsert(ids=one["ids"], embeddings=one["embeddings"]))
    dense._call(lambda col: col.modify(configuration={"hnsw": dict(PERSIST_DEFAULTS)}))
