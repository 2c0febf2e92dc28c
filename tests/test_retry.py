"""The retry policy and the request options (pure: no I/O)."""

from __future__ import annotations

import email.utils

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anythingllm._options import RequestOptions, to_timeout
from anythingllm._retry import RetryPolicy

NOW = 1_795_000_000.0
POLICY = RetryPolicy(random=lambda: 0.5, clock=lambda: NOW)


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "get"])
@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
def test_idempotent_methods_retry_transient_statuses(method: str, status: int) -> None:
    assert POLICY.should_retry(method, 1, status=status)
    assert POLICY.should_retry(method, 2, status=status)
    assert not POLICY.should_retry(method, 3, status=status)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422, 500, 501])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert not POLICY.should_retry("GET", 1, status=status)


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
def test_post_and_patch_never_retry_a_status(method: str, status: int) -> None:
    assert not POLICY.should_retry(method, 1, status=status)


@pytest.mark.parametrize("exc", [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow")])
@pytest.mark.parametrize("method", ["POST", "PATCH", "GET"])
def test_nothing_sent_failures_retry_every_method(method: str, exc: httpx.HTTPError) -> None:
    assert POLICY.should_retry(method, 1, error=exc)
    assert not POLICY.should_retry(method, 3, error=exc)


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("slow"),
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("peer closed"),
        httpx.WriteError("broken pipe"),
        httpx.PoolTimeout("busy"),
    ],
)
def test_failures_after_sending_retry_only_idempotent_methods(exc: httpx.HTTPError) -> None:
    assert POLICY.should_retry("GET", 1, error=exc)
    assert not POLICY.should_retry("POST", 1, error=exc)


def test_non_transport_errors_are_not_retried() -> None:
    assert not POLICY.should_retry("GET", 1, error=httpx.UnsupportedProtocol("ftp"))
    assert not POLICY.should_retry("GET", 1, error=ValueError("bug"))


def test_max_retries_zero_disables_retries() -> None:
    assert not POLICY.with_max_retries(0).should_retry("GET", 1, error=httpx.ConnectError("x"))


def test_backoff_doubles_with_full_jitter_up_to_the_cap() -> None:
    assert [POLICY.delay(n) for n in (1, 2, 3, 4, 5, 6)] == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]
    assert RetryPolicy(random=lambda: 0.0).delay(3) == 0.0


@given(st.integers(min_value=0, max_value=200), st.floats(min_value=0.0, max_value=0.999999))
def test_backoff_stays_within_bounds(attempt: int, draw: float) -> None:
    delay = RetryPolicy(random=lambda: draw).delay(attempt)
    assert 0.0 <= delay <= 8.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", 1.0),
        ("2.5", 2.5),
        ("0", 0.0),
        ("-4", 0.0),
        ("120", 30.0),
        (email.utils.formatdate(NOW + 5, usegmt=True), 5.0),
        (email.utils.formatdate(NOW - 60, usegmt=True), 0.0),
        (email.utils.formatdate(NOW + 3600, usegmt=True), 30.0),
    ],
)
def test_retry_after_is_honoured_and_capped(value: str, expected: float) -> None:
    assert POLICY.delay(1, httpx.Headers({"Retry-After": value})) == pytest.approx(expected)
    assert POLICY.delay(1, {"retry-after": value}) == pytest.approx(expected)


@pytest.mark.parametrize("value", ["soon", "", "nan", "inf"])
def test_unreadable_retry_after_falls_back_to_backoff(value: str) -> None:
    assert POLICY.delay(2, {"Retry-After": value}) == 0.5


def test_default_options_split_connect_and_read() -> None:
    options = RequestOptions()
    assert (options.timeout.connect, options.timeout.read) == (10.0, 60.0)
    assert (options.max_retries, options.stream_idle_timeout) == (2, 60.0)
    assert RequestOptions.create() == options
    assert RequestOptions.create(None) == options


@pytest.mark.parametrize(("seconds", "connect"), [(60, 10.0), (5, 5.0), (120.0, 10.0)])
def test_a_number_is_the_read_timeout(seconds: float, connect: float) -> None:
    timeout = to_timeout(seconds)
    assert (timeout.connect, timeout.read, timeout.write) == (connect, float(seconds), float(seconds))


def test_an_httpx_timeout_is_kept() -> None:
    no_limits = httpx.Timeout(None)
    assert RequestOptions.create(no_limits).timeout is no_limits


@pytest.mark.parametrize("bad", [0, -1, True, "60"])
def test_bad_timeouts_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="timeout"):
        to_timeout(bad)  # type: ignore[arg-type]


def test_bad_retry_and_idle_values_are_refused() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RequestOptions(max_retries=-1)
    with pytest.raises(ValueError, match="stream_idle_timeout"):
        RequestOptions(stream_idle_timeout=0)


def test_replace_changes_only_what_is_given() -> None:
    options = RequestOptions.create(30)
    changed = options.replace(max_retries=0)
    assert (changed.timeout, changed.max_retries) == (options.timeout, 0)
    assert options.replace(timeout=5).timeout.read == 5.0
    assert options.replace(stream_idle_timeout=2).stream_idle_timeout == 2.0


def test_timeout_extension_uses_the_idle_timeout_for_streams() -> None:
    options = RequestOptions.create(30, stream_idle_timeout=7)
    assert options.timeout_extension() == {"connect": 10.0, "read": 30.0, "write": 30.0, "pool": 30.0}
    assert options.timeout_extension(stream=True)["read"] == 7.0
