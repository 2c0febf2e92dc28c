"""scripts/regen.py: reproducible output, older server versions, the changelog, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regen_pin
from regen_report import generated_modules

from tests.pages_server import Pages
from tests.recordings import PINNED_SPEC, ROOT
from tests.regen_tools import diff_trees, tree_digest
from tests.spec_tools import regen
from tests.upstream import RELEASE_VERSIONS, RELEASES

GENERATED = ROOT / "generated" / "anythingllm_api"


@pytest.fixture(autouse=True)
def _no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a test here reach for the pinned spec's download, it fails at once instead of going online."""
    monkeypatch.setenv(regen_pin.URL_ENV, "http://127.0.0.1:9/openapi.json")


def _report_findings(report: str) -> list[str]:
    return [
        line.removeprefix("finding: ").split(": ", 1)[0] for line in report.splitlines() if line.startswith("finding: ")
    ]


@pytest.mark.pinned_spec
def test_committed_generated_code_matches_regen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A drift between spec/overlay.yaml and generated/ fails CI."""
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--output", str(out)]) == 0
    report = capsys.readouterr().out
    assert "generator warnings:        0" in report
    assert "operations generated:      63/63" in report
    assert "request bodies typed:      32/32" in report
    assert "2xx responses typed:       63/63" in report
    assert "upstream findings:         0 (" in report
    assert "not yet repaired" not in report
    assert diff_trees(GENERATED, out) == []
    readme = (ROOT / "README.md").read_text()
    shown = readme.split("The report ends like this:\n\n```\n", 1)[1].split("```", 1)[0]
    assert shown in report  # the README shows the pinned spec's report as it is


@pytest.mark.pinned_spec
def test_each_endpoint_module_is_named_after_its_operation_id() -> None:
    from tests.spec_tools import normalized_spec

    spec = normalized_spec()
    ids = {op["operationId"] for item in spec["paths"].values() for op in item.values() if isinstance(op, dict)}
    modules = {p.stem for p in (GENERATED / "api").glob("*/*.py") if p.stem != "__init__"}
    assert len(ids) == 63
    assert modules == ids


# What each release's upstream spec has that the (v1.16.0) overlay does not cover: reported, not lost.
OLD_THREAD_400 = [
    "POST /v1/workspace/{slug}/thread/{threadSlug}/update response 400",
    "GET /v1/workspace/{slug}/thread/{threadSlug}/chats response 400",
]
EXPECTED_FINDINGS = {
    "v1.7.4": [
        *OLD_THREAD_400,
        "GET /v1/openai/models response 200 models",
        "POST /v1/openai/embeddings request inputs",
    ],
    "v1.9.0": OLD_THREAD_400,
    "v1.12.0": OLD_THREAD_400,
    "v1.16.0": [],
}


@pytest.mark.release_specs
@pytest.mark.parametrize("version", RELEASE_VERSIONS)
def test_every_release_generates_all_its_operations_without_warnings(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = RELEASES / f"{version}.json"
    paths = json.loads(spec_file.read_text())["paths"].values()
    count = sum(1 for item in paths for method in item if method in ("get", "post", "delete"))
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--file", str(spec_file), "--output", str(out)]) == 0
    report = capsys.readouterr().out
    assert "generator warnings:        0" in report
    assert f"operations generated:      {count}/{count}" in report
    assert f"2xx responses typed:       {count}/{count}" in report
    assert len(generated_modules(out)) == count
    assert _report_findings(report) == EXPECTED_FINDINGS[version]
    assert f"upstream findings:         {len(EXPECTED_FINDINGS[version])} (" in report
    skipped = [line for line in report.splitlines() if line.startswith("note: overlay action")]
    if version == "v1.16.0":
        assert skipped == []
    else:
        assert skipped, "an older version lacks operations, so some actions must be skipped"
        assert all("matches nothing in this spec" in line for line in skipped)


@pytest.mark.release_specs
def test_strict_mode_makes_a_stale_action_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file = RELEASES / "v1.7.4.json"
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--file", str(spec_file), "--strict", "--output", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "stale overlay action" in err[0]
    assert not out.exists()


@pytest.mark.release_specs
def test_diff_prints_a_changelog_and_the_new_specs_findings(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = RELEASES / "v1.12.0.json", RELEASES / "v1.16.0.json"
    assert regen.main(["--diff", str(old), str(new)]) == 0
    text = capsys.readouterr().out
    assert "Operations: 61 -> 63 (2 added, 0 removed)" in text
    assert "  + POST /v1/openai/images/generations" in text
    assert "  ~ GET /v1/documents/folder/{folderName}\n    + param query:offset (optional)" in text
    assert "Upstream findings for v1.16.0.json against overlay.yaml:\n  upstream findings:         0 (" in text
    assert regen.main(["--diff", str(new), str(old)]) == 0
    text = capsys.readouterr().out
    assert _report_findings(text.replace("  finding: ", "finding: ")) == EXPECTED_FINDINGS["v1.12.0"]
    assert regen.main(["--diff", str(new), str(old), "--strict"]) == 2
    assert "2 upstream finding(s)" in capsys.readouterr().err


@pytest.mark.pinned_spec
def test_url_reads_the_spec_embedded_in_swagger_ui_init(pages_server: Pages, tmp_path: Path) -> None:
    # swagger-ui-express embeds the document as `var options = {"swaggerDoc": {...}, ...};` in its init script.
    spec = json.loads(PINNED_SPEC.read_text())
    script = "window.onload = function() {\n  var options = " + json.dumps(
        {"swaggerDoc": spec, "customOptions": {}}, indent=2
    )
    pages_server.pages = {"/api/docs/swagger-ui-init.js": (200, "application/javascript", (script + ";\n}").encode())}
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--url", pages_server.url, "--output", str(out)]) == 0
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
    case: str, expected: str, pages_server: Pages, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(GENERATED)
    args: list[str]
    if case == "unreachable":
        args = ["--url", "http://127.0.0.1:9"]
    elif case == "no-spec":
        args = ["--url", pages_server.url]  # serves the web app's HTML only, like DISABLE_SWAGGER_DOCS=true
    elif case == "invalid-json":
        bad = tmp_path / "openapi.json"
        bad.write_text('{"openapi": "3.0.0", "paths": {')
        args = ["--file", str(bad)]
    else:
        overlay = tmp_path / "overlay.yaml"
        overlay.write_text("overlay: 1.0.0\nactions: [\n  - target: $.info\n")
        spec = tmp_path / "openapi.json"
        spec.write_text('{"openapi": "3.0.0", "info": {"title": "t", "version": "1"}, "paths": {}}')
        args = ["--overlay", str(overlay), "--file", str(spec)]
    assert regen.main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert expected in err[0]
    assert tree_digest(GENERATED) == before
