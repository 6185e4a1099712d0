"""Moderation in the channels: new and edited messages go through the moderation engine.

A moderated channel's threads (and so every post of a moderated forum) are moderated as part of
it: its channel-limited rules apply there too.

On "remove"/"warn": delete the message, post a short notice in the channel (no ping, deleted
after a while), DM the author the reason and a redacted copy (closed DMs are fine), log the case
in the mod-log (case id, user, rule, redacted excerpt) and time the author out when their strikes
call for it. "watch" rules only log. Bots, webhooks, the bot itself and exempt roles/users are
skipped. A missing permission (403) or another Discord error is logged and reported in the
mod-log once per kind and channel; the bot keeps running.

Moderators (Moderate Members, Manage Server or the admin role) get ``/cases user:`` and
``/strikes clear user:``.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.client import StorybotBot
from bot.core.moderation import Enforcement, Verdict
from bot.exts._channels import home_channel_id
from bot.exts._moderation import ModerationState, author_of

log = logging.getLogger(__name__)

MAX_TIMEOUT = timedelta(days=28)  # Discord's limit for a member timeout
REMEMBERED_CONTENTS = 2000
#: Waits (seconds) before retrying a mod-log post that Discord failed with a server error (5xx).
MODLOG_RETRY_DELAYS = (1.0, 4.0)
#: Mod-log entries kept for a later try while Discord keeps failing (beyond that, only counted).
MODLOG_BACKLOG = 50
#: Rounds of tries (each with the retries above) before an entry is given up and counted as lost,
#: so one entry Discord keeps refusing does not hold up the entries behind it ...
MODLOG_ROUNDS = 3
#: ... and only once it has been failing this long (seconds): a burst of cases during a short
#: outage is not given up in quick rounds.
MODLOG_GIVE_UP_AFTER = 60.0
#: Waits (seconds) before posting a waiting backlog again on its own (the last one repeats).
MODLOG_FLUSH_DELAYS = (30.0, 120.0)


@dataclass(frozen=True)
class _Waiting:
    """A mod-log entry not posted yet: the rounds of tries Discord failed, since when."""

    entry: dict[str, Any]
    rounds: int = 0
    failing_since: float = 0.0


def _passing(error: discord.HTTPException) -> bool:
    """Whether trying the post again later may work: a server error, or rate limits that
    outlasted discord.py's own tries (a refusal such as a 403 would not)."""
    return isinstance(error, discord.DiscordServerError) or error.status == 429


def _log_failure(task: asyncio.Task[None]) -> None:
    """Log the mod-log writer's end unless it was stopped (it is not meant to end)."""
    if not task.cancelled() and (error := task.exception()) is not None:
        log.error("The mod-log writer stopped: %s", error, exc_info=error)


def _nonce() -> str:
    """A nonce for one mod-log entry, the same for all its tries: Discord then makes the message
    once, even when a try it carried out lost its answer (at most 25 characters)."""
    return secrets.token_hex(12)


def _is_moderator(interaction: discord.Interaction[Any]) -> bool:
    permissions = interaction.permissions
    if permissions.moderate_members or permissions.manage_guild or permissions.administrator:
        return True
    bot = interaction.client
    role_id = bot.settings.admin_role_id if isinstance(bot, StorybotBot) else None
    user = interaction.user
    if role_id is not None and isinstance(user, discord.Member):
        return any(role.id == role_id for role in user.roles)
    return False


def moderator_check(interaction: discord.Interaction[Any]) -> bool:
    """Runtime check behind ``default_permissions``: Moderate Members, Manage Server or admin."""
    if _is_moderator(interaction):
        return True
    raise app_commands.CheckFailure(
        "Only moderators (Moderate Members, Manage Server or the bot's admin role) can do that."
    )


