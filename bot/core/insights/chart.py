"""A small PNG bar chart of questions per day (answered / not answered), drawn with matplotlib.

matplotlib is imported lazily (it takes a moment) and used through its object API with the Agg
canvas, never ``pyplot``: no global state, no GUI backend, safe from a worker thread.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from bot.core.insights.model import InsightsReport

WIDTH_INCHES = 7.0
HEIGHT_INCHES = 3.2
DPI = 100


def questions_per_day_png(report: InsightsReport) -> bytes:
    """The chart as PNG bytes (what the Discord layer attaches)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import (
        AutoDateLocator,
        ConciseDateFormatter,
        DateFormatter,
        DayLocator,
        date2num,
    )
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    days = [float(date2num(d.day)) for d in report.per_day]
    answered = [d.answered for d in report.per_day]
    unanswered = [d.asked - d.answered for d in report.per_day]

    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.bar(days, answered, width=0.8, color="#2b7bba", label="answered")
    axes.bar(days, unanswered, width=0.8, bottom=answered, color="#e4572e", label="not answered")
    span = "today" if report.days == 1 else f"last {report.days} days"
    axes.set_title(f"Questions per day, {span} (UTC)", loc="left")
    axes.set_ylabel("questions")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(bottom=0, top=max([d.asked for d in report.per_day] + [1]) * 1.1)
    axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_xlim(days[0] - 0.6, days[-1] + 0.6)
    if report.days <= 10:
        axes.xaxis.set_major_locator(DayLocator())
        axes.xaxis.set_major_formatter(DateFormatter("%b %d"))
    else:
        locator = AutoDateLocator(maxticks=10)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def render_questions_per_day(report: InsightsReport, path: Path) -> Path:
    """Write the chart to ``path`` as a PNG (atomically: temp file, then rename); return it."""
    data = questions_per_day_png(report)
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=".chart-", suffix=".png", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp_name, 0o644)  # mkstemp makes it 0600; a chart is not a secret
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path
