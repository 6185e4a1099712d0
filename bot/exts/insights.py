"""Reader insights on Discord: helpful / not-helpful buttons on every answer, and /insights.

The buttons are :class:`discord.ui.DynamicItem` s whose custom id carries the answer id
(``insights:vote:<answer id>:<1|0>``), registered when this Cog loads: a click on any answer the
bot ever sent is understood, also after a restart, without keeping a view per message in memory.
The store (:class:`~bot.core.insights.InsightsStore`, opened once in ``build_bot``) counts one vote
per reader per answer; readers are known to it only by a salted hash. Every SQLite call runs in a
worker thread (``asyncio.to_thread``).

Other Cogs call :func:`vote_view` when they answer a question and :func:`revise_vote_view` when
the asker edits it; both return ``None`` (send the answer without buttons) when insights are off
(the bot was built without a store: then this extension installs nothing) or the database fails,
so that an insights problem never costs a reader their answer. When the answer then cannot be
sent, :func:`forget_answer` removes its record: insights count only answers a reader saw.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import render
from bot.client import StorybotBot, admin_only
from bot.core.answer import Answer
from bot.core.errors import StorybotError
from bot.core.insights import (
    MAX_DAYS,
    InsightsStore,
    VoteOutcome,
)
from bot.core.insights.report import build_report_files

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]

VOTE_TEMPLATE = r"insights:vote:(?P<answer_id>[0-9]{1,19}):(?P<helpful>[01])"
CSV_FILENAME = "unanswered-questions.csv"
#: A click is answered directly when the vote is stored within this many seconds, else deferred.
VOTE_REPLY_DEADLINE = 2.0


def vote_custom_id(answer_id: int, helpful: bool) -> str:
    """The stable custom id of one vote button."""
    return f"insights:vote:{answer_id}:{int(helpful)}"


class VoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=VOTE_TEMPLATE):
    """A helpful (1) or not-helpful (0) button for one recorded answer."""

    def __init__(self, answer_id: int, helpful: bool) -> None:
        super().__init__(
            discord.ui.Button(
                label=render.HELPFUL_LABEL if helpful else render.NOT_HELPFUL_LABEL,
                emoji="👍" if helpful else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=vote_custom_id(answer_id, helpful),
            )
        )
        self.answer_id = answer_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        """Rebuild the button from a click on any message (also one sent before a restart)."""
        return cls(int(match["answer_id"]), match["helpful"] == "1")

    async def callback(self, interaction: Interaction) -> None:
        """Count the vote and tell the reader privately."""
        client = interaction.client
        store = client.insights if isinstance(client, StorybotBot) else None
        if store is None:
            await _reply(interaction, render.INSIGHTS_OFF_TEXT)
            return
        work = asyncio.ensure_future(
            asyncio.to_thread(
                store.record_vote, self.answer_id, user_id=interaction.user.id, helpful=self.helpful
            )
        )
        done, _ = await asyncio.wait({work}, timeout=VOTE_REPLY_DEADLINE)
        if not done:  # the database is busy: acknowledge within Discord's 3 s, answer later
            await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            outcome = await work
        except StorybotError as error:
            log.warning("Could not record a vote on answer %s: %s", self.answer_id, error)
            text = render.VOTE_FAILED_TEXT
        except Exception:
            log.exception("Unexpected error recording a vote on answer %s", self.answer_id)
            text = render.VOTE_FAILED_TEXT
        else:
            if outcome is VoteOutcome.UNKNOWN_ANSWER:
                log.info("Vote on unknown or pruned answer %s", self.answer_id)
            text = render.vote_reply(outcome, self.helpful)
        await _reply(interaction, text)


async def _reply(interaction: Interaction, text: str) -> None:
    """``text`` privately, as the response or (after a defer) as the follow-up."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=render.NO_PINGS)
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=render.NO_PINGS
            )
    except discord.HTTPException as error:
        log.warning("Could not answer vote click %s: %s", interaction.id, error)


def buttons(answer_id: int) -> discord.ui.View:
    """The helpful / not-helpful buttons for ``answer_id`` (a view that never times out)."""
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton(answer_id, True))
    view.add_item(VoteButton(answer_id, False))
    return view


