#!/usr/bin/env python3
"""Regenerate ``generated/anythingllm_api`` from the AnythingLLM spec and our overlay.

    scripts/regen.py                       # the pinned spec (spec/openapi.lock.json), strict
    scripts/regen.py --url http://host:3001  # pull the spec from a live server
    scripts/regen.py --file path/to/openapi.json
    scripts/regen.py --diff OLD.json NEW.json  # API changelog between two specs, and NEW's findings
    scripts/regen.py --since DIR             # spec/operations-since.json from the release specs in DIR

Pipeline: raw spec (the pin: a local copy with the locked sha256, or downloaded and verified) ->
generic repairs of structural errors (regen_normalize) -> spec/overlay.yaml applied -> operations
the overlay does not know named and opened (regen_unknown) -> upstream findings (regen_findings) ->
openapi-spec-validator -> openapi-python-client into a temporary folder -> ruff -> atomic swap.
Any failure leaves the previous generated code untouched and exits with status 2. ``--strict``
(the default for the pin) makes stale overlay actions, generator warnings and unacknowledged
upstream findings errors.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from regen_diff import changelog  # noqa: E402
from regen_findings import Review, review  # noqa: E402
from regen_normalize import preprocess  # noqa: E402
from regen_overlay import OverlayError, apply_overlay, load_overlay  # noqa: E402
from regen_pin import Pin, load_pin, pinned_spec  # noqa: E402
from regen_report import Coverage, measure  # noqa: E402
from regen_since import SinceError, release_of, reported_release, write_release_module, write_since  # noqa: E402
from regen_source import RawSpec, SpecSourceError, fetch_live, read_file  # noqa: E402
from regen_unknown import UnknownOperation, open_unknown  # noqa: E402

SPEC_DIR = ROOT / "spec"
LOCK = SPEC_DIR / "openapi.lock.json"
PINNED_CACHE = SPEC_DIR / "openapi.json"  # git-ignored: the pinned spec, downloaded once
SHARED_SPECS = ROOT.parent / "shared" / "anythingllm" / "openapi"  # the development copies, if present
OVERLAY = SPEC_DIR / "overlay.yaml"
GENERATOR_CONFIG = SPEC_DIR / "generator.yaml"
TEMPLATES = SPEC_DIR / "templates"  # our overrides of the generator's templates (spec/templates/README.md)
OUTPUT = ROOT / "generated" / "anythingllm_api"
PACKAGE = "anythingllm_api"


class RegenError(Exception):
    """A pipeline step failed; the message is a single line for the user."""


def pinned_candidates(pin: Pin) -> list[Path]:
    """Local files that may hold the pinned spec, in the order they are tried."""
    return [PINNED_CACHE, SHARED_SPECS / f"{pin.tag}.json"]


@dataclass
class Normalized:
    """The spec ready for the generator, and what normalizing it found."""

    spec: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    unknown: list[UnknownOperation] = field(default_factory=list)
    review: Review = field(default_factory=Review)


def normalize(raw: dict[str, Any], overlay_text: str, *, strict: bool, overlay_name: str = "overlay") -> Normalized:
    """Repair, apply the overlay to a copy of ``raw``, open unknown operations, review and validate."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
    from referencing.exceptions import Unresolvable

    spec = copy.deepcopy(raw)
    notes = [f"normalize: {note}" for note in preprocess(spec)]
    upstream = copy.deepcopy(spec)
    try:
        overlay = load_overlay(overlay_text, source=overlay_name)
        result = apply_overlay(spec, overlay, strict=strict)
    except OverlayError as exc:
        raise RegenError(str(exc)) from None
    notes += [f"overlay {note}" for note in result.skipped]
    unknown = open_unknown(spec, result.operations)
    try:
        validate(spec)
    except OpenAPIValidationError as exc:
        where = "/".join(str(p) for p in exc.path) if getattr(exc, "path", None) else "document"
        raise RegenError(f"the normalized spec is invalid at {where}: {exc.message}") from None
    except Unresolvable as exc:
        raise RegenError(f"the normalized spec has a $ref that leads nowhere: {exc.ref}") from None
    return Normalized(spec, notes, unknown, review(upstream, spec, overlay, unknown, result.described))


def check_findings(found: Review, *, strict: bool) -> None:
    """In strict mode, list the unacknowledged findings (and stale acknowledgements) and fail."""
    if strict and (found.findings or found.stale):
        for line in found.lines()[:-1]:
            print(line, file=sys.stderr)
        raise RegenError(
            f"{len(found.findings)} upstream finding(s) the overlay does not cover and {len(found.stale)} stale "
            "acknowledgement(s) (strict mode): repair spec/overlay.yaml or acknowledge them in x-upstream-ignored"
        )


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
            "--custom-template-path",
            str(TEMPLATES),
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


