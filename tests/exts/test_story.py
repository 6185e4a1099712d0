"""Slash commands /ask, /quote, /passage, /story end to end against the fake Discord."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.client import StorybotBot
from tests.fakes.discord_server import Call, FakeDiscord
from tests.fakes.fixtures import BotFactory
from tests.fakes.fixtures import test_rules_file as shipped_rules_file

EPHEMERAL = 64


def callback_of(payload: dict[str, Any]) -> Any:
    """A predicate for the interaction callback of ``payload``."""
    path = f"/interactions/{payload['id']}/{payload['token']}/callback"
    return lambda call: call.method == "POST" and call.path == path


def followup_of(fake: FakeDiscord, payload: dict[str, Any]) -> Any:
    """A predicate for a webhook follow-up (or original edit) of ``payload``."""
    prefix = f"/webhooks/{fake.app_id}/{payload['token']}"
    return lambda call: call.method in ("POST", "PATCH") and call.path.startswith(prefix)


async def test_ask_defers_then_answers_publicly(fake: FakeDiscord, bot: StorybotBot) -> None:
    """/ask acknowledges at once (thinking), then sends the answer embed as the follow-up."""
    started = time.monotonic()
    payload = await fake.slash("ask", {"question": "What did Trump call a big concession?"})
    callback = await fake.wait_for(callback_of(payload))
    assert time.monotonic() - started < 3
    assert callback.json["type"] == 5
    assert not (callback.json.get("data") or {}).get("flags", 0) & EPHEMERAL
    answer = await fake.wait_for(followup_of(fake, payload))
    assert "concession" in answer.json["embeds"][0]["description"].lower()
    assert answer.json["allowed_mentions"] == {"parse": []}
    assert fake.interaction_callbacks[int(payload["id"])] == 1


async def test_ask_ephemeral_option(fake: FakeDiscord, bot: StorybotBot) -> None:
    """/ask ephemeral:true keeps both the thinking state and the answer private."""
    payload = await fake.slash("ask", {"question": "Who did Trump meet?", "ephemeral": True})
    callback = await fake.wait_for(callback_of(payload))
    assert callback.json["data"]["flags"] & EPHEMERAL
    answer = await fake.wait_for(followup_of(fake, payload))
    assert answer.json["flags"] & EPHEMERAL


async def test_quote_speaker_autocomplete(fake: FakeDiscord, bot: StorybotBot) -> None:
    """Typing part of a speaker's name offers the matching speakers from the quotes."""
    payload = await fake.autocomplete("quote", "speaker", "tru")
    callback = await fake.wait_for(callback_of(payload))
    assert callback.json["type"] == 8
    choices = callback.json["data"]["choices"]
    assert {"name": "Donald Trump", "value": "Donald Trump"} in choices
    assert len(choices) <= 25


async def test_quote_by_speaker(fake: FakeDiscord, bot: StorybotBot) -> None:
    """/quote speaker: lists that speaker's quotes with citations."""
    payload = await fake.slash("quote", {"speaker": "Donald Trump"})
    callback = await fake.wait_for(callback_of(payload))
    embed = callback.json["data"]["embeds"][0]
    assert embed["fields"]
    assert all("Donald Trump" in field["name"] for field in embed["fields"])
    assert callback.json["data"]["allowed_mentions"] == {"parse": []}


async def test_passage_article_autocomplete(fake: FakeDiscord, bot: StorybotBot) -> None:
    """Typing part of an article title offers it, with the slug as the value."""
    payload = await fake.autocomplete("passage", "article", "concession")
    callback = await fake.wait_for(callback_of(payload))
    values = [choice["value"] for choice in callback.json["data"]["choices"]]
    assert values == ["trump-russia-big-concession"]


async def test_passage_shows_the_paragraph(fake: FakeDiscord, bot: StorybotBot) -> None:
    """/passage article: paragraph: shows that paragraph with its citation."""
    paragraph = bot.library.corpus.articles[0].paragraphs[1]
    payload = await fake.slash(
        "passage", {"article": "trump-russia-big-concession", "paragraph": 2}
    )
    callback = await fake.wait_for(callback_of(payload))
    embed = callback.json["data"]["embeds"][0]
    assert embed["title"].endswith("paragraph 2")
    assert embed["description"].startswith(paragraph.text[:40].replace("*", "\\*"))


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param({"article": "nope", "paragraph": 1}, "no article", id="unknown-article"),
        pytest.param(
            {"article": "trump-russia-big-concession", "paragraph": 999}, "paragraphs", id="range"
        ),
    ],
)
async def test_passage_bad_input_is_an_ephemeral_error(
    fake: FakeDiscord, bot: StorybotBot, options: dict[str, Any], expected: str
) -> None:
    """A wrong article or paragraph gets a private explanation, answered exactly once."""
    payload = await fake.slash("passage", options)
    callback = await fake.wait_for(callback_of(payload))
    assert callback.json["data"]["flags"] & EPHEMERAL
    assert expected in callback.json["data"]["embeds"][0]["description"]
    assert fake.interaction_callbacks[int(payload["id"])] == 1


