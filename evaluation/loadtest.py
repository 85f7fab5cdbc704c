"""A bounded load test of the running app on 127.0.0.1 (issue 10): N concurrent sessions
ask, filter and upload, speaking Streamlit's own websocket protocol as a browser tab does.

    python -m evaluation.loadtest [--sessions 20] [--duration 180] [--loops 8] [--out FILE]

Each session opens /_stcore/stream, runs the app, then loops (at most --loops times and
until --duration seconds have passed): ask a question through the chat input, change
the search filter, and (once per session) upload a small note on "Moji dokumenti",
which rebuilds the index while the other sessions keep asking. It measures the time
from sending a rerun to the app's "script finished" (what the user waits for), and
counts as an error any exception drawn on the page, any error message, a rerun that
produced no answer or did not finish within --timeout, and a dropped connection.

By default the app serves a small index built in a temp folder from the test corpus
(tests/ui_fixtures.py), on a free loopback port, with the user folder in that temp
folder too: the real index is never touched. XSRF protection is off for this server
only: the sessions are scripts on loopback, not browsers holding its cookie.
Serving the app and building the small index are `evaluation.app_server` (the browser
tests use it too; `serve` and `small_index` are still imported from here); one session's
websocket talk is `evaluation.app_session`. Not here: the app (app.py), the quality and
latency benchmarks (evaluation.bench).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path

from evaluation.app_server import serve, small_index
from evaluation.app_session import Session, Stats

QUESTIONS = ("Da li žrtva ima pravo na naknadu nematerijalne štete?", "Kolika je kazna za trgovinu ljudima?",
             "Ко може бити корисник бесплатне правне помоћи?", "Article 4 of the Convention trafficking",
             "Kome se podnosi zahtev za naknadu štete?", "trgovina ljudima eksploatacija")


async def one_session(url: str, n: int, stats: Stats, deadline: float, loops: int, timeout: float) -> int:
    """A session's loop; returns how many loops it finished."""
    from ui.strings import t

    rng = random.Random(n)
    session = Session(url, n, stats, timeout)
    done = 0
    try:
        await session.open()
        for i in range(loops):
            if time.monotonic() > deadline:
                break
            await session.ask(rng.choice(QUESTIONS))
            await session.filter(rng)
            if i == n % max(1, min(loops, 3)):  # each session uploads once, staggered over its first loops
                await session.goto(t("page_mine", "sr-Latn"))
                note = f"Beleška {n}: žrtva {n} traži naknadu štete od {100 + n} evra.".encode()
                await session.upload(f"beleska-sesija-{n}.txt", note)
                await session.goto(t("page_ask", "sr-Latn"))
            done += 1
    except Exception as e:  # noqa: BLE001 — a dropped session is a measured error, not a crash
        where = traceback.extract_tb(e.__traceback__)[-1]
        stats.errors.append(f"session {n}: {type(e).__name__}: {e} ({Path(where.filename).name}:{where.lineno})")
    finally:
        await session.close()
    return done


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 3)


def summary(stats: Stats, loops_done: list[int], sessions: int, seconds: float) -> dict:
    actions = {a: {"count": len(v), "p50_s": percentile(v, 0.5), "p95_s": percentile(v, 0.95),
                   "max_s": round(max(v), 3), "mean_s": round(statistics.fmean(v), 3)}
               for a, v in sorted(stats.times.items()) if v}
    return {"sessions": sessions, "wall_s": round(seconds, 1), "loops": sum(loops_done),
            "sessions_finished_a_loop": sum(1 for d in loops_done if d), "cpus": os.cpu_count(),
            "errors": len(stats.errors), "error_samples": stats.errors[:10],
            "client_errors": stats.client_errors[:10], "actions": actions}


async def run_load(url: str, sessions: int, duration: float, loops: int, timeout: float) -> dict:
    stats = Stats()
    t0 = time.monotonic()
    done = await asyncio.gather(*(one_session(url, n, stats, t0 + duration, loops, timeout) for n in range(sessions)))
    return summary(stats, list(done), sessions, time.monotonic() - t0)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evaluation.loadtest", description=__doc__.split("\n\n")[0])
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--duration", type=float, default=180.0, help="stop starting loops after this many seconds")
    p.add_argument("--loops", type=int, default=8, help="at most this many loops per session")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds one rerun may take before it is an error")
    p.add_argument("--out", type=Path, help="write the summary as JSON here too")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pravni-lek-load-") as tmp:
        root = Path(tmp)
        corpus, index_dir = small_index(root)
        with serve(corpus, index_dir, root / "moji", root / "streamlit.log") as url:
            result = asyncio.run(run_load(url, args.sessions, args.duration, args.loops, args.timeout))
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