@dataclass
class Outcome:
    """What one regeneration produced."""

    warnings: list[str]
    coverage: Coverage
    normalized: Normalized


def regenerate(
    raw: RawSpec, *, strict: bool, overlay_path: Path, output: Path, echo: Callable[[str], None] = print
) -> Outcome:
    """The whole pipeline for one raw spec; raises RegenError when a step fails."""
    try:
        overlay_text = overlay_path.read_text()
    except OSError as exc:
        raise RegenError(f"cannot read {overlay_path}: {exc.strerror or exc}") from None
    normalized = normalize(raw.spec, overlay_text, strict=strict, overlay_name=overlay_path.name)
    for note in normalized.notes:
        echo(f"note: {note}")
    check_findings(normalized.review, strict=strict)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".regen-", dir=output.parent) as tmp:
        staging = Path(tmp)
        warnings = generate(normalized.spec, staging)
        for line in warnings:
            echo(f"generator: {line}")
        if warnings and strict:
            raise RegenError(f"openapi-python-client printed {len(warnings)} warning line(s) (strict mode)")
        write_release_module(staging / PACKAGE, release_of(raw.server_version, raw.sha256))
        coverage = measure(normalized.spec, staging / PACKAGE, normalized.unknown)
        swap_in(staging / PACKAGE, output)
    echo(
        f"generated {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output} "
        f"from {raw.source} (server {raw.server_version}, sha256 {raw.sha256[:12]})"
    )
    echo(f"generator warnings:        {len(warnings)}")
    for line in coverage.lines():
        echo(line)
    for line in normalized.review.lines():
        echo(line)
    return Outcome(warnings, coverage, normalized)


def _load_for_diff(path: str) -> dict[str, Any]:
    return read_file(Path(path)).spec


def diff(old: str, new: str, *, overlay_path: Path, strict: bool) -> int:
    """The changelog from ``old`` to ``new``, then ``new``'s findings against the overlay."""
    before, after = _load_for_diff(old), _load_for_diff(new)
    for line in changelog(before, after):
        print(line)
    try:
        overlay_text = overlay_path.read_text()
    except OSError as exc:
        raise RegenError(f"cannot read {overlay_path}: {exc.strerror or exc}") from None
    found = normalize(after, overlay_text, strict=False, overlay_name=overlay_path.name).review
    print(f"Upstream findings for {Path(new).name} against {overlay_path.name}:")
    for line in found.lines():
        print(f"  {line}")
    check_findings(found, strict=strict)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--url", help="base URL of a running AnythingLLM server, e.g. http://localhost:3001")
    source.add_argument("--file", type=Path, help="a spec file (JSON)")
    source.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"), help="print an API changelog and exit")
    source.add_argument("--since", type=Path, metavar="DIR", help="write spec/operations-since.json and exit")
    parser.add_argument("--server-version", help="the server version the spec belongs to (for the report)")
    parser.add_argument(
        "--strict",
        dest="strict",
        action="store_true",
        default=None,
        help="stale overlay actions, generator warnings and upstream findings the overlay does not cover "
        "are errors (default for the pinned spec)",
    )
    parser.add_argument("--no-strict", dest="strict", action="store_false")
    parser.add_argument("--overlay", type=Path, default=OVERLAY, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=OUTPUT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.diff:
            return diff(*args.diff, overlay_path=args.overlay, strict=bool(args.strict))
        if args.since:
            doc = write_since(args.since, args.overlay.read_text())
            first, last = doc["releases"][0], doc["releases"][-1]
            print(f"wrote spec/operations-since.json: {len(doc['operations'])} operations, {first} to {last}")
            return 0
        if args.url:
            raw = fetch_live(args.url, server_version=args.server_version or reported_release(args.url))
        elif args.file:
            raw = read_file(args.file, args.server_version)
        else:
            pin = load_pin(LOCK)
            raw = pinned_spec(pin, pinned_candidates(pin), PINNED_CACHE)
        strict = args.strict if args.strict is not None else (args.url is None and args.file is None)
        regenerate(raw, strict=strict, overlay_path=args.overlay, output=args.output.resolve())
        return 0
    except (SpecSourceError, RegenError, SinceError) as exc:
        print(f"regen: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
