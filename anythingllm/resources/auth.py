"""Authentication: log in to the session API, check keys and tokens, check the server's setup."""

from __future__ import annotations

from .._resource import M, Resource


class AuthModule(Resource[M]):
    """Authentication: log in to the session API, check keys and tokens, check the server's setup."""