def _store(bot: StorybotBot) -> InsightsStore | None:
    """The insights store when insights are on (store open and this Cog loaded)."""
    if bot.insights is None or bot.get_cog(Insights.__cog_name__) is None:
        return None
    return bot.insights


async def vote_view(
    bot: StorybotBot, answer: Answer, *, user_id: int, channel_id: int | None
) -> tuple[int | None, discord.ui.View | None]:
    """Record an answered question; return its answer id and the vote buttons to send with it.

    Pass ``channel_id=None`` for a DM: a DM channel belongs to one reader, so its id would name
    them as surely as their user id. ``(None, None)`` when insights are off or the database fails
    (logged), or for small talk ("thanks!" is no question asked): send it without buttons.
    """
    store = _store(bot)
    if store is None or answer.small_talk:
        return None, None
    try:
        answer_id = await asyncio.to_thread(
            store.record_answer, answer, user_id=user_id, channel_id=channel_id
        )
    except StorybotError as error:
        log.warning("Could not record a question for insights: %s", error)
        return None, None
    return answer_id, buttons(answer_id)


async def forget_answer(bot: StorybotBot, answer_id: int | None) -> None:
    """Undo :func:`vote_view`'s record when the answer could not be sent: insights count only
    answers a reader saw."""
    store = _store(bot)
    if store is None or answer_id is None:
        return
    try:
        await asyncio.to_thread(store.forget_answer, answer_id)
    except StorybotError as error:
        log.warning("Could not forget undelivered answer %s: %s", answer_id, error)


async def revise_vote_view(
    bot: StorybotBot, answer_id: int | None, answer: Answer
) -> discord.ui.View | None:
    """After the asker edited the question: update the recorded question (its old votes go)
    and return the buttons to keep on the edited answer (None: remove them)."""
    store = _store(bot)
    if store is None or answer_id is None or answer.small_talk:
        return None
    try:
        kept = await asyncio.to_thread(store.revise_answer, answer_id, answer)
    except StorybotError as error:
        log.warning("Could not revise question %s for insights: %s", answer_id, error)
        return None
    return buttons(answer_id) if kept else None


class Insights(commands.Cog):
    """Helpful / not-helpful votes on answers, and what readers asked (/insights)."""

    def __init__(self, bot: StorybotBot, store: InsightsStore) -> None:
        self.bot = bot
        self.store = store

    async def cog_load(self) -> None:
        """Understand vote clicks on every answer, including those sent before a restart."""
        self.bot.add_dynamic_items(VoteButton)

    async def cog_unload(self) -> None:
        """Stop handling vote clicks."""
        self.bot.remove_dynamic_items(VoteButton)

    @app_commands.command(name="insights")
    @app_commands.describe(
        days="How many days back to look (default 7)",
        csv="Also attach the unanswered questions as a CSV file",
    )
    @admin_only()
    async def insights(
        self,
        interaction: Interaction,
        days: app_commands.Range[int, 1, MAX_DAYS] = 7,
        csv: bool = False,
    ) -> None:
        """Show what readers asked and what the story did not answer."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        built = await asyncio.to_thread(build_report_files, self.store, days, with_csv=csv)
        report, chart, csv_bytes = built.report, built.chart_png, built.csv
        files = [discord.File(io.BytesIO(chart), filename=render.CHART_FILENAME)]
        if csv_bytes is not None:
            files.append(discord.File(io.BytesIO(csv_bytes), filename=CSV_FILENAME))
        await interaction.followup.send(
            embed=render.insights_embed(report),
            files=files,
            ephemeral=True,
            allowed_mentions=render.NO_PINGS,
        )


async def setup(bot: commands.Bot) -> None:
    """Load the extension: nothing when the bot has no insights store (then answers carry no
    buttons and there is no /insights command)."""
    assert isinstance(bot, StorybotBot)
    if bot.insights is None:
        log.info("Reader insights are off (no store): no vote buttons, no /insights")
        return
    await bot.add_cog(Insights(bot, bot.insights))
