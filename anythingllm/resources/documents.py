"""Documents: upload, list, read, delete and organise the server's documents."""

from __future__ import annotations

import builtins
import json
import mimetypes
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from .. import _shape
from .._compat import ignored_parameters
from .._plan import Call, Plan
from .._resource import M, Resource, operation
from .._validate import check_file_source, check_number, require_bool, require_list, require_slug, require_text
from ..errors import (
    InvalidResponseError,
    LinkFetchError,
    NotFoundError,
    ServerError,
    UnsupportedOperationError,
)
from ..types import Document, DocumentFolder, DocumentPage, OperationResult
from . import _accounts

DEFAULT_FOLDER = "custom-documents"
"""The folder the server stores documents in when no other is named; it cannot be removed."""


class DocumentsModule(Resource[M]):
    """Documents (``client.documents``).

    A stored document is named by its file name (``x.txt-<uuid>.json``) or by its storage location
    ``folder/file.json``, which is also what :meth:`WorkspacesModule.add_documents` takes. Folders are
    named by their name.
    """

    @operation
    def list(self) -> Plan[builtins.list[Document]]:
        """Every stored document, over all folders (each with ``path`` = ``folder/file.json``)."""
        parsed = yield Call("documents.document_list")
        return _shape.documents_from_listing(_local_files(parsed))

    @operation
    def get(self, document_id: str) -> Plan[Document]:
        """One document's metadata (not its text); raises NotFoundError when there is none.

        ``document_id`` is the file name or the location ``folder/file.json``. The server looks the file
        name up in every folder and answers with the first match.
        """
        folder, name = _document_ref("document_id", document_id)
        parsed = yield Call("documents.document_get", {"doc_name": name})
        return _shape.document_from_picker(parsed["document"], folder=folder)

    @operation
    def upload(
        self,
        file_path: str | os.PathLike[str] | None = None,
        file_obj: BinaryIO | None = None,
        add_to_workspaces: builtins.list[str] | None = None,
        folder_name: str | None = None,
        *,
        metadata: Mapping[str, Any] | None = None,
        file_name: str | None = None,
    ) -> Plan[Document]:
        """Upload a file (``file_path`` or an open binary ``file_obj``), streamed from disk in chunks.

        ``add_to_workspaces``: workspace slugs to embed the document into (embedding failures are not
        reported by the server). ``folder_name``: store it in that folder (created when missing) instead of
        ``custom-documents``. ``metadata``: ``title``, ``docAuthor``, ``description``, ``docSource``,
        ``chunkSource``. ``file_name``: the name to send (the server picks the parser by its extension);
        defaults to the file's own name. A file the server splits into several documents gives the first.
        """
        from anythingllm_api.models.document_upload_form import DocumentUploadForm
        from anythingllm_api.types import UNSET, File

        source = check_file_source(file_path, file_obj)
        name = _upload_name(source, file_name)
        workspaces = _joined_slugs(add_to_workspaces)
        folder = None if folder_name is None else require_slug("folder_name", folder_name)
        meta = _metadata(metadata)
        stream: BinaryIO = open(source, "rb") if isinstance(source, str) else source  # noqa: SIM115
        try:  # a file opened here is closed however the plan ends (try/finally: cheaper than an ExitStack)
            form = DocumentUploadForm(
                file=File(payload=stream, file_name=name, mime_type=_mime_type(name)),
                add_to_workspaces=UNSET if workspaces is None else workspaces,
                metadata=UNSET if meta is None else json.dumps(meta),
            )
            if folder is None:
                parsed = yield Call("documents.document_upload", {"body": form})
            else:
                parsed = yield Call("documents.document_upload_to_folder", {"folder_name": folder, "body": form})
        finally:
            if stream is not source:
                stream.close()
        return _first_document(parsed, "upload")

    @operation
    def delete(self, document_id: str) -> Plan[OperationResult]:
        """Delete a document: its file, its vectors and its place in every workspace.

        ``document_id`` is the location ``folder/file.json`` or a file name. The server answers success
        whether or not anything was there, so the document listing is read first (``GET /v1/documents``,
        one extra call): a document no folder holds raises NotFoundError, and a file name finds its folder.
        """
        from anythingllm_api.models.system_remove_documents_body import SystemRemoveDocumentsBody

        folder, name = _document_ref("document_id", document_id)
        listing = _local_files((yield Call("documents.document_list")))
        location = _stored_location(listing, folder, name)
        body = SystemRemoveDocumentsBody(names=[location])
        parsed = yield Call("system.system_remove_documents", {"body": body})
        return _shape.operation_result(parsed)

    @operation
    def sync(self) -> Plan[OperationResult]:
        """Not available: the server has no way to re-sync all documents on demand.

        Raises UnsupportedOperationError before any request.
        """
        raise UnsupportedOperationError(
            0,
            "the server has no on-demand sync of all documents: its live sync (an admin feature of the web "
            "app) only re-fetches watched link and repository documents on its own schedule. To refresh a "
            "document, upload it again (documents.upload or documents.upload_link), then swap it in each "
            "workspace with workspaces.add_documents and workspaces.remove_document; documents.list() shows "
            "what is stored now",
        )
        yield  # a plan must be a generator

    @operation
    def get_folders(self) -> Plan[builtins.list[DocumentFolder]]:
        """Every document folder with its documents (``id`` and ``path`` are the folder name)."""
        parsed = yield Call("documents.document_list")
        return _shape.folders_from_listing(_local_files(parsed))

    @operation
    def create_folder(self, name: str) -> Plan[DocumentFolder]:
        """Create an empty folder; the server refuses (ServerError) a name that already exists."""
        from anythingllm_api.models.document_create_folder_body import DocumentCreateFolderBody

        folder = require_slug("name", name)
        yield Call("documents.document_create_folder", {"body": DocumentCreateFolderBody(name=folder)})
        return _shape.folder({"name": folder, "type": "folder", "items": []})

    @operation
    def delete_folder(self, folder_id: str) -> Plan[OperationResult]:
        """Delete a folder (its name) with the documents in it.

        The server answers success for a folder that does not exist too, so the document listing is read
        first (``GET /v1/documents``, one extra call): an unknown folder raises NotFoundError.
        ``custom-documents`` cannot be removed and is refused before any request.
        """
        from anythingllm_api.models.document_remove_folder_body import DocumentRemoveFolderBody

        folder = require_slug("folder_id", folder_id)
        if folder == DEFAULT_FOLDER:
            raise ValueError(f"folder_id {DEFAULT_FOLDER!r} is the server's default folder and cannot be removed")
        _require_folders(_local_files((yield Call("documents.document_list"))), [folder])
        parsed = yield Call("documents.document_remove_folder", {"body": DocumentRemoveFolderBody(name=folder)})
        return _shape.operation_result(parsed)

    # --- beyond the reference ---------------------------------------------------------------------------

    @operation
    def upload_link(
        self,
        link: str,
        add_to_workspaces: builtins.list[str] | None = None,
        metadata: Mapping[str, Any] | None = None,
        *,
        scraper_headers: Mapping[str, str] | None = None,
        accept_error_page: bool = False,
    ) -> Plan[Document]:
        """Fetch a web page (``http``/``https`` ``link``) on the server and store it as a document.

        ``add_to_workspaces`` and ``metadata`` as in :meth:`upload`; ``scraper_headers`` are HTTP headers
        the server sends when fetching the page.

        The server cannot fetch an unreachable host or an empty page: :class:`LinkFetchError` (with its
        words). It does not look at the page's HTTP status, though, and stores an error page ("404 Not
        Found") as if it were the page: the client reads the stored text, and when its first lines are an
        HTTP error heading it removes the stored copy again (one extra call) and raises
        :class:`LinkFetchError` with ``page_status``. ``accept_error_page=True`` keeps such a page.
        """
        from anythingllm_api.models.document_upload_link_body import DocumentUploadLinkBody

        url = require_text("link", link).strip()
        if not url.lower().startswith(("http://", "https://")):
            raise ValueError(f"link must be an http:// or https:// URL, got {link!r}")
        require_bool("accept_error_page", accept_error_page)
        fields: dict[str, Any] = {"link": url}
        workspaces = _joined_slugs(add_to_workspaces)
        if workspaces is not None:
            fields["addToWorkspaces"] = workspaces
        if scraper_headers is not None:
            fields["scraperHeaders"] = _string_map("scraper_headers", scraper_headers)
        meta = _metadata(metadata)
        if meta is not None:
            fields["metadata"] = meta
        body = DocumentUploadLinkBody.from_dict(fields)
        try:
            parsed = yield Call("documents.document_upload_link", {"body": body})
        except ServerError as exc:
            if "no url content found" not in exc.server_message.lower():
                raise
            message = (
                f"The server could not fetch {url}: the host is unreachable from the server, or the page is "
                f'empty (server said: "{exc.server_message}"). Nothing was stored.'
            )
            raise _accounts.rewrap(exc, message, LinkFetchError) from exc
        document = _first_document(parsed, "upload_link")
        heading = None if accept_error_page else _error_page(document)
        if heading is None:
            return document
        location = document.get("location") or document.get("path")
        if isinstance(location, str):
            from anythingllm_api.models.system_remove_documents_body import SystemRemoveDocumentsBody

            yield Call("system.system_remove_documents", {"body": SystemRemoveDocumentsBody(names=[location])})
        status, line = heading
        raise LinkFetchError(
            200,
            f"{url} answered with an error page ({line!r}), not the page itself: the server stored it as a "
            "document, so the client removed that copy again. Check the link; pass accept_error_page=True "
            "to keep such a page.",
            {"document": dict(document)},
            method="POST",
            path="/api/v1/document/upload-link",
            page_status=status,
        )

    @operation
    def raw_text(
        self,
        text: str,
        title: str,
        add_to_workspaces: builtins.list[str] | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Plan[Document]:
        """Store ``text`` as a document named after ``title`` (the server makes it ``<slug>.txt``).

        ``metadata`` may add ``url``, ``docAuthor``, ``description``, ``docSource``, ``chunkSource`` and
        ``published`` (epoch milliseconds); the server ignores other keys.
        """
        from anythingllm_api.models.document_upload_raw_text_body import DocumentUploadRawTextBody

        content = require_text("text", text)
        heading = require_text("title", title)
        meta = _metadata(metadata) or {}
        if meta.get("title", heading) != heading:
            raise ValueError("metadata['title'] differs from title; pass the title once, as title")
        fields: dict[str, Any] = {"textContent": content, "metadata": {**meta, "title": heading}}
        workspaces = _joined_slugs(add_to_workspaces)
        if workspaces is not None:
            fields["addToWorkspaces"] = workspaces
        body = DocumentUploadRawTextBody.from_dict(fields)
        parsed = yield Call("documents.document_upload_raw_text", {"body": body})
        return _first_document(parsed, "raw_text")

    @operation
    def move(self, from_path: str, to_path: str) -> Plan[OperationResult]:
        """Move one document (``folder/file.json`` to ``folder/file.json``); see :meth:`move_files`.

        The target folder must exist (:meth:`create_folder`); a missing document or folder raises
        NotFoundError."""
        return (yield from _move_files([(from_path, to_path)], "from_path", "to_path"))

    @operation
    def move_files(self, moves: Iterable[tuple[str, str] | Mapping[str, str]]) -> Plan[OperationResult]:
        """Move documents between folders: ``moves`` holds ``(from, to)`` pairs or ``{"from", "to"}`` dicts.

        The server does not move a document that is embedded in any workspace; it still reports
        ``success`` and says in ``message`` how many were not moved. It fails without saying why (500)
        when a document or a target folder is missing, so the listing is read first (``GET /v1/documents``,
        one extra call): a missing document or target folder raises NotFoundError before anything moves.
        """
        pairs = _move_pairs(moves)
        return (yield from _move_files(pairs, "moves[].from", "moves[].to"))

    @operation
    def list_folder(self, folder: str, offset: int | None = None, limit: int | str | None = None) -> Plan[DocumentPage]:
        """One page of a folder's documents: ``limit`` (default all; ``"all"`` or a number) from ``offset``.

        The page tells ``totalCount`` and ``hasMore``; an unknown folder raises NotFoundError. A server
        before AnythingLLM 1.16.0 has no paging and answers with the whole folder: when that is the page
        asked for (no offset, and no limit or one the folder fits in) it comes back complete, else
        UnsupportedOperationError says the server ignored the paging (its ``body`` has the whole folder).
        """
        name = require_slug("folder", folder)
        kwargs: dict[str, Any] = {"folder_name": name}
        if offset is not None:
            kwargs["offset"] = check_number("offset", offset, minimum=0, integer=True)
        if isinstance(limit, str) and limit != "all":
            raise ValueError(f"limit must be a whole number >= 1 or 'all', got {limit!r}")
        if limit is not None:
            kwargs["limit"] = limit if limit == "all" else check_number("limit", limit, minimum=1, integer=True)
        parsed = yield Call("documents.document_list_folder", kwargs)
        if "totalCount" not in parsed:
            parsed = _unpaged(parsed, kwargs.get("offset"), kwargs.get("limit"))
        return _shape.document_page(parsed)

    @operation
    def metadata_schema(self) -> Plan[dict[str, Any]]:
        """The metadata keys a document accepts, each with a description of its value."""
        parsed = yield Call("documents.document_metadata_schema")
        schema: dict[str, Any] = parsed["schema"]
        return schema

    @operation
    def download_generated_file(self, filename: str) -> Plan[bytes]:
        """The bytes of a file an agent generated (its ``storageFilename``, e.g. ``pdf-<uuid>.pdf``)."""
        name = require_slug("filename", filename)
        parsed = yield Call("documents.document_download_generated_file", {"filename": name}, expect_json=False)
        content: bytes = parsed.payload.read()
        return content


# --- helpers ------------------------------------------------------------------------------------------------


def stored_documents() -> Plan[tuple[set[str], set[str]]]:
    """The location (``folder/file.json``) of every stored document, and every folder (``GET /v1/documents``)."""
    parsed = yield Call("documents.document_list")
    folders = _shape.folders_from_listing(_local_files(parsed))
    locations = {
        f"{f['name']}/{d['name']}" for f in folders for d in f.get("items", []) if isinstance(d.get("name"), str)
    }
    return locations, {f["name"] for f in folders}


def _local_files(parsed: Any) -> dict[str, Any]:
    """``localFiles`` of a ``GET /v1/documents`` answer (empty when absent)."""
    listing: dict[str, Any] = parsed.get("localFiles") or {}
    return listing


def _unpaged(parsed: dict[str, Any], offset: int | None, limit: int | str | None) -> dict[str, Any]:
    """A folder answer without paging, from a server before 1.16.0 that ignored ``offset``/``limit``.

    When the whole folder is the page asked for, it is completed with ``totalCount`` and ``hasMore``;
    otherwise the ignored paging is reported, not dropped.
    """
    documents = parsed.get("documents")
    count = len(documents) if isinstance(documents, list) else 0
    if not offset and (limit is None or limit == "all" or (isinstance(limit, int) and count <= limit)):
        return {**parsed, "totalCount": count, "hasMore": False}
    sent = {name: value for name, value in (("offset", offset), ("limit", limit)) if value is not None}
    raise ignored_parameters(
        "document_list_folder",
        sent,
        answer=parsed,
        advice=f"It sent all {count} documents of the folder (in the error's body). Upgrade the server to page them.",
    )


def _document_ref(name: str, value: object) -> tuple[str | None, str]:
    """``(folder, file name)`` of a document given as ``file.json`` or ``folder/file.json``."""
    if isinstance(value, str) and "/" in value:
        folder, _, file = value.partition("/")
        return require_slug(f"{name} (folder part)", folder), require_slug(f"{name} (file part)", file)
    return None, require_slug(name, value)


def _location(name: str, value: object) -> str:
    """A storage location ``folder/file.json``."""
    text = require_text(name, value)
    if "/" not in text:
        raise ValueError(f"{name} must be a location 'folder/file.json', got {value!r}")
    folder, file = _document_ref(name, text)
    return f"{folder}/{file}"


def _stored_location(local_files: Mapping[str, Any], folder: str | None, name: str) -> str:
    """The location ``folder/name`` of a stored document (its folder found when ``None``); NotFoundError if none."""
    if folder is None:
        return f"{_folder_holding(local_files, name)}/{name}"
    if name not in stored_locations(local_files).get(folder, set()):
        raise NotFoundError(404, f"no document is stored at {folder}/{name}", method="GET", path="/api/v1/documents")
    return f"{folder}/{name}"


def stored_locations(local_files: Mapping[str, Any]) -> dict[str, set[str]]:
    """The file names stored in each folder of a ``GET /v1/documents`` listing."""
    return {
        str(f["name"]): {str(d["name"]) for d in f["items"] if isinstance(d.get("name"), str)}
        for f in _shape.folders_from_listing(local_files)
    }


def _require_folders(local_files: Mapping[str, Any], folders: Iterable[str]) -> None:
    """NotFoundError naming the ``folders`` the listing does not have."""
    present = stored_locations(local_files)
    missing = sorted({f for f in folders if f not in present})
    if missing:
        names = ", ".join(repr(f) for f in missing)
        raise NotFoundError(
            404,
            f"no folder named {names} exists (documents.create_folder makes one)",
            method="GET",
            path="/api/v1/documents",
        )


def _folder_holding(local_files: Mapping[str, Any], name: str) -> str:
    """The one folder of a listing that holds the file ``name``."""
    folders = [
        f["name"] for f in _shape.folders_from_listing(local_files) if any(d.get("name") == name for d in f["items"])
    ]
    if not folders:
        raise NotFoundError(404, f"no folder holds a document named {name!r}", method="GET", path="/api/v1/documents")
    if len(folders) > 1:
        raise ValueError(f"document_id {name!r} is in several folders ({', '.join(folders)}); pass 'folder/{name}'")
    return folders[0]


def _joined_slugs(value: object) -> str | None:
    """``add_to_workspaces`` as the comma-separated string the server reads (``None`` when empty)."""
    if value is None:
        return None
    slugs = require_list("add_to_workspaces", value)
    for index, slug in enumerate(slugs):
        require_slug(f"add_to_workspaces[{index}]", slug)
        if "," in slug:
            raise ValueError(f"add_to_workspaces[{index}] must be one workspace slug, got {slug!r}")
    return ",".join(slugs) or None


def _metadata(value: object) -> dict[str, Any] | None:
    """``metadata`` as a JSON-ready dict with text keys."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"metadata must be a dict, got {type(value).__name__}")
    meta = dict(value)
    for key in meta:
        if not isinstance(key, str):
            raise TypeError(f"metadata keys must be str, got {key!r}")
    try:
        json.dumps(meta)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"metadata must hold JSON values only: {exc}") from None
    return meta


def _string_map(name: str, value: object) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise TypeError(f"{name} must be a dict of str to str")
    return dict(value)


def _upload_name(source: str | BinaryIO, file_name: object) -> str:
    """The file name sent with an upload: ``file_name``, else the file's own name."""
    if file_name is not None:
        return require_slug("file_name", file_name)
    own = source if isinstance(source, str) else getattr(source, "name", None)
    if isinstance(own, (str, os.PathLike)) and os.path.basename(os.fspath(own)):
        return str(os.path.basename(os.fspath(own)))
    raise ValueError("file_obj has no file name: pass file_name (the server picks the parser by its extension)")


def _mime_type(file_name: str) -> str:
    return mimetypes.guess_type(file_name)[0] or "application/octet-stream"


# The status of an HTTP error page, by the words of its heading (the page's first lines).
_STATUS_WORDS = {
    400: "bad request",
    401: "unauthori[sz]ed",
    403: "forbidden|access denied",
    404: "(?:page |file )?not found",
    410: "gone",
    429: "too many requests",
    500: "internal server error",
    502: "bad gateway",
    503: "service (?:temporarily )?unavailable",
    504: "gateway time-?out",
}
_ANY_STATUS_WORDS = "|".join(f"(?:{words})" for words in _STATUS_WORDS.values())
_SUFFIX = r"(?:\s*[-|·:–—(].{0,60})?"  # "Page not found · GitHub", "404 (Not Found)"
_ERROR_HEADING = re.compile(
    rf"^(?:error\s*[-:]?\s*)?(?:(?P<code>[45]\d\d)\b(?:\s*[-:.]?\s*(?:{_ANY_STATUS_WORDS}|error))?"
    rf"|(?P<words>{_ANY_STATUS_WORDS})){_SUFFIX}$",
    re.IGNORECASE,
)
_ERROR_PAGE_WORDS = 300  # an error page is short; a longer text that starts so is an article about errors


def _error_page(document: Mapping[str, Any]) -> tuple[int, str] | None:
    """``(status, heading)`` when a fetched page's first lines are an HTTP error heading, else ``None``."""
    text = document.get("pageContent")
    if not isinstance(text, str) or len(text.split()) > _ERROR_PAGE_WORDS:
        return None
    lines = [line.strip().lstrip("#").strip() for line in text.splitlines()]
    for line in [line for line in lines if line][:3]:
        found = _ERROR_HEADING.match(line)
        if found is None:
            continue
        if found["code"]:
            return int(found["code"]), line
        words = found["words"].lower()
        return next(code for code, pattern in _STATUS_WORDS.items() if re.fullmatch(pattern, words)), line
    return None


def _first_document(parsed: Any, what: str) -> Document:
    """The first document of an upload answer ``{success, error, documents}``."""
    result = _shape.upload_result(parsed)
    documents = result.get("documents") or []
    if not documents:
        said = f' (server said: "{result["error"]}")' if result.get("error") else ""
        raise InvalidResponseError(200, f"{what}: the server answered without a document{said}")
    return documents[0]


def _move_pairs(moves: object) -> builtins.list[tuple[object, object]]:
    if isinstance(moves, (str, bytes, Mapping)) or not isinstance(moves, Iterable):
        raise TypeError(f"moves must be a list of (from, to) pairs, got {type(moves).__name__}")
    pairs: builtins.list[tuple[object, object]] = []
    for index, move in enumerate(moves):
        if isinstance(move, Mapping) and set(move) == {"from", "to"}:
            pairs.append((move["from"], move["to"]))
        elif isinstance(move, (tuple, builtins.list)) and len(move) == 2:
            pairs.append((move[0], move[1]))
        else:
            raise TypeError(f"moves[{index}] must be a (from, to) pair or a {{'from', 'to'}} dict, got {move!r}")
    if not pairs:
        raise ValueError("moves must not be empty")
    return pairs


def _move_files(pairs: builtins.list[tuple[object, object]], from_name: str, to_name: str) -> Plan[OperationResult]:
    from anythingllm_api.models.document_move_files_body import DocumentMoveFilesBody
    from anythingllm_api.models.document_move_files_body_files_item import DocumentMoveFilesBodyFilesItem

    moves = [(_location(from_name, src), _location(to_name, dst)) for src, dst in pairs]
    listing = _local_files((yield Call("documents.document_list")))
    for source, _ in moves:
        _stored_location(listing, *source.split("/", 1))
    _require_folders(listing, [target.split("/", 1)[0] for _, target in moves])
    files = [DocumentMoveFilesBodyFilesItem(from_=source, to=target) for source, target in moves]
    parsed = yield Call("documents.document_move_files", {"body": DocumentMoveFilesBody(files=files)})
    return _shape.operation_result(parsed)
