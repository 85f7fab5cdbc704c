"""The index directory on disk: immutable builds and an atomic pointer to the current one.

    <index>/CURRENT                 name of the serving build (replaced atomically)
    <index>/builds/<id>/            manifest.json, documents.jsonl, chunks.jsonl, bm25/
    <index>/chroma/, embeddings.sqlite, dense_status.json
                                    shared by builds: keyed by content-hash chunk ids,
                                    so they never disagree with a build

A build is written under builds/.tmp-<id>/ and renamed into place before CURRENT is
switched, so a failed or interrupted build never touches what is serving; a publish
that fails half-way (a full disk) removes what it wrote. Which folders are ours and when
an old build may be deleted is core.builds. This module knows nothing about parsing or
searching.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Iterable, Iterator

from core import builds
from core.errors import IndexMissing
from core.records import Chunk, Document

KEEP_BUILDS = builds.KEEP_BUILDS  # the serving build and the one before it
# Files of the index layout written by indexing.build and read by retrieval:
DENSE_CONFIG = "dense.json"  # top level: the embedder and Chroma host the dense leg was built with
DIACRITICS = "diacritics.json"  # in a build: folded word -> the corpus's spelling (retrieval.diacritics)


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
    """A new, marked tmp build folder; NotAnIndex when `index_dir` is someone else's folder."""
    builds.check_index_dir(index_dir)
    build_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    tmp = index_dir / "builds" / f".tmp-{build_id}"
    tmp.mkdir(parents=True)
    try:
        builds.mark_new(tmp)
    except BaseException:
        discard(tmp)
        raise
    return tmp


def publish(tmp: Path) -> Path:
    """Rename a finished tmp build into place and point CURRENT at it (atomic). When that
    fails (a full disk), what it wrote is removed and the serving build stays current."""
    final = tmp.with_name(tmp.name.removeprefix(".tmp-"))
    index_dir = final.parent.parent
    previous = current_build(index_dir)
    pointer_tmp = index_dir / f".CURRENT.{uuid.uuid4().hex[:6]}"
    os.replace(tmp, final)
    try:
        if previous is not None and previous != final:
            builds.mark_retired(previous)  # starts its grace period before CURRENT moves on
        pointer_tmp.write_text(final.name, encoding="utf-8")
        os.replace(pointer_tmp, index_dir / "CURRENT")
    except BaseException:
        pointer_tmp.unlink(missing_ok=True)
        if previous is not None and current_build(index_dir) == previous:
            (previous / builds.RETIRED_MARKER).unlink(missing_ok=True)  # it serves on
        discard(final)
        raise
    builds.collect_garbage(index_dir, keep=final.name)
    return final


def discard(tmp: Path) -> None:
    shutil.rmtree(tmp, ignore_errors=True)


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
    try:
        tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk leaves no half-written .tmp behind
        raise


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def read_data_list(path: str | Path, key: str, what: str) -> list:
    """The list under `key` of a JSON data file the product ships (a thesaurus, a table of
    subjects); a file that cannot be read or has no such list is refused naming it."""
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))[key]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ValueError(f"{path}: not a {what} file with a {key!r} list ({e})") from e
    if not isinstance(value, list):
        raise ValueError(f"{path}: not a {what} file: {key!r} is not a list")
    return value
