"""Questions in chat, end to end through the real discord.py against the fake Discord."""

from __future__ import annotations

from bot.client import StorybotBot
from tests.fakes.discord_server import FakeDiscord


async def test_mention_question_gets_an_answer(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A question that mentions the bot is answered with an embed replying to it."""
    question = await fake.send_message(
        f"<@{fake.bot_user.id}> what did Trump call a big concession?",
        mentions=[fake.bot_user],
    )
    call = await fake.wait_for(fake.replies_to(question))
    embed = call.json["embeds"][0]
    assert "concession" in embed["description"].lower() or embed["fields"]
