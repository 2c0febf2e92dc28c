"""Upstream data the suite reads but the repository never holds, and the one skip line when it is absent.

Tests marked ``pinned_spec`` need the pinned upstream spec (spec/openapi.json after ``make regen``,
or ../shared); tests marked ``release_specs`` need the release specs of ../shared/anythingllm/openapi.
Every test skipped for either reason is skipped from the same line with the same reason, so that
the summary shows one line, however many tests it counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from tests import recordings

RELEASES = recordings.SHARED / "openapi"
RELEASE_VERSIONS = ("v1.7.4", "v1.9.0", "v1.12.0", "v1.16.0")
"""The release specs ../shared holds: the pin and three older releases."""

PINNED = recordings.available()
RELEASE_SPECS = all((RELEASES / f"{version}.json").is_file() for version in RELEASE_VERSIONS)

_MISSING = [
    what
    for what, present in (
        (f"the pinned spec {recordings.PIN.tag} (`make regen` downloads it into spec/openapi.json)", PINNED),
        ("the release specs of ../shared/anythingllm/openapi", RELEASE_SPECS),
    )
    if not present
]
REASON = "upstream spec data absent, tests that read it skipped: " + " and ".join(_MISSING)


def require(node: pytest.Item) -> None:
    """Skip ``node`` (with the one shared reason) when the upstream data its markers ask for is absent."""
    if (node.get_closest_marker("pinned_spec") and not PINNED) or (
        node.get_closest_marker("release_specs") and not RELEASE_SPECS
    ):
        pytest.skip(REASON)


def pinned_cases(build: Callable[[], Sequence[Any]], arity: int = 1) -> Sequence[Any]:
    """Parameters that ``build`` reads from the pinned spec, or one placeholder when the spec is absent.

    The placeholder lets collection succeed; the ``pinned_spec`` marker then skips it from the one line.
    """
    if PINNED:
        return build()
    return [pytest.param(*([None] * arity), id="upstream-absent")]
