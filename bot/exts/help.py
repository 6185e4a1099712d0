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

HOW_TO_ASK = (
    "Mention me with a question, reply to one of my answers to follow up, send me a DM, or ask "
    "in an ask channel. I answer from the story only and cite the paragraph I used."
)
NO_RULES = "This server has no comment rules configured."


class Help(commands.Cog):
    """How to use the bot, and the comment rules."""

    def __init__(self, bot: StorybotBot) -> None:
        self.bot = bot

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        """How to ask me about the story."""
        embed = discord.Embed(title="storybot", description=HOW_TO_ASK, colour=render.ANSWER_COLOUR)
        for command in sorted(self.bot.tree.get_commands(), key=lambda c: c.name):
            description = getattr(command, "description", "") or "-"
            embed.add_field(
                name=f"/{command.name}", value=render.cut(description, 1024), inline=False
            )
        await interaction.response.send_message(
            embed=render.fit(embed), ephemeral=True, allowed_mentions=render.NO_PINGS
        )

    @app_commands.command(name="rules")
    async def rules(self, interaction: discord.Interaction[Any]) -> None:
        """The comment rules of this server."""
        describe = getattr(self.bot.moderation, "describe_rules", None)
        lines: list[str] = list(describe()) if callable(describe) else []
        embed = discord.Embed(
            title="Comment rules",
            description=render.cut("\n".join(lines) or NO_RULES, render.DESCRIPTION_LIMIT),
            colour=render.ANSWER_COLOUR,
        )
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=render.NO_PINGS
        )


async def setup(bot: commands.Bot) -> None:
    """Load the extension."""
    assert isinstance(bot, StorybotBot)
    await bot.add_cog(Help(bot))
