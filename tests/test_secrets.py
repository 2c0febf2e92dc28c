"""No secret in the committed cassettes, logs, reprs or errors; TLS certificates are verified by default.

The credentials used here are fakes made for the test; the JWT- and key-shaped strings the scanner is
tested with are built at run time, so this file itself holds nothing a secret scanner would flag.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import shutil
import ssl
import subprocess
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from anythingllm._client import AnythingLLMClient, AsyncAnythingLLMClient
from anythingllm._logging import ENV_VAR, logger
from anythingllm.errors import APIConnectionError, ApiError, ServerError
from tests.conftest import CASSETTES, resolve
from tests.faultserver import FaultServer, Reply, closed_port, fault_server
from tests.recordings import load_interactions

__all__ = ["fault_server"]

Client = AnythingLLMClient | AsyncAnythingLLMClient

# --- the cassette scanner --------------------------------------------------------------------------------

PLACEHOLDERS = frozenset({"REDACTED-API-KEY", "REDACTED-TOKEN", "REDACTED-PASSWORD"})
"""What the recordings hold in place of the real key, login tokens and passwords."""
RECORDED_WRONG_CREDENTIALS = frozenset({"WRONG-KEY-0000000", "not-a-jwt"})
"""Deliberately invalid credentials sent while recording, to record the server's refusals."""
PLACEHOLDER_KEY_PREFIX = "XXXXXXX-XXXXXXX-XXXXXXX-"  # scrubbed invite codes: XXXXXXX-XXXXXXX-XXXXXXX-INVITE1

_Q = r'\\?"'  # a JSON quote, possibly escaped inside another JSON string
_RULES: tuple[tuple[str, re.Pattern[str], Callable[[str], bool]], ...] = (
    (
        "bearer token",
        re.compile(r"Bearer[ \t]+([^\s\"'\\,;}\]]+)"),
        lambda v: v not in PLACEHOLDERS | RECORDED_WRONG_CREDENTIALS,
    ),
    ("JWT", re.compile(r"(eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]+){0,2})"), lambda v: True),
    ("sk- key", re.compile(r"(?<![A-Za-z0-9])(sk-[A-Za-z0-9_-]{16,})"), lambda v: True),
    (
        "AnythingLLM key",
        re.compile(r"(?<![A-Za-z0-9])([0-9A-Z]{7}-[0-9A-Z]{7}-[0-9A-Z]{7}-[0-9A-Z]{7})(?![A-Za-z0-9])"),
        lambda v: not v.startswith(PLACEHOLDER_KEY_PREFIX),
    ),
    (
        "credential field",
        re.compile(
            _Q
            + r"(?:secret|token|password|apiKey|api_key|accessToken|refreshToken)"
            + _Q
            + r"\s*:\s*"
            + _Q
            + r'([^"\\]+)'
        ),
        lambda v: v not in PLACEHOLDERS,
    ),
    (
        "credential in a URL",
        re.compile(r"[?&](?:token|api_key|apikey|key|password|secret)=([^&\s\"'\\]+)"),
        lambda v: v not in PLACEHOLDERS,
    ),
)


@dataclass(frozen=True)
class Finding:
    """A string in a cassette that looks like a real credential."""

    file: str
    rule: str
    value: str


