"""The live story: one immutable snapshot (corpus + index + quotes) swapped atomically on reload.

CONTRACT (skeleton): filled in by the story-engine work. The Discord layer calls
``Library.reload`` through ``asyncio.to_thread`` under its own lock; a failed build raises and the
old snapshot stays live.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.core.answer import Answer
from bot.core.corpus import Corpus
from bot.core.quotes import Quote


@dataclass(frozen=True, slots=True)
class ReloadReport:
    """What changed between two snapshots, for the admin's /reload reply."""

    articles_added: tuple[str, ...]
    articles_removed: tuple[str, ...]
    articles_changed: tuple[str, ...]
    paragraphs_before: int
    paragraphs_after: int
    quotes_before: int
    quotes_after: int
    build_seconds: float


class Library:
    """Holds the current snapshot; every read goes through one reference."""

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = corpus_dir

    @property
    def corpus(self) -> Corpus:
        """The live corpus."""
        raise NotImplementedError

    def answer(self, question: str) -> Answer:
        """Answer one question against the live snapshot (raises ``QuestionError``)."""
        raise NotImplementedError

    def find_quotes(
        self, speaker: str | None = None, words: str | None = None, limit: int = 10
    ) -> list[Quote]:
        """Quotes by speaker (alias- and case-insensitive) and/or keywords, best first."""
        raise NotImplementedError

    def speakers(self) -> list[str]:
        """Canonical speaker names, for autocomplete."""
        raise NotImplementedError

    def reload(self) -> ReloadReport:
        """Build a new snapshot from disk and swap it in; on error raise and keep the old one."""
        raise NotImplementedError
