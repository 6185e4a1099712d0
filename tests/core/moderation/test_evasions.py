"""Disguises the default rules undo, each in both directions (caught, and its clean look-alike)."""

from __future__ import annotations

import pytest

from bot.core.moderation import Author, Moderator, parse_rules
from bot.core.moderation.detectors import close_gaps
from bot.core.moderation.normalize import compounds

# (mechanism, text, the rule that must fire)
CAUGHT = [
    ("dash-mask", "what the f-ck is this", "profanity"),
    ("dot-mask", "this is sh.t journalism", "profanity"),
    ("dash-mask", "b-tch please", "profanity"),
    ("cut-pieces", "sh-i-t show", "profanity"),
    ("cut-pieces", "a-hole move", "profanity"),
    ("split", "fu ck this deal", "profanity"),
    ("split", "ph uck this", "profanity"),
    ("split", "bi tch", "profanity"),
    ("split", "fu cking hell", "profanity"),
    ("backwards", "kcuf siht", "profanity"),
    ("backwards", "gnikcuf", "profanity"),
    ("spaced-inner", "f u c k i n g ridiculous", "profanity"),
    ("spaced-email", "email me: j o h n @ g m a i l . c o m", "email"),
    ("spaced-dot", "mail: paul_s @ web . de", "email"),
    ("user-name", "write to j.doe at example.org", "email"),
    ("user-name", "contact katie_88 at nowhere.net", "email"),
    ("phone-amount-word", "+44 7700 900123 people call it", "phone"),
    ("phone-nine", "call 612 345 678 now", "phone"),
    ("phone-french", "06 12 34 56 78", "phone"),
    ("invite-slash", "discord dot gg slash freeleaks", "invites"),
]

# (mechanism, clean text that must stand)
CLEAN = [
    ("dash-mask", "the co-op sent an e-mail about the x-ray"),
    ("dot-mask", "at 9 a.m. the U.S. envoy, i.e. Witkoff, spoke"),
    ("dot-mask", "bbc.co.uk and apnews.com have it"),
    ("cut-pieces", "Mar-a-Lago, a well-known resort"),
    ("split", "the senator who re-elected him"),
    ("split", "the bell end of the pipe"),
    ("split", "Sh, it is fine"),
    ("split", "pass it on, the U.S hit back"),
    ("split", "god damn it"),
    ("backwards", "Esra Demir said so"),
    ("backwards", "SPARC chips and the Parc des Princes"),
    ("spaced-email", "a b c @ 5pm"),
    ("spaced-dot", "meet @ home. then we talk"),
    ("user-name", "read it at bbc.co.uk"),
    ("user-name", "look at the data. com-pare that to 2014"),
    ("spaced-date", "The photo is dated 2024 07 07."),
    ("spaced-date", "Signed 07 07 2024 in Riyadh"),
    ("thousands", "They spent 100 000 000 euros on it."),
    ("amount-word", "Roughly 12 345 678 people were displaced."),
    ("amount-word", "Another 200 000 troops and 612 345 678 euros"),
    ("invite-slash", "discord slash commands are handy"),
]


@pytest.mark.parametrize(
    ("mechanism", "text", "rule"), CAUGHT, ids=[f"{m}: {t}" for m, t, _ in CAUGHT]
)
def test_disguise_is_caught(moderator: Moderator, mechanism: str, text: str, rule: str) -> None:
    """Each disguise of a rule-breaking comment is caught by the rule it breaks."""
    verdict = moderator.check(text, Author(1))
    assert rule in {m.rule for m in verdict.matches}, (mechanism, verdict.matches)


@pytest.mark.parametrize(("mechanism", "text"), CLEAN, ids=[f"{m}: {t}" for m, t in CLEAN])
def test_look_alike_of_a_disguise_stands(moderator: Moderator, mechanism: str, text: str) -> None:
    """Clean text that resembles a disguise (hyphens, dots, short words, numbers) stands."""
    verdict = moderator.check(text, Author(1))
    assert verdict.action == "allow", (mechanism, verdict.matches)


@pytest.mark.parametrize(
    ("mechanism", "text", "rule"), CAUGHT, ids=[f"{m}: {t}" for m, t, _ in CAUGHT]
)
def test_redacted_disguise_passes(
    moderator: Moderator, mechanism: str, text: str, rule: str
) -> None:
    """The redacted copy of a disguised comment breaks no content rule."""
    redacted = moderator.check(text, Author(1)).redacted
    assert redacted != text
    assert moderator.check(redacted, Author(2)).action == "allow", (mechanism, redacted)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("what the f-ck", [("f", "ck")]),
        ("sh.t and sh-i-t", [("sh", "t"), ("sh", "i", "t")]),
        ("russia-ukraine talks at apnews.com", []),
        ("f-16 jets and x-ray2", []),
    ],
    ids=["mask", "two", "long-pieces", "next-to-digits"],
)
def test_compounds_keep_only_short_pieces(text: str, pieces: list[tuple[str, ...]]) -> None:
    """Only letters joined by - or . with a piece of one or two letters are candidates."""
    assert [c.pieces for c in compounds(text)] == pieces


def test_close_gaps_maps_back_to_the_text() -> None:
    """Spaces between single characters go, and each kept character keeps its index."""
    closed, offsets = close_gaps("mail j o h n @ x . com")
    assert closed == "mail john@x. com"
    assert [closed[i] for i in range(len(closed))] == ["mail j o h n @ x . com"[o] for o in offsets]


def test_split_and_backwards_are_switched_by_the_rules_file() -> None:
    """split_words and reversed_words are off unless the rules file turns them on."""
    base = '[rules.profanity]\nkind = "words"\nwords = ["fuck+"]\n'
    plain = Moderator(parse_rules(base))
    both = Moderator(parse_rules(base + "split_words = true\nreversed_words = true\n"))
    for text in ("fu ck", "kcuf"):
        assert plain.check(text).action == "allow"
        assert both.check(text).action == "remove"


def test_common_first_half_is_not_joined() -> None:
    """A split word whose first half is in common_words stays two words."""
    base = '[rules.profanity]\nkind = "words"\nwords = ["whore+"]\nsplit_words = true\n'
    assert Moderator(parse_rules(base)).check("who re").action == "remove"
    guarded = Moderator(parse_rules(base + 'common_words = ["who"]\n'))
    assert guarded.check("the man who re-elected him").action == "allow"
