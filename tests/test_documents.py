"""client.documents against the real server's recorded answers (sync and async)."""

from __future__ import annotations

import email
import email.policy
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from anythingllm.errors import (
    BadRequestError,
    NotFoundError,
    ServerError,
    UnsupportedOperationError,
)
from anythingllm.resources import documents as documents_module
from anythingllm.resources.documents import LinkFetchError
from tests.conftest import replay, resolve

pytestmark = pytest.mark.anyio

RAW_NOTE = "raw-vcr-raw-note-6a80e94d-9e0c-43a6-bc3a-fca98181f362.json"
NOTES = "vcr-notes.txt-b3491a74-d204-4e18-8622-472ae10f3e9e.json"
EMBEDDED = "vcr-embedded.txt-04d10662-c7da-45ee-950f-46f3b3531bbf.json"
FOLDER_NOTES = "vcr-folder-notes.txt-4c3bcdac-681f-4e08-abbf-e170ec86de14.json"
CHUNK = 64 * 1024  # httpx reads multipart files in chunks of this size


def lines(sent: list[httpx.Request]) -> list[tuple[str, str]]:
    return [(r.method, r.url.path) for r in sent]


def json_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


def multipart_parts(request: httpx.Request) -> list[Any]:
    """The parts of a sent multipart body (as email messages), parsed with the boundary of its header."""
    body = b"".join(request.stream)  # type: ignore[arg-type]
    head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
    message = email.message_from_bytes(head + body, policy=email.policy.HTTP)
    assert message.is_multipart()
    return list(message.iter_parts())  # type: ignore[attr-defined]


def multipart_fields(request: httpx.Request) -> dict[str, tuple[str | None, bytes]]:
    """The parts of a sent multipart body: name -> (file name, bytes)."""
    return {
        part.get_param("name", header="content-disposition"): (part.get_filename(), part.get_payload(decode=True))
        for part in multipart_parts(request)
    }


def text_file(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content)
    return path


class CountingReader(io.BufferedReader):
    """A binary file that notes every read size and whether it was closed."""

    def __init__(self, path: Path) -> None:
        super().__init__(io.FileIO(path, "rb"))
        self.sizes: list[int | None] = []

    def read(self, size: int | None = -1, /) -> bytes:
        self.sizes.append(size)
        return super().read(size)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[CountingReader]]:
    """Every file the documents module opens, as a CountingReader."""
    files: list[CountingReader] = []

    def counting_open(path: Path, mode: str) -> CountingReader:
        assert mode == "rb"
        files.append(CountingReader(path))
        return files[-1]

    monkeypatch.setattr(documents_module, "open", counting_open, raising=False)
    yield files


# --- list, get, folders ---------------------------------------------------------------------------------------


async def test_list_flattens_every_folder(client: Any) -> None:
    with replay("documents_upload_and_embed") as cassette:
        docs = await resolve(client.documents.list())
        assert cassette.play_count == 1
    by_path = {d["path"]: d for d in docs}
    assert f"custom-documents/{RAW_NOTE}" in by_path
    assert f"vcr-folder/{FOLDER_NOTES}" in by_path
    assert len(docs) == 10
    note = by_path[f"custom-documents/{RAW_NOTE}"]
    assert note["folderId"] == "custom-documents"
    assert note["name"] == RAW_NOTE
    assert note["title"] == "vcr-raw-note.txt"
    assert note["tokens"] == note["token_count_estimate"] == 9


async def test_get_folders(client: Any) -> None:
    with replay("documents_upload_and_embed"):
        folders = await resolve(client.documents.get_folders())
    assert [f["name"] for f in folders] == ["custom-documents", "vcr-folder"]
    custom, vcr = folders
    assert custom["id"] == custom["path"] == "custom-documents"
    assert custom["documentCount"] == len(custom["items"]) == 9
    assert vcr["documentCount"] == 1
    assert vcr["items"][0]["path"] == f"vcr-folder/{FOLDER_NOTES}"


async def test_get_by_file_name(client: Any) -> None:
    with replay("documents_upload_and_embed") as cassette:
        doc = await resolve(client.documents.get(RAW_NOTE))
        assert cassette.play_count == 1
    assert doc["name"] == RAW_NOTE
    assert doc["id"] == "6a80e94d-9e0c-43a6-bc3a-fca98181f362"
    assert doc["docAuthor"] == "VCR"
    assert "path" not in doc  # the server does not say which folder it found the file in


