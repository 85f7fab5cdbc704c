"""One Chroma client per store, shared by every thread of the process (issue 10, item 12).

Streamlit serves each session on its own thread. A `chromadb.PersistentClient` made per
thread races inside Chroma's process-wide system cache ("Could not connect to tenant
default_tenant", "'RustBindingsAPI' object has no attribute 'bindings'", KeyError on the
store's path), so clients live here: made once per store key under a lock, and every
Chroma call runs under that store's shared lock (`using`). `reopen` (used by
retrieval.chroma_settle to reload a store from disk) waits for the calls in flight, closes
the client, and bumps the store's generation so each DenseIndex fetches its collection anew.

A store key is ("path", resolved directory) or ("http", host, port). Does not know about
collections' contents, embedders or ranking.
"""
from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

StoreKey = tuple

_LOCK = threading.Lock()  # guards the tables below and every client creation
_CLIENTS: dict[StoreKey, Any] = {}
_GENERATION: dict[StoreKey, int] = {}
_RW: dict[StoreKey, "_SharedLock"] = {}


class _SharedLock:
    """Many holders in `shared`, one in `exclusive` (which waits for the shared ones)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._waiting = 0  # writers waiting: new readers let them go first

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


def path_key(directory: Path | str) -> StoreKey:
    return ("path", str(Path(directory).resolve()))


def http_key(host: str, port: int) -> StoreKey:
    return ("http", host, int(port))


def _make_client(key: StoreKey):
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    if key[0] == "http":
        return chromadb.HttpClient(host=key[1], port=key[2], settings=settings)
    Path(key[1]).mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=key[1], settings=settings)


def _rw(key: StoreKey) -> _SharedLock:
    with _LOCK:
        return _RW.setdefault(key, _SharedLock())


def generation(key: StoreKey) -> int:
    """Changes each time the store's client is reopened: cached collections are then stale."""
    return _GENERATION.get(key, 0)


def collection(key: StoreKey, make: Callable[[Any], Any]) -> Any:
    """`make(client)` (a get_or_create_collection) on the store's one client, made on first
    use; both under the registry lock, since Chroma's creation paths are not thread-safe."""
    with _LOCK:
        client = _CLIENTS.get(key)
        if client is not None and key[0] == "path" and not Path(key[1]).is_dir():
            # the store was deleted under us (a test, a rebuilt sub-index): open it anew
            _GENERATION[key] = _GENERATION.get(key, 0) + 1
            _close(_CLIENTS.pop(key))
            client = None
        if client is None:
            client = _CLIENTS[key] = _make_client(key)
        return make(client)


@contextlib.contextmanager
def using(key: StoreKey) -> Iterator[None]:
    """Hold while calling Chroma on this store, so that `reopen` never pulls it away mid-call."""
    with _rw(key).shared():
        yield


def reopen(key: StoreKey) -> None:
    """Close the store's client once no call is in flight; the next use opens it again
    (for a local store, from what is on disk)."""
    with _rw(key).exclusive():
        with _LOCK:
            client = _CLIENTS.pop(key, None)
            _GENERATION[key] = _GENERATION.get(key, 0) + 1
            _close(client)


def _close(client) -> None:
    close = getattr(client, "close", None)  # test doubles may have none
    if close is not None:
        with contextlib.suppress(Exception):  # a store whose files are gone may fail to close
            close()


def forget_all() -> None:
    """Close every client (tests; a process that is about to remove its stores)."""
    with _LOCK:
        keys = list(_CLIENTS)
    for key in keys:
        reopen(key)
