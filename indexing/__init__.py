"""Build the index: ingest turns files into records, retrieval turns records into BM25
and dense indexes; this package runs both, in that order, and swaps the build in.
`python -m indexing` (or `python -m ingest`) is its CLI."""
