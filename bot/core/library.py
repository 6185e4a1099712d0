"""The live story: one immutable snapshot (corpus + engine + quotes) swapped atomically on reload.

The Discord layer calls :meth:`Library.reload` through ``asyncio.to_thread``; readers never take a
lock: every read goes through one reference to an immutable :class:`StoryEngine`, which a reload
replaces in a single assignment. A failed build raises and the old snapshot stays live.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bot.core import lexicon
from bot.core.answer import Answer, StoryEngine
from bot.core.corpus import Corpus, load_corpus
from bot.core.quotes import Quote, QuoteBook, extract_quotes
from bot.core.synonyms import thesaurus
from bot.core.text import english_speller, english_zipf, learn_for_answers

log = logging.getLogger(__name__)


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


def warm_up() -> None:
    """Load what the first question with a word the story lacks would otherwise wait for, about
    a second on a slow machine: English word frequencies, the English speller's index and the
    synonym table (each loaded once a process). ``storybot run`` calls it in a thread at start."""
    started = time.perf_counter()
    english_zipf("the")
    english_speller().correct("storybot")
    thesaurus()
    log.info("Warmed up the English word lists in %.1f s", time.perf_counter() - started)


def build_engine(corpus_dir: Path) -> StoryEngine:
    """Load the corpus, extract its quotes and build the engine (raises ``CorpusError``); the
    words it looks up fill the lexicon cache, if one is in use."""
    with lexicon.learning():
        corpus = load_corpus(corpus_dir)
        engine = StoryEngine(corpus, QuoteBook(extract_quotes(corpus.paragraphs)))
        learn_for_answers()
    return engine


class Library:
    """Holds the current snapshot; every read goes through one reference.

    The first snapshot is built on first use (or by :meth:`reload`); building it raises the
    ``CorpusError`` of a bad corpus.
    """

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = Path(corpus_dir)
        self._engine: StoryEngine | None = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> StoryEngine:
        """The live engine (built on first use)."""
        engine = self._engine
        if engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = build_engine(self.corpus_dir)
                engine = self._engine
        return engine

    @property
    def corpus(self) -> Corpus:
        """The live corpus."""
        return self.engine.corpus

    @property
    def quotes(self) -> QuoteBook:
        """The live quote book."""
        return self.engine.quotes

    def answer(self, question: str) -> Answer:
        """Answer one question against the live snapshot (raises ``QuestionError``)."""
        return self.engine.answer(question)

    def find_quotes(
        self, speaker: str | None = None, words: str | None = None, limit: int = 10
    ) -> list[Quote]:
        """Quotes by speaker (alias- and case-insensitive) and/or keywords, best first."""
        return self.engine.quotes.search(speaker=speaker, words=words, limit=limit)

    def speakers(self) -> list[str]:
        """Canonical speaker names, for autocomplete."""
        return self.engine.quotes.speakers()

    def reload(self) -> ReloadReport:
        """Build a new snapshot from disk and swap it in; on error raise and keep the old one."""
        with self._lock:
            started = time.perf_counter()
            old = self._engine
            new = build_engine(self.corpus_dir)
            self._engine = new
            seconds = time.perf_counter() - started
        report = diff(old, new, seconds)
        log.info(
            "reloaded %s: +%d -%d ~%d articles in %.2f s",
            self.corpus_dir,
            len(report.articles_added),
            len(report.articles_removed),
            len(report.articles_changed),
            seconds,
        )
        return report


def diff(old: StoryEngine | None, new: StoryEngine, build_seconds: float) -> ReloadReport:
    """What changed from ``old`` (None before the first load) to ``new``."""
    before = {a.slug: a.digest for a in old.corpus.articles} if old else {}
    after = {a.slug: a.digest for a in new.corpus.articles}
    return ReloadReport(
        articles_added=tuple(sorted(set(after) - set(before))),
        articles_removed=tuple(sorted(set(before) - set(after))),
        articles_changed=tuple(
            sorted(slug for slug in set(before) & set(after) if before[slug] != after[slug])
        ),
        paragraphs_before=len(old.paragraphs) if old else 0,
        paragraphs_after=len(new.paragraphs),
        quotes_before=len(old.quotes.quotes) if old else 0,
        quotes_after=len(new.quotes.quotes),
        build_seconds=round(build_seconds, 4),
    )
