"""The friendly layer on the generated code of an older release: what that release lacks is refused before
sending, with an UnsupportedOperationError that names the route and the release that added it.

The package is really regenerated from ../shared's v1.7.4 spec and imported in a subprocess (PYTHONPATH
first), as a user's would be after ``make regen`` for that release; the client talks to a local
fault server, which shows what was sent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from anythingllm import _compat
from tests.faultserver import FaultServer, Reply
from tests.recordings import ROOT, SHARED
from tests.spec_tools import regen

pytestmark = pytest.mark.release_specs

# Each line: a label and a friendly call on `client`; the subprocess runs each on the sync and the async client.
CALLS = """
generate_image         client.openai.generate_image("a red square")
download_generated     client.documents.download_generated_file("pdf-1.pdf")
list_folder            client.documents.list_folder("custom-documents")
upload_to_folder       client.documents.upload(file_obj=io.BytesIO(b"hi"), file_name="a.txt", folder_name="f")
create_embed           client.embed.create_embed("ws")
clear_history          client.chat.clear_history("ws")
upload                 client.documents.upload(file_obj=io.BytesIO(b"hi"), file_name="a.txt")
list_workspaces        client.workspaces.list()
"""

RUNNER = """
import asyncio, inspect, io, json, sys
from anythingllm import AnythingLLMClient, AsyncAnythingLLMClient, ApiError

async def main(base_url, lines):
    out = {}
    for kind in ("sync", "async"):
        client = (AnythingLLMClient if kind == "sync" else AsyncAnythingLLMClient)(base_url, "k", max_retries=0)
        for line in lines:
            label, call = line.split(None, 1)
            try:
                result = eval(call)
                if inspect.isawaitable(result):
                    await result
                out[f"{kind} {label}"] = {"type": "no error"}
            except ApiError as exc:
                out[f"{kind} {label}"] = {
                    "type": type(exc).__name__, "status": exc.status_code, "message": exc.message,
                    "route": getattr(exc, "route", None), "since": getattr(exc, "since", None),
                    "generated_from": getattr(exc, "generated_from", None),
                }
            except Exception as exc:
                out[f"{kind} {label}"] = {"type": type(exc).__name__, "message": str(exc)}
    print(json.dumps(out))

