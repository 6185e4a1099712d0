"""Questions in chat: mentions, DMs, replies to the bot's answers, and the ask channels.

The bot answers when mentioned, in DMs, when a user replies to one of its answers (a follow-up:
answered alone, and with the earlier question as context when alone it finds nothing), and in
the configured ask channels (and their threads and forum posts) for messages that read as
questions. It ignores bots, webhooks and itself. When the asker edits the question, the answer
is edited too. A per-user cooldown replies politely once instead of dropping the question
silently. Each answer is recorded for reader insights and carries helpful / not-helpful buttons
(:mod:`bot.exts.insights`); a question that moderation removes is neither answered nor recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import discord
from discord.ext import commands

from bot import render
from bot.client import StorybotBot
from bot.core.answer import Answer
from bot.core.errors import StorybotError
from bot.core.questions import Cooldown, answer_follow_up, question_for_bot, strip_mentions
from bot.exts._channels import home_channel_id
from bot.exts._moderation import MODERATION_WAIT
from bot.exts.errors import GENERIC_ERROR
from bot.exts.insights import forget_answer, revise_vote_view, vote_view

log = logging.getLogger(__name__)

REMEMBERED_ANSWERS = 1000
#: The longest the typing indicator may hold up an answer (seconds): discord.py retries a 5xx
#: on it for up to about 25 s.
TYPING_WAIT = 2.0


@dataclass(frozen=True, slots=True)
class Asked:
    """A question the bot answered: which reply holds the answer, the question text, and the
    insights answer id its vote buttons carry (None when it has none)."""

    question: str
    answer_message_id: int
    channel_id: int
    answer_id: int | None = None


class Ask(commands.Cog):
    """Answers questions asked in chat."""

    def __init__(self, bot: StorybotBot) -> None:
        self.bot = bot
        self.cooldown = Cooldown(bot.settings.answer_cooldown_seconds)
        # question message id -> its answer; answer message id -> the question it answered
        self.by_question: OrderedDict[int, Asked] = OrderedDict()
        self.by_answer: OrderedDict[int, str] = OrderedDict()
        # questions being answered right now -> their latest text (edits made meanwhile)
        self.pending: dict[int, str] = {}
        # answers being re-answered after an edit -> the latest edit's token, and a lock so that
        # only that edit's answer is shown, whichever edit's answer is ready first
        self._edit_tokens = itertools.count(1)
        self._latest_edit: dict[int, int] = {}
        self._edit_locks: dict[int, asyncio.Lock] = {}

    # ------------------------------------------------------------------ listeners

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a message that asks the bot something."""
        if self._ignored(message):
            return
        question = self._question_in(message)
        if not question:
            return
        wait = self.cooldown.retry_after(message.author.id, time.monotonic())
        if wait > 0:
            if self.cooldown.should_warn(message.author.id):
                await self._safe_reply(message, content=render.cooldown_text(wait))
            return
        self.pending[message.id] = question
        try:
            reply, answer_id = await self._send_answer(message, question)
        finally:
            latest = self.pending.pop(message.id, question)
        if reply is None:
            return
        self._remember(message, question, reply, answer_id)
        if latest != question:  # edited while we were answering
            await self._edit_answer(message.id, latest, message.channel)

    async def _send_answer(
        self, message: discord.Message, question: str
    ) -> tuple[discord.Message | None, int | None]:
        """Reply with the answer and its vote buttons, unless moderation removed the question
        meanwhile; return the reply (None if not sent) and the insights answer id."""
        async with _typing(message.channel):
            embed, answer = await self._answer_embed(question, self._earlier_question(message))
        await self._moderated(message.id)
        if self._removed(message.id):
            return None, None
        answer_id, view = None, None
        if answer is not None:
            answer_id, view = await vote_view(
                self.bot,
                answer,
                user_id=message.author.id,
                channel_id=message.channel.id if message.guild else None,
            )
        reply = await self._safe_reply(message, embed=embed, view=view)
        if reply is None:  # never delivered: not a question insights should count
            await forget_answer(self.bot, answer_id)
            return None, None
        return reply, answer_id

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """When an answered question is edited, edit the answer to match."""
        message = payload.message
        if self._ignored(message):
            return
        question = strip_mentions(message.content)
        if payload.message_id in self.pending:
            if question:
                self.pending[payload.message_id] = question
            return
        asked = self.by_question.get(payload.message_id)
        if asked is None or not question:
            return  # not ours, or emptied
        if question == asked.question:
            # an embed-only update, or an edit back to the question answered: an older edit
            # still being answered must not replace that answer
            if self._latest_edit.pop(payload.message_id, None) is not None:
                self._edit_locks.pop(payload.message_id, None)
            return
        await self._edit_answer(payload.message_id, question, message.channel)

    async def _edit_answer(
        self, question_id: int, question: str, channel: discord.abc.Messageable
    ) -> None:
        """Answer ``question`` again and put the result in the existing answer message; of quick
        successive edits, only the latest one's answer is shown."""
        token = next(self._edit_tokens)
        self._latest_edit[question_id] = token
        lock = self._edit_locks.setdefault(question_id, asyncio.Lock())
        try:
            embed, answer = await self._answer_embed(question, None)
            await self._moderated(question_id)
            if self._removed(question_id):
                return  # edited into something moderation removed: the answer is left as it was
            async with lock:
                if self._latest_edit.get(question_id) != token:
                    log.debug("Dropping the answer to an older edit of %s", question_id)
                    return
                await self._show_edit(question_id, question, channel, embed, answer)
        finally:
            if self._latest_edit.get(question_id) == token:
                del self._latest_edit[question_id]
                self._edit_locks.pop(question_id, None)

    async def _show_edit(
        self,
        question_id: int,
        question: str,
        channel: discord.abc.Messageable,
        embed: discord.Embed,
        answer: Answer | None,
    ) -> None:
        """Put the answer to the edited question in the existing answer message."""
        asked = self.by_question.get(question_id)
        if asked is None:
            return
        target = self.bot.get_channel(asked.channel_id) or channel
        get_partial = getattr(target, "get_partial_message", None)
        if get_partial is None:
            return
        view = None
        if answer is not None:
            view = await revise_vote_view(self.bot, asked.answer_id, answer)
        try:
            await get_partial(asked.answer_message_id).edit(
                embed=embed, view=view, allowed_mentions=render.NO_PINGS
            )
        except discord.HTTPException as error:
            log.warning("Could not edit answer %s: %s", asked.answer_message_id, error)
            return
        self.by_question[question_id] = Asked(
            question, asked.answer_message_id, asked.channel_id, asked.answer_id
        )
        self.by_answer[asked.answer_message_id] = question

    # ------------------------------------------------------------------ helpers

    def _ignored(self, message: discord.Message) -> bool:
        me = self.bot.user
        return (
            message.author.bot
            or message.webhook_id is not None
            or (me is not None and message.author.id == me.id)
        )

    async def _moderated(self, message_id: int) -> None:
        """Wait (up to :data:`MODERATION_WAIT`) for moderation's verdict on the message, if it is
        being checked: an answer must not go to a message about to be removed."""
        settled = getattr(self.bot.moderation, "settled", None)
        if not callable(settled):
            return
        try:
            await asyncio.wait_for(settled(message_id), timeout=MODERATION_WAIT)
        except TimeoutError:
            log.warning(
                "Moderation of message %s took over %s s; answering", message_id, MODERATION_WAIT
            )

    def _removed(self, message_id: int) -> bool:
        """True when moderation removed the message meanwhile (then it gets no answer)."""
        was_removed = getattr(self.bot.moderation, "was_removed", None)
        return bool(was_removed(message_id)) if callable(was_removed) else False

    def _question_in(self, message: discord.Message) -> str | None:
        """The question text if this message asks the bot something, else None."""
        me = self.bot.user
        addressed = (
            message.guild is None
            or (me is not None and any(user.id == me.id for user in message.mentions))
            or self._replied_to_answer(message) is not None
        )
        ask_channel = home_channel_id(message.channel, self.bot.settings.ask_channel_ids)
        return question_for_bot(
            message.content, addressed=addressed, in_ask_channel=ask_channel is not None
        )

    def _replied_to_answer(self, message: discord.Message) -> discord.MessageReference | None:
        reference = message.reference
        if reference is None or reference.message_id is None:
            return None
        if reference.message_id in self.by_answer:
            return reference
        resolved = reference.resolved
        me = self.bot.user
        if isinstance(resolved, discord.Message) and me is not None and resolved.author == me:
            return reference
        return None

    def _earlier_question(self, message: discord.Message) -> str | None:
        reference = self._replied_to_answer(message)
        if reference is None or reference.message_id is None:
            return None
        return self.by_answer.get(reference.message_id)

    async def _answer_embed(
        self, question: str, context: str | None
    ) -> tuple[discord.Embed, Answer | None]:
        """The reply embed and the answer it shows (None when answering failed)."""
        try:
            answer = await asyncio.to_thread(
                answer_follow_up, self.bot.library.answer, question, context
            )
        except StorybotError as error:
            return render.error_embed("I can't answer that", str(error)), None
        except Exception:
            log.exception("Could not answer %r", question[:200])
            return render.error_embed("Sorry", GENERIC_ERROR), None
        return render.answer_embed(answer), answer

    async def _safe_reply(self, message: discord.Message, **kwargs: Any) -> discord.Message | None:
        try:
            return await message.reply(
                mention_author=False, allowed_mentions=render.NO_PINGS, **kwargs
            )
        except discord.Forbidden:
            log.warning("No permission to reply in channel %s", message.channel.id)
        except discord.HTTPException as error:
            log.warning("Could not reply in channel %s: %s", message.channel.id, error)
        return None

    def _remember(
        self,
        message: discord.Message,
        question: str,
        reply: discord.Message,
        answer_id: int | None,
    ) -> None:
        self.by_question[message.id] = Asked(question, reply.id, reply.channel.id, answer_id)
        self.by_answer[reply.id] = question
        for table in (self.by_question, self.by_answer):
            while len(table) > REMEMBERED_ANSWERS:
                table.popitem(last=False)


@contextlib.asynccontextmanager
async def _typing(channel: discord.abc.Messageable) -> AsyncIterator[None]:
    """Show "typing..." while the body runs, best-effort: a failed or slow typing call never
    costs the answer."""
    async with contextlib.AsyncExitStack() as stack:
        try:
            await asyncio.wait_for(stack.enter_async_context(channel.typing()), timeout=TYPING_WAIT)
        except (discord.HTTPException, TimeoutError) as error:
            log.info("No typing indicator in channel %s: %r", getattr(channel, "id", "?"), error)
        yield


async def setup(bot: commands.Bot) -> None:
    """Load the extension."""
    assert isinstance(bot, StorybotBot)
    await bot.add_cog(Ask(bot))
