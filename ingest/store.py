"""The index directory on disk: immutable builds and an atomic pointer to the current one.

    <index>/CURRENT                 name of the serving build (replaced atomically)
    <index>/builds/<id>/            manifest.json, documents.jsonl, chunks.jsonl, bm25/
    <index>/chroma/, embeddings.sqlite, dense_status.json
                                    shared by builds: keyed by content-hash chunk ids,
                                    so they never disagree with a build

A build is written under builds/.tmp-<id>/ and renamed into place before CURRENT is
switched, so a failed or interrupted build never touches what is serving. This module
knows nothing about parsing or searching.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Iterable, Iterator

from ingest.errors import IndexMissing
from ingest.records import Chunk, Document

KEEP_BUILDS = 2  # the serving build and the one before it


def current_build(index_dir: Path) -> Path | None:
    """The serving build directory, or None when there is no complete index."""
    pointer = index_dir / "CURRENT"
    if not pointer.is_file():
        return None
    build = index_dir / "builds" / pointer.read_text(encoding="utf-8").strip()
    return build if (build / "manifest.json").is_file() else None


def require_build(index_dir: Path) -> Path:
    build = current_build(index_dir)
    if build is None:
        raise IndexMissing(
            f"no index at {index_dir}: build one with `python -m ingest --index {index_dir}`"
        )
    return build


def new_tmp_build(index_dir: Path) -> Path:
    build_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    tmp = index_dir / "builds" / f".tmp-{build_id}"
    tmp.mkdir(parents=True)
    return tmp


def publish(tmp: Path) -> Path:
    """Rename a finished tmp build into place and point CURRENT at it (atomic)."""
    final = tmp.with_name(tmp.name.removeprefix(".tmp-"))
    os.replace(tmp, final)
    index_dir = final.parent.parent
    pointer_tmp = index_dir / f".CURRENT.{uuid.uuid4().hex[:6]}"
    pointer_tmp.write_text(final.name, encoding="utf-8")
    os.replace(pointer_tmp, index_dir / "CURRENT")
    _collect_garbage(index_dir, keep=final.name)
    return final


def discard(tmp: Path) -> None:
    shutil.rmtree(tmp, ignore_errors=True)


def _collect_garbage(index_dir: Path, keep: str) -> None:
    builds = sorted(
        (p for p in (index_dir / "builds").iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    old = [p for p in builds if p.name != keep][: max(0, len(builds) - KEEP_BUILDS)]
    for p in old:
        shutil.rmtree(p, ignore_errors=True)
    for p in (index_dir / "builds").glob(".tmp-*"):
        # a tmp dir older than an hour is the debris of a killed build
        if time.time() - p.stat().st_mtime > 3600:
            shutil.rmtree(p, ignore_errors=True)


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def write_records(build: Path, documents: list[Document], chunks: list[Chunk]) -> None:
    write_jsonl(build / "documents.jsonl", (d.to_dict() for d in documents))
    write_jsonl(build / "chunks.jsonl", (c.to_dict() for c in chunks))


def read_documents(build: Path) -> list[Document]:
    return [Document.from_dict(d) for d in read_jsonl(build / "documents.jsonl")]


def read_chunks(build: Path) -> list[Chunk]:
    return [Chunk.from_dict(d) for d in read_jsonl(build / "chunks.jsonl")]


def write_json(path: Path, obj: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
