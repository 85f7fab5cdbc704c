"""The ingest pipeline: corpus files -> records -> a new build -> atomic swap.

Steps: scan the corpus (and the user's folder, as `user/…`), decide per file from
the previous manifest whether it must be read (size/mtime changed, or the parsing
code changed), load the changed ones in worker processes, reuse the rest, write the
records and the lexical index into a tmp build, publish it. Skipped files are
reported with their reason and never stop the run; Ctrl-C or any failure discards
the tmp build and leaves the serving index as it was.

Not here: parsing (ingest/loaders), search indexes (indexing.build), the CLI.
"""
from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from core import builds, store
from core.errors import SkipFile
from ingest.manifest import PARSER_VERSION, package_versions, sha256_file, stat_fingerprint
from core.records import Chunk, Document, Loaded
from ingest.registry import is_ignored, load_file
from ingest.workers import init_worker, stop_pool


@dataclass
class IngestReport:
    build: Path | None = None
    up_to_date: bool = False
    read: int = 0
    reused: int = 0
    skipped: dict[str, str] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0


def scan(corpus: Path, user_dir: Path | None = None) -> list[tuple[str, Path]]:
    """(source, path) for every corpus file, sorted; the user's folder maps to `user/…`."""
    roots = [("", corpus)]
    if user_dir is not None and user_dir.is_dir() and user_dir.resolve() != (corpus / "user").resolve():
        roots.append(("user/", user_dir))
    found: dict[str, Path] = {}
    for prefix, root in roots:
        for p in root.rglob("*"):
            if p.is_file() or (p.is_symlink() and not p.exists()):
                source = prefix + p.relative_to(root).as_posix()
                if not is_ignored(source):
                    found[source] = p
    return sorted(found.items())


def _load_one(args: tuple[str, str]) -> tuple[str, str, Loaded | str, str | None]:
    source, path = args
    p = Path(path)
    try:
        sha = sha256_file(p)
        return source, "ok", load_file(p, source), sha
    except SkipFile as e:
        return source, "skip", e.reason, None
    except FileNotFoundError:
        return source, "skip", "file disappeared during ingest", None
    except PermissionError:
        return source, "skip", "cannot read the file: permission denied", None
    except Exception as e:  # a loader bug or a truly odd file must not stop the run
        return source, "skip", f"unexpected error: {type(e).__name__}: {e}", None


def _load_many(todo: list[tuple[str, Path]], workers: int, tick: Callable[[str], None]) -> Iterable:
    args = [(s, str(p)) for s, p in todo]
    if workers <= 1 or len(args) <= 1:
        for a in args:
            yield _load_one(a)
            tick(a[0])
        return
    # Workers die with this process (kill -9 included) and are killed on Ctrl-C/SIGTERM.
    with ProcessPoolExecutor(max_workers=workers, initializer=init_worker, initargs=(os.getpid(),)) as pool:
        try:
            # Big files first so one 250-page PDF does not finish last on its own.
            args.sort(key=lambda a: -Path(a[1]).stat().st_size if Path(a[1]).exists() else 0)
            for result in pool.map(_load_one, args, chunksize=1):
                yield result
                tick(result[0])
        except BaseException:
            stop_pool(pool)
            raise


def _previous(index_dir: Path) -> tuple[dict, dict[str, Document], dict[str, list[Chunk]]]:
    build = store.current_build(index_dir)
    if build is None:
        return {}, {}, {}
    manifest = store.read_json(build / "manifest.json")
    if manifest.get("parser_version") != PARSER_VERSION:
        return {}, {}, {}  # parsing changed: every file is read again
    docs = {d.source: d for d in store.read_documents(build)}
    chunks: dict[str, list[Chunk]] = defaultdict(list)
    for c in store.read_chunks(build):
        chunks[c.source].append(c)
    return manifest, docs, chunks


