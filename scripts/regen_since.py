"""When each operation, parameter and request field first appeared, and the ``_release`` module.

``scripts/regen.py --since DIR`` reads every release spec in ``DIR`` (``v1.7.4.json`` ...), applies the
overlay to each to learn its operation ids, and writes ``spec/operations-since.json``: for each
operation its method, path and first release (and its last one, when a later release dropped it),
plus the first release of each parameter and request field that appeared after its operation. Each
spec gets regen's generic repairs first (``regen_normalize``), as it does before generating.
Parameters and fields come from upstream's own documentation of each release (its parameters, body
schemas and examples); one the overlay declares that no upstream release documents is dated by its
``x-since`` extension in the overlay, else by its operation. The committed table comes from every
release tag of Mintplex-Labs/anything-llm, v1.0.0 to v1.16.0, in a clone of it::

    for t in $(git tag -l 'v1.*'); do git show "$t:server/swagger/openapi.json" > "DIR/$t.json"; done

Every regen writes ``anythingllm_api/_release.py`` into the generated package: the release the
package was generated from, the operation ids it holds and the since data. The friendly layer reads
it to refuse, before sending, what the package or the server lacks (``anythingllm._compat``).
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from regen_normalize import preprocess
from regen_overlay import apply_overlay, load_overlay
from regen_report import operations, resolve

SPEC_DIR = Path(__file__).resolve().parent.parent / "spec"
SINCE_FILE = SPEC_DIR / "operations-since.json"
LOCK_FILE = SPEC_DIR / "openapi.lock.json"
RELEASE_MODULE = "_release.py"
UNKNOWN = "unknown"
_RELEASE_NAME = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)\.json$")
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
_BODY_PARTS = ("schema", "example")


class SinceError(Exception):
    """The release specs cannot be read; the message is one line for the user."""


def version_key(version: str) -> tuple[int, ...]:
    """``"1.12.0"`` -> ``(1, 12, 0)``, for ordering releases."""
    return tuple(int(part) for part in version.split("."))


def release_files(folder: Path) -> list[tuple[str, Path]]:
    """The release specs of ``folder`` (``v1.7.4.json`` ...), oldest first, as (version, path)."""
    found = []
    for path in folder.glob("*.json"):
        match = _RELEASE_NAME.match(path.name)
        if match:
            found.append((".".join(match.groups()), path))
    if not found:
        raise SinceError(f"{folder} holds no release spec named like v1.16.0.json")
    return sorted(found, key=lambda item: version_key(item[0]))


def _names(items: Iterable[Any]) -> set[str]:
    return {name for name in items if isinstance(name, str)}


def documented_fields(spec: dict[str, Any], op: dict[str, Any]) -> set[str]:
    """The top-level request body fields an operation documents: schema properties and example keys."""
    body = resolve(spec, op.get("requestBody"))
    found: set[str] = set()
    if not isinstance(body, dict):
        return found
    for media in (body.get("content") or {}).values():
        if not isinstance(media, dict):
            continue
        schema = resolve(spec, media.get("schema"))
        examples = [media.get("example")]
        if isinstance(schema, dict):
            found |= _names((schema.get("properties") or {}).keys())
            examples.append(schema.get("example"))
        for example in examples:
            if isinstance(example, dict):
                found |= _names(example.keys())
    return found


def documented_parameters(spec: dict[str, Any], op: dict[str, Any]) -> set[str]:
    """The path and query parameters an operation documents."""
    params = (resolve(spec, p) for p in op.get("parameters") or [])
    return {p["name"] for p in params if isinstance(p, dict) and p.get("in") in ("path", "query") and "name" in p}


def _since_mark(node: Any) -> str | None:
    """The overlay's ``x-since`` of a parameter or property, if it has one."""
    mark = node.get("x-since") if isinstance(node, dict) else None
    return None if mark is None else str(mark)


