"""Tests for the offline story commands: ask (text, --json, stdin), quote, chat, corpus."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = str(ROOT / "corpus")
ANSWER_KEYS = {"question", "answered", "answer", "citation", "passages", "quotes", "reason"}


@pytest.fixture(autouse=True)
def _no_corpus_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYBOT_CORPUS_DIR", raising=False)


def test_ask_prints_answer_with_citation(capsys: pytest.CaptureFixture[str]) -> None:
    """`storybot ask` prints the answer sentence and its citation."""
    assert main(["ask", "How many people were killed in Kyiv?", "--corpus", CORPUS]) == 0
    out = capsys.readouterr().out
    assert "at least 12 people" in " ".join(out.split())
    assert "paragraph 4" in out


def test_ask_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """`storybot ask --json` prints one object with the documented keys."""
    assert main(["ask", "--json", "--corpus", CORPUS, "Who", "is", "Jonas", "Gahr", "Støre?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == ANSWER_KEYS
    assert data["question"] == "Who is Jonas Gahr Støre?"
    assert data["answered"] is True
    assert "Norwegian Prime Minister" in data["answer"]
    assert data["citation"] == {
        "article": "trump-russia-big-concession",
        "title": "Trump Calls Russia’s Pause on Ukraine a ‘Big Concession,’ Talks Peace Efforts",
        "paragraph": 1,
        "url": None,
    }
    passage = data["passages"][0]
    assert set(passage) == {"article", "title", "paragraph", "text", "score"}
    assert all(
        set(q) == {"speaker", "text", "article", "paragraph", "fragment"} for q in data["quotes"]
    )


def test_ask_json_declines_off_topic(capsys: pytest.CaptureFixture[str]) -> None:
    """An off-topic question gives answered=false, a null answer and a reason."""
    assert main(["ask", "--json", "--corpus", CORPUS, "Who won the Super Bowl?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["answered"], data["answer"], data["citation"]) == (False, None, None)
    assert data["reason"].startswith("The story does not say")


def test_ask_stdin_one_object_per_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`storybot ask --json -` answers each line; bad lines give an error object."""
    lines = ["How many soldiers die a week?", "", "x" * 10_000, "What is the capital of France?"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["ask", "--json", "--corpus", CORPUS, "-"]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(objects) == 4
    assert objects[0]["answered"] is True
    assert "5000" in objects[0]["answer"]
    assert "empty" in objects[1]["error"]
    assert "10,000 characters" in objects[2]["error"]
    assert objects[3]["answered"] is False


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ask", "   "], "empty"),
        (["ask", "tango", "--corpus", "/nonexistent/corpus"], "no such folder"),
        (["corpus", "check", "--corpus", "/nonexistent/corpus"], "no such folder"),
    ],
    ids=["empty-question", "missing-corpus", "check-missing"],
)
def test_user_errors_exit_2_with_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """User errors print 'storybot: <message>' and exit with status 2."""
    if "--corpus" not in argv:
        argv = [*argv, "--corpus", CORPUS]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_corpus_check_lists_articles(capsys: pytest.CaptureFixture[str]) -> None:
    """`storybot corpus check` lists each valid article."""
    assert main(["corpus", "check", "--corpus", CORPUS]) == 0
    out = capsys.readouterr().out
    assert "trump-russia-big-concession: 8 paragraphs" in out
    assert "all valid" in out


def test_corpus_stats(capsys: pytest.CaptureFixture[str]) -> None:
    """`storybot corpus stats` prints the counts and build time."""
    assert main(["corpus", "stats", "--corpus", CORPUS]) == 0
    out = capsys.readouterr().out
    for label in ("articles", "paragraphs", "sentences", "quotes", "vocabulary", "build"):
        assert label in out
    assert "paragraphs   8" in out


def test_chat_answers_until_eof(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`storybot chat` answers each line, reports bad ones and stops at EOF."""
    monkeypatch.setattr("sys.stdin", io.StringIO("tango\n" + "y" * 2000 + "\n"))
    assert main(["chat", "--corpus", CORPUS]) == 0
    out = capsys.readouterr().out
    assert "two to tango" in out
    assert "error:" in out


def test_chat_quits_on_quit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`quit` leaves the prompt before later lines are read."""
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\ntango\n"))
    assert main(["chat", "--corpus", CORPUS]) == 0
    assert "tango" not in capsys.readouterr().out


def test_quote_json_is_a_list(capsys: pytest.CaptureFixture[str]) -> None:
    """`storybot quote --json` prints a JSON list of quote objects."""
    assert main(["quote", "--json", "--corpus", CORPUS, "--speaker", "Trump"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    assert all(set(q) == {"speaker", "text", "article", "paragraph", "fragment"} for q in data)
