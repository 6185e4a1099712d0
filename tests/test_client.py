"""The client: command sync only when changed, start-up failures in one line, clean shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from pathlib import Path

import discord
import pytest

from bot.cli.discord_app import (
    NO_MESSAGE_CONTENT,
    REJECTED_LOGIN_HELP,
    explain_startup_error,
    serve,
)
from bot.client import (
    EXTENSIONS,
    ShardedStorybotBot,
    StorybotBot,
    bot_class,
    command_hash,
    make_intents,
)
from bot.core.errors import SettingsError
from bot.settings import Secret, Settings
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.fixtures import BotFactory, bot_settings, fake, make_bot, make_library, tmp_corpus

__all__ = ["fake", "make_bot", "tmp_corpus"]  # fixtures used by these tests


def _command_puts(fake: FakeDiscord) -> list[str]:
    return [call.path for call in fake.calls_matching("PUT", r"/commands$")]


def test_intents_ask_for_message_content_only() -> None:
    """Message content is requested (privileged); the member list and presences are not."""
    intents = make_intents()
    assert intents.message_content
    assert intents.guild_messages
    assert intents.dm_messages
    assert not intents.members
    assert not intents.presences


def test_command_hash_ignores_order() -> None:
    """The same commands in another order hash the same; a changed description does not."""
    a = {"name": "ask", "description": "Ask"}
    b = {"name": "quote", "description": "Quote"}
    assert command_hash([a, b]) == command_hash([b, a])
    assert command_hash([a, b]) != command_hash([a, dict(b, description="Find")])


async def test_commands_synced_only_when_changed(fake: FakeDiscord, make_bot: BotFactory) -> None:
    """First start syncs; a restart with the same commands does not; changed commands do."""
    first = await make_bot()
    assert _command_puts(fake) == [f"/applications/{fake.app_id}/commands"]
    await first.close()
    await make_bot()
    assert len(_command_puts(fake)) == 1


async def test_changed_commands_are_synced_again(
    fake: FakeDiscord, tmp_path: Path, tmp_corpus: Path
) -> None:
    """Removing a command changes the hash, so the next start syncs."""
    settings = bot_settings(fake, tmp_path, tmp_corpus)
    without_help = tuple(name for name in EXTENSIONS if name != "bot.exts.help")
    for extensions in (EXTENSIONS, without_help, without_help):
        bot = StorybotBot(settings, library=make_library(tmp_corpus), extensions=extensions)
        async with bot:
            await bot.login(settings.require_token())
    assert len(_command_puts(fake)) == 2
    assert [c["name"] for c in fake.commands["global"]] == [
        "ask",
        "quote",
        "passage",
        "story",
        "reload",
    ]


async def test_start_warms_up_in_the_background(make_bot: BotFactory) -> None:
    """A started bot loads the English word lists in a thread (the first question with a word
    the story lacks does not wait a second for them); a failure there is logged, not raised."""
    bot = await make_bot()
    assert bot._warm_up is not None
    await asyncio.wait_for(bot._warm_up, timeout=60)
    assert bot._warm_up.exception() is None


async def test_dev_guild_gets_the_commands(fake: FakeDiscord, make_bot: BotFactory) -> None:
    """With a development guild set, the commands are copied to it and synced there only."""
    await make_bot(dev_guild_id=fake.guild_id)
    assert _command_puts(fake) == [f"/applications/{fake.app_id}/guilds/{fake.guild_id}/commands"]


async def test_sync_command_forces_a_sync(
    fake: FakeDiscord, make_bot: BotFactory, tmp_path: Path, tmp_corpus: Path
) -> None:
    """`storybot sync` syncs even when nothing changed, then returns."""
    await make_bot()
    settings = bot_settings(fake, tmp_path, tmp_corpus)
    bot = StorybotBot(settings, library=make_library(tmp_corpus), force_sync=True)
    scopes = await asyncio.wait_for(serve(settings, sync_only=True, bot=bot), timeout=3)
    assert scopes == ["global"]
    assert len(_command_puts(fake)) == 2


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param("bad-token", REJECTED_LOGIN_HELP, id="401-bad-token"),
        pytest.param("4014", NO_MESSAGE_CONTENT, id="4014-intents"),
        pytest.param("4004", REJECTED_LOGIN_HELP, id="4004-auth-failed"),
    ],
)
async def test_startup_failures_are_one_line(
    fake: FakeDiscord,
    tmp_path: Path,
    tmp_corpus: Path,
    caplog: pytest.LogCaptureFixture,
    setup: str,
    expected: str,
) -> None:
    """A rejected token or disallowed intents stop the bot with one line saying how to fix it."""
    token = FakeDiscord.TOKEN
    if setup == "bad-token":
        token = "wrong.token.value"
        fake.fail("GET", r"/users/@me", status=401, code=0, message="401: Unauthorized")
    elif setup == "4014":
        fake.close_code_on_identify = 4014
    else:
        fake.close_code_on_identify = 4004
    settings = bot_settings(fake, tmp_path, tmp_corpus, discord_token=Secret(token))
    bot = StorybotBot(settings, library=make_library(tmp_corpus))
    with caplog.at_level(logging.DEBUG), pytest.raises(SettingsError) as raised:
        await asyncio.wait_for(serve(settings, bot=bot), timeout=5)
    assert str(raised.value) == expected
    assert "\n" not in str(raised.value)
    assert token not in caplog.text
    assert token not in str(raised.value)


async def test_unreachable_discord_is_one_line(tmp_path: Path, tmp_corpus: Path) -> None:
    """No route to Discord stops the bot with one line, not a traceback."""
    settings = Settings(
        discord_token=Secret(FakeDiscord.TOKEN),
        corpus_dir=tmp_corpus,
        data_dir=tmp_path / "data",
        discord_api_base="http://127.0.0.1:9/api/v10",  # the discard port: nothing listens
        discord_gateway_url="ws://127.0.0.1:9/",
    )
    with pytest.raises(SettingsError) as raised:
        await asyncio.wait_for(serve(settings), timeout=10)
    assert str(raised.value).startswith("Cannot reach Discord")
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(discord.LoginFailure("x"), REJECTED_LOGIN_HELP, id="login-failure"),
        pytest.param(discord.PrivilegedIntentsRequired(None), NO_MESSAGE_CONTENT, id="intents"),
        pytest.param(RuntimeError("x"), None, id="unknown"),
    ],
)
def test_explain_startup_error(error: BaseException, expected: str | None) -> None:
    """Known start-up failures map to their one-line fix; others are left to the traceback."""
    assert explain_startup_error(error) == expected


async def test_rate_limited_send_is_retried(fake: FakeDiscord, make_bot: BotFactory) -> None:
    """A 429 with retry_after on a send is waited out and the answer still arrives."""
    await make_bot()
    fake.fail(
        "POST",
        r"/channels/\d+/messages",
        status=429,
        code=0,
        message="You are being rate limited.",
        times=1,
        retry_after=0.05,
    )
    question = await fake.send_dm("What did Trump call a big concession?")
    posts = await fake.wait_for_count(fake.replies_to(question), 2)
    assert posts[0].json == posts[1].json


async def test_sigterm_closes_cleanly(fake: FakeDiscord, tmp_path: Path, tmp_corpus: Path) -> None:
    """SIGTERM closes the gateway and returns from serve() without an error."""
    settings = bot_settings(fake, tmp_path, tmp_corpus)
    bot = StorybotBot(settings, library=make_library(tmp_corpus))
    task = asyncio.create_task(serve(settings, bot=bot))
    await fake.wait_connected()
    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(task, timeout=3) == 0
    assert bot.is_closed()


async def test_every_send_sets_allowed_mentions(fake: FakeDiscord, make_bot: BotFactory) -> None:
    """Every message the bot creates or edits in a mixed session says that nothing pings."""
    await make_bot()
    question = await fake.send_dm("@everyone what did Trump call a big concession?")
    await fake.wait_for(fake.replies_to(question))
    payload = await fake.slash("ask", {"question": "@here who did Trump meet?"})
    await fake.wait_for(lambda c: c.path.startswith(f"/webhooks/{fake.app_id}/{payload['token']}"))
    payload = await fake.slash("quote", {"speaker": "Donald Trump"})
    await fake.wait_for(lambda c: payload["token"] in c.path)
    sent = fake.sent_messages()
    assert len(sent) >= 3
    for call in sent:
        mentions = call.message_body()["allowed_mentions"]
        assert mentions["parse"] == [], call.path
        assert not mentions.get("replied_user"), call.path


async def test_token_never_logged(
    fake: FakeDiscord, make_bot: BotFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """Even at DEBUG, a full start-up and an answered question never log the token."""
    with caplog.at_level(logging.DEBUG):
        await make_bot()
        question = await fake.send_dm("What did Trump call a big concession?")
        await fake.wait_for(fake.replies_to(question))
    assert "IDENTIFY" in caplog.text
    assert FakeDiscord.TOKEN not in caplog.text


@pytest.mark.parametrize(
    ("count", "ids", "expected"),
    [
        pytest.param(None, None, StorybotBot, id="unsharded"),
        pytest.param(4, (2,), StorybotBot, id="one-chosen-shard"),
        pytest.param(4, (0, 1), ShardedStorybotBot, id="two-shards"),
        pytest.param(2, None, ShardedStorybotBot, id="all-shards"),
    ],
)
async def test_shard_settings_pick_the_client(
    count: int | None, ids: tuple[int, ...] | None, expected: type[StorybotBot], tmp_path: Path
) -> None:
    """Several shards in one process use the auto-sharded client with exactly those shards."""
    settings = Settings(shard_count=count, shard_ids=ids, data_dir=tmp_path)
    cls = bot_class(settings)
    assert cls is expected
    bot = cls(settings, library=make_library(tmp_path))
    assert bot.shard_count == count
    if expected is ShardedStorybotBot:
        assert bot.shard_ids == (list(ids) if ids else None)
    else:
        assert bot.shard_id == (ids[0] if ids else None)


async def test_listener_error_is_logged_with_traceback(
    fake: FakeDiscord, make_bot: BotFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """An unexpected error in a listener is logged with its traceback; the bot keeps answering."""
    bot = await make_bot()

    async def broken(message: discord.Message) -> None:
        raise RuntimeError("listener bug")

    bot.add_listener(broken, "on_message")
    with caplog.at_level(logging.ERROR, logger="bot.client"):
        question = await fake.send_dm("What did Trump call a big concession?")
        await fake.wait_for(fake.replies_to(question))
        await asyncio.sleep(0.05)
    logged = [r for r in caplog.records if r.name == "bot.client" and r.exc_info]
    assert logged, caplog.text
    assert "listener bug" in caplog.text
