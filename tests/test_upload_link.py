"""documents.upload_link says when the server fetched nothing, or an error page (sync and async, v1.16.0).

Recorded against a loopback page server answering ``/ok`` (a page), ``/missing`` (404 with an HTML error
page), ``/error`` (500 with one) and ``/empty`` (200, no body). The server's collector stores the two
error pages like any page and answers success: the client reads the stored text, removes the copy and
raises LinkFetchError. An empty page or unreachable host is the server's 500 "No URL content found".
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from anythingllm import LinkFetchError
from anythingllm.errors import ServerError
from tests.conftest import body, calls, replay, resolve

pytestmark = pytest.mark.anyio

PAGES = "http://127.0.0.1:8931"  # the page server the recording used
UPLOAD_LINK = ("POST", "/api/v1/document/upload-link")
REMOVE_DOCUMENTS = ("DELETE", "/api/v1/system/remove-documents")


async def test_error_pages_are_not_kept_and_raise_link_fetch_error(client: Any, sent: list[httpx.Request]) -> None:
    documents = client.documents
    with replay("truth_upload_link_checks"):
        with pytest.raises(LinkFetchError, match=r"answered with an error page \('404 Not Found'\)") as info:
            await resolve(documents.upload_link(f"{PAGES}/missing"))
        stored = info.value.details["document"]["location"]
        assert (info.value.page_status, info.value.status_code) == (404, 200)
        assert calls(sent) == [UPLOAD_LINK, REMOVE_DOCUMENTS]
        assert body(sent[1]) == {"names": [stored]}  # the stored copy of the error page is removed again
        sent.clear()

        with pytest.raises(LinkFetchError, match="Internal Server Error") as info:
            await resolve(documents.upload_link(f"{PAGES}/error"))
        assert info.value.page_status == 500
        assert calls(sent) == [UPLOAD_LINK, REMOVE_DOCUMENTS]
        sent.clear()

        with pytest.raises(LinkFetchError, match=r"could not fetch .*/empty.*Nothing was stored") as info:
            await resolve(documents.upload_link(f"{PAGES}/empty"))
        assert (info.value.status_code, info.value.page_status) == (500, None)
        assert isinstance(info.value.__cause__, ServerError)
        assert calls(sent) == [UPLOAD_LINK]
        sent.clear()

        kept = await resolve(documents.upload_link(f"{PAGES}/missing", accept_error_page=True))
        page = await resolve(documents.upload_link(f"{PAGES}/ok"))
        assert calls(sent) == [UPLOAD_LINK] * 2
        assert page["pageContent"].endswith("Llamas hum at dawn.")
        listed = {d["path"] for d in await resolve(documents.list())}
        assert listed == {kept["path"], page["path"]}  # nothing else stayed
        await resolve(client.system.remove_documents([kept["path"], page["path"]]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("404 Not Found\n\n# Not Found\n\nThe requested URL was not found on this server.", 404),
        ("# Internal Server Error", 500),
        ("Page not found · GitHub\n\nFind code, projects and people.", 404),
        ("Error 404 - Page Not Found", 404),
        ("# 503 Service Unavailable", 503),
        ("# Forbidden\n\nYou don't have permission to access this resource.", 403),
        ("Truth fixture\n\n# Truth fixture\n\nLlamas hum at dawn.", None),
        ("How to fix 404 Not Found errors\n\nA guide.", None),
        ("Gone fishing\n\nBack on Monday.", None),
        ("404 Not Found\n\n" + "word " * 400, None),  # a long text is an article, not an error page
    ],
)
def test_what_reads_as_an_http_error_page(text: str, expected: int | None) -> None:
    from anythingllm.resources.documents import _error_page

    found = _error_page({"pageContent": text})
    assert (found[0] if found else None) == expected


async def test_accept_error_page_must_be_a_bool(client: Any) -> None:
    with replay("truth_upload_link_checks") as cassette, pytest.raises(TypeError, match="accept_error_page"):
        await resolve(client.documents.upload_link(f"{PAGES}/ok", accept_error_page="yes"))
    assert cassette.play_count == 0
