"""Test the built wheel on every Python version the package declares (``make test-pythons``).

The supported versions are the ``Programming Language :: Python :: 3.N`` classifiers of pyproject.toml
(``requires-python`` starts at the lowest of them; tests/test_packaging.py checks that). For each one:

1. find the interpreter: the one running this script when the version matches, else ``pyenv prefix 3.N``;
   a version that is not installed is skipped with one line saying so;
2. make a fresh venv in a temporary folder and install requirements/dev.lock and the wheel (no checkout
   code, no editable install);
3. run the README examples there; on every version but the main one (the one ``make test`` used for the
   whole suite), the whole suite.

The tests run from a temporary working directory with ``--import-mode=append``, so ``import anythingllm``
finds the installed wheel, not the checkout's source (tests/test_packaging.py asserts it).

``python scripts/test_pythons.py [--wheel DIST.whl] [--full | --readme-only]``: exit status 1 if any
version failed, 0 otherwise (skipped versions included).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CLASSIFIER = re.compile(r"Programming Language :: Python :: (3\.\d+)$")
README_TESTS = ["tests/test_readme.py", "tests/test_packaging.py"]


def supported_versions(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The ``3.N`` versions pyproject.toml's classifiers declare, lowest first."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    found = [m.group(1) for c in project.get("classifiers", []) if (m := _CLASSIFIER.match(c))]
    return sorted(set(found), key=lambda v: tuple(int(p) for p in v.split(".")))


def _running_version() -> str:
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def find_interpreter(version: str) -> tuple[Path | None, str]:
    """The python of ``version`` and where it came from, or ``None`` and why it was not found."""
    if version == _running_version():
        base = Path(sys.base_prefix) / "bin" / "python3"
        return (base if base.exists() else Path(sys.executable)), "the main interpreter"
    pyenv = shutil.which("pyenv")
    if pyenv is None:
        return None, "pyenv is not installed"
    done = subprocess.run([pyenv, "prefix", version], capture_output=True, text=True, check=False)
    prefix = done.stdout.strip().splitlines()[-1] if done.returncode == 0 and done.stdout.strip() else ""
    python = Path(prefix) / "bin" / "python3"
    if not prefix or not python.exists():
        return None, f"not installed (`pyenv prefix {version}` found nothing)"
    return python, f"pyenv prefix {version}"


def build_wheel(out: Path) -> Path:
    """Build the project's wheel into ``out`` with this interpreter's pip and hatchling."""
    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip, "-w", str(out), str(ROOT)], check=True)
    return next(out.glob("anythingllm-*.whl"))


@dataclass
class Outcome:
    """How one version went."""

    version: str
    status: str  # passed, failed, skipped
    detail: str


def _run(command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> bool:
    return subprocess.run(command, check=False, cwd=cwd, env=env).returncode == 0


def check_version(version: str, wheel: Path, work: Path, *, full: bool) -> Outcome:
    """Install ``wheel`` into a fresh venv of ``version`` and run the README examples (or the whole suite)."""
    python, source = find_interpreter(version)
    if python is None:
        return Outcome(version, "skipped", source)
    venv = work / f"venv-{version}"
    started = time.monotonic()
    print(f"== Python {version} ({source}): fresh venv, dev.lock and {wheel.name}", flush=True)
    quiet = ["--quiet", "--disable-pip-version-check"]
    if not (
        _run([str(python), "-m", "venv", str(venv)])
        and _run([str(venv / "bin" / "pip"), "install", *quiet, "-r", str(ROOT / "requirements" / "dev.lock")])
        and _run([str(venv / "bin" / "pip"), "install", *quiet, "--no-deps", str(wheel)])
    ):
        return Outcome(version, "failed", "the venv could not be set up")
    cwd = work / f"cwd-{version}"
    cwd.mkdir()
    targets = [str(ROOT / "tests")] if full else [str(ROOT / t) for t in README_TESTS]
    pytest = [
        str(venv / "bin" / "pytest"),
        "-c",
        str(ROOT / "pyproject.toml"),
        "--rootdir",
        str(ROOT),
        "--import-mode=append",
        "-p",
        "no:cacheprovider",
        "-q",
        *targets,
    ]
    env = {**_environment(), "ANYTHINGLLM_TEST_INSTALLED": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    ok = _run(pytest, cwd=cwd, env=env)
    what = "whole suite" if full else "README examples"
    took = f"{time.monotonic() - started:.0f} s"
    return Outcome(version, "passed" if ok else "failed", f"{what} against the installed wheel, {took}")


def _environment() -> dict[str, str]:
    """This environment without the live server's settings and without anything that picks Python paths."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ANYTHINGLLM_", "PYTHON", "VIRTUAL_ENV"))}


def main(argv: list[str] | None = None) -> int:
    """Test every declared version; print one line per version at the end."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a built wheel (default: build one now)")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--full", action="store_true", help="the whole suite on every version, the main one too")
    scope.add_argument("--readme-only", action="store_true", help="only the README examples on every version")
    args = parser.parse_args(argv)
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="anythingllm-pythons-") as tmp:
        work = Path(tmp)
        wheel = args.wheel or build_wheel(work / "dist")
        for version in supported_versions():
            full = args.full or (not args.readme_only and version != _running_version())
            outcomes.append(check_version(version, wheel, work, full=full))
    print()
    for outcome in outcomes:
        print(f"Python {outcome.version}: {outcome.status}: {outcome.detail}")
    return 1 if any(o.status == "failed" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
