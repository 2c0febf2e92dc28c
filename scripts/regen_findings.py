"""What upstream's spec says that the overlay does not cover: nothing upstream is lost silently.

The overlay replaces upstream's responses and request bodies of every operation it knows, so a
field upstream adds would vanish from the generated models. This module compares each operation of
the (preprocessed) upstream spec with the normalized one and names every such difference:

* an operation the overlay does not know (it is generated open, "not yet repaired by the overlay");
* a parameter, a request body, a response code or a media type the normalized operation lacks;
* a request or response field, in upstream's schema or example, that the normalized schema lacks
  (unless that object is declared open); a value of upstream's enum or example outside the enum;
* a tag upstream uses that ``x-upstream-tags`` in the overlay does not list.

Findings that are known and deliberate (upstream names a field the server does not send or read)
are acknowledged in the overlay's ``x-upstream-ignored`` list, each with its reason; a ``finding``
there is a subject, in which ``*`` stands for any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from regen_report import operations, resolve
from regen_unknown import UnknownOperation

Spec = dict[str, Any]
Described = set[tuple[str | int, ...]]


@dataclass(frozen=True)
class Finding:
    """One thing upstream has that the overlay does not cover."""

    subject: str
    """Stable name, e.g. ``POST /v1/workspace/new request openAiTemp``; acknowledgements match it."""
    detail: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.detail}"


@dataclass
class Review:
    """The findings for one spec, split by whether the overlay acknowledges them."""

    findings: list[Finding] = field(default_factory=list)
    acknowledged: list[Finding] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    """Acknowledgement patterns that match no finding of this spec."""

    def lines(self) -> list[str]:
        """The report lines: every unacknowledged finding, every stale acknowledgement, then the count."""
        out = [f"finding: {item}" for item in self.findings]
        out += [f"note: x-upstream-ignored entry {pattern!r} matches nothing in this spec" for pattern in self.stale]
        out.append(
            f"upstream findings:         {len(self.findings)}"
            f" ({len(self.acknowledged)} more acknowledged in the overlay)"
        )
        return out


def _resolve(spec: Spec, node: Any) -> Any:
    """``node`` with local $refs followed; None for a $ref that leads nowhere (upstream is not always whole)."""
    try:
        return resolve(spec, node)
    except (KeyError, TypeError):
        return None


def _at(where: str) -> str:
    """A field path without its trailing separator: ``request workspace.``, ``response 200 `` ..."""
    return where.rstrip(". ")


def _in_items(where: str) -> str:
    """The field path prefix of an array's items: ``request tags[].``, ``response 200 [].``."""
    return f"{where}[]." if where.endswith(" ") else f"{where.rstrip('.')}[]."


