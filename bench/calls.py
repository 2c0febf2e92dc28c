"""Sections 1-3: per-call cost of the friendly and generated layers against raw httpx, and against the peers.

Raw httpx is the physical limit: the same request (method, path, recorded JSON body, the key) sent
with ``httpx.Client.request`` and the body decoded with ``json.loads``. The generated layer is the
``anythingllm_api`` endpoint function (``sync``) with its body model; the friendly layer is the
documented method of :class:`anythingllm.AnythingLLMClient`.
"""

from __future__ import annotations

import functools
import json
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from .config import Config, Sizes
from .recordings import API_KEY, BASE_URL, Recorded, operation, routes
from .replay import ReplayTransport
from .report import Row, skipped
from .server import LoopbackServer
from .timing import run_sync

Call = Callable[[], Any]


def raw_call(http: httpx.Client, base_url: str, recorded: Recorded) -> Call:
    """The recorded request sent with bare httpx, its answer decoded with ``json.loads``."""
    url = base_url + recorded.path + (f"?{recorded.query}" if recorded.query else "")
    headers = {"Authorization": f"Bearer {API_KEY}"}
    body = recorded.request_json()
    if body is None:
        return lambda: json.loads(http.request(recorded.method, url, headers=headers).content)
    return lambda: json.loads(http.request(recorded.method, url, headers=headers, json=body).content)


def _gen_workspace_list(client: Any, recorded: Recorded) -> Call:
    from anythingllm_api.api.workspaces import workspace_list

    return lambda: workspace_list.sync(client=client)


def _gen_workspace_get(client: Any, recorded: Recorded) -> Call:
    from anythingllm_api.api.workspaces import workspace_get

    slug = recorded.path.rsplit("/", 1)[1]
    return lambda: workspace_get.sync(slug, client=client)


def _gen_chat(client: Any, recorded: Recorded) -> Call:
    from anythingllm_api.api.workspaces import workspace_chat
    from anythingllm_api.models.chat_request import ChatRequest

    slug = recorded.path.split("/")[-2]
    body = recorded.request_json()
    return lambda: workspace_chat.sync(slug, client=client, body=ChatRequest.from_dict(body))


def _gen_document_list(client: Any, recorded: Recorded) -> Call:
    from anythingllm_api.api.documents import document_list

    return lambda: document_list.sync(client=client)


@dataclass(frozen=True)
class Op:
    """A benchmarked call: its recording, the friendly method with its arguments, the generated function."""

    name: str
    method: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    generated: Callable[[Any, Recorded], Call] | None = None


PER_CALL = (
    Op("workspaces.list", "workspaces.list", generated=_gen_workspace_list),
    Op("workspaces.get", "workspaces.get", ("vcr-docs-ws",), generated=_gen_workspace_get),
    Op("chat.send_message", "chat.send_message", ("vcr-chat-ws", "Hello there, stub!"), generated=_gen_chat),
    Op("documents.list", "documents.list", generated=_gen_document_list),
)


def friendly(client: Any, op: Op) -> Call | None:
    """``client.<module>.<method>`` bound to the op's arguments, or None while the method does not exist."""
    module_name, method_name = op.method.split(".")
    method = getattr(getattr(client, module_name, None), method_name, None)
    return None if method is None else functools.partial(method, *op.args, **op.kwargs)


def check(variants: dict[str, Call]) -> str | None:
    """Run each variant once; the first failure as text (None when every one returned something)."""
    for name, call in variants.items():
        try:
            result = call()
        except Exception as exc:  # reported as the row's error
            return f"{name}: {type(exc).__name__}: {str(exc)[:160]}"
        if result is None:
            return f"{name}: returned None"
    return None


def _us(value: float) -> str:
    return f"{value:,.0f} µs"


def _per_call_target(config: Config, target: str, base_url: str, transport: ReplayTransport | None) -> list[Row]:
    from anythingllm_api.client import AuthenticatedClient

    from anythingllm import AnythingLLMClient

    sizes, goal = (config.in_process, 1.5) if transport is not None else (config.loopback, 1.05)
    rows: list[Row] = []
    with ExitStack() as stack:
        raw_http = stack.enter_context(httpx.Client(transport=transport))
        extra = {"transport": transport} if transport is not None else {}
        generated_client = stack.enter_context(
            AuthenticatedClient(base_url=f"{base_url}/api", token=API_KEY, httpx_args=extra)
        )
        ours_http = httpx.Client(transport=transport) if transport is not None else None
        ours = stack.enter_context(AnythingLLMClient(base_url, API_KEY, http_client=ours_http))
        if ours_http is not None:
            stack.callback(ours_http.close)
        for op in PER_CALL:
            recorded = operation(op.name)
            variants = {"raw": raw_call(raw_http, base_url, recorded)}
            if op.generated is not None:
                variants["generated"] = op.generated(generated_client, recorded)
            mine = friendly(ours, op)
            if mine is not None:
                variants["friendly"] = mine
            rows += _per_call_rows(op, target, variants, sizes, goal)
    return rows


