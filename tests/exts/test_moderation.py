"""Moderation in the channels, end to end: remove, notice, DM, mod-log, strikes and timeouts."""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bot.client import StorybotBot
from bot.core.moderation import Author
from bot.exts._moderation import ModerationState
from tests.exts.test_story import EPHEMERAL, callback_of, followup_of
from tests.fakes.discord_server import (
    BASIC_MEMBER,
    MODERATE_MEMBERS,
    WAIT_SECONDS,
    Call,
    FakeDiscord,
    _json,
)
from tests.fakes.fixtures import BotFactory

EMAIL = "write to me at john.doe@example.com for the real story"


def _posted_in(fake: FakeDiscord, channel: str | int) -> Any:
    channel_id = fake.channels[channel] if isinstance(channel, str) else channel
    return lambda call: call.method == "POST" and call.path == f"/channels/{channel_id}/messages"


def _set_modlog(bot: StorybotBot, monkeypatch: pytest.MonkeyPatch, **values: object) -> None:
    """Set mod-log constants (delays, rounds, backlog) in the loaded extension's own copy of
    its module."""
    loaded = sys.modules[type(bot.get_cog("Moderation")).__module__]
    for name, value in values.items():
        monkeypatch.setattr(loaded, name, value, raising=False)


def _deleted(fake: FakeDiscord, message: dict[str, Any]) -> Any:
    path = f"/channels/{message['channel_id']}/messages/{message['id']}"
    return lambda call: call.method == "DELETE" and call.path == path


def _dm_channel(fake: FakeDiscord, user: str) -> int:
    return fake.dm_channels[fake.users[user].id]


