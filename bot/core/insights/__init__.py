"""Reader insights: what was asked, what the story did not answer, and which answers helped.

Pure core: the CLI (``storybot insights``) and the Discord layer (votes, ``/insights``) both call
:class:`InsightsStore` and render the frozen :class:`InsightsReport`.
"""

from __future__ import annotations

from bot.core.insights.chart import questions_per_day_png, render_questions_per_day
from bot.core.insights.export import neutralise_cell, unanswered_csv
from bot.core.insights.grouping import (
    AskedQuestion,
    Tokenizer,
    group_questions,
    jaccard,
    simple_tokens,
)
from bot.core.insights.model import (
    MAX_DAYS,
    DayCount,
    FlaggedAnswer,
    InsightsReport,
    PassageCount,
    QuestionGroup,
    VoteOutcome,
)
from bot.core.insights.store import (
    DB_FILENAME,
    SALT_FILENAME,
    InsightsStore,
    hash_user_id,
    load_or_create_salt,
)

__all__ = [
    "DB_FILENAME",
    "MAX_DAYS",
    "SALT_FILENAME",
    "AskedQuestion",
    "DayCount",
    "FlaggedAnswer",
    "InsightsReport",
    "InsightsStore",
    "PassageCount",
    "QuestionGroup",
    "Tokenizer",
    "VoteOutcome",
    "group_questions",
    "hash_user_id",
    "jaccard",
    "load_or_create_salt",
    "neutralise_cell",
    "questions_per_day_png",
    "render_questions_per_day",
    "simple_tokens",
    "unanswered_csv",
]
