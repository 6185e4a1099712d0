"""The Discord client: intents, safe defaults, extension loading and command sync on change.

:class:`StorybotBot` holds the live :class:`~bot.core.library.Library` (and, once configured, the
moderation service and the reader-insights store) and loads one Cog per feature from
:data:`EXTENSIONS`. Slash commands are
synced only when their definitions changed since the last sync: a hash of the command payloads
per application and scope is kept in ``<data_dir>/command-sync.json``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot.core import lexicon
from bot.core.library import Library, warm_up
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.core.insights import InsightsStore

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.exts.errors",
    "bot.exts.ask",
    "bot.exts.story",
    "bot.exts.admin",
    "bot.exts.help",
    "bot.exts.moderation",
    "bot.exts.insights",
)
SYNC_STATE_FILE = "command-sync.json"
GLOBAL_SCOPE = "global"


def make_intents() -> discord.Intents:
    """Guild and DM messages with their content (a privileged intent); no member list needed."""
    intents = discord.Intents.default()
    intents.message_content = True
    intents.members = False
    intents.presences = False
    return intents


def apply_endpoint_overrides(settings: Settings) -> Callable[[], None]:
    """Point discord.py at ``DISCORD_API_BASE`` / ``DISCORD_GATEWAY_URL`` when set (testing only).

    Returns a function that restores the previous endpoints.
    """
    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)

    def restore() -> None:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

    return restore


def command_hash(payloads: Sequence[dict[str, Any]]) -> str:
    """A stable hash of slash-command payloads (order of commands and keys does not matter)."""
    ordered = sorted(payloads, key=lambda p: (str(p.get("type", 1)), str(p.get("name"))))
    blob = json.dumps(ordered, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class SyncState:
    """The last synced command hash per ``<application id>:<scope>``, kept in the data folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, str]:
        """The stored hashes (empty when the file is missing or unreadable)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("Ignoring unreadable %s (%s); commands will be synced", self.path, error)
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def get(self, key: str) -> str | None:
        """The stored hash for ``key``."""
        return self.load().get(key)

    def put(self, key: str, digest: str) -> None:
        """Store ``digest`` for ``key`` atomically (temp file, then ``os.replace``)."""
        data = self.load()
        data[key] = digest
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".command-sync-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
        os.replace(tmp, self.path)


class StorybotBot(commands.Bot):
    """The bot: answers questions about the story, moderates, and serves slash commands."""

    def __init__(
        self,
        settings: Settings,
        *,
        library: Library,
        moderation: Any | None = None,  # bot.exts.moderation.ModerationState
        insights: InsightsStore | None = None,
        extensions: Sequence[str] = EXTENSIONS,
        force_sync: bool = False,
    ) -> None:
        # storybot never joins voice: skip discord.py's "PyNaCl/davey is not installed" warnings.
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        shard: dict[str, Any] = {}
        if settings.shard_count is not None:
            shard["shard_count"] = settings.shard_count
            if isinstance(self, commands.AutoShardedBot):
                if settings.shard_ids is not None:
                    shard["shard_ids"] = list(settings.shard_ids)
            elif settings.shard_ids is not None:
                shard["shard_id"] = settings.shard_ids[0]
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=make_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            chunk_guilds_at_startup=False,
            **shard,
        )
        self.settings = settings
        self.library = library
        self.moderation = moderation
        self.insights = insights  # None: answers carry no vote buttons and /insights says so
        self.extension_names = tuple(extensions)
        self.force_sync = force_sync
        self.reload_lock = asyncio.Lock()
        self.sync_state = SyncState(settings.data_dir / SYNC_STATE_FILE)
        self.synced_scopes: list[str] = []
        self._restore_endpoints: Callable[[], None] | None = None
        self._warm_up: asyncio.Task[None] | None = None

    async def login(self, token: str) -> None:
        """Apply the testing endpoint overrides, then log in (never logs the token)."""
        self._restore_endpoints = apply_endpoint_overrides(self.settings)
        await super().login(token)

    async def setup_hook(self) -> None:
        """Build the story snapshot (off the event loop), load the feature Cogs, then sync slash
        commands if they changed."""
        await asyncio.to_thread(lambda: self.library.corpus)
        await self.save_lexicon()
        # (in the background: the first question with a word the story lacks needs them)
        self._warm_up = asyncio.create_task(asyncio.to_thread(warm_up), name="storybot-warm-up")
        self._warm_up.add_done_callback(_log_failure)
        for name in self.extension_names:
            await self.load_extension(name)
        await self.sync_commands(force=self.force_sync)

    async def save_lexicon(self) -> None:
        """Save the words the engine build looked up to the lexicon cache (off the event loop;
        nothing is written if no cache is in use or nothing new was learned)."""
        await asyncio.to_thread(lexicon.save_active)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: the Cogs' listeners handle messages."""

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        """Log a listener's unexpected error with its traceback and keep running (discord.py
        calls this inside its ``except``, so the error is ``sys.exc_info()``)."""
        log.error("Unhandled error in %s", event_method, exc_info=sys.exc_info())

    async def sync_commands(self, *, force: bool = False) -> list[str]:
        """Sync slash commands for the dev guild (if set) or globally, only when they changed
        since the last sync (or when ``force``). Returns the scopes that were synced."""
        guild = (
            discord.Object(id=self.settings.dev_guild_id) if self.settings.dev_guild_id else None
        )
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        scope = str(guild.id) if guild is not None else GLOBAL_SCOPE
        payloads = [command.to_dict(self.tree) for command in self.tree.get_commands(guild=guild)]
        digest = command_hash(payloads)
        key = f"{self.application_id}:{scope}"
        if not force and self.sync_state.get(key) == digest:
            log.info("Slash commands unchanged since the last sync (%s); not syncing", scope)
            return []
        await self.tree.sync(guild=guild)
        self.sync_state.put(key, digest)
        self.synced_scopes.append(scope)
        log.info("Synced %d slash command(s) to %s", len(payloads), scope)
        return [scope]

    async def close(self) -> None:
        """Close the gateway, then the moderation and insights databases."""
        try:
            await super().close()
        finally:
            closer = getattr(self.moderation, "close", None)
            if callable(closer):
                result = closer()
                if asyncio.iscoroutine(result):
                    await result
            if self.insights is not None:
                # Off the loop: a report may still hold the store's lock in a worker thread.
                await asyncio.to_thread(self.insights.close)
            if self._restore_endpoints is not None:
                self._restore_endpoints()
                self._restore_endpoints = None


