"""A local fault-injection HTTP server for tests (127.0.0.1, a free port, one thread per connection).

Script each route with a queue of canned :class:`Reply` objects; each request to that route takes
the next one. The server counts requests per ``(method, path)`` and records them.

    with FaultServer() as server:                       # or the ``fault_server`` fixture
        server.script("GET", "/api/v1/auth", Reply.text("busy", status=503), Reply.recorded(ok))
        ...client calls server.url("/api/v1/auth")...
        assert server.count("GET", "/api/v1/auth") == 2

Faults: any status/headers/body; ``Reply.truncated`` (Content-Length larger than what is sent, then
the connection is closed); ``Reply.hang_up`` (close without answering); ``Reply.sse`` (an event
stream that can stall, end early, or break before its last chunk); ``Reply.huge`` (a body of many
MB). Every sleep is bounded by :data:`MAX_PAUSE` and cut short when the server stops. A request no
reply was scripted for gets a ``599`` and is listed in :attr:`FaultServer.unexpected`, unless a
fallback (:meth:`FaultServer.answer_everything`) answers it.

Places where nothing answers: :func:`closed_port` (nothing listens: connection refused) and
:func:`unaccepting_port` (a listener whose backlog is full: the connect itself times out).
"""

from __future__ import annotations

import json
import socket
import ssl
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

import pytest

MAX_PAUSE = 5.0
"""Upper bound (seconds) of any stall or delay; the server cuts it short when it stops."""

Framing = Literal["length", "chunked", "close"]
_HOP_BY_HOP = frozenset({"content-length", "transfer-encoding", "connection", "keep-alive"})


@dataclass(frozen=True)
class Reply:
    """One canned behaviour of the server for one request.

    ``framing``: ``"length"`` (Content-Length, overridable by ``declared_length``), ``"chunked"``
    (one HTTP chunk per item of ``chunks``) or ``"close"`` (no length; the body ends when the
    connection closes). ``complete=False`` ends the reply abruptly (no final chunk, connection
    closed). ``delay`` waits before the status line, ``stall`` after the chunks, before ending.
    ``hang_up`` closes the connection without any answer.
    """

    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    chunks: tuple[bytes, ...] = ()
    framing: Framing = "length"
    declared_length: int | None = None
    complete: bool = True
    delay: float = 0.0
    stall: float = 0.0
    hang_up: bool = False

    @classmethod
    def body(cls, status: int, content_type: str | None, body: bytes, **kw: Any) -> Reply:
        """A plain reply with one body (``content_type=None`` sends no Content-Type)."""
        headers = () if content_type is None else (("Content-Type", content_type),)
        return cls(status, headers + tuple(kw.pop("headers", ())), (body,), **kw)

    @classmethod
    def text(cls, text: str, status: int = 200, **kw: Any) -> Reply:
        """A ``text/plain`` reply."""
        return cls.body(status, "text/plain; charset=utf-8", text.encode(), **kw)

    @classmethod
    def html(cls, markup: str, status: int = 200, **kw: Any) -> Reply:
        """A ``text/html`` reply."""
        return cls.body(status, "text/html; charset=utf-8", markup.encode(), **kw)

    @classmethod
    def json(cls, raw: str | bytes, status: int = 200, **kw: Any) -> Reply:
        """An ``application/json`` reply with ``raw`` sent as is (so it may be malformed on purpose)."""
        data = raw.encode() if isinstance(raw, str) else raw
        return cls.body(status, "application/json; charset=utf-8", data, **kw)

    @classmethod
    def truncated(cls, partial: bytes, declared_length: int, status: int = 200, **kw: Any) -> Reply:
        """Headers announce ``declared_length`` bytes, only ``partial`` is sent, then the connection drops."""
        return cls.body(status, "application/json", partial, declared_length=declared_length, complete=False, **kw)

    @classmethod
    def hang_up_now(cls) -> Reply:
        """Close the connection without sending any response."""
        return cls(hang_up=True)

    @classmethod
    def huge(cls, megabytes: int = 20, status: int = 500, content_type: str = "text/plain") -> Reply:
        """A body of ``megabytes`` MB (sent in 64 KiB chunks, not held in memory)."""
        block = b"E" * 65536
        count = megabytes * 16
        return cls(status, (("Content-Type", content_type),), (block,) * count, "length", count * len(block))

    @classmethod
    def sse(
        cls,
        events: list[str],
        *,
        stall: float = 0.0,
        complete: bool = True,
        framing: Framing = "chunked",
        status: int = 200,
    ) -> Reply:
        """A ``text/event-stream`` reply sending each of ``events`` (the text after ``data: ``).

        ``stall`` pauses after the events; ``complete=False`` breaks the stream (no final chunk).
        With ``framing="close"`` a complete stream simply ends, as a server cut short would.
        """
        chunks = tuple(f"data: {event}\n\n".encode() for event in events)
        headers = (("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache"))
        return cls(status, headers, chunks, framing, complete=complete, stall=stall)

    @classmethod
    def recorded(cls, interaction: Mapping[str, Any], **kw: Any) -> Reply:
        """Replay the response of a recorded VCR interaction (status, headers and body)."""
        response = interaction["response"]
        headers = tuple(
            (name, value)
            for name, values in response["headers"].items()
            if name.lower() not in _HOP_BY_HOP
            for value in values
        )
        raw = response["body"]["string"]
        data = raw.encode() if isinstance(raw, str) else bytes(raw)
        return cls(response["status"]["code"], headers, (data,), **kw)


