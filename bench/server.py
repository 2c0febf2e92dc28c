"""Target (b): a loopback HTTP/1.1 server replaying the recorded answers, with keep-alive.

It runs in its own process (``python -m bench.server``) so that it does not share the client's
interpreter lock, and prints ``PORT <n>`` once it listens on 127.0.0.1. It:

- answers each request with the recording for its method and path (the query is ignored);
- reads and drops every request body, whatever its size (the upload sink);
- sends the recorded stream-chat answer's first event at once and the rest ``--stream-delay`` later;
- counts the TCP connections that carried a benchmark request (``GET /__bench__/stats``; reset with
  ``POST /__bench__/reset``; these control requests come on connections of their own, not counted);
- stops by itself after ``--max-seconds`` or when its standard input closes.

:class:`LoopbackServer` starts and stops it from the benchmarks.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import urllib.request
from types import TracebackType
from typing import Any

from .recordings import ROOT, Recorded, operation, routes

_CONTROL = b"/__bench__/"
_CHUNK = 256 * 1024


def _head(status: int, reason: str, headers: tuple[tuple[str, str], ...], extra: list[str]) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason or 'OK'}"]
    lines += [f"{name}: {value}" for name, value in headers]
    lines += extra
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _whole(recorded: Recorded) -> bytes:
    extra = [f"content-length: {len(recorded.body)}", "connection: keep-alive"]
    return _head(recorded.status, recorded.reason, recorded.headers, extra) + recorded.body


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


class _Replayer:
    """The server's state: the prepared answers and the counters."""

    def __init__(self, stream_delay: float) -> None:
        self.answers = {(m.encode(), p.encode()): _whole(r) for (m, p), r in routes().items()}
        stream = operation("chat.stream")
        self.stream_key = (stream.method.encode(), stream.path.encode())
        events = stream.body.split(b"\n\n", 1)
        self.stream_head = _head(
            stream.status, stream.reason, stream.headers, ["transfer-encoding: chunked", "connection: keep-alive"]
        )
        self.stream_first, self.stream_rest = events[0] + b"\n\n", events[1]
        self.stream_delay = stream_delay
        self.connections = self.requests = self.body_bytes = 0

    def stats(self) -> bytes:
        data = {"connections": self.connections, "requests": self.requests, "body_bytes": self.body_bytes}
        body = json.dumps(data).encode()
        return _head(200, "OK", (("content-type", "application/json"),), [f"content-length: {len(body)}"]) + body

    async def drain_body(self, reader: asyncio.StreamReader, headers: dict[bytes, bytes]) -> None:
        """Read the request body and drop it (Content-Length or chunked), counting its bytes."""
        if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                if size == 0:
                    while (await reader.readuntil(b"\r\n")) != b"\r\n":
                        pass
                    return
                await self._skip(reader, size)
                await reader.readexactly(2)
        else:
            await self._skip(reader, int(headers.get(b"content-length", b"0")))

    async def _skip(self, reader: asyncio.StreamReader, size: int) -> None:
        self.body_bytes += size
        while size > 0:
            data = await reader.read(min(size, _CHUNK))
            if not data:
                raise asyncio.IncompleteReadError(b"", size)
            size -= len(data)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One connection: requests one after the other until the client closes it."""
        counted = False
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *lines = head[:-4].split(b"\r\n")
                method, target, _ = request_line.split(b" ", 2)
                headers = {}
                for line in lines:
                    name, _, value = line.partition(b":")
                    headers[name.strip().lower()] = value.strip()
                await self.drain_body(reader, headers)
                path = target.split(b"?", 1)[0]
                if path.startswith(_CONTROL):
                    if path.endswith(b"/reset"):
                        self.connections = self.requests = self.body_bytes = 0
                    writer.write(self.stats())
                    await writer.drain()
                    break
                if not counted:
                    counted = True
                    self.connections += 1
                self.requests += 1
                if (method, path) == self.stream_key:
                    writer.write(self.stream_head + _chunk(self.stream_first))
                    await writer.drain()
                    await asyncio.sleep(self.stream_delay)
                    writer.write(_chunk(self.stream_rest) + b"0\r\n\r\n")
                else:
                    answer = self.answers.get((method, path))
                    if answer is None:
                        text = b"no recording for " + method + b" " + path
                        extra = [f"content-length: {len(text)}"]
                        answer = _head(404, "Not Found", (("content-type", "text/plain"),), extra) + text
                    writer.write(answer)
                await writer.drain()
                if headers.get(b"connection", b"").lower() == b"close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, asyncio.CancelledError):
            pass
        finally:
            writer.close()


async def _main(stream_delay: float, max_seconds: float) -> None:
    replayer = _Replayer(stream_delay)
    server = await asyncio.start_server(replayer.serve, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    loop = asyncio.get_running_loop()
    stdin_closed: asyncio.Future[None] = loop.create_future()

    def on_stdin() -> None:
        if not os.read(sys.stdin.fileno(), 4096) and not stdin_closed.done():
            stdin_closed.set_result(None)

    loop.add_reader(sys.stdin.fileno(), on_stdin)
    async with server:
        await asyncio.wait([stdin_closed], timeout=max_seconds)
    loop.remove_reader(sys.stdin.fileno())


class LoopbackServer:
    """The replay server in a child process; ``with LoopbackServer() as server: server.url``."""

    def __init__(self, *, stream_delay: float = 0.02, max_seconds: float = 900) -> None:
        self._args = ["--stream-delay", str(stream_delay), "--max-seconds", str(max_seconds)]
        self._process: subprocess.Popen[str] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """The base URL, as the client's ``base_url`` (``http://127.0.0.1:<port>``)."""
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LoopbackServer:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench.server", *self._args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line.startswith("PORT "):
            self.__exit__(None, None, None)
            raise RuntimeError(f"the loopback server did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def _control(self, action: str, method: str) -> dict[str, Any]:
        request = urllib.request.Request(
            f"{self.url}/__bench__/{action}", method=method, data=b"" if method == "POST" else None
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            data: dict[str, Any] = json.loads(answer.read())
        return data

    def stats(self) -> dict[str, Any]:
        """Connections that carried benchmark requests, requests, and request body bytes since the reset."""
        return self._control("stats", "GET")

    def reset(self) -> None:
        """Zero the counters."""
        self._control("reset", "POST")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        process = self._process
        if process is None:
            return
        self._process = None
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


def main() -> None:
    """``python -m bench.server``: serve until standard input closes or ``--max-seconds`` pass."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stream-delay", type=float, default=0.02, help="seconds between the first event and the rest")
    parser.add_argument("--max-seconds", type=float, default=900, help="stop by itself after this long")
    args = parser.parse_args()
    asyncio.run(_main(args.stream_delay, args.max_seconds))


if __name__ == "__main__":
    main()
