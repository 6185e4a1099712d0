"""Round 4 mechanisms, each in both directions: engagement-selling, dating and giveaway scams,
defanged links, a link as the call to action, adjective-noun insults, "too stupid to", and
letter-spaced phrases with wider gaps between words.

Every row is a new phrasing (not a line of a check set).
"""

from __future__ import annotations

import pytest

from bot.core.moderation import Author, Moderator
from bot.core.moderation.normalize import spaced_runs

# (mechanism, text, the rule that must fire)
CAUGHT = [
    ("engagement-selling", "get real instagram followers fast at growfame.shop", "links"),
    ("engagement-selling", "selling likes and retweets, cheapest at socialpump.net", "links"),
    ("engagement-selling", "need subscribers? instant subscribers from tubeboost.xyz", "links"),
    ("dating-spam", "lonely women near your town are waiting: meetnow.club", "links"),
    ("dating-spam", "chat with sexy girls tonight at flirtzone.app", "links"),
    ("dating-spam", "singles in your city want to meet you, datelocal.online", "links"),
    ("giveaway-scam", "Musk giveaway live now, claim at tesla-event.live", "links"),
    ("giveaway-scam", "Binance is giving away ETH to everyone: bnb-drop.site", "links"),
    ("giveaway-scam", "we are doubling all crypto sent this hour, btc2x.io", "links"),
    ("defanged-link", "grab your prize at steamcornmunity[.]com/gift", "links"),
    ("defanged-link", "free nitro here discord-gifts(dot)xyz", "links"),
    ("defanged-link", "nitro giveaway at nitro-drop [.] ru", "links"),
    ("link-call-to-action", "I made $2,000 this week, visit richfast.info", "spam"),
    ("link-call-to-action", "Work from home and go to homejobs-now.biz today", "spam"),
    ("link-call-to-action", "Earn $150 an hour, sign up at paydaypro.co", "spam"),
    ("adjective-noun-insult", "the mayor is a gutless snivelling weasel", "abuse"),
    ("adjective-noun-insult", "what a pathetic little worm", "abuse"),
    ("adjective-noun-insult", "shut it, lying hypocrite", "abuse"),
    ("adjective-noun-insult", "that cowardly rat of a senator", "abuse"),
    ("keyboard-warrior", "another keyboard warrior with opinions", "abuse"),
    ("get-a-life", "honestly get a life", "abuse"),
    ("too-stupid-to", "he is too dumb to read a map", "abuse"),
    ("too-stupid-to", "you are way too clueless for this thread", "abuse"),
    ("spaced-phrase", "u  a r e  a n  i d i o t", "abuse"),
    ("spaced-phrase", "y o u  s t u p i d  c o w", "abuse"),
    ("spaced-phrase", "w h a t  a  f u c k i n g  j o k e", "profanity"),
]

# (mechanism, clean text that must stand)
CLEAN = [
    ("engagement-selling", "The party gained followers after the debate, says pollster.com"),
    ("engagement-selling", "Views on the bridge differ, see the survey at lakeport.gov"),
    ("engagement-selling", "Buy tickets for the match at the club's site, rovers.co.uk"),
    ("dating-spam", "Singles tennis resumes in the area next week, details at lta.org.uk"),
    ("dating-spam", "Local women in the area raised funds for the hospice, via echo.co.uk"),
    ("giveaway-scam", "The tax giveaway will cost billions, the analysis at ifs.org.uk says"),
    ("giveaway-scam", "Musk spoke at the summit, full text at reuters.com"),
    ("defanged-link", "Researchers wrote the phishing site as example[.]com in the report"),
    ("defanged-link", "The report (see bbc[.]co[.]uk) is detailed"),
    ("defanged-link", "Figure (a) shows the trend [1]."),
    ("link-call-to-action", "Visit bbc.co.uk for the full story"),
    ("link-call-to-action", "They make $40,000 a year on average, the data at ons.gov.uk shows"),
    ("link-call-to-action", "Check out the vote results at lakeport.gov today"),
    ("adjective-noun-insult", "The city's rat problem is getting worse"),
    ("adjective-noun-insult", "The novel's lying narrator is the point"),
    ("adjective-noun-insult", "Critics called the useless-looking bridge a folly"),
    ("keyboard-warrior", "Keyboard sales rose by a tenth"),
    ("get-a-life", "The treaty will get a lifeline if the vote passes"),
    ("too-stupid-to", "The ice was too thick to drill, the team said"),
    ("too-stupid-to", "You are too kind, thank you for the report"),
    ("spaced-phrase", "Plan B  or  plan C, the council must choose"),
    ("spaced-phrase", "Grades: A  B  C and D"),
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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("y o u  a r e  a  m o r o n", {"you", "are", "moron"}),
        ("f r e e   n i t r o", {"free", "nitro"}),
        ("f u c k", set()),  # even gaps: one word, no split
        ("s.h.i.t  h.e.a.d", {"shit", "head"}),
    ],
    ids=["doubled-spaces", "tripled-spaces", "even-gaps", "dots-and-spaces"],
)
def test_spaced_phrase_is_split_at_wider_gaps(text: str, words: set[str]) -> None:
    """A letter-spaced phrase also yields its words, cut where the gaps are wider."""
    split = {run.joined for run in spaced_runs(text) if not run.trim}
    assert split == words
