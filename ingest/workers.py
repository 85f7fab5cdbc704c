"""Worker processes of a build that never outlive it (issue 10, item 3).

- `init_worker(parent_pid)` is the process pool's initializer: the worker leaves Ctrl-C to
  the parent, and on Linux asks the kernel (prctl PR_SET_PDEATHSIG) to kill it when the
  parent dies, even by kill -9; a parent already gone by then makes it exit at once.
- `stop_pool(pool)` ends a pool now: queued files are cancelled and running workers
  killed, so Ctrl-C or SIGTERM does not wait for a 250-page PDF to finish.
- `sigterm_as_interrupt()` makes SIGTERM in the CLI take Ctrl-C's path: the unfinished
  build is discarded and the pool stopped.

Not here: what a worker does (indexing.pipeline).
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Have the kernel send `sig` to this process when its parent dies. Linux only;
    returns False where prctl is not available (the pool is then stopped by the parent)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def init_worker(parent_pid: int) -> None:
    """Process-pool initializer: ignore Ctrl-C (the parent cancels and cleans up) and die
    with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and kill the running workers, without waiting for them."""
    # pid -> Process: Python 3.11 has no public way to reach the workers (3.14 adds one).
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        with contextlib.suppress(Exception):
            p.kill()
    for p in procs:
        with contextlib.suppress(Exception):
            p.join(timeout=5)


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises KeyboardInterrupt in the main thread (elsewhere a
    no-op: Python lets only the main thread set signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):  # noqa: ARG001 (the signal API's signature)
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
