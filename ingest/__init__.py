"""Ingest: corpus files -> typed `Document` and `Chunk` records (core.records), and
nothing more.

Public API: `load_file(path, corpus_root)` (one file, via the loader registry in
`ingest.registry`). Storing the records and building the search indexes is `indexing`.
"""
