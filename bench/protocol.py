"""A Streamlit client that speaks the browser's protocol, without a browser.

It opens the websocket `/_stcore/stream`, sends `BackMsg` protobufs (a script run with the page, the
URL's query string and the widget values, as the frontend does) and reads `ForwardMsg` protobufs until
the run has finished. One `Session` is one browser tab: it keeps the widget values it has set, the
query string the server last wrote, and the hashes of cacheable messages it has already received
(so the server sends references instead of repeating them, as it does for a browser).
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

FINISHED_OK = {
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}


class ProtocolError(RuntimeError):
    """The server answered in a way a browser would show as broken."""


@dataclass
class Run:
    """What one script run cost and sent."""

    seconds: float
    bytes: int = 0  # every websocket frame received for this run
    figure_bytes: int = 0  # the plotly figures' JSON inside those frames
    charts: int = 0
    errors: list[str] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)  # the media urls of the download buttons drawn
    deferred: dict[str, str] = field(default_factory=dict)  # label -> file id of a download made on click


@dataclass
class Widget:
    id: str
    kind: str
    fragment_id: str
    options: list[str]


def cookie_for(base_url: str) -> str:
    """Open the page as a browser would first; behind the class proxy this sets the sticky cookie."""
    with urllib.request.urlopen(base_url + "/", timeout=30) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return "; ".join(cookie.split(";", 1)[0] for cookie in cookies)


class Session:
    """One browser tab's conversation with the server."""

    def __init__(self, base_url: str, timeout: float = 120) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.pages: dict[str, str] = {}  # url path ("" for the default page) -> page script hash
        self.page = ""
        self.query = ""
        self.widgets: dict[str, Widget] = {}  # widget key -> what the last run drew
        self.values: dict[str, WidgetState] = {}  # widget id -> the value this tab holds
        self.cached: set[str] = set()
        self.cookie = ""  # what the server (or the proxy in front) set on the first page load
        self.session_id = ""  # the server's id for this tab, which a download request must name
        self.process = ""  # behind the class proxy: the Streamlit process the websocket reached
        self._socket: Any = None

    async def connect(self, cookie: str | None = None) -> None:
        """Open the websocket; with no cookie given, load the page first as a browser does."""
        if cookie is None:
            cookie = await asyncio.to_thread(cookie_for, self.base_url)
        self.cookie = cookie
        self._socket = await websockets.connect(
            self.base_url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=[websockets.Subprotocol("streamlit")],
            additional_headers={"Cookie": cookie} if cookie else None,
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
        )
        self.process = self._socket.response.headers.get("X-NPOE-Process", "")

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def open(self, page: str = "", query: str = "") -> Run:
        """Go to a page (its url path; "" the default page), as a click on a page link does."""
        self.page, self.query = page, query
        self.widgets = {}
        return await self._run()

    async def set_widget(self, key: str, value: Any) -> Run:
        """Change one widget: a multiselect (option labels), a slider (numbers), a selectbox or a checkbox."""
        widget = self.widgets[key]
        state = WidgetState(id=widget.id)
        if widget.kind == "multiselect":
            state.string_array_value.data.extend(value)
        elif widget.kind == "slider":
            state.double_array_value.data.extend(float(v) for v in value)
        elif widget.kind in ("selectbox", "radio", "text_input"):
            state.string_value = value
        elif widget.kind == "checkbox":
            state.bool_value = bool(value)
        else:
            raise ValueError(f"no way to set a {widget.kind}")
        self.values[widget.id] = state
        return await self._run(widget.fragment_id)

    async def click_point(self, key: str, point: dict[str, Any]) -> Run:
        """Click one point of a selectable plotly chart (a country on the map)."""
        widget = self.widgets[key]
        selection = {"selection": {"points": [point], "point_indices": [0], "box": [], "lasso": []}}
        self.values[widget.id] = WidgetState(id=widget.id, string_value=json.dumps(selection))
        return await self._run(widget.fragment_id)

    async def download(self, file_id: str) -> tuple[float, int]:
        """Press a download button whose file is made on click, as the browser does: ask the server to make the
        file (a backend operation over the websocket), then fetch the address it answers. Seconds and bytes."""
        request = BackMsg()
        request.backend_operation_request.request_id = str(uuid.uuid4())
        request.backend_operation_request.session_id = self.session_id
        request.backend_operation_request.deferred_file.file_id = file_id
        started = time.perf_counter()
        await self._socket.send(request.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await self._read())
            if forward.WhichOneof("type") != "backend_operation_response":
                continue
            answer = forward.backend_operation_response
            if answer.request_id != request.backend_operation_request.request_id:
                continue
            if answer.error_msg:
                raise ProtocolError(f"download refused: {answer.error_msg}")
            break
        content = await asyncio.to_thread(self._fetch, answer.deferred_file.url)
        return time.perf_counter() - started, len(content)

    def _fetch(self, url: str) -> bytes:
        address = url if url.startswith("http") else f"{self.base_url}/{url.lstrip('/')}"
        request = urllib.request.Request(address, headers={"Cookie": self.cookie} if self.cookie else {})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return bytes(response.read())

    async def _run(self, fragment_id: str = "") -> Run:
        if not self.pages and self.page:
            await self._run_plain()  # learn the page hashes from a first run of the default page
        state = ClientState(
            query_string=self.query,
            page_script_hash=self.pages.get(self.page, ""),
            widget_states=WidgetStates(widgets=list(self.values.values())),
            fragment_id=fragment_id,
            cached_message_hashes=sorted(self.cached),
        )
        message = BackMsg()
        message.rerun_script.CopyFrom(state)
        started = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        run = Run(seconds=0.0)
        while True:
            frame = await self._read()
            run.bytes += len(frame)
            forward = ForwardMsg()
            forward.ParseFromString(frame)
            kind = forward.WhichOneof("type")
            if forward.metadata.cacheable and forward.hash:
                self.cached.add(forward.hash)
            if kind == "new_session":
                self.session_id = forward.new_session.initialize.session_id or self.session_id
            elif kind == "navigation":
                self.pages = {page.url_pathname: page.page_script_hash for page in forward.navigation.app_pages}
            elif kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
            elif kind == "delta":
                self._read_delta(forward, run)
            elif kind == "script_finished":
                run.seconds = time.perf_counter() - started
                if forward.script_finished not in FINISHED_OK:
                    run.errors.append(f"script finished with status {forward.script_finished}")
                return run

    async def _run_plain(self) -> None:
        page, self.page = self.page, ""
        await self._run()
        self.page = page

    async def _read(self) -> bytes:
        try:
            frame = await asyncio.wait_for(self._socket.recv(), self.timeout)
        except TimeoutError as error:
            raise ProtocolError(f"no answer within {self.timeout} s") from error
        return frame if isinstance(frame, bytes) else frame.encode()

    def _read_delta(self, forward: ForwardMsg, run: Run) -> None:
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind is None:
            return
        body = getattr(element, kind)
        if kind == "exception":
            run.errors.append(f"exception shown: {body.type}: {body.message[:200]}")
        elif kind == "alert" and body.format == body.ERROR:
            run.errors.append(f"error shown: {body.body[:200]}")
        elif kind == "download_button" and body.url:
            run.downloads.append(body.url)
        elif kind == "download_button" and body.HasField("deferred_file_id"):
            run.deferred[body.label] = body.deferred_file_id
        elif kind == "plotly_chart":
            run.charts += 1
            run.figure_bytes += len(body.spec)
        widget_id = getattr(body, "id", "")
        if widget_id.startswith("$$ID-") and widget_id.count("-") >= 2:
            key = widget_id.split("-", 2)[2]
            options = [str(option) for option in getattr(body, "options", [])]
            self.widgets[key] = Widget(widget_id, kind, delta.fragment_id, options)
