#!/usr/bin/env python3
"""Regenerate every release spec in a folder, each into a temporary folder, and print one line per release.

    scripts/check_releases.py DIR        # DIR holds v1.0.0.json, v1.1.0.json, ... (upstream data, never committed)

A line reads: release, operations generated n/n, generator warnings, upstream findings (those the
overlay does not acknowledge), ok or FAIL (with the reason). A release is ok when it generates every
one of its operations without a generator warning. The last line counts the releases that are ok;
the exit status is 1 when one is not, 2 when the folder holds no spec.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import regen
from regen_source import SpecSourceError, read_file


def _version_key(path: Path) -> tuple[list[int], str]:
    return [int(n) for n in re.findall(r"\d+", path.stem)], path.stem


def check(spec_file: Path, overlay: Path) -> tuple[bool, str]:
    """Regenerate one spec into a temporary folder; return whether it is ok and its report line."""
    name = spec_file.stem
    try:
        raw = read_file(spec_file)
        with tempfile.TemporaryDirectory(prefix="check-release-") as tmp:
            outcome = regen.regenerate(
                raw, strict=False, overlay_path=overlay, output=Path(tmp) / regen.PACKAGE, echo=lambda _: None
            )
    except (SpecSourceError, regen.RegenError) as exc:
        return False, f"{name:<10} FAIL  {exc}"
    cov = outcome.coverage
    ok = cov.generated == cov.operations and not outcome.warnings and not cov.extra_modules
    line = (
        f"{name:<10} operations {cov.generated:>3}/{cov.operations:<3}  warnings {len(outcome.warnings)}  "
        f"findings {len(outcome.normalized.review.findings):>2}  {'ok' if ok else 'FAIL'}"
    )
    return ok, line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of release specs, one JSON file per release")
    parser.add_argument("--jobs", "-j", type=int, default=4, help="releases regenerated at the same time")
    parser.add_argument("--overlay", type=Path, default=regen.OVERLAY, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    specs = sorted(args.folder.glob("*.json"), key=_version_key)
    if not specs:
        print(f"check_releases: error: {args.folder} holds no *.json spec", file=sys.stderr)
        return 2
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda spec: check(spec, args.overlay), specs))
    for _, line in results:
        print(line)
    passed = sum(ok for ok, _ in results)
    print(f"{passed}/{len(results)} releases regenerate every operation without a generator warning")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
