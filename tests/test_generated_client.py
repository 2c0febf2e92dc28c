"""anythingllm.generated_client: the generated layer's client from the settings the friendly client reads."""

from __future__ import annotations

import pytest
from anythingllm_api import AuthenticatedClient

from anythingllm import generated_client


@pytest.mark.parametrize("suffix", ["", "/", "/api", "/api/", "/api/v1", "/api/v1/"])
def test_every_base_url_form_of_the_friendly_client_gives_the_api_root(
    suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANYTHINGLLM_BASE_URL", "http://127.0.0.1:3001" + suffix)
    monkeypatch.setenv("ANYTHINGLLM_API_KEY", "KEY-FROM-ENV")
    api = generated_client()
    assert isinstance(api, AuthenticatedClient)
    assert api._base_url == "http://127.0.0.1:3001/api"  # the generated paths start with /v1
    assert api.token == "KEY-FROM-ENV"


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANYTHINGLLM_BASE_URL", "http://elsewhere:1")
    monkeypatch.setenv("ANYTHINGLLM_API_KEY", "ENV-KEY")
    api = generated_client("https://llm.example.com/api/v1", "ARG-KEY", timeout=5)
    assert (api._base_url, api.token) == ("https://llm.example.com/api", "ARG-KEY")
    assert api._timeout is not None and api._timeout.read == 5


def test_the_official_clis_key_name_works_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANYTHINGLLM_API_KEY", raising=False)
    monkeypatch.setenv("ANYTHING_LLM_API_KEY", "OFFICIAL-NAME")
    assert generated_client("http://127.0.0.1:3001").token == "OFFICIAL-NAME"


def test_a_missing_key_or_a_bad_url_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ANYTHINGLLM_API_KEY", "ANYTHING_LLM_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValueError, match="no API key: pass api_key or set ANYTHINGLLM_API_KEY"):
        generated_client("http://127.0.0.1:3001")
    with pytest.raises(ValueError, match="base_url must be an http"):
        generated_client("127.0.0.1:3001", "KEY")
