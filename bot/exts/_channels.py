"""Which configured channel a message's channel falls under. A private helper of the Cogs, never
loaded as an extension."""

from __future__ import annotations

import discord


def home_channel_id(channel: object, configured: frozenset[int]) -> int | None:
    """The id in ``configured`` that ``channel`` falls under: its own, or for a thread (every
    forum post is one) its parent's; None when neither is configured."""
    channel_id = getattr(channel, "id", None)
    if channel_id in configured:
        return channel_id
    if isinstance(channel, discord.Thread) and channel.parent_id in configured:
        return channel.parent_id
    return None
