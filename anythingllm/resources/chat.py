"""Chat with a workspace or one of its threads, streamed or not, and manage history and threads."""

from __future__ import annotations

from .._resource import M, Resource


class ChatModule(Resource[M]):
    """Chat with a workspace or one of its threads, streamed or not, and manage history and threads."""
