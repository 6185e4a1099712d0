"""The frozen results the insights store hands to the CLI and the Discord layer."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

#: The longest report window, in days (``storybot insights --days`` and ``/insights days:``).
MAX_DAYS = 3660


class VoteOutcome(enum.Enum):
    """What :meth:`InsightsStore.record_vote` did with a click."""

    RECORDED = "recorded"  # the user's first vote on this answer
    CHANGED = "changed"  # the user had voted the other way; the vote now counts as this one
    UNCHANGED = "unchanged"  # the user clicked the same button again
    UNKNOWN_ANSWER = (
        "unknown_answer"  # the answer was pruned (older than the retention) or never existed
    )


@dataclass(frozen=True, slots=True)
class DayCount:
    """Questions asked on one UTC day, and how many of them the story answered."""

    day: date
    asked: int
    answered: int


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """Unanswered questions that share most of their search tokens.

    ``representative`` is the most frequent phrasing; ``phrasings`` lists the distinct phrasings,
    most frequent first (capped), and ``count`` counts every question in the group.
    """

    representative: str
    count: int
    phrasings: tuple[str, ...]
    last_asked: datetime


@dataclass(frozen=True, slots=True)
class PassageCount:
    """How often a paragraph was the top citation of an answer."""

    article: str
    paragraph: int
    count: int


@dataclass(frozen=True, slots=True)
class FlaggedAnswer:
    """An answer at least one reader voted not helpful, with the question it answered."""

    answer_id: int
    question: str
    answered: bool
    article: str | None
    paragraph: int | None
    score: float | None
    asked_at: datetime
    helpful_votes: int
    not_helpful_votes: int


@dataclass(frozen=True, slots=True)
class InsightsReport:
    """Everything ``storybot insights`` and ``/insights`` show, for the last ``days`` days (UTC)."""

    days: int
    since: datetime
    generated_at: datetime
    per_day: tuple[DayCount, ...]  # one entry per day in the window, oldest first, zeros included
    asked: int
    answered: int
    unanswered_groups: tuple[QuestionGroup, ...]
    top_passages: tuple[PassageCount, ...]
    not_helpful: tuple[FlaggedAnswer, ...]
    helpful_votes: int
    not_helpful_votes: int

    @property
    def share_answered(self) -> float:
        """Answered / asked in the window (0.0 when nothing was asked)."""
        return self.answered / self.asked if self.asked else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates and times as ISO 8601 strings)."""
        return {
            "days": self.days,
            "since": self.since.isoformat(),
            "generated_at": self.generated_at.isoformat(),
            "asked": self.asked,
            "answered": self.answered,
            "share_answered": round(self.share_answered, 4),
            "votes": {"helpful": self.helpful_votes, "not_helpful": self.not_helpful_votes},
            "per_day": [
                {"day": d.day.isoformat(), "asked": d.asked, "answered": d.answered}
                for d in self.per_day
            ],
            "unanswered_groups": [
                {
                    "representative": g.representative,
                    "count": g.count,
                    "phrasings": list(g.phrasings),
                    "last_asked": g.last_asked.isoformat(),
                }
                for g in self.unanswered_groups
            ],
            "top_passages": [
                {"article": p.article, "paragraph": p.paragraph, "count": p.count}
                for p in self.top_passages
            ],
            "not_helpful": [
                {
                    "answer_id": a.answer_id,
                    "question": a.question,
                    "answered": a.answered,
                    "article": a.article,
                    "paragraph": a.paragraph,
                    "score": a.score,
                    "asked_at": a.asked_at.isoformat(),
                    "helpful_votes": a.helpful_votes,
                    "not_helpful_votes": a.not_helpful_votes,
                }
                for a in self.not_helpful
            ],
        }
