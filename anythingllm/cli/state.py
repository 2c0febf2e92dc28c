"""The per-invocation state: global options, the output, and the client (created on first use)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer

from .._config import DEFAULT, resolve_api_key, resolve_base_url
from .output import Output

if TYPE_CHECKING:
    from .._client import AnythingLLMClient


@dataclass(frozen=True)
class Settings:
    """The global options as given (``None``: fall back to the environment, then the client default)."""

    base_url: str | None = None
    api_key: str | None = None
    json: bool = False
    debug: bool = False
    timeout: int | None = None
    max_retries: int | None = None


class State:
    """What every command of one invocation shares."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.out = Output(settings.json)
        self._client: AnythingLLMClient | None = None
        self._root: AnythingLLMClient | None = None

    @property
    def base_url(self) -> str:
        """The server address the client uses (as resolved from the option and the environment)."""
        try:
            return resolve_base_url(self.settings.base_url)
        except ValueError:
            return str(self.settings.base_url)

    @property
    def key_given(self) -> bool:
        """Whether an API key came from ``--api-key`` or the environment."""
        return bool(resolve_api_key(self.settings.api_key))

    def client_options(self) -> dict[str, Any]:
        """The keyword arguments of a client (sync or async) for the global options."""
        options = self.settings
        return {
            "base_url": options.base_url or DEFAULT,
            "api_key": options.api_key,
            "timeout": options.timeout or 60,
            "max_retries": 2 if options.max_retries is None else options.max_retries,
        }

    @property
    def stream_idle_timeout(self) -> float | None:
        """--timeout also bounds the silence between two events of a streamed answer."""
        return self.settings.timeout

    @property
    def client(self) -> AnythingLLMClient:
        """The client, created on first use (so ``--help`` and usage errors never need a server)."""
        if self._client is None:
            from .._client import AnythingLLMClient  # not imported for --help and usage errors

            root = AnythingLLMClient(**self.client_options())
            self._root = root
            idle = self.stream_idle_timeout
            self._client = root.with_options(stream_idle_timeout=idle) if idle else root
        return self._client

    def close(self) -> None:
        """Close the client's connections."""
        if self._root is not None:
            self._root.close()
        self._root = self._client = None


def state_of(ctx: typer.Context) -> State:
    """The :class:`State` the root command stored for this invocation."""
    state = ctx.find_root().obj
    if not isinstance(state, State):  # a command invoked outside the app (only in tests of the app itself)
        state = State(Settings())
        ctx.find_root().obj = state
    return state


@contextmanager
def debug_logging() -> Iterator[None]:
    """Log every request and response (headers redacted) to stderr while the command runs."""
    from .._logging import LOGGER_NAME

    logger = logging.getLogger(LOGGER_NAME)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.setLevel(logging.DEBUG)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
