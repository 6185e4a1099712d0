"""``storybot insights``: text and JSON reports, the PNG chart and the CSV export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.insights import format_report
from bot.core.insights import DB_FILENAME, InsightsStore

READER = 80351110224678912


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with a few recorded questions, wired in through the environment."""
    monkeypatch.chdir(tmp_path)  # no stray .env
    data = tmp_path / "data"
    monkeypatch.setenv("STORYBOT_DATA_DIR", str(data))
    monkeypatch.delenv("STORYBOT_INSIGHTS_SALT", raising=False)
    with InsightsStore(data / DB_FILENAME, salt=b"cli-test-salt-0123456789") as store:
        answered = store.record_question(
            "Who met in Helsinki?",
            answered=True,
            user_id=READER,
            channel_id=7,
            article="trump-russia-big-concession",
            paragraph=3,
            score=4.2,
        )
        store.record_vote(answered, user_id=READER, helpful=False)
        for text in ("=1+1 who paid?", "Who paid for the trip?", "who paid for the trip"):
            store.record_question(text, answered=False, user_id=READER, channel_id=7)
    return data


def test_json_output_shape(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one JSON object with the documented keys and one entry per day."""
    assert main(["insights", "--days", "5", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {
        "days", "since", "generated_at", "asked", "answered", "share_answered", "votes",
        "per_day", "unanswered_groups", "top_passages", "not_helpful",
    }  # fmt: skip
    assert (report["days"], report["asked"], report["answered"]) == (5, 4, 1)
    assert report["share_answered"] == 0.25
    assert report["votes"] == {"helpful": 0, "not_helpful": 1}
    assert len(report["per_day"]) == 5
    assert set(report["per_day"][-1]) == {"day", "asked", "answered"}
    assert report["unanswered_groups"][0]["count"] == 2
    assert report["top_passages"] == [
        {"article": "trump-russia-big-concession", "paragraph": 3, "count": 1}
    ]
    assert report["not_helpful"][0]["question"] == "Who met in Helsinki?"
    assert str(READER) not in json.dumps(report)


def test_text_output(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text report shows the share answered, the grouped question and the flagged answer."""
    assert main(["insights"]) == 0
    out = capsys.readouterr().out
    assert "Questions: 4, answered 1 (25%)" in out
    assert "x2    Who paid for the trip?" in out
    assert "trump-russia-big-concession paragraph 3" in out


def test_plot_and_csv_files(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--plot writes a PNG and --csv a UTF-8 CSV with formula cells neutralised."""
    chart, export = tmp_path / "chart.png", tmp_path / "unanswered.csv"
    assert main(["insights", "--json", "--plot", str(chart), "--csv", str(export)]) == 0
    json.loads(capsys.readouterr().out)  # stdout stays pure JSON
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = list(csv.reader(io.StringIO(export.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][1] == "question"
    assert sorted(row[1] for row in rows[1:]) == [
        "'=1+1 who paid?",
        "Who paid for the trip?",
        "who paid for the trip",
    ]


@pytest.mark.parametrize(
    "days", ["0", "-3", "abc", "99999"], ids=["zero", "negative", "text", "huge"]
)
def test_bad_days_is_a_usage_error(
    data_dir: Path, days: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--days must be a whole number of days in range."""
    with pytest.raises(SystemExit) as exit_info:
        main(["insights", "--days", days])
    assert exit_info.value.code == 2
    assert "--days" in capsys.readouterr().err


def test_corrupt_database_is_a_clear_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged database exits 2 with one line naming the file, and is left in place."""
    (data_dir / DB_FILENAME).write_bytes(b"garbage" * 500)
    for leftover in ("-wal", "-shm"):
        (data_dir / (DB_FILENAME + leftover)).unlink(missing_ok=True)
    assert main(["insights"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("storybot: ")
    assert DB_FILENAME in err
    assert "damaged" in err
    assert (data_dir / DB_FILENAME).read_bytes() == b"garbage" * 500


def test_unwritable_plot_path_is_a_clear_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --plot path in a missing folder fails with a message naming it."""
    target = tmp_path / "missing" / "chart.png"
    assert main(["insights", "--plot", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_format_report_strips_terminal_escapes(data_dir: Path) -> None:
    """Control characters in readers' questions never reach the terminal."""
    with InsightsStore(data_dir / DB_FILENAME, salt=b"cli-test-salt-0123456789") as store:
        store.record_question("\x1b[2Jwipe\x9b31m", answered=False, user_id=READER)
        text = format_report(store.report(1))
    assert "\x1b" not in text
    assert "\x9b" not in text
    assert "wipe" in text
