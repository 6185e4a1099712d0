"""Direct quotations with their speakers, and quote search.

CONTRACT (skeleton): ``Quote`` is the interface; extraction and search are filled in by the
quotes work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.corpus import Paragraph


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation attributed to a speaker, cited by article slug and paragraph number."""

    speaker: str  # canonical name, e.g. "Donald Trump"
    text: str  # the words inside the quotation marks, verbatim
    article: str
    paragraph: int
    fragment: bool = False  # scare quotes of one to three words


def extract_quotes(paragraphs: Iterable[Paragraph]) -> list[Quote]:
    """Return every direct quotation in ``paragraphs`` (in order), with speakers resolved."""
    raise NotImplementedError
