"""Ingest: corpus files -> typed `Document` and `Chunk` records -> chunk store + manifest.

Public API: `load_file(path, corpus_root)` (one file, via the loader registry) and
`build_index(corpus, index_dir, ...)` (the whole pipeline behind `python -m ingest`).
Search indexes are built by `retrieval.build`, which the pipeline calls.
"""
from ingest.records import Chunk, Document, Loaded  # noqa: F401
