"""Question -> Answer (sentence, passage, citation, quotes) or a reasoned "the story does not say".

CONTRACT (skeleton): the dataclasses are the interface the CLI and Discord layers render.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.quotes import Quote


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a passage comes from."""

    article: str  # slug
    title: str
    paragraph: int
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """A scored paragraph."""

    citation: Citation
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Answer:
    """The result of answering one question.

    ``answered`` is False when the story does not say; then ``sentence`` is None and ``passages``
    holds the closest passages (possibly none). ``passages[0]`` is the best passage when answered.
    """

    question: str
    answered: bool
    sentence: str | None
    citation: Citation | None
    passages: tuple[Passage, ...]
    quotes: tuple[Quote, ...]
    reason: str
