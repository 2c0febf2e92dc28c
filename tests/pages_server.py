"""A local HTTP server of fixed pages: the stand-in for a Swagger UI page or the upstream spec download."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest


@dataclass
class Pages:
    """What the server answers (path -> status, content type, body) and the paths it was asked for."""

    url: str = ""
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    fallback: tuple[int, str, bytes] = (200, "text/html", b"<html>AnythingLLM</html>")


def _handler(state: Pages) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append(self.path)
            status, content_type, body = state.pages.get(self.path, state.fallback)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def pages_server() -> Iterator[Pages]:
    """A loopback server answering :attr:`Pages.pages` (anything else: the web app's HTML page)."""
    state = Pages()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()