def _declared_since(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, dict[str, str | None]]:
    """What the overlay declares for an operation, with each item's ``x-since`` (or ``None``)."""
    params = {}
    for p in op.get("parameters") or []:
        p = resolve(spec, p)
        if isinstance(p, dict) and p.get("in") in ("path", "query") and "name" in p:
            params[p["name"]] = _since_mark(p)
    fields: dict[str, str | None] = {}
    body = resolve(spec, op.get("requestBody"))
    for media in ((body or {}).get("content") or {}).values() if isinstance(body, dict) else ():
        schema = resolve(spec, (media or {}).get("schema"))
        for name, prop in ((schema or {}).get("properties") or {}).items() if isinstance(schema, dict) else ():
            fields[name] = _since_mark(resolve(spec, prop))
    return {"parameters": params, "fields": fields}


@dataclass
class _Seen:
    """One operation over the releases: where it was first and last seen, and its items' first releases."""

    method: str
    path: str
    operation_id: str | None
    tag: str | None
    first: str
    last: str
    routes: list[str] = field(default_factory=list)
    parameters: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    declared: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def see(self, version: str, method: str, path: str, kind: str, names: set[str]) -> None:
        self.last, self.method, self.path = version, method, path
        route = f"{method} {path}"
        if route not in self.routes:
            self.routes.append(route)
        items = self.parameters if kind == "parameters" else self.fields
        for name in names:
            items.setdefault(name, version)

    def entry(self) -> dict[str, Any]:
        """The JSON entry: items dated later than the operation only."""
        out: dict[str, Any] = {"method": self.method, "path": self.path, "tag": self.tag, "since": self.first}
        for kind in ("parameters", "fields"):
            dated = dict(getattr(self, kind))
            for name, since in self.declared.get(kind, {}).items():
                dated.setdefault(name, since or self.first)
            out[kind] = {n: v for n, v in sorted(dated.items()) if version_key(v) > version_key(self.first)}
        return out


def build_since(folder: Path, overlay_text: str) -> dict[str, Any]:
    """The since document for the release specs in ``folder``."""
    overlay = load_overlay(overlay_text)
    releases = release_files(folder)
    seen: dict[str, _Seen] = {}
    for version, path in releases:
        try:
            raw = json.loads(path.read_text())
        except (OSError, ValueError) as exc:
            raise SinceError(f"cannot read {path}: {exc}") from None
        preprocess(raw)  # regen's repairs, e.g. the /v1 of v1.0.0's update-pin path
        spec = copy.deepcopy(raw)
        apply_overlay(spec, overlay, strict=False)
        for method, route_path, op in operations(spec):
            raw_op = raw["paths"][route_path][method]
            key = op.get("operationId") or f"{method.upper()} {route_path}"
            if key not in seen:
                tags = op.get("tags") or [None]
                seen[key] = _Seen(method.upper(), route_path, op.get("operationId"), tags[0], version, version)
            entry = seen[key]
            entry.see(version, method.upper(), route_path, "parameters", documented_parameters(raw, raw_op))
            entry.see(version, method.upper(), route_path, "fields", documented_fields(raw, raw_op))
            entry.declared = _declared_since(spec, op)
    newest = releases[-1][0]
    ops: dict[str, Any] = {}
    routes: dict[str, str] = {}
    for key, entry in sorted(seen.items()):
        ops[key] = entry.entry()
        if entry.last != newest:
            ops[key]["until"] = entry.last
        for route in entry.routes:
            routes[route] = key
    return {
        "about": (
            "First AnythingLLM release of each operation (by the overlay's operation id, or METHOD path for "
            "one the overlay does not know) and of each parameter and request field added after it. "
            "Written by scripts/regen.py --since DIR; do not edit."
        ),
        "releases": [version for version, _ in releases],
        "operations": ops,
        "routes": dict(sorted(routes.items())),
    }