def _per_call_rows(op: Op, target: str, variants: dict[str, Call], sizes: Sizes, goal: float) -> list[Row]:
    error = check(variants)
    if error is not None:
        return [Row("1", f"{op.method} (friendly)", target, "raw httpx", goal=goal, status=f"error: {error}")]
    clock = time.process_time if target == "in-process" else time.perf_counter
    timing = run_sync(variants, calls=sizes.calls, rounds=sizes.rounds, warmup=sizes.warmup, clock=clock)
    raw_us = timing.median_us("raw")
    rows: list[Row] = []
    if "friendly" in variants:
        rows.append(
            Row(
                "1", f"{op.method} (friendly)", target, "raw httpx", timing.ratio("friendly", "raw"), goal=goal,
                detail=f"{_us(timing.median_us('friendly'))} vs {_us(raw_us)}",
            )
        )  # fmt: skip
    else:
        rows.append(skipped("1", f"{op.method} (friendly)", target, "raw httpx", "method missing", goal=goal))
    if "generated" in variants:
        rows.append(
            Row(
                "1", f"{op.method} (generated)", target, "raw httpx", timing.ratio("generated", "raw"),
                detail=f"{_us(timing.median_us('generated'))} vs {_us(raw_us)}",
            )
        )  # fmt: skip
    return rows


def per_call(config: Config, server: LoopbackServer) -> list[Row]:
    """Section 1: friendly and generated layers against raw httpx, in process and over loopback."""
    rows = _per_call_target(config, "in-process", BASE_URL, ReplayTransport(routes()))
    rows += _per_call_target(config, "loopback", server.url, None)
    return rows


# --------------------------------------------------------------------------------------------
# Section 2: the OpenAI-compatible endpoints against the openai SDK
# --------------------------------------------------------------------------------------------

OPENAI_OPS = (
    Op("openai.chat", "openai.create_chat_completion"),
    Op("openai.embeddings", "openai.create_embedding"),
)


def _openai_variants(sdk: Any, ours: Any, raw_http: httpx.Client, base_url: str, op: Op) -> dict[str, Call | None]:
    recorded = operation(op.name)
    body = recorded.request_json()
    if op.name == "openai.chat":
        kwargs = {k: body[k] for k in ("model", "messages", "temperature") if k in body}
        theirs: Call = functools.partial(sdk.chat.completions.create, **kwargs)
        mine = friendly(ours, Op(op.name, op.method, kwargs=kwargs))
    else:
        # The SDK requires a model and asks for base64 unless told; the recorded request had neither.
        theirs = functools.partial(sdk.embeddings.create, input=body["input"], model="", encoding_format="float")
        mine = friendly(ours, Op(op.name, op.method, (body["input"],)))
    return {"openai": theirs, "ours": mine, "raw": raw_call(raw_http, base_url, recorded)}


def openai_sdk(config: Config, server: LoopbackServer) -> list[Row]:
    """Section 2: chat completion and embeddings, ours against the openai SDK on the same loopback server."""
    from anythingllm import AnythingLLMClient

    try:
        import openai
    except ImportError:
        return [
            skipped("2", op.method, "loopback", "openai SDK", "openai not installed", goal=0.8) for op in OPENAI_OPS
        ]
    rows = []
    sizes = config.peers
    with (
        openai.OpenAI(base_url=f"{server.url}/api/v1/openai", api_key=API_KEY) as sdk,
        AnythingLLMClient(server.url, API_KEY) as ours,
        httpx.Client() as raw_http,
    ):
        for op in OPENAI_OPS:
            found = _openai_variants(sdk, ours, raw_http, server.url, op)
            if found["ours"] is None:
                rows.append(skipped("2", op.method, "loopback", "openai SDK", "method missing", goal=0.8))
                continue
            variants = {name: call for name, call in found.items() if call is not None}
            rows.append(_peer_row("2", op.method, "openai SDK", "openai", variants, sizes, 0.8))
    return rows


def _peer_row(
    section: str, name: str, label: str, peer: str, variants: dict[str, Call], sizes: Sizes, goal: float | None
) -> Row:
    return _peer_rows(section, name, label, peer, variants, sizes, goal)[0]


