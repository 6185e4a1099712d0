"""Settings: every bad value is one line naming the variable and the fix; the token never leaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.core.errors import SettingsError
from bot.settings import Secret, Settings, load_settings

TOKEN = "MTIzNDU2Nzg5.abcdef.secret-token-value"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        pytest.param(
            {"STORYBOT_ASK_CHANNELS": "12,abc"},
            "STORYBOT_ASK_CHANNELS must be a whole",
            id="ask-channels-not-ids",
        ),
        pytest.param(
            {"STORYBOT_MODLOG_CHANNEL": "0"},
            "STORYBOT_MODLOG_CHANNEL must be at least",
            id="modlog-zero",
        ),
        pytest.param(
            {"STORYBOT_ADMIN_ROLE": str(2**64)},
            "STORYBOT_ADMIN_ROLE must be a Discord id",
            id="admin-role-too-big",
        ),
        pytest.param(
            {"STORYBOT_DEV_GUILD": "my server"},
            "STORYBOT_DEV_GUILD must be a whole",
            id="dev-guild-name",
        ),
        pytest.param(
            {"STORYBOT_LOG_LEVEL": "loud"}, "STORYBOT_LOG_LEVEL must be one of", id="log-level"
        ),
        pytest.param(
            {"STORYBOT_SHARD_IDS": "0"},
            "STORYBOT_SHARD_IDS needs STORYBOT_SHARD_COUNT",
            id="shard-ids-alone",
        ),
        pytest.param(
            {"STORYBOT_SHARD_COUNT": "2", "STORYBOT_SHARD_IDS": "2"},
            "STORYBOT_SHARD_IDS must all be below",
            id="shard-out-of-range",
        ),
        pytest.param(
            {"STORYBOT_ANSWER_COOLDOWN": "-1"},
            "STORYBOT_ANSWER_COOLDOWN must be a number",
            id="negative-cooldown",
        ),
        pytest.param(
            {"STORYBOT_ANSWER_COOLDOWN": "1e999"},
            "STORYBOT_ANSWER_COOLDOWN must be a number",
            id="infinite-cooldown",
        ),
        pytest.param(
            {"STORYBOT_ANSWER_COOLDOWN": "1e300"},
            "STORYBOT_ANSWER_COOLDOWN must be a number from 0 to 86400",
            id="cooldown-beyond-a-day",
        ),
        pytest.param(
            {"STORYBOT_INSIGHTS_RETENTION_DAYS": "740000"},
            "STORYBOT_INSIGHTS_RETENTION_DAYS must be at most 36500",
            id="retention-beyond-dates",
        ),
        pytest.param(
            {"STORYBOT_CACHE_DIR": "cache\0dir"},
            "STORYBOT_CACHE_DIR must be a folder path or off",
            id="cache-dir-nul",
        ),
        pytest.param(
            {"DISCORD_API_BASE": "localhost:8080"},
            "DISCORD_API_BASE must be an http",
            id="api-base-no-scheme",
        ),
    ],
)
def test_bad_setting_is_named(environ: dict[str, str], message: str) -> None:
    """A malformed variable fails with one line that starts by naming it."""
    with pytest.raises(SettingsError) as raised:
        load_settings(environ)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("token", "message"),
    [
        pytest.param("", "DISCORD_TOKEN is not set", id="missing"),
        pytest.param("   ", "DISCORD_TOKEN is not set", id="blank"),
        pytest.param(f"Bot {TOKEN}", "DISCORD_TOKEN is malformed", id="bot-prefix"),
        pytest.param(f"{TOKEN} extra", "DISCORD_TOKEN is malformed", id="space"),
    ],
)
def test_bad_token_is_explained_without_leaking(token: str, message: str) -> None:
    """A missing or malformed token says how to fix it and never repeats the token."""
    settings = load_settings({"DISCORD_TOKEN": token})
    with pytest.raises(SettingsError) as raised:
        settings.require_token()
    assert str(raised.value).startswith(message)
    assert TOKEN not in str(raised.value)


@pytest.mark.parametrize(
    "variable", ["STORYBOT_LOG_LEVEL", "STORYBOT_ANSWER_COOLDOWN", "STORYBOT_ASK_CHANNELS"]
)
def test_a_token_pasted_into_another_variable_is_not_repeated(variable: str) -> None:
    """An error repeats only a short value: a secret in the wrong variable is described."""
    with pytest.raises(SettingsError) as raised:
        load_settings({variable: TOKEN})
    assert TOKEN[:8] not in str(raised.value)
    assert f"a value of {len(TOKEN)} characters" in str(raised.value)


def test_token_hidden_in_repr() -> None:
    """Printing the settings (e.g. in a log line) does not show the token."""
    settings = Settings(discord_token=Secret(TOKEN))
    assert TOKEN not in repr(settings)
    assert settings.require_token() == TOKEN


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param({"HOME": "/home/ann"}, "/home/ann/.cache/storybot", id="default-home"),
        pytest.param(
            {"HOME": "/home/ann", "XDG_CACHE_HOME": "/var/cache/ann"},
            "/var/cache/ann/storybot",
            id="default-xdg",
        ),
        pytest.param(
            {"HOME": "/home/ann", "XDG_CACHE_HOME": "relative/cache"},
            "/home/ann/.cache/storybot",
            id="relative-xdg-ignored",
        ),
        pytest.param(
            {"HOME": "/home/ann", "STORYBOT_CACHE_DIR": " /srv/cache "}, "/srv/cache", id="set"
        ),
        pytest.param(
            {"HOME": "/home/ann", "STORYBOT_CACHE_DIR": "   "},
            "/home/ann/.cache/storybot",
            id="blank-is-default",
        ),
        pytest.param({"HOME": "/home/ann", "STORYBOT_CACHE_DIR": "off"}, None, id="off"),
        pytest.param({"STORYBOT_CACHE_DIR": " OFF "}, None, id="off-any-case"),
    ],
)
def test_cache_dir(environ: dict[str, str], expected: str | None) -> None:
    """STORYBOT_CACHE_DIR: a folder, ``off``, or the user's cache folder by default."""
    cache_dir = load_settings(environ).cache_dir
    assert (None if cache_dir is None else cache_dir.as_posix()) == expected