async def test_removal_deletes_notifies_dms_and_logs(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A rule-breaking message is deleted, a ping-free notice posted, the author DMed the reason
    and redacted copy, and the case logged in the mod-log."""
    message = await fake.send_message(EMAIL, channel="discussion")
    await fake.wait_for(_deleted(fake, message))
    notice = await fake.wait_for(_posted_in(fake, "discussion"))
    assert "was removed" in notice.json["content"]
    assert "<@" not in notice.json["content"]
    assert notice.json["allowed_mentions"] == {"parse": []}
    modlog = await fake.wait_for(_posted_in(fake, "modlog"))
    embed = modlog.json["embeds"][0]
    assert embed["title"].startswith("Case 1: remove")
    fields = {field["name"]: field["value"] for field in embed["fields"]}
    assert fields["Rule"] == "email"
    assert str(fake.users["alice"].id) in fields["User"]
    assert "john.doe@example.com" not in embed["description"]
    dm = await fake.wait_for(_posted_in(fake, _dm_channel(fake, "alice")))
    assert "was removed" in dm.json["content"]
    assert "[email hidden]" in dm.json["content"]
    assert "john.doe@example.com" not in dm.json["content"]


async def test_repeated_strikes_time_the_author_out(fake: FakeDiscord, bot: StorybotBot) -> None:
    """The third removal within the window times the author out through a member PATCH."""
    for number in range(3):
        await fake.send_message(f"mail {number}: jane{number}@example.org", channel="discussion")
    call = await fake.wait_for(
        lambda c: c.method == "PATCH" and c.path.endswith(f"/members/{fake.users['alice'].id}")
    )
    assert call.json["communication_disabled_until"]
    logs = await fake.wait_for_count(_posted_in(fake, "modlog"), 3)
    strikes = sorted(
        f["value"]
        for log in logs
        for f in log.json["embeds"][0]["fields"]
        if f["name"] == "Strikes"
    )
    assert strikes == ["1 active", "2 active", "3 active; timed out for 10 min"]


async def test_edited_message_is_moderated(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A clean message edited into a rule-breaking one is removed too."""
    message = await fake.send_message("a fine comment about the story", channel="discussion")
    barrier = await fake.send_dm("What did Trump call a big concession?")
    await fake.wait_for(fake.replies_to(barrier))  # the clean message has been checked by now
    await fake.edit_message(message, "call me on 555-123-4567 instead")
    await fake.wait_for(_deleted(fake, message))
    modlog = await fake.wait_for(_posted_in(fake, "modlog"))
    assert "(edited message)" in modlog.json["embeds"][0]["title"]


def _problems(logs: list[Call]) -> list[str]:
    """The "Problems" fields of mod-log posts."""
    return [
        field["value"]
        for log in logs
        for field in log.json["embeds"][0]["fields"]
        if field["name"] == "Problems"
    ]


async def test_forbidden_delete_is_reported_once(fake: FakeDiscord, bot: StorybotBot) -> None:
    """Without Manage Messages (403 50013) the bot says so in the mod-log once and keeps going."""
    discussion = fake.channels["discussion"]
    fake.fail("DELETE", r"/channels/\d+/messages/\d+", status=403, code=50013)
    fake.fail("POST", rf"/channels/{fake.channels['discussion']}/messages", status=403, code=50013)
    await fake.send_message(EMAIL, channel="discussion")
    first = await fake.wait_for(_posted_in(fake, "modlog"))
    await fake.send_message("again: john.doe@example.com", channel="discussion", author="bob")
    logs = await fake.wait_for_count(_posted_in(fake, "modlog"), 2)
    problems = _problems(logs)
    assert problems == [
        f"I lack the permission to delete messages in <#{discussion}>.\n"
        f"I lack the permission to post in <#{discussion}>."
    ]
    assert first.json["embeds"][0]["title"].startswith("Case 1")
    question = await fake.send_dm("What did Trump call a big concession?")
    await fake.wait_for(fake.replies_to(question))


async def test_closed_dms_are_handled(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A 403 50007 on the DM is noted in the mod-log case; the removal still completes."""
    fake.fail(
        "POST",
        r"/channels/\d+/messages",
        status=403,
        code=50007,
        message="Cannot send messages to this user",
    )
    fake._failures[-1].pattern = __import__("re").compile(r"/channels/1\d+/messages")
    await fake.send_message(EMAIL, channel="discussion")
    modlog = await fake.wait_for(_posted_in(fake, "modlog"))
    fields = {f["name"]: f["value"] for f in modlog.json["embeds"][0]["fields"]}
    assert "DMs are closed" in fields["Problems"]


@pytest.mark.parametrize(
    ("author", "channel", "text"),
    [
        pytest.param("alice", "general", EMAIL, id="unmoderated-channel"),
        pytest.param("mod", "discussion", EMAIL, id="exempt-role"),
        pytest.param("otherbot", "discussion", EMAIL, id="other-bot"),
        pytest.param("alice", "discussion", "what a thoughtful article", id="clean"),
    ],
)
async def test_skipped_messages_are_left_alone(
    fake: FakeDiscord, bot: StorybotBot, author: str, channel: str, text: str
) -> None:
    """Unmoderated channels, exempt roles, bots and clean messages are never removed."""
    await fake.send_message(text, channel=channel, author=author)
    control = await fake.send_message(EMAIL, channel="discussion", author="bob")
    await fake.wait_for(_posted_in(fake, "modlog"))
    deletes = fake.calls_matching("DELETE", r"/messages/")
    assert [call.path.rsplit("/", 1)[1] for call in deletes] == [control["id"]]


@pytest.mark.parametrize(
    ("parent", "removed"),
    [
        pytest.param("discussion", True, id="thread-of-a-moderated-channel"),
        pytest.param("forum", True, id="post-in-a-moderated-forum"),
        pytest.param("general", False, id="thread-of-an-unmoderated-channel"),
    ],
)
async def test_threads_and_forum_posts_follow_their_channel(
    fake: FakeDiscord, make_bot: BotFactory, parent: str, removed: bool
) -> None:
    """A thread (every forum post is one) is moderated when its parent channel is."""
    forum = fake.new_id()
    await make_bot(moderated_channel_ids=frozenset({fake.channels["discussion"], forum}))
    if parent == "forum":
        await fake.create_forum("forum", forum)
    thread = await fake.create_thread(parent)
    message = await fake.send_message(EMAIL, channel=thread)
    control = await fake.send_message(EMAIL, channel="discussion", author="bob")
    await fake.wait_for_count(_posted_in(fake, "modlog"), 2 if removed else 1)
    deletes = [call.path for call in fake.calls_matching("DELETE", r"/messages/")]
    expected = {f"/channels/{fake.channels['discussion']}/messages/{control['id']}"}
    if removed:
        expected.add(f"/channels/{thread}/messages/{message['id']}")
    assert set(deletes) == expected


async def test_a_problem_in_threads_is_reported_once_per_channel(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """A permission problem in the threads of a channel (every post of a forum is one) is
    reported once for the channel, not once per thread."""
    fake.fail("DELETE", r"/channels/\d+/messages/\d+", status=403, code=50013)
    first = await fake.create_thread("discussion")
    second = await fake.create_thread("discussion")
    await fake.send_message(EMAIL, channel=first)
    await fake.wait_for(_posted_in(fake, "modlog"))
    await fake.send_message("again: john.doe@example.com", channel=second, author="bob")
    logs = await fake.wait_for_count(_posted_in(fake, "modlog"), 2)
    problems = _problems(logs)
    assert len(problems) == 1, problems


async def test_bot_does_not_moderate_itself(fake: FakeDiscord, bot: StorybotBot) -> None:
    """The bot's own messages (echoed back by Discord) are never moderated."""
    await fake.send_message(EMAIL, channel="discussion", author=fake.bot_user)
    control = await fake.send_message(EMAIL, channel="discussion", author="bob")
    await fake.wait_for(_deleted(fake, control))
    assert len(fake.calls_matching("DELETE", r"/messages/")) == 1


async def test_watch_rule_only_logs(fake: FakeDiscord, bot: StorybotBot) -> None:
    """A message matching only a watch-mode rule stays up and is logged for tuning."""
    message = await fake.send_message("you can buy followers cheaply", channel="discussion")
    modlog = await fake.wait_for(_posted_in(fake, "modlog"))
    assert modlog.json["embeds"][0]["title"] == "Watch (no action taken)"
    assert not fake.calls_matching("DELETE", rf"/messages/{message['id']}")


async def test_cases_and_strike_clearing(fake: FakeDiscord, bot: StorybotBot) -> None:
    """Moderators list a user's cases and clear their strikes; members are refused."""
    await fake.send_message(EMAIL, channel="discussion")
    await fake.wait_for(_posted_in(fake, "modlog"))
    alice = fake.users["alice"]
    refused = await fake.slash("cases", {"user": alice}, user="bob")
    call: Call = await fake.wait_for(callback_of(refused))
    assert "Only moderators" in call.json["data"]["embeds"][0]["description"]
    listed = await fake.slash(
        "cases", {"user": alice}, user="mod", permissions=BASIC_MEMBER | MODERATE_MEMBERS
    )
    call = await fake.wait_for(callback_of(listed))
    assert call.json["data"]["flags"] & EPHEMERAL
    assert call.json["data"]["embeds"][0]["description"] == "1 case(s), 1 active strike(s)."
    cleared = await fake.slash("strikes", {"user": alice}, subcommand="clear", user="admin")
    call = await fake.wait_for(followup_of(fake, cleared))
    assert call.json["content"] == "Cleared 1 strike(s) of alice."
    assert bot.moderation.store.active_strikes(alice.id, 10**10, 10**11) == 0


async def test_rules_lists_the_rules(fake: FakeDiscord, make_bot: BotFactory) -> None:
    """/rules shows the rules in force, privately."""
    await make_bot()
    payload = await fake.slash("rules")
    call = await fake.wait_for(callback_of(payload))
    assert "email" in call.json["data"]["embeds"][0]["description"].lower()


async def test_removed_question_is_not_answered(fake: FakeDiscord, make_bot: BotFactory) -> None:
    """A question that moderation removes (in a channel that is both ask and moderated) gets no
    answer."""
    await make_bot(ask_channel_ids=frozenset({fake.channels["discussion"]}))
    message = await fake.send_message(
        "What did Trump say? mail me at john.doe@example.com", channel="discussion"
    )
    await fake.wait_for(_posted_in(fake, "modlog"))
    control = await fake.send_message("What did Trump call a big concession?", channel="discussion")
    await fake.wait_for(fake.replies_to(control))
    assert not any(fake.replies_to(message)(call) for call in fake.calls)


async def test_a_check_runs_off_the_event_loop(
    fake: FakeDiscord, make_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules run in a worker thread: however long a message takes to check, the bot goes
    on answering and moderating others."""
    bot = await make_bot()
    state = bot.moderation
    threads: list[threading.Thread] = []
    check = state.moderator.check

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return check(*args, **kwargs)

    monkeypatch.setattr(state.moderator, "check", spy)
    await fake.send_message(EMAIL, channel="discussion")
    await fake.wait_for(_posted_in(fake, "modlog"))
    assert threads
    assert all(thread is not threading.main_thread() for thread in threads)


async def test_an_answer_waits_for_a_slow_check(
    fake: FakeDiscord, make_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question whose check is still running is not answered before the verdict: removed, it
    gets no answer at all (the engine, warm, answers long before the check ends)."""
    bot = await make_bot(ask_channel_ids=frozenset({fake.channels["discussion"]}))
    control = await fake.send_message("What did Trump call a big concession?", channel="discussion")
    await fake.wait_for(fake.replies_to(control))
    check = bot.moderation.moderator.check

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.8)
        return check(*args, **kwargs)

    monkeypatch.setattr(bot.moderation.moderator, "check", slow)
    message = await fake.send_message(
        "What did Trump say? mail me at john.doe@example.com", channel="discussion"
    )
    await fake.wait_for(_posted_in(fake, "modlog"))
    await asyncio.sleep(0.2)  # (an answer sent at the verdict would be in by now)
    assert not any(fake.replies_to(message)(call) for call in fake.calls)


async def test_checks_run_in_the_order_messages_came(tmp_path: Path) -> None:
    """Messages are checked one at a time in arrival order (a flood limit removes the ninth
    message on, not whichever thread won a lock), and a rules swap waits for earlier checks."""
    state = ModerationState(None, tmp_path)
    seen: list[str] = []
    check = state.moderator.check

    def spy(content: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(content)
        return check(content, *args, **kwargs)

    state.moderator.check = spy  # type: ignore[method-assign]
    try:
        texts = [f"message {i}" for i in range(60)]
        await asyncio.gather(*(state.check(t, Author(1), 5, float(i)) for i, t in enumerate(texts)))
        assert seen == texts
    finally:
        state.close()


async def test_a_question_edited_into_a_removal_keeps_its_answer_unchanged(
    fake: FakeDiscord, make_bot: BotFactory
) -> None:
    """An answered question edited into something moderation removes is deleted, and its answer
    is not rewritten to answer the removed text."""
    await make_bot(ask_channel_ids=frozenset({fake.channels["discussion"]}))
    question = await fake.send_message(
        "What did Trump call a big concession?", channel="discussion"
    )
    await fake.wait_for(fake.replies_to(question))
    answer = fake.bot_reply_to(question)
    await fake.edit_message(question, "What did Trump say? mail me at john.doe@example.com")
    await fake.wait_for(_deleted(fake, question))
    await fake.wait_for(_posted_in(fake, "modlog"))
    await asyncio.sleep(0.3)  # (an edit of the answer would be in by now)
    assert not fake.calls_matching("PATCH", rf"/messages/{answer['id']}$")


COMMENT = "i think trump is wrong about kyiv, the strikes there were awful"


@pytest.mark.parametrize(
    "edits",
    [
        pytest.param(
            [COMMENT.replace("trump", "Trump"), COMMENT.replace("trump", "Trump").title()],
            id="two-typo-fixes",
        ),
        pytest.param([f"{COMMENT} (edit {n})" for n in range(1, 10)], id="nine-quick-edits"),
    ],
)
async def test_edits_are_not_counted_as_new_posts(
    fake: FakeDiscord, bot: StorybotBot, edits: list[str]
) -> None:
    """Editing a comment is not posting it again: edits never trip the duplicate or flood limit."""
    message = await fake.send_message(COMMENT, channel="discussion")
    for text in edits:
        message = await fake.edit_message(message, text)
    control = await fake.send_message(EMAIL, channel="discussion", author="bob")
    await fake.wait_for(_posted_in(fake, "modlog"))
    deletes = fake.calls_matching("DELETE", r"/messages/")
    assert [call.path.rsplit("/", 1)[1] for call in deletes] == [control["id"]]


@pytest.mark.parametrize(
    "wait_for_the_case",
    [
        pytest.param(False, id="edited-while-being-checked"),
        pytest.param(True, id="edited-before-the-delete-lands"),
    ],
)
async def test_a_removed_message_edited_again_is_punished_once(
    fake: FakeDiscord, bot: StorybotBot, wait_for_the_case: bool
) -> None:
    """A removed message edited into other rule-breaking text gets one case and one strike."""
    message = await fake.send_message("mail me: jane@example.org", channel="discussion")
    if wait_for_the_case:
        await fake.wait_for(_posted_in(fake, "modlog"))
    message = await fake.edit_message(message, "mail me: jane2@example.org")
    await fake.edit_message(message, "mail me: jane3@example.org")
    await fake.send_message(EMAIL, channel="discussion", author="bob")
    await fake.wait_for_count(_posted_in(fake, "modlog"), 2)
    await asyncio.sleep(0.3)  # (a further case for alice would be in by now)
    titles = [c.json["embeds"][0]["title"] for c in fake.calls if _posted_in(fake, "modlog")(c)]
    assert sorted(titles) == ["Case 1: remove", "Case 2: remove"]  # one for alice, one for bob
    alice = fake.users["alice"].id
    assert bot.moderation.store.active_strikes(alice, time.time(), 3600) == 1


async def test_strikes_clear_defers_before_waiting_for_the_moderation_thread(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/strikes clear defers (privately) before it waits behind the queued checks, so a raid
    cannot make it miss Discord's 3-second deadline."""
    acknowledged: list[bool] = []
    forget = bot.moderation.forget

    async def spy(user_id: int) -> None:
        acknowledged.append(bool(fake.interaction_callbacks))
        await forget(user_id)

    monkeypatch.setattr(bot.moderation, "forget", spy)
    payload = await fake.slash(
        "strikes", {"user": fake.users["alice"]}, subcommand="clear", user="admin"
    )
    reply = await fake.wait_for(callback_of(payload))
    if reply.json["type"] == 5:  # deferred: the result follows
        reply = await fake.wait_for(followup_of(fake, payload))
    assert acknowledged == [True]
    callback = await fake.wait_for(callback_of(payload))
    assert callback.json["type"] == 5
    assert callback.json["data"]["flags"] & EPHEMERAL
    assert reply.json["content"] == "Cleared 0 strike(s) of alice."


LOST = (
    "⚠️ 1 earlier mod-log entry could not be posted (Discord server errors); "
    "the cases of removals are on record: see /cases."
)


@pytest.mark.parametrize(
    ("failures", "backlog", "expected"),
    [
        pytest.param(1, 50, ["Case 1: remove", "Case 2: remove"], id="retried-at-once"),
        pytest.param(3, 50, ["Case 1: remove", "Case 2: remove"], id="posted-with-the-next"),
        pytest.param(3, 1, ["Case 2: remove", LOST], id="backlog-full-so-counted"),
    ],
)
async def test_a_modlog_entry_survives_server_errors(
    fake: FakeDiscord,
    bot: StorybotBot,
    monkeypatch: pytest.MonkeyPatch,
    failures: int,
    backlog: int,
    expected: list[str],
) -> None:
    """A 503 on a mod-log post is retried; an entry that still fails is posted before the next
    one, or, when too many wait, counted in the mod-log: no entry goes missing silently."""
    _set_modlog(
        bot,
        monkeypatch,
        MODLOG_RETRY_DELAYS=(0.0, 0.0),
        MODLOG_BACKLOG=backlog,
    )
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    fake.fail("POST", modlog, status=503, code=0, message="upstream error", times=failures)
    await fake.send_message(EMAIL, channel="discussion")
    await fake.wait_for_count(_posted_in(fake, "modlog"), failures)
    await fake.send_message("again: john.doe@example.com", channel="discussion", author="bob")

    def posted() -> list[str]:
        posts = [c for c in fake.calls if _posted_in(fake, "modlog")(c)][failures:]
        return [
            c.json["embeds"][0]["title"] if c.json.get("embeds") else c.json["content"]
            for c in posts
        ]

    await fake.wait_for(lambda call: len(posted()) >= len(expected))
    assert posted() == expected


async def test_a_message_left_up_by_a_failed_delete_is_checked_again_when_edited(
    fake: FakeDiscord, bot: StorybotBot
) -> None:
    """A delete that fails (not 404) leaves the message up: its next edit is checked and the
    message deleted then (it is not taken for removed)."""
    message = await fake.send_message(EMAIL, channel="discussion")
    path = f"/channels/{message['channel_id']}/messages/{message['id']}"
    fake.fail("DELETE", f"{path}$", status=503, code=0, message="upstream error", times=1)
    await fake.wait_for(_posted_in(fake, "modlog"))  # the case (the delete has failed by then)
    await fake.edit_message(message, "no, write to jane.roe@example.com instead")
    await fake.wait_for_count(_deleted(fake, message), 2)


async def test_editing_messages_into_copies_of_one_text_is_a_duplicate(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits still count for the duplicates rule: three messages edited into one text are
    copies (while a typo fix of one message is no repost, see above)."""
    spam = "everyone go and vote for Bob in the poll right now"
    check = bot.moderation.check
    read: list[str] = []
    all_read = asyncio.Event()

    async def spy(content: str, *args: Any, **kwargs: Any) -> Any:
        read.append(content)
        if len(read) == 3:
            all_read.set()
        return await check(content, *args, **kwargs)

    monkeypatch.setattr(bot.moderation, "check", spy)
    posted = [
        await fake.send_message(text, channel="discussion")
        for text in ("good article today", "the Kyiv strikes were awful", "peace talks soon?")
    ]
    await asyncio.wait_for(all_read.wait(), 5)  # each read as posted (not as its edit) first
    for message in posted:
        await fake.edit_message(message, spam)
    modlog = await fake.wait_for(_posted_in(fake, "modlog"))
    assert "duplicates" in json.dumps(modlog.json)
    await fake.wait_for(_deleted(fake, posted[2]))
    assert not fake.calls_matching("DELETE", rf"/messages/({posted[0]['id']}|{posted[1]['id']})$")


async def test_an_entry_discord_keeps_refusing_does_not_hold_up_the_others(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry that fails all its rounds of tries is counted as lost; the entries behind it
    and the "could not be posted" line go out."""
    _set_modlog(
        bot,
        monkeypatch,
        # (tries that take a while, as in production: the next cases come during a round)
        MODLOG_RETRY_DELAYS=(0.2, 0.2),
        MODLOG_ROUNDS=3,
        MODLOG_GIVE_UP_AFTER=0.0,
        # (each new entry gives the failing one a round: no timer is needed to get past it)
        MODLOG_FLUSH_DELAYS=(3600.0,),
    )
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    route = fake._route

    async def poisoned(method: str, path: str, body: Any) -> Any:
        if method == "POST" and path == modlog and "zzpoison" in json.dumps(body):
            return _json({"message": "Internal Server Error", "code": 0}, status=503)
        return await route(method, path, body)

    monkeypatch.setattr(fake, "_route", poisoned)
    await fake.send_message("mail john.doe@example.com zzpoison", channel="discussion")
    for author in ("bob", "alice", "bob"):
        await fake.send_message(f"write to {author}.doe@example.com", channel="discussion")

    def posted(call: Call) -> bool:
        return _posted_in(fake, "modlog")(call) and "zzpoison" not in json.dumps(call.json)

    calls = await fake.wait_for_count(posted, 4)
    titles = [
        c.json["embeds"][0]["title"] if c.json.get("embeds") else c.json["content"] for c in calls
    ]
    # (the cases' own removals finish in any order; the lost line comes after them)
    assert sorted(titles[:3]) == ["Case 2: remove", "Case 3: remove", "Case 4: remove"]
    assert titles[3] == LOST


async def test_a_waiting_entry_is_posted_without_a_new_case(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry left waiting after Discord's server errors is posted once Discord is fine
    again, without waiting for the next case; then the next case goes straight out."""
    _set_modlog(
        bot,
        monkeypatch,
        MODLOG_RETRY_DELAYS=(0.0, 0.0),
        MODLOG_FLUSH_DELAYS=(0.01, 0.05),
    )
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    fake.fail("POST", modlog, status=503, code=0, message="upstream error", times=6)
    await fake.send_message(EMAIL, channel="discussion")
    calls = await fake.wait_for_count(_posted_in(fake, "modlog"), 7)  # 2 rounds fail, then ok
    assert calls[-1].json["embeds"][0]["title"] == "Case 1: remove"
    await fake.send_message("again: john.doe@example.com", channel="discussion", author="bob")
    calls = await fake.wait_for_count(_posted_in(fake, "modlog"), 8)
    assert len(calls) == 8  # (no try of an entry already posted)
    assert calls[-1].json["embeds"][0]["title"] == "Case 2: remove"


async def test_removals_do_not_wait_for_the_modlog(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While Discord holds the mod-log's posts, each removal still finishes at once (it hands
    its entry over); the entries go out in order once Discord answers again."""
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    route = fake._route
    discord_answers = asyncio.Event()

    async def held(method: str, path: str, body: Any) -> Any:
        if method == "POST" and path == modlog:
            await discord_answers.wait()
        return await route(method, path, body)

    monkeypatch.setattr(fake, "_route", held)
    cog = bot.get_cog("Moderation")
    moderate = cog.moderate
    removed: asyncio.Queue[Any] = asyncio.Queue()

    async def spy(message: Any, *, edited: bool) -> Any:
        verdict = await moderate(message, edited=edited)
        if verdict is not None:  # (not the bot's own messages)
            removed.put_nowait(verdict)
        return verdict

    monkeypatch.setattr(cog, "moderate", spy)
    try:
        for author in ("alice", "bob", "alice"):
            await fake.send_message(f"write to {author}.doe@example.com", channel="discussion")
            verdict = await asyncio.wait_for(removed.get(), WAIT_SECONDS)
            assert verdict.removes
    finally:
        discord_answers.set()
    calls = await fake.wait_for_count(_posted_in(fake, "modlog"), 3)
    titles = [call.json["embeds"][0]["title"] for call in calls]
    assert titles == ["Case 1: remove", "Case 2: remove", "Case 3: remove"]


@pytest.mark.parametrize(
    "status",
    [
        pytest.param(503, id="server-error-after-the-create"),
        pytest.param(0, id="connection-closed-after-the-create"),
    ],
)
async def test_a_modlog_post_whose_answer_was_lost_is_posted_once(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    """A mod-log post that Discord made but whose answer was lost (a 503, or no answer at all)
    is tried again with the same nonce, so the entry is in the mod-log once."""
    _set_modlog(
        bot,
        monkeypatch,
        MODLOG_RETRY_DELAYS=(0.0, 0.0),
    )
    modlog = fake.channels["modlog"]
    fake.fail(
        "POST",
        f"/channels/{modlog}/messages",
        status=status,
        code=0,
        message="upstream error",
        times=1,
        lost=True,
    )
    await fake.send_message(EMAIL, channel="discussion")
    first, retry = await fake.wait_for_count(_posted_in(fake, "modlog"), 2)
    await fake.send_message("again: john.doe@example.com", channel="discussion", author="bob")
    await fake.wait_for_count(_posted_in(fake, "modlog"), 3)  # (the retry has been answered)
    title = first.json["embeds"][0]["title"]
    made = [m for m in fake.messages.values() if m["channel_id"] == str(modlog)]
    assert [m["embeds"][0]["title"] for m in made].count(title) == 1
    assert retry.json["nonce"] == first.json["nonce"]
    assert retry.json["enforce_nonce"] is True
    assert len(first.json["nonce"]) <= 25  # Discord's limit


async def test_a_new_case_does_not_lengthen_the_wait_for_discord(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case that comes while the mod-log waits for Discord is tried at once; when that fails
    too, the waiting entries are tried again after the first retry delay, not a longer one."""
    _set_modlog(
        bot,
        monkeypatch,
        MODLOG_RETRY_DELAYS=(0.0, 0.0),
        MODLOG_FLUSH_DELAYS=(0.3, 3600.0),
    )
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    fake.fail("POST", modlog, status=503, code=0, message="upstream error", times=6)
    await fake.send_message(EMAIL, channel="discussion")
    await fake.wait_for_count(_posted_in(fake, "modlog"), 3)  # Case 1's round fails
    await fake.send_message("again: john.doe@example.com", channel="discussion", author="bob")
    calls = await fake.wait_for_count(_posted_in(fake, "modlog"), 8, within=5)
    assert [c.json["embeds"][0]["title"] for c in calls[6:]] == [
        "Case 1: remove",
        "Case 2: remove",
    ]


async def test_an_entry_rate_limited_past_discord_py_s_tries_is_kept(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five 429s in a row (discord.py gives up then) leave the entry waiting, not lost."""
    _set_modlog(
        bot,
        monkeypatch,
        MODLOG_RETRY_DELAYS=(0.0, 0.0),
    )
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    fake.fail("POST", modlog, status=429, code=0, message="rate", times=5, retry_after=0.01)
    await fake.send_message(EMAIL, channel="discussion")
    calls = await fake.wait_for_count(_posted_in(fake, "modlog"), 6)
    assert calls[-1].json["embeds"][0]["title"] == "Case 1: remove"


async def test_the_lost_entries_line_is_posted_once(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The "could not be posted" line keeps its nonce while its count stays the same: a try
    Discord carried out but whose answer was lost does not post it twice."""
    _set_modlog(
        bot,
        monkeypatch,
        MODLOG_RETRY_DELAYS=(0.0, 0.0),
        MODLOG_BACKLOG=1,
        MODLOG_FLUSH_DELAYS=(3600.0,),
    )
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    route = fake._route
    tries: dict[str, int] = {}
    error = {"message": "upstream error", "code": 0}

    async def flaky(method: str, path: str, body: Any) -> Any:
        if method == "POST" and path == modlog:
            text = json.dumps(body)
            kind = "case1" if "Case 1" in text else "lost" if "could not be posted" in text else ""
            tries[kind] = tries.get(kind, 0) + 1
            if kind == "case1":
                return _json(error, status=503)  # Case 1 never gets through
            if kind == "lost" and tries[kind] == 1:
                await route(method, path, body)  # made, but the answer is lost
                return _json(error, status=503)
            if kind == "lost" and tries[kind] <= 3:
                return _json(error, status=503)
        return await route(method, path, body)

    monkeypatch.setattr(fake, "_route", flaky)
    await fake.send_message(EMAIL, channel="discussion")
    await fake.wait_for_count(_posted_in(fake, "modlog"), 3)  # Case 1's first round fails
    await fake.send_message("again: john.doe@example.com", channel="discussion", author="bob")
    await fake.wait_for_count(_posted_in(fake, "modlog"), 7)  # Case 2, then 3 tries of the line
    await fake.send_message("more: jane.roe@example.com", channel="discussion", author="alice")
    await fake.wait_for_count(_posted_in(fake, "modlog"), 9)  # Case 3 and the line again
    modlog_id = str(fake.channels["modlog"])
    made = [m.get("content") or "" for m in fake.messages.values() if m["channel_id"] == modlog_id]
    assert sum("could not be posted" in m for m in made) == 1, made


def _modlog_texts(fake: FakeDiscord) -> list[str]:
    """The mod-log's messages as Discord keeps them (titles of embeds, else contents)."""
    modlog = str(fake.channels["modlog"])
    return [
        m["embeds"][0]["title"] if m.get("embeds") else m["content"]
        for m in fake.messages.values()
        if m["channel_id"] == modlog
    ]


async def test_a_burst_during_a_short_outage_is_not_given_up(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty entries handed over while Discord fails for a while (shorter than the give-up
    time) all go out, in order, once it is back: quick rounds do not use up their tries."""
    _set_modlog(bot, monkeypatch, MODLOG_RETRY_DELAYS=(0.01, 0.01), MODLOG_FLUSH_DELAYS=(0.2,))
    cog: Any = bot.get_cog("Moderation")
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    route = fake._route
    down = {"now": True}

    async def outage(method: str, path: str, body: Any) -> Any:
        if method == "POST" and path == modlog and down["now"]:
            return _json({"message": "upstream error", "code": 0}, status=503)
        return await route(method, path, body)

    monkeypatch.setattr(fake, "_route", outage)
    sent = [f"burst {i:02d}" for i in range(20)]
    for text in sent:
        cog._modlog(content=text)
    await asyncio.sleep(0.5)
    down["now"] = False
    await fake.wait_for(lambda call: len(_modlog_texts(fake)) >= 20, within=5)
    assert _modlog_texts(fake) == sent


async def test_a_lost_entries_line_once_tried_keeps_its_count(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The "could not be posted" line Discord made but whose answer was lost is tried again as
    it was, even when another entry is lost meanwhile (that one is told in a line of its own):
    no line twice, no entry counted twice."""
    _set_modlog(
        bot,
        monkeypatch,
        MODLOG_RETRY_DELAYS=(0.0, 0.0),
        MODLOG_ROUNDS=1,
        MODLOG_GIVE_UP_AFTER=0.0,
        MODLOG_FLUSH_DELAYS=(3600.0,),
    )
    cog: Any = bot.get_cog("Moderation")
    modlog = f"/channels/{fake.channels['modlog']}/messages"
    route = fake._route
    tries = {"line": 0}
    error = {"message": "upstream error", "code": 0}

    async def flaky(method: str, path: str, body: Any) -> Any:
        if method == "POST" and path == modlog:
            text = json.dumps(body)
            if "poison" in text:
                return _json(error, status=503)
            if "could not be posted" in text:
                tries["line"] += 1
                if tries["line"] == 1:
                    await route(method, path, body)  # made, but the answer is lost
                    return _json(error, status=503)
                if tries["line"] <= 3:
                    return _json(error, status=503)
        return await route(method, path, body)

    monkeypatch.setattr(fake, "_route", flaky)
    cog._modlog(content="poison A")
    await fake.wait_for(lambda call: tries["line"] >= 3)
    cog._modlog(content="poison B")
    await fake.wait_for(lambda call: len(_modlog_texts(fake)) >= 2)
    lines = [text for text in _modlog_texts(fake) if "could not be posted" in text]
    assert len(lines) == 2
    assert all("1 earlier mod-log entry could not" in line for line in lines), lines
