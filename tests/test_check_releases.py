"""scripts/check_releases.py: every release spec of a folder regenerates, one line per release."""

from __future__ import annotations

import shutil
from pathlib import Path

import check_releases
import pytest

from tests.recordings import ROOT
from tests.upstream import RELEASES


@pytest.mark.release_specs
def test_release_specs_regenerate_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Two of ../shared's four (tests/test_regen.py regenerates all four); lines in release order.
    for version in ("v1.16.0", "v1.7.4"):
        shutil.copyfile(RELEASES / f"{version}.json", tmp_path / f"{version}.json")
    assert check_releases.main([str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "v1.7.4     operations  55/55   warnings 0  findings  4  ok",
        "v1.16.0    operations  63/63   warnings 0  findings  0  ok",
        "2/2 releases regenerate every operation without a generator warning",
    ]
    readme = (ROOT / "README.md").read_text()
    assert f"\n{lines[1]}\n" in readme  # the README shows the line of the pinned release as it is


def test_a_spec_that_does_not_regenerate_is_a_fail_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "v9.0.0.json").write_text('{"openapi": "3.0.0", "paths": {')
    (tmp_path / "v10.0.0.json").write_text('{"swagger": "2.0", "paths": {}}')
    assert check_releases.main([str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("v9.0.0     FAIL  ") and "is not valid JSON" in lines[0]
    assert lines[1].startswith("v10.0.0    FAIL  ") and "is not an OpenAPI 3 document" in lines[1]
    assert lines[2] == "0/2 releases regenerate every operation without a generator warning"


def test_an_empty_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_releases.main([str(tmp_path)]) == 2
    assert "holds no *.json spec" in capsys.readouterr().err
