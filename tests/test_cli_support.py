"""Helpers for the command-line tests: run the real ``anythingllm`` command against recorded cassettes.

``cli_replay("a", "b")`` replays the interactions of several recorded cassettes (unchanged files in
tests/cassettes/) as one, in order per URI; multipart uploads are also matched by their file name, so
each uploaded file gets the server's recorded answer for that very file, whatever the upload order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest
import vcr
from typer.testing import CliRunner, Result

from anythingllm.cli import app
from tests.conftest import CASSETTES, RECORD_MODE, RECORDED_BASE_URL, RECORDED_KEY, _Joined, replay

SERVER = ["--base-url", RECORDED_BASE_URL, "--api-key", RECORDED_KEY, "--max-retries", "0"]
CLEAN_ENV: dict[str, str | None] = {
    "ANYTHINGLLM_BASE_URL": None,
    "ANYTHINGLLM_API_KEY": None,
    "ANYTHING_LLM_API_KEY": None,
    "ANYTHINGLLM_LOG": None,
    "COLUMNS": "200",
    "NO_COLOR": "1",
}
_FILENAME = re.compile(rb'filename="([^"]*)"')


def _upload_name(request: Any) -> bytes | None:
    body = request.body
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogateescape")
    found = _FILENAME.search(body or b"")
    return found.group(1) if found else None


def _same_upload_name(first: Any, second: Any) -> None:
    assert _upload_name(first) == _upload_name(second)


_MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "upload_name")


def cli_replay(*names: str) -> Any:
    """Replay the recorded cassettes ``names`` (in that order) for the command under test.

    One cassette is recorded under ``make record`` when it does not exist yet (see ``tests.conftest.replay``).
    """
    if RECORD_MODE != "none" and len(names) == 1 and not (CASSETTES / f"{names[0]}.yaml").exists():
        return replay(names[0], match_on=_MATCH_ON, matchers={"upload_name": _same_upload_name})
    recorder = vcr.VCR(
        record_mode="none",
        decode_compressed_response=True,
        match_on=_MATCH_ON,
    )
    recorder.register_matcher("upload_name", _same_upload_name)
    recorder.register_persister(_Joined)
    return recorder.use_cassette(str(CASSETTES / ("+".join(names) + ".yaml")))


def run(*args: str, input: str | None = None, env: dict[str, str | None] | None = None, server: bool = True) -> Result:
    """Run ``anythingllm [server options] args`` in-process and capture stdout and stderr separately."""
    argv = [*SERVER, *args] if server else list(args)
    return CliRunner().invoke(app, argv, input=input, env={**CLEAN_ENV, **(env or {})}, catch_exceptions=False)


def parse_json(result: Result) -> Any:
    """The single JSON document the command printed on stdout."""
    return json.loads(result.stdout)


@pytest.fixture
def cli_sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[httpx.Request]]:
    """Every request the command sends, in order (recorded on the way to the cassette)."""
    seen: list[httpx.Request] = []
    original = httpx.Client.send

    def send(self: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        seen.append(request)
        return original(self, request, **kwargs)

    monkeypatch.setattr(httpx.Client, "send", send)
    yield seen


def paths(requests: Sequence[httpx.Request]) -> list[tuple[str, str]]:
    """``(method, path)`` of each request."""
    return [(r.method, r.url.path) for r in requests]
