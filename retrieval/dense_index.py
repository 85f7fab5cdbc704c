"""`DenseIndex`: chunk vectors in a Chroma collection, kept in step with the chunk list.

- One collection per embedder, named from `embedder.name`, so changing model never
  mixes vectors. Cosine space, `ef_search` 200 (Chroma's default gave poor recall).
- Vectors are always ours: `sync` passes them on upsert and `query` searches by vector.
  Our Embedder is also registered as the collection's embedding function, so nothing can
  fall back to Chroma's default, which downloads an ONNX model. A collection created here
  and opened without this module raises instead of embedding.
- `sync` embeds only ids the collection lacks, reading `retrieval.embedding_cache` first
  and writing it batch by batch (an interrupted sync resumes), deletes ids no longer
  wanted, and writes `dense_status.json` after every batch for other processes.
- Local `PersistentClient` under `index_dir/chroma` by default; `HttpClient` when a host
  is given ("host" or "host:port"). One client per store for the whole process, shared by
  every thread (retrieval.chroma_clients): a client per thread breaks Chroma.

Agnostic of `Chunk`: callers pass ids and the texts to embed. Does not rank or fuse
(that is the hybrid search), and does not read the environment.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from core.errors import ConfigError
from retrieval import chroma_clients
from retrieval.chroma_embedder import ChromaEmbedder
from retrieval.embedders.base import Embedder
from retrieval.embedding_cache import EmbeddingCache

STATUS_FILE = "dense_status.json"
CACHE_FILE = "embeddings.sqlite"  # the name core/store.py documents
HNSW = {"space": "cosine", "ef_search": 200}
_CACHED_BATCH = 1000  # upserting already-cached vectors needs no model, so bigger batches
_QUERIES_KEPT = 16  # one search embeds the same text for several legs (dense, named, subjects)
_COLLECTION_NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]$")


def collection_name(model: str) -> str:
    """A valid Chroma collection name for a model name; the hash keeps names distinct."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", model).strip("-._")[:48] or "model"
    return f"dense-{slug}-{hashlib.sha256(model.encode('utf-8')).hexdigest()[:8]}"


