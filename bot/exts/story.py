"""Slash commands over the story: /ask (with helpful / not-helpful buttons), /quote, /passage,
/story."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.client import StorybotBot
from bot.core import browse
from bot.exts._channels import home_channel_id
from bot.exts._moderation import MODERATION_WAIT, ModerationState, author_of
from bot.exts.insights import forget_answer, vote_view

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]


class Story(commands.Cog):
    """Ask about the story, find quotes and passages, list the articles."""

    def __init__(self, bot: StorybotBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask")
    @app_commands.describe(
        question="What you want to know about the story",
        ephemeral="Only you see the answer",
    )
    async def ask(self, interaction: Interaction, question: str, ephemeral: bool = False) -> None:
        """Ask a question about the story."""
        await interaction.response.defer(ephemeral=ephemeral, thinking=True)
        if not ephemeral and await self._withheld(interaction, "ask", question):
            return
        answer = await asyncio.to_thread(self.bot.library.answer, question)
        answer_id, view = await vote_view(
            self.bot,
            answer,
            user_id=interaction.user.id,
            channel_id=interaction.channel_id if interaction.guild_id else None,
        )
        try:
            await interaction.followup.send(
                embed=render.answer_embed(answer),
                ephemeral=ephemeral,
                allowed_mentions=render.NO_PINGS,
                view=view if view is not None else discord.utils.MISSING,
            )
        except discord.HTTPException:
            await forget_answer(self.bot, answer_id)  # never delivered: not counted
            raise

    @app_commands.command(name="quote")
    @app_commands.describe(speaker="Who said it", query="Words in the quote")
    async def quote(
        self, interaction: Interaction, speaker: str | None = None, query: str | None = None
    ) -> None:
        """Find quotes by speaker and/or words."""
        if await self._withheld(interaction, "quote", speaker, query):
            return
        quotes = self.bot.library.find_quotes(speaker=speaker, words=query, limit=10)
        heading = render.quotes_heading(speaker, query)
        embed = render.quotes_embed(quotes, self.bot.library.corpus, heading=heading)
        if interaction.response.is_done():  # deferred for the moderation check
            await interaction.followup.send(embed=embed, allowed_mentions=render.NO_PINGS)
        else:
            await interaction.response.send_message(embed=embed, allowed_mentions=render.NO_PINGS)

    @quote.autocomplete("speaker")
    async def speaker_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Speakers from the extracted quotes whose name contains what was typed."""
        names = browse.matching_names(self.bot.library.speakers(), current)
        return render.choices((name, name) for name in names)

    @app_commands.command(name="passage")
    @app_commands.describe(article="The article", paragraph="The paragraph number (from 1)")
    async def passage(
        self,
        interaction: Interaction,
        article: str,
        paragraph: app_commands.Range[int, 1, 10_000],
    ) -> None:
        """Show one paragraph of an article."""
        found = browse.find_paragraph(self.bot.library.corpus, article, paragraph)
        await interaction.response.send_message(
            embed=render.passage_embed(found, paragraph), allowed_mentions=render.NO_PINGS
        )

    @passage.autocomplete("article")
    async def article_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Articles whose title or slug contains what was typed."""
        articles = browse.matching_articles(self.bot.library.corpus, current)
        return render.choices((a.title, a.slug) for a in articles)

    @app_commands.command(name="story")
    async def story(self, interaction: Interaction) -> None:
        """List the articles with their metadata."""
        library = self.bot.library
        counts = browse.quotes_per_article(library.find_quotes(limit=100_000))
        embed = render.story_embed(library.corpus, counts)
        await interaction.response.send_message(embed=embed, allowed_mentions=render.NO_PINGS)

    async def _withheld(self, interaction: Interaction, command: str, *texts: str | None) -> bool:
        """In a moderated channel, check the option text that the reply would show publicly.
        When the channel's rules would remove it, say so in place of the reply (naming the rule,
        not the text) and return True: the bot must not publish under its name what a member may
        not.

        Defers first (a check can wait behind others on the moderation thread), so a caller that
        goes on replies with a follow-up."""
        state = self.bot.moderation
        text = "\n".join(t for t in texts if t)
        channel_id = self._moderated_channel_id(interaction)
        if not text or not isinstance(state, ModerationState) or channel_id is None:
            return False
        if not interaction.response.is_done():
            await interaction.response.defer(thinking=True)
        user = interaction.user
        check = state.check(  # the content rules only: a command is no post to count
            text,
            author_of(user),
            channel_id,
            time.time(),
            content_only=True,
        )
        try:
            verdict = await asyncio.wait_for(check, timeout=MODERATION_WAIT)
        except TimeoutError:  # a wedged rule: post nothing unchecked, and say so
            log.warning("Moderation of /%s took over %s s; not posted", command, MODERATION_WAIT)
            await interaction.edit_original_response(
                content=render.MODERATION_BUSY, allowed_mentions=render.NO_PINGS
            )
            return True
        if not verdict.removes:
            return False
        log.info(
            "Withheld /%s by %s in channel %s: %s",
            command,
            user.id,
            interaction.channel_id,
            [m.rule for m in verdict.enforced],
        )
        # The public "thinking..." message becomes the notice: a follow-up after a public
        # defer may not be private on Discord, and the notice names the rule, not the text.
        await interaction.edit_original_response(
            content=render.withheld_text(verdict), allowed_mentions=render.NO_PINGS
        )
        return True

    def _moderated_channel_id(self, interaction: Interaction) -> int | None:
        """The moderated channel the command falls under (its own, or a thread's parent, whose
        channel-limited rules apply in it too), None outside one."""
        if interaction.guild_id is None:
            return None
        return home_channel_id(interaction.channel, self.bot.settings.moderated_channel_ids)


async def setup(bot: commands.Bot) -> None:
    """Load the extension."""
    assert isinstance(bot, StorybotBot)
    await bot.add_cog(Story(bot))
