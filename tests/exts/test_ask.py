"""Questions in chat, end to end through the real discord.py against the fake Discord."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest

from bot.client import StorybotBot
from bot.core.answer import Answer
from bot.core.library import Library
from tests.fakes.discord_server import Call, FakeDiscord
from tests.fakes.fixtures import BotFactory

NO_PINGS = {"parse": [], "replied_user": False}


def _typing_in(fake: FakeDiscord, channel: str) -> list[Call]:
    return fake.calls_matching("POST", rf"^/channels/{fake.channels[channel]}/typing$")


async def test_mention_question_gets_an_answer(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A question that mentions the bot is answered with an embed replying to it, typing first."""
    question = await fake.send_message(
        f"<@{fake.bot_user.id}> what did Trump call a big concession?",
        mentions=[fake.bot_user],
    )
    call = await fake.wait_for(fake.replies_to(question))
    embed = call.json["embeds"][0]
    assert embed["title"] == "what did Trump call a big concession?"
    assert "concession" in embed["description"].lower()
    assert call.json["allowed_mentions"] == NO_PINGS
    assert len(_typing_in(fake, "general")) == 1


async def test_dm_question_gets_an_answer(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A direct message needs no mention: it is answered in the DM channel."""
    question = await fake.send_dm("Who did Trump meet on April 24?")
    call = await fake.wait_for(fake.replies_to(question))
    assert call.path == f"/channels/{question['channel_id']}/messages"
    assert call.json["embeds"]


async def test_reply_to_an_answer_is_a_follow_up(fake: FakeDiscord, bot: StorybotBot) -> None:
    """Replying to one of the bot's answers (no mention) asks a follow-up that is answered."""
    first = await fake.send_message(
        f"<@{fake.bot_user.id}> what did Trump say about Putin?", mentions=[fake.bot_user]
    )
    await fake.wait_for(fake.replies_to(first))
    answer = fake.bot_reply_to(first)
    follow_up = await fake.send_message(
        "and what about the missile strikes on Kyiv?", reference=int(answer["id"])
    )
    call = await fake.wait_for(fake.replies_to(follow_up))
    assert call.json["embeds"][0]["title"] == "and what about the missile strikes on Kyiv?"


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        pytest.param("What did Trump call a big concession?", True, id="question-mark"),
        pytest.param("who set a personal deadline for the conflict", True, id="question-word"),
        pytest.param("I think this story is interesting.", False, id="statement"),
        pytest.param("lol?", False, id="too-short"),
    ],
)
async def test_ask_channel_answers_questions_only(
    fake: FakeDiscord, bot: StorybotBot, text: str, answered: bool
) -> None:
    """In an ask channel, messages that read as questions are answered without a mention."""
    message = await fake.send_message(text, channel="ask")
    control = await fake.send_message(
        f"<@{fake.bot_user.id}> what did Trump call a big concession?",
        channel="ask",
        mentions=[fake.bot_user],
    )
    await fake.wait_for(fake.replies_to(control))
    if answered:
        await fake.wait_for(fake.replies_to(message))
    assert len(_typing_in(fake, "ask")) == (2 if answered else 1)