class DenseIndex:
    def __init__(
        self,
        index_dir: Path | str,
        embedder: Embedder,
        chroma_host: str | None = None,
        chroma_port: int = 8000,
        collection: str | None = None,
        cache_path: Path | str | None = None,
    ) -> None:
        if not isinstance(index_dir, (str, Path)) or not str(index_dir):
            raise ConfigError(f"index_dir {index_dir!r} is not allowed; give a directory path")
        if not isinstance(embedder, Embedder):
            raise ConfigError(f"embedder {embedder!r} is not allowed; give a retrieval.embedders.Embedder")
        if chroma_host is not None and (not isinstance(chroma_host, str) or not chroma_host.strip()):
            raise ConfigError(f"chroma_host {chroma_host!r} is not allowed; give a host name or None")
        if chroma_host and re.fullmatch(r"[^:/]+:\d{1,5}", chroma_host):  # "host:port"
            chroma_host, port = chroma_host.rsplit(":", 1)
            chroma_port = int(port)
        if not isinstance(chroma_port, int) or not 0 < chroma_port < 65536:
            raise ConfigError(f"chroma_port {chroma_port!r} is not allowed; use an int in 1..65535")
        name = collection or collection_name(embedder.name)
        if not _COLLECTION_NAME.match(name) or ".." in name:
            raise ConfigError(
                f"collection {name!r} is not allowed; use 3-512 characters from [a-zA-Z0-9._-], "
                "starting and ending with a letter or digit"
            )
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.chroma_host = chroma_host
        self.chroma_port = chroma_port
        self.collection_name = name
        # The cache path is overridable so that a build into a fresh directory can reuse
        # the vectors of the index it replaces.
        self.cache_path = Path(cache_path) if cache_path else self.index_dir / CACHE_FILE
        self.status_path = self.index_dir / STATUS_FILE
        self.store_key = (chroma_clients.http_key(self.chroma_host, self.chroma_port) if self.chroma_host
                          else chroma_clients.path_key(self.index_dir / "chroma"))
        self._collection = None
        self._generation = -1
        self._cache: EmbeddingCache | None = None
        self._queries: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    # -- lazy resources -------------------------------------------------------------
    def _col(self):
        """This index's collection on the store's shared client (fetched again after the
        client was reopened). Call Chroma through `_call`, which holds the store."""
        generation = chroma_clients.generation(self.store_key)
        with self._lock:
            if self._collection is None or self._generation != generation:
                self._collection = chroma_clients.collection(self.store_key, lambda client: (
                    client.get_or_create_collection(
                        self.collection_name,
                        configuration={"hnsw": dict(HNSW)},
                        metadata={"model": self.embedder.name},
                        embedding_function=ChromaEmbedder(self.embedder),
                    )))
                self._generation = generation
        return self._collection

    def _call(self, fn: Callable[[Any], Any]) -> Any:
        """fn(collection), with the store held so that no reopen pulls it away mid-call."""
        with chroma_clients.using(self.store_key):
            return fn(self._col())

    def embedding_cache(self) -> EmbeddingCache:
        """The vectors already computed, by model and id (opened on first use)."""
        if self._cache is None:
            self._cache = EmbeddingCache(self.cache_path)
        return self._cache

    # -- building -------------------------------------------------------------------
    def sync(
        self,
        chunk_ids: list[str],
        texts: list[str],
        progress: Callable[[int, int], None] | None = None,
        batch_size: int = 32,
    ) -> dict[str, int]:
        """Make the collection hold exactly `chunk_ids`, embedding only what it lacks.

        Returns counts: total, already (present before), from_cache, embedded, deleted.
        Repeated ids (identical content-hash chunks) are kept once.
        """
        if len(chunk_ids) != len(texts):
            raise ConfigError(f"sync got {len(chunk_ids)} chunk ids but {len(texts)} texts; they must pair up")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ConfigError(f"batch_size {batch_size!r} is not allowed; use an int >= 1")
        wanted = dict(zip(chunk_ids, texts))
        present = set(self._call(lambda col: col.get(include=[]))["ids"])
        stale = [i for i in present if i not in wanted]
        for start in range(0, len(stale), _CACHED_BATCH):
            part = stale[start : start + _CACHED_BATCH]
            self._call(lambda col: col.delete(ids=part))
        missing = [i for i in wanted if i not in present]
        counts = {"total": len(wanted), "already": len(wanted) - len(missing), "from_cache": 0,
                  "embedded": 0, "deleted": len(stale)}
        done = counts["already"]
        self._write_status(len(wanted), done)

        def advance(n: int) -> None:
            nonlocal done
            done += n
            self._write_status(len(wanted), done)
            if progress:
                progress(done, len(wanted))

        if progress:
            progress(done, len(wanted))
        model = self.embedder.name
        cache = self.embedding_cache()
        cached = cache.get_many(model, missing)
        hits = [i for i in missing if i in cached]
        for start in range(0, len(hits), _CACHED_BATCH):
            part = hits[start : start + _CACHED_BATCH]
            self._call(lambda col: col.upsert(ids=part, embeddings=[cached[i] for i in part]))
            counts["from_cache"] += len(part)
            advance(len(part))
        todo = [i for i in missing if i not in cached]
        for start in range(0, len(todo), batch_size):
            part = todo[start : start + batch_size]
            vectors = self.embedder.embed_passages([wanted[i] for i in part])
            cache.put_many(model, zip(part, vectors))  # cache first: a crash after this loses nothing
            self._call(lambda col: col.upsert(ids=part, embeddings=vectors))
            counts["embedded"] += len(part)
            advance(len(part))
        if stale or missing:
            self._settle()
        return counts

    def _settle(self) -> None:
        """Persist the whole HNSW graph now (retrieval.chroma_settle says why)."""
        from retrieval.chroma_settle import settle

        settle(self)

    def _write_status(self, total: int, done: int) -> None:
        status = {
            "model": self.embedder.name,
            "total": total,
            "done": done,
            "complete": done >= total,
            "updated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        self.index_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.status_path.with_name(f".{STATUS_FILE}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(status, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.status_path)  # readers never see a half-written file
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half-written tmp behind
            raise

    # -- reading --------------------------------------------------------------------
    def query(self, text: str, k: int, ids: list[str] | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, cosine similarity), optionally only among `ids`."""
        if not isinstance(k, int) or k < 1:
            raise ConfigError(f"k {k!r} is not allowed; use an int >= 1")
        vector = self.embed_query(text)  # outside the store's lock: the model is slow

        def run(col) -> dict | None:
            kwargs: dict[str, Any] = {}
            known = None
            if ids is not None:
                # Chroma fails the whole query on an id it does not hold, so keep known ones.
                known = col.get(ids=list(dict.fromkeys(ids)), include=[])["ids"] if ids else []
                if not known:
                    return None
                kwargs["ids"] = known
            n = min(k, len(known) if known is not None else col.count())
            if n == 0:
                return None
            return col.query(query_embeddings=[vector], n_results=n, include=["distances"], **kwargs)

        result = self._call(run)
        if result is None:
            return []
        return [(cid, 1.0 - float(d)) for cid, d in zip(result["ids"][0], result["distances"][0])]

    def embed_query(self, text: str) -> list[float]:
        """The query's vector; the last few are kept, since one search embeds the same
        story for several legs."""
        with self._lock:
            if text in self._queries:
                return self._queries[text]
        vector = self.embedder.embed_query(text)
        with self._lock:
            self._queries[text] = vector
            while len(self._queries) > _QUERIES_KEPT:
                self._queries.pop(next(iter(self._queries)))
        return vector

    def count(self) -> int:
        return self._call(lambda col: col.count())

    def status(self) -> dict[str, Any]:
        """The last written progress; `complete` False and zero counts when none yet."""
        try:
            return json.loads(self.status_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"model": self.embedder.name, "total": 0, "done": 0, "complete": False, "updated_at": None}
