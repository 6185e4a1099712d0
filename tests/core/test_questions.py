"""Does a chat message read as a question; mention stripping; the per-user cooldown."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.answer import Answer
from bot.core.questions import (
    _SMALL_TALK,
    Cooldown,
    answer_follow_up,
    is_chatter,
    is_small_talk,
    looks_like_question,
    question_for_bot,
    strip_mentions,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("What did Trump call a big concession?", True, id="wh-question"),
        pytest.param("did Putin agree to a deal", True, id="aux-no-mark"),
        pytest.param("Trump met Støre on April 24?", True, id="statement-with-mark"),
        pytest.param("“Is this true?”", True, id="quoted-mark"),
        pytest.param("Who's he?", False, id="two-words"),
        pytest.param("I liked this article a lot.", False, id="statement"),
        pytest.param("what?", False, id="one-word"),
        pytest.param("<@123> <@456> ok?", False, id="mentions-only"),
        pytest.param("https://example.com/a?b=1 see?", False, id="link"),
        pytest.param("", False, id="empty"),
    ],
)
def test_looks_like_question(text: str, expected: bool) -> None:
    """Questions are recognised by a question mark or an opening question word (3+ words)."""
    assert looks_like_question(text) is expected


@pytest.mark.parametrize(
    ("text", "addressed", "in_ask_channel", "expected"),
    [
        pytest.param("<@1> who paid?", True, False, "who paid?", id="mention"),
        pytest.param("@everyone <@1> who paid?", True, False, "@everyone who paid?", id="everyone"),
        pytest.param("ok", True, False, "ok", id="addressed-anything"),
        pytest.param("<@1>", True, False, None, id="mention-only"),
        pytest.param("who paid for the bridge?", False, True, "who paid for the bridge?", id="ask"),
        pytest.param("nice story", False, True, None, id="ask-statement"),
        pytest.param("who paid for the bridge?", False, False, None, id="elsewhere"),
    ],
)
def test_question_for_bot(
    text: str, addressed: bool, in_ask_channel: bool, expected: str | None
) -> None:
    """Addressed messages are questions; in ask channels only question-like ones."""
    assert question_for_bot(text, addressed=addressed, in_ask_channel=in_ask_channel) == expected


def test_strip_mentions() -> None:
    """User, nickname and role mentions are removed and spaces squeezed."""
    assert strip_mentions("<@1>  what <@!2> is <@&3> this?") == "what is this?"


@given(st.text(max_size=300))
@settings(max_examples=80, deadline=None)
def test_never_crashes_on_unicode(text: str) -> None:
    """Arbitrary unicode never raises."""
    looks_like_question(text)
    strip_mentions(text)


def test_cooldown_per_user_and_single_warning() -> None:
    """A user waits out the cooldown, is warned once per window, and others are not affected."""
    cooldown = Cooldown(10.0)
    assert cooldown.retry_after("alice", 0.0) == 0.0
    assert cooldown.retry_after("alice", 4.0) == pytest.approx(6.0)
    assert cooldown.should_warn("alice") is True
    assert cooldown.should_warn("alice") is False
    assert cooldown.retry_after("bob", 4.0) == 0.0
    assert cooldown.retry_after("alice", 10.0) == 0.0
    assert cooldown.should_warn("alice") is True


def _answer(question: str, answered: bool) -> Answer:
    return Answer(
        question=question,
        answered=answered,
        sentence="Yes." if answered else None,
        citation=None,
        passages=(),
        quotes=(),
        reason="" if answered else "Nothing matches.",
    )


@pytest.mark.parametrize(
    ("known", "context", "expected_asked", "answered"),
    [
        pytest.param({"who paid?"}, "the trip", ["who paid?"], True, id="alone-suffices"),
        pytest.param(set(), None, ["who paid?"], False, id="no-context"),
        pytest.param(
            {"the trip who paid?"},
            "the trip",
            ["who paid?", "the trip who paid?"],
            True,
            id="with-context",
        ),
    ],
)
def test_answer_follow_up(
    known: set[str], context: str | None, expected_asked: list[str], answered: bool
) -> None:
    """A follow-up is answered alone first, then with the earlier question, under its own words."""
    asked: list[str] = []

    def engine(question: str) -> Answer:
        asked.append(question)
        return _answer(question, question in known)

    result = answer_follow_up(engine, "who paid?", context)
    assert asked == expected_asked
    assert (result.question, result.answered) == ("who paid?", answered)


def test_small_talk_in_reply_is_not_asked_again() -> None:
    """ "thanks!" in reply to an answer is not asked again with the earlier question."""
    asked: list[str] = []

    def engine(question: str) -> Answer:
        asked.append(question)
        return replace(_answer(question, False), small_talk=question == "thanks!")

    result = answer_follow_up(engine, "thanks!", "how many died in kyiv?")
    assert asked == ["thanks!"]
    assert not result.answered


@pytest.mark.parametrize(
    ("message", "small_talk"),
    [
        ("hey bot hows ur day going lol", True),
        ("Hi bot, how are you doing today?", True),
        ("hey bot whats ur favourite bird", True),
        ("How’s your day been?", True),
        ("are you a real person", True),
        ("who made you?", True),
        ("thanks!", True),
        ("Thank you so much bot", True),
        ("great, thanks", True),
        ("thanks for the answer", True),
        ("thanks :) :)", True),
        ("good bot", True),
        ("are you sure?", True),
        ("that's wrong", True),
        ("good morning everyone", True),
        ("tell me a joke", True),
        ("hello there!", True),
        ("how u doin", True),
        ("okay cool", True),
        ("bye", True),
        ("hey everyone hows it going", True),
        ("hello guys, how are you all?", True),
        ("lol anyone else think trains are kinda cool tbh", False),  # chatter, below
        ("anyone else hurt in the fire?", False),
        ("anyone know when the ferry sails again?", False),
        ("Is anyone else going to be charged?", False),
        ("anyone else agree with trump?", False),
        ("is anyone else feeling optimistic about peace?", False),
        ("anyone else stuck in the cave?", False),
        ("everyone ok?", False),
        ("all ok?", False),
        ("how is everyone doing?", False),
        ("hey everyone, how many people died?", False),
        ("how are the people of kyiv doing", False),
        ("how is everyone in the town coping", False),
        ("hi, can you tell me when the regatta started?", False),
        ("do you know who won?", False),
        ("How are the talks going?", False),
        ("how is the hiker doing", False),
        ("how is your local branch affected", False),
        ("how was the weekend?", False),
        ("how has the week been?", False),
        ("are you sure trump said that", False),
        ("What are you basing that on", False),
        ("thanks for nothing, who won", False),
        ("thanks, and how many people died in kyiv?", False),
        ("who made the decision?", False),
        ("good news for the town?", False),
        ("hello, when did it happen", False),
        ('"Thank you so much"', False),
        ("'good job'", False),
        ("hi " + ":) " * 40 + "who won?", False),
        ("hi " + ":) " * 5 + "who won?", False),
    ],
)
def test_small_talk(message: str, small_talk: bool) -> None:
    """Small talk is addressed to the bot as a whole short message; a greeting before a question
    about the story, "the weekend" of the story, a quotation, or "you" in a question is not."""
    assert is_small_talk(message) is small_talk


@pytest.mark.parametrize(
    ("text", "small_talk"),
    [
        ("hi " + ":) " * 5000 + "x", False),
        ("hey " * 3000 + "?", True),
        ("thanks " + "lol " * 3000, True),
        ("hi :( " * 3000 + "who won?", False),
    ],
    ids=["smileys-then-a-word", "greetings", "afterwords", "frowns-then-a-question"],
)
def test_small_talk_pattern_never_backtracks_long(text: str, small_talk: bool) -> None:
    """The pattern itself, beyond the length limit of :func:`is_small_talk`, decides thousands
    of smileys or greetings (a pattern that could backtrack long would hang here)."""
    assert bool(_SMALL_TALK.match(text)) is small_talk


@pytest.mark.parametrize(
    ("message", "chatter"),
    [
        ("lol anyone else think trains are kinda cool tbh", True),
        ("anyone else watching the game tonight", True),
        ("does anyone else think putin wants a deal?", True),  # the engine may still answer
        ("anyone else miss their connecting flight?", False),
        ("anyone else remember how many were injured", False),
        ("Is anyone else going to be charged?", False),
        ("anyone else stuck in the cave?", False),
    ],
)
def test_chatter_to_the_channel(message: str, chatter: bool) -> None:
    """An opinion or a mood offered to the channel opens as chatter; a fact asked is none."""
    assert is_chatter(message) is chatter
