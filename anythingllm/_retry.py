"""The retry policy: which failures are retried and how long to wait. Pure: no I/O, no sleeping."""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Callable, Mapping
from random import random as _uniform

import httpx

from ._record import Record, init_fields

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES = frozenset({408, 429, 502, 503, 504})

# Failures where nothing reached the server: safe to repeat for every method, POST included.
_NOTHING_SENT: tuple[type[httpx.HTTPError], ...] = (httpx.ConnectError, httpx.ConnectTimeout)
# Failures worth repeating for idempotent methods (the request may or may not have been handled).
_TRANSIENT: tuple[type[httpx.HTTPError], ...] = (
    httpx.NetworkError,
    httpx.TimeoutException,
    httpx.RemoteProtocolError,
)


class RetryEvent(Record):
    """What :attr:`RetryPolicy.on_retry` is told before each retry."""

    __slots__ = ("attempt", "delay", "error", "method", "status", "url")
    method: str
    url: str
    attempt: int
    delay: float
    status: int | None
    error: BaseException | None

    def __init__(
        self,
        method: str,
        url: str,
        attempt: int,
        delay: float,
        status: int | None = None,
        error: BaseException | None = None,
    ) -> None:
        init_fields(self, method=method, url=url, attempt=attempt, delay=delay, status=status, error=error)


class RetryPolicy(Record):
    """Exponential backoff with full jitter, ``Retry-After`` honoured, idempotency respected.

    ``attempt`` is the number of attempts already made (1 after the first failure). At most
    ``max_retries`` retries follow the first attempt. ``random`` and ``clock`` are injectable for
    tests; ``on_retry`` is called by the drivers before each retry.
    """

    __slots__ = ("base_delay", "clock", "max_delay", "max_retries", "max_retry_after", "on_retry", "random")
    _quiet = frozenset({"random", "clock", "on_retry"})
    max_retries: int
    base_delay: float
    max_delay: float
    max_retry_after: float
    random: Callable[[], float]
    clock: Callable[[], float]
    on_retry: Callable[[RetryEvent], None] | None

    def __init__(
        self,
        max_retries: int = 2,
        base_delay: float = 0.5,
        max_delay: float = 8.0,
        max_retry_after: float = 30.0,
        random: Callable[[], float] = _uniform,
        clock: Callable[[], float] = time.time,
        on_retry: Callable[[RetryEvent], None] | None = None,
    ) -> None:
        init_fields(
            self,
            max_retries=max_retries,
            base_delay=base_delay,
            max_delay=max_delay,
            max_retry_after=max_retry_after,
            random=random,
            clock=clock,
            on_retry=on_retry,
        )

    def with_max_retries(self, max_retries: int) -> RetryPolicy:
        """The same policy allowing ``max_retries`` retries."""
        return self if max_retries == self.max_retries else self.replace_fields(max_retries=max_retries)

    def should_retry(
        self,
        method: str,
        attempt: int,
        *,
        status: int | None = None,
        error: BaseException | None = None,
    ) -> bool:
        """Whether to retry after ``attempt`` attempts that ended in ``status`` or ``error``.

        Connection failures before any byte was sent (connect error or connect timeout) are retried
        for every method. Other transport errors and 408/429/502/503/504 are retried only for
        idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS): a POST is never sent twice.
        """
        if attempt > self.max_retries:
            return False
        if isinstance(error, _NOTHING_SENT):
            return True
        if method.upper() not in IDEMPOTENT_METHODS:
            return False
        if error is not None:
            return isinstance(error, _TRANSIENT)
        return status in RETRY_STATUSES

    def delay(self, attempt: int, response_headers: Mapping[str, str] | None = None) -> float:
        """Seconds to wait before the next attempt: ``Retry-After`` (capped), else jittered backoff."""
        retry_after = self.retry_after(response_headers)
        if retry_after is not None:
            return retry_after
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** max(attempt - 1, 0))
        return self.random() * ceiling

    def retry_after(self, response_headers: Mapping[str, str] | None) -> float | None:
        """The wait a ``Retry-After`` header asks for (seconds or HTTP date), capped; ``None`` if absent."""
        if not response_headers:
            return None
        value = _header(response_headers, "retry-after")
        if value is None:
            return None
        seconds = _parse_retry_after(value.strip(), self.clock())
        return None if seconds is None else min(max(seconds, 0.0), self.max_retry_after)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    if isinstance(headers, httpx.Headers):
        value = headers.get(name)
        return None if value is None else str(value)
    return next((value for key, value in headers.items() if key.lower() == name), None)


def _parse_retry_after(value: str, now: float) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when.timestamp() - now


DEFAULT_RETRY_POLICY = RetryPolicy()

__all__ = ["DEFAULT_RETRY_POLICY", "IDEMPOTENT_METHODS", "RETRY_STATUSES", "RetryEvent", "RetryPolicy"]
