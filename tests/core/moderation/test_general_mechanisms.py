"""The general mechanisms added after the blind check set, each in both directions.

Every row is a new phrasing (not a line of a check set): the mechanism must catch the whole
family of comments like it, and leave its clean look-alikes alone.
"""

from __future__ import annotations

import pytest

from bot.core.moderation import Author, Moderator, parse_rules


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
