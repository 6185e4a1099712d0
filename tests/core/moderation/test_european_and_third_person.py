"""Mechanisms added after blind set 3, each in both directions: European swear words, insults and
threats aimed at a third person, IDN homograph links, more look-alike scripts, money claims with
"this week"/"today", and "like an idiot" said of oneself.

Every row is a new phrasing, not a line of a check set.
"""

from __future__ import annotations

import pytest

from bot.core.moderation import Author, Moderator, parse_rules
from bot.core.moderation.normalize import fold

# (text, the rule that must fire): "like an idiot" aimed at someone else stays abuse
SIMILE_AT_OTHERS = [
    ("I think he acts like an idiot", "abuse"),
    ("you behave like an idiot", "abuse"),
    ("the minister talks like an idiot", "abuse"),
]


@pytest.mark.parametrize(("text", "rule"), SIMILE_AT_OTHERS, ids=[t for t, _ in SIMILE_AT_OTHERS])
def test_simile_aimed_at_others_stays(moderator: Moderator, text: str, rule: str) -> None:
    """'like an idiot' is let go only when the writer says it of themselves."""
    verdict = moderator.check(text, Author(2))
    assert rule in {m.rule for m in verdict.matches}, verdict.matches


@pytest.mark.parametrize(
    ("text", "folded"),
    [("fսck", "fuck"), ("ᏚᎻᎥᎢ", "shit"), ("ꓢꓧꓲꓔ", "shit"), ("ɑss", "ass"), ("Օk", "ok")],
    ids=["armenian-u", "cherokee-capitals", "lisu", "latin-alpha", "armenian-capital-o"],
)
def test_more_look_alike_letters_fold(text: str, folded: str) -> None:
    """Armenian, Cherokee, Lisu and Latin-extended look-alikes fold to Latin letters."""
    assert fold(text).folded == folded


def test_self_words_switch_the_simile_guard() -> None:
    """Without self_words (the default) "like an idiot" is abuse whoever says it."""
    base = '[rules.a]\nkind = "words"\nwords = ["idiot"]\n'
    plain = Moderator(parse_rules(base))
    guarded = Moderator(parse_rules(base + 'self_words = ["i"]\nothers_words = ["he"]\n'))
    text = "I waited all night like an idiot"
    assert plain.check(text).action == "remove"
    assert guarded.check(text).action == "allow"
    assert guarded.check("I saw he waited like an idiot").action == "remove"