class ShardedStorybotBot(StorybotBot, commands.AutoShardedBot):
    """The bot running several shards in one process (``STORYBOT_SHARD_COUNT`` > 1)."""


def _log_failure(task: asyncio.Task[None]) -> None:
    """Log a background task's error (the bot keeps running without what it was loading)."""
    if not task.cancelled() and (error := task.exception()) is not None:
        log.warning("%s failed: %s", task.get_name(), error, exc_info=error)


def bot_class(settings: Settings) -> type[StorybotBot]:
    """One shard (the usual case, or one chosen shard) -> :class:`StorybotBot`; several shards in
    this process -> :class:`ShardedStorybotBot`."""
    several = settings.shard_count is not None and settings.shard_count > 1
    if several and (settings.shard_ids is None or len(settings.shard_ids) > 1):
        return ShardedStorybotBot
    return StorybotBot


def is_admin(interaction: discord.Interaction[Any], admin_role_id: int | None) -> bool:
    """True for a member with Manage Server (or Administrator) or the configured admin role."""
    permissions = interaction.permissions
    if permissions.manage_guild or permissions.administrator:
        return True
    user = interaction.user
    if admin_role_id is not None and isinstance(user, discord.Member):
        return any(role.id == admin_role_id for role in user.roles)
    return False


def admin_only() -> Callable[[Any], Any]:
    """Hint (default_permissions) and enforce (a runtime check) Manage Server or the admin role."""

    def predicate(interaction: discord.Interaction[Any]) -> bool:
        bot = interaction.client
        role_id = bot.settings.admin_role_id if isinstance(bot, StorybotBot) else None
        if is_admin(interaction, role_id):
            return True
        raise app_commands.CheckFailure(
            "Only members with Manage Server or the bot's admin role can do that."
        )

    def decorator(func: Any) -> Any:
        func = app_commands.default_permissions(manage_guild=True)(func)
        func = app_commands.guild_only()(func)
        return app_commands.check(predicate)(func)

    return decorator
