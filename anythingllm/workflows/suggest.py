"""Short titles and follow-up questions, asked of a workspace through its OpenAI-compatible endpoint.

Each is one ``POST /v1/openai/chat/completions`` with the workspace as the model and a system message of
our own (it replaces the workspace's prompt for that answer). The server stores that exchange in the
workspace's default chat history, as it does every call of that endpoint.

A model may answer anything, so the answers are parsed defensively: a reply that repeats the request
(an echoing model, or the test server's stub), refuses, or is too long is not taken for an answer.
A title then falls back to the first words of the user's message; follow-ups fall back to none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from .._validate import require_slug, require_text
from ..errors import ApiError
from ._flow import Flow, ask

TITLE_REQUEST = "Write a title of at most six words for the conversation below. Reply with the title only."
FOLLOWUP_REQUEST = (
    "Suggest {n} short follow-up questions the user could ask next about the answer below. "
    "Reply with one question per line and nothing else."
)
_SYSTEM = "You write short, plain text for a chat application's user interface."
TITLE_WORDS = 6
"""A fallback title keeps this many words of the message at most."""
MAX_TITLE_CHARS = 60
_MAX_TITLE_WORDS = 10
_EXCERPT = 2000  # characters of the message and the answer that go into a request
_BULLET = re.compile(r"^\s*(?:[-*•·]+|\(?\d{1,2}[.):]|[a-z][.)])\s*", re.I)
_LABEL = re.compile(r"^\s*(?:title|conversation title|subject)\s*[:\-–]\s*", re.I)
_QUOTES = "\"'`“”‘’«»*_#"


def _content(completion: Mapping[str, Any]) -> str:
    """The text of the first choice of a chat completion ('' when it has none)."""
    choices = completion.get("choices") or []
    message = choices[0].get("message") if choices and isinstance(choices[0], Mapping) else None
    content = message.get("content") if isinstance(message, Mapping) else None
    return content if isinstance(content, str) else ""


def _echoes(reply: str, request: str) -> bool:
    """Whether ``reply`` repeats the request's own instruction (so it is no answer to it)."""
    flat = " ".join(reply.split()).lower()
    return " ".join(request.split()).lower() in flat


def parse_title(reply: str) -> str | None:
    """A title from a model's reply, or ``None`` when the reply holds none (empty, echoed or too long)."""
    if _echoes(reply, TITLE_REQUEST):
        return None
    lines = [line for line in reply.splitlines() if line.strip()]
    if not lines:
        return None
    title = _LABEL.sub("", lines[0]).strip().strip(_QUOTES).strip().rstrip(".:;,").strip()
    title = " ".join(title.split())
    if not title or len(title) > MAX_TITLE_CHARS or len(title.split()) > _MAX_TITLE_WORDS:
        return None
    return title


def fallback_title(message: str) -> str:
    """A title made of the first words of ``message`` (its first line), for when no model title is usable."""
    first = next((line for line in message.splitlines() if line.strip()), "")
    words = first.split()[:TITLE_WORDS]
    title = " ".join(words)
    if len(title) > MAX_TITLE_CHARS:
        title = title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    elif len(first.split()) > TITLE_WORDS:
        title += "…"
    return title or "Conversation"


def parse_followups(reply: str, n: int) -> list[str]:
    """Up to ``n`` questions from a model's reply: a JSON list of strings, or one question per line.

    Bullets, numbering and quotes are removed; only lines ending in ``?`` count; repeats are dropped. A
    reply that echoes the request gives ``[]``.
    """
    if _echoes(reply, FOLLOWUP_REQUEST.split("{n}", 1)[1]):
        return []
    candidates: list[str] = []
    start, end = reply.find("["), reply.rfind("]")
    if 0 <= start < end:
        try:
            listed = json.loads(reply[start : end + 1])
        except ValueError:
            listed = None
        if isinstance(listed, list):
            candidates = [item for item in listed if isinstance(item, str)]
    if not candidates:
        candidates = reply.splitlines()
    questions: list[str] = []
    seen: set[str] = set()
    for raw in candidates:
        text = " ".join(_BULLET.sub("", raw).split()).strip(_QUOTES).strip()
        if text.endswith("?") and len(text) > 3 and text.lower() not in seen:
            seen.add(text.lower())
            questions.append(text)
    return questions[:n]


def _messages(request: str, *parts: tuple[str, str | None]) -> list[dict[str, str]]:
    body = "\n\n".join(f"{label}: {text[:_EXCERPT]}" for label, text in parts if text)
    return [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": f"{request}\n\n{body}"}]


def title_flow(client: Any, workspace: str, message: str, answer: str | None) -> Flow[tuple[str, bool]]:
    """Ask the workspace for a title of the exchange: ``(title, True)``, or ``(fallback, False)``.

    The fallback (the message's first words) is used when the reply holds no usable title, and also
    when the request fails: a title is never worth losing the conversation over.
    """
    messages = _messages(TITLE_REQUEST, ("User", message), ("Assistant", answer))
    try:
        completion = yield ask(client.openai.create_chat_completion, model=workspace, messages=messages)
    except ApiError:  # the extra call failed: the fallback title below
        return fallback_title(message), False
    title = parse_title(_content(completion))
    return (title, True) if title else (fallback_title(message), False)


def followups_flow(
    client: Any, workspace: str, answer: str, n: int = 3, question: str | None = None
) -> Flow[list[str]]:
    """Ask the workspace for ``n`` follow-up questions about ``answer`` (the question helps when given)."""
    slug = require_slug("workspace", workspace)
    text = require_text("answer", answer)
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 10:
        raise ValueError(f"n must be an int from 1 to 10, got {n!r}")
    request = FOLLOWUP_REQUEST.format(n=n)
    messages = _messages(request, ("Question", question), ("Answer", text))
    completion = yield ask(client.openai.create_chat_completion, model=slug, messages=messages)
    return parse_followups(_content(completion), n)
