"""One place that turns slash-command errors into an ephemeral, user-safe reply.

Typed core errors (:class:`~bot.core.errors.StorybotError`) and failed checks show their own
message; anything else is logged with its traceback and the user sees a generic apology. The
reply goes through the initial response when nothing was sent yet, else a follow-up, so an
interaction is always answered exactly once and never shows "The application did not respond".
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.core.errors import StorybotError

log = logging.getLogger(__name__)

GENERIC_ERROR = "Something went wrong on my side. The error was logged; please try again later."


def user_message(error: app_commands.AppCommandError) -> str | None:
    """The user-safe text for ``error``, or None for an unexpected error (to be logged)."""
    original = getattr(error, "original", error)
    if isinstance(original, StorybotError):
        return str(original)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command only works in a server."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You cannot use that command here."
    if isinstance(error, app_commands.TransformerError):
        return f"I could not understand {error.value!r}."
    return None


async def reply_ephemeral(interaction: discord.Interaction[Any], text: str) -> None:
    """Send ``text`` ephemerally as the response, or as a follow-up if one was already sent."""
    embed = render.error_embed("Sorry", text)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(
                embed=embed, ephemeral=True, allowed_mentions=render.NO_PINGS
            )
        else:
            await interaction.response.send_message(
                embed=embed, ephemeral=True, allowed_mentions=render.NO_PINGS
            )
    except discord.HTTPException:
        log.warning("Could not send an error reply for interaction %s", interaction.id)


class Errors(commands.Cog):
    """Installs the central ``tree.on_error``."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self._previous = bot.tree.on_error
        bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        """Restore the default handler."""
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """Reply with a user-safe message; log unexpected errors with their traceback."""
        text = user_message(error)
        if text is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("Error in /%s", command, exc_info=getattr(error, "original", error))
            text = GENERIC_ERROR
        await reply_ephemeral(interaction, text)


async def setup(bot: commands.Bot) -> None:
    """Load the extension."""
    await bot.add_cog(Errors(bot))