class _Fields:
    """Walks upstream schemas and examples against the normalized schemas, yielding findings."""

    def __init__(self, upstream: Spec, normalized: Spec, subject: str) -> None:
        self.upstream, self.normalized, self.subject = upstream, normalized, subject

    def _alternatives(self, schemas: list[Any]) -> list[dict[str, Any]]:
        """The normalized schemas with $refs followed and allOf/oneOf/anyOf flattened."""
        out: list[dict[str, Any]] = []
        for schema in schemas:
            schema = _resolve(self.normalized, schema)
            if not isinstance(schema, dict):
                continue
            out.append(schema)
            for key in ("allOf", "oneOf", "anyOf"):
                out += self._alternatives(schema.get(key) or [])
        return out

    @staticmethod
    def _is_object(schema: dict[str, Any]) -> bool:
        return schema.get("type") == "object" or "properties" in schema or "additionalProperties" in schema

    def _child(self, norm: list[dict[str, Any]], name: str) -> list[Any] | None:
        """The normalized schemas of field ``name`` ([] when an open object takes it), None when missing."""
        alternatives = self._alternatives(norm)
        found = [s["properties"][name] for s in alternatives if name in (s.get("properties") or {})]
        if found:
            return found
        if any(s.get("additionalProperties") not in (None, False) for s in alternatives):
            return []
        if any(self._is_object(s) for s in alternatives):
            return None
        return []  # the overlay does not model this as an object (e.g. a JSON-encoded string)

    def _items(self, norm: list[dict[str, Any]]) -> list[Any]:
        return [s["items"] for s in self._alternatives(norm) if isinstance(s.get("items"), dict)]

    def _enum(self, norm: list[Any]) -> list[Any] | None:
        """The values the normalized schemas allow, or None when one of them takes any value."""
        leaves = [s for s in self._alternatives(norm) if not any(k in s for k in ("allOf", "oneOf", "anyOf"))]
        values: list[Any] = []
        for schema in leaves:
            if "enum" in schema:
                values += schema["enum"]
            elif not self._is_object(schema):
                return None
        return values or None

    def _missing(self, where: str, name: str, source: str) -> Finding:
        return Finding(
            f"{self.subject} {where}{name}", f"upstream's {source} has this field; the overlay's schema lacks it"
        )

    def schema(self, schema: Any, norm: list[Any], where: str, seen: frozenset[int] = frozenset()) -> Iterator[Finding]:
        """Findings for an upstream schema against the normalized alternatives ``norm``."""
        schema = _resolve(self.upstream, schema)
        if not isinstance(schema, dict) or id(schema) in seen or not norm:
            return
        seen = seen | {id(schema)}
        for key in ("allOf", "oneOf", "anyOf"):
            for part in schema.get(key) or []:
                yield from self.schema(part, norm, where, seen)
        allowed = self._enum(norm)
        if allowed is not None:
            for value in schema.get("enum") or []:
                if value not in allowed:
                    yield Finding(
                        f"{self.subject} {_at(where)} enum {value!r}",
                        "upstream's enum has this value; the overlay's lacks it",
                    )
        for name, sub in (schema.get("properties") or {}).items():
            child = self._child(norm, name)
            if child is None:
                yield self._missing(where, name, "schema")
            else:
                yield from self.schema(sub, child, f"{where}{name}.", seen)
        if isinstance(schema.get("items"), dict):
            yield from self.schema(schema["items"], self._items(norm), _in_items(where), seen)
        if "example" in schema:
            yield from self.example(schema["example"], norm, where)

    def example(self, value: Any, norm: list[Any], where: str) -> Iterator[Finding]:
        """Findings for an upstream example value against the normalized alternatives ``norm``."""
        if not norm:
            return
        if isinstance(value, dict):
            for name, sub in value.items():
                child = self._child(norm, name)
                if child is None:
                    yield self._missing(where, name, "example")
                else:
                    yield from self.example(sub, child, f"{where}{name}.")
        elif isinstance(value, list):
            items = self._items(norm)
            for element in value:
                yield from self.example(element, items, _in_items(where))
        elif isinstance(value, str):
            allowed = self._enum(norm)
            if allowed is None:
                return
            # Upstream writes alternatives into one example string: "automatic | query | chat".
            for choice in value.split(" | "):
                if choice not in allowed:
                    yield Finding(
                        f"{self.subject} {_at(where)} enum {choice!r}",
                        "upstream's example has this value; the overlay's enum lacks it",
                    )


def _media_examples(media: dict[str, Any]) -> Iterator[Any]:
    if "example" in media:
        yield media["example"]
    for example in (media.get("examples") or {}).values():
        if isinstance(example, dict) and "value" in example:
            yield example["value"]


def _content(walk: _Fields, raw: dict[str, Any], norm: dict[str, Any], where: str, what: str) -> Iterator[Finding]:
    """Compare upstream's content map with the normalized one (media types, then fields)."""
    for media_type, media in raw.items():
        if not isinstance(media, dict):
            continue
        if media_type not in norm:
            why = "the overlay does not" if norm else "the overlay declares no body here"
            yield Finding(f"{walk.subject} {what} {media_type}", f"upstream declares this media type; {why}")
            continue
        target = (norm[media_type] or {}).get("schema")
        targets = [target] if target is not None else []
        if "schema" in media:
            yield from walk.schema(media["schema"], targets, where)
        for example in _media_examples(media):
            yield from walk.example(example, targets, where)


