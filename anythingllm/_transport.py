"""The two I/O drivers, the only code that sends: :func:`send_sync` and :func:`send_async`.

Both are tiny loops around :class:`_Exchange`, which holds everything that is not I/O: the
timeout, the retry decisions, logging and error mapping. The drivers only send, read and sleep.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from anythingllm._logging import log_request, log_response, log_retry, safe_url
from anythingllm._options import RequestOptions
from anythingllm._retry import DEFAULT_RETRY_POLICY, RetryEvent, RetryPolicy
from anythingllm.errors import check_response, error_from_response, error_from_transport, media_type_of

ERROR_BODY_LIMIT = 64 * 1024
"""At most this many bytes of an error body are read (a huge error page is never read whole)."""

_READ_ALL = -1


class _Exchange:
    """One request and its attempts, without I/O: the drivers ask it what to do next."""

    def __init__(
        self,
        request: httpx.Request,
        options: RequestOptions,
        *,
        stream: bool,
        expect_json: bool,
        policy: RetryPolicy | None,
    ) -> None:
        self.request = request
        self.stream = stream
        self.expect_json = expect_json
        self.policy = (policy or DEFAULT_RETRY_POLICY).with_max_retries(options.max_retries)
        self.attempt = 0
        self.started = 0.0
        self.capped = False
        self.media_type = ""  # of the last response, looked up once for read_limit and finished
        request.extensions = {**request.extensions, "timeout": options.timeout_extension(stream=stream)}

    def start(self) -> httpx.Request:
        """Begin an attempt: count it, note the time, log the request line; returns the request."""
        self.attempt += 1
        self.started = time.monotonic()
        log_request(self.request, self.attempt)
        return self.request

    def read_limit(self, response: httpx.Response) -> int | None:
        """How much body to read now: ``None`` leaves a good stream open, ``-1`` reads all, else a cap."""
        log_response(self.request, response, time.monotonic() - self.started)
        if not response.is_success:
            return ERROR_BODY_LIMIT
        # No API answer is HTML: a page where JSON, an event stream, a file or text was asked for is the
        # web app's (a route the server lacks, or a base URL that misses the API). It is only read for
        # an excerpt of the error.
        self.media_type = media_type_of(response)
        if self.media_type.startswith("text/html"):
            self.capped = True
            return ERROR_BODY_LIMIT
        return None if self.stream else _READ_ALL

    def finished(self, response: httpx.Response, body: bytes | None) -> httpx.Response | float:
        """After a response: the usable response, or the delay before a retry; raises otherwise."""
        if response.is_success:
            if body is None:
                return response
            if self.capped:
                raise error_from_response(response, body)
            check_response(response, expect_json=self.expect_json, media_type=self.media_type)
            return response
        status = response.status_code
        if self.policy.should_retry(self.request.method, self.attempt, status=status):
            return self._retry(self.policy.delay(self.attempt, response.headers), status=status)
        raise error_from_response(response, body)

    def failed(self, exc: httpx.HTTPError) -> float:
        """After a transport failure: the delay before a retry; raises the mapped error otherwise."""
        if self.policy.should_retry(self.request.method, self.attempt, error=exc):
            return self._retry(self.policy.delay(self.attempt), error=exc)
        raise error_from_transport(exc, self.request.method, self.request.url) from exc

    def _retry(self, delay: float, *, status: int | None = None, error: BaseException | None = None) -> float:
        reason = f"HTTP {status}" if error is None else f"{type(error).__name__}: {error}"
        log_retry(self.request, self.attempt, delay, reason)
        if self.policy.on_retry is not None:
            url = safe_url(self.request.url)
            self.policy.on_retry(RetryEvent(self.request.method, url, self.attempt, delay, status, error))
        return delay


class _Sink:
    """Collects body chunks up to a limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = b""

    def full_after(self, chunk: bytes) -> bool:
        """Add ``chunk``; True once ``limit`` bytes are held (the rest is not needed)."""
        self.data = (self.data + chunk)[: self.limit]
        return len(self.data) >= self.limit


def _read_sync(response: httpx.Response, limit: int | None) -> bytes | None:
    if limit is None:
        return None
    try:
        if limit == _READ_ALL:
            return response.read()
        sink = _Sink(limit)
        for chunk in response.iter_bytes():
            if sink.full_after(chunk):
                break
        return sink.data
    finally:
        response.close()


async def _read_async(response: httpx.Response, limit: int | None) -> bytes | None:
    if limit is None:
        return None
    try:
        if limit == _READ_ALL:
            return await response.aread()
        sink = _Sink(limit)
        async for chunk in response.aiter_bytes():
            if sink.full_after(chunk):
                break
        return sink.data
    finally:
        await response.aclose()


def send_sync(
    client: httpx.Client, request: httpx.Request, options: RequestOptions,
    *, stream: bool = False, expect_json: bool = True, policy: RetryPolicy | None = None,
) -> httpx.Response:  # fmt: skip
    """Send ``request`` with retries and map failures to :mod:`anythingllm.errors`.

    ``request.extensions["timeout"]`` is set from ``options`` (a stream reads with
    ``stream_idle_timeout``). Returns the read response, or with ``stream=True`` the open response
    (the caller closes it). Raises an :class:`~anythingllm.errors.ApiError` subclass on failure.
    """
    exchange = _Exchange(request, options, stream=stream, expect_json=expect_json, policy=policy)
    while True:
        try:
            response = client.send(exchange.start(), stream=True)
            outcome = exchange.finished(response, _read_sync(response, exchange.read_limit(response)))
        except httpx.HTTPError as exc:
            outcome = exchange.failed(exc)
        if isinstance(outcome, httpx.Response):
            return outcome
        time.sleep(outcome)


async def send_async(
    client: httpx.AsyncClient, request: httpx.Request, options: RequestOptions,
    *, stream: bool = False, expect_json: bool = True, policy: RetryPolicy | None = None,
) -> httpx.Response:  # fmt: skip
    """The async twin of :func:`send_sync`, with the same contract (sleeps with ``anyio.sleep``)."""
    exchange = _Exchange(request, options, stream=stream, expect_json=expect_json, policy=policy)
    while True:
        try:
            response = await client.send(exchange.start(), stream=True)
            outcome = exchange.finished(response, await _read_async(response, exchange.read_limit(response)))
        except httpx.HTTPError as exc:
            outcome = exchange.failed(exc)
        if isinstance(outcome, httpx.Response):
            return outcome
        await _async_sleep(outcome)


async def _async_sleep(seconds: float) -> None:
    """Wait before a retry under asyncio or trio; anyio is imported by the first retry, not with the client."""
    import anyio

    await anyio.sleep(seconds)


@contextmanager
def stream_errors(response: httpx.Response) -> Iterator[None]:
    """Map httpx failures raised while reading an open stream (idle timeout, dropped link).

    Works in sync and async code alike: ``with stream_errors(response): for line in ...``.
    """
    try:
        yield
    except httpx.HTTPError as exc:
        raise error_from_transport(exc, response.request.method, response.request.url) from exc


__all__ = ["ERROR_BODY_LIMIT", "send_async", "send_sync", "stream_errors"]
