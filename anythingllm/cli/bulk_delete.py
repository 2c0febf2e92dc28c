"""Deleting many documents: find each one in one listing, remove them in batches, report every one.

Each document ends as deleted, not found or failed (or, after Ctrl-C, interrupted: its batch was in
flight, or not sent). A failed batch never stops the next one; the server confirms each batch, which
is only sent for documents the listing holds (it answers success for names it does not have).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .._client import AnythingLLMClient
from .errors import Failure

BATCH_SIZE = 25
"""Documents per ``DELETE /v1/system/remove-documents``: few requests, and progress every few seconds."""

Outcome = Literal["deleted", "not found", "failed", "interrupted", "not sent"]


@dataclass(frozen=True)
class Removal:
    """What happened to one document named on the command line."""

    document: str
    outcome: Outcome
    location: str | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The document's entry in ``--json`` output."""
        entry: dict[str, Any] = {"document": self.document, "result": self.outcome}
        if self.location:
            entry["location"] = self.location
        if self.reason:
            entry["error"] = self.reason
        return entry


def locate(documents: Sequence[str], stored: Iterable[Mapping[str, Any]]) -> list[Removal | str]:
    """Each named document's location (``folder/file.json``), or its :class:`Removal` when it cannot be deleted.

    A name is a location, or a file name that exactly one folder holds.
    """
    locations: set[str] = set()
    by_name: dict[str, list[str]] = {}
    for doc in stored:
        path = doc.get("path")
        if isinstance(path, str) and "/" in path:
            locations.add(path)
            by_name.setdefault(path.rpartition("/")[2], []).append(path)
    found: list[Removal | str] = []
    for document in documents:
        if document in locations:
            found.append(document)
        elif "/" in document or document not in by_name:
            found.append(Removal(document, "not found", reason="no document is stored there"))
        elif len(by_name[document]) > 1:
            folders = ", ".join(p.partition("/")[0] for p in by_name[document])
            found.append(
                Removal(document, "failed", reason=f"several folders hold it ({folders}): name it folder/file")
            )
        else:
            found.append(by_name[document][0])
    return found


def remove(
    client: AnythingLLMClient,
    documents: Sequence[str],
    *,
    explain: Callable[[BaseException], Failure],
    advance: Callable[[int], None] = lambda done: None,
    batch_size: int = BATCH_SIZE,
) -> tuple[list[Removal], bool]:
    """Delete ``documents`` (locations or file names) in batches; ``advance(n)`` after each batch of n.

    Returns one :class:`Removal` per document, in order, and whether Ctrl-C stopped the run.
    """
    planned = locate(documents, client.documents.list())
    wanted = list(dict.fromkeys(p for p in planned if isinstance(p, str)))
    outcome: dict[str, Removal] = {}
    interrupted = False
    for start in range(0, len(wanted), batch_size):
        batch = wanted[start : start + batch_size]
        try:
            client.system.remove_documents(batch)
        except KeyboardInterrupt:
            reason = "interrupted while the server was deleting it: `anythingllm documents list` tells"
            outcome.update({loc: Removal(loc, "interrupted", loc, reason) for loc in batch})
            interrupted = True
            break
        except Exception as exc:  # every failure is reported per document; the next batch still runs
            reason = explain(exc).message
            outcome.update({loc: Removal(loc, "failed", loc, reason) for loc in batch})
        else:
            outcome.update({loc: Removal(loc, "deleted", loc) for loc in batch})
        advance(len(batch))
    results = [
        p if isinstance(p, Removal) else _named(outcome.get(p) or Removal(p, "not sent", p), document)
        for p, document in zip(planned, documents, strict=True)
    ]
    return results, interrupted


def _named(removal: Removal, document: str) -> Removal:
    return Removal(document, removal.outcome, removal.location, removal.reason)
