"""Load and validate the corpus: articles -> body paragraphs with stable ids and metadata.

CONTRACT (skeleton): the dataclasses below are the interface other layers rely on; the loader is
filled in by the story-engine work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph: ``number`` is 1-based among the article's body paragraphs."""

    article: str  # the article's slug
    number: int
    text: str

    @property
    def id(self) -> str:
        """Stable citation id, e.g. ``trump-russia-big-concession#3``."""
        return f"{self.article}#{self.number}"


@dataclass(frozen=True, slots=True)
class Article:
    """One story with its metadata and body paragraphs (site chrome removed)."""

    slug: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    author: str | None = None
    source: str = ""  # the file it was read from, for error messages and /story
    digest: str = ""  # hash of the text, to tell changed articles apart on reload


@dataclass(frozen=True, slots=True)
class Corpus:
    """All articles, in a stable order (by slug)."""

    articles: tuple[Article, ...]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every body paragraph of every article, in order."""
        return tuple(p for article in self.articles for p in article.paragraphs)

    def article(self, slug: str) -> Article | None:
        """Return the article with this slug, or ``None``."""
        return next((a for a in self.articles if a.slug == slug), None)


def load_corpus(directory: Path) -> Corpus:
    """Read every article file under ``directory``; raise ``CorpusError`` naming a bad file."""
    raise NotImplementedError
