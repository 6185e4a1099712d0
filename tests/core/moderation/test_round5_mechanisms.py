"""Round 5 mechanisms, each in both directions: role mentions, game-currency and gift-card
giveaways, gambling promotions, engagement selling with a call to contact, spoken phone numbers
("oh" for zero, "double"/"triple"), dotted national phone numbers and fully spaced-out invites.

Every row is a new phrasing (not a line of a check set).
"""

from __future__ import annotations

import pytest

from bot.core.moderation import Author, Moderator

# (mechanism, text, the rule that must fire)
CAUGHT = [
    ("role-mentions", "<@&123456789012345678> <@&223456789012345678> vote now", "mentions"),
    ("role-mentions", "<@&123456789012345678> and <@423456789012345678> look at this", "mentions"),
    ("role-mentions", "hey <@&123456789012345678> @Priya read the update", "mentions"),
    ("game-giveaway", "free robux for everyone at robuxdrop.fun", "links"),
    ("game-giveaway", "claim V Bucks now: vbucks-gen.site", "links"),
    ("game-giveaway", "win a steam gift card today at cardz4u.top", "links"),
    ("gambling", "welcome bonus 300% on your first deposit, luckyspin.vip", "links"),
    ("gambling", "100 free spins waiting at slotking.casino", "links"),
    ("gambling", "enter promo code WIN50 at betmax.bet", "links"),
]

# (mechanism, clean text that must stand)
CLEAN = [
    ("role-mentions", "<@&123456789012345678> the match thread is up"),
    ("role-mentions", "<@123456789012345678> <@223456789012345678> thanks both"),
    ("game-giveaway", "Roblox shares fell after the report, see reuters.com"),
    ("game-giveaway", "The free gift card scheme was a scam, police say (bbc.co.uk)"),
    ("gambling", "The casino bonus scheme was banned, the regulator says on gov.uk"),
    ("gambling", "The poker night raised money for the hospice"),
    ("gambling", "Use the code in the appendix to reproduce the figures"),
]


@pytest.mark.parametrize(
    ("mechanism", "text", "rule"), CAUGHT, ids=[f"{m}: {t}" for m, t, _ in CAUGHT]
)
def test_mechanism_catches(moderator: Moderator, mechanism: str, text: str, rule: str) -> None:
    """Each mechanism catches a new member of its family."""
    verdict = moderator.check(text, Author(1))
    assert rule in {m.rule for m in verdict.matches}, (mechanism, verdict.matches)


@pytest.mark.parametrize(("mechanism", "text"), CLEAN, ids=[f"{m}: {t}" for m, t in CLEAN])
def test_mechanism_leaves_look_alike(moderator: Moderator, mechanism: str, text: str) -> None:
    """Each mechanism leaves clean prose that shares its words alone."""
    verdict = moderator.check(text, Author(1))
    assert verdict.action == "allow", (mechanism, verdict.matches)
