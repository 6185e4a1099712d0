"""Every moderation mechanism catches its family of comments and leaves clean look-alikes."""

from __future__ import annotations

import pytest

from bot.core.moderation import Author, Moderator
from tests.core.moderation.mechanism_cases import CAUGHT, CLEAN


@pytest.mark.parametrize(
    ("mechanism", "text", "rule"), CAUGHT, ids=[f"{m}: {t}" for m, t, _ in CAUGHT]
)
def test_mechanism_catches(moderator: Moderator, mechanism: str, text: str, rule: str) -> None:
    """Each mechanism catches a new phrasing of the kind of comment it is for."""
    verdict = moderator.check(text, Author(1))
    assert rule in {m.rule for m in verdict.matches}, (mechanism, verdict.matches)


@pytest.mark.parametrize(("mechanism", "text"), CLEAN, ids=[f"{m}: {t}" for m, t in CLEAN])
def test_mechanism_leaves_look_alike(moderator: Moderator, mechanism: str, text: str) -> None:
    """Each mechanism leaves clean comments that resemble what it catches."""
    verdict = moderator.check(text, Author(1))
    assert verdict.action == "allow", (mechanism, verdict.matches)