def _strings(node: Any) -> Iterator[str]:
    """Every string (keys and values) of a decoded YAML document."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, bytes):
        yield node.decode("utf-8", errors="replace")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def scan_text(text: str, file: str = "<text>") -> list[Finding]:
    """The credential-looking strings of ``text`` that are not known placeholders."""
    return [
        Finding(file, rule, match.group(1))
        for rule, pattern, suspicious in _RULES
        for match in pattern.finditer(text)
        if suspicious(match.group(1))
    ]


def scan_cassette(path: Path) -> list[Finding]:
    """Scan a cassette as written and as decoded (YAML folds long strings across lines and escapes them)."""
    raw = path.read_text(encoding="utf-8")
    texts = [raw, *_strings(yaml.safe_load(raw))]
    return sorted({finding for text in texts for finding in scan_text(text, path.name)}, key=repr)


def test_the_committed_cassettes_hold_no_secret() -> None:
    cassettes = sorted(CASSETTES.glob("*.yaml"))
    assert len(cassettes) >= 20
    findings = [finding for path in cassettes for finding in scan_cassette(path)]
    assert findings == []


def test_the_cassettes_were_scrubbed_with_the_known_placeholders() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in CASSETTES.glob("*.yaml"))
    assert "Bearer REDACTED-API-KEY" in text and "Bearer REDACTED-TOKEN" in text  # so the scanner saw headers


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _planted() -> dict[str, str]:
    """Credential-shaped strings of each kind, built here so no literal one sits in this file."""
    jwt = ".".join([_b64({"alg": "HS256", "typ": "JWT"}), _b64({"id": 1, "username": "admin"}), "c2lnbmF0dXJl"])
    key = "-".join(["4F7K2QX", "9ZB3M1T", "HR8W0CN", "6YDJ5PV"])
    return {
        "bearer token": f"Bearer {key.lower()}",
        "JWT": jwt,
        "sk- key": "sk-" + "Ab3dE5gH7jK9mN1pQ3sT",
        "AnythingLLM key": key,
        "credential field": '{"secret":"' + key.lower() + '"}',
        "credential in a URL": "/sso/simple?token=" + key.lower(),
    }


@pytest.mark.parametrize("rule", sorted(_planted()))
def test_the_scanner_finds_a_planted_secret(tmp_path: Path, rule: str) -> None:
    original = (CASSETTES / "auth.yaml").read_text(encoding="utf-8")
    planted = tmp_path / "auth.yaml"
    planted.write_text(original.replace("Bearer REDACTED-API-KEY", _planted()[rule], 1), encoding="utf-8")
    assert scan_cassette(CASSETTES / "auth.yaml") == []
    assert rule in {finding.rule for finding in scan_cassette(planted)}


def test_the_scanner_decodes_binary_bodies(tmp_path: Path) -> None:
    key = _planted()["AnythingLLM key"]
    document = {"interactions": [{"response": {"body": {"string": f'{{"secret":"{key}"}}'.encode()}}}]}
    planted = tmp_path / "binary.yaml"
    planted.write_text(yaml.safe_dump(document), encoding="utf-8")
    assert "!!binary" in planted.read_text(encoding="utf-8") and key not in planted.read_text(encoding="utf-8")
    assert {(f.rule, f.value) for f in scan_cassette(planted)} >= {("AnythingLLM key", key), ("credential field", key)}


def test_the_scanner_accepts_placeholders_and_recorded_wrong_credentials() -> None:
    allowed = 'Bearer REDACTED-API-KEY Bearer WRONG-KEY-0000000 Bearer not-a-jwt {"token":"REDACTED-TOKEN"} '
    assert scan_text(allowed + "XXXXXXX-XXXXXXX-XXXXXXX-INVITE1 /sso/simple?token=REDACTED-TOKEN") == []


# --- logs, reprs and errors of a full session ---------------------------------------------------------------

API_KEY = "TEST-ONLY-KEY-" + "7f3a9c2e51"
PASSWORD = "TEST-ONLY-PASSWORD-" + "b4d1"
TOKEN = ".".join([_b64({"alg": "HS256"}), _b64({"p": "TEST-ONLY-SESSION"}), "dGVzdA"])
LOGIN = "/api/request-token"


@pytest.fixture
def debug_logging(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """``ANYTHINGLLM_LOG=debug`` for the clients made in the test; the logger is restored afterwards."""
    handlers, level = list(logger.handlers), logger.level
    monkeypatch.setenv(ENV_VAR, "debug")
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture(params=["sync", "async"])
async def make_client(request: pytest.FixtureRequest) -> AsyncIterator[Callable[..., Client]]:
    """Build a client of one kind with its own (default) connection pool."""
    made: list[Client] = []

    def build(base_url: str, api_key: str = API_KEY, **kwargs: Any) -> Client:
        cls = AnythingLLMClient if request.param == "sync" else AsyncAnythingLLMClient
        client = cls(base_url, api_key, max_retries=0, **kwargs)
        made.append(client)
        return client

    yield build
    for client in made:
        await resolve(client.close())


def _echo(status: int, *secrets: str) -> Reply:
    """A server error page that quotes the credentials it was sent (as a careless proxy might)."""
    return Reply.text(f"crashed handling Authorization: Bearer {' / '.join(secrets)}", status=status)


def _texts_of(error: ApiError) -> list[str]:
    return [str(error), repr(error), error.message, repr(error.body), repr(error.details), repr(error.args)]


@pytest.mark.anyio
async def test_a_full_session_never_shows_a_credential(
    debug_logging: None,
    make_client: Callable[..., Client],
    fault_server: FaultServer,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    login_ok = next(
        i
        for i in load_interactions("session_auth")
        if i["request"]["uri"].endswith(LOGIN) and "REDACTED-TOKEN" in i["response"]["body"]["string"]
    )
    token_in_answer = json.loads(login_ok["response"]["body"]["string"])["token"]
    fault_server.script("GET", "/api/v1/workspaces", Reply.recorded(load_interactions("workspace_lifecycle")[3]))
    fault_server.script("POST", "/api/v1/workspace/new", _echo(500, API_KEY))
    fault_server.script("POST", LOGIN, Reply.recorded(login_ok))
    fault_server.script("GET", "/api/system/check-token", _echo(401, token_in_answer), _echo(401, TOKEN))

    client = make_client(fault_server.base_url)
    errors: list[ApiError] = []
    assert await resolve(client.workspaces.list())
    with pytest.raises(ServerError) as server_error:
        await resolve(client.workspaces.create("Echo WS"))
    errors.append(server_error.value)
    await resolve(client.auth.login("admin", PASSWORD))
    assert client.auth.logged_in
    for token in (token_in_answer, TOKEN):  # the login's token, then one set by hand
        if token == TOKEN:
            client.auth.use_token(TOKEN)
        with pytest.raises(ApiError) as refused:
            await resolve(client.http_client.get("/system/check-token", session=True))
        errors.append(refused.value)
    unreachable = make_client(f"http://alice:{PASSWORD}@127.0.0.1:{closed_port()}")
    with pytest.raises(APIConnectionError) as not_connected:
        await resolve(unreachable.workspaces.list())
    errors.append(not_connected.value)

    sent = [(r.path, r.headers.get("Authorization")) for r in fault_server.requests]
    assert sent == [  # the credentials were really used...
        ("/api/v1/workspaces", f"Bearer {API_KEY}"),
        ("/api/v1/workspace/new", f"Bearer {API_KEY}"),
        (LOGIN, None),
        ("/api/system/check-token", f"Bearer {token_in_answer}"),
        ("/api/system/check-token", f"Bearer {TOKEN}"),
    ]
    assert PASSWORD.encode() in fault_server.requests[2].body
    assert any(record.name == "anythingllm" for record in caplog.records)  # ...and the debug log was on
    assert any("request headers" in record.getMessage() for record in caplog.records)

    shown = {
        "log records": caplog.text,
        **dict(zip(("stdout", "stderr"), capfd.readouterr(), strict=True)),
        "repr(client)": repr(client),
        "repr(client.auth)": repr(client.auth),
        "repr(copy)": repr(client.with_options(timeout=5)),
        "repr(runtime)": repr(client._runtime),
        "repr(http_client)": repr(client.http_client),
        **{f"error {n} ({type(e).__name__})": " | ".join(_texts_of(e)) for n, e in enumerate(errors)},
    }
    for secret in (API_KEY, PASSWORD, TOKEN, token_in_answer):
        leaks = [where for where, text in shown.items() if secret in text]
        assert leaks == [], f"{secret[:12]}… shown in {leaks}"


def test_repr_hides_credentials_in_the_base_url() -> None:
    client = AnythingLLMClient(f"http://alice:{PASSWORD}@127.0.0.1:3001", API_KEY)
    assert PASSWORD not in repr(client)
    assert "127.0.0.1:3001" in repr(client)


# --- TLS ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no trust store knows, and its key (made with the openssl tool)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.mark.anyio
async def test_tls_certificates_are_verified_by_default(
    make_client: Callable[..., Client], self_signed: tuple[Path, Path]
) -> None:
    cert, key = self_signed
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with FaultServer(tls=context) as server:
        server.script("GET", "/api/v1/workspaces", Reply.recorded(load_interactions("workspace_lifecycle")[3]))
        client = make_client(server.base_url)
        with pytest.raises(APIConnectionError) as refused:
            await resolve(client.workspaces.list())
        assert "CERTIFICATE_VERIFY_FAILED" in refused.value.message
        assert server.requests == []  # not one request was sent over the unverified connection

        trusting = ssl.create_default_context(cafile=str(cert))
        pool: httpx.Client | httpx.AsyncClient
        if isinstance(client, AnythingLLMClient):
            pool = httpx.Client(verify=trusting)
            trusted: Client = AnythingLLMClient(server.base_url, API_KEY, http_client=pool)
        else:
            pool = httpx.AsyncClient(verify=trusting)
            trusted = AsyncAnythingLLMClient(server.base_url, API_KEY, http_client=pool)
        assert await resolve(trusted.workspaces.list())  # the same server, once its certificate is trusted
        if isinstance(pool, httpx.Client):
            pool.close()
        else:
            await pool.aclose()
    assert server.count("GET", "/api/v1/workspaces") == 1
