"""`make regen` on a fresh machine: the pinned spec is found locally or downloaded, verified and kept.

A local HTTP server stands in for the upstream download (``ANYTHINGLLM_SPEC_URL``); no test goes online.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import regen_pin

from tests.pages_server import Pages
from tests.recordings import PIN, PINNED_SPEC, ROOT
from tests.regen_tools import diff_trees, fresh_clone, tree_digest
from tests.spec_tools import regen
from tests.upstream import REASON

GENERATED = ROOT / "generated" / "anythingllm_api"
LOCK = ROOT / "spec" / "openapi.lock.json"


def test_the_lock_names_the_upstream_file_of_the_pinned_tag() -> None:
    lock = json.loads(LOCK.read_text())
    assert lock == {
        "tag": "v1.16.0",
        "url": "https://raw.githubusercontent.com/Mintplex-Labs/anything-llm/v1.16.0/server/swagger/openapi.json",
        "sha256": "d2338be08819abe1f9ccc0a55a5f06a112cfb2a23d23fe6bf57aeea3125393f1",
    }
    assert regen_pin.Pin(lock["tag"], lock["url"], lock["sha256"]) == PIN


def _env(url: str) -> dict[str, str]:
    return {**os.environ, regen_pin.URL_ENV: url}


def _fresh(tmp_path: Path) -> Path:
    clone = fresh_clone(tmp_path / "alone" / "anythingllm-python")
    assert not (clone.parent / "shared").exists()
    assert not (clone / "spec" / "openapi.json").exists()
    # `make` would build .venv first; this one is built (it runs the tests), so mark the clone's as done.
    stamp = clone / ".venv" / ".installed"
    stamp.parent.mkdir()
    stamp.touch()
    later = time.time() + 5
    os.utime(stamp, (later, later))
    return clone


def _make_regen(clone: Path, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(clone), "regen", f"PY={sys.executable}"],
        env=_env(url),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.pinned_spec
def test_make_regen_on_a_fresh_clone_downloads_verifies_and_keeps_the_pinned_spec(
    tmp_path: Path, pages_server: Pages
) -> None:
    clone = _fresh(tmp_path)
    lock_before = (clone / "spec" / "openapi.lock.json").read_bytes()
    url = f"{pages_server.url}/openapi.json"

    pages_server.fallback = (404, "text/plain", b"Not Found")  # first the download fails: one line, what to do
    script = [sys.executable, "scripts/regen.py", "--strict"]
    failed = subprocess.run(script, cwd=clone, env=_env(url), capture_output=True, text=True, check=False)
    assert failed.returncode == 2
    assert failed.stderr.count("\n") == 1
    assert "HTTP 404" in failed.stderr and url in failed.stderr
    assert not (clone / "spec" / "openapi.json").exists()
    assert tree_digest(clone / "generated" / "anythingllm_api") == tree_digest(GENERATED)

    pages_server.pages = {"/openapi.json": (200, "application/json", PINNED_SPEC.read_bytes())}
    done = _make_regen(clone, url)
    assert done.returncode == 0, done.stderr
    assert f"downloaded the pinned spec v1.16.0 from {url} into spec/openapi.json" in done.stdout
    assert "operations generated:      63/63" in done.stdout
    assert "upstream findings:         0 (" in done.stdout
    assert regen_pin.digest((clone / "spec" / "openapi.json").read_bytes()) == PIN.sha256
    assert diff_trees(GENERATED, clone / "generated" / "anythingllm_api") == []
    assert (clone / "spec" / "openapi.lock.json").read_bytes() == lock_before  # the pin is never rewritten

    hits = list(pages_server.hits)
    again = _make_regen(clone, url)  # the kept copy is used: nothing is downloaded again
    assert again.returncode == 0, again.stderr
    assert "from pin:v1.16.0 (openapi.json)" in again.stdout
    assert pages_server.hits == hits


@dataclass
class Offline:
    """In-process regen as in a clone without ../shared: an empty cache, downloads from a local server."""

    cache: Path
    server: Pages
    url: str
    output: Path


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages_server: Pages) -> Offline:
    cache = tmp_path / "spec" / "openapi.json"
    monkeypatch.setattr(regen, "PINNED_CACHE", cache)
    monkeypatch.setattr(regen, "SHARED_SPECS", tmp_path / "shared" / "anythingllm" / "openapi")
    pages_server.fallback = (404, "text/plain", b"Not Found")
    url = f"{pages_server.url}/openapi.json"
    monkeypatch.setenv(regen_pin.URL_ENV, url)
    return Offline(cache, pages_server, url, tmp_path / "out" / "anythingllm_api")


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("not-found", "(HTTP 404;"),
        ("other-bytes", "(the download has sha256 "),
        ("unreachable", "http://127.0.0.1:9/openapi.json ("),
    ],
)
def test_a_failed_or_mismatched_download_is_one_line_with_the_alternatives(
    case: str, expected: str, offline: Offline, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = offline.url
    if case == "unreachable":
        url = "http://127.0.0.1:9/openapi.json"
        monkeypatch.setenv(regen_pin.URL_ENV, url)
    elif case == "other-bytes":
        offline.server.pages = {"/openapi.json": (200, "application/json", b'{"openapi": "3.0.0", "paths": {}}')}
    before = tree_digest(GENERATED)
    assert regen.main(["--output", str(offline.output)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1, err
    line = err[0]
    assert line.startswith(f"regen: error: cannot get the pinned spec v1.16.0 from {url} ")
    assert expected in line
    assert f"expected sha256 {PIN.sha256}" in line
    assert "--url http://localhost:3001" in line and "--file PATH" in line
    assert not offline.cache.exists()
    assert not offline.output.parent.exists()
    assert tree_digest(GENERATED) == before


@pytest.mark.pinned_spec
def test_a_local_copy_with_another_digest_is_replaced_by_the_verified_download(
    offline: Offline, capsys: pytest.CaptureFixture[str]
) -> None:
    offline.cache.parent.mkdir(parents=True)
    offline.cache.write_text('{"openapi": "3.0.0", "paths": {}}')  # e.g. a spec of another release
    offline.server.pages = {"/openapi.json": (200, "application/json", PINNED_SPEC.read_bytes())}
    assert regen.main(["--output", str(offline.output)]) == 0
    assert "downloaded the pinned spec v1.16.0" in capsys.readouterr().out
    assert offline.cache.read_bytes() == PINNED_SPEC.read_bytes()


def test_without_upstream_data_the_suite_says_so_in_one_skip_line(tmp_path: Path) -> None:
    clone = fresh_clone(tmp_path / "alone" / "anythingllm-python")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "tests/test_conformance.py",
            "tests/test_regen.py",
        ],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:]
    skipped = [line for line in run.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1, skipped
    assert skipped[0].startswith("SKIPPED [") and skipped[0].endswith(
        "upstream spec data absent, tests that read it skipped: the pinned spec v1.16.0 (`make regen` downloads "
        "it into spec/openapi.json) and the release specs of ../shared/anythingllm/openapi"
    )
    assert " skipped" in run.stdout.splitlines()[-1]
    assert REASON.startswith("upstream spec data absent")
