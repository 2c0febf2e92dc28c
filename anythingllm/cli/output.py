"""Everything the command line prints: JSON for ``--json``, rich tables and lines for people.

Results go to stdout; progress, notes and errors go to stderr (except in ``--json`` mode, where an error is
also a JSON document on stdout, so stdout always holds exactly one JSON value).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # rich is imported when something is printed for a person, never for --json
    from rich.console import Console

from .._failure import one_line as one_line  # re-exported: the CLI's tables and lines use it

Getter = Callable[[Mapping[str, Any]], Any]
Justify = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Column:
    """One table column: its header and how to read the cell from a row (a key or a function)."""

    header: str
    value: str | Getter
    justify: Justify = "left"
    max_width: int | None = None

    def cell(self, row: Mapping[str, Any]) -> str:
        """The cell text for ``row``."""
        raw = self.value(row) if callable(self.value) else row.get(self.value)
        return plain(raw)


def plain(value: Any) -> str:
    """A value as short human text: ``-`` for nothing, yes/no for booleans, compact JSON for structures."""
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value) or "-"
    if isinstance(value, (Mapping, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def human_size(size: float) -> str:
    """A byte count as text: ``512 B``, ``1.5 kB``, ``3.2 MB``."""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"  # pragma: no cover - the loop always returns


class Output:
    """Where and how one command invocation prints (a fresh one per invocation)."""

    def __init__(self, json_mode: bool) -> None:
        self.json_mode = json_mode

    @cached_property
    def console(self) -> Console:
        """The rich console on stdout (made on first use)."""
        from rich.console import Console

        return Console(highlight=False)

    @cached_property
    def err(self) -> Console:
        """The rich console on stderr (made on first use)."""
        from rich.console import Console

        return Console(stderr=True, highlight=False)

    # -- machine output ---------------------------------------------------------------------------------------

    def json(self, value: Any) -> None:
        """Print ``value`` as one JSON document on stdout."""
        sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()

    def result(self, value: Any, render: Callable[[], None]) -> None:
        """Print ``value`` as JSON in ``--json`` mode, else call ``render`` to show it to a person."""
        if self.json_mode:
            self.json(value)
        else:
            render()

    # -- human output -----------------------------------------------------------------------------------------

    def line(self, text: str = "", style: str | None = None) -> None:
        """One line of plain text on stdout (no markup interpretation, never wrapped mid-line)."""
        from rich.text import Text

        self.console.print(Text(text, style=style or ""), soft_wrap=True)

    def done(self, text: str) -> None:
        """A success line on stdout (a person's confirmation; nothing in ``--json`` mode)."""
        if not self.json_mode:
            from rich.text import Text

            self.console.print(Text.assemble(("✓ ", "bold green"), text), soft_wrap=True)

    def note(self, text: str, style: str = "dim") -> None:
        """A side remark on stderr (never in ``--json`` mode)."""
        if not self.json_mode:
            from rich.text import Text

            self.err.print(Text(text, style=style), soft_wrap=True)

    def write(self, text: str) -> None:
        """Write streamed text to stdout as it arrives (flushed at once, no formatting)."""
        sys.stdout.write(text)
        sys.stdout.flush()

    def table(
        self,
        rows: Iterable[Mapping[str, Any]],
        columns: Sequence[Column],
        *,
        title: str | None = None,
        empty: str = "Nothing to show.",
    ) -> None:
        """Rows as a table on stdout, or ``empty`` when there are none."""
        from rich.table import Table
        from rich.text import Text

        items = list(rows)
        if not items:
            self.line(empty, style="dim")
            return
        table = Table(title=title, title_justify="left", header_style="bold")
        for column in columns:
            table.add_column(column.header, justify=column.justify, max_width=column.max_width, overflow="fold")
        for row in items:
            table.add_row(*(Text(column.cell(row)) for column in columns))
        self.console.print(table)

    def record(self, mapping: Mapping[str, Any], fields: Sequence[tuple[str, str | Getter]]) -> None:
        """One object as aligned ``label  value`` lines on stdout."""
        from rich.table import Table
        from rich.text import Text

        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        for label, key in fields:
            value = key(mapping) if callable(key) else mapping.get(key)
            table.add_row(label, Text(plain(value)))
        self.console.print(table)
