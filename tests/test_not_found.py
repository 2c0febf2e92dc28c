"""Every method that addresses an object that does not exist raises NotFoundError, on both clients.

The server answers an unknown workspace, thread, document, embed, user or invite in many ways: a 404,
a bare 400 "Bad Request", a JSON 400 or 404, an empty 500, a 200 abort event, a 200 with nothing in it.
Each case below is recorded from the real server (``tests/cassettes/notfound_<case>.yaml``); the
multi-user cases (users, invites, workspace members) from a server in multi-user mode.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from anythingllm.errors import ApiError, NotFoundError
from tests.conftest import RECORD_MODE, read_to_end, replay, resolve

pytestmark = pytest.mark.anyio

WS = "nf-missing-ws"  # no workspace has this slug
THREAD = "nf-missing-thread"  # no thread has this slug
DOC = "custom-documents/nf-missing.json"  # no document is stored there
EMBED = "00000000-0000-4000-8000-00000000dead"  # no embed has this uuid
USER = 99999  # no user has this id
HOME = "NF Home WS"  # a workspace the cases create (slug nf-home-ws) and delete again
HOME_SLUG = "nf-home-ws"

Case = Callable[[Any], Awaitable[Any]]


def _streamed(open_stream: Callable[[Any], Any]) -> Case:
    async def case(client: Any) -> None:
        await read_to_end(await resolve(open_stream(client)))

    return case


def _in_home(call: Callable[[Any], Any]) -> Case:
    """A case run inside a workspace of its own (created first, deleted after)."""

    async def case(client: Any) -> Any:
        await resolve(client.workspaces.create(HOME))
        try:
            return await call(client)
        finally:
            await resolve(client.workspaces.delete(HOME_SLUG))

    return case


def _plain(call: Callable[[Any], Any]) -> Case:
    async def case(client: Any) -> Any:
        return await resolve(call(client))

    return case


# case name (its cassette is notfound_<name>) -> (the call, a text the error must name)
SINGLE_USER: dict[str, tuple[Case, str]] = {
    # --- an unknown workspace ---------------------------------------------------------------------------------
    "workspaces_get": (_plain(lambda c: c.workspaces.get(WS)), WS),
    "workspaces_update": (_plain(lambda c: c.workspaces.update(WS, name="x")), WS),
    "workspaces_delete": (_plain(lambda c: c.workspaces.delete(WS)), WS),
    "workspaces_get_documents": (_plain(lambda c: c.workspaces.get_documents(WS)), WS),
    "workspaces_add_documents": (_plain(lambda c: c.workspaces.add_documents(WS, [DOC])), WS),
    "workspaces_remove_document": (_plain(lambda c: c.workspaces.remove_document(WS, DOC)), WS),
    "workspaces_search": (_plain(lambda c: c.workspaces.search(WS, "anything")), WS),
    "workspaces_pin_document": (_plain(lambda c: c.workspaces.pin_document(WS, DOC)), WS),
    "chat_send_message": (_plain(lambda c: c.chat.send_message(WS, "hi", mode="chat")), WS),
    "chat_stream_message": (_streamed(lambda c: c.chat.stream_message(WS, "hi", mode="chat")), WS),
    "chat_get_history": (_plain(lambda c: c.chat.get_history(WS)), WS),
    "chat_clear_history": (_plain(lambda c: c.chat.clear_history(WS)), WS),
    "chat_list_threads": (_plain(lambda c: c.chat.list_threads(WS)), WS),
    "chat_create_thread": (_plain(lambda c: c.chat.create_thread(WS, "t")), WS),
    "chat_update_thread": (_plain(lambda c: c.chat.update_thread(WS, THREAD, name="x")), WS),
    "chat_delete_thread": (_plain(lambda c: c.chat.delete_thread(WS, THREAD)), WS),
    "thread_list_threads": (_plain(lambda c: c.workspace_thread.list_threads(WS)), WS),
    "thread_update_thread_workspace": (_plain(lambda c: c.workspace_thread.update_thread(WS, THREAD, name="x")), WS),
    "thread_delete_thread_workspace": (_plain(lambda c: c.workspace_thread.delete_thread(WS, THREAD)), WS),
    "thread_get_thread": (_plain(lambda c: c.workspace_thread.get_thread(WS, THREAD)), WS),
    "thread_create_thread": (_plain(lambda c: c.workspace_thread.create_thread(WS, "t")), WS),
    "thread_get_thread_messages": (_plain(lambda c: c.workspace_thread.get_thread_messages(WS, THREAD)), WS),
    "thread_send_message": (_plain(lambda c: c.workspace_thread.send_message(WS, THREAD, "hi", mode="chat")), WS),
    "thread_stream_message": (
        _streamed(lambda c: c.workspace_thread.stream_message(WS, THREAD, "hi", mode="chat")),
        WS,
    ),
    "thread_clear_thread_messages": (_plain(lambda c: c.workspace_thread.clear_thread_messages(WS, THREAD)), WS),
    "embed_create_embed": (_plain(lambda c: c.embed.create_embed(WS)), "Workspace not found"),
    "admin_get_workspace_users_slug": (_plain(lambda c: c.admin.get_workspace_users(WS)), WS),
    "openai_chat_completion_model": (
        _plain(lambda c: c.openai.create_chat_completion(model=WS, messages=[{"role": "user", "content": "hi"}])),
        "Unknown model",
    ),
    "openai_chat_completion_model_stream": (
        _streamed(
            lambda c: c.openai.create_chat_completion(
                model=WS, messages=[{"role": "user", "content": "hi"}], stream=True
            )
        ),
        "Unknown model",
    ),
    "chat_send_message_system_prompt": (_plain(lambda c: c.chat.send_message(WS, "hi", system_prompt="x")), WS),
    # --- an unknown thread of a workspace that exists -----------------------------------------------------------
    "chat_send_message_thread": (
        _in_home(lambda c: resolve(c.chat.send_message(HOME_SLUG, "hi", THREAD, mode="chat"))),
        THREAD,
    ),
    "chat_stream_message_thread": (
        _in_home(lambda c: _read_opened(c.chat.stream_message(HOME_SLUG, "hi", THREAD, mode="chat"))),
        THREAD,
    ),
    "chat_get_history_thread": (_in_home(lambda c: resolve(c.chat.get_history(HOME_SLUG, THREAD))), "Thread"),
    "chat_clear_history_thread": (_in_home(lambda c: resolve(c.chat.clear_history(HOME_SLUG, THREAD))), THREAD),
    "thread_get_thread_known_workspace": (
        _in_home(lambda c: resolve(c.workspace_thread.get_thread(HOME_SLUG, THREAD))),
        THREAD,
    ),
    "thread_update_thread": (
        _in_home(lambda c: resolve(c.workspace_thread.update_thread(HOME_SLUG, THREAD, name="x"))),
        "Thread",
    ),
    "thread_get_thread_messages_known_workspace": (
        _in_home(lambda c: resolve(c.workspace_thread.get_thread_messages(HOME_SLUG, THREAD))),
        "Thread",
    ),
    "thread_send_message_known_workspace": (
        _in_home(lambda c: resolve(c.workspace_thread.send_message(HOME_SLUG, THREAD, "hi", mode="chat"))),
        THREAD,
    ),
    "thread_stream_message_known_workspace": (
        _in_home(lambda c: _read_opened(c.workspace_thread.stream_message(HOME_SLUG, THREAD, "hi", mode="chat"))),
        THREAD,
    ),
    # --- an unknown document ------------------------------------------------------------------------------------
    "documents_get": (_plain(lambda c: c.documents.get("nf-missing.json")), "Not Found"),
    "documents_list_folder": (_plain(lambda c: c.documents.list_folder("nf-missing-folder")), "nf-missing-folder"),
    "documents_download_generated_file": (
        _plain(lambda c: c.documents.download_generated_file("txt-00000000-0000-4000-8000-00000000dead.txt")),
        "File not found",
    ),
    "documents_move": (_plain(lambda c: c.documents.move(DOC, "custom-documents/nf-moved.json")), DOC),
    "documents_move_files": (
        _plain(lambda c: c.documents.move_files([(DOC, "custom-documents/nf-moved.json")])),
        DOC,
    ),
    "workspaces_add_documents_document": (
        _in_home(lambda c: resolve(c.workspaces.add_documents(HOME_SLUG, [DOC]))),
        DOC,
    ),
    "workspaces_remove_document_document": (
        _in_home(lambda c: resolve(c.workspaces.remove_document(HOME_SLUG, DOC))),
        DOC,
    ),
    "workspaces_pin_document_document": (_in_home(lambda c: resolve(c.workspaces.pin_document(HOME_SLUG, DOC))), DOC),
    # --- an unknown embed ---------------------------------------------------------------------------------------
    "embed_update_embed": (_plain(lambda c: c.embed.update_embed(EMBED, enabled=False)), "Embed not found"),
    "embed_delete_embed": (_plain(lambda c: c.embed.delete_embed(EMBED)), "Embed not found"),
    "embed_get_embed_chats": (_plain(lambda c: c.embed.get_embed_chats(EMBED)), EMBED),
    "embed_get_embed_session_chats": (_plain(lambda c: c.embed.get_embed_session_chats(EMBED, "nf-session")), EMBED),
    # --- an unknown prompt (session API, single-user mode) ------------------------------------------------------
    "system_update_prompt": (_plain(lambda c: c.system.update_prompt("99999", title="/nf", content="x")), "99999"),
    "system_delete_prompt": (_plain(lambda c: c.system.delete_prompt("99999")), "99999"),
}


async def _read_opened(opened: Any) -> None:
    await read_to_end(await resolve(opened))


async def _check_not_found(client: Any, cassette: str, call: Case, named: str) -> None:
    """``call`` replayed from ``cassette`` raises exactly NotFoundError, naming ``named``."""
    with replay(cassette), pytest.raises(ApiError) as caught:
        await call(client)
    error = caught.value
    assert type(error) is NotFoundError, f"{type(error).__name__}: {error}"
    assert named in str(error)


@pytest.mark.parametrize("name", list(SINGLE_USER))
async def test_an_unknown_object_is_not_found(client: Any, name: str) -> None:
    await _check_not_found(client, f"notfound_{name}", *SINGLE_USER[name])


async def test_an_unknown_session_of_a_known_embed_has_no_chats(client: Any) -> None:
    """The embed exists, so the server's ``[]`` is the answer (one check of the embed list)."""
    with replay("notfound_embed_known_embed_unknown_session") as cassette:
        await resolve(client.workspaces.create(HOME))
        embed = await resolve(client.embed.create_embed(HOME_SLUG))
        assert await resolve(client.embed.get_embed_session_chats(embed["uuid"], "nf-session")) == []
        assert await resolve(client.embed.get_embed_chats(embed["uuid"])) == []
        await resolve(client.embed.delete_embed(embed["uuid"]))
        await resolve(client.workspaces.delete(HOME_SLUG))
        assert cassette.all_played or RECORD_MODE != "none"


