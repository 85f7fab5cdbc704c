"""One browser tab of the running app, speaking Streamlit's own websocket protocol
(/_stcore/stream): `Session` opens it, reruns the script with its widget values, asks
through the chat input, changes the search filter, goes to a page and uploads a file as
the browser does, and records into `Stats` how long each rerun took (from sending it to
the app's "script finished") and every error drawn on the page.

Used by the load test (evaluation.loadtest), which runs many of them at once.
"""
from __future__ import annotations

import asyncio
import random
import time
import urllib.request
import uuid
from dataclasses import dataclass, field


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
