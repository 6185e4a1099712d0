"""Chat questions, Discord-free: does a message read as a question, clean it, rate-limit askers."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.text import LazyPattern, normalise

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
_MENTION = LazyPattern(r"<@[!&]?\d+>")
_URL = LazyPattern(r"https?://\S+")
_WORD = LazyPattern(r"[^\W\d_][\w'’-]*", re.UNICODE)
_SPACE = LazyPattern(r"\s+")

MIN_QUESTION_WORDS = 3

# Small talk addressed to the bot, in parts. Each part is words and single separators, so no
# input makes the pattern backtrack long (a run of ":)" once took it minutes).
_GREETING = r"hey+|hi+|hiya|hello|howdy|yo|oi"
_APPROVAL = r"ok(?:ay)?|cool|great|nice|perfect|awesome"
#: Whom a greeting is addressed to: "hey everyone, how's it going", "hello guys how are you"
#: (after a greeting only: "everyone ok?" after a flood asks about the story).
_ADDRESSEE = r"(?:everyone|everybody|all|guys|folks|people|y'?all|team|friends)"
_OPENER = rf"(?:(?:{_GREETING})\W+{_ADDRESSEE}|{_GREETING}|{_APPROVAL}|so|well|um+|h?m+|ah|oh)"
_YOU = r"(?:you|u|ya)"
_THANKS = (
    r"(?:thanks+|thank\s+(?:you|u)|thx|ty|tysm|cheers|ta)"
    r"(?:\s+(?:so|very)\s+much|\s+a\s+lot"
    r"|\s+for\s+(?:the|that|this|your)\s+(?:answer|help|info|reply))?"
    r"(?:\W+(?:that(?:'?s| is)\s+)?(?:great|helpful|perfect|brilliant))?"
)
_HOW_ARE_YOU = (
    rf"how\s*(?:'?s|is|are|r|has|was|have)?\s+"
    rf"(?:{_YOU}|{_YOU}\s+all|y'?all|things|it\s+go(?:ing|in)|life)"
    r"(?:\s+(?:doing|doin|going|goin|been|keeping|getting\s+on))?"
    # "how was your day", not "how was the weekend" (the story's weekend)
    r"|how(?:'?s|s| is| has| was)\s+(?:your|ur|yer)\s+"
    r"(?:day|morning|afternoon|evening|night|week|weekend)(?:\s+(?:going|been|so\s+far))?"
)
_ABOUT_THE_BOT = (
    r"what(?:'?s|s| is| are)\s+(?:your|ur|yer)\s+(?:fav(?:ou?rite)?|fave|name|age|purpose|job)\b"
    r"(?:\s+\w+){0,2}"
    rf"|what\s+(?:do|would)\s+{_YOU}\s+(?:like|love|think\s+of\s+(?:me|yourself))"
    rf"|(?:do|would)\s+{_YOU}\s+(?:like|love|enjoy|prefer)\s+\w+"
    rf"|do\s+{_YOU}\s+have\s+(?:feelings|a\s+name|friends)"
    rf"|(?:are|r)\s+{_YOU}\s+(?:a\s+(?:real\s+)?(?:bot|robot|person|human)|an?\s+ai|real"
    r"|human|alive|sentient|ok(?:ay)?|there|awake|still\s+(?:there|alive|working)|smart|sure)"
    rf"|{_YOU}\s+there"
    rf"|(?:{_YOU}(?:'?re| are)|ur)\s+(?:great|awesome|amazing|the\s+best|useless|wrong|dumb"
    r"|stupid)"
    rf"|who\s+(?:made|built|created|programmed|coded|wrote|owns)\s+{_YOU}"
)
_VERDICT = (
    r"(?:that(?:'?s| is)|thats)\s+(?:wrong|right|correct|great|helpful|not\s+right)"
    r"|wrong\s+answer|good\s+(?:job|work|bot)|(?:bad|nice|great)\s+bot"
)
_GREETING_OR_PARTING = (
    r"good\s+(?:morning|afternoon|evening|night)|morning|evening|bye|goodbye|see\s+(?:you|ya)"
    rf"|what(?:'?s|s| is)\s+up|wh?at\s*up|wassup|sup|nice\s+to\s+meet\s+{_YOU}"
    rf"|(?:tell\s+me|know\s+any|got\s+any)\s+(?:a\s+)?jokes?"
    rf"|(?:{_GREETING})(?:\s+there)?|{_APPROVAL}"
)
_AFTERWORD = (
    r"bot|storybot|mate|buddy|pal|bro|man|all|everyone|guys|today|tonight|then|lol|lmao|haha+"
    r"|tbh|pls|please|again|though|btw|xd"
)
_SMALL_TALK = re.compile(
    rf"^\W*(?:{_OPENER}\b\W*)*(?:(?:story)?bot\b\W*)?"
    rf"(?:{_HOW_ARE_YOU}|{_ABOUT_THE_BOT}|{_THANKS}|{_VERDICT}|{_GREETING_OR_PARTING})"
    rf"(?:\W+(?:{_AFTERWORD}))*\W*$"
)
#: Chatter to the channel, not a question for the bot: "lol anyone else think trains are kinda
#: cool tbh", "anyone else watching the game tonight": an opinion or a mood, not a fact the story
#: may tell ("is anyone else going to be charged?", "anyone else stuck in the cave?").
_CHATTER = re.compile(
    r"^\W*(?:(?:lol|lmao|haha+|ok|so|honestly)\W+)?(?:does\s+)?(?:anyone|anybody)\s+else\s+"
    r"(?:think|thinks|reckon|love|loves|hate|hates|watching|bored|excited)\b"
)
#: Longer messages are not small talk (and the pattern is never run on them).
SMALL_TALK_CHARS = 80


def is_small_talk(message: str) -> bool:
    """Whether ``message`` is small talk addressed to the bot ("hey bot how r u doing today",
    "thanks!", "great, thanks", "good bot", "what's your favourite bird?"): short, not quoting
    anything ('"Thank you so much"' quotes the story) and small talk from end to end ("hi, can
    you tell me when the regatta started?" and "how was the weekend?" ask about the story)."""
    folded = normalise(message).strip()
    if len(folded) > SMALL_TALK_CHARS or folded[:1] in "\"'":
        return False
    return bool(_SMALL_TALK.match(folded))


def is_chatter(message: str) -> bool:
    """Whether ``message`` opens as chatter to the channel ("lol anyone else think trains are
    kinda cool tbh"); the engine still answers it when the story covers what it says ("does
    anyone else think putin wants a deal?")."""
    folded = normalise(message).strip()
    return len(folded) <= SMALL_TALK_CHARS and bool(_CHATTER.match(folded))


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
    if result.answered or result.small_talk or not context:
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
