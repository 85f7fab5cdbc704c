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
Not here: the app (app.py), the quality and latency benchmarks (evaluation.bench).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ("Da li žrtva ima pravo na naknadu nematerijalne štete?", "Kolika je kazna za trgovinu ljudima?",
             "Ко може бити корисник бесплатне правне помоћи?", "Article 4 of the Convention trafficking",
             "Kome se podnosi zahtev za naknadu štete?", "trgovina ljudima eksploatacija")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(corpus: Path, index_dir: Path, user_dir: Path, log: Path, port: int | None = None,
          extra_env: dict[str, str] | None = None, script: str = "app.py"):
    """`streamlit run app.py` on 127.0.0.1 for the given index; yields its base URL.
    `script`: another Streamlit script to run, relative to the checkout (a test's
    launcher that wraps app.py)."""
    port = port or free_port()
    env = {**os.environ, "PRAVNI_LEK_CORPUS": str(corpus), "PRAVNI_LEK_INDEX": str(index_dir),
           "PRAVNI_LEK_USER_DIR": str(user_dir), **(extra_env or {})}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address",
             "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.enableXsrfProtection", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                        if r.read() == b"ok":
                            break
                except OSError:
                    time.sleep(0.5)
            else:
                raise RuntimeError(f"streamlit did not come up on {url}; see {log}")
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


@dataclass
class Stats:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    client_errors: list[str] = field(default_factory=list)  # this script's own, not the app's

    def add(self, action: str, seconds: float) -> None:
        self.times.setdefault(action, []).append(seconds)


class Session:
    """One browser tab: its websocket, its widget values, its measurements."""

    def __init__(self, url: str, n: int, stats: Stats, timeout: float) -> None:
        self.url, self.n, self.stats, self.timeout = url, n, stats, timeout
        self.ws = None
        self.session_id = ""
        self.page_hash = ""
        self.kept: dict[str, object] = {}  # widget id -> WidgetState sent on every rerun
        self.tree = None
        self.parsed = True

    async def open(self) -> None:
        import websockets

        ws_url = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws = await websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=30)
        await self.rerun([], "open")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _recv(self):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(self.ws.recv(), self.timeout))
        return msg

    async def rerun(self, once: list, action: str) -> list:
        """Rerun with the kept widget values plus `once` (triggers); the messages of the
        run the user ends up seeing (after any st.rerun). Times it as `action`."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        from streamlit.testing.v1.element_tree import parse_tree_from_messages

        back = BackMsg()
        back.rerun_script.query_string = ""
        back.rerun_script.page_script_hash = self.page_hash
        back.rerun_script.widget_states.widgets.extend([*self.kept.values(), *once])
        t0 = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        msgs = []
        while True:
            msg = await self._recv()
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
                self.page_hash = msg.new_session.main_script_hash
                msgs = []
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    msgs = []  # st.rerun(): the page the user sees is the next run's
                    continue
                break
            msgs.append(msg)
        self.stats.add(action, time.perf_counter() - t0)
        try:
            self.tree = parse_tree_from_messages(compose(msgs))
        except Exception as e:  # noqa: BLE001 — our reading of the page failed, not the app
            # Keep the previous page's widgets (their ids do not change) and go on.
            self.stats.client_errors.append(f"{action}: page not parsed: {type(e).__name__}: {e}")
            self.parsed = False
            return msgs
        self.parsed = True
        self._check(action)
        return msgs

    def _check(self, action: str) -> None:
        for e in self.tree.get("exception"):
            self.stats.errors.append(f"{action}: exception on the page: {e.value}")
        for e in self.tree.get("error"):
            self.stats.errors.append(f"{action}: error message: {e.value[:200]}")

    def widget(self, kind: str, key: str | None):
        found = [w for w in self.tree.get(kind) if key is None or w.key == key]
        if not found:
            raise LookupError(f"session {self.n}: no {kind} {key or ''} on the page")
        return found[0]

    def keep(self, state) -> None:
        self.kept[state.id] = state

    async def goto(self, page_label: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        radio = self.widget("radio", "page")
        self.keep(WidgetState(id=radio.id, string_value=page_label))
        await self.rerun([], "page")

    async def ask(self, question: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        box = self.widget("chat_input", None)
        state = WidgetState(id=box.id)
        state.chat_input_value.data = question
        await self.rerun([state], "ask")
        answered = any('class="pl-answer"' in m.value for m in self.tree.get("markdown")) or self.tree.get("warning")
        if self.parsed and not answered:
            self.stats.errors.append(f"ask: no answer drawn for {question!r}")

    async def filter(self, rng: random.Random) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        scope = self.widget("radio", "f_scope")
        self.keep(WidgetState(id=scope.id, string_value=rng.choice(scope.options)))
        await self.rerun([], "filter")

    async def upload(self, name: str, data: bytes) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        uploader = self.widget("file_uploader", None)
        request = BackMsg()
        request.file_urls_request.request_id = uuid.uuid4().hex
        request.file_urls_request.file_names.append(name)
        request.file_urls_request.session_id = self.session_id
        await self.ws.send(request.SerializeToString())
        while True:
            msg = await self._recv()
            if msg.WhichOneof("type") == "file_urls_response" and msg.file_urls_response.response_id == \
                    request.file_urls_request.request_id:
                break
        urls = msg.file_urls_response.file_urls[0]
        await asyncio.to_thread(_put_file, self.url + urls.upload_url, name, data)
        state = WidgetState(id=uploader.id)
        info = state.file_uploader_state_value.uploaded_file_info.add()
        info.file_id, info.name, info.size = urls.file_id, name, len(data)
        info.file_urls.CopyFrom(urls)
        await self.rerun([state], "page")  # the upload button appears
        button = WidgetState(id=self.widget("button", "upload-button").id, trigger_value=True)
        await self.rerun([state, button], "upload")
        added = any(name.split(".")[0] in s.value and "Dodat" in s.value for s in self.tree.get("success"))
        if self.parsed and not added:
            self.stats.errors.append(f"upload: no success message for {name}")


def compose(msgs: list) -> list:
    """The deltas of a run as the browser applies them: a later delta at a path replaces
    the earlier one and what was drawn inside it (a block replacing a block keeps its
    children). A busy server flushes "st.empty() then a container in its place" as two
    messages, which the test tree reader cannot take in order."""
    kept: dict[tuple[int, ...], object] = {}
    for m in msgs:
        if not m.HasField("delta"):
            continue
        p = tuple(m.metadata.delta_path)
        old = kept.pop(p, None)
        block_over_block = old is not None and {old.delta.WhichOneof("type"), m.delta.WhichOneof("type")} == {"add_block"}
        if not block_over_block:
            for q in [q for q in kept if q[:len(p)] == p]:
                del kept[q]
        kept[p] = m
    return list(kept.values())


def _put_file(url: str, name: str, data: bytes) -> None:
    """The browser's PUT of one file (multipart/form-data, field "file")."""
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: text/plain\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(url, data=body, method="PUT",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=60) as r:
        if r.status not in (200, 204):
            raise OSError(f"upload PUT {url}: HTTP {r.status}")


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


def small_index(root: Path) -> tuple[Path, Path]:
    """The test corpus (tests/ui_fixtures.py) and a BM25 index of it, under `root`."""
    sys.path.insert(0, str(ROOT))
    from indexing.pipeline import build_index
    from tests.ui_fixtures import make_ui_corpus

    corpus = make_ui_corpus(root / "corpus")
    build_index(corpus, root / "index", workers=1)
    return corpus, root / "index"


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
