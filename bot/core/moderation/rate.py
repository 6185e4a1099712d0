"""Per-user memory of recent messages for the rate rules, bounded in size (least recent out)."""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RateCounts:
    """What one user did within the rate rules' windows, including the current message."""

    repeats: int  # earlier messages with the same text within the duplicates window
    messages: int  # messages within the flood window
    mentions: int  # mentions within the mention window
    new: bool = True  # a new message (False: an edit, which posts no further message)


class RateTracker:
    """Remembers each user's recent messages as (posted, seen, text key, mentions, message id)
    tuples: ``posted`` is when the message was posted (what the flood window counts), ``seen``
    when its current text was (what the duplicates and mention windows count).

    An edit replaces the message's own entry (found by message id) instead of adding one: a
    typo fix is not a repost, while an edit into a copy of *other* messages still counts.

    At most ``max_users`` users are kept (the least recently active are forgotten first) and at
    most ``max_entries`` messages a user, none older than ``horizon`` seconds.
    """

    def __init__(self, max_users: int, max_entries: int, horizon: float) -> None:
        self.max_users = max(1, max_users)
        self.max_entries = max(1, max_entries)
        self.horizon = horizon
        self._users: OrderedDict[int, list[tuple[float, float, int, int, int | None]]] = (
            OrderedDict()
        )

    def __len__(self) -> int:
        return len(self._users)

    def observe(
        self,
        user_id: int,
        now: float,
        key: int,
        mentions: int,
        *,
        repeat_window: float,
        flood_window: float,
        mention_window: float,
        message_id: int | None = None,
        edited: bool = False,
    ) -> RateCounts:
        """Record a message and return the counts the rate rules look at. An ``edited`` message
        replaces its own earlier entry (same ``message_id``) and keeps its posting time; an edit
        of a message no longer remembered counts for no flood window."""
        users = self._users
        entries = users.get(user_id)
        if entries is None:
            entries = []
            users[user_id] = entries
            if len(users) > self.max_users:
                users.popitem(last=False)
        else:
            users.move_to_end(user_id)
            oldest = now - self.horizon
            if entries and (entries[0][1] < oldest or len(entries) >= self.max_entries):
                entries[:] = [e for e in entries if e[1] >= oldest][-(self.max_entries - 1) :]
        posted = now if not edited else float("-inf")
        if message_id is not None:
            for index, entry in enumerate(entries):
                if entry[4] == message_id:
                    posted = entry[0]
                    del entries[index]  # replaced below: one entry a message
                    break
        repeats = messages = 0
        mention_total = mentions
        for when_posted, seen, seen_key, seen_mentions, _ in entries:
            age = now - seen
            if age <= repeat_window and seen_key == key:
                repeats += 1
            if now - when_posted <= flood_window:
                messages += 1
            if age <= mention_window:
                mention_total += seen_mentions
        entries.append((posted, now, key, mentions, message_id))
        own = 1 if now - posted <= flood_window else 0
        return RateCounts(repeats, messages + own, mention_total, new=not edited)

    def forget(self, user_id: int) -> None:
        """Drop a user's history (e.g. after a moderator clears them)."""
        self._users.pop(user_id, None)
