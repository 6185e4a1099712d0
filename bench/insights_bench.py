"""Time the insights store: recording questions and votes, the report and the CSV export.

Run: ``python bench/insights_bench.py [ROWS]`` (default 20,000 questions over 90 days). Prints a
table; the baseline row is a bare sqlite3 INSERT + COMMIT on the same kind of file.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core.insights import InsightsStore

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
STARTS = ["who", "what", "why", "when", "did", "how many", "where"]


def _vocabulary() -> list[str]:
    words = {
        word.lower().strip(".,;:'\"()")
        for path in sorted(CORPUS.glob("*.txt"))
        for word in path.read_text(encoding="utf-8").split()
    }
    return sorted(word for word in words if word.isalpha() and len(word) > 3)


def _question(rng: random.Random, words: list[str]) -> str:
    """A made-up question: a question word and 2-6 words of the story (some repeat often)."""
    picks = [rng.choice(words[: 40 if rng.random() < 0.5 else len(words)]) for _ in range(6)]
    return f"{rng.choice(STARTS)} {' '.join(picks[: rng.randint(2, 6)])}?"


def main(rows: int = 20_000) -> None:
    rng = random.Random(5)
    words = _vocabulary()
    now = datetime(2025, 6, 1, tzinfo=UTC)
    clock_now = [now - timedelta(days=89)]
    step = timedelta(days=89) / rows
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "storybot.sqlite3"
        store = InsightsStore(path, salt=b"bench-salt-0123456789", clock=lambda: clock_now[0])
        started = time.perf_counter()
        ids = []
        for _i in range(rows):
            answered = rng.random() < 0.7
            ids.append(
                store.record_question(
                    _question(rng, words),
                    answered=answered,
                    user_id=10**17 + rng.randrange(5000),
                    channel_id=1,
                    article="story" if answered else None,
                    paragraph=rng.randrange(40) if answered else None,
                    score=rng.random() * 10,
                )
            )
            clock_now[0] += step
        record = (time.perf_counter() - started) / rows
        started = time.perf_counter()
        for answer_id in ids[: rows // 4]:
            store.record_vote(
                answer_id, user_id=10**17 + rng.randrange(5000), helpful=rng.random() < 0.6
            )
        vote = (time.perf_counter() - started) / (rows // 4)
        started = time.perf_counter()
        store.report(7)
        report7 = time.perf_counter() - started
        started = time.perf_counter()
        store.report(90)
        report90 = time.perf_counter() - started
        started = time.perf_counter()
        store.export_csv(90)
        export = time.perf_counter() - started
        store.close()

        baseline_conn = sqlite3.connect(Path(folder) / "baseline.sqlite3", isolation_level=None)
        baseline_conn.execute("PRAGMA journal_mode = WAL")
        baseline_conn.execute("PRAGMA synchronous = NORMAL")
        baseline_conn.execute("CREATE TABLE t (a REAL, b TEXT)")
        started = time.perf_counter()
        for _ in range(rows):
            baseline_conn.execute("BEGIN IMMEDIATE")
            baseline_conn.execute("INSERT INTO t VALUES (?, ?)", (1.0, "x"))
            baseline_conn.execute("COMMIT")
        baseline = (time.perf_counter() - started) / rows
        baseline_conn.close()

    print(f"{rows:,} questions over 90 days, words from a {len(words)}-word vocabulary")
    print(f"{'operation':<28}{'time':>12}{'vs baseline':>14}")
    print(f"{'bare INSERT+COMMIT':<28}{baseline * 1e6:>10.0f}us{1.0:>13.1f}x")
    print(f"{'record_question':<28}{record * 1e6:>10.0f}us{record / baseline:>13.1f}x")
    print(f"{'record_vote':<28}{vote * 1e6:>10.0f}us{vote / baseline:>13.1f}x")
    print(f"{'report(7)':<28}{report7 * 1e3:>10.1f}ms")
    print(f"{'report(90)':<28}{report90 * 1e3:>10.1f}ms")
    print(f"{'export_csv(90)':<28}{export * 1e3:>10.1f}ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
