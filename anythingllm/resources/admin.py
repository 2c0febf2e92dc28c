"""Administration: multi-user mode, users, invites and system preferences."""

from __future__ import annotations

from .._resource import M, Resource


class AdminModule(Resource[M]):
    """Administration: multi-user mode, users, invites and system preferences."""
