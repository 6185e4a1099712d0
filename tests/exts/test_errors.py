"""The central error handler: every failure becomes one ephemeral, user-safe reply."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.core.errors import QuestionError
from bot.exts.errors import GENERIC_ERROR
from tests.exts.test_story import EPHEMERAL, callback_of, followup_of
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.fixtures import BotFactory, make_library


class FailingLibrary:
    """A library whose answers fail with a given exception."""

    def __init__(self, corpus: Path, error: Exception) -> None:
        self._real = make_library(corpus)
        self.error = error

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)

    def answer(self, question: str) -> object:
        raise self.error


@pytest.mark.parametrize(
    ("error", "shown", "logged"),
    [
        pytest.param(
            QuestionError("Ask something shorter."), "Ask something shorter.", False, id="user"
        ),
        pytest.param(RuntimeError("secret internals"), GENERIC_ERROR, True, id="unexpected"),
    ],
)
async def test_command_error_becomes_one_ephemeral_reply(
    fake: FakeDiscord,
    make_bot: BotFactory,
    tmp_corpus: Path,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    shown: str,
    logged: bool,
) -> None:
    """After a defer, an error is sent as an ephemeral follow-up; internals are only logged."""
    await make_bot(library=FailingLibrary(tmp_corpus, error))
    payload = await fake.slash("ask", {"question": "anything?"})
    await fake.wait_for(callback_of(payload))
    reply = await fake.wait_for(followup_of(fake, payload))
    assert reply.json["flags"] & EPHEMERAL
    assert reply.json["embeds"][0]["description"] == shown
    assert "secret internals" not in str(reply.json)
    assert fake.interaction_callbacks[int(payload["id"])] == 1
    assert any(r.levelno == logging.ERROR for r in caplog.records) is logged


async def test_chat_question_error_is_explained(
    fake: FakeDiscord, make_bot: BotFactory, tmp_corpus: Path
) -> None:
    """A question the core rejects gets the core's message as the reply in chat."""
    await make_bot(library=FailingLibrary(tmp_corpus, QuestionError("Too long.")))
    question = await fake.send_dm("What is this about?")
    reply = await fake.wait_for(fake.replies_to(question))
    assert reply.json["embeds"][0]["description"] == "Too long."


async def test_chat_unexpected_error_gets_an_apology(
    fake: FakeDiscord, make_bot: BotFactory, tmp_corpus: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An unexpected failure while answering in chat is logged and the user gets an apology."""
    await make_bot(library=FailingLibrary(tmp_corpus, RuntimeError("secret internals")))
    question = await fake.send_dm("What is this about?")
    reply = await fake.wait_for(fake.replies_to(question))
    assert reply.json["embeds"][0]["description"] == GENERIC_ERROR
    assert any(r.exc_info and "secret internals" in str(r.exc_info[1]) for r in caplog.records)
