"""The interactive chat in a real pseudo-terminal: streamed text appears as it arrives, Ctrl-C stops cleanly.

A loopback server replays the recorded ``/stream-chat`` answer of workspace_stream_chat.yaml one event at a
time, and sends each next event only after the test has seen the previous one on the terminal. So when
the first words are on screen the rest of the answer has not even been sent: the display is incremental
by construction, with no timing involved.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml

from tests.conftest import CASSETTES, RECORDED_KEY

WORKSPACE = "vcr-stream-ws"
STREAM_PATH = f"/api/v1/workspace/{WORKSPACE}/stream-chat"
GATE_TIMEOUT = 20.0  # the longest the server waits for the test before giving up on the stream


def _recorded_stream() -> tuple[dict[str, list[str]], list[str]]:
    """Headers and SSE events of the recorded answer to "Stream hello to me" (mode chat)."""
    data = yaml.safe_load((CASSETTES / "workspace_stream_chat.yaml").read_text())
    interaction = data["interactions"][1]
    assert interaction["request"]["uri"].endswith(STREAM_PATH)
    response = interaction["response"]
    events = [f"{block}\n\n" for block in response["body"]["string"].split("\n\n") if block.strip()]
    return response["headers"], events


class GatedStream:
    """Serves the recorded stream; event ``n`` (n > 0) goes out only after :meth:`allow` was called n times."""

    def __init__(self) -> None:
        self.headers, self.events = _recorded_stream()
        self.gate = threading.Semaphore(0)
        self.sent = 0  # events released to the client so far
        self.bodies: list[bytes] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                stream.bodies.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                if self.path != STREAM_PATH:
                    self.send_error(404)
                    return
                self.send_response(200)
                for name, values in stream.headers.items():
                    if name.lower() not in ("transfer-encoding", "connection", "date", "content-length"):
                        for value in values:
                            self.send_header(name, value)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for index, event in enumerate(stream.events):
                    if index and not stream.gate.acquire(timeout=GATE_TIMEOUT):
                        self.close_connection = True  # the test never saw the text: cut the stream short
                        return
                    payload = event.encode()
                    stream.sent = index + 1  # counted before it goes out, so the test never sees it early
                    try:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(payload), payload))
                        self.wfile.flush()
                    except OSError:
                        self.close_connection = True
                        return
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

        return Handler

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def allow(self) -> None:
        """Let the next event go out."""
        self.gate.release()


@pytest.fixture
def stream() -> Iterator[GatedStream]:
    served = GatedStream()
    served.thread.start()
    yield served
    for _ in served.events:
        served.allow()  # never leave the handler waiting
    served.server.shutdown()
    served.server.server_close()


def _spawn(stream: GatedStream, tmp_path: Path, *args: str) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANYTHINGLLM_", "ANYTHING_LLM_"))}
    env.update({"XDG_STATE_HOME": str(tmp_path), "TERM": "dumb", "NO_COLOR": "1", "COLUMNS": "120"})
    argv = ["-m", "anythingllm", "--base-url", stream.base_url, "--api-key", RECORDED_KEY, "--max-retries", "0"]
    return pexpect.spawn(
        sys.executable, [*argv, *args], env=env, encoding="utf-8", timeout=30, dimensions=(40, 120),
        preexec_fn=_as_in_a_terminal,
    )  # fmt: skip


def _as_in_a_terminal() -> None:
    """Ctrl-C as a person at a terminal has it: a suite started in the background (``make test &``)
    runs with SIGINT ignored, which its children would inherit, and Python then never raises
    KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_interactive_chat_shows_the_answer_as_it_streams(stream: GatedStream, tmp_path: Path) -> None:
    child = _spawn(stream, tmp_path, "chat", WORKSPACE, "--mode", "chat")
    child.expect_exact(f"{WORKSPACE}> ")
    child.sendline("Stream hello to me")
    child.expect_exact("Stream hello to me")  # the terminal echoes the typed line
    pieces = ["STUB-REPLY: ", "Stream ", "hello ", "to ", "me"]
    for number, piece in enumerate(pieces, start=1):
        child.expect_exact(piece)
        # This piece is on screen while the server still holds every later event back.
        assert stream.sent == number
        stream.allow()
    for _ in range(len(stream.events) - len(pieces) - 1):
        stream.allow()  # the closing chunk and the final event
    child.expect_exact(f"{WORKSPACE}> ")  # the answer ended: a new prompt
    assert stream.sent == len(stream.events)
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert json.loads(stream.bodies[0]) == {"message": "Stream hello to me", "mode": "chat"}
    history = (tmp_path / "anythingllm" / "chat_history").read_text()
    assert "Stream hello to me" in history


def test_ctrl_c_during_a_stream_stops_cleanly_with_exit_status_130(stream: GatedStream, tmp_path: Path) -> None:
    child = _spawn(stream, tmp_path, "chat", WORKSPACE, "Stream hello to me")
    child.expect_exact("STUB-REPLY: ")
    assert stream.sent == 1
    child.sendintr()
    child.expect_exact("Interrupted.")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in output
    assert "hello" not in output  # nothing after the interruption was read or shown