def _parameters(spec: Spec, path: str, op: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    params = [*(spec["paths"][path].get("parameters") or []), *(op.get("parameters") or [])]
    resolved = [_resolve(spec, p) for p in params]
    return {(str(p.get("in")), str(p.get("name"))): p for p in resolved if isinstance(p, dict)}


def _operation(
    upstream: Spec, normalized: Spec, method: str, path: str, raw: dict[str, Any], described: Described
) -> Iterator[Finding]:
    subject = f"{method.upper()} {path}"
    norm = normalized["paths"][path][method]
    walk = _Fields(upstream, normalized, subject)
    have = _parameters(normalized, path, norm)
    # A path parameter is part of the path the overlay names; any other one it must describe itself.
    params_described = any(loc[:4] == ("paths", path, method, "parameters") for loc in described)
    for key, param in _parameters(upstream, path, raw).items():
        if key not in have:
            yield Finding(f"{subject} parameter {key[0]}:{key[1]}", "upstream has this parameter; the overlay lacks it")
        elif key[0] != "path" and not params_described:
            yield Finding(
                f"{subject} parameter {key[0]}:{key[1]}",
                "upstream's parameter is generated as upstream declares it; the overlay does not describe it",
            )
        elif "schema" in param:
            yield from walk.schema(param["schema"], [have[key].get("schema")], f"parameter {key[0]}:{key[1]}.")
    body = _resolve(upstream, raw.get("requestBody"))
    if isinstance(body, dict) and body.get("content"):
        norm_body = _resolve(normalized, norm.get("requestBody")) or {}
        yield from _content(walk, body["content"], norm_body.get("content") or {}, "request ", "request")
    norm_responses = norm.get("responses") or {}
    for code, response in (raw.get("responses") or {}).items():
        code = str(code)
        if code not in norm_responses:
            yield Finding(f"{subject} response {code}", "upstream has this response code; the overlay lacks it")
            continue
        response = _resolve(upstream, response)
        if isinstance(response, dict) and response.get("content"):
            norm_content = (_resolve(normalized, norm_responses[code]) or {}).get("content") or {}
            yield from _content(walk, response["content"], norm_content, f"response {code} ", f"response {code}")


def _tags(upstream: Spec, known_tags: set[str]) -> Iterator[Finding]:
    used: dict[str, str] = {}
    for method, path, op in operations(upstream):
        for tag in op.get("tags") or []:
            used.setdefault(str(tag), f"{method.upper()} {path}")
    for tag in upstream.get("tags") or []:
        if isinstance(tag, dict) and "name" in tag:
            used.setdefault(str(tag["name"]), "the top-level tags list")
    for tag, where in used.items():
        if tag not in known_tags:
            yield Finding(
                f"tag {tag}", f"upstream tag (first on {where}) that the overlay's x-upstream-tags does not list"
            )


def review(
    upstream: Spec,
    normalized: Spec,
    overlay: dict[str, Any],
    unknown: list[UnknownOperation],
    described: Described,
) -> Review:
    """Every finding of ``upstream`` (preprocessed, before the overlay) against ``normalized``.

    ``described`` holds the locations the overlay's actions set (see ``OverlayResult.described``).
    """
    new = {(u.method, u.path): u for u in unknown}
    found: list[Finding] = []
    for method, path, raw in operations(upstream):
        if (method, path) in new:
            found.append(
                Finding(
                    f"{method.upper()} {path}",
                    f"operation not known to the overlay: generated as {new[method, path].module} with open models "
                    "(not yet repaired by the overlay)",
                )
            )
        elif path in normalized.get("paths", {}) and method in normalized["paths"][path]:
            found += _operation(upstream, normalized, method, path, raw, described)
    found += _tags(upstream, {str(t) for t in overlay.get("x-upstream-tags") or []})
    unique = list(dict.fromkeys(found))
    acks = [
        str(entry.get("finding", "")) for entry in overlay.get("x-upstream-ignored") or [] if isinstance(entry, dict)
    ]
    patterns = {ack: re.compile(".*".join(re.escape(part) for part in ack.split("*"))) for ack in acks}
    result = Review()
    for item in unique:
        matched = any(rx.fullmatch(item.subject) for rx in patterns.values())
        (result.acknowledged if matched else result.findings).append(item)
    result.stale = [ack for ack, rx in patterns.items() if not any(rx.fullmatch(f.subject) for f in unique)]
    return result
