"""A stand-in for the quote book while quote extraction is not implemented yet.

Used only by tests: if ``extract_quotes`` works, the real quotes are used.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from bot.core import quotes
from bot.core.corpus import Paragraph


class EmptyQuoteBook(quotes.QuoteBook):
    """A quote book without quotes (every search finds nothing)."""

    def search(
        self, speaker: str | None = None, words: str | None = None, limit: int = 10
    ) -> list[quotes.Quote]:
        """No quotes."""
        return []

    def speakers(self) -> list[str]:
        """No speakers."""
        return []

    def in_paragraph(self, article: str, paragraph: int) -> list[quotes.Quote]:
        """No quotes."""
        return []


def quotes_implemented() -> bool:
    """Whether the real quote extraction is available."""
    try:
        quotes.QuoteBook(quotes.extract_quotes([])).speakers()
    except NotImplementedError:
        return False
    return True


def quote_book(paragraphs: Iterable[Paragraph]) -> quotes.QuoteBook:
    """The real quote book when implemented, else an empty one."""
    if quotes_implemented():
        return quotes.QuoteBook(quotes.extract_quotes(paragraphs))
    return EmptyQuoteBook([])


def patch_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the library build with an empty quote book if extraction is not implemented."""
    if quotes_implemented():
        return
    import bot.core.library as library

    monkeypatch.setattr(library, "extract_quotes", lambda paragraphs: [])
    monkeypatch.setattr(library, "QuoteBook", EmptyQuoteBook)
