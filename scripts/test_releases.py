#!/usr/bin/env python3
"""Run the friendly layer's tests on the generated code of each release spec in a folder.

    scripts/test_releases.py                 # the release specs in ../shared/anythingllm/openapi
    scripts/test_releases.py DIR --jobs 2    # any folder of v<release>.json specs, two at a time
    scripts/test_releases.py DIR -- -k chat  # arguments after -- go to pytest

Each spec is regenerated (not strict) into a temporary folder, which goes first on PYTHONPATH so that
``anythingllm_api`` is that release's package; then the test suite runs on it, except the tests of
regen and of the generated layer itself. A test that needs what the release lacks counts as passed when
the client refused it with UnsupportedOperationError (tests/release_under_test.py). One line per release;
the exit status is 1 when any release fails.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from regen_since import SinceError, release_files  # noqa: E402

SHARED_SPECS = ROOT.parent / "shared" / "anythingllm" / "openapi"
NOT_THE_FRIENDLY_LAYER = (
    # regen and its steps (they read the spec files, not the package under test)
    "test_regen.py",
    "test_regen_findings.py",
    "test_regen_normalize.py",
    "test_regen_pin.py",
    "test_regen_unknown.py",
    "test_check_releases.py",
    # the generated layer of the pinned release itself, against the pinned server's recordings
    "test_conformance.py",
    "test_conformance_errors.py",
    "test_generated_errors.py",
    "test_bench_smoke.py",
)
_SHOWN_FAILURES = 10
_SUMMARY = re.compile(r"^=*\s*(\d+ (?:passed|failed|errors?|skipped|deselected).*?)\s*=*$")
_LACKS = re.compile(r"^AnythingLLM \S+ lacks what (\d+) tests need")


def _regen(spec: Path, package: Path) -> str | None:
    """Regenerate ``spec`` into ``package``; the error line, or ``None`` on success."""
    regen = str(ROOT / "scripts" / "regen.py")
    cmd = [sys.executable, regen, "--file", str(spec), "--no-strict", "--output", str(package)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode == 0:
        return None
    lines = (proc.stderr or proc.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit status {proc.returncode}"


def run_release(version: str, spec: Path, pytest_args: list[str]) -> tuple[bool, str]:
    """Regenerate one release and run the suite on it: (passed, one line)."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"release-{version}-") as tmp:
        package = Path(tmp) / "anythingllm_api"
        failure = _regen(spec, package)
        if failure is not None:
            return False, f"v{version}: regen failed: {failure}"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [tmp, os.environ.get("PYTHONPATH")]))}
        probe = [sys.executable, "-c", "import anythingllm_api._release as r; print(r.__file__, r.RELEASE)"]
        where = subprocess.run(probe, env=env, capture_output=True, text=True, check=False).stdout.split()
        if not where or not where[0].startswith(tmp) or where[1] != version:
            return False, f"v{version}: the regenerated package is not the one imported ({' '.join(where)})"
        ignore = [f"--ignore=tests/{name}" for name in NOT_THE_FRIENDLY_LAYER]
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *ignore, *pytest_args]
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = proc.stdout.strip().splitlines()
    summary = next((m.group(1) for line in reversed(lines) if (m := _SUMMARY.match(line))), "no summary")
    lacked = next((m.group(1) for line in lines if (m := _LACKS.match(line))), "0")
    seconds = time.monotonic() - started
    verdict = "ok" if proc.returncode == 0 else "FAILED"
    summary = re.sub(r" in [\d.]+s.*$", "", summary)
    failed = [f"\n    {line}" for line in lines if line.startswith(("FAILED ", "ERROR "))]
    if len(failed) > _SHOWN_FAILURES:
        failed[_SHOWN_FAILURES:] = [f"\n    ... and {len(failed) - _SHOWN_FAILURES} more"]
    return proc.returncode == 0, (
        f"v{version}: {verdict}: {summary}; {lacked} refused as the release lacks what they need ({seconds:.0f} s)"
        + "".join(failed)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=SHARED_SPECS, help="a folder of v<release>.json specs")
    parser.add_argument("--jobs", type=int, default=1, help="releases tested at the same time")
    argv = sys.argv[1:] if argv is None else argv
    own, pytest_args = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    parser.epilog = "Arguments after -- go to pytest (default: the whole suite)."
    args = parser.parse_args(own)
    # Started in the background, this process may ignore SIGINT, and its pytest runs would inherit that (the
    # CLI's Ctrl-C test then cannot interrupt). A handler here is reset to the default in every child.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if not args.folder.is_dir():
        print(f"test-releases: skipped: {args.folder} is absent (the release specs are development material)")
        return 0
    try:
        releases = release_files(args.folder)
    except SinceError as exc:
        print(f"test-releases: error: {exc}", file=sys.stderr)
        return 2
    failed = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        jobs = [pool.submit(run_release, version, spec, pytest_args) for version, spec in releases]
        for job in jobs:
            ok, line = job.result()
            failed += not ok
            print(line, flush=True)
    print(f"test-releases: {len(releases) - failed}/{len(releases)} releases pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
