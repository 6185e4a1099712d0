"""The frozen values the moderation engine hands to the Discord glue and the CLI."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

log = logging.getLogger(__name__)

Action = Literal["allow", "remove", "warn", "watch"]
RuleAction = Literal["remove", "warn", "watch"]

# Strength of each action: a verdict takes the strongest action of the rules that matched.
ACTION_RANK: dict[str, int] = {"allow": 0, "watch": 1, "remove": 2, "warn": 3}


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote a message: a Discord user id, their role ids, whether they are a bot."""

    id: int
    role_ids: frozenset[int] = frozenset()
    is_bot: bool = False


ANONYMOUS = Author(0)


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """One rule that matched: its name, its action, why (human-readable) and where.

    ``span`` is ``(start, end)`` in the original text, or ``None`` for rate rules (duplicates,
    floods) that concern the message as a whole.
    """

    rule: str
    action: RuleAction
    reason: str
    span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of checking one message.

    ``action`` is "allow" (nothing matched), "watch" (only log-only rules matched), "remove" or
    "warn" (remove and warn the author). ``redacted`` is the text with addresses and numbers
    masked and bad words starred, which the author can repost.
    """

    text: str
    action: Action
    matches: tuple[RuleMatch, ...] = field(default=())
    redacted: str = ""

    @property
    def removes(self) -> bool:
        """True when the message must be deleted ("remove" or "warn")."""
        return self.action in ("remove", "warn")

    @property
    def enforced(self) -> tuple[RuleMatch, ...]:
        """The matches that are not in watch mode."""
        return tuple(m for m in self.matches if m.action != "watch")

    def to_json(self) -> dict[str, object]:
        """The verdict as the JSON object the CLI prints."""
        return {
            "text": self.text,
            "action": self.action,
            "rules": [
                {
                    "rule": m.rule,
                    "action": m.action,
                    "reason": m.reason,
                    "span": list(m.span) if m.span else None,
                }
                for m in self.matches
            ],
            "redacted": self.redacted,
        }
