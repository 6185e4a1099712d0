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
    ("engagement-no-link", "selling real tiktok followers, 500 for $3, pm me", "spam"),
    ("engagement-no-link", "10k views for $5 only, message me", "spam"),
    ("spoken-phone", "call oh two oh, triple seven, double four, one two nine", "phone"),
    ("spoken-phone", "text me on nine one seven, double five, oh eight three two", "phone"),
    ("dotted-phone", "appelez le 01.45.67.89.10 ce soir", "phone"),
    ("dotted-phone", "bel me op 0470.12.34.56", "phone"),
    ("dotted-phone", "Tel. 030.1234.5678", "phone"),
    ("spaced-invite", "join us: d i s c o r d . g g / newsroom", "invites"),
    ("spaced-invite", "d i s c o r d . c o m / i n v i t e / abc123", "invites"),
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
    ("engagement-no-link", "He gained 10,000 followers in a week, dm me if you saw the clip"),
    ("engagement-no-link", "Tickets are $5, message me for the venue"),
    ("spoken-phone", "Oh, one more thing: two of the three seats went to the left"),
    ("spoken-phone", "double or nothing, he said, three times in a row"),
    ("dotted-phone", "The release is 10.0.19045.3803, out since 2024.07.07"),
    ("dotted-phone", "The server at 192.168.100.200 went down on 12.05.2024"),
    ("dotted-phone", "Scores were 12.34.56 in the three rounds"),
    ("spaced-invite", "d i s c o r d is spelt out in the ad, the report at bbc.co.uk says"),
    ("spaced-invite", "The D i s c o r d server was closed after the leak"),
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
