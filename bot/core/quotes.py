"""Direct quotations with their speakers, and quote search.

CONTRACT (skeleton): ``Quote`` and the ``QuoteBook`` signatures are the interface; extraction and
search are filled in by the quotes work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.corpus import Paragraph


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation attributed to a speaker, cited by article slug and paragraph number."""

    speaker: str  # canonical name, e.g. "Donald Trump"; "" when nobody can be named
    text: str  # the words inside the quotation marks, verbatim
    article: str
    paragraph: int
    fragment: bool = False  # scare quotes of one to three words


def extract_quotes(paragraphs: Iterable[Paragraph]) -> list[Quote]:
    """Return every direct quotation in ``paragraphs`` (in order), with speakers resolved."""
    raise NotImplementedError


class QuoteBook:
    """All quotes of a corpus, searchable by speaker alias and keywords."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = tuple(quotes)

    def search(
        self, speaker: str | None = None, words: str | None = None, limit: int = 10
    ) -> list[Quote]:
        """Quotes whose speaker matches ``speaker`` (any alias, any case/diacritics) and/or that
        match ``words`` (best first); both None -> every quote in corpus order."""
        raise NotImplementedError

    def speakers(self) -> list[str]:
        """Canonical speaker names, most quoted first."""
        raise NotImplementedError

    def in_paragraph(self, article: str, paragraph: int) -> list[Quote]:
        """Quotes from one paragraph, in order."""
        raise NotImplementedError
