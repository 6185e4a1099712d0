"""Reader insights on Discord, end to end: vote buttons on answers, votes across a restart,
/insights for admins with the chart (and CSV) attached."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import tests.fakes.fixtures as fixtures
from bot.cli.discord_app import build_bot
from bot.client import StorybotBot
from bot.core.answer import SMALL_TALK_REPLY
from bot.core.errors import StoreError
from bot.core.insights import (
    DB_FILENAME,
    DayCount,
    FlaggedAnswer,
    InsightsReport,
    PassageCount,
    QuestionGroup,
)
from bot.exts.insights import buttons, vote_custom_id
from bot.render import CHART_FILENAME, insights_embed
from tests.exts.test_story import EPHEMERAL, callback_of, followup_of
from tests.fakes.discord_server import BASIC_MEMBER, MANAGE_GUILD, FakeDiscord, Json
from tests.fakes.fixtures import BotFactory

BUTTON = 2
ANSWERED_QUESTION = "What did Trump call a big concession?"


def _buttons(body: Json) -> list[Json]:
    return [
        component
        for row in body.get("components") or []
        for component in row["components"]
        if component["type"] == BUTTON
    ]


def _answer_message(fake: FakeDiscord, body: Json, channel: str) -> Json:
    """The bot's answer as Discord would attach it to a click: with its components."""
    message = fake.message_payload("", author=fake.bot_user, channel=channel)
    message.update(embeds=body.get("embeds") or [], components=body.get("components") or [])
    return message


async def click(
    fake: FakeDiscord, message: Json, custom_id: str, *, user: str = "alice", channel: str = "ask"
) -> Json:
    """Dispatch a button click (a component interaction) on ``message``."""
    payload = fake.interaction_payload("", user=user, channel=channel)
    payload.update(type=3, data={"custom_id": custom_id, "component_type": BUTTON}, message=message)
    await fake.dispatch("INTERACTION_CREATE", payload)
    return payload


async def _chat_answer(fake: FakeDiscord, question: str = ANSWERED_QUESTION) -> Json:
    """Ask in the ask channel; return the bot's reply as sent (the REST body)."""
    asked = await fake.send_message(question, channel="ask")
    call = await fake.wait_for(fake.replies_to(asked))
    return dict(call.json)


async def _click_reply(fake: FakeDiscord, message: Json, custom_id: str, **kw: Any) -> Json:
    """Click and return the data of the interaction's (only) callback."""
    payload = await click(fake, message, custom_id, **kw)
    callback = await fake.wait_for(callback_of(payload))
    await asyncio.sleep(0.05)  # room for a second, wrong, acknowledgement
    assert fake.interaction_callbacks[int(payload["id"])] == 1
    assert not fake.calls_matching(path_regex=f"/webhooks/.*/{payload['token']}")
    assert callback.json["type"] == 4
    data: Json = callback.json["data"]
    assert data["flags"] & EPHEMERAL
    assert data["allowed_mentions"] == {"parse": []}
    return data


async def test_build_bot_opens_the_store_and_close_closes_it(
    fake: FakeDiscord, tmp_path: Path, tmp_corpus: Path
) -> None:
    """build_bot opens the insights store in the data folder once; closing the bot closes it."""
    settings = fixtures.bot_settings(fake, tmp_path, tmp_corpus)
    bot = build_bot(settings)
    assert bot.insights is not None
    assert bot.insights.path == settings.data_dir / DB_FILENAME
    async with bot:
        await bot.login(settings.require_token())
        assert bot.get_cog("Insights") is not None
    with pytest.raises(StoreError, match="closed database"):
        bot.insights.report(1)


