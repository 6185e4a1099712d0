"""The moderation engine's live state for the bot: rules (through the Moderator) and the case
store. A private helper of ``bot.exts.moderation``, never loaded as an extension (so the class is
the same object for the CLI, the tests and the Cog)."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import discord

from bot.core.moderation import (
    Author,
    CaseStore,
    Moderator,
    RuleSet,
    Verdict,
    diff_rules,
    load_rules,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

REMEMBERED_REMOVALS = 1000


def author_of(user: discord.abc.User) -> Author:
    """The moderation engine's view of a message's or a command's author: id, role ids (none
    outside a server), bot or not."""
    roles = frozenset(role.id for role in getattr(user, "roles", ()))
    return Author(user.id, roles, user.bot)


#: The longest an answer (or a slash command's own text) waits for moderation's verdict
#: (seconds); checks take well under 0.1 s even on 4,000 characters, so only a wedged rule is
#: ever waited out.
MODERATION_WAIT = 30.0


class ModerationState:
    """The live rules (through the :class:`Moderator`) and the case store."""

    def __init__(self, rules_file: Path | None, data_dir: Path) -> None:
        self.rules_file = rules_file
        self.moderator = Moderator(load_rules(rules_file))
        self.store = CaseStore.in_folder(data_dir)
        self._removed: OrderedDict[int, None] = OrderedDict()
        # messages being checked: how many checks, and the event set at the end
        self._checking: dict[int, tuple[int, asyncio.Event]] = {}
        # Every use of the moderator (checks, rule swaps, forgetting a user) runs on this one
        # thread, in the order asked: off the event loop, one at a time (its spam counts are
        # shared and it is not thread-safe), and not in the pool that answers questions.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storybot-moderation")

    async def _on_worker(self, job: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, job, *args)

    async def check(
        self,
        content: str,
        author: Author,
        channel_id: int,
        now: float,
        *,
        message_id: int | None = None,
        edited: bool = False,
        content_only: bool = False,
    ) -> Verdict:
        """The moderator's verdict on a message, worked out on the moderation thread: however
        long its rules take, the event loop goes on. An ``edited`` message replaces its own entry
        (``message_id``) for the rate rules; ``content_only`` checks the content rules only and
        counts nothing (see :meth:`Moderator.check`)."""
        job = functools.partial(
            self.moderator.check, message_id=message_id, edited=edited, content_only=content_only
        )
        return await self._on_worker(job, content, author, channel_id, now)

    async def forget(self, user_id: int) -> None:
        """Forget a user's recent messages (their strikes were cleared)."""
        await self._on_worker(self.moderator.forget, user_id)

    def begin_check(self, message_id: int) -> None:
        """A message's check starts: an answer to it waits for the end (see :meth:`settled`)."""
        count, event = self._checking.get(message_id) or (0, asyncio.Event())
        self._checking[message_id] = (count + 1, event)

    def end_check(self, message_id: int) -> None:
        """A message's check has ended (after :meth:`mark_removed`, if it is removed)."""
        count, event = self._checking[message_id]
        if count > 1:
            self._checking[message_id] = (count - 1, event)
            return
        del self._checking[message_id]
        event.set()

    async def settled(self, message_id: int) -> None:
        """Wait until no check of the message is running (at once when none is)."""
        entry = self._checking.get(message_id)
        if entry is not None:
            await entry[1].wait()

    def mark_removed(self, message_id: int) -> None:
        """Remember that a message is being removed (so nobody answers it)."""
        self._removed[message_id] = None
        while len(self._removed) > REMEMBERED_REMOVALS:
            self._removed.popitem(last=False)

    def unmark_removed(self, message_id: int) -> None:
        """Forget a removal that did not happen (its delete failed): later edits are checked."""
        self._removed.pop(message_id, None)

    def was_removed(self, message_id: int) -> bool:
        """True when the message was removed by moderation."""
        return message_id in self._removed

    @property
    def rules(self) -> RuleSet:
        """The rules in force."""
        return self.moderator.rules

    async def reload_rules(self) -> str:
        """Re-read the rules file off the event loop and swap it in; raise ``RulesError`` (and
        keep the old rules) when the file is bad. Returns one line for the /reload reply."""
        new = await asyncio.to_thread(load_rules, self.rules_file)
        changes = diff_rules(self.moderator.rules, new)
        await self._on_worker(self.moderator.replace_rules, new)  # (not during a check)
        return f"Rules: {'; '.join(changes) if changes else 'no change'} ({new.summary()})"

    def describe_rules(self) -> list[str]:
        """One line per rule and the strike policy, for /rules."""
        return self.moderator.rules.describe()

    def close(self) -> None:
        """Stop the moderation thread (checks not started are dropped) and close the database."""
        self._worker.shutdown(wait=False, cancel_futures=True)
        self.store.close()
