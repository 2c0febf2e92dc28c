#!/usr/bin/env python3
"""Regenerate ``generated/anythingllm_api`` from the AnythingLLM spec and our overlay.

    scripts/regen.py                       # the pinned spec (../shared/anythingllm/openapi/v1.16.0.json), strict
    scripts/regen.py --url http://host:3001  # pull the spec from a live server
    scripts/regen.py --file path/to/openapi.json
    scripts/regen.py --diff OLD.json NEW.json  # API changelog between two specs
    scripts/regen.py --since DIR             # spec/operations-since.json from the release specs in DIR

Pipeline: raw spec -> spec/openapi.json + spec/openapi.lock.json -> spec/overlay.yaml applied ->
openapi-spec-validator -> openapi-python-client into a temporary folder -> ruff -> atomic swap.
Any failure leaves the previous generated code untouched and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from regen_diff import changelog  # noqa: E402
from regen_overlay import OverlayError, apply_overlay, load_overlay  # noqa: E402
from regen_report import measure  # noqa: E402
from regen_since import SinceError, release_of, reported_release, write_release_module, write_since  # noqa: E402
from regen_source import RawSpec, SpecSourceError, fetch_live, read_file  # noqa: E402

PINNED = ROOT.parent / "shared" / "anythingllm" / "openapi" / "v1.16.0.json"
SPEC_DIR = ROOT / "spec"
OVERLAY = SPEC_DIR / "overlay.yaml"
GENERATOR_CONFIG = SPEC_DIR / "generator.yaml"
OUTPUT = ROOT / "generated" / "anythingllm_api"
PACKAGE = "anythingllm_api"


class RegenError(Exception):
    """A pipeline step failed; the message is a single line for the user."""


def normalize(
    raw: dict[str, Any], overlay_text: str, *, strict: bool, overlay_name: str = "overlay"
) -> tuple[dict[str, Any], list[str]]:
    """Apply the overlay to a copy of ``raw`` and validate it; return the spec and the skip notes."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    spec = json.loads(json.dumps(raw))
    try:
        overlay = load_overlay(overlay_text, source=overlay_name)
        result = apply_overlay(spec, overlay, strict=strict)
    except OverlayError as exc:
        raise RegenError(str(exc)) from None
    try:
        validate(spec)
    except OpenAPIValidationError as exc:
        where = "/".join(str(p) for p in exc.path) if getattr(exc, "path", None) else "document"
        raise RegenError(f"the normalized spec is invalid at {where}: {exc.message}") from None
    return spec, result.skipped


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


def generate(spec: dict[str, Any], staging: Path) -> list[str]:
    """Run openapi-python-client and ruff into ``staging``; return the generator's warnings."""
    spec_file = staging / "openapi.normalized.json"
    spec_file.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n")
    out = staging / PACKAGE
    proc = _run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(spec_file),
            "--config",
            str(GENERATOR_CONFIG),
            "--meta",
            "none",
            "--output-path",
            str(out),
        ],
        staging,
    )
    text = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0 or not (out / "__init__.py").exists():
        last = text.splitlines()[-1] if text else f"exit status {proc.returncode}"
        raise RegenError(f"openapi-python-client failed: {last}")
    warnings = [line for line in text.splitlines() if line.strip() and not line.startswith("Generating ")]
    for cmd in (
        [sys.executable, "-m", "ruff", "check", "--isolated", "--fix", "--select", "I,F401", "-q", str(out)],
        [sys.executable, "-m", "ruff", "format", "--isolated", "--line-length", "110", "-q", str(out)],
    ):
        proc = _run(cmd, staging)
        if proc.returncode != 0:
            raise RegenError(f"ruff failed on the generated code: {(proc.stdout + proc.stderr).strip()[:300]}")
    return warnings


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` with ``new``; on any failure the old tree is put back."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_lock(raw: RawSpec) -> None:
    """Record where the raw spec came from, and its digest, in spec/openapi.lock.json."""
    lock = {
        "source": raw.source,
        "server_version": raw.server_version,
        "spec_info_version": raw.spec.get("info", {}).get("version"),
        "sha256": raw.sha256,
        "generator": f"openapi-python-client {metadata.version('openapi-python-client')}",
    }
    (SPEC_DIR / "openapi.lock.json").write_text(json.dumps(lock, indent=2) + "\n")


def regenerate(raw: RawSpec, *, strict: bool, overlay_path: Path, output: Path, record: bool) -> int:
    """The whole pipeline for one raw spec; returns the exit status."""
    try:
        overlay_text = overlay_path.read_text()
    except OSError as exc:
        raise RegenError(f"cannot read {overlay_path}: {exc.strerror or exc}") from None
    spec, skipped = normalize(raw.spec, overlay_text, strict=strict, overlay_name=overlay_path.name)
    for note in skipped:
        print(f"note: overlay {note}")
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".regen-", dir=output.parent) as tmp:
        staging = Path(tmp)
        warnings = generate(spec, staging)
        for line in warnings:
            print(f"generator: {line}")
        if warnings and strict:
            raise RegenError(f"openapi-python-client printed {len(warnings)} warning line(s) (strict mode)")
        write_release_module(staging / PACKAGE, release_of(raw.server_version, raw.sha256))
        coverage = measure(spec, staging / PACKAGE)
        if record:
            SPEC_DIR.mkdir(exist_ok=True)
            (SPEC_DIR / "openapi.json").write_bytes(raw.data)
            write_lock(raw)
        swap_in(staging / PACKAGE, output)
    print(
        f"generated {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output} "
        f"from {raw.source} (server {raw.server_version}, sha256 {raw.sha256[:12]})"
    )
    print(f"generator warnings:        {len(warnings)}")
    for line in coverage.lines():
        print(line)
    return 0


def _load_for_diff(path: str) -> dict[str, Any]:
    return read_file(Path(path)).spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--url", help="base URL of a running AnythingLLM server, e.g. http://localhost:3001")
    source.add_argument("--file", type=Path, help="a spec file (JSON)")
    source.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"), help="print an API changelog and exit")
    source.add_argument("--since", type=Path, metavar="DIR", help="write spec/operations-since.json and exit")
    parser.add_argument("--server-version", help="server version to record in the lock file")
    parser.add_argument(
        "--strict",
        dest="strict",
        action="store_true",
        default=None,
        help="stale overlay actions and generator warnings are errors (default for the pinned spec)",
    )
    parser.add_argument("--no-strict", dest="strict", action="store_false")
    parser.add_argument("--overlay", type=Path, default=OVERLAY, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=OUTPUT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.diff:
            for line in changelog(_load_for_diff(args.diff[0]), _load_for_diff(args.diff[1])):
                print(line)
            return 0
        if args.since:
            doc = write_since(args.since, args.overlay.read_text())
            first, last = doc["releases"][0], doc["releases"][-1]
            print(f"wrote spec/operations-since.json: {len(doc['operations'])} operations, {first} to {last}")
            return 0
        if args.url:
            raw = fetch_live(args.url, server_version=args.server_version or reported_release(args.url))
        else:
            raw = read_file(args.file or PINNED, args.server_version)
        strict = args.strict if args.strict is not None else (args.url is None and args.file is None)
        record = args.output.resolve() == OUTPUT
        return regenerate(raw, strict=strict, overlay_path=args.overlay, output=args.output.resolve(), record=record)
    except (SpecSourceError, RegenError, SinceError) as exc:
        print(f"regen: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
