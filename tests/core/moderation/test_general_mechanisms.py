"""The general mechanisms added after the blind check set, each in both directions.

Every row is a new phrasing (not a line of a check set): the mechanism must catch the whole
family of comments like it, and leave its clean look-alikes alone.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.errors import RulesError
from bot.core.moderation import Author, Moderator, parse_rules
from bot.core.moderation.detectors import _DEFANGED_LINK
from bot.core.moderation.words import _AlnumRuns


def test_real_word_guard_is_switched_by_the_rules_file() -> None:
    """real_word_zipf = 0 (the default) flags an ordinary word that contains a listed one."""
    base = '[rules.p]\nkind = "words"\nwords = ["*fuk*"]\n'
    without = Moderator(parse_rules(base))
    with_guard = Moderator(parse_rules(base + "real_word_zipf = 2.0\n"))
    assert without.check("Fukushima").action == "remove"
    assert with_guard.check("Fukushima").action == "allow"
    assert with_guard.check("fukface").action == "remove"


def test_typed_mentions_below_the_limit_stand(moderator: Moderator) -> None:
    """Four typed @names (the default limit) stand; the fifth makes it a mass mention."""
    names = ["@Ann", "@Bob", "@Cy", "@Dee", "@Eve"]
    assert moderator.check(" ".join(names[:4]) + " hi", Author(1)).action == "allow"
    assert moderator.check(" ".join(names) + " hi", Author(2)).action == "remove"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("someone should put a bullet in that reporter", "warn"),
        ("I'll smash your face in", "warn"),
        ("the bullet was found in the car", "allow"),
        ("they smashed the record in April", "allow"),
    ],
    ids=["bullet-threat", "face-threat", "bullet-news", "smash-news"],
)
def test_violent_idioms_aimed_at_people(moderator: Moderator, text: str, action: str) -> None:
    """Violent idioms against a person are threats; the same words in news stand."""
    assert moderator.check(text, Author(3)).action == action


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("^ burn them all", "burn them all, now", True),
        ("^ burn them all", "the fire may burn them all", False),
        ("^ burn them all", "no. burn them all", True),
        ("hope * wins", "hope Leeds wins", True),
        ("hope * wins", "hope wins", False),
        ("#% off", "75% off today", True),
        ("#% off", "20% off today", False),
        ("# tickets", "1,200 tickets", True),
    ],
    ids=["start", "mid-clause", "after-stop", "any-word", "no-word", "steep", "mild", "number"],
)
def test_phrase_placeholders(phrase: str, text: str, matches: bool) -> None:
    """ "^" opens a clause, "*" is any one word, "#%" a percentage of 50 or more, "#" a number."""
    rules = parse_rules(f'[rules.p]\nkind = "words"\nphrases = ["{phrase}"]\n')
    assert (Moderator(rules).check(text).action == "remove") is matches


def test_phrase_of_placeholders_only_is_rejected() -> None:
    """A phrase needs one real word: "* #" alone would match every message."""
    with pytest.raises(RulesError):
        parse_rules('[rules.p]\nkind = "words"\nphrases = ["* #"]\n')


@pytest.mark.parametrize(
    ("text", "action"),
    [("Twatt", "allow"), ("twat", "remove"), ("heeell", "allow")],
    ids=["allowed-place", "shorter-listed-word", "stretched-allowed-word"],
)
def test_allow_list_lets_no_shorter_word_stand(text: str, action: str) -> None:
    """An allowed word stands stretched, but a listed word that only collapses to it does not."""
    rules = parse_rules(
        '[rules.p]\nkind = "words"\nwords = ["twat+", "hell"]\nallow = ["twatt", "hell"]\n'
    )
    assert Moderator(rules).check(text).action == action


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1_ -!é²$", max_size=30), st.integers(0, 30))
def test_a_match_widens_to_its_token_as_walking_would(text: str, position: int) -> None:
    """The runs of letters and digits give the bounds a character-by-character walk gives."""
    position = min(position, len(text))
    runs = _AlnumRuns(text)
    start = position
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    end = position
    while end < len(text) and text[end].isalnum():
        end += 1
    assert (runs.left(position), runs.right(position)) == (start, end)


@pytest.mark.parametrize("token", ["fuck" * 1000, "fυск" * 1000, "ｆｕｃｋ" * 1000, "s*it" * 800])
def test_a_long_token_of_one_listed_word_is_removed(moderator: Moderator, token: str) -> None:
    """A 4,000-character token of one word repeated is one hit, found without walking it again
    for each of its thousand matches (that took seconds on the event loop)."""
    assert moderator.check(token, Author(7)).action == "remove"


def test_a_spelt_out_link_has_a_bounded_number_of_labels(moderator: Moderator) -> None:
    """A defanged host takes at most eight labels each side of its spelt dot: "a dot a dot ..."
    (4,000 characters) could otherwise be split in every way (13 s on the event loop). A real
    defanged link is still caught."""
    spelt = "a dot " * 30 + "com"
    found = _DEFANGED_LINK.search(spelt)
    assert found is not None
    assert found.group("host").count(" dot ") <= 17
    assert moderator.check("free nitro at dlscordapp[.]com/gift", Author(9)).action == "remove"
