"""The moderator: checks one message against a RuleSet and returns a Verdict."""

from __future__ import annotations

import logging
import time as _time
from collections.abc import Callable

from bot.core.moderation.detectors import STARS, Hit, Scan, count_mentions, dedupe_key
from bot.core.moderation.model import (
    ACTION_RANK,
    ANONYMOUS,
    Action,
    Author,
    RuleMatch,
    Verdict,
)
from bot.core.moderation.rate import RateTracker
from bot.core.moderation.rules import Rule, RuleSet

log = logging.getLogger(__name__)

MAX_ENTRIES_PER_USER = 32


class Moderator:
    """Applies a :class:`RuleSet` to messages; keeps bounded per-user state for rate rules.

    ``clock`` (default ``time.time``) supplies the time when :meth:`check` is not given one.
    Swap rules with :meth:`replace_rules` (rate state is kept). Not thread-safe: call it from one
    thread (the event loop) at a time.
    """

    def __init__(self, rules: RuleSet, clock: Callable[[], float] = _time.time) -> None:
        self._clock = clock
        self._rules = rules
        self._rate = self._new_tracker(rules)
        self._plan = _Plan(rules)

    @property
    def rules(self) -> RuleSet:
        """The rules in force."""
        return self._rules

    @property
    def tracked_users(self) -> int:
        """How many users' recent messages are remembered."""
        return len(self._rate)

    def replace_rules(self, rules: RuleSet) -> None:
        """Put ``rules`` in force (after a reload); per-user history is kept when it fits."""
        old = self._rules
        self._rules = rules
        self._plan = _Plan(rules)
        if (old.max_tracked_users, self._horizon(old)) != (
            rules.max_tracked_users,
            self._horizon(rules),
        ):
            self._rate = self._new_tracker(rules)

    def forget(self, user_id: int) -> None:
        """Forget a user's recent messages (rate rules start afresh for them)."""
        self._rate.forget(user_id)

    @staticmethod
    def _horizon(rules: RuleSet) -> float:
        return max(
            [r.window for r in rules.rules if r.kind in ("duplicates", "flood", "mentions")]
            or [0.0]
        )

    def _new_tracker(self, rules: RuleSet) -> RateTracker:
        return RateTracker(rules.max_tracked_users, MAX_ENTRIES_PER_USER, self._horizon(rules))

    def check(
        self,
        text: str,
        author: Author = ANONYMOUS,
        channel_id: int | None = None,
        time: float | None = None,
        *,
        message_id: int | None = None,
        edited: bool = False,
        content_only: bool = False,
    ) -> Verdict:
        """Check ``text`` posted by ``author`` in ``channel_id`` (None: any) at ``time`` (epoch s).

        The caller decides which channels are moderated; ``channel_id`` only selects the rules
        limited to certain channels. An ``edited`` message replaces its own entry (by
        ``message_id``) for the rate rules: a typo fix is not a repost, an edit into a copy of
        other messages is, and an edit is never judged as one more message for the flood rule.
        ``content_only`` checks the content rules only, counting nothing (e.g. the text of a
        slash command, which is not a post).
        """
        rules = self._rules
        if rules.exempt(author):
            return Verdict(text, "allow", (), text)
        now = self._clock() if time is None else time
        scanned = text[: rules.max_text_length]
        scan = Scan.of(scanned)
        found: list[tuple[Rule, Hit]] = []
        plan = self._plan
        if plan.plain:
            content, rate_rules = plan.content, plan.rate
        else:
            content = tuple(r for r in plan.content if r.applies(author, channel_id))
            rate_rules = tuple(r for r in plan.rate if r.applies(author, channel_id))
        for rule in content:
            assert rule.detector is not None
            for hit in rule.detector.find(scan):
                found.append((rule, hit))
        matches = [
            RuleMatch(rule.name, rule.action, hit.reason, scan.folded.span(hit.start, hit.end))
            for rule, hit in found
        ]
        if rate_rules and not content_only:
            matches.extend(
                self._rate_matches(rate_rules, author, scan, now, message_id, edited=edited)
            )
        if not matches:
            return Verdict(text, "allow", (), text)
        action: Action = max((m.action for m in matches), key=ACTION_RANK.__getitem__)
        matches.sort(key=lambda m: (m.span or (len(text), len(text)), m.rule))
        redacted = _redactions(text, scan, found)
        return Verdict(text, action, tuple(matches), redacted)

    def _rate_matches(
        self,
        rate_rules: tuple[Rule, ...],
        author: Author,
        scan: Scan,
        now: float,
        message_id: int | None,
        *,
        edited: bool,
    ) -> list[RuleMatch]:
        text = scan.folded.original
        windows = {rule.kind: rule.window for rule in rate_rules}
        counts = self._rate.observe(
            author.id,
            now,
            dedupe_key(scan),
            count_mentions(text),
            repeat_window=windows.get("duplicates", 0.0),
            flood_window=windows.get("flood", 0.0),
            mention_window=windows.get("mentions", 0.0),
            message_id=message_id,
            edited=edited,
        )
        matches = []
        for rule in rate_rules:
            if rule.kind == "duplicates":
                if counts.repeats >= rule.limit and len(text.strip()) >= rule.min_length:
                    reason = (
                        f"same message posted {counts.repeats + 1} times within "
                        f"{rule.window:g} s (limit {rule.limit})"
                    )
                    matches.append(RuleMatch(rule.name, rule.action, reason, None))
            elif rule.kind == "flood":
                if counts.new and counts.messages > rule.limit:
                    reason = (
                        f"{counts.messages} messages within {rule.window:g} s (limit {rule.limit})"
                    )
                    matches.append(RuleMatch(rule.name, rule.action, reason, None))
            elif counts.mentions > rule.limit:
                reason = f"{counts.mentions} mentions within {rule.window:g} s (limit {rule.limit})"
                matches.append(RuleMatch(rule.name, rule.action, reason, None))
        return matches


class _Plan:
    """The rules split once into content and rate rules, for the per-message loop."""

    def __init__(self, rules: RuleSet) -> None:
        self.plain = rules.plain
        self.content = tuple(r for r in rules.rules if r.enabled and r.detector is not None)
        self.rate = tuple(
            r
            for r in rules.rules
            if r.enabled
            and (r.kind in ("duplicates", "flood") or (r.kind == "mentions" and r.limit))
        )


def _redactions(text: str, scan: Scan, found: list[tuple[Rule, Hit]]) -> str:
    return redact(text, [(scan.folded.span(hit.start, hit.end), hit.redact) for _, hit in found])


def redact(text: str, spans: list[tuple[tuple[int, int] | None, str]]) -> str:
    """Replace each span of ``text``: ``"*"`` stars its letters, any other string replaces it."""
    ordered = sorted((span, how) for span, how in spans if span is not None)
    pieces: list[str] = []
    position = 0
    for (start, end), how in ordered:
        start = max(start, position)
        if end <= start:
            continue
        pieces.append(text[position:start])
        chunk = text[start:end]
        if how == STARS:
            pieces.append("".join("*" if not ch.isspace() else ch for ch in chunk))
        else:
            pieces.append(how)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