@dataclass(frozen=True)
class Recorded:
    """A request the server received."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes


@dataclass
class _State:
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    queues: dict[tuple[str, str], deque[Reply]] = field(default_factory=dict)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    requests: list[Recorded] = field(default_factory=list)
    unexpected: list[tuple[str, str]] = field(default_factory=list)
    abandoned: Counter[tuple[str, str]] = field(default_factory=Counter)
    fallback: Reply | None = None

    def take(self, recorded: Recorded) -> Reply | None:
        key = (recorded.method, recorded.path)
        with self.lock:
            self.counts[key] += 1
            self.requests.append(recorded)
            queue = self.queues.get(key)
            if queue:
                return queue.popleft()
            if self.fallback is not None:
                return self.fallback
            self.unexpected.append(key)
            return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = MAX_PAUSE
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the
        # client's delayed ACK hold the body back ~40 ms per request.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # silence the default stderr log
        return

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(parts)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _handle(self) -> None:
        path, _, query = self.path.partition("?")
        recorded = Recorded(self.command, path, query, dict(self.headers.items()), self._read_body())
        reply = self.server.state.take(recorded)
        if reply is None:
            reply = Reply.text(f"faultserver: nothing scripted for {self.command} {path}", status=599)
        try:
            self._answer(reply)
        except (TimeoutError, BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            with self.server.state.lock:
                self.server.state.abandoned[(recorded.method, recorded.path)] += 1

    def _pause(self, seconds: float) -> None:
        if seconds > 0:
            self.server.state.stop.wait(min(seconds, MAX_PAUSE))

    def _answer(self, reply: Reply) -> None:
        self._pause(reply.delay)
        if reply.hang_up:
            self.close_connection = True
            return
        self.send_response_only(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.framing == "length":
            length = sum(len(c) for c in reply.chunks)
            self.send_header("Content-Length", str(reply.declared_length or length))
        elif reply.framing == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        for chunk in reply.chunks:
            framed = b"%x\r\n%s\r\n" % (len(chunk), chunk) if reply.framing == "chunked" else chunk
            self.wfile.write(framed)
            self.wfile.flush()
        self._pause(reply.stall)
        if reply.framing == "chunked" and reply.complete:
            self.wfile.write(b"0\r\n\r\n")
        if reply.framing == "close" or not reply.complete:
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: _State) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = state

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up (a reset keep-alive link, a timed-out read) is normal here, not worth a trace."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError, ssl.SSLError)):
            super().handle_error(request, client_address)


class FaultServer:
    """The scriptable server; a context manager that starts it in a thread and stops it on exit."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        """``tls``: serve HTTPS with this server-side context (a failed handshake never reaches a handler)."""
        self._state = _State()
        self._server = _Server(self._state)
        self._scheme = "http" if tls is None else "https"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop serving; stalled replies end at once."""
        self._state.stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=MAX_PAUSE)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>`` (``https://`` with TLS)."""
        host, port = self._server.server_address[:2]
        return f"{self._scheme}://{host!s}:{port}"

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this server."""
        return self.base_url + path

    def script(self, method: str, path: str, *replies: Reply) -> None:
        """Queue ``replies`` for ``method path`` (the path without query); each request takes the next."""
        with self._state.lock:
            self._state.queues.setdefault((method.upper(), path), deque()).extend(replies)

    def answer_everything(self, reply: Reply | None) -> None:
        """Answer every request that has no scripted reply with ``reply`` (``None``: back to 599)."""
        with self._state.lock:
            self._state.fallback = reply

    def count(self, method: str, path: str) -> int:
        """How many requests ``method path`` received."""
        with self._state.lock:
            return self._state.counts[(method.upper(), path)]

    def pending(self, method: str, path: str) -> int:
        """How many scripted replies for ``method path`` are still unused."""
        with self._state.lock:
            return len(self._state.queues.get((method.upper(), path), ()))

    def abandoned(self, method: str, path: str, *, wait: float = 2.0) -> int:
        """How many replies to ``method path`` the client stopped reading (the link closed mid-send).

        Waits up to ``wait`` seconds for at least one, since the server notices only on its next write.
        """
        key = (method.upper(), path)
        deadline = time.monotonic() + wait
        while not self._state.abandoned[key] and time.monotonic() < deadline:
            time.sleep(0.02)
        with self._state.lock:
            return self._state.abandoned[key]

    @property
    def requests(self) -> list[Recorded]:
        """Every request received, in order."""
        with self._state.lock:
            return list(self._state.requests)

    @property
    def unexpected(self) -> list[tuple[str, str]]:
        """``(method, path)`` of requests that found no scripted reply."""
        with self._state.lock:
            return list(self._state.unexpected)


def closed_port() -> int:
    """A local port nothing listens on (a connect is refused: not one byte of a request is sent)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@contextmanager
def unaccepting_port(fillers: int = 3) -> Iterator[int]:
    """A local port whose listener never accepts and whose backlog is full, so a new connect times out.

    The listener has a backlog of 0 and ``fillers`` pending connections occupy it; the kernel then drops
    further connection attempts (Linux), which the client sees as a connect timeout. No request byte
    is ever received.
    """
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port: int = listener.getsockname()[1]
        pending = [socket.socket() for _ in range(fillers)]
        try:
            for sock in pending:
                sock.setblocking(False)
                sock.connect_ex(("127.0.0.1", port))
            time.sleep(0.05)  # let the kernel queue the fillers before the client connects
            yield port
        finally:
            for sock in pending:
                sock.close()


def json_text(value: Any) -> str:
    """Compact JSON text, for SSE events built from recorded data."""
    return json.dumps(value, separators=(",", ":"))


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A running :class:`FaultServer`; the test fails if a request found no scripted reply."""
    with FaultServer() as server:
        yield server
    assert not server.unexpected, f"requests with no scripted reply: {server.unexpected}"
