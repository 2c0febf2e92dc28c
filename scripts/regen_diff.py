"""A readable API changelog between two spec files.

The upstream spec often describes a body only by an example, so a field is read from a schema's
``properties`` when there are some, and from the example's keys otherwise.
"""

from __future__ import annotations

from typing import Any

from regen_report import operations, resolve


def _fields(spec: dict[str, Any], content: dict[str, Any] | None) -> dict[str, str]:
    """Top-level field name → type (or "?") of the first media type in ``content``."""
    if not content:
        return {}
    media = next(iter(content.values()))
    schema = resolve(spec, media.get("schema") or {})
    if schema.get("type") == "array":
        schema = resolve(spec, schema.get("items") or {})
    props = schema.get("properties")
    if props:
        return {name: str(resolve(spec, sub).get("type", "?")) for name, sub in props.items()}
    example = media.get("example", schema.get("example"))
    if isinstance(example, list) and example:
        example = example[0]
    if isinstance(example, dict):
        return {name: type(value).__name__ for name, value in example.items()}
    return {}


def _describe(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for method, path, op in operations(spec):
        params = {
            f"{p.get('in')}:{p.get('name')}": ("required" if p.get("required") else "optional")
            for p in (resolve(spec, p) for p in op.get("parameters", []))
        }
        body = resolve(spec, op.get("requestBody") or {})
        responses = {
            str(code): _fields(spec, resolve(spec, r).get("content")) for code, r in op.get("responses", {}).items()
        }
        table[f"{method.upper()} {path}"] = {
            "params": params,
            "request": _fields(spec, body.get("content")),
            "responses": responses,
        }
    return table


def _compare(label: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = [f"    + {label} {k} ({new[k]})" for k in new if k not in old]
    lines += [f"    - {label} {k}" for k in old if k not in new]
    lines += [f"    ~ {label} {k}: {old[k]} -> {new[k]}" for k in old if k in new and old[k] != new[k]]
    return lines


def changelog(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Lines describing what changed from ``old`` to ``new``."""
    before, after = _describe(old), _describe(new)
    added = [k for k in after if k not in before]
    removed = [k for k in before if k not in after]
    out = [f"Operations: {len(before)} -> {len(after)} ({len(added)} added, {len(removed)} removed)"]
    out += [f"  + {k}" for k in added]
    out += [f"  - {k}" for k in removed]
    changed: list[str] = []
    for key in (k for k in after if k in before):
        a, b = before[key], after[key]
        lines = _compare("param", a["params"], b["params"])
        lines += _compare("request field", a["request"], b["request"])
        for code in sorted(set(a["responses"]) | set(b["responses"])):
            if code not in a["responses"]:
                lines.append(f"    + response {code}")
            elif code not in b["responses"]:
                lines.append(f"    - response {code}")
            else:
                lines += _compare(f"response {code} field", a["responses"][code], b["responses"][code])
        if lines:
            changed += [f"  ~ {key}", *lines]
    out.append(f"Changed operations: {sum(1 for line in changed if line.startswith('  ~'))}")
    return out + changed
