"""Installs the tests' fake embedder (the spec "fake") in a new Python process whose
PYTHONPATH names this folder, before the process runs anything else: a test starts the
product's real command (`python -m answer`, `python -m retrieval`, a benchmark's
`python -c`) with `env=tests.fakes.embedder.fake_env()`, and the command resolves an
index built with the fake embedder like any other. The product has no hook for this.
"""
from tests.fakes.embedder import install

install()
