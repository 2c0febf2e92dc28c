"""Threads of a workspace: list, read, create, rename, delete, chat and clear."""

from __future__ import annotations

from .._resource import M, Resource


class WorkspaceThreadModule(Resource[M]):
    """Threads of a workspace: list, read, create, rename, delete, chat and clear."""
