"""Embeddings of text, and the server's chat-widget embeds."""

from __future__ import annotations

from .._resource import M, Resource


class EmbedModule(Resource[M]):
    """Embeddings of text, and the server's chat-widget embeds."""