asyncio.run(main(sys.argv[1], sys.stdin.read().strip().splitlines()))
"""


def _run(package_root: Path, base_url: str) -> dict[str, Any]:
    """Every call of CALLS on both clients of ``base_url``, with ``package_root`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER, base_url], input=CALLS, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


@pytest.fixture(scope="module")
def release_1_7_4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package regenerated from the v1.7.4 spec, as ``make regen`` for that release writes it."""
    root = tmp_path_factory.mktemp("v1.7.4")
    spec = SHARED / "openapi" / "v1.7.4.json"
    assert regen.main(["--file", str(spec), "--no-strict", "--output", str(root / "anythingllm_api")]) == 0
    return root


def _lacking(outcome: dict[str, Any], route: str, since: str) -> None:
    assert outcome["type"] == "UnsupportedOperationError", outcome
    assert outcome["status"] == 0  # refused before sending
    assert (outcome["route"], outcome["since"], outcome["generated_from"]) == (route, since, "1.7.4")


def test_what_v1_7_4_lacks_is_refused_before_sending(release_1_7_4: Path) -> None:
    with FaultServer() as server:
        server.answer_everything(Reply.body(599, None, b""))  # whatever is sent gets a 599 and shows up below
        outcomes = _run(release_1_7_4, server.base_url)
        sent = [(r.method, r.path) for r in server.requests]
    for kind in ("sync", "async"):
        image = outcomes[f"{kind} generate_image"]
        _lacking(image, "POST /v1/openai/images/generations", "1.16.0")
        assert image["message"].startswith(
            "POST /v1/openai/images/generations was added in AnythingLLM 1.16.0; this client was generated "
            "from AnythingLLM 1.7.4, which lacks it."
        )
        _lacking(outcomes[f"{kind} download_generated"], "GET /v1/document/generated-files/{filename}", "1.13.0")
        _lacking(outcomes[f"{kind} list_folder"], "GET /v1/documents/folder/{folderName}", "1.7.5")
        _lacking(outcomes[f"{kind} upload_to_folder"], "POST /v1/document/upload/{folderName}", "1.7.5")
        _lacking(outcomes[f"{kind} create_embed"], "POST /v1/embed/new", "1.7.5")
        # A request field newer than the release (chat `reset`, documented from 1.7.8 on) is refused too.
        reset = outcomes[f"{kind} clear_history"]
        _lacking(reset, "POST /v1/workspace/{slug}/chat", "1.7.8")
        assert reset["message"].startswith("The request field 'reset' of POST /v1/workspace/{slug}/chat was added")
        # What 1.7.4 has is sent as usual: the upload without a folder, the workspace list.
        assert outcomes[f"{kind} upload"]["type"] == "ServerError"
        assert outcomes[f"{kind} list_workspaces"]["type"] == "ServerError"
    assert sent == [("POST", "/api/v1/document/upload"), ("GET", "/api/v1/workspaces")] * 2


def test_a_package_without_release_data_still_refuses_what_it_lacks(release_1_7_4: Path, tmp_path: Path) -> None:
    """A package from before regen wrote _release.py: the missing module itself is detected."""
    old = tmp_path / "anythingllm_api"
    shutil.copytree(release_1_7_4 / "anythingllm_api", old)
    (old / "_release.py").unlink()
    with FaultServer() as server:
        server.answer_everything(Reply.body(599, None, b""))
        outcomes = _run(tmp_path, server.base_url)
        sent = [(r.method, r.path) for r in server.requests]
    image = outcomes["sync generate_image"]
    assert image["type"] == "UnsupportedOperationError" and image["status"] == 0
    assert image["generated_from"] == "unknown"
    assert "openai_generate_image" in image["message"] and "unknown release" in image["message"]
    assert outcomes["async list_folder"]["type"] == "UnsupportedOperationError"
    assert ("POST", "/api/v1/openai/images/generations") not in sent
    assert ("GET", "/api/v1/workspaces") in sent


def test_an_operation_a_simulated_future_release_drops_is_refused(tmp_path: Path) -> None:
    """A release the since table has not seen, without GET /v1/workspaces: the method says so, sends nothing."""
    future = json.loads((SHARED / "openapi" / "v1.16.0.json").read_text())
    del future["paths"]["/v1/workspaces"]
    spec = tmp_path / "v1.17.0.json"
    spec.write_text(json.dumps(future))
    assert regen.main(["--file", str(spec), "--no-strict", "--output", str(tmp_path / "anythingllm_api")]) == 0
    with FaultServer() as server:
        server.answer_everything(Reply.body(599, None, b""))
        outcomes = _run(tmp_path, server.base_url)
        sent = [(r.method, r.path) for r in server.requests]
    for kind in ("sync", "async"):
        listing = outcomes[f"{kind} list_workspaces"]
        assert listing["type"] == "UnsupportedOperationError" and listing["status"] == 0
        assert listing["message"].startswith(
            "GET /v1/workspaces is missing from this client's generated code (this client was generated from "
            "AnythingLLM 1.17.0)."
        )
        assert outcomes[f"{kind} generate_image"]["type"] == "ServerError"  # 1.17.0 has it: sent
    assert ("GET", "/api/v1/workspaces") not in sent


def test_the_pinned_package_lacks_nothing() -> None:
    """The committed package (v1.16.0) refuses none of the calls above for being too old."""
    with FaultServer() as server:
        server.answer_everything(Reply.body(599, None, b""))
        outcomes = _run(ROOT / "generated", server.base_url)
    assert not [k for k, v in outcomes.items() if v["type"] == "UnsupportedOperationError"]
    assert {v["type"] for v in outcomes.values()} == {"ServerError"}


def test_an_operation_a_release_dropped_says_when(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server dropped GET /v1/admin/preferences after 1.2.3: a package of a later release says so."""
    since = json.loads((ROOT / "spec" / "operations-since.json").read_text())
    later = _compat.Release("1.3.0", frozenset(), since, {})
    monkeypatch.setattr(_compat, "release", lambda: later)
    error = _compat.absent_operation("GET /v1/admin/preferences")
    assert error.message.startswith(
        "GET /v1/admin/preferences was removed after AnythingLLM 1.2.3; this client was generated from "
        "AnythingLLM 1.3.0, which lacks it."
    )
    assert (error.route, error.since, error.generated_from) == ("GET /v1/admin/preferences", "1.0.0", "1.3.0")
