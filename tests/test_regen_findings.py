"""Nothing upstream is lost silently: simulated future releases, built from the pinned spec, are reported.

Each change (tests/future_specs.py) is one an upstream release could make. Regen must name it (an upstream finding),
``--strict`` must fail on it with the finding listed, and the spec must still generate every operation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from regen_report import generated_modules

from tests.future_specs import CHANGES, UNREPAIRED, Spec
from tests.recordings import PINNED_SPEC, ROOT
from tests.spec_tools import regen

OVERLAY = (ROOT / "spec" / "overlay.yaml").read_text()


def _pinned() -> Spec:
    spec: Spec = json.loads(PINNED_SPEC.read_text())
    return spec


def _count(spec: Spec) -> int:
    return sum(1 for item in spec["paths"].values() for method in item if method in ("get", "post", "delete"))


@pytest.mark.pinned_spec
def test_the_pinned_spec_has_no_unacknowledged_finding() -> None:
    review = regen.normalize(_pinned(), OVERLAY, strict=True).review
    assert review.findings == []
    assert review.stale == []
    assert len(review.acknowledged) > 100  # the XML and {message} 403 bodies of every operation, and more


@pytest.mark.pinned_spec
@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_each_simulated_upstream_change_is_reported_and_fails_strict(
    change: Callable[[Spec], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _pinned()
    change(spec)
    spec_file = tmp_path / "future.json"
    spec_file.write_text(json.dumps(spec))
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--file", str(spec_file), "--strict", "--output", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.removeprefix("finding: ").split(": ")[0] for line in err[:-1]] == CHANGES[change]
    assert err[-1].startswith("regen: error: 1 upstream finding(s) the overlay does not cover")
    assert not out.exists()


@pytest.mark.pinned_spec
def test_a_future_release_with_every_change_still_generates_every_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _pinned()
    for change in CHANGES:
        change(spec)
    spec_file = tmp_path / "future.json"
    spec_file.write_text(json.dumps(spec))
    out = tmp_path / "anythingllm_api"
    assert regen.main(["--file", str(spec_file), "--output", str(out)]) == 0
    report = capsys.readouterr().out
    count = _count(spec)
    assert count == 65
    assert f"operations generated:      {count}/{count}" in report
    assert f"2xx responses typed:       {count}/{count}" in report
    assert "generator warnings:        0" in report
    assert len(generated_modules(out)) == count
    expected = [subject for subjects in CHANGES.values() for subject in subjects]
    listed = [
        line.removeprefix("finding: ").split(": ")[0] for line in report.splitlines() if line.startswith("finding: ")
    ]
    assert sorted(listed) == sorted(expected)
    assert f"upstream findings:         {len(expected)} (" in report
    assert UNREPAIRED in report
