"""Users (multi-user mode) and API keys."""

from __future__ import annotations

from .._resource import M, Resource


class UsersModule(Resource[M]):
    """Users (multi-user mode) and API keys."""