async def test_get_by_location_asks_for_the_file_name(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed"):
        doc = await resolve(client.documents.get(f"custom-documents/{RAW_NOTE}"))
    assert lines(sent) == [("GET", f"/api/v1/document/{RAW_NOTE}")]
    assert doc["path"] == f"custom-documents/{RAW_NOTE}"
    assert doc["folderId"] == "custom-documents"


async def test_get_unknown_document_is_not_found(client: Any) -> None:
    with replay("errors_documents"), pytest.raises(NotFoundError) as info:
        await resolve(client.documents.get("no-such-document.json"))
    assert info.value.status_code == 404


# --- upload ------------------------------------------------------------------------------------------------------


async def test_upload_a_file_path(client: Any, sent: list[httpx.Request], tmp_path: Path) -> None:
    path = text_file(tmp_path, "vcr-notes.txt", "VCR notes: otters hold hands while sleeping.\n")
    with replay("documents_upload_and_embed") as cassette:
        doc = await resolve(client.documents.upload(file_path=str(path)))
        assert cassette.play_count == 1
    assert doc["location"] == doc["path"] == f"custom-documents/{NOTES}"
    assert doc["folderId"] == "custom-documents"
    assert doc["name"] == NOTES
    assert doc["pageContent"] == "VCR notes: otters hold hands while sleeping.\n"

    (request,) = sent
    assert (request.method, request.url.path) == ("POST", "/api/v1/document/upload")
    assert "boundary=+++" not in request.headers["content-type"]  # a random boundary, not the generated fixed one
    fields = multipart_fields(request)
    assert fields == {"file": ("vcr-notes.txt", b"VCR notes: otters hold hands while sleeping.\n")}


async def test_upload_into_a_folder(client: Any, sent: list[httpx.Request], tmp_path: Path) -> None:
    path = text_file(tmp_path, "vcr-folder-notes.txt", "Folder notes: penguins propose with pebbles.\n")
    with replay("documents_upload_and_embed"):
        doc = await resolve(client.documents.upload(path, folder_name="vcr-folder"))
    assert lines(sent) == [("POST", "/api/v1/document/upload/vcr-folder")]
    assert doc["name"] == FOLDER_NOTES
    assert doc["path"] == f"vcr-folder/{FOLDER_NOTES}"
    assert doc["folderId"] == "vcr-folder"


async def test_upload_with_workspaces_and_metadata(client: Any, sent: list[httpx.Request], tmp_path: Path) -> None:
    first = text_file(tmp_path, "vcr-notes.txt", "VCR notes: otters hold hands while sleeping.\n")
    second = text_file(tmp_path, "vcr-embedded.txt", "Embedded notes: octopuses have three hearts and blue blood.\n")
    metadata = {"title": "Octopus facts", "docAuthor": "VCR Recorder", "description": "uploaded with metadata"}
    with replay("documents_upload_and_embed"):
        await resolve(client.documents.upload(first))
        doc = await resolve(
            client.documents.upload(second, add_to_workspaces=["vcr-docs-ws", "test-ws"], metadata=metadata)
        )
    assert doc["title"] == "Octopus facts"
    assert doc["docAuthor"] == "VCR Recorder"
    assert doc["path"] == f"custom-documents/{EMBEDDED}"

    fields = multipart_fields(sent[1])
    assert fields["addToWorkspaces"] == (None, b"vcr-docs-ws,test-ws")
    assert fields["metadata"][0] is None
    assert json.loads(fields["metadata"][1]) == metadata
    assert fields["file"][0] == "vcr-embedded.txt"


async def test_upload_a_file_object_is_streamed_in_chunks(
    client: Any, sent: list[httpx.Request], tmp_path: Path
) -> None:
    path = tmp_path / "vcr-notes.txt"
    path.write_bytes(b"otters\n" * 50_000)  # 350 000 bytes: several chunks
    with CountingReader(path) as handle, replay("documents_upload_and_embed"):
        doc = await resolve(client.documents.upload(file_obj=handle))
        assert not handle.closed  # the caller's file stays open
    assert doc["name"] == NOTES
    assert len(handle.sizes) >= 6
    assert all(size is not None and 0 < size <= CHUNK for size in handle.sizes)
    # The client never read the body into memory: the request went out as a stream.
    with pytest.raises(httpx.RequestNotRead):
        _ = sent[0].content
    assert multipart_fields(sent[0])["file"] == ("vcr-notes.txt", path.read_bytes())


async def test_upload_a_path_streams_the_file_and_closes_it(
    client: Any, opened: list[CountingReader], tmp_path: Path
) -> None:
    path = tmp_path / "vcr-notes.txt"
    path.write_bytes(b"otters\n" * 30_000)
    with replay("documents_upload_and_embed"):
        await resolve(client.documents.upload(path))
    (handle,) = opened
    assert handle.closed
    assert len(handle.sizes) >= 4
    assert all(size is not None and 0 < size <= CHUNK for size in handle.sizes)


async def test_upload_an_unsupported_type_is_a_server_error_and_closes_the_file(
    client: Any, opened: list[CountingReader], tmp_path: Path
) -> None:
    path = tmp_path / "blob.unknownext"
    path.write_bytes(b" ")
    with replay("errors_documents"):
        # The cassette's first two uploads sent no file part (form bodies); replay them as recorded.
        for form in ({"addToWorkspaces": "test-ws"}, None):
            with pytest.raises(ServerError):
                await resolve(client.http_client.post("/v1/document/upload", data=form))
        with pytest.raises(ServerError, match="not supported"):
            await resolve(client.documents.upload(file_path=path))
    (handle,) = opened
    assert handle.closed


async def test_upload_file_name_overrides_and_picks_the_type(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed"):
        await resolve(client.documents.upload(file_obj=io.BytesIO(b"notes"), file_name="vcr-notes.txt"))
    (part,) = multipart_parts(sent[0])
    assert part.get_filename() == "vcr-notes.txt"
    assert part.get_content_type() == "text/plain"
    assert part.get_payload(decode=True) == b"notes"


async def test_upload_checks_its_arguments_before_any_request(client: Any, tmp_path: Path) -> None:
    path = text_file(tmp_path, "a.txt", "a")
    with replay("documents_upload_and_embed") as cassette:
        with pytest.raises(ValueError, match="not both"):
            await resolve(client.documents.upload(file_path=path, file_obj=io.BytesIO(b"x")))
        with pytest.raises(ValueError, match="file_path or file_obj"):
            await resolve(client.documents.upload())
        with pytest.raises(ValueError, match="file_path"):
            await resolve(client.documents.upload(file_path=tmp_path / "missing.txt"))
        with pytest.raises(ValueError, match="file_path is a directory"):
            await resolve(client.documents.upload(file_path=tmp_path))
        with pytest.raises(ValueError, match="file_name"):
            await resolve(client.documents.upload(file_obj=io.BytesIO(b"no name")))
        with pytest.raises(TypeError, match="add_to_workspaces"):
            await resolve(client.documents.upload(path, add_to_workspaces="test-ws"))
        with pytest.raises(ValueError, match=r"add_to_workspaces\[0\]"):
            await resolve(client.documents.upload(path, add_to_workspaces=["a,b"]))
        with pytest.raises(ValueError, match="folder_name"):
            await resolve(client.documents.upload(path, folder_name="a/b"))
        with pytest.raises(TypeError, match="metadata"):
            await resolve(client.documents.upload(path, metadata='{"title": "x"}'))
        with pytest.raises(TypeError, match="metadata"):
            await resolve(client.documents.upload(path, metadata={"title": object()}))
        assert cassette.play_count == 0


# --- delete, sync --------------------------------------------------------------------------------------------------


# Deletes of what the server does not hold, moves to missing folders: tests/test_deletes.py.


async def test_delete_by_file_name_finds_its_folder_first(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed") as cassette:
        result = await resolve(client.documents.delete(EMBEDDED))
        assert cassette.play_count == 2
    assert result["success"] is True
    assert lines(sent) == [("GET", "/api/v1/documents"), ("DELETE", "/api/v1/system/remove-documents")]
    assert json_of(sent[1]) == {"names": [f"custom-documents/{EMBEDDED}"]}


async def test_delete_unknown_file_name_is_not_found(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed"), pytest.raises(NotFoundError, match=r"no-such\.json"):
        await resolve(client.documents.delete("no-such.json"))
    assert lines(sent) == [("GET", "/api/v1/documents")]


async def test_delete_checks_the_id(client: Any) -> None:
    with replay("errors_documents") as cassette:
        with pytest.raises(ValueError, match="document_id"):
            await resolve(client.documents.delete("a/b/c.json"))
        with pytest.raises(TypeError, match="document_id"):
            await resolve(client.documents.delete(3))
        with pytest.raises(ValueError, match="document_id"):
            await resolve(client.documents.delete(" "))
        assert cassette.play_count == 0


async def test_sync_is_unsupported_before_any_request(client: Any) -> None:
    with replay("documents_upload_and_embed") as cassette:
        with pytest.raises(UnsupportedOperationError, match="no on-demand sync") as info:
            await resolve(client.documents.sync())
        assert cassette.play_count == 0
    assert "documents.upload" in str(info.value)
    assert "workspaces.add_documents" in str(info.value)


# --- folders --------------------------------------------------------------------------------------------------------


async def test_create_folder(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed"):
        folder = await resolve(client.documents.create_folder("vcr-folder"))
    assert folder == {
        "name": "vcr-folder",
        "type": "folder",
        "items": [],
        "id": "vcr-folder",
        "path": "vcr-folder",
        "documentCount": 0,
    }
    assert lines(sent) == [("POST", "/api/v1/document/create-folder")]
    assert json_of(sent[0]) == {"name": "vcr-folder"}


async def test_create_existing_folder_is_a_server_error(client: Any) -> None:
    with replay("errors_documents"), pytest.raises(ServerError, match="already exists"):
        await resolve(client.documents.create_folder("custom-documents"))


async def test_folder_names_are_checked_before_any_request(client: Any) -> None:
    with replay("errors_documents") as cassette:
        with pytest.raises(ValueError, match="name"):
            await resolve(client.documents.create_folder("../vcr-escape"))
        with pytest.raises(ValueError, match="name"):
            await resolve(client.documents.create_folder(""))
        with pytest.raises(ValueError, match="custom-documents"):
            await resolve(client.documents.delete_folder("custom-documents"))
        with pytest.raises(ValueError, match="folder_id"):
            await resolve(client.documents.delete_folder("a/b"))
        assert cassette.play_count == 0


async def test_list_folder_pages(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed"):
        whole = await resolve(client.documents.list_folder("vcr-folder"))
        page = await resolve(client.documents.list_folder("custom-documents", offset=1, limit=1))
    assert whole["folder"] == "vcr-folder"
    assert whole["totalCount"] == 1 and whole["hasMore"] is False
    assert whole["documents"][0]["path"] == f"vcr-folder/{FOLDER_NOTES}"
    assert page["totalCount"] == 9 and page["hasMore"] is True
    assert [d["name"] for d in page["documents"]] == ["gamma.md-fe8903c1-b22f-4982-900c-b8b4a8443708.json"]
    assert dict(sent[1].url.params) == {"offset": "1", "limit": "1"}


async def test_list_unknown_folder_is_not_found(client: Any) -> None:
    with replay("errors_documents"), pytest.raises(NotFoundError, match="does not exist"):
        await resolve(client.documents.list_folder("no-such-folder"))


async def test_list_folder_checks_paging_before_any_request(client: Any) -> None:
    with replay("documents_upload_and_embed") as cassette:
        with pytest.raises(ValueError, match="offset"):
            await resolve(client.documents.list_folder("vcr-folder", offset=-1))
        with pytest.raises(ValueError, match="limit"):
            await resolve(client.documents.list_folder("vcr-folder", limit=0))
        with pytest.raises(ValueError, match="limit"):
            await resolve(client.documents.list_folder("vcr-folder", limit="many"))
        with pytest.raises(TypeError, match="limit"):
            await resolve(client.documents.list_folder("vcr-folder", limit=True))
        assert cassette.play_count == 0


# --- links, raw text, moves ------------------------------------------------------------------------------------------


async def test_upload_link(client: Any, sent: list[httpx.Request]) -> None:
    with replay("documents_upload_and_embed"):
        doc = await resolve(
            client.documents.upload_link(
                "http://127.0.0.1:41723/fixture.html",
                add_to_workspaces=["vcr-docs-ws"],
                metadata={"title": "Local link fixture"},
                scraper_headers={"X-VCR": "1"},
            )
        )
    assert lines(sent) == [("POST", "/api/v1/document/upload-link")]
    assert json_of(sent[0]) == {
        "link": "http://127.0.0.1:41723/fixture.html",
        "addToWorkspaces": "vcr-docs-ws",
        "scraperHeaders": {"X-VCR": "1"},
        "metadata": {"title": "Local link fixture"},
    }
    assert doc["title"] == "Local link fixture"
    assert doc["path"].startswith("custom-documents/url-127.0.0.1_fixture.html-")


async def test_upload_unreachable_link_is_a_link_fetch_error(client: Any, sent: list[httpx.Request]) -> None:
    with replay("errors_documents"), pytest.raises(LinkFetchError, match="could not fetch") as info:
        await resolve(client.documents.upload_link("http://127.0.0.1:9/unreachable"))
    assert json_of(sent[0]) == {"link": "http://127.0.0.1:9/unreachable"}
    assert info.value.status_code == 500 and info.value.page_status is None
    assert 'server said: "No URL content found at http://127.0.0.1:9/unreachable."' in info.value.message
    assert isinstance(info.value.__cause__, ServerError)


async def test_raw_text(client: Any, sent: list[httpx.Request]) -> None:
    metadata = {"docAuthor": "VCR", "description": "vcr fixture", "docSource": "vcr-recorder"}
    with replay("documents_upload_and_embed"):
        doc = await resolve(
            client.documents.raw_text("Raw text: hummingbirds can fly backwards.", "vcr-raw-note", metadata=metadata)
        )
    assert json_of(sent[0]) == {
        "textContent": "Raw text: hummingbirds can fly backwards.",
        "metadata": {"title": "vcr-raw-note", **metadata},
    }
    assert doc["title"] == "vcr-raw-note.txt"
    assert doc["path"] == f"custom-documents/{RAW_NOTE}"
    assert doc["name"] == RAW_NOTE


async def test_links_and_text_are_checked_before_any_request(client: Any) -> None:
    with replay("errors_documents") as cassette:
        with pytest.raises(ValueError, match="link"):
            await resolve(client.documents.upload_link("ftp://example.com/a.txt"))
        with pytest.raises(TypeError, match="scraper_headers"):
            await resolve(client.documents.upload_link("https://example.com", scraper_headers={"X": 1}))
        with pytest.raises(ValueError, match="text"):
            await resolve(client.documents.raw_text("  ", "title"))
        with pytest.raises(ValueError, match="title"):
            await resolve(client.documents.raw_text("text", ""))
        with pytest.raises(ValueError, match="title"):
            await resolve(client.documents.raw_text("text", "a", metadata={"title": "b"}))
        with pytest.raises(TypeError, match="add_to_workspaces"):
            await resolve(client.documents.raw_text("text", "a", add_to_workspaces="test-ws"))
        assert cassette.play_count == 0


async def test_moves_are_checked_before_any_request(client: Any) -> None:
    with replay("errors_documents") as cassette:
        with pytest.raises(ValueError, match="from_path"):
            await resolve(client.documents.move("nope.json", "custom-documents/nope.json"))
        with pytest.raises(ValueError, match="to_path"):
            await resolve(client.documents.move("custom-documents/nope.json", "a/b/c.json"))
        with pytest.raises(ValueError, match="moves"):
            await resolve(client.documents.move_files([]))
        with pytest.raises(TypeError, match="moves"):
            await resolve(client.documents.move_files("custom-documents/a.json"))
        with pytest.raises(TypeError, match=r"moves\[0\]"):
            await resolve(client.documents.move_files([("a/b.json",)]))
        assert cassette.play_count == 0


# --- metadata schema, generated files -----------------------------------------------------------------------------


async def test_metadata_schema(client: Any) -> None:
    with replay("documents_upload_and_embed"):
        schema = await resolve(client.documents.metadata_schema())
    assert schema["title"] == "string"
    assert set(schema) == {"url", "title", "docAuthor", "description", "docSource", "chunkSource", "published"}


async def test_download_generated_file(client: Any) -> None:
    with replay("documents_upload_and_embed") as cassette:
        content = await resolve(
            client.documents.download_generated_file("txt-00000000-0000-4000-8000-00000000abcd.txt")
        )
        assert content == b"Agent generated file fixture.\n"
        with pytest.raises(NotFoundError, match="File not found"):
            await resolve(client.documents.download_generated_file("txt-00000000-0000-4000-8000-000000000000.txt"))
        with pytest.raises(BadRequestError, match="Invalid filename format"):
            await resolve(client.documents.download_generated_file("not-a-valid-name.txt"))
        with pytest.raises(ValueError, match="filename"):
            await resolve(client.documents.download_generated_file("../secret.txt"))
        assert cassette.play_count == 3
