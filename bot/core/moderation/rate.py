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


class RateTracker:
    """Remembers each user's recent messages as (time, text key, mentions) tuples.

    At most ``max_users`` users are kept (the least recently active are forgotten first) and at
    most ``max_entries`` messages a user, none older than ``horizon`` seconds.
    """

    def __init__(self, max_users: int, max_entries: int, horizon: float) -> None:
        self.max_users = max(1, max_users)
        self.max_entries = max(1, max_entries)
        self.horizon = horizon
        self._users: OrderedDict[int, list[tuple[float, int, int]]] = OrderedDict()

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
    ) -> RateCounts:
        """Record a message and return the counts the rate rules look at."""
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
            if entries and (entries[0][0] < oldest or len(entries) >= self.max_entries):
                entries[:] = [e for e in entries if e[0] >= oldest][-(self.max_entries - 1) :]
        repeats = messages = 0
        mention_total = mentions
        for when, seen_key, seen_mentions in entries:
            age = now - when
            if age <= repeat_window and seen_key == key:
                repeats += 1
            if age <= flood_window:
                messages += 1
            if age <= mention_window:
                mention_total += seen_mentions
        entries.append((now, key, mentions))
        return RateCounts(repeats, messages + 1, mention_total)

    def forget(self, user_id: int) -> None:
        """Drop a user's history (e.g. after a moderator clears them)."""
        self._users.pop(user_id, None)
