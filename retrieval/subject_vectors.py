"""The subject index's dense side: every entry's phrases embedded, a story matched
against them by meaning.

    sync_subject_vectors(index_dir, embedder, chunks, cache)   # at build, after the chunks
    vectors = SubjectVectors.load(index_dir, embedder.name, load_entries(), chunks)
    vectors.query(story_vector, k=100)                         # chunk ids, best first

The entries (`retrieval.subject_index`) are the questions and situations a client brings,
in her words; BM25 over them needs a story to share those words ("gazda" meets "gazda",
not "vlasnik kafane"). Here each entry's Serbian and English phrases are embedded as
queries, the story too, and a unit scores its best phrase's cosine: a story and a line
that say the same thing in other words meet. The phrases are never shown or quoted.

Stored beside the dense store as `subject_vectors.npz` (the model's name, one id per
embedded text, the vectors), written whole after each sync, so a search loads it in one
read; the texts' vectors are also kept in the embedding cache (id "subject:" + hash of
the text), so an edited entry re-embeds only its own lines. A build without the file,
or with another model's, has no subject dense leg: the searcher goes on without it.

Deliberately not here: fusing the leg (`retrieval.searcher_words`), BM25 over the
entries (`retrieval.subject_index`), and embedding chunks (`retrieval.dense_index`).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable, Collection, Iterable

import numpy as np

from core.errors import ConfigError
from retrieval.subject_index import Entry, load_entries, unit_chunks

VECTORS_FILE = "subject_vectors.npz"
_BATCH = 64


def text_id(text: str) -> str:
    """The cache id of one embedded text: its content hash, so an unchanged line keeps
    its vector across edits of its file."""
    return "subject:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def entry_texts(entries: Iterable[Entry], chunks: Iterable) -> list[str]:
    """The texts to embed: each held unit's Serbian and English phrases, once each."""
    held = unit_chunks(chunks)
    return list(dict.fromkeys(t for e in entries if e.key in held for t in (e.sr, e.en) if t))


def sync_subject_vectors(index_dir: Path, embedder, chunks: list, cache,
                         entries: Iterable[Entry] | None = None,
                         progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Embed the entries' texts the cache lacks (as queries, `_BATCH` at a time, each batch
    cached at once: an interrupted sync resumes), then write `subject_vectors.npz` for
    the texts of the units `chunks` hold. Returns {"total", "from_cache", "embedded"}."""
    texts = entry_texts(load_entries() if entries is None else entries, chunks)
    ids = [text_id(t) for t in texts]
    found = cache.get_many(embedder.name, ids)
    todo = [(i, t) for i, t in zip(ids, texts) if i not in found]
    counts = {"total": len(texts), "from_cache": len(texts) - len(todo), "embedded": 0}
    for start in range(0, len(todo), _BATCH):
        part = todo[start:start + _BATCH]
        vectors = embedder.embed_queries([t for _, t in part])
        cache.put_many(embedder.name, zip((i for i, _ in part), vectors))
        found.update({i: v for (i, _), v in zip(part, vectors)})
        counts["embedded"] += len(part)
        if progress:
            progress(counts["from_cache"] + counts["embedded"], len(texts))
    matrix = np.asarray([found[i] for i in ids], dtype=np.float32).reshape(len(ids), embedder.dim)
    _write(Path(index_dir) / VECTORS_FILE, embedder.name, ids, matrix)
    return counts


def _write(path: Path, model: str, ids: list[str], matrix: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npz")
    try:
        np.savez(tmp, model=np.array(model), ids=np.array(ids, dtype=str), vectors=matrix)
        os.replace(tmp, path)  # a search never reads a half-written file
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class SubjectVectors:
    """The embedded phrases of the entries whose unit the loaded index holds; a row
    stands for its unit's first chunk, as in `retrieval.subject_index.SubjectIndex`."""

    def __init__(self, entries: Iterable[Entry], chunks: Iterable, vectors: dict[str, np.ndarray]) -> None:
        held = unit_chunks(chunks)
        units: dict[tuple[int, str], int] = {}
        rows, owner = [], []
        for e in entries:
            at = held.get(e.key)
            for text in (e.sr, e.en) if at is not None else ():
                vector = vectors.get(text_id(text)) if text else None
                if vector is not None:
                    rows.append(vector)
                    owner.append(units.setdefault(at, len(units)))
        self.positions = np.array([pos for pos, _ in units], dtype=np.int64)
        self.chunk_ids = [cid for _, cid in units]
        self._owner = np.array(owner, dtype=np.int64)
        self._matrix = np.asarray(rows, dtype=np.float32).reshape(len(rows), -1) if rows else None

    @classmethod
    def load(cls, index_dir: Path, model: str, entries: Iterable[Entry], chunks: Iterable) -> "SubjectVectors | None":
        """The stored vectors of `model`, or None when none were built for it."""
        path = Path(index_dir) / VECTORS_FILE
        if not path.is_file():
            return None
        try:
            with np.load(path) as data:
                if str(data["model"]) != model:
                    return None
                stored = dict(zip(data["ids"].tolist(), data["vectors"]))
        except (OSError, ValueError, KeyError) as e:
            raise ConfigError(f"{path}: unreadable subject vectors ({e}); run `python -m ingest` to rebuild them") from e
        return cls(entries, chunks, stored)

    def __len__(self) -> int:
        return len(self.chunk_ids)

    def query(self, vector, k: int, allowed: Collection[int] | None = None) -> list[str]:
        """Chunk ids of the units whose best phrase is closest to `vector`, best first;
        only units whose first chunk is in `allowed` (row positions) when given."""
        if self._matrix is None or k <= 0:
            return []
        q = np.asarray(vector, dtype=np.float32)
        if q.shape != (self._matrix.shape[1],):
            raise ConfigError(f"query vector of shape {q.shape}; the subject vectors have {self._matrix.shape[1]} dims")
        best = np.full(len(self.chunk_ids), -np.inf, dtype=np.float32)
        np.maximum.at(best, self._owner, self._matrix @ q)
        if allowed is not None:
            keep = np.isin(self.positions, np.fromiter(allowed, dtype=np.int64, count=len(allowed)))
            best = np.where(keep, best, -np.inf)
        order = np.argsort(-best, kind="stable")[:k]
        return [self.chunk_ids[r] for r in order if np.isfinite(best[r])]
