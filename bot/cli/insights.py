"""``storybot insights``: what readers asked, what went unanswered, which answers helped."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.errors import StorybotError

if TYPE_CHECKING:
    from bot.core.insights import InsightsReport
    from bot.settings import Settings

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``storybot insights``."""
    parser = subparsers.add_parser(
        "insights",
        help="show what readers asked and what the story did not answer",
        description=(
            "Show questions per day, the share answered, the most-asked unanswered questions "
            "(grouped by similarity), the passages cited most and the answers voted not helpful."
        ),
    )
    parser.add_argument(
        "--days", type=_days, default=7, metavar="N", help="look at the last N days (default 7)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--plot", type=Path, metavar="FILE", help="also write a PNG chart of questions per day"
    )
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="FILE",
        help="also write the window's unanswered questions as CSV (for a follow-up article)",
    )
    parser.set_defaults(handler=run_insights)


def _days(raw: str) -> int:
    from bot.core.insights import MAX_DAYS

    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of days, got {raw!r}") from None
    if not 1 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_DAYS}, got {value}")
    return value


def run_insights(args: argparse.Namespace, settings: Settings) -> int:
    """Print the report; optionally write the chart and the CSV."""
    from bot.core.insights import InsightsStore, render_questions_per_day

    # Unanswered questions are grouped by the engine's BM25 terms (the store's default).
    with InsightsStore.from_settings(settings) as store:
        report = store.report(args.days)
        csv_text = store.export_csv(args.days) if args.csv else None

    if args.plot:
        _write(args.plot, lambda path: render_questions_per_day(report, path))
    if csv_text is not None:
        _write(args.csv, lambda path: path.write_text(csv_text, encoding="utf-8-sig", newline=""))

    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(format_report(report))
    return 0


def _write(path: Path, writer: Callable[[Path], object]) -> None:
    try:
        writer(path)
    except OSError as error:
        raise StorybotError(f"{path}: cannot write ({error.strerror or error})") from error
    print(f"wrote {path}", file=sys.stderr)


def _clean(text: str, limit: int = 120) -> str:
    """One printable line: control characters (terminal escapes, newlines) become spaces."""
    printable = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    line = " ".join(printable.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def format_report(report: InsightsReport) -> str:
    """The report as plain text for a terminal."""
    lines = [
        f"Reader insights: last {report.days} days (since {report.since:%Y-%m-%d} UTC)",
        f"Questions: {report.asked}, answered {report.answered} ({report.share_answered:.0%})"
        f"   Votes: {report.helpful_votes} helpful, {report.not_helpful_votes} not helpful",
        "",
        "Questions per day (days without questions left out)",
    ]
    busy_days = [d for d in report.per_day if d.asked]
    peak = max((d.asked for d in busy_days), default=1)
    lines += [
        f"  {d.day:%Y-%m-%d}  {d.asked:>5}  {d.answered:>5} answered  "
        + "#" * max(1, round(30 * d.asked / peak))
        for d in busy_days
    ] or ["  (no questions)"]

    lines += ["", "Most-asked unanswered questions"]
    for rank, group in enumerate(report.unanswered_groups, 1):
        lines.append(f"  {rank:>2}. x{group.count:<4} {_clean(group.representative)}")
        lines += [f"            also: {_clean(p)}" for p in group.phrasings[1:3]]
    if not report.unanswered_groups:
        lines.append("  (none)")

    lines += ["", "Passages cited most"]
    lines += [
        f"  {rank:>2}. x{p.count:<4} {_clean(p.article, 60)} paragraph {p.paragraph}"
        for rank, p in enumerate(report.top_passages, 1)
    ] or ["  (none)"]

    lines += ["", "Answers voted not helpful"]
    for flagged in report.not_helpful:
        where = (
            f"{_clean(flagged.article, 60)} paragraph {flagged.paragraph}"
            if flagged.article
            else "no citation"
        )
        lines.append(
            f"  #{flagged.answer_id}: {flagged.not_helpful_votes} not helpful, "
            f"{flagged.helpful_votes} helpful ({where})"
        )
        lines.append(f"      {_clean(flagged.question)}")
    if not report.not_helpful:
        lines.append("  (none)")
    return "\n".join(lines)
