"""scripts/regen.py: reproducible output, older server versions, the changelog, and bad input."""

from __future__ import annotations

import filecmp
import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from tests.recordings import PINNED_SPEC, ROOT, SHARED
from tests.spec_tools import regen

pytestmark = pytest.mark.skipif(not PINNED_SPEC.is_file(), reason="../shared specs are not present")

GENERATED = ROOT / "generated" / "anythingllm_api"
VERSIONS = ["v1.7.4", "v1.9.0", "v1.12.0", "v1.16.0"]


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def _diff_trees(a: Path, b: Path) -> list[str]:
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(f"{prefix}{n} only in committed" for n in cmp.left_only if n != "__pycache__")
        out.extend(f"{prefix}{n} only in regenerated" for n in cmp.right_only if n != "__pycache__")
        out.extend(f"{prefix}{n} differs" for n in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            if name != "__pycache__":
                walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return out


def test_committed_generated_code_matches_regen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A drift between spec/overlay.yaml and generated/ fails CI."""
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--output", str(out)]) == 0
    report = capsys.readouterr().out
    assert "generator warnings:        0" in report
    assert "operations generated:      63/63" in report
    assert "request bodies typed:      32/32" in report
    assert "2xx responses typed:       63/63" in report
    assert _diff_trees(GENERATED, out) == []


def test_each_endpoint_module_is_named_after_its_operation_id() -> None:
    from tests.spec_tools import normalized_spec

    spec = normalized_spec()
    ids = {op["operationId"] for item in spec["paths"].values() for op in item.values() if isinstance(op, dict)}
    modules = {p.stem for p in (GENERATED / "api").glob("*/*.py") if p.stem != "__init__"}
    assert len(ids) == 63
    assert modules == ids


@pytest.mark.parametrize("version", VERSIONS)
def test_every_pinned_version_generates_all_its_operations(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = SHARED / "openapi" / f"{version}.json"
    paths = json.loads(spec_file.read_text())["paths"].values()
    count = sum(1 for item in paths for method in item if method in ("get", "post", "delete"))
    assert regen.main(["--file", str(spec_file), "--output", str(tmp_path / "anythingllm_api")]) == 0
    report = capsys.readouterr().out
    assert f"operations generated:      {count}/{count}" in report
    assert f"2xx responses typed:       {count}/{count}" in report
    skipped = [line for line in report.splitlines() if line.startswith("note: overlay action")]
    if version == "v1.16.0":
        assert skipped == []
    else:
        assert skipped, "an older version lacks operations, so some actions must be skipped"
        assert all("matches nothing in this spec" in line for line in skipped)


def test_strict_mode_makes_a_stale_action_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file = SHARED / "openapi" / "v1.7.4.json"
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--file", str(spec_file), "--strict", "--output", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "stale overlay action" in err[0]
    assert not out.exists()


def test_diff_prints_a_changelog(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = SHARED / "openapi" / "v1.12.0.json", SHARED / "openapi" / "v1.16.0.json"
    assert regen.main(["--diff", str(old), str(new)]) == 0
    text = capsys.readouterr().out
    assert "Operations: 61 -> 63 (2 added, 0 removed)" in text
    assert "  + POST /v1/openai/images/generations" in text
    assert "  ~ GET /v1/documents/folder/{folderName}\n    + param query:offset (optional)" in text


class _Pages(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        content_type, body = self.pages.get(self.path, ("text/html", b"<html>AnythingLLM</html>"))
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def docs_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    _Pages.pages = {}


def test_url_reads_the_spec_embedded_in_swagger_ui_init(docs_server: str, tmp_path: Path) -> None:
    # swagger-ui-express embeds the document as `var options = {"swaggerDoc": {...}, ...};` in its init script.
    spec = json.loads(PINNED_SPEC.read_text())
    script = "window.onload = function() {\n  var options = " + json.dumps(
        {"swaggerDoc": spec, "customOptions": {}}, indent=2
    )
    _Pages.pages = {"/api/docs/swagger-ui-init.js": ("application/javascript", (script + ";\n}").encode())}
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--url", docs_server, "--output", str(out)]) == 0
    assert (out / "api" / "workspaces" / "workspace_chat.py").is_file()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("unreachable", "cannot reach"),
        ("no-spec", "serves no OpenAPI spec"),
        ("invalid-json", "is not valid JSON"),
        ("bad-overlay", "does not parse as YAML"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_leaves_generated_untouched(
    case: str, expected: str, docs_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _tree_digest(GENERATED)
    args: list[str]
    if case == "unreachable":
        args = ["--url", "http://127.0.0.1:9"]
    elif case == "no-spec":
        args = ["--url", docs_server]  # serves the web app's HTML only, like DISABLE_SWAGGER_DOCS=true
    elif case == "invalid-json":
        bad = tmp_path / "openapi.json"
        bad.write_text('{"openapi": "3.0.0", "paths": {')
        args = ["--file", str(bad)]
    else:
        overlay = tmp_path / "overlay.yaml"
        overlay.write_text("overlay: 1.0.0\nactions: [\n  - target: $.info\n")
        args = ["--overlay", str(overlay)]
    assert regen.main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert expected in err[0]
    assert _tree_digest(GENERATED) == before
