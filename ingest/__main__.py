"""`python -m ingest`: the index build CLI. It lives in `indexing`, the orchestrator that
stands above ingest (files -> records) and retrieval (records -> BM25 and dense indexes);
this entry point only keeps the README's command. The one module of ingest allowed to
import upward (tests/test_architecture.py)."""
from indexing.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
