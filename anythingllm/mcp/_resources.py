"""Each workspace's documents as MCP resources: ``anythingllm://workspace/{slug}/documents/{folder/file.json}``.

The developer API returns no stored document's full text (``GET /v1/document/{name}`` and every listing
drop ``pageContent``; only an upload's answer carries it). What it does return is the text a workspace
holds for a document: the passages its vector database stores, which ``workspaces.search`` finds. Reading
a resource gives those passages of that document (the ``<document_metadata>`` header the server puts on
each is removed), joined by blank lines in the order the vector database returns them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

from .._client import AsyncAnythingLLMClient
from ..errors import NotFoundError
from ..types import WorkspaceDocument

SCHEME = "anythingllm"
TEMPLATE = f"{SCHEME}://workspace/{{slug}}/documents/{{+path}}"
MIME_TYPE = "text/plain"
_URI = re.compile(rf"^{SCHEME}://workspace/(?P<slug>[^/]+)/documents/(?P<path>.+)$")
_HEADER = re.compile(r"^\s*<document_metadata>.*?</document_metadata>\s*", re.DOTALL)
# The metadata a document row and a search hit both carry, under these names (row name, hit name).
_SAME_DOCUMENT = (("url", "url"), ("title", "title"), ("published", "published"), ("chunkSource", "chunkSource"))


@dataclass(frozen=True)
class DocumentResource:
    """One workspace document as a resource."""

    uri: str
    name: str
    title: str | None
    description: str


def uri_of(slug: str, location: str) -> str:
    """The resource URI of the document at ``location`` (``folder/file.json``) in workspace ``slug``."""
    return f"{SCHEME}://workspace/{quote(slug, safe='')}/documents/{quote(location, safe='/')}"


def parse(uri: str) -> tuple[str, str]:
    """``(slug, location)`` of a resource URI; ValueError when it is not one of ours."""
    match = _URI.match(uri)
    if match is None:
        raise ValueError(f"not a document resource: {uri!r} (expected {TEMPLATE})")
    return unquote(match["slug"]), unquote(match["path"])


def _metadata(document: WorkspaceDocument) -> dict[str, Any]:
    metadata = document.get("metadata")
    return metadata if isinstance(metadata, dict) else {}


def _describe(slug: str, document: WorkspaceDocument) -> DocumentResource:
    location = document.get("docpath", "")
    metadata = _metadata(document)
    title = metadata.get("title")
    details = [f"workspace {slug}", location]
    if metadata.get("wordCount"):
        details.append(f"{metadata['wordCount']} words")
    if document.get("pinned"):
        details.append("pinned")
    return DocumentResource(
        uri=uri_of(slug, location),
        name=location.rsplit("/", 1)[-1],
        title=title if isinstance(title, str) else None,
        description="Document " + ", ".join(details) + ": the passages the workspace holds for it.",
    )


async def list_documents(client: AsyncAnythingLLMClient) -> list[DocumentResource]:
    """Every document of every workspace."""
    found: list[DocumentResource] = []
    for workspace in await client.workspaces.list():
        slug = workspace["slug"]
        found.extend(_describe(slug, document) for document in await client.workspaces.get_documents(slug))
    return found


async def read_document(client: AsyncAnythingLLMClient, uri: str) -> str:
    """The text of the document at ``uri``: its passages in the workspace; NotFoundError when it has none there."""
    slug, location = parse(uri)
    documents = await client.workspaces.get_documents(slug)
    document = next((d for d in documents if d.get("docpath") == location), None)
    if document is None:
        raise NotFoundError(404, f"workspace {slug!r} has no document {location!r} (list the resources to see them)")
    metadata = _metadata(document)
    total = await client.system.get_vector_count()
    query = str(metadata.get("title") or document.get("filename") or location)
    hits = await client.workspaces.search(slug, query, top_n=max(total, 1), score_threshold=0)
    passages = [
        _HEADER.sub("", hit.get("text", ""), count=1).strip()
        for hit in hits
        if all(hit.get("metadata", {}).get(theirs) == metadata.get(ours) for ours, theirs in _SAME_DOCUMENT)
    ]
    return "\n\n".join(p for p in passages if p)
