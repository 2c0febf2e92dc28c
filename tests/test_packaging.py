"""The declared Python range is the tested range, and an installed-wheel run really tests the wheel."""

from __future__ import annotations

import os
import re
import sys
import tomllib
from pathlib import Path

import anythingllm_api
import pytest

import anythingllm
from tests.conftest import FROM_CHECKOUT

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import test_pythons  # noqa: E402

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def test_requires_python_starts_at_the_lowest_tested_version_and_leaves_none_out() -> None:
    tested = test_pythons.supported_versions()
    assert tested, "no 'Programming Language :: Python :: 3.N' classifiers"
    assert PROJECT["project"]["requires-python"] == f">={tested[0]}"
    minors = [_minor(v)[1] for v in tested]
    assert minors == list(range(minors[0], minors[-1] + 1)), "a minor version inside the range is not tested"


def test_the_tools_target_the_lowest_supported_version() -> None:
    lowest = test_pythons.supported_versions()[0]
    assert PROJECT["tool"]["ruff"]["target-version"] == "py" + lowest.replace(".", "")
    assert PROJECT["tool"]["mypy"]["python_version"] == lowest


def test_the_readme_states_the_supported_versions() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tested = test_pythons.supported_versions()
    stated = ", ".join(tested[:-1]) + f" and {tested[-1]}"
    assert re.search(rf"Python {re.escape(stated)}\b", readme), f"README does not say 'Python {stated}'"


def test_a_missing_version_is_skipped_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(test_pythons.shutil, "which", lambda name: None)
    python, why = test_pythons.find_interpreter("3.99")
    assert python is None and why == "pyenv is not installed"


@pytest.mark.skipif(not os.environ.get("ANYTHINGLLM_TEST_INSTALLED"), reason="only under make test-pythons")
def test_an_installed_run_imports_the_wheel_not_the_checkout() -> None:
    assert not FROM_CHECKOUT
    for module in (anythingllm, anythingllm_api):
        assert Path(module.__file__ or "").resolve().is_relative_to(Path(sys.prefix).resolve()), module.__file__