async def test_a_move_into_a_folder_that_does_not_exist_is_not_found(client: Any) -> None:
    with replay("notfound_documents_move_to_missing_folder") as cassette:
        stored = await resolve(client.documents.raw_text("A note that will not move.", title="nf note"))
        source = stored["location"]
        with pytest.raises(NotFoundError, match="no folder named 'nf-missing-folder' exists"):
            await resolve(client.documents.move(source, "nf-missing-folder/nf-note.json"))  # checked, not sent
        await resolve(client.system.remove_documents([source]))
        assert cassette.all_played or RECORD_MODE != "none"


# --- users, invites and workspace members (a server in multi-user mode) --------------------------------------

MULTI_USER: dict[str, tuple[Case, str]] = {
    "users_get": (_plain(lambda c: c.users.get(USER)), str(USER)),
    "users_update": (_plain(lambda c: c.users.update(USER, username="nf-renamed")), "User not found"),
    "users_update_role": (_plain(lambda c: c.users.update(USER, role="default")), str(USER)),
    "users_delete": (_plain(lambda c: c.users.delete(USER)), str(USER)),
    "admin_update_user_role": (_plain(lambda c: c.admin.update_user(USER, role="default")), str(USER)),
    "admin_delete_user": (_plain(lambda c: c.admin.delete_user(USER)), str(USER)),
    "admin_delete_invite": (_plain(lambda c: c.admin.delete_invite(USER)), "Invite not found"),
    "admin_get_workspace_users_number": (_plain(lambda c: c.admin.get_workspace_users(USER)), str(USER)),
    "admin_set_workspace_users_number": (_plain(lambda c: c.admin.set_workspace_users(USER, [1])), str(USER)),
    "admin_manage_workspace_users": (_plain(lambda c: c.admin.manage_workspace_users(WS, [1])), WS),
    "admin_manage_workspace_users_unknown_user": (
        _in_home(lambda c: resolve(c.admin.manage_workspace_users(HOME_SLUG, [1, USER]))),
        f"no user has id {USER}",
    ),
}


