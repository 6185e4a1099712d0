"""Fixtures for the Discord glue tests live in tests/fakes/fixtures.py (shared with tests/)."""

from tests.fakes.fixtures import bot, fake, make_bot, tmp_corpus

__all__ = ["bot", "fake", "make_bot", "tmp_corpus"]
