"""Shared fixtures: paths to the project's own corpus (tests never read ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus_dir() -> Path:
    """The shipped corpus folder."""
    return ROOT / "corpus"