def write_since(folder: Path, overlay_text: str, target: Path | None = None) -> dict[str, Any]:
    """Build the since document and write it to ``target`` (spec/operations-since.json); returns it."""
    doc = build_since(folder, overlay_text)
    (target or SINCE_FILE).write_text(json.dumps(doc, indent=2) + "\n")
    return doc


def load_since(path: Path | None = None) -> dict[str, Any]:
    """The committed since document, or an empty one when it is missing."""
    try:
        data: dict[str, Any] = json.loads((path or SINCE_FILE).read_text())
    except (OSError, ValueError):
        return {"releases": [], "operations": {}, "routes": {}}
    return data


def reported_release(base_url: str, *, timeout: float = 10.0) -> str:
    """The release a live server reports (``GET /api/utils/metrics`` → ``appVersion``), else ``unknown``.

    The server reports it when it runs from upstream's Docker image (``DEPLOYMENT_VERSION``).
    """
    try:
        answer = httpx.get(f"{base_url.rstrip('/')}/api/utils/metrics", timeout=timeout).json()
    except (httpx.HTTPError, ValueError):
        return UNKNOWN
    version = str(answer.get("appVersion") if isinstance(answer, dict) else "").removeprefix("v")
    return version if _VERSION.match(version) else UNKNOWN


def release_of(version: str, sha256: str, lock: Path = LOCK_FILE) -> str:
    """The release of a spec: ``version`` when known, else the lock's when the lock names these very bytes."""
    if version and version != UNKNOWN:
        return version.removeprefix("v")
    try:
        data = json.loads(lock.read_text())
    except (OSError, ValueError):
        return UNKNOWN
    if not isinstance(data, dict) or data.get("sha256") != sha256:
        return UNKNOWN
    for key in ("server_version", "tag", "release"):
        value = str(data.get(key) or "").removeprefix("v")
        if _VERSION.match(value):
            return value
    return UNKNOWN


def _python_names(since: dict[str, Any]) -> dict[str, str]:
    """The generator's Python name of every dated parameter and field (``folderName`` → ``folder_name``)."""
    from openapi_python_client.strings import PythonIdentifier

    names = {n for op in since.get("operations", {}).values() for kind in ("parameters", "fields") for n in op[kind]}
    return {name: str(PythonIdentifier(name, prefix="field_")) for name in sorted(names)}


def release_source(release: str, operation_ids: Iterable[str], since: dict[str, Any]) -> str:
    """The text of ``_release.py`` (ruff formats it with the rest of the package)."""
    ids = sorted(operation_ids)
    return (
        '"""The AnythingLLM release this package was generated from, its operations, and when each appeared.\n\n'
        "Generated by scripts/regen.py from the spec and spec/operations-since.json; do not edit.\n"
        '"""\n\n'
        "from typing import Any\n\n"
        f"RELEASE = {release!r}\n"
        '"""The server release of the spec this package was generated from ("unknown" when not known)."""\n\n'
        f"OPERATIONS: frozenset[str] = frozenset({ids!r})\n"
        '"""The operation ids this package has an endpoint module for."""\n\n'
        f"SINCE: dict[str, Any] = {since!r}\n"
        '"""spec/operations-since.json: the first release of each operation, parameter and request field."""\n\n'
        f"PYTHON_NAMES: dict[str, str] = {_python_names(since)!r}\n"
        '"""The Python name the generator gives each parameter and field named in SINCE."""\n'
    )


def write_release_module(package: Path, release: str, since: dict[str, Any] | None = None) -> Path:
    """Write ``_release.py`` into a freshly generated ``package`` and ruff-format it like the rest."""
    modules = {p.stem for p in (package / "api").glob("*/*.py") if p.stem != "__init__"}
    target = package / RELEASE_MODULE
    target.write_text(release_source(release, modules, load_since() if since is None else since))
    cmd = [sys.executable, "-m", "ruff", "format", "--isolated", "--line-length", "110", "-q", str(target)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SinceError(f"ruff failed on {target.name}: {(proc.stdout + proc.stderr).strip()[:300]}")
    return target
