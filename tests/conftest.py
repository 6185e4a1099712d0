"""Shared fixtures: paths to the project's own corpus (tests never read ../shared), and no
lexicon cache unless a test asks for one (the suite never writes to the real home folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import lexicon

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_lexicon_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """STORYBOT_CACHE_DIR=off for every test (and the subprocesses it starts); no lexicon in use
    after it."""
    monkeypatch.setenv("STORYBOT_CACHE_DIR", "off")
    yield
    lexicon.use(None)


@pytest.fixture
def corpus_dir() -> Path:
    """The shipped corpus folder."""
    return ROOT / "corpus"