@pytest.mark.parametrize(
    "value",
    ["off", "OFF", "false", "False", "no", "none", "None", "0", "disabled", '"off"', "'false'",
     ' "none" '],
)  # fmt: skip
def test_cache_dir_off_spellings(value: str) -> None:
    """Every usual way of saying "off" (any case, quoted as Docker's --env-file passes it)
    turns the cache off instead of naming a folder."""
    assert load_settings({"HOME": "/home/ann", "STORYBOT_CACHE_DIR": value}).cache_dir is None


def test_cache_dir_relative_is_resolved_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative folder is taken from the current folder at start (an absolute path after)."""
    monkeypatch.chdir(tmp_path)
    settings = load_settings({"STORYBOT_CACHE_DIR": "cache"})
    assert settings.cache_dir == tmp_path / "cache"
    assert settings.cache_dir_set


def test_cache_dir_of_unknown_user_is_a_settings_error() -> None:
    """``~nosuchuser/...`` is a one-line settings error naming the variable, not a traceback."""
    with pytest.raises(SettingsError, match="STORYBOT_CACHE_DIR") as raised:
        load_settings({"STORYBOT_CACHE_DIR": "~nosuchuser2226/cache"})
    assert "\n" not in str(raised.value)


def test_settings_built_in_code_have_no_cache() -> None:
    """``Settings()`` (tests, embedding) uses no lexicon cache."""
    assert Settings().cache_dir is None


def test_ids_parse_with_any_separator() -> None:
    """Channel lists accept commas, semicolons and spaces."""
    settings = load_settings({"STORYBOT_ASK_CHANNELS": "11, 12;13 14"})
    assert settings.ask_channel_ids == frozenset({11, 12, 13, 14})


@pytest.mark.parametrize(
    ("command", "environ", "expected"),
    [
        pytest.param(["run"], {}, "storybot: DISCORD_TOKEN is not set", id="run-no-token"),
        pytest.param(["sync"], {}, "storybot: DISCORD_TOKEN is not set", id="sync-no-token"),
        pytest.param(
            ["run"],
            {"DISCORD_TOKEN": TOKEN, "STORYBOT_LOG_LEVEL": "x"},
            "storybot: STORYBOT_LOG_LEVEL must be one of",
            id="run-bad-level",
        ),
    ],
)
def test_cli_exits_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    environ: dict[str, str],
    expected: str,
) -> None:
    """`storybot run`/`sync` with bad settings print one line (no traceback) and exit 2."""
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in ("DISCORD_TOKEN", "STORYBOT_LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith(expected)
    assert err.count("\n") == 1
    assert TOKEN not in err
