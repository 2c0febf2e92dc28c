"""Property-based tests (hypothesis): arbitrary server answers end in the project's typed errors only.

Three levels, each fed arbitrary JSON and mutations of the real server's recorded answers:

- :meth:`anythingllm._plan.Call.parse` of every generated endpoint (the JSON handed to plans, and the
  generated ``_parse_response``/``from_dict`` used for non-JSON calls);
- every ``anythingllm._shape`` function that reshapes a raw server mapping;
- every friendly method of the client, over the wire against the local fault server (whose answers
  are hypothesis' JSON), so the plans' own reading of the decoded JSON is covered too.

The only exception allowed to escape is an :class:`~anythingllm.errors.ApiError`. A last property
checks that any path parameter stays inside its own URL segment.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import inspect
import json
import os
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import anythingllm_api.api
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anythingllm import _shape
from anythingllm._client import AnythingLLMClient, build_runtime
from anythingllm._plan import Call
from anythingllm._resource import operation
from anythingllm.errors import ApiError, UnsupportedOperationError
from anythingllm.streaming import ChatStream, CompletionStream
from tests.conftest import RECORDED_KEY
from tests.faultserver import FaultServer, Reply
from tests.recordings import all_interactions

GENERATED = Path(anythingllm_api.api.__file__).parents[1]
FIELD_NAMES = sorted(
    {
        name
        for path in (GENERATED / "models").glob("*.py")
        for name in re.findall(r'd\.pop\("([^"]+)"', path.read_text())
    }
)
EXPLORE = int(os.environ.get("ANYTHINGLLM_PROPERTY_EXAMPLES", "0"))
"""Set ``ANYTHINGLLM_PROPERTY_EXAMPLES=500`` for a deeper, randomized local run; CI runs a fixed sample."""
EXAMPLES = EXPLORE or 30
SETTINGS = settings(
    max_examples=EXAMPLES, derandomize=not EXPLORE, deadline=None, suppress_health_check=list(HealthCheck)
)

# --- strategies ------------------------------------------------------------------------------------------

WORDS = ["chat", "query", "automatic", "admin", "default", "manager", "textResponse", "abort", "folder", "file"]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from([*WORDS, "2026-11-21T07:10:55.535Z", "not-a-date", "", "{}", "[1]", '{"a": 1}'])
)
KEYS = st.sampled_from(FIELD_NAMES) | st.text(max_size=6)
JSON = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6), max_leaves=20
)
"""Arbitrary JSON, its object keys drawn mostly from the field names of the generated models."""


@st.composite
def mutated(draw: st.DrawFn, original: Any) -> Any:
    """``original`` (a recorded answer) with one node replaced by arbitrary JSON, or one key deleted."""
    if isinstance(original, dict) and original and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(original)))
        copy = dict(original)
        action = draw(st.sampled_from(["descend", "delete", "replace"]))
        if action == "delete":
            del copy[key]
        else:
            copy[key] = draw(mutated(original[key])) if action == "descend" else draw(JSON)
        return copy
    if isinstance(original, list) and original and draw(st.booleans()):
        index = draw(st.integers(0, len(original) - 1))
        copy_list = list(original)
        copy_list[index] = draw(mutated(original[index]))
        return copy_list
    return draw(JSON)


def answers(recorded: list[Any]) -> st.SearchStrategy[Any]:
    """Arbitrary JSON, and (when there are any) mutations of the recorded answers ``recorded``."""
    if not recorded:
        return JSON
    return JSON | st.sampled_from(recorded).flatmap(mutated)


# --- the generated endpoints and the recorded answers of each --------------------------------------------


def _endpoints() -> dict[str, tuple[str, str]]:
    """``tag.operation`` -> (HTTP method, URL template under /api) of every generated endpoint."""
    found = {}
    for tag in pkgutil.iter_modules(anythingllm_api.api.__path__):
        package = importlib.import_module(f"anythingllm_api.api.{tag.name}")
        for op in pkgutil.iter_modules(package.__path__):
            source = (GENERATED / "api" / tag.name / f"{op.name}.py").read_text()
            method = re.search(r'"method": "(\w+)"', source)
            url = re.search(r'"url": "([^"]+)"', source)
            assert method and url, f"{tag.name}.{op.name}: no method/url in _get_kwargs"
            found[f"{tag.name}.{op.name}"] = (method.group(1).upper(), url.group(1))
    return found


ENDPOINTS = _endpoints()


def _json_or_none(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


@functools.cache
def _recorded_json() -> tuple[tuple[str, str, Any], ...]:
    """(method, path, JSON body) of every recorded 2xx answer with a JSON body."""
    found = ((i.method, i.path, _json_or_none(i.body)) for i in all_interactions() if 200 <= i.status < 300)
    return tuple(item for item in found if item[2] is not None)


def _recorded_answers(method: str, pattern: str) -> list[Any]:
    """The recorded 2xx JSON answers of ``method`` on paths matching ``pattern`` (a regex)."""
    matcher = re.compile(pattern)
    return [body for m, path, body in _recorded_json() if m == method and matcher.fullmatch(path)]


def _template_pattern(template: str) -> str:
    return "/api" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))


RUNTIME = build_runtime("http://127.0.0.1:3001", RECORDED_KEY, None, max_retries=0, http=httpx.Client())


def test_the_recordings_cover_most_endpoints() -> None:
    covered = [name for name, (method, url) in ENDPOINTS.items() if _recorded_answers(method, _template_pattern(url))]
    # Over 40 endpoints whatever the release generated from (49 in v1.0.0 to v1.1.1, 63 in v1.16.0).
    assert len(ENDPOINTS) > 40 and len(covered) > len(ENDPOINTS) // 2


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
def test_call_parsing_raises_only_typed_errors(endpoint: str) -> None:
    # Both ways Call.parse reads a 2xx answer: JSON calls hand the decoded JSON to the plan unchanged;
    # other calls go through the generated _parse_response (and its models' from_dict).
    method, template = ENDPOINTS[endpoint]
    as_json, generated = Call(endpoint), Call(endpoint, expect_json=False)
    request = httpx.Request(method, "http://127.0.0.1:3001/api" + template)

    @SETTINGS
    @given(answers(_recorded_answers(method, _template_pattern(template))))
    def check(body: Any) -> None:
        assert as_json.parse(RUNTIME, httpx.Response(200, json=body, request=request)) == body
        with contextlib.suppress(ApiError):
            generated.parse(RUNTIME, httpx.Response(200, json=body, request=request))

    check()


# --- the reshaping functions ------------------------------------------------------------------------------


def _shapers() -> dict[str, Callable[..., Any]]:
    """Every ``_shape`` function whose first parameter is a raw server mapping."""
    out = {}
    for name in _shape.__all__:
        function = getattr(_shape, name)
        first = next(iter(inspect.signature(function).parameters.values()))
        if str(first.annotation).startswith("Mapping"):
            out[name] = function
    return out


SHAPERS = _shapers()


def test_the_shapers_are_found() -> None:
    assert {"workspace", "thread", "history_message", "folders_from_listing", "user"} <= set(SHAPERS)


@pytest.mark.parametrize("name", sorted(SHAPERS))
def test_shaping_accepts_any_mapping(name: str) -> None:
    function = SHAPERS[name]
    keyword_only = [p for p in inspect.signature(function).parameters.values() if p.kind is p.KEYWORD_ONLY]
    required = {p.name: st.text(max_size=6) for p in keyword_only if p.default is p.empty}
    optional = {p.name: st.text(max_size=6) for p in keyword_only if p.default is not p.empty}
    option_values = st.fixed_dictionaries(required, optional=optional)

    @SETTINGS
    @given(st.dictionaries(KEYS, JSON, max_size=8), option_values)
    def check(raw: dict[str, Any], given_options: dict[str, str]) -> None:
        if "message_count" in given_options:
            given_options["message_count"] = len(given_options["message_count"])  # type: ignore[assignment]
        try:
            result = function(raw, **given_options)
        except ApiError:
            return
        assert isinstance(result, (dict, list))

    check()


# --- every friendly method, over the wire -------------------------------------------------------------------

DOC = "custom-documents/doc-x.json"
FRIENDLY: dict[str, Callable[[AnythingLLMClient], Any]] = {
    "auth.login": lambda c: c.auth.login("admin-x", "password-x"),
    "auth.validate_token": lambda c: c.auth.validate_token("token-x"),
    "auth.check_setup": lambda c: c.auth.check_setup(),
    "workspaces.list": lambda c: c.workspaces.list(),
    "workspaces.get": lambda c: c.workspaces.get("ws-x"),
    "workspaces.create": lambda c: c.workspaces.create("WS X"),
    "workspaces.update": lambda c: c.workspaces.update("ws-x", name="WS Y"),
    "workspaces.delete": lambda c: c.workspaces.delete("ws-x"),
    "workspaces.get_documents": lambda c: c.workspaces.get_documents("ws-x"),
    "workspaces.add_documents": lambda c: c.workspaces.add_documents("ws-x", [DOC]),
    "workspaces.remove_document": lambda c: c.workspaces.remove_document("ws-x", DOC),
    "workspaces.search": lambda c: c.workspaces.search("ws-x", "zebras"),
    "workspaces.pin_document": lambda c: c.workspaces.pin_document("ws-x", DOC),
    "documents.list": lambda c: c.documents.list(),
    "documents.get": lambda c: c.documents.get(DOC),
    "documents.upload": lambda c: c.documents.upload(file_path=__file__),
    "documents.delete": lambda c: c.documents.delete(DOC),
    "documents.sync": lambda c: c.documents.sync(),
    "documents.get_folders": lambda c: c.documents.get_folders(),
    "documents.create_folder": lambda c: c.documents.create_folder("folder-x"),
    "documents.delete_folder": lambda c: c.documents.delete_folder("folder-x"),
    "documents.upload_link": lambda c: c.documents.upload_link("https://example.com/page"),
    "documents.raw_text": lambda c: c.documents.raw_text("zebras love carrots", "Title X"),
    "documents.move": lambda c: c.documents.move(DOC, "folder-x/doc-x.json"),
    "documents.move_files": lambda c: c.documents.move_files([(DOC, "folder-x/doc-x.json")]),
    "documents.list_folder": lambda c: c.documents.list_folder("folder-x"),
    "documents.metadata_schema": lambda c: c.documents.metadata_schema(),
    "documents.download_generated_file": lambda c: c.documents.download_generated_file("file-x.txt"),
    "chat.send_message": lambda c: c.chat.send_message("ws-x", "hello"),
    "chat.send_message(temperature)": lambda c: c.chat.send_message("ws-x", "hello", temperature=0.5),
    "chat.stream_message": lambda c: c.chat.stream_message("ws-x", "hello"),
    "chat.get_history": lambda c: c.chat.get_history("ws-x"),
    "chat.clear_history": lambda c: c.chat.clear_history("ws-x"),
    "chat.list_threads": lambda c: c.chat.list_threads("ws-x"),
    "chat.create_thread": lambda c: c.chat.create_thread("ws-x", "Thread X"),
    "chat.update_thread": lambda c: c.chat.update_thread("ws-x", "th-x", name="Thread Y"),
    "chat.delete_thread": lambda c: c.chat.delete_thread("ws-x", "th-x"),
    "system.get_health": lambda c: c.system.get_health(),
    "system.get_settings": lambda c: c.system.get_settings(),
    "system.update_settings": lambda c: c.system.update_settings({"LLMProvider": "ollama"}),
    "system.get_llm_models": lambda c: c.system.get_llm_models(),
    "system.get_embedding_models": lambda c: c.system.get_embedding_models(),
    "system.get_vector_dbs": lambda c: c.system.get_vector_dbs(),
    "system.get_accepted_document_types": lambda c: c.system.get_accepted_document_types(),
    "system.get_prompts": lambda c: c.system.get_prompts(),
    "system.create_prompt": lambda c: c.system.create_prompt("/title-x", "content x"),
    "system.update_prompt": lambda c: c.system.update_prompt("7", content="content y"),
    "system.delete_prompt": lambda c: c.system.delete_prompt("7"),
    "system.is_multi_user_mode": lambda c: c.system.is_multi_user_mode(),
    "system.get_env_dump": lambda c: c.system.get_env_dump(),
    "system.get_vector_count": lambda c: c.system.get_vector_count(),
    "system.export_chats": lambda c: c.system.export_chats(),
    "system.remove_documents": lambda c: c.system.remove_documents([DOC]),
    "users.list": lambda c: c.users.list(),
    "users.get": lambda c: c.users.get(7),
    "users.create": lambda c: c.users.create("user-x", "password-x"),
    "users.update": lambda c: c.users.update(7, username="user-y"),
    "users.delete": lambda c: c.users.delete(7),
    "users.get_api_keys": lambda c: c.users.get_api_keys(),
    "users.create_api_key": lambda c: c.users.create_api_key("key-x"),
    "users.delete_api_key": lambda c: c.users.delete_api_key(7),
    "users.list_basic": lambda c: c.users.list_basic(),
    "users.issue_auth_token": lambda c: c.users.issue_auth_token(7),
    "embed.get_text_embedding": lambda c: c.embed.get_text_embedding("zebras"),
    "embed.get_batch_embeddings": lambda c: c.embed.get_batch_embeddings(["zebras", "carrots"]),
    "embed.list_embeds": lambda c: c.embed.list_embeds(),
    "embed.create_embed": lambda c: c.embed.create_embed("ws-x"),
    "embed.update_embed": lambda c: c.embed.update_embed("emb-x", enabled=False),
    "embed.delete_embed": lambda c: c.embed.delete_embed("emb-x"),
    "embed.get_embed_chats": lambda c: c.embed.get_embed_chats("emb-x"),
    "embed.get_embed_session_chats": lambda c: c.embed.get_embed_session_chats("emb-x", "session-x"),
    "admin.is_multi_user_mode": lambda c: c.admin.is_multi_user_mode(),
    "admin.create_user": lambda c: c.admin.create_user("user-x", "password-x"),
    "admin.update_user": lambda c: c.admin.update_user(7, username="user-y"),
    "admin.delete_user": lambda c: c.admin.delete_user(7),
    "admin.create_invite": lambda c: c.admin.create_invite(),
    "admin.get_invites": lambda c: c.admin.get_invites(),
    "admin.delete_invite": lambda c: c.admin.delete_invite(7),
    "admin.get_system_preferences": lambda c: c.admin.get_system_preferences(),
    "admin.update_system_preferences": lambda c: c.admin.update_system_preferences({"custom_app_name": "X"}),
    "admin.get_workspace_users": lambda c: c.admin.get_workspace_users("ws-x"),
    "admin.set_workspace_users": lambda c: c.admin.set_workspace_users("ws-x", [7]),
    "admin.manage_workspace_users": lambda c: c.admin.manage_workspace_users("ws-x", [7]),
    "admin.get_workspace_chats": lambda c: c.admin.get_workspace_chats(),
    "openai.list_models": lambda c: c.openai.list_models(),
    "openai.create_chat_completion": lambda c: c.openai.create_chat_completion(
        "ws-x", [{"role": "user", "content": "hello"}]
    ),
    "openai.create_chat_completion(stream)": lambda c: c.openai.create_chat_completion(
        "ws-x", [{"role": "user", "content": "hello"}], stream=True
    ),
    "openai.list_vector_stores": lambda c: c.openai.list_vector_stores(),
    "openai.create_embedding": lambda c: c.openai.create_embedding("zebras"),
    "openai.generate_image": lambda c: c.openai.generate_image("a zebra"),
    "workspace_thread.list_threads": lambda c: c.workspace_thread.list_threads("ws-x"),
    "workspace_thread.get_thread": lambda c: c.workspace_thread.get_thread("ws-x", "th-x"),
    "workspace_thread.create_thread": lambda c: c.workspace_thread.create_thread("ws-x", "Thread X"),
    "workspace_thread.update_thread": lambda c: c.workspace_thread.update_thread("ws-x", "th-x", name="Thread Y"),
    "workspace_thread.delete_thread": lambda c: c.workspace_thread.delete_thread("ws-x", "th-x"),
    "workspace_thread.get_thread_messages": lambda c: c.workspace_thread.get_thread_messages("ws-x", "th-x"),
    "workspace_thread.send_message": lambda c: c.workspace_thread.send_message("ws-x", "th-x", "hello"),
    "workspace_thread.stream_message": lambda c: c.workspace_thread.stream_message("ws-x", "th-x", "hello"),
    "workspace_thread.clear_thread_messages": lambda c: c.workspace_thread.clear_thread_messages("ws-x", "th-x"),
}
ARGUMENT_SEGMENTS = {"ws-x", "th-x", "emb-x", "7", "folder-x", "doc-x.json", "file-x.txt", "session-x"}


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    """One fault server for the module; each example sets the answer to every request."""
    with FaultServer() as running:
        yield running


@pytest.fixture(scope="module")
def wire_client(server: FaultServer) -> Iterator[AnythingLLMClient]:
    with AnythingLLMClient(server.base_url, RECORDED_KEY, max_retries=0) as client:
        yield client


def _run(client: AnythingLLMClient, name: str) -> Any:
    """Call the friendly method ``name``; a stream is read to its end."""
    result = FRIENDLY[name](client)
    if isinstance(result, (ChatStream, CompletionStream)):
        with result:
            return list(result)
    return result


def _routes(server: FaultServer, name: str, client: AnythingLLMClient) -> list[tuple[str, str]]:
    """The (method, path pattern) of each request ``name`` sends when every answer is ``{}``."""
    server.answer_everything(Reply.json("{}"))
    before = len(server.requests)
    with contextlib.suppress(ApiError):
        _run(client, name)
    patterns = [
        "/".join(
            "[^/]+" if unquote(part).rpartition("/")[2] in ARGUMENT_SEGMENTS else re.escape(part)
            for part in r.path.split("/")
        )
        for r in server.requests[before:]
    ]
    return [(r.method, pattern) for r, pattern in zip(server.requests[before:], patterns, strict=True)]


def test_the_friendly_table_covers_every_method() -> None:
    client = AnythingLLMClient("http://127.0.0.1:3001", RECORDED_KEY)
    modules = ("auth", "workspaces", "documents", "chat", "system", "users", "embed", "admin", "openai")
    documented = {
        f"{module}.{name}"
        for module in (*modules, "workspace_thread")
        for name, attribute in vars(type(getattr(client, module))).items()
        if isinstance(attribute, operation)
    }
    assert len(documented) > 80
    assert documented <= {name.partition("(")[0] for name in FRIENDLY}, documented - set(FRIENDLY)


@pytest.mark.parametrize("name", sorted(FRIENDLY))
def test_friendly_methods_raise_only_typed_errors(
    name: str, server: FaultServer, wire_client: AnythingLLMClient
) -> None:
    routes = _routes(server, name, wire_client)
    if not routes:  # a method the server cannot serve says so before sending anything
        with pytest.raises(UnsupportedOperationError):
            _run(wire_client, name)
        return
    recorded = [body for method, pattern in routes for body in _recorded_answers(method, pattern)]

    @settings(SETTINGS, max_examples=max(EXAMPLES // 2, 1))
    @given(answers(recorded))
    def check(body: Any) -> None:
        server.answer_everything(Reply.json(json.dumps(body)))
        with contextlib.suppress(ApiError):
            _run(wire_client, name)

    check()


@pytest.mark.parametrize("name", ["chat.stream_message", "workspace_thread.stream_message"])
def test_streams_of_arbitrary_events_raise_only_typed_errors(
    name: str, server: FaultServer, wire_client: AnythingLLMClient
) -> None:
    recorded = [
        event
        for i in all_interactions()
        if i.path.endswith("/stream-chat") and i.status == 200
        for event in (_json_or_none(line[len(b"data:") :]) for line in i.body.splitlines() if line.startswith(b"data:"))
    ]

    @settings(SETTINGS, max_examples=EXAMPLES * 2)
    @given(st.lists(answers(recorded), max_size=6))
    def check(events: list[Any]) -> None:
        server.answer_everything(Reply.sse([json.dumps(event) for event in events]))
        with contextlib.suppress(ApiError):
            _run(wire_client, name)

    check()


# --- path parameters stay in their segment ----------------------------------------------------------------------

PATH_ENDPOINTS = {
    name: params
    for name in sorted(ENDPOINTS)
    if (
        params := tuple(
            p.name
            for p in inspect.signature(
                importlib.import_module(f"anythingllm_api.api.{name}")._get_kwargs
            ).parameters.values()
            if p.kind is p.POSITIONAL_OR_KEYWORD
        )
    )
}


def _request_with(name: str, values: dict[str, str]) -> httpx.Request:
    module = importlib.import_module(f"anythingllm_api.api.{name}")
    extra = {
        p.name: None
        for p in inspect.signature(module._get_kwargs).parameters.values()
        if p.kind is p.KEYWORD_ONLY and p.default is inspect.Parameter.empty
    }

    class _Body:
        def to_dict(self) -> dict[str, Any]:
            return {}

        def to_multipart(self) -> list[Any]:
            return []

    return Call(name, {**values, **{k: _Body() for k in extra}}).request(RUNTIME)


@pytest.mark.parametrize("name", sorted(PATH_ENDPOINTS))
def test_path_parameters_stay_in_their_segment(name: str) -> None:
    _, template = ENDPOINTS[name]
    params = PATH_ENDPOINTS[name]
    segments = ("/api" + template).split("/")

    @SETTINGS
    @given(
        st.fixed_dictionaries(
            {p: st.text(min_size=1) | st.sampled_from(["../admin", "a/b", "%2F", "..%2F"]) for p in params}
        )
    )
    def check(values: dict[str, str]) -> None:
        if any(v in (".", "..") for v in values.values()):
            with pytest.raises(ValueError, match="|".join(params)):
                _request_with(name, values)
            return
        request = _request_with(name, values)
        sent = request.url.raw_path.decode("ascii").partition("?")[0].split("/")
        assert len(sent) == len(segments)
        for template_segment, sent_segment in zip(segments, sent, strict=True):
            if template_segment.startswith("{"):
                assert unquote(sent_segment) == values[template_segment[1:-1]]
            else:
                assert sent_segment == template_segment

    check()


@pytest.mark.parametrize("value", ["", ".", ".."])
def test_dot_segments_and_empty_path_parameters_are_refused(value: str) -> None:
    for name, params in PATH_ENDPOINTS.items():
        with pytest.raises(ValueError, match=params[0]):
            _request_with(name, {p: value if p == params[0] else "x" for p in params})
