"""The tests on the generated code of an older release (``make test-releases``) without writing them twice.

The suite is written for the pinned release. Run against a package generated from an older spec, a
test whose method needs an operation, parameter or field that release lacks cannot get its answer;
instead the client must refuse it before sending, with an :class:`UnsupportedOperationError` that names
the route and the release that added it. This plugin decides: when such an error was raised during a
test (whether the test let it escape or its assertions then failed, as a CLI test's do), the test
counts as passed on that release, and the terminal summary lists what each release lacked. Any
other failure stays a failure. On the pinned release nothing is lacking and the plugin does nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from typing import Any

import pytest

from anythingllm import _compat
from anythingllm.errors import UnsupportedOperationError

_raised: list[UnsupportedOperationError] = []
_lacked: Counter[str] = Counter()
_original_init = UnsupportedOperationError.__init__


def release_lacks(error: UnsupportedOperationError) -> bool:
    """Whether ``error`` is the refusal, before sending, of what the installed package's release lacks."""
    info = _compat.release()
    return (
        error.status_code == 0
        and error.generated_from == info.name
        and error.route is not None
        and error.since is not None
        and _compat.version_key(error.since) > _compat.version_key(info.name)
        and error.route in error.message
        and error.since in error.message
    )


def _noting_init(self: UnsupportedOperationError, *args: Any, **kwargs: Any) -> None:
    _original_init(self, *args, **kwargs)
    if release_lacks(self):
        _raised.append(self)


UnsupportedOperationError.__init__ = _noting_init  # type: ignore[method-assign]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """Let a test pass on an older release when it failed because the release lacks what it needs."""
    _raised.clear()
    try:
        return (yield)
    except Exception:
        if not _raised:
            raise
        first = _raised[0]
        _lacked[first.message.partition(";")[0]] += 1  # "<route, or field of a route> was added in <release>"
        item.user_properties.append(("release_lacks", first.route))
        return None
    finally:
        _raised.clear()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line per route (or field) the release lacks: how many tests got the UnsupportedOperationError for it."""
    if not _lacked:
        return
    release = _compat.release().name
    total = sum(_lacked.values())
    terminalreporter.write_line(
        f"AnythingLLM {release} lacks what {total} tests need; each got UnsupportedOperationError before sending:"
    )
    for route, count in sorted(_lacked.items()):
        terminalreporter.write_line(f"  {route}: {count}")
