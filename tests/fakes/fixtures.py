"""Pytest fixtures: a fake Discord on 127.0.0.1 and the real bot connected to it.

``fake`` is a running :class:`FakeDiscord`; ``make_bot(**settings)`` builds the bot exactly as
production does (:func:`bot.cli.discord_app.build_bot`: story library, moderation state and
insights store), starts it against the fake (ask channel, moderated channel and mod-log
preconfigured) and waits until it has its guild, never for ``on_ready``. Everything has a timeout
so nothing hangs; every bot (and so its databases) is closed at teardown.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.cli.discord_app import build_bot
from bot.client import StorybotBot
from bot.core.library import Library
from bot.core.moderation.rules import default_rules_text
from bot.settings import Secret, Settings
from tests.fakes.discord_server import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]

BotFactory = Callable[..., Awaitable[StorybotBot]]


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A running fake Discord."""
    server = FakeDiscord()
    await server.start()
    try:
        yield server
    finally:
        await asyncio.wait_for(server.stop(), timeout=3)


@pytest.fixture
def tmp_corpus(tmp_path: Path) -> Path:
    """A writable copy of the shipped corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", target)
    return target


def bot_settings(fake: FakeDiscord, tmp_path: Path, corpus: Path, **overrides: Any) -> Settings:
    """Settings pointing at ``fake`` with the fake guild's channels configured."""
    values: dict[str, Any] = {
        "discord_token": Secret(FakeDiscord.TOKEN),
        "corpus_dir": corpus,
        "data_dir": tmp_path / "data",
        "ask_channel_ids": frozenset({fake.channels["ask"]}),
        "moderated_channel_ids": frozenset({fake.channels["discussion"]}),
        "modlog_channel_id": fake.channels["modlog"],
        "admin_role_id": fake.admin_role_id,
        "answer_cooldown_seconds": 0.0,
        "discord_api_base": fake.api_base,
        "discord_gateway_url": fake.gateway_url,
    }
    values.update(overrides)
    return Settings(**values)


def test_rules_file(tmp_path: Path, fake: FakeDiscord) -> Path:
    """The shipped rules with the moderator role exempt and the "custom" watch rule on."""
    text = default_rules_text()
    text = text.replace("exempt_roles = []", f"exempt_roles = [{fake.mod_role_id}]", 1)
    head, custom = text.split("[rules.custom]", 1)
    text = head + "[rules.custom]" + custom.replace("enabled = false", "enabled = true", 1)
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def make_library(corpus: Path) -> Library:
    """The real story library over ``corpus`` for the bot under test."""
    return Library(corpus)


@pytest.fixture
async def make_bot(
    fake: FakeDiscord, tmp_path: Path, tmp_corpus: Path
) -> AsyncIterator[BotFactory]:
    """Start bots against ``fake``; each is closed (and its task awaited) at teardown."""
    started: list[tuple[StorybotBot, asyncio.Task[None]]] = []

    async def start(*, connect: bool = True, **overrides: Any) -> StorybotBot:
        library = overrides.pop("library", None)
        overrides.setdefault("rules_file", test_rules_file(tmp_path, fake))
        settings = bot_settings(fake, tmp_path, tmp_corpus, **overrides)
        bot = build_bot(settings, library=library)
        task = asyncio.create_task(bot.start(settings.require_token()))
        started.append((bot, task))
        if connect:
            identified = len(fake.identifies)
            async with asyncio.timeout(3):
                while len(fake.identifies) <= identified or bot.get_guild(fake.guild_id) is None:
                    if task.done():
                        task.result()  # raise the start-up error
                    await asyncio.sleep(0.002)
        return bot

    yield start
    for bot, task in started:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(bot.close(), timeout=3)
        with contextlib.suppress(BaseException):
            await asyncio.wait_for(task, timeout=3)


@pytest.fixture
async def bot(make_bot: BotFactory) -> StorybotBot:
    """A connected bot with the default test settings."""
    return await make_bot()
