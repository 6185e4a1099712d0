"""``storybot run`` (the Discord bot) and ``storybot sync`` (force a slash-command sync).

Start-up problems become one line with the fix: a missing or malformed token, a token Discord
rejects, the Message Content intent not enabled in the Developer Portal, a broken corpus. The
token is never printed or logged.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from bot.core.errors import SettingsError
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.client import StorybotBot
    from bot.core.library import Library

log = logging.getLogger(__name__)

REJECTED_LOGIN_HELP = (
    "Discord rejected DISCORD_TOKEN (401 Unauthorized): open the Developer Portal > your "
    "application > Bot > Reset Token, and put the new token in .env"
)
NO_MESSAGE_CONTENT = (
    "Discord refused the gateway connection (4014, disallowed intents): enable 'Message Content "
    "Intent' in the Developer Portal > your application > Bot > Privileged Gateway Intents"
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``run`` and ``sync``."""
    run = subparsers.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    run.set_defaults(handler=run_command)
    sync = subparsers.add_parser("sync", help="sync the slash commands with Discord now, then exit")
    sync.set_defaults(handler=sync_command)


def run_command(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot until SIGINT/SIGTERM."""
    import asyncio  # (not at import: ``storybot ask`` never needs the event loop)

    settings.require_token()
    return asyncio.run(serve(settings))


def sync_command(args: argparse.Namespace, settings: Settings) -> int:
    """Log in, sync the slash commands (even if unchanged), and exit."""
    import asyncio

    settings.require_token()
    scopes = asyncio.run(serve(settings, sync_only=True))
    print(f"Synced slash commands to {scopes}.")
    return 0


def explain_startup_error(error: BaseException) -> str | None:
    """The one-line explanation of a discord.py start-up failure, or None if not a known one."""
    import discord

    if isinstance(error, discord.LoginFailure):
        return REJECTED_LOGIN_HELP
    if isinstance(error, discord.PrivilegedIntentsRequired):
        return NO_MESSAGE_CONTENT
    if isinstance(error, discord.ConnectionClosed):
        if error.code == 4004:
            return REJECTED_LOGIN_HELP
        if error.code == 4014:
            return NO_MESSAGE_CONTENT
        return f"Discord closed the gateway connection (code {error.code}); try again later"
    if isinstance(error, discord.GatewayNotFound | OSError):  # aiohttp's connect errors too
        reason = str(error).split(" [", 1)[-1].rstrip("]") or type(error).__name__
        return (
            f"Cannot reach Discord ({reason}); check the network connection and try again "
            "(DISCORD_API_BASE/DISCORD_GATEWAY_URL, if set, must point at a running server)"
        )
    if isinstance(error, discord.Forbidden) and error.code == 50001:
        return (
            "The bot lacks access: re-invite it with the bot and applications.commands scopes "
            "(see the README's invite URL)"
        )
    return None


def build_bot(
    settings: Settings, *, force_sync: bool = False, library: Library | None = None
) -> StorybotBot:
    """The bot with the live story library, the moderation rules and database and the insights
    store (a broken corpus, rules file or database fails here with a one-line error).

    ``library`` replaces the one built from ``settings.corpus_dir`` (tests inject failures).
    Closing the bot closes both databases.
    """
    from bot.core import lexicon

    with lexicon.learning():  # (the engine's import and build fill the lexicon cache)
        from bot.client import bot_class
        from bot.core.insights import InsightsStore
        from bot.core.library import Library
        from bot.exts._moderation import ModerationState

        library = library or Library(settings.corpus_dir)
        library.corpus  # noqa: B018 - load now so that a broken corpus stops start-up
    moderation = ModerationState(settings.rules_file, settings.data_dir)
    try:
        insights = InsightsStore.from_settings(settings)
    except BaseException:
        moderation.close()
        raise
    return bot_class(settings)(
        settings,
        library=library,
        moderation=moderation,
        insights=insights,
        force_sync=force_sync,
    )


async def serve(
    settings: Settings, *, sync_only: bool = False, bot: StorybotBot | None = None
) -> Any:
    """Run the bot (or, with ``sync_only``, log in, force a sync and return the synced scopes).

    SIGINT/SIGTERM close the gateway and the database cleanly. Known start-up failures raise
    :class:`SettingsError` with one line.
    """
    import asyncio
    import contextlib
    import signal

    bot = bot or build_bot(settings, force_sync=sync_only)
    token = settings.require_token()
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
            installed.append(sig)
    try:
        async with bot:
            if sync_only:
                await bot.login(token)
                return bot.synced_scopes
            await bot.start(token)
    except Exception as error:
        explanation = explain_startup_error(error)
        if explanation is None:
            raise
        raise SettingsError(explanation) from None
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
    return 0
