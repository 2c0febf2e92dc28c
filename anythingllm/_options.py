"""Per-request options: timeouts, retries and the idle limit of streams."""

from __future__ import annotations

import httpx

from ._record import Record, init_fields

DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_STREAM_IDLE_TIMEOUT = 60.0

TimeoutLike = float | httpx.Timeout | None


def _default_timeout() -> httpx.Timeout:
    return httpx.Timeout(DEFAULT_READ_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)


def to_timeout(value: TimeoutLike) -> httpx.Timeout:
    """Turn the documented ``timeout`` argument into an :class:`httpx.Timeout`.

    ``None`` gives the default (connect 10 s, read 60 s); a number is the read (and write/pool)
    timeout in seconds, with the connect timeout capped at 10 s; an ``httpx.Timeout`` is used as is
    (``httpx.Timeout(None)`` disables every timeout).
    """
    if value is None:
        return _default_timeout()
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError(f"timeout must be a positive number of seconds or an httpx.Timeout, not {value!r}")
    seconds = float(value)
    return httpx.Timeout(seconds, connect=min(DEFAULT_CONNECT_TIMEOUT, seconds))


class RequestOptions(Record):
    """How one request is sent: ``timeout`` (connect/read/write/pool), ``max_retries`` and
    ``stream_idle_timeout`` (the longest silence tolerated between bytes of a stream)."""

    __slots__ = ("_extensions", "max_retries", "stream_idle_timeout", "timeout")
    timeout: httpx.Timeout
    max_retries: int
    stream_idle_timeout: float
    _extensions: tuple[dict[str, float | None], dict[str, float | None]]  # (call, stream) timeout extensions

    def __init__(
        self,
        timeout: httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        stream_idle_timeout: float = DEFAULT_STREAM_IDLE_TIMEOUT,
    ) -> None:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError(f"max_retries must be an integer >= 0, not {max_retries!r}")
        if stream_idle_timeout <= 0:
            raise ValueError(f"stream_idle_timeout must be > 0 seconds, not {stream_idle_timeout!r}")
        timeout = _default_timeout() if timeout is None else timeout
        init_fields(self, timeout=timeout, max_retries=max_retries, stream_idle_timeout=stream_idle_timeout)
        call, stream = timeout.as_dict(), {**timeout.as_dict(), "read": stream_idle_timeout}
        init_fields(self, _extensions=(call, stream))  # not a field: what timeout_extension copies

    @classmethod
    def create(
        cls,
        timeout: TimeoutLike = None,
        *,
        max_retries: int = DEFAULT_MAX_RETRIES,
        stream_idle_timeout: float = DEFAULT_STREAM_IDLE_TIMEOUT,
    ) -> RequestOptions:
        """Build options from user arguments (``timeout`` as seconds, ``httpx.Timeout`` or ``None``)."""
        return cls(to_timeout(timeout), max_retries, float(stream_idle_timeout))

    def replace(
        self,
        *,
        timeout: TimeoutLike = None,
        max_retries: int | None = None,
        stream_idle_timeout: float | None = None,
    ) -> RequestOptions:
        """A copy with the given fields changed (``None`` keeps the current value)."""
        return self.replace_fields(
            timeout=self.timeout if timeout is None else to_timeout(timeout),
            max_retries=self.max_retries if max_retries is None else max_retries,
            stream_idle_timeout=(
                self.stream_idle_timeout if stream_idle_timeout is None else float(stream_idle_timeout)
            ),
        )

    def timeout_extension(self, *, stream: bool = False) -> dict[str, float | None]:
        """The value for ``request.extensions["timeout"]``; a stream reads with the idle timeout."""
        return dict(self._extensions[stream])


__all__ = [
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_READ_TIMEOUT",
    "DEFAULT_STREAM_IDLE_TIMEOUT",
    "RequestOptions",
    "TimeoutLike",
    "to_timeout",
]