def build_index(
    corpus: Path,
    index_dir: Path,
    user_dir: Path | None = None,
    workers: int = 2,
    progress: Callable[[int, int, str], None] | None = None,
    lexical: bool = True,
) -> IngestReport:
    """Build or update the index at `index_dir` from `corpus`. Returns a report.

    Raises FileNotFoundError when the corpus directory does not exist, NotAnIndex when
    `index_dir` is a folder of other things, and re-raises KeyboardInterrupt or an OSError
    (a full disk) after discarding the unfinished build."""
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {corpus}")
    builds.check_index_dir(index_dir)  # before minutes of reading, not after
    t0 = time.perf_counter()
    files = scan(corpus, user_dir)
    prev_manifest, prev_docs, prev_chunks = _previous(index_dir)
    prev_files = {**prev_manifest.get("files", {}), **prev_manifest.get("skipped", {})}

    report = IngestReport()
    todo: list[tuple[str, Path]] = []
    kept: dict[str, dict] = {}
    for source, path in files:
        try:
            fp = stat_fingerprint(path)
        except OSError:
            report.skipped[source] = "file disappeared during ingest"
            continue
        entry = prev_files.get(source)
        if fp.same_stat(entry) and (source in prev_docs or "reason" in entry):
            kept[source] = entry
        else:
            todo.append((source, path))

    current = store.current_build(index_dir)
    lexical_version = None
    if lexical:
        from indexing.build import lexical_version as _lexical_version  # ingest -> retrieval at build time

        lexical_version = _lexical_version()
    # A changed analyzer (or BM25 text recipe) needs a new BM25 index, not re-parsing.
    lexical_stale = lexical and prev_manifest.get("lexical_version") != lexical_version
    if (not todo and current is not None and set(kept) == set(prev_files) and not report.skipped
            and not lexical_stale):
        report.build, report.up_to_date = current, True
        report.skipped = {s: e["reason"] for s, e in prev_manifest.get("skipped", {}).items()}
        report.counts = prev_manifest.get("counts", {})
        report.seconds = time.perf_counter() - t0
        return report

    tmp = store.new_tmp_build(index_dir)
    try:
        documents: dict[str, Document] = {}
        chunks: dict[str, list[Chunk]] = {}
        manifest_files: dict[str, dict] = {}
        manifest_skipped: dict[str, dict] = {}
        for source, entry in kept.items():
            if "reason" in entry:
                manifest_skipped[source] = entry
                report.skipped[source] = entry["reason"]
            else:
                documents[source] = prev_docs[source]
                chunks[source] = prev_chunks.get(source, [])
                manifest_files[source] = entry
                report.reused += 1

        done = 0
        paths = dict(todo)

        def tick(source: str) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, len(todo), source)

        for source, status, result, sha in _load_many(todo, workers, tick):
            try:
                fp = stat_fingerprint(paths[source])
            except OSError:
                status, result = "skip", "file disappeared during ingest"
            if status == "ok" and not result.chunks:
                status, result = "skip", "no text could be extracted"
            if status == "ok":
                documents[source], chunks[source] = result.document, list(result.chunks)
                manifest_files[source] = {"size": fp.size, "mtime_ns": fp.mtime_ns, "sha256": sha,
                                          "kind": result.document.kind, "chunks": len(result.chunks)}
                if result.notes:
                    report.notes[source] = list(result.notes)
                report.read += 1
            else:
                report.skipped[source] = result
                if status == "skip" and source in paths and paths[source].exists():
                    manifest_skipped[source] = {"size": fp.size, "mtime_ns": fp.mtime_ns, "reason": result}

        all_docs = [documents[s] for s in sorted(documents)]
        all_chunks = [c for s in sorted(chunks) for c in chunks[s]]
        if not all_chunks:
            raise SkipFile("no file of the corpus yielded any text", str(corpus))
        counts: dict[str, dict[str, int]] = {}
        for kind, n in Counter(d.kind for d in all_docs).items():
            counts[kind] = {"documents": n, "chunks": 0}
        for c in all_chunks:
            counts[c.kind]["chunks"] += 1
        report.counts = counts

        store.write_records(tmp, all_docs, all_chunks)
        if lexical:
            from indexing.build import build_lexical  # ingest -> retrieval only at build time

            build_lexical(tmp, all_docs, all_chunks)
        report.seconds = time.perf_counter() - t0
        store.write_json(tmp / "manifest.json", {
            "format": 1,
            "parser_version": PARSER_VERSION,
            "lexical_version": lexical_version,
            "corpus": str(corpus),
            "user_dir": str(user_dir) if user_dir else None,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "build_seconds": round(report.seconds, 2),
            "counts": counts,
            "files": manifest_files,
            "skipped": manifest_skipped,
            "notes": report.notes,
            "versions": package_versions(),
        })
        report.build = store.publish(tmp)
        return report
    except BaseException:
        store.discard(tmp)
        raise
