"""The files of an insights report: what ``/insights`` attaches, built without Discord."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.insights.chart import questions_per_day_png
from bot.core.insights.model import InsightsReport
from bot.core.insights.store import InsightsStore


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """A report with its chart (PNG) and, if asked for, the unanswered questions as CSV."""

    report: InsightsReport
    chart_png: bytes
    csv: bytes | None


def build_report_files(store: InsightsStore, days: int, *, with_csv: bool) -> ReportFiles:
    """The report of the last ``days`` days, its chart, and (``with_csv``) the unanswered
    questions as UTF-8 CSV with a byte-order mark, so spreadsheets read accents right.

    Blocking (SQLite and matplotlib): call it from a worker thread in async code.
    """
    report = store.report(days)
    csv_bytes = store.export_csv(days).encode("utf-8-sig") if with_csv else None
    return ReportFiles(report, questions_per_day_png(report), csv_bytes)
