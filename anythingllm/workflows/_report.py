"""Reports as JSON-ready data: every dataclass field, errors summarized, times as ISO 8601."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime
from typing import Any


def error_summary(error: BaseException) -> dict[str, Any]:
    """An error as JSON-ready data: its type, message and, for API errors, the HTTP status."""
    summary: dict[str, Any] = {"type": type(error).__name__, "message": str(error)}
    status = getattr(error, "status_code", None)
    if isinstance(status, int):
        summary["status_code"] = status
    return summary


def jsonable(value: Any) -> Any:
    """``value`` with errors, reports (their ``to_dict()``), times and containers made JSON-ready."""
    if isinstance(value, BaseException):
        return error_summary(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        to_dict = getattr(value, "to_dict", None)
        return to_dict() if callable(to_dict) else fields_of(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def fields_of(report: Any, *, skip: tuple[str, ...] = (), **more: Any) -> dict[str, Any]:
    """A dataclass report's fields (less ``skip``), JSON-ready, then ``more`` (computed values)."""
    data = {f.name: jsonable(getattr(report, f.name)) for f in dataclasses.fields(report) if f.name not in skip}
    return {**data, **{k: jsonable(v) for k, v in more.items()}}


class Entry:
    """Base of one item of a report (a dataclass): ``to_dict()`` gives its fields JSON-ready."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: every field, the error (if any) summarized."""
        return fields_of(self)


class Report:
    """Base of a workflow's report (a dataclass): ``ok`` unless an item failed; ``to_dict()`` for JSON.

    ``ITEMS`` names the field that lists the items (files, workspaces, units), each with a ``status``.
    """

    ITEMS = "items"

    @property
    def ok(self) -> bool:
        """Whether no item failed."""
        return all(item.status != "failed" for item in getattr(self, self.ITEMS))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: every field (errors summarized, times in ISO 8601) and ``ok``."""
        return fields_of(self, ok=self.ok)
