"""Apply an OpenAPI Overlay 1.0 document to a spec.

Targets are RFC 9535 JSONPath expressions, evaluated with ``jsonpath-rfc9535`` (the query
language the Overlay 1.0 standard mandates). The applier itself is small:

* ``update``: objects are merged recursively; any other value (a scalar or an array that is a
  property value) replaces what is there; when the target itself is an array, the value is
  appended.
* ``remove: true``: every matched node is deleted from its parent.

An action whose target matches nothing is *stale* for that spec: it is skipped with a note, or,
in strict mode, reported as an error.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import jsonpath_rfc9535 as jsonpath
import yaml
from regen_report import HTTP_METHODS

JSON = Any


class OverlayError(Exception):
    """The overlay cannot be read, or (strict mode) one of its actions is stale."""


@dataclass
class OverlayResult:
    """What applying an overlay did: how many actions ran, which ones were skipped, what they reached."""

    applied: int = 0
    skipped: list[str] = field(default_factory=list)
    operations: set[tuple[str, str]] = field(default_factory=set)
    """``(method, path)`` of every operation an action's target is, or lies in (the overlay knows them)."""
    described: set[tuple[str | int, ...]] = field(default_factory=set)
    """Every location an action targets, and (for an update of an object) each key it sets there."""

    def reach(self, spec: dict[str, Any], location: tuple[str | int, ...], update: Any = None) -> None:
        """Note what an action reaches at ``location`` (a whole path item reaches all its operations)."""
        self.described.add(location)
        if isinstance(update, dict):
            self.described.update((*location, key) for key in update)
        if len(location) < 2 or location[0] != "paths" or not isinstance(location[1], str):
            return
        item = spec.get("paths", {}).get(location[1])
        if len(location) >= 3 and isinstance(location[2], str):
            self.operations.add((location[2], location[1]))
        elif isinstance(item, dict):
            self.operations.update((method, location[1]) for method in item if method in HTTP_METHODS)


def load_overlay(text: str, *, source: str = "overlay") -> dict[str, Any]:
    """Parse and check an Overlay 1.0 document; raise OverlayError with one line on failure."""
    try:
        doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when there is one
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise OverlayError(f"{source} does not parse as YAML{where}: {problem}") from None
    if not isinstance(doc, dict) or "overlay" not in doc:
        raise OverlayError(f"{source} is not an Overlay document: the top-level 'overlay' key is missing")
    if not str(doc["overlay"]).startswith("1."):
        raise OverlayError(f"{source}: unsupported overlay version {doc['overlay']!r} (1.x expected)")
    actions = doc.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError(f"{source} has no 'actions' list")
    for number, action in enumerate(actions, 1):
        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            raise OverlayError(f"{source}: action {number} has no 'target' string")
        if ("update" in action) == bool(action.get("remove")):
            raise OverlayError(f"{source}: action {number} must have exactly one of 'update' or 'remove: true'")
        try:
            jsonpath.compile(action["target"])
        except jsonpath.JSONPathError as exc:
            raise OverlayError(f"{source}: action {number} target is not valid JSONPath: {exc}") from None
    return doc


def merge(target: JSON, update: JSON) -> JSON:
    """Return ``target`` with ``update`` merged in (objects recursively, other values replaced)."""
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = merge(target[key], value) if key in target else copy.deepcopy(value)
        return target
    return copy.deepcopy(update)


def _parent(doc: JSON, location: tuple[str | int, ...]) -> JSON:
    node = doc
    for step in location[:-1]:
        node = node[step]
    return node


def _sort_key(node: Any) -> list[tuple[int, Any]]:
    return [(0, step) if isinstance(step, str) else (1, step) for step in node.location]


def apply_overlay(spec: dict[str, Any], overlay: dict[str, Any], *, strict: bool = False) -> OverlayResult:
    """Apply ``overlay`` to ``spec`` in place, action by action, in document order."""
    result = OverlayResult()
    for number, action in enumerate(overlay["actions"], 1):
        target = action["target"]
        nodes = jsonpath.find(target, spec)
        if not nodes:
            note = f"action {number} skipped: target {target} matches nothing in this spec"
            if strict:
                raise OverlayError(f"stale overlay {note} (strict mode)")
            result.skipped.append(note)
            continue
        for node in nodes:
            result.reach(spec, tuple(node.location), action.get("update"))
        if action.get("remove"):
            # Delete deepest-last so that list indices stay valid.
            for node in sorted(nodes, key=_sort_key, reverse=True):
                parent = _parent(spec, node.location)
                del parent[node.location[-1]]
        else:
            for node in nodes:
                if not node.location:
                    merge(spec, action["update"])
                elif isinstance(node.value, list):
                    node.value.append(copy.deepcopy(action["update"]))
                else:
                    parent = _parent(spec, node.location)
                    parent[node.location[-1]] = merge(node.value, action["update"])
        result.applied += 1
    return result
