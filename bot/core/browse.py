"""Discord-free lookups behind the browsing commands (/passage, /quote, /story): names matching
what a user typed, one paragraph by article and number, quotes counted per article."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from bot.core.corpus import Article, Corpus
from bot.core.errors import QuestionError
from bot.core.quotes import Quote

log = logging.getLogger(__name__)


def matching_articles(corpus: Corpus, typed: str) -> list[Article]:
    """The articles whose title, slug or file name (any case) contains ``typed``, in corpus
    order (a long file name's slug is cut: its end is still found by the name)."""
    needle = typed.casefold().strip()
    return [
        a
        for a in corpus.articles
        if needle in a.title.casefold()
        or needle in a.slug
        or needle in Path(a.source).name.casefold()
    ]


def matching_names(names: Iterable[str], typed: str) -> list[str]:
    """The names containing ``typed`` (any case), in their given order."""
    needle = typed.casefold().strip()
    return [name for name in names if needle in name.casefold()]


def find_paragraph(corpus: Corpus, slug: str, number: int) -> Article:
    """The article holding paragraph ``number`` (from 1) of ``slug``.

    Raises :class:`QuestionError` saying what to pick when there is no such article or paragraph.
    """
    article = corpus.article(slug)
    if article is None:
        raise QuestionError(f"There is no article {slug!r}: pick one from the list.")
    count = len(article.paragraphs)
    if not 1 <= number <= count:
        raise QuestionError(f"{article.title} has {count} paragraphs; pick 1 to {count}.")
    return article


def quotes_per_article(quotes: Iterable[Quote]) -> dict[str, int]:
    """How many of ``quotes`` each article (by slug) holds."""
    return dict(Counter(quote.article for quote in quotes))
