"""CSV export of unanswered questions, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return could run as a
formula in Excel, LibreOffice or Google Sheets (CSV injection); such cells get a leading single
quote, which spreadsheets show as text. Quoting of commas, quotes and newlines is left to the
:mod:`csv` module.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = ("asked_at_utc", "question", "channel_id", "group", "times_asked_in_group")


def neutralise_cell(value: str) -> str:
    """Prefix ``value`` with ``'`` when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


@dataclass(frozen=True, slots=True)
class UnansweredRow:
    """One unanswered question, with the group it was put in."""

    asked_at: datetime
    question: str
    channel_id: int | None
    group: str
    group_size: int


def unanswered_csv(rows: Iterable[UnansweredRow]) -> str:
    """The rows as CSV text (header first, ``\\r\\n`` line ends, every text cell neutralised)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            (
                row.asked_at.isoformat(timespec="seconds"),
                neutralise_cell(row.question),
                "" if row.channel_id is None else str(row.channel_id),
                neutralise_cell(row.group),
                str(row.group_size),
            )
        )
    return buffer.getvalue()
