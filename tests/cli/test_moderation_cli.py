"""``storybot moderate`` and ``storybot rules`` through bot.cli.main."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main


@pytest.fixture(autouse=True)
def _no_env_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STORYBOT_RULES_FILE", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env from the checkout


def test_moderate_text_prints_action_rule_and_redaction(capsys: pytest.CaptureFixture[str]) -> None:
    """A dry run shows the action, each rule with its reason, and the redacted text."""
    assert main(["moderate", "call me on 555-867-5309"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("REMOVE: call me on 555-867-5309")
    assert "phone [remove]: phone number" in out
    assert "redacted: call me on [phone number hidden]" in out


def test_moderate_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints {text, action, rules: [{rule, reason, span}], redacted}."""
    assert main(["moderate", "you moron", "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["action"] == "remove"
    assert verdict["rules"][0]["rule"] == "abuse"
    assert verdict["rules"][0]["span"] == [4, 9]
    assert verdict["redacted"] == "you *****"


def test_moderate_stdin_reads_json_and_plain_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`moderate --json -` writes one verdict a line for JSON or plain input lines."""
    lines = [
        json.dumps({"text": "@everyone look", "author": 5, "channel": 9}),
        "a perfectly fine comment",
        "",
        json.dumps({"text": "fck the editors"}),
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["moderate", "--json", "-"]) == 0
    verdicts = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [v["action"] for v in verdicts] == ["remove", "allow", "remove"]
    assert verdicts[1]["text"] == "a perfectly fine comment"


def test_moderate_stdin_bad_json_is_a_user_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken JSON line exits 2 naming the line."""
    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": \n'))
    assert main(["moderate", "--json", "-"]) == 2
    assert "stdin line 1" in capsys.readouterr().err


def test_rules_check_accepts_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    """`rules check` without a file validates the shipped rules."""
    assert main(["rules", "check"]) == 0
    assert capsys.readouterr().out.startswith("OK: 13 rules")


def test_rules_check_reports_the_bad_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`rules check FILE` exits 2 with file:line: problem."""
    path = tmp_path / "rules.toml"
    path.write_text('version = 1\n\n[rules.email]\naction = "explode"\n', encoding="utf-8")
    assert main(["rules", "check", str(path)]) == 2
    assert f"{path}:4: action must be one of" in capsys.readouterr().err


def test_rules_file_from_settings_is_used(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """STORYBOT_RULES_FILE replaces the shipped rules."""
    path = tmp_path / "mine.toml"
    path.write_text('[rules.p]\nkind = "words"\nwords = ["darn"]\n', encoding="utf-8")
    monkeypatch.setenv("STORYBOT_RULES_FILE", str(path))
    assert main(["moderate", "darn it"]) == 0
    assert capsys.readouterr().out.startswith("REMOVE")
    assert main(["rules", "show"]) == 0
    assert "p [remove]" in capsys.readouterr().out
