"""Documents: upload, list, read, delete and organise the server's documents."""

from __future__ import annotations

from .._resource import M, Resource


class DocumentsModule(Resource[M]):
    """Documents: upload, list, read, delete and organise the server's documents."""
