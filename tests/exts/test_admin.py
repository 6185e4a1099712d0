"""/reload: refused for members, accepted for admins with a diff, atomic on a broken corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.client import StorybotBot
from tests.exts.test_story import EPHEMERAL, callback_of, followup_of
from tests.fakes.discord_server import BASIC_MEMBER, MANAGE_GUILD, FakeDiscord

ARTICLE = "trump-russia-big-concession.txt"


def _add_article(corpus: Path) -> None:
    text = (corpus / ARTICLE).read_text(encoding="utf-8")
    (corpus / "second-article.txt").write_text(
        text.replace("Trump Calls", "Second Copy: Trump Calls", 1), encoding="utf-8"
    )


async def test_reload_refused_for_a_member(
    fake: FakeDiscord, bot: StorybotBot, tmp_corpus: Path
) -> None:
    """A member without Manage Server or the admin role is told so privately; nothing reloads."""
    _add_article(tmp_corpus)
    payload = await fake.slash("reload", user="alice")
    callback = await fake.wait_for(callback_of(payload))
    assert callback.json["data"]["flags"] & EPHEMERAL
    assert "Manage Server" in callback.json["data"]["embeds"][0]["description"]
    assert [a.slug for a in bot.library.corpus.articles] == ["trump-russia-big-concession"]


@pytest.mark.parametrize(
    ("user", "permissions"),
    [
        pytest.param("admin", BASIC_MEMBER, id="admin-role"),
        pytest.param("bob", BASIC_MEMBER | MANAGE_GUILD, id="manage-server"),
    ],
)
async def test_reload_accepted_for_an_admin_with_the_diff(
    fake: FakeDiscord, bot: StorybotBot, tmp_corpus: Path, user: str, permissions: int
) -> None:
    """The admin role or Manage Server may reload; the deferred reply lists what changed."""
    _add_article(tmp_corpus)
    payload = await fake.slash("reload", user=user, permissions=permissions)
    callback = await fake.wait_for(callback_of(payload))
    assert callback.json["type"] == 5
    reply = await fake.wait_for(followup_of(fake, payload))
    description = reply.json["embeds"][0]["description"]
    assert "Added: `second-article`" in description
    assert "Paragraphs:" in description
    assert reply.json["flags"] & EPHEMERAL
    assert len(bot.library.corpus.articles) == 2


async def test_broken_corpus_keeps_the_old_index(
    fake: FakeDiscord, bot: StorybotBot, tmp_corpus: Path
) -> None:
    """A broken file makes /reload name the file and error while the old story stays live."""
    (tmp_corpus / "broken.txt").write_bytes(b"Title\n\n\x00\x01 binary junk")
    payload = await fake.slash("reload", user="admin")
    reply = await fake.wait_for(followup_of(fake, payload))
    embed = reply.json["embeds"][0]
    assert "previous story stays live" in embed["title"]
    assert "broken.txt" in embed["description"]
    question = await fake.slash("ask", {"question": "What did Trump call a big concession?"})
    answer = await fake.wait_for(followup_of(fake, question))
    assert "concession" in answer.json["embeds"][0]["description"].lower()


async def test_an_article_url_too_long_for_an_answer_is_left_out(
    fake: FakeDiscord, bot: StorybotBot, tmp_corpus: Path
) -> None:
    """An article address over 512 characters (it would not fit the answer's 1,024-character
    field) still reloads; answers citing the article leave the link out and still fit."""
    article = tmp_corpus / ARTICLE
    long_url = "https://news.example.com/story?utm_source=" + "x" * 1100
    article.write_text(
        f'+++\nurl = "{long_url}"\n+++\n' + article.read_text(encoding="utf-8"), encoding="utf-8"
    )
    payload = await fake.slash("reload", user="admin")
    reply = await fake.wait_for(followup_of(fake, payload))
    assert reply.json["embeds"][0]["title"] == "Reloaded"
    question = await fake.send_dm("What did Trump call a big concession?")
    answer = await fake.wait_for(fake.replies_to(question))
    assert "utm_source" not in str(answer.json)
    assert all(len(f["value"]) <= 1024 for f in answer.json["embeds"][0]["fields"])


async def test_reload_saves_the_lexicon_cache(
    fake: FakeDiscord, bot: StorybotBot, tmp_corpus: Path, tmp_path: Path
) -> None:
    """After a reload the words the new build looked up are in the lexicon cache file, a word
    a reader asked about before (kept by the in-process caches since) included."""
    from bot.core import lexicon

    cache = lexicon.configure(tmp_path / "cache")
    assert cache is not None
    question = await fake.send_dm("Were the villagers snorkelling near the reservoirs?")
    await fake.wait_for(fake.replies_to(question))
    (tmp_corpus / "second-article.txt").write_text(
        "Quiet village\n\nThe villagers were snorkelling near the reservoirs.\n", encoding="utf-8"
    )
    payload = await fake.slash("reload", user="admin")
    await fake.wait_for(followup_of(fake, payload))
    saved = lexicon.Lexicon(tmp_path / "cache")
    assert saved.stem("snorkelling") == "snorkel"
    assert saved.stem("reservoirs") == "reservoir"