async def test_a_thread_of_an_ask_channel_is_an_ask_channel(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """A question posted in a thread of an ask channel is answered there without a mention."""
    thread = await fake.create_thread("ask")
    question = await fake.send_message("What did Trump call a big concession?", channel=thread)
    call = await fake.wait_for(fake.replies_to(question))
    assert call.path == f"/channels/{thread}/messages"


async def test_plain_chat_outside_ask_channels_is_ignored(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """A question in a normal channel without a mention is left alone."""
    await fake.send_message("What did Trump call a big concession?")
    control = await fake.send_dm("What did Trump call a big concession?")
    await fake.wait_for(fake.replies_to(control))
    assert _typing_in(fake, "general") == []


@pytest.mark.parametrize(
    "author",
    [
        pytest.param("self", id="itself"),
        pytest.param("otherbot", id="other-bot"),
        pytest.param("webhook", id="webhook"),
    ],
)
async def test_bots_webhooks_and_itself_are_ignored(
    fake: FakeDiscord, bot: StorybotBot, author: str
) -> None:
    """Messages from the bot itself, other bots and webhooks never get an answer."""
    mention = f"<@{fake.bot_user.id}> what did Trump call a big concession?"
    if author == "self":
        await fake.send_message(mention, author=fake.bot_user, mentions=[fake.bot_user])
    elif author == "webhook":
        await fake.send_message(mention, webhook=True, mentions=[fake.bot_user])
    else:
        await fake.send_message(mention, author=author, mentions=[fake.bot_user])
    control = await fake.send_message(mention, channel="ask", mentions=[fake.bot_user])
    await fake.wait_for(fake.replies_to(control))
    assert _typing_in(fake, "general") == []


async def test_own_answers_echoed_back_are_not_answered(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """The bot's answer comes back as MESSAGE_CREATE (in a DM too) and is not answered again."""
    question = await fake.send_dm("What did Trump call a big concession?")
    await fake.wait_for(fake.replies_to(question))
    control = await fake.send_dm("Who did Trump meet?", author="bob")
    await fake.wait_for(fake.replies_to(control))
    assert len(fake.calls_matching("POST", r"/messages$")) == 2


async def test_edited_question_edits_the_answer(fake: FakeDiscord, bot: StorybotBot) -> None:
    """Editing an answered question edits the bot's answer (PATCH) instead of posting anew."""
    question = await fake.send_message(
        f"<@{fake.bot_user.id}> what did Trump call a big concession?", mentions=[fake.bot_user]
    )
    await fake.wait_for(fake.replies_to(question))
    answer = fake.bot_reply_to(question)
    await fake.edit_message(question, f"<@{fake.bot_user.id}> how many people died in Kyiv?")
    call = await fake.wait_for(
        lambda c: c.method == "PATCH" and c.path.endswith(f"/messages/{answer['id']}")
    )
    assert call.json["embeds"][0]["title"] == "how many people died in Kyiv?"
    assert call.json["allowed_mentions"] == {"parse": []}
    assert len(fake.calls_matching("POST", r"/messages$")) == 1


async def test_cooldown_replies_politely_once(fake: FakeDiscord, make_bot: BotFactory) -> None:
    """Within the cooldown a user gets one polite "ask again" reply, not silence or spam."""
    await make_bot(answer_cooldown_seconds=60.0)
    first = await fake.send_dm("What did Trump call a big concession?")
    await fake.wait_for(fake.replies_to(first))
    second = await fake.send_dm("Who did Trump meet on April 24?")
    polite = await fake.wait_for(fake.replies_to(second))
    assert "ask again in" in polite.json["content"]
    third = await fake.send_dm("Who killed 12 people?")
    other = await fake.send_dm("Who did Trump meet?", author="bob")
    await fake.wait_for(fake.replies_to(other))
    assert not any(fake.replies_to(third)(call) for call in fake.calls)


async def test_pings_in_a_question_stay_inert(fake: FakeDiscord, bot: StorybotBot) -> None:
    """@everyone and user mentions in a question are echoed escaped and never ping anyone."""
    alice = fake.users["alice"].id
    question = await fake.send_dm(f"@everyone did <@{alice}> ask about the **big concession**?")
    call = await fake.wait_for(fake.replies_to(question))
    title = call.json["embeds"][0]["title"]
    assert "@\u200beveryone" in title
    assert "\\*\\*big concession\\*\\*" in title
    assert call.json["allowed_mentions"] == NO_PINGS


@pytest.mark.parametrize(
    ("text", "mentions_bot", "answered"),
    [
        pytest.param(
            "@everyone {bot} what did Trump call a big concession?",
            True,
            True,
            id="everyone-and-bot",
        ),
        pytest.param(
            "{bot} @here what did Trump call a big concession?", True, True, id="bot-and-here"
        ),
        pytest.param(
            "@everyone what did Trump call a big concession?", False, False, id="everyone-only"
        ),
    ],
)
async def test_mass_mention_with_the_bot_is_answered_without_pings(
    fake: FakeDiscord, bot: StorybotBot, text: str, mentions_bot: bool, answered: bool
) -> None:
    """A question pinging @everyone/@here that also mentions the bot is answered (nothing pings);
    a mass mention alone does not address the bot."""
    question = await fake.send_message(
        text.format(bot=f"<@{fake.bot_user.id}>"),
        mentions=[fake.bot_user] if mentions_bot else [],
        mention_everyone=True,
    )
    control = await fake.send_dm("What did Trump call a big concession?")
    await fake.wait_for(fake.replies_to(control))
    if not answered:
        assert not any(fake.replies_to(question)(call) for call in fake.calls)
        assert _typing_in(fake, "general") == []
        return
    call = await fake.wait_for(fake.replies_to(question))
    assert call.json["allowed_mentions"] == NO_PINGS
    title = call.json["embeds"][0]["title"]
    assert "concession" in title
    assert "@everyone" not in title
    assert "@here" not in title


@pytest.mark.parametrize(
    ("status", "times"),
    [
        pytest.param(503, 1, id="503-once-not-retried"),
        pytest.param(500, None, id="500-always-retried"),
    ],
)
async def test_failed_typing_indicator_still_answers(
    fake: FakeDiscord, bot: StorybotBot, status: int, times: int | None
) -> None:
    """Typing is best-effort: a failing typing call never costs the reader their answer."""
    fake.fail("POST", r"/channels/\d+/typing$", status=status, code=0, message="down", times=times)
    question = await fake.send_dm("What did Trump call a big concession?")
    call = await fake.wait_for(fake.replies_to(question))
    assert "concession" in call.json["embeds"][0]["description"].lower()


class HeldOnKyiv(Library):
    """The real library, except that a question about Kyiv is held until ``release`` is set."""

    def __init__(self, corpus: Path) -> None:
        super().__init__(corpus)
        self.release = threading.Event()
        self.answered_kyiv = threading.Event()

    def answer(self, question: str) -> Answer:
        held = "kyiv" in question.lower()
        if held:
            self.release.wait(timeout=10)
        try:
            return super().answer(question)
        finally:
            if held:
                self.answered_kyiv.set()


async def test_quick_edits_show_the_latest_edits_answer(
    fake: FakeDiscord, make_bot: BotFactory, tmp_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edited twice quickly, a question ends with the answer to its latest text, even when the
    older edit's answer is ready last."""
    library = HeldOnKyiv(tmp_corpus)
    bot = await make_bot(library=library)
    ask: Any = bot.get_cog("Ask")
    remembered = asyncio.Event()  # the answer is sent and remembered: edits now re-answer it
    remember = ask._remember
    monkeypatch.setattr(ask, "_remember", lambda *args: (remember(*args), remembered.set()))
    ping = f"<@{fake.bot_user.id}>"
    question = await fake.send_message(
        f"{ping} what did Trump call a big concession?", mentions=[fake.bot_user]
    )
    await asyncio.wait_for(remembered.wait(), timeout=10)
    answer_id = fake.bot_reply_to(question)["id"]
    question = await fake.edit_message(question, f"{ping} how many people died in Kyiv?")
    await fake.edit_message(question, f"{ping} who did Trump meet on April 24?")
    latest = "who did Trump meet on April 24?"
    await fake.wait_for(
        lambda c: (
            c.method == "PATCH"
            and c.path.endswith(f"/messages/{answer_id}")
            and c.json["embeds"][0]["title"] == latest
        )
    )
    library.release.set()  # the older edit's answer is ready only now
    await asyncio.to_thread(library.answered_kyiv.wait, 10)
    await asyncio.sleep(0.2)  # room for a stale PATCH to arrive
    assert fake.messages[int(answer_id)]["embeds"][0]["title"] == latest
    assert ask.by_question[int(question["id"])].question == latest


async def test_a_question_edited_back_keeps_its_answer(
    fake: FakeDiscord, make_bot: BotFactory, tmp_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edited and then edited back to the question answered, a question keeps its answer: the
    withdrawn edit's answer, ready last, is not shown."""
    library = HeldOnKyiv(tmp_corpus)
    bot = await make_bot(library=library)
    ask: Any = bot.get_cog("Ask")
    remembered = asyncio.Event()
    remember = ask._remember
    monkeypatch.setattr(ask, "_remember", lambda *args: (remember(*args), remembered.set()))
    ping = f"<@{fake.bot_user.id}>"
    original = "what did Trump call a big concession?"
    question = await fake.send_message(f"{ping} {original}", mentions=[fake.bot_user])
    await asyncio.wait_for(remembered.wait(), timeout=10)
    answer_id = fake.bot_reply_to(question)["id"]
    question = await fake.edit_message(question, f"{ping} how many people died in Kyiv?")
    await fake.edit_message(question, f"{ping} {original}")  # changed their mind
    await asyncio.sleep(0.1)  # the edit back is handled
    library.release.set()  # only now is the withdrawn edit's answer ready
    await asyncio.to_thread(library.answered_kyiv.wait, 10)
    await asyncio.sleep(0.2)  # room for a stale PATCH to arrive
    assert not fake.calls_matching("PATCH", rf"/messages/{answer_id}$")
    assert ask.by_question[int(question["id"])].question == original
