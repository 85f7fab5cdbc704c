"""Where the corpus, the user's own documents and the index live.

Pure resolution from explicit values: entry points pass in flags and the environment
(`PRAVNI_LEK_CORPUS`, `PRAVNI_LEK_INDEX`, `PRAVNI_LEK_USER_DIR`); nothing here reads
`os.environ` itself.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
BUNDLED_CORPUS_DIR = REPO_ROOT / "corpus"
DEFAULT_INDEX = REPO_ROOT / ".index"  # the one place the default index folder is named


def resolve_corpus(flag: str | None, env: Mapping[str, str]) -> Path:
    """--corpus, else PRAVNI_LEK_CORPUS, else ../shared/corpus when it exists, else corpus/."""
    value = flag or env.get("PRAVNI_LEK_CORPUS")
    if value:
        return Path(value).expanduser().resolve()
    return SHARED_CORPUS if SHARED_CORPUS.is_dir() else BUNDLED_CORPUS_DIR


def resolve_index(flag: str | None, env: Mapping[str, str]) -> Path:
    """--index, else PRAVNI_LEK_INDEX, else .index/ in the checkout."""
    value = flag or env.get("PRAVNI_LEK_INDEX")
    return Path(value).expanduser().resolve() if value else DEFAULT_INDEX


def resolve_user_dir(flag: str | None, env: Mapping[str, str]) -> Path:
    """Where the user's own documents are kept (uploads land here): corpus/user/."""
    value = flag or env.get("PRAVNI_LEK_USER_DIR")
    return Path(value).expanduser().resolve() if value else BUNDLED_CORPUS_DIR / "user"
