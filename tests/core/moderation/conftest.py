"""Shared fixtures for the moderation tests: the shipped rules, loaded once."""

from __future__ import annotations

import pytest

from bot.core.moderation import Moderator, RuleSet, load_rules


@pytest.fixture(scope="session")
def default_rules() -> RuleSet:
    """The rules shipped in the package."""
    return load_rules()


@pytest.fixture
def moderator(default_rules: RuleSet) -> Moderator:
    """A moderator with the shipped rules and a fixed clock."""
    return Moderator(default_rules, clock=lambda: 1_000_000.0)