@pytest.mark.parametrize("name", list(MULTI_USER))
async def test_an_unknown_user_invite_or_member_is_not_found(client: Any, name: str) -> None:
    await _check_not_found(client, f"notfound_mu_{name}", *MULTI_USER[name])


async def test_an_empty_member_list_of_a_known_workspace_is_the_answer(client: Any) -> None:
    """The workspace exists, so the server's ``[]`` stands (one check of the workspace list)."""
    with replay("notfound_mu_known_workspace_no_members") as cassette:
        home = await resolve(client.workspaces.create(HOME))
        assert await resolve(client.admin.get_workspace_users(home["id"])) == []
        assert await resolve(client.admin.set_workspace_users(home["id"], [])) == []
        await resolve(client.workspaces.delete(HOME_SLUG))
        assert cassette.all_played or RECORD_MODE != "none"


async def test_setting_members_with_an_unknown_user_changes_nothing(client: Any, sent: list[Any]) -> None:
    """The server would drop every member, then fail to add any: the user ids are checked first."""
    with replay("notfound_mu_admin_set_workspace_users_unknown_user") as cassette:
        home = await resolve(client.workspaces.create(HOME))
        assert [m["id"] for m in await resolve(client.admin.set_workspace_users(home["id"], [1]))] == [1]
        with pytest.raises(NotFoundError, match=f"no user has id {USER} .*; nothing was changed"):
            await resolve(client.admin.set_workspace_users(home["id"], [1, USER]))
        assert [m["id"] for m in await resolve(client.admin.get_workspace_users(home["id"]))] == [1]
        await resolve(client.workspaces.delete(HOME_SLUG))
        assert cassette.all_played or RECORD_MODE != "none"
    update = f"/api/v1/admin/workspaces/{home['id']}/update-users"
    assert [(r.method, r.url.path) for r in sent].count(("POST", update)) == 1  # only the valid call was sent