def _peer_rows(
    section: str,
    name: str,
    label: str,
    peer: str,
    variants: dict[str, Call],
    sizes: Sizes,
    goal: float | None,
    raw_goal: float | None = None,
) -> list[Row]:
    """Ours against the peer; with ``raw_goal``, also ours against raw httpx as a figure of its own."""
    error = check(variants)
    if error is not None:
        return [Row(section, name, "loopback", label, goal=goal, status=f"error: {error}")]
    timing = run_sync(variants, calls=sizes.calls, rounds=sizes.rounds, warmup=sizes.warmup)
    ours, theirs, raw = (_us(timing.median_us(v)) for v in ("ours", peer, "raw"))
    detail = f"{ours} vs {theirs}; raw httpx {raw} (ours {timing.ratio('ours', 'raw'):.2f}× raw)"
    rows = [Row(section, name, "loopback", label, timing.ratio("ours", peer), goal=goal, detail=detail)]
    if raw_goal is not None:
        detail = f"{ours} vs {raw}; {peer} {theirs} ({timing.ratio(peer, 'raw'):.2f}× raw)"
        rows.append(
            Row(
                section,
                name,
                "loopback",
                "raw httpx multipart",
                timing.ratio("ours", "raw"),
                goal=raw_goal,
                detail=detail,
            )
        )
    return rows


# --------------------------------------------------------------------------------------------
# Section 3: apything (requests-based) on the calls it supports
# --------------------------------------------------------------------------------------------


def apything_peer(config: Config, server: LoopbackServer) -> list[Row]:
    """Section 3: ours against apything on the calls it has, over the same loopback server."""
    from anythingllm import AnythingLLMClient

    names = ["workspaces.get", "chat.send_message", "documents.list", "documents.upload"]
    try:
        import apything  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        why = "apything not installed"
        return [skipped("3", n, "loopback", "apything", why, goal=None if "upload" in n else 0.8) for n in names]
    upload = operation("documents.upload")
    rows = []
    with (
        tempfile.TemporaryDirectory() as folder,
        AnythingLLMClient(server.url, API_KEY) as ours,
        httpx.Client() as raw_http,
    ):
        notes = Path(folder) / "vcr-notes.txt"
        notes.write_bytes(_uploaded_file(upload))
        theirs = apything.APIClient(server.url, API_KEY)
        request = apything.ChatRequest(message="Hello there, stub!", mode="chat", sessionId="bench")
        pairs: list[tuple[Op, Call]] = [
            (PER_CALL[1], functools.partial(theirs.workspaces.get_workspace, "vcr-docs-ws")),
            (PER_CALL[2], functools.partial(theirs.workspaces.chat_with_workspace, "vcr-chat-ws", request)),
            (PER_CALL[3], theirs.documents.get_documents),
            (Op("documents.upload", "documents.upload", kwargs={"file_path": str(notes)}),
             functools.partial(theirs.documents.upload_file, str(notes))),
        ]  # fmt: skip
        for op, peer in pairs:
            rows += _apything_rows(op, peer, ours, raw_http, server.url, config.peers, notes)
        theirs.session.close()
    return rows


def _apything_rows(
    op: Op, peer: Call, ours: Any, raw_http: httpx.Client, base_url: str, sizes: Sizes, notes: Path
) -> list[Row]:
    """Ours against apything; an upload is judged against raw httpx multipart (apything's is itself close)."""
    upload = op.name == "documents.upload"
    goal = None if upload else 0.8
    mine = friendly(ours, op)
    if mine is None:
        return [skipped("3", op.method, "loopback", "apything", "method missing", goal=goal)]
    try:
        peer()
    except Exception as exc:  # the peer cannot read this answer: not a call it supports
        why = "apything cannot read the v1.16.0 answer"
        detail = f"{type(exc).__name__}: {exc}"[:120]
        return [skipped("3", op.method, "loopback", "apything", why, goal=goal, detail=detail)]
    raw = _raw_upload(raw_http, base_url, notes) if upload else raw_call(raw_http, base_url, operation(op.name))
    variants = {"apything": peer, "ours": mine, "raw": raw}
    return _peer_rows("3", op.method, "apything", "apything", variants, sizes, goal, raw_goal=1.05 if upload else None)


def _raw_upload(http: httpx.Client, base_url: str, path: Path) -> Call:
    url = f"{base_url}{operation('documents.upload').path}"
    headers = {"Authorization": f"Bearer {API_KEY}"}

    def call() -> Any:
        with path.open("rb") as handle:
            return json.loads(http.post(url, headers=headers, files={"file": (path.name, handle)}).content)

    return call


def _uploaded_file(recorded: Recorded) -> bytes:
    """The file content of the recorded multipart upload (the part after the blank line)."""
    part = recorded.request_body.split(b"\r\n\r\n", 1)[1]
    return part.rsplit(b"\r\n--", 1)[0]
