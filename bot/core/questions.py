"""Chat questions, Discord-free: does a message read as a question, clean it, rate-limit askers."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.shapes import is_small_talk

if TYPE_CHECKING:
    from bot.core.answer import Answer

QUESTION_WORDS = frozenset(
    [
        "what",
        "who",
        "whom",
        "whose",
        "why",
        "when",
        "where",
        "which",
        "how",
        "is",
        "are",
        "was",
        "were",
        "am",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "doesn't",
        "didn't",
        "don't",
        "can't",
        "won't",
    ]
)
_MENTION = re.compile(r"<@[!&]?\d+>")
_URL = re.compile(r"https?://\S+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_SPACE = re.compile(r"\s+")

MIN_QUESTION_WORDS = 3


def strip_mentions(text: str) -> str:
    """Remove user/role mention tokens (``<@123>``, ``<@!123>``, ``<@&123>``) and squeeze spaces."""
    return _SPACE.sub(" ", _MENTION.sub(" ", text)).strip()


def looks_like_question(text: str) -> bool:
    """True when ``text`` reads as a question: it ends with "?" or opens with a question word.

    At least three words are needed either way, so "what?" or "lol?" in a busy channel do not
    trigger an answer; links and mentions do not count as words.
    """
    cleaned = _URL.sub(" ", strip_mentions(text)).strip()
    words = _WORD.findall(cleaned)
    if len(words) < MIN_QUESTION_WORDS:
        return False
    if cleaned.rstrip(" \"'”’)").endswith(("?", "？")):
        return True
    return words[0].lower().replace("’", "'") in QUESTION_WORDS


def question_for_bot(text: str, *, addressed: bool, in_ask_channel: bool) -> str | None:
    """The question in a chat message if the bot should answer it, else None.

    ``addressed`` is True when the message is meant for the bot: a DM, a mention of the bot itself
    (not just @everyone/@here), or a reply to one of its answers. In an ask channel a message that
    :func:`looks_like_question` is answered without being addressed. The question is the text
    without mention tokens; a message that is nothing but mentions asks nothing.
    """
    question = strip_mentions(text)
    if not question:
        return None
    if addressed or (in_ask_channel and looks_like_question(question)):
        return question
    return None


def answer_follow_up(answer: Callable[[str], Answer], question: str, context: str | None) -> Answer:
    """Answer ``question``; when the story has nothing for it alone and it follows up an earlier
    question (``context``), answer both together, shown under the user's own words."""
    result = answer(question)
    if result.answered or not context or is_small_talk(question):
        return result  # "thanks!" in reply to an answer does not ask it again
    return replace(answer(f"{context} {question}"), question=question)


class Cooldown:
    """At most one action per ``seconds`` for each key (e.g. a user id); time is passed in."""

    def __init__(self, seconds: float, *, max_keys: int = 10_000) -> None:
        self.seconds = seconds
        self.max_keys = max_keys
        self._last: dict[Hashable, float] = {}
        self._warned: set[Hashable] = set()

    def retry_after(self, key: Hashable, now: float) -> float:
        """Seconds ``key`` must still wait (0.0 if it may act now, which records the action)."""
        last = self._last.get(key)
        if last is not None and now - last < self.seconds:
            return self.seconds - (now - last)
        if len(self._last) >= self.max_keys:
            self._forget_before(now - self.seconds)
        self._last[key] = now
        self._warned.discard(key)
        return 0.0

    def should_warn(self, key: Hashable) -> bool:
        """True the first time a key is told to wait in one cooldown window (then False)."""
        if key in self._warned:
            return False
        self._warned.add(key)
        return True

    def _forget_before(self, cutoff: float) -> None:
        for key in [k for k, t in self._last.items() if t < cutoff]:
            del self._last[key]
            self._warned.discard(key)
