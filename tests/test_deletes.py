"""Deletes and moves say "done" only when the server confirmed it (sync and async, recorded on v1.16.0).

The server answers success alike for present and absent threads, documents, folders and API keys, and a
bare 500 for a move to a missing folder: the client reads the listing first (one call) and raises
NotFoundError instead. Each test creates what it deletes, so it can be recorded again on a fresh server.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from anythingllm.errors import NotFoundError
from tests.conftest import body, calls, replay, resolve

pytestmark = pytest.mark.anyio

LIST_DOCUMENTS = ("GET", "/api/v1/documents")
REMOVE_DOCUMENTS = ("DELETE", "/api/v1/system/remove-documents")


async def test_delete_thread_checks_that_the_thread_exists(client: Any, sent: list[httpx.Request]) -> None:
    with replay("truth_delete_thread"):
        slug = (await resolve(client.workspaces.create("Truth Thread WS")))["slug"]
        await resolve(client.workspace_thread.create_thread(slug, "Doomed thread", slug="truth-doomed"))
        sent.clear()
        deleted = await resolve(client.workspace_thread.delete_thread(slug, "truth-doomed"))
        assert deleted == {"success": True, "message": f"thread 'truth-doomed' of workspace '{slug}' deleted"}
        thread_path = f"/api/v1/workspace/{slug}/thread/truth-doomed"
        assert calls(sent) == [("GET", "/api/v1/workspaces"), ("DELETE", thread_path)]
        sent.clear()
        # Deleted now: the server would answer OK again; both modules say it is not there.
        for delete in (client.workspace_thread.delete_thread, client.chat.delete_thread):
            with pytest.raises(NotFoundError, match="thread 'truth-doomed' does not exist"):
                await resolve(delete(slug, "truth-doomed"))
        with pytest.raises(NotFoundError, match="workspace 'no-such-ws' does not exist"):
            await resolve(client.workspace_thread.delete_thread("no-such-ws", "truth-doomed"))
        assert calls(sent) == [("GET", "/api/v1/workspaces")] * 3
        await resolve(client.workspaces.delete(slug))


async def test_document_deletes_check_the_listing_first(client: Any, sent: list[httpx.Request]) -> None:
    documents, system = client.documents, client.system
    with replay("truth_delete_documents"):
        kept = await resolve(documents.raw_text("Truth keeper: otters hold hands.", "truth keeper"))
        doomed = await resolve(documents.raw_text("Truth doomed: moles smell in stereo.", "truth doomed"))
        sent.clear()
        with pytest.raises(NotFoundError, match=r"no document is stored at custom-documents/no-such\.json"):
            await resolve(documents.delete("custom-documents/no-such.json"))
        assert calls(sent) == [LIST_DOCUMENTS]  # nothing was sent to delete
        sent.clear()

        deleted = await resolve(documents.delete(doomed["name"]))  # a file name: the listing finds its folder
        assert deleted == {"success": True, "message": "Documents removed successfully"}
        assert calls(sent) == [LIST_DOCUMENTS, REMOVE_DOCUMENTS]
        assert body(sent[1]) == {"names": [doomed["path"]]}
        with pytest.raises(NotFoundError, match=re.escape(f"no document is stored at {doomed['path']}")):
            await resolve(documents.delete(doomed["path"]))  # gone: the server would report success again
        sent.clear()

        with pytest.raises(NotFoundError, match="1 of 2 document") as info:
            await resolve(system.remove_documents([kept["path"], "custom-documents/nope.json"]))
        assert info.value.details == {"missing": ["custom-documents/nope.json"]}
        assert "nothing was removed" in info.value.message
        assert calls(sent) == [LIST_DOCUMENTS]
        assert kept["path"] in [d["path"] for d in await resolve(documents.list())]  # it is still there

        removed = await resolve(system.remove_documents([kept["path"]]))
        assert removed == {"success": True, "message": "Documents removed successfully"}
        assert kept["path"] not in [d["path"] for d in await resolve(documents.list())]


async def test_folder_delete_and_moves_check_the_listing_first(client: Any, sent: list[httpx.Request]) -> None:
    documents = client.documents
    with replay("truth_folders_and_moves"):
        await resolve(documents.create_folder("truth-folder"))
        note = await resolve(documents.raw_text("Truth move: snails have thousands of teeth.", "truth move"))
        sent.clear()
        with pytest.raises(NotFoundError, match="no folder named 'no-such-folder' exists"):
            await resolve(documents.move(note["path"], f"no-such-folder/{note['name']}"))
        with pytest.raises(NotFoundError, match=r"no document is stored at custom-documents/no-such\.json"):
            await resolve(documents.move("custom-documents/no-such.json", "truth-folder/no-such.json"))
        assert calls(sent) == [LIST_DOCUMENTS] * 2  # the server, which answers a bare 500, was not asked
        sent.clear()

        moved = await resolve(documents.move(note["path"], f"truth-folder/{note['name']}"))
        assert moved == {"success": True, "message": None}
        assert calls(sent) == [LIST_DOCUMENTS, ("POST", "/api/v1/document/move-files")]
        folders = {f["name"]: f for f in await resolve(documents.get_folders())}
        assert [d["name"] for d in folders["truth-folder"]["items"]] == [note["name"]]
        sent.clear()

        removed = await resolve(documents.delete_folder("truth-folder"))
        assert removed == {"success": True, "message": "Folder removed successfully"}
        with pytest.raises(NotFoundError, match="no folder named 'truth-folder' exists"):
            await resolve(documents.delete_folder("truth-folder"))  # gone: the server would report success again
        assert calls(sent) == [LIST_DOCUMENTS, ("DELETE", "/api/v1/document/remove-folder"), LIST_DOCUMENTS]


async def test_remove_document_from_a_workspace_checks_that_it_is_embedded(
    client: Any, sent: list[httpx.Request]
) -> None:
    with replay("truth_workspace_remove_document"):
        slug = (await resolve(client.workspaces.create("Truth Embed WS")))["slug"]
        doc = await resolve(
            client.documents.raw_text("Truth embed: wombats make cube droppings.", "truth embed", [slug])
        )
        sent.clear()
        workspace = await resolve(client.workspaces.remove_document(slug, doc["name"]))  # by file name
        assert workspace["documents"] == []
        assert calls(sent) == [
            ("GET", f"/api/v1/workspace/{slug}"),
            ("POST", f"/api/v1/workspace/{slug}/update-embeddings"),
        ]
        assert body(sent[1]) == {"adds": [], "deletes": [doc["path"]]}
        sent.clear()
        with pytest.raises(
            NotFoundError, match=re.escape(f"workspace '{slug}' has no document '{doc['path']}' embedded")
        ):
            await resolve(client.workspaces.remove_document(slug, doc["path"]))  # not embedded any more
        assert calls(sent) == [("GET", f"/api/v1/workspace/{slug}")]
        await resolve(client.documents.delete(doc["path"]))
        await resolve(client.workspaces.delete(slug))


async def test_delete_api_key_checks_the_key_list_first(client: Any, sent: list[httpx.Request]) -> None:
    users = client.users
    with replay("truth_delete_api_key"):
        created = await resolve(users.create_api_key("truth-doomed-key"))
        sent.clear()
        deleted = await resolve(users.delete_api_key(created["id"]))
        assert deleted == {"success": True, "message": f"API key {created['id']} deleted"}
        assert calls(sent) == [("GET", "/api/system/api-keys"), ("DELETE", f"/api/system/api-key/{created['id']}")]
        sent.clear()
        with pytest.raises(NotFoundError, match=f"no API key has the id {created['id']}"):
            await resolve(users.delete_api_key(created["id"]))  # gone: the server would answer success again
        assert calls(sent) == [("GET", "/api/system/api-keys")]
