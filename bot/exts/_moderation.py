"""The moderation engine's live state for the bot: rules (through the Moderator) and the case
store. A private helper of ``bot.exts.moderation``, never loaded as an extension (so the class is
the same object for the CLI, the tests and the Cog)."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from pathlib import Path

from bot.core.moderation import CaseStore, Moderator, RuleSet, diff_rules, load_rules

log = logging.getLogger(__name__)

REMEMBERED_REMOVALS = 1000


class ModerationState:
    """The live rules (through the :class:`Moderator`) and the case store."""

    def __init__(self, rules_file: Path | None, data_dir: Path) -> None:
        self.rules_file = rules_file
        self.moderator = Moderator(load_rules(rules_file))
        self.store = CaseStore.in_folder(data_dir)
        self._removed: OrderedDict[int, None] = OrderedDict()

    def mark_removed(self, message_id: int) -> None:
        """Remember that a message is being removed (so nobody answers it)."""
        self._removed[message_id] = None
        while len(self._removed) > REMEMBERED_REMOVALS:
            self._removed.popitem(last=False)

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
        self.moderator.replace_rules(new)
        return f"Rules: {'; '.join(changes) if changes else 'no change'} ({new.summary()})"

    def describe_rules(self) -> list[str]:
        """One line per rule and the strike policy, for /rules."""
        return self.moderator.rules.describe()

    def close(self) -> None:
        """Close the database."""
        self.store.close()
