"""regen --since: the first release of each operation, parameter and field; the generated _release module."""

from __future__ import annotations

import copy
import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RECORDED_BASE_URL, replay
from tests.recordings import ROOT, SHARED
from tests.spec_tools import regen  # also puts scripts/ on the path, for the modules below

regen_since = importlib.import_module("regen_since")
overlays = importlib.import_module("regen_overlay")
normalize = importlib.import_module("regen_normalize")
operations = importlib.import_module("regen_report").operations

SINCE_FILE = ROOT / "spec" / "operations-since.json"
needs_shared = pytest.mark.release_specs


def _committed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SINCE_FILE.read_text())
    return data


def _key(version: str) -> tuple[int, ...]:
    return regen_since.version_key(version)


@needs_shared
def test_the_committed_table_agrees_with_every_release_spec() -> None:
    """An operation is in a release's spec exactly when the table says that release has it."""
    committed = _committed()
    overlay = overlays.load_overlay((ROOT / "spec" / "overlay.yaml").read_text())
    releases = regen_since.release_files(SHARED / "openapi")
    assert [v for v, _ in releases] == ["1.7.4", "1.9.0", "1.12.0", "1.16.0"]
    for version, path in releases:
        spec = json.loads(path.read_text())
        normalize.preprocess(spec)
        overlays.apply_overlay(spec, overlay)
        present = {op.get("operationId") or f"{m.upper()} {p}" for m, p, op in operations(spec)}
        expected = {
            name
            for name, entry in committed["operations"].items()
            if _key(entry["since"]) <= _key(version) <= _key(entry.get("until") or "999.0.0")
        }
        assert present == expected, version
    assert set(committed["releases"]) >= {v for v, _ in releases}


def test_the_committed_table_dates_what_the_issue_names() -> None:
    ops, routes = _committed()["operations"], _committed()["routes"]
    assert routes["POST /v1/openai/images/generations"] == "openai_generate_image"
    assert ops["openai_generate_image"]["since"] == "1.16.0"
    assert ops["document_download_generated_file"]["since"] == "1.13.0"
    assert ops["document_list_folder"] == {
        "method": "GET",
        "path": "/v1/documents/folder/{folderName}",
        "tag": "documents",
        "since": "1.7.5",
        "parameters": {"limit": "1.16.0", "offset": "1.16.0"},
        "fields": {},
    }
    # Undocumented upstream; the overlay dates them (x-since) from the server's source.
    assert ops["document_list"]["parameters"] == {"folder": "1.16.0", "limit": "1.16.0", "offset": "1.16.0"}
    # Early specs document update-pin without /v1; the server always routed it under /v1.
    assert ops["workspace_update_pin"]["since"] == "1.0.0"
    # The server dropped GET /v1/admin/preferences in 1.2.4; the overlay never named it.
    assert ops["GET /v1/admin/preferences"]["until"] == "1.2.3"
    assert set(routes.values()) == set(ops)


@needs_shared
def test_since_dates_what_a_new_release_adds_and_drops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    for name in ("v1.12.0.json", "v1.16.0.json"):
        (specs / name).write_bytes((SHARED / "openapi" / name).read_bytes())
    future = json.loads((SHARED / "openapi" / "v1.16.0.json").read_text())  # a simulated next release
    future["paths"]["/v1/system/health"] = {"get": copy.deepcopy(future["paths"]["/v1/system"]["get"])}
    future["paths"]["/v1/workspaces"]["get"]["parameters"] = [{"name": "verbose", "in": "query"}]
    create = future["paths"]["/v1/workspace/new"]["post"]
    create["requestBody"]["content"]["application/json"]["example"]["color"] = "red"
    del future["paths"]["/v1/system/vector-count"]
    (specs / "v1.17.0.json").write_text(json.dumps(future))
    target = tmp_path / "since.json"
    monkeypatch.setattr(regen_since, "SINCE_FILE", target)

    assert regen.main(["--since", str(specs)]) == 0
    assert capsys.readouterr().out == "wrote spec/operations-since.json: 64 operations, 1.12.0 to 1.17.0\n"
    doc = json.loads(target.read_text())
    ops = doc["operations"]
    assert doc["releases"] == ["1.12.0", "1.16.0", "1.17.0"]
    assert ops["openai_generate_image"]["since"] == "1.16.0"
    assert ops["document_list_folder"]["parameters"] == {"limit": "1.16.0", "offset": "1.16.0"}
    assert ops["GET /v1/system/health"]["since"] == "1.17.0"  # unknown to the overlay: keyed by its route
    assert doc["routes"]["GET /v1/system/health"] == "GET /v1/system/health"
    assert ops["workspace_list"]["parameters"] == {"verbose": "1.17.0"}
    assert ops["workspace_create"]["fields"] == {"color": "1.17.0"}
    assert ops["system_vector_count"]["until"] == "1.16.0"


def test_since_refuses_a_folder_without_release_specs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "openapi.json").write_text("{}")
    assert regen.main(["--since", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"regen: error: {tmp_path} holds no release spec named like v1.16.0.json\n"


def test_the_release_module_describes_the_installed_package() -> None:
    release = importlib.import_module("anythingllm_api._release")
    package = Path(release.__file__).parent
    modules = {p.stem for p in (package / "api").glob("*/*.py") if p.stem != "__init__"}
    assert modules == release.OPERATIONS
    assert _committed() == release.SINCE
    assert release.RELEASE in release.SINCE["releases"]
    assert release.PYTHON_NAMES["addToWorkspaces"] == "add_to_workspaces"


def test_the_committed_package_was_generated_from_the_pin() -> None:
    text = (ROOT / "generated" / "anythingllm_api" / "_release.py").read_text()
    lock = json.loads((ROOT / "spec" / "openapi.lock.json").read_text())
    assert f'RELEASE = "{lock["tag"].removeprefix("v")}"' in text


def test_the_release_falls_back_to_the_lock_for_these_very_bytes(tmp_path: Path) -> None:
    lock = tmp_path / "lock.json"
    lock.write_text(json.dumps({"server_version": "1.16.0", "sha256": "abc"}))
    assert regen_since.release_of("unknown", "abc", lock) == "1.16.0"
    assert regen_since.release_of("unknown", "other bytes", lock) == "unknown"
    assert regen_since.release_of("v1.7.4", "other bytes", lock) == "1.7.4"
    assert regen_since.release_of("unknown", "abc", tmp_path / "missing.json") == "unknown"


def test_a_server_that_reports_no_version_is_unknown() -> None:
    # The live server (not started from upstream's Docker image) answers appVersion: null.
    with replay("compat_metrics") as cassette:
        assert regen_since.reported_release(RECORDED_BASE_URL) == "unknown"
        assert cassette.play_count == 1
