"""The ``anythingllm`` command line (typer + rich), built on the friendly client.

``app`` is the typer application, ``main`` the console-script entry point.
"""

from .app import app, main

__all__ = ["app", "main"]