async def test_story_lists_articles(fake: FakeDiscord, bot: StorybotBot) -> None:
    """/story lists each article with paragraph and quote counts."""
    payload = await fake.slash("story")
    callback = await fake.wait_for(callback_of(payload))
    field = callback.json["data"]["embeds"][0]["fields"][0]
    assert "paragraphs" in field["value"]
    assert "trump-russia-big-concession" in field["value"]


@pytest.mark.parametrize("name", ["help", "rules"])
async def test_help_and_rules_are_ephemeral(fake: FakeDiscord, bot: StorybotBot, name: str) -> None:
    """/help and /rules answer privately, once."""
    payload = await fake.slash(name)
    callback: Call = await fake.wait_for(callback_of(payload))
    assert callback.json["data"]["flags"] & EPHEMERAL
    assert callback.json["data"]["embeds"]


def _interaction_body(payload: dict[str, Any]) -> Callable[[Call], dict[str, Any]]:
    """The message body of a call answering the interaction ``payload`` ({} for other calls)."""
    return lambda call: call.message_body() if payload["token"] in call.path else {}


def _is_reply(call: Call, body: dict[str, Any]) -> bool:
    """Whether a call posts or edits a reply (an embed or text), not a bare deferral."""
    return call.method in ("POST", "PATCH") and bool(body.get("embeds") or body.get("content"))


ADDRESS = "john.doe@example.com"


@pytest.mark.parametrize(
    ("command", "options", "channel", "withheld"),
    [
        pytest.param("ask", {"question": f"mail {ADDRESS}: who?"}, "discussion", True, id="ask"),
        pytest.param("quote", {"query": f"mail {ADDRESS}"}, "discussion", True, id="quote-query"),
        pytest.param("quote", {"speaker": ADDRESS}, "discussion", True, id="quote-speaker"),
        pytest.param(
            "ask",
            {"question": f"mail {ADDRESS}: who?", "ephemeral": True},
            "discussion",
            False,
            id="private-ask-is-not-posted",
        ),
        pytest.param("ask", {"question": f"mail {ADDRESS}: who?"}, "general", False, id="other"),
        pytest.param(
            "quote", {"query": "concession"}, "discussion", False, id="clean-quote-answered"
        ),
    ],
)
async def test_slash_text_moderation_removes_is_not_posted(
    fake: FakeDiscord,
    bot: StorybotBot,
    command: str,
    options: dict[str, Any],
    channel: str,
    withheld: bool,
) -> None:
    """In a moderated channel, /ask and /quote never post option text its rules would remove:
    the reply says which rule instead (in place of the "thinking..." message, which a private
    follow-up could not replace on Discord)."""
    payload = await fake.slash(command, options, channel=channel)

    body = _interaction_body(payload)
    final = await fake.wait_for(lambda c: _is_reply(c, body(c)))
    refusal = body(final).get("content") or ""
    assert ("can't post that here" in refusal) is withheld
    if withheld:
        public = [c for c in fake.calls if body(c) and not body(c).get("flags", 0) & EPHEMERAL]
        assert ADDRESS not in str([body(c) for c in public]).replace("\\", "")
        assert final.method == "PATCH"
        assert final.path.endswith("/messages/@original")
        assert "e-mail" in refusal


async def test_slash_text_in_a_thread_meets_its_parent_channels_rules(
    fake: FakeDiscord, make_bot: BotFactory, tmp_path: Path
) -> None:
    """A rule limited to #discussion applies to /ask in a thread of #discussion, as it does to a
    message typed there: the text it would remove is not posted."""
    rules = shipped_rules_file(tmp_path, fake).read_text(encoding="utf-8")
    limited = rules.replace(
        '[rules.email]\nkind = "email"\n',
        f'[rules.email]\nkind = "email"\nchannels = [{fake.channels["discussion"]}]\n',
        1,
    )
    assert limited != rules
    path = tmp_path / "rules_limited.toml"
    path.write_text(limited, encoding="utf-8")
    await make_bot(rules_file=path)
    fake.channels["side"] = await fake.create_thread("discussion")
    payload = await fake.slash("ask", {"question": f"did Trump mail {ADDRESS}?"}, channel="side")

    body = _interaction_body(payload)
    final = await fake.wait_for(lambda c: _is_reply(c, body(c)))
    assert "can't post that here" in (body(final).get("content") or "")
    assert ADDRESS not in str([body(c) for c in fake.calls]).replace("\\", "")


async def test_slash_text_not_checked_in_time_is_not_posted(
    fake: FakeDiscord, bot: StorybotBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When moderation cannot check an /ask's text in time (a wedged rule), nothing unchecked is
    posted: the reply says so."""
    from bot import render
    from bot.exts import story

    async def wedged(*args: Any, **kwargs: Any) -> None:
        await asyncio.sleep(30)

    monkeypatch.setattr(story, "MODERATION_WAIT", 0.2)
    monkeypatch.setattr(bot.moderation, "check", wedged)
    payload = await fake.slash("ask", {"question": f"mail {ADDRESS}: who?"}, channel="discussion")

    body = _interaction_body(payload)
    final = await fake.wait_for(lambda c: _is_reply(c, body(c)))
    assert body(final).get("content") == render.MODERATION_BUSY
    assert ADDRESS not in str([body(c) for c in fake.calls]).replace("\\", "")