async def test_chat_answer_carries_vote_buttons(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A chat answer has a helpful and a not-helpful button whose ids name the recorded answer."""
    body = await _chat_answer(fake)
    buttons = _buttons(body)
    assert [b["label"] for b in buttons] == ["Helpful", "Not helpful"]
    answer_id = int(buttons[0]["custom_id"].split(":")[2])
    assert [b["custom_id"] for b in buttons] == [
        vote_custom_id(answer_id, True),
        vote_custom_id(answer_id, False),
    ]
    assert bot.insights is not None
    report = await asyncio.to_thread(bot.insights.report, 1)
    assert (report.asked, report.answered) == (1, 1)


async def test_small_talk_gets_no_buttons_and_is_not_recorded(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """ "hey bot how are you doing today?" is answered with what the bot is for, without vote
    buttons, and is not counted as a question readers asked."""
    asked = await fake.send_dm("hey bot how are you doing today?")
    call = await fake.wait_for(fake.replies_to(asked))
    assert call.json["embeds"][0]["description"] == SMALL_TALK_REPLY
    assert _buttons(call.json) == []
    assert bot.insights is not None
    report = await asyncio.to_thread(bot.insights.report, 1)
    assert report.asked == 0


async def test_dm_question_is_recorded_without_its_channel(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """A DM channel id names the reader, so a question asked in a DM is stored without it."""
    asked = await fake.send_dm(ANSWERED_QUESTION)
    call = await fake.wait_for(fake.replies_to(asked))
    assert len(_buttons(call.json)) == 2
    assert bot.insights is not None
    with sqlite3.connect(bot.insights.path) as conn:
        rows = conn.execute("SELECT channel_id, user_hash FROM insights_questions").fetchall()
    assert len(rows) == 1
    assert rows[0][0] is None
    assert str(fake.users["alice"].id) not in rows[0][1]


async def test_expired_private_answer_keeps_buttons_working(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """discord.py times out the view of a private answer after 15 minutes; that must not
    unregister the vote buttons of every other answer."""
    view = buttons(1)
    view.timeout = 900.0  # what discord.py sets for a private message's view
    bot._connection.store_view(view, fake.new_id())
    view.stop()  # removes the view from the store, as its timeout does
    body = await _chat_answer(fake)
    message = _answer_message(fake, body, "ask")
    reply = await _click_reply(fake, message, _buttons(body)[0]["custom_id"])
    assert reply["content"] == "Thanks, recorded as helpful."


async def test_slash_ask_answer_carries_vote_buttons(fake: FakeDiscord, bot: StorybotBot) -> None:
    """/ask sends its answer with the two vote buttons and records the question."""
    payload = await fake.slash("ask", {"question": "What is the capital of Peru?"})
    answer = await fake.wait_for(followup_of(fake, payload))
    buttons = _buttons(answer.json)
    assert [b["custom_id"].rsplit(":", 1)[1] for b in buttons] == ["1", "0"]
    assert bot.insights is not None
    report = await asyncio.to_thread(bot.insights.report, 1)
    assert report.asked == 1


async def test_click_records_then_changes_the_vote(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A first click is recorded, the other button changes it, and each click is answered
    privately exactly once; another reader's vote counts separately."""
    body = await _chat_answer(fake)
    message = _answer_message(fake, body, "ask")
    helpful, not_helpful = (b["custom_id"] for b in _buttons(body))
    answer_id = int(helpful.split(":")[2])
    assert bot.insights is not None

    first = await _click_reply(fake, message, helpful)
    assert first["content"] == "Thanks, recorded as helpful."
    second = await _click_reply(fake, message, not_helpful)
    assert second["content"] == "Thanks, your vote was changed to not helpful."
    await _click_reply(fake, message, helpful, user="bob")
    assert bot.insights.vote_counts(answer_id) == (1, 1)


async def test_votes_survive_a_restart(fake: FakeDiscord, make_bot: BotFactory) -> None:
    """A button sent before a restart still works after it, and the earlier vote is kept."""
    first = await make_bot()
    body = await _chat_answer(fake)
    message = _answer_message(fake, body, "ask")
    helpful, not_helpful = (b["custom_id"] for b in _buttons(body))
    assert (await _click_reply(fake, message, helpful))["content"].startswith("Thanks, recorded")
    await first.close()

    second = await make_bot()
    reply = await _click_reply(fake, message, not_helpful)
    assert reply["content"] == "Thanks, your vote was changed to not helpful."
    assert second.insights is not None
    assert second.insights.vote_counts(int(helpful.split(":")[2])) == (0, 1)


async def test_unknown_answer_gets_a_polite_reply(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A click on an answer that was pruned (or never recorded) is told so, privately."""
    body = await _chat_answer(fake)
    answer_id = _buttons(body)[0]["custom_id"].split(":")[2]
    gone = json.loads(json.dumps(body).replace(f":{answer_id}:", ":987654:"))
    message = _answer_message(fake, gone, "ask")
    reply = await _click_reply(fake, message, vote_custom_id(987_654, True))
    assert "no longer have a record" in reply["content"]
    assert "not counted" in reply["content"]


async def test_edited_question_keeps_the_buttons_and_drops_old_votes(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """Editing an answered question re-answers it under the same buttons; the votes on the old
    answer no longer count, and it is still one question."""
    asked = await fake.send_message("Who did Trump meet on April 24?", channel="ask")
    body = dict((await fake.wait_for(fake.replies_to(asked))).json)
    helpful = _buttons(body)[0]["custom_id"]
    await _click_reply(fake, _answer_message(fake, body, "ask"), helpful)
    await fake.edit_message(asked, ANSWERED_QUESTION)
    edit = await fake.wait_for(lambda call: call.method == "PATCH" and "/messages/" in call.path)
    assert [b["custom_id"] for b in _buttons(edit.json)] == [helpful, helpful[:-1] + "0"]
    assert bot.insights is not None
    report = await asyncio.to_thread(bot.insights.report, 1)
    assert (report.asked, report.helpful_votes) == (1, 0)


async def test_moderated_message_is_not_recorded(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A question that moderation removes is neither answered nor recorded."""
    removed = await fake.send_message(
        f"<@{fake.bot_user.id}> who paid? mail john.doe@example.com",
        channel="discussion",
        mentions=[fake.bot_user],
    )
    path = f"/channels/{removed['channel_id']}/messages/{removed['id']}"
    await fake.wait_for(lambda call: call.method == "DELETE" and call.path == path)
    await _chat_answer(fake)
    await asyncio.sleep(0.05)
    assert bot.insights is not None
    report = await asyncio.to_thread(bot.insights.report, 1)
    assert report.asked == 1
    assert "example.com" not in json.dumps(report.to_dict())


async def test_insights_refused_for_a_member(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A member without Manage Server or the admin role is told so privately."""
    payload = await fake.slash("insights", user="alice")
    callback = await fake.wait_for(callback_of(payload))
    assert callback.json["data"]["flags"] & EPHEMERAL
    assert "Manage Server" in callback.json["data"]["embeds"][0]["description"]
    assert not fake.uploads


@pytest.mark.parametrize(
    ("user", "permissions"),
    [
        pytest.param("admin", BASIC_MEMBER, id="admin-role"),
        pytest.param("bob", BASIC_MEMBER | MANAGE_GUILD, id="manage-server"),
    ],
)
async def test_insights_for_an_admin_with_the_chart(
    fake: FakeDiscord, bot: StorybotBot, user: str, permissions: int
) -> None:
    """An admin gets a deferred private report with the questions-per-day PNG attached."""
    await _chat_answer(fake)
    payload = await fake.slash("insights", {"days": 3}, user=user, permissions=permissions)
    callback = await fake.wait_for(callback_of(payload))
    assert callback.json["type"] == 5
    assert callback.json["data"]["flags"] & EPHEMERAL
    await fake.wait_for(followup_of(fake, payload))
    upload = fake.uploads[-1]
    assert [(f.filename, f.content_type) for f in upload.files] == [
        (CHART_FILENAME, "application/octet-stream")
    ]
    assert upload.file(CHART_FILENAME).data.startswith(b"\x89PNG\r\n\x1a\n")
    assert upload.json["flags"] & EPHEMERAL
    assert upload.json["allowed_mentions"] == {"parse": []}
    embed = upload.json["embeds"][0]
    assert "**1** question(s), **1** answered (100%)" in embed["description"]
    assert embed["image"]["url"] == f"attachment://{CHART_FILENAME}"


async def test_insights_csv_export_neutralises_formulas(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """csv:true attaches the unanswered questions as UTF-8 CSV with formula cells neutralised."""
    assert bot.insights is not None
    for text in ('=HYPERLINK("http://evil")', "@SUM(A1) who paid?", "Qui a payé, et où?"):
        bot.insights.record_question(text, answered=False, user_id=1, channel_id=5)
    payload = await fake.slash("insights", {"csv": True}, user="admin")
    await fake.wait_for(followup_of(fake, payload))
    data = fake.uploads[-1].file("unanswered-questions.csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    questions = sorted(row[1] for row in rows[1:])
    assert questions == ['\'=HYPERLINK("http://evil")', "'@SUM(A1) who paid?", "Qui a payé, et où?"]


def _huge_report(days: int) -> InsightsReport:
    now = datetime(2025, 3, 10, tzinfo=UTC)
    text = "**Why** did @everyone `pay`?\n" * 200
    return InsightsReport(
        days=days,
        since=now - timedelta(days=days - 1),
        generated_at=now,
        per_day=tuple(
            DayCount(date(2025, 3, 10) - timedelta(days=i), 999, 500) for i in range(days)
        ),
        asked=999 * days,
        answered=500 * days,
        unanswered_groups=tuple(QuestionGroup(text, 50, (text,), now) for _ in range(25)),
        top_passages=tuple(PassageCount("a" * 300, i, 10) for i in range(25)),
        not_helpful=tuple(
            FlaggedAnswer(i, text, True, "slug", 3, 1.0, now, 0, 4) for i in range(25)
        ),
        helpful_votes=1,
        not_helpful_votes=100,
    )


@pytest.mark.parametrize("days", [1, 90, 3660], ids=["one-day", "quarter", "ten-years"])
def test_insights_embed_stays_within_discord_limits(days: int) -> None:
    """However long the questions and windows, the /insights embed fits Discord's limits and
    keeps user text inert (no mass mention, no markdown)."""
    embed = insights_embed(_huge_report(days))
    assert len(embed) <= 6000
    assert len(embed.title or "") <= 256
    assert len(embed.fields) == 4
    assert all(0 < len(field.value or "") <= 1024 for field in embed.fields)
    unanswered = embed.fields[1].value or ""
    assert "@everyone" not in unanswered
    assert "\\*\\*Why\\*\\*" in unanswered


@pytest.mark.parametrize(
    ("status", "code", "via"),
    [
        pytest.param(403, 50013, "chat", id="chat-no-permission"),
        pytest.param(404, 10008, "chat", id="chat-question-deleted"),
        pytest.param(503, 0, "chat", id="chat-unavailable"),
        pytest.param(404, 10015, "slash", id="slash-ask-token-expired"),
    ],
)
async def test_undelivered_answer_is_not_recorded(
    fake: FakeDiscord, bot: StorybotBot, status: int, code: int, via: str
) -> None:
    """An answer whose reply Discord refuses is not counted: insights hold only delivered ones."""
    if via == "chat":
        fake.fail("POST", rf"/channels/{fake.channels['ask']}/messages", status=status, code=code)
        await fake.send_message(ANSWERED_QUESTION, channel="ask")
        path = f"/channels/{fake.channels['ask']}/messages"
    else:
        fake.fail("POST", rf"/webhooks/{fake.app_id}/.+", status=status, code=code)
        payload = await fake.slash("ask", {"question": ANSWERED_QUESTION})
        path = f"/webhooks/{fake.app_id}/{payload['token']}"
    await fake.wait_for(lambda call: call.method == "POST" and call.path.startswith(path))
    delivered = await fake.send_dm("Who did Trump meet on April 24?")  # the control
    await fake.wait_for(fake.replies_to(delivered))
    await asyncio.sleep(0.1)
    assert bot.insights is not None
    report = await asyncio.to_thread(bot.insights.report, 1)
    assert report.asked == 1
