"""/help and /rules."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.client import StorybotBot

log = logging.getLogger(__name__)


class Help(commands.Cog):
    """How to use the bot, and the comment rules."""

    def __init__(self, bot: StorybotBot) -> None:
        self.bot = bot

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        """How to ask me about the story."""
        commands = self.bot.tree.get_commands()
        embed = render.help_embed((c.name, getattr(c, "description", "")) for c in commands)
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=render.NO_PINGS
        )

    @app_commands.command(name="rules")
    async def rules(self, interaction: discord.Interaction[Any]) -> None:
        """The comment rules of this server."""
        describe = getattr(self.bot.moderation, "describe_rules", None)
        lines: list[str] = list(describe()) if callable(describe) else []
        await interaction.response.send_message(
            embed=render.rules_embed(lines), ephemeral=True, allowed_mentions=render.NO_PINGS
        )


async def setup(bot: commands.Bot) -> None:
    """Load the extension."""
    assert isinstance(bot, StorybotBot)
    await bot.add_cog(Help(bot))
