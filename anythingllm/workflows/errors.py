"""The errors the workflows raise themselves (a server's failure is the client's usual :class:`ApiError`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class WorkflowError(Exception):
    """A workflow refused to go on: what it found would make it lose or misplace something."""


class AmbiguousThreadError(WorkflowError, LookupError):
    """Several threads of the workspace have the title asked for; ``threads`` lists them (slug, name)."""

    def __init__(self, workspace: str, title: str, threads: Sequence[dict[str, Any]]) -> None:
        self.workspace, self.title = workspace, title
        self.threads = [dict(t) for t in threads]
        slugs = ", ".join(str(t.get("slug")) for t in self.threads)
        super().__init__(
            f"workspace {workspace!r} has {len(self.threads)} threads named {title!r} (slugs: {slugs}); "
            "rename all but one, or pass thread=<slug> to pick one"
        )


class UnknownUsersError(WorkflowError, ValueError):
    """Some of the users named do not exist on the server; nothing was changed."""

    def __init__(self, unknown: Sequence[str | int]) -> None:
        self.unknown = list(unknown)
        super().__init__(
            f"no such user(s) on the server: {', '.join(repr(u) for u in self.unknown)} (nothing was changed; "
            "`anythingllm admin users list` shows who exists)"
        )


class ArchiveVerificationError(WorkflowError):
    """The archive file did not read back as what was written, so nothing was deleted."""
