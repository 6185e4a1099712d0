"""Admin commands: /reload re-reads the corpus (and the moderation rules) without a restart.

The new index is built off the event loop (``asyncio.to_thread``) under one lock and swapped in by
the core; a broken file raises and the old index stays live, and the admin is told which file
and what is wrong. Only members with Manage Server or the admin role may run it: checked at run
time (``default_permissions`` is only a hint that a server admin can change).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.client import StorybotBot, admin_only
from bot.core.errors import StorybotError

log = logging.getLogger(__name__)


class Admin(commands.Cog):
    """Server-admin commands."""

    def __init__(self, bot: StorybotBot) -> None:
        self.bot = bot

    @app_commands.command(name="reload")
    @admin_only()
    async def reload(self, interaction: discord.Interaction[Any]) -> None:
        """Re-read the story and the moderation rules."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        async with self.bot.reload_lock:
            try:
                report = await asyncio.to_thread(self.bot.library.reload)
            except StorybotError as error:
                log.warning("Reload failed, keeping the old index: %s", error)
                await interaction.followup.send(
                    embed=render.reload_failed_embed(str(error)),
                    ephemeral=True,
                    allowed_mentions=render.NO_PINGS,
                )
                return
            await self.bot.save_lexicon()
            extra = await self._reload_rules()
        log.info("Corpus reloaded by %s", interaction.user.id)
        await interaction.followup.send(
            embed=render.reload_embed(report, extra),
            ephemeral=True,
            allowed_mentions=render.NO_PINGS,
        )

    async def _reload_rules(self) -> list[str]:
        """Reload the moderation rules when moderation is configured; lines for the reply."""
        reloader = getattr(self.bot.moderation, "reload_rules", None)
        if reloader is None:
            return []
        try:
            summary = await reloader()
        except StorybotError as error:
            return [f"Rules NOT reloaded (the previous rules stay live): {error}"]
        return [str(summary)]


async def setup(bot: commands.Bot) -> None:
    """Load the extension."""
    assert isinstance(bot, StorybotBot)
    await bot.add_cog(Admin(bot))