class Moderation(commands.Cog):
    """Checks messages in the moderated channels and enforces the verdicts."""

    strikes = app_commands.Group(
        name="strikes",
        description="Manage moderation strikes",
        guild_only=True,
        default_permissions=discord.Permissions(moderate_members=True),
    )

    def __init__(self, bot: StorybotBot, state: ModerationState) -> None:
        self.bot = bot
        self.state = state
        self._checked: OrderedDict[int, str] = OrderedDict()  # message id -> content checked
        self._reported: set[str] = set()
        # entries not posted yet (the one being posted is out), each with the rounds of tries
        # it has failed
        self._modlog_backlog: deque[_Waiting] = deque()
        self._modlog_dropped = 0  # entries lost (full backlog, given up), not reported yet
        self._modlog_added = asyncio.Event()  # set by each new entry, cleared by the writer
        self._modlog_new = 0  # entries handed over since the writer last looked
        self._modlog_writer: asyncio.Task[None] | None = None  # the one task posting entries
        self._modlog_lost_line: tuple[int, str] | None = None  # (count, nonce) of the lost line

    async def cog_load(self) -> None:
        """Start the mod-log's writer."""
        self._modlog_writer = asyncio.create_task(self._write_modlog(), name="storybot-modlog")
        self._modlog_writer.add_done_callback(_log_failure)

    async def cog_unload(self) -> None:
        """Stop the mod-log's writer (its backlog is lost with the Cog, as on a restart)."""
        if self._modlog_writer is not None:
            self._modlog_writer.cancel()

    # ------------------------------------------------------------------ listeners

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Moderate a new message."""
        await self.moderate(message, edited=False)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """Moderate an edited message again (only when its text changed)."""
        await self.moderate(payload.message, edited=True)

    async def moderate(self, message: discord.Message, *, edited: bool) -> Verdict | None:
        """Check ``message`` and enforce the verdict; returns the verdict (None if skipped)."""
        channel_id = self._moderated_channel(message)
        if channel_id is None:
            return None
        if self._checked.get(message.id) == message.content:
            return None  # e.g. an embed-only update of a message already checked
        if self.state.was_removed(message.id):
            return None  # edited while its removal is under way: punished once, not per edit
        self._remember(message)
        author = author_of(message.author)
        self.state.begin_check(message.id)  # an answer to the message waits for the verdict
        try:
            verdict = await self.state.check(
                message.content,
                author,
                channel_id,
                time.time(),
                message_id=message.id,
                edited=edited,
            )
            already_removed = self.state.was_removed(message.id)  # by a check of an earlier text
            if verdict.removes:
                self.state.mark_removed(message.id)  # the Ask Cog must not answer it
        finally:
            self.state.end_check(message.id)
        if already_removed:
            return None
        if verdict.action == "watch":
            self._watch(message, verdict)
        if not verdict.removes:
            return verdict
        enforcement = await asyncio.to_thread(  # atomic in the store: overlapping calls add up
            self.state.store.enforce, verdict, author.id, time.time(), self.state.rules.strikes
        )
        if enforcement is not None:
            await self._enforce(message, verdict, enforcement, edited=edited)
        return verdict

    def _watch(self, message: discord.Message, verdict: Verdict) -> None:
        """Log a "watch" verdict in the mod-log (the message stays)."""
        log.info("Watch: message %s matched %s", message.id, [m.rule for m in verdict.matches])
        self._modlog(
            embed=render.watch_embed(
                verdict,
                user_id=message.author.id,
                user_name=str(message.author),
                channel_id=message.channel.id,
            )
        )

    # ------------------------------------------------------------------ enforcement

    async def _enforce(
        self, message: discord.Message, verdict: Verdict, enforcement: Enforcement, *, edited: bool
    ) -> None:
        problems: list[str] = []
        channel_name = getattr(message.channel, "name", "the channel")
        try:
            await message.delete()
        except discord.NotFound:
            pass  # already gone
        except discord.HTTPException as error:
            self.state.unmark_removed(message.id)  # still up: its later edits are checked again
            problems.append(
                self._problem(
                    "delete",
                    message.channel,
                    error,
                    f"delete messages in <#{message.channel.id}>",
                )
            )
        try:
            await message.channel.send(
                render.removal_notice(message.author.display_name, verdict),
                delete_after=render.NOTICE_SECONDS,
                allowed_mentions=render.NO_PINGS,
            )
        except discord.HTTPException as error:
            problems.append(
                self._problem("notice", message.channel, error, f"post in <#{message.channel.id}>")
            )
        try:
            await message.author.send(
                render.removal_dm(channel_name, verdict), allowed_mentions=render.NO_PINGS
            )
        except discord.HTTPException as error:
            log.info(
                "Could not DM %s about case %s: %s", message.author.id, enforcement.case.id, error
            )
            problems.append("The author's DMs are closed; they were not told privately.")
        timed_out = await self._timeout(message, enforcement, problems)
        self._modlog(
            embed=render.case_embed(
                enforcement.case,
                verdict,
                user_id=message.author.id,
                user_name=str(message.author),
                channel_id=message.channel.id,
                strikes=enforcement.strikes,
                timeout_seconds=enforcement.timeout_seconds if timed_out else None,
                problems=[p for p in problems if p],
                edited=edited,
            )
        )

    async def _timeout(
        self, message: discord.Message, enforcement: Enforcement, problems: list[str]
    ) -> bool:
        if not enforcement.timeout_seconds or not isinstance(message.author, discord.Member):
            return False
        duration = min(timedelta(seconds=enforcement.timeout_seconds), MAX_TIMEOUT)
        try:
            await message.author.timeout(
                duration,
                reason=f"storybot: {enforcement.strikes} strikes (case {enforcement.case.id})",
            )
        except discord.HTTPException as error:
            problems.append(
                self._problem(
                    "timeout",
                    message.channel,
                    error,
                    "time members out (Moderate Members, role order)",
                )
            )
            return False
        return True

    def _problem(self, kind: str, channel: object, error: discord.HTTPException, what: str) -> str:
        """Log a failed Discord call; return a mod-log line the first time for this kind and
        channel (a thread counts as its parent: a forum's every post is a thread), else an
        empty string (so it is reported once)."""
        log.warning("Moderation could not %s: %s %s", kind, error.status, error.text)
        home = getattr(channel, "parent_id", None) or getattr(channel, "id", None)
        key = f"{kind}:{home}:{error.status}"
        if key in self._reported:
            return ""
        self._reported.add(key)
        forbidden = isinstance(error, discord.Forbidden)
        return render.discord_problem(kind, error.status, forbidden=forbidden, missing=what)

    def _modlog(self, **kwargs: Any) -> None:
        """Hand an entry for the mod-log to its writer and return at once: moderation never
        waits for Discord to take it. When the backlog is full, its oldest entry is dropped and
        counted (the mod-log is told how many)."""
        if self._modlog_channel() is None:
            return
        self._modlog_backlog.append(_Waiting({**kwargs, "nonce": _nonce()}))
        self._trim_modlog()
        self._modlog_new += 1
        self._modlog_added.set()

    def _trim_modlog(self) -> None:
        while len(self._modlog_backlog) > MODLOG_BACKLOG:
            self._modlog_backlog.popleft()
            self._modlog_dropped += 1

    def _modlog_channel(self) -> discord.abc.Messageable | None:
        channel_id = self.bot.settings.modlog_channel_id
        if channel_id is None:
            return None
        channel = self.bot.get_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("Mod-log channel %s not found", channel_id)
            return None
        return channel

    async def _write_modlog(self) -> None:
        """The one task that posts the mod-log, so entries go out in order. It waits for an
        entry; while Discord fails, it tries the backlog again at each new entry and, without
        one, after each of :data:`MODLOG_FLUSH_DELAYS` (the last repeats): a new entry neither
        moves that retry nor makes the next wait longer."""
        loop = asyncio.get_running_loop()
        retry_at: float | None = None  # when a failed backlog is tried again on its own
        timed_rounds = 0  # rounds the retry timer started that Discord failed, in a row
        while True:
            wait = None if retry_at is None else max(0.0, retry_at - loop.time())
            try:
                await asyncio.wait_for(self._modlog_added.wait(), wait)
                timed = False
            except TimeoutError:
                timed = True
            self._modlog_added.clear()
            # a round per new entry (up to MODLOG_ROUNDS), as if each had been posted on its
            # own: an entry Discord keeps failing is given up in time, and the ones behind go out
            rounds, self._modlog_new = min(max(1, self._modlog_new), MODLOG_ROUNDS), 0
            for _ in range(rounds):
                if flushed := await self._flush_modlog():
                    break
            if flushed:
                retry_at, timed_rounds = None, 0
            elif retry_at is None or timed:
                timed_rounds += timed
                delays = MODLOG_FLUSH_DELAYS
                retry_at = loop.time() + delays[min(timed_rounds, len(delays) - 1)]

    async def _flush_modlog(self) -> bool:
        """Post the backlog in order, then the count of lost entries. Stops at an entry that
        fails again (Discord is down) and returns False; an entry that has failed
        :data:`MODLOG_ROUNDS` rounds over :data:`MODLOG_GIVE_UP_AFTER` seconds is given up
        (counted) and the rest go on."""
        channel = self._modlog_channel()
        if channel is None:
            return True  # (nothing to try until the next entry)
        backlog = self._modlog_backlog
        now = asyncio.get_running_loop().time
        while backlog:
            waiting = backlog.popleft()
            if await self._post_modlog(channel, waiting.entry):
                continue
            failing_since = waiting.failing_since if waiting.rounds else now()
            if waiting.rounds + 1 < MODLOG_ROUNDS or now() - failing_since < MODLOG_GIVE_UP_AFTER:
                backlog.appendleft(_Waiting(waiting.entry, waiting.rounds + 1, failing_since))
                self._trim_modlog()  # (entries may have come in the meantime)
                log.error("Mod-log entries waiting for Discord: %d", len(backlog))
                return False
            self._modlog_dropped += 1
            log.error("Mod-log entry given up after %d rounds of tries", waiting.rounds + 1)
        while self._modlog_dropped:
            # a line once tried is posted as it was (its count, its nonce), so a try whose
            # answer was lost is one line; entries lost meanwhile are told in the next
            if self._modlog_lost_line is None:
                self._modlog_lost_line = (self._modlog_dropped, _nonce())
            lost, nonce = self._modlog_lost_line
            line = {"content": render.modlog_lost(lost), "nonce": nonce}
            if not await self._post_modlog(channel, line):
                return False
            self._modlog_dropped -= lost
            self._modlog_lost_line = None
        return True

    async def _post_modlog(self, channel: discord.abc.Messageable, entry: dict[str, Any]) -> bool:
        """Send one mod-log entry, retrying server errors and lost connections (its nonce makes a
        try whose answer was lost count once); False when it should be tried again later. A
        refusal such as a 403 is only logged: trying again would not help."""
        for delay in (*MODLOG_RETRY_DELAYS, None):
            try:
                await channel.send(allowed_mentions=render.NO_PINGS, **entry)
            except (discord.HTTPException, aiohttp.ClientError, OSError) as error:
                if isinstance(error, discord.HTTPException) and not _passing(error):
                    log.warning("Could not post to the mod-log: %s %s", error.status, error.text)
                    return True
                if isinstance(error, discord.HTTPException):
                    log.warning("Mod-log post failed: %s %s", error.status, error.text)
                else:
                    log.warning("Mod-log post failed: %r", error)
                if delay is None:
                    return False
                await asyncio.sleep(delay)
            except Exception:
                log.exception("Could not post to the mod-log")
                return True
            else:
                return True
        raise AssertionError("unreachable")  # the last try returns

    def _moderated_channel(self, message: discord.Message) -> int | None:
        """The moderated channel the message was posted in (for a thread or forum post, its
        parent), or None when the message is not moderated."""
        me = self.bot.user
        if (
            message.guild is None
            or message.author.bot
            or message.webhook_id is not None
            or (me is not None and message.author.id == me.id)
        ):
            return None
        return home_channel_id(message.channel, self.bot.settings.moderated_channel_ids)

    def _remember(self, message: discord.Message) -> None:
        self._checked[message.id] = message.content
        while len(self._checked) > REMEMBERED_CONTENTS:
            self._checked.popitem(last=False)

    # ------------------------------------------------------------------ commands

    @app_commands.command(name="cases")
    @app_commands.describe(user="Whose cases to show")
    @app_commands.guild_only()
    @app_commands.default_permissions(moderate_members=True)
    @app_commands.check(moderator_check)
    async def cases(self, interaction: discord.Interaction[Any], user: discord.User) -> None:
        """Show a user's moderation cases."""
        now = time.time()
        store = self.state.store
        window = self.state.rules.strikes.window_seconds
        cases = await asyncio.to_thread(store.cases, user.id)
        strikes = await asyncio.to_thread(store.active_strikes, user.id, now, window)
        await interaction.response.send_message(
            embed=render.cases_embed(str(user), cases, strikes),
            ephemeral=True,
            allowed_mentions=render.NO_PINGS,
        )

    @strikes.command(name="clear")
    @app_commands.describe(user="Whose strikes to clear")
    @app_commands.check(moderator_check)
    async def strikes_clear(
        self, interaction: discord.Interaction[Any], user: discord.User
    ) -> None:
        """Clear a user's active strikes (their cases stay on record)."""
        # Forgetting waits behind every queued check (many during a raid): defer first, or the
        # reply misses Discord's 3-second deadline.
        await interaction.response.defer(ephemeral=True, thinking=True)
        cleared = await asyncio.to_thread(self.state.store.clear_strikes, user.id)
        await self.state.forget(user.id)
        await interaction.followup.send(
            render.strikes_cleared(str(user), cleared),
            ephemeral=True,
            allowed_mentions=render.NO_PINGS,
        )


async def setup(bot: commands.Bot) -> None:
    """Load the extension (only when the bot has a moderation state)."""
    assert isinstance(bot, StorybotBot)
    if not isinstance(bot.moderation, ModerationState):
        log.info("Moderation is not configured; the moderation Cog is not loaded")
        return
    await bot.add_cog(Moderation(bot, bot.moderation))
