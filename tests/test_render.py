"""Rendering: every embed and message stays within Discord's limits; user text stays inert."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import render
from bot.core.answer import SMALL_TALK_REPLY, Answer, Citation, Passage
from bot.core.corpus import load_corpus
from bot.core.quotes import Quote

CITATION = Citation("story", "A Title", 3, "https://example.com/story")


def _answer(text: str, *, answered: bool = True, quotes: int = 3) -> Answer:
    passage = Passage(CITATION, text, 1.0)
    return Answer(
        question=text,
        answered=answered,
        sentence=text if answered else None,
        citation=CITATION if answered else None,
        passages=(passage,) * 5,
        quotes=tuple(Quote("Some Speaker", text, "story", 3) for _ in range(quotes)),
        reason="" if answered else "Nothing matches.",
    )


def _within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= render.TITLE_LIMIT
    assert len(embed.description or "") <= render.DESCRIPTION_LIMIT
    assert len(embed.fields) <= render.FIELD_COUNT_LIMIT
    for field in embed.fields:
        assert len(field.name or "") <= render.FIELD_NAME_LIMIT
        assert len(field.value or "") <= render.FIELD_VALUE_LIMIT
    assert len(embed) <= render.EMBED_TOTAL_LIMIT


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("Short.", 100, "Short.", id="fits"),
        pytest.param("One two. Three four five six seven.", 14, "One two. …", id="sentence"),
        pytest.param("alpha beta gamma delta epsilon", 18, "alpha beta gamma…", id="word"),
        pytest.param("x" * 50, 10, "x" * 8 + "…", id="no-space"),
    ],
)
def test_cut(text: str, limit: int, expected: str) -> None:
    """Long text is cut at a sentence end, else a word, else hard, with an ellipsis."""
    assert render.cut(text, limit) == expected


@given(st.text(max_size=3000), st.integers(min_value=1, max_value=2500))
@settings(max_examples=60, deadline=None)
def test_cut_never_exceeds_the_limit(text: str, limit: int) -> None:
    """Whatever the text (any unicode), the result fits."""
    assert len(render.cut(text, limit)) <= limit


@pytest.mark.parametrize("answered", [True, False], ids=["answered", "not-in-story"])
@pytest.mark.parametrize("size", [10, 5000], ids=["short", "huge"])
def test_answer_embed_within_limits(answered: bool, size: int) -> None:
    """Answer embeds, however long the sentence, passages and quotes, fit every limit."""
    text = ("Word " * size).strip() + "."
    embed = render.answer_embed(_answer(text, answered=answered, quotes=10))
    _within_limits(embed)


def test_answer_embed_content() -> None:
    """The answer shows the sentence, the passage with its citation and link, and the quotes."""
    embed = render.answer_embed(_answer("Trump met Støre."))
    assert embed.description == "Trump met Støre."
    assert embed.fields[0].name == "Passage (A Title, paragraph 3)"
    assert "(https://example.com/story)" in (embed.fields[0].value or "")
    assert "— Some Speaker" in (embed.fields[-1].value or "")


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("", "The story does not say."),
        ("no passage matches", "The story does not say. no passage matches"),
        ("The story does not say: it is off topic.", "The story does not say: it is off topic."),
    ],
    ids=["no-reason", "bare-reason", "engine-reason"],
)
def test_not_in_story_says_so(reason: str, expected: str) -> None:
    """An unanswered question says the story does not say (once), with the closest passages."""
    answer = dataclasses.replace(_answer("Nothing here.", answered=False), reason=reason)
    embed = render.answer_embed(answer)
    assert embed.description == expected
    assert (embed.fields[0].name or "").startswith("Closest:")


def test_small_talk_gets_its_own_reply() -> None:
    """Small talk is answered with what the bot is for, not "The story does not say"."""
    answer = dataclasses.replace(
        _answer("Nothing here.", answered=False), reason=SMALL_TALK_REPLY, small_talk=True
    )
    assert render.answer_embed(answer).description == SMALL_TALK_REPLY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("@everyone look", "@\u200beveryone look", id="everyone"),
        pytest.param("@here", "@\u200bhere", id="here"),
        pytest.param("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_", id="markdown"),
        pytest.param("a\u2028# Big", "a\n\\# Big", id="unicode-line-separator-heading"),
        pytest.param("a\r-# small", "a\n\\-# small", id="carriage-return-subtext"),
        pytest.param("x\n1. item", "x\n1\\. item", id="numbered-list"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    """User text cannot format or mass-mention."""
    assert render.escape(text) == expected


def test_fit_drops_fields_to_6000() -> None:
    """An embed over 6,000 characters loses fields from the end until it fits."""
    embed = discord.Embed(title="t", description="d" * 4000)
    for i in range(30):
        embed.add_field(name=f"f{i}", value="v" * 1000)
    _within_limits(render.fit(embed))


def test_choices_are_capped_and_cut() -> None:
    """Autocomplete gets at most 25 choices, labels and values within 100 characters."""
    made = render.choices((f"{i} " + "x" * 300, "v" * 300) for i in range(40))
    assert len(made) == render.AUTOCOMPLETE_LIMIT
    assert all(len(c.name) <= 100 and len(c.value) <= 100 for c in made)
    assert made[0].name.startswith("0 ")


@pytest.mark.parametrize(
    ("speaker", "words", "expected"),
    [
        pytest.param(None, None, "Quotes", id="none"),
        pytest.param("Putin", None, "Quotes by Putin", id="speaker"),
        pytest.param("Putin", "deal", "Quotes by Putin about “deal”", id="both"),
    ],
)
def test_quotes_heading(speaker: str | None, words: str | None, expected: str) -> None:
    """The /quote heading names what was searched for."""
    assert render.quotes_heading(speaker, words) == expected


@pytest.mark.parametrize(
    ("forbidden", "expected"),
    [
        pytest.param(True, "I lack the permission to delete messages.", id="403"),
        pytest.param(False, "Discord error while trying to delete (500).", id="other"),
    ],
)
def test_discord_problem(forbidden: bool, expected: str) -> None:
    """A refused call names the missing permission; another failure its status."""
    assert render.discord_problem(
        "delete", 500, forbidden=forbidden, missing="delete messages"
    ) == (expected)


def test_help_and_rules_embeds() -> None:
    """/help lists the commands sorted, within limits; /rules says when there are none."""
    embed = render.help_embed([("story", "List"), ("ask", "x" * 2000), ("quote", "")])
    assert [f.name for f in embed.fields] == ["/ask", "/quote", "/story"]
    assert embed.fields[1].value == "-"
    _within_limits(embed)
    assert render.rules_embed([]).description == render.NO_RULES


def test_quote_block_keeps_every_line_inside_the_quote() -> None:
    """Whatever line breaks a message has, each line is quoted and starts inert."""
    block = render.quote_block("you moron\u2028# HUGE\u2029-# tiny\x851. list")
    assert all(line.startswith("> ") for line in block.split("\n"))
    for marker in ("> #", "> -#", "> 1."):
        assert marker not in block


def test_article_titles_and_speakers_are_escaped_in_embeds(tmp_path: Path) -> None:
    """A title or speaker with markdown shows as written in /passage and /quote replies."""
    (tmp_path / "a.md").write_text(
        '+++\ntitle = "Mayor **resigns** now"\n+++\nHeadline\n\n'
        "\u201cI am done,\u201d said Dan __Ross__.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    article = corpus.articles[0]
    assert render.passage_embed(article, 1).title == "Mayor \\*\\*resigns\\*\\* now, paragraph 1"
    quote = Quote(speaker="Dan __Ross__", text="I am done", article=article.slug, paragraph=1)
    field = render.quotes_embed([quote], corpus, heading="Quotes").fields[0]
    assert field.name is not None
    assert "\\*\\*resigns" in field.name
    assert "\\_\\_Ross" in field.name


@pytest.mark.parametrize(
    ("url", "target"),
    [
        (
            "https://en.wikipedia.org/wiki/Bridge_(Lisbon)",
            "https://en.wikipedia.org/wiki/Bridge_%28Lisbon%29",
        ),
        (
            "https://a.org/x)[Official](https://b.example",
            "https://a.org/x%29[Official]%28https://b.example",
        ),
        ("http://[2001:db8::1]/story", "http://[2001:db8::1]/story"),
    ],
)
def test_a_link_target_cannot_end_the_link(url: str, target: str) -> None:
    """Round brackets in an article's address are percent-encoded in its markdown link."""
    assert render.link_target(url) == target
    assert render.cite(Citation("a", "T", 1, url)) == f"[T, paragraph 1]({target})"


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        pytest.param("https://example.com/" + "x" * 480, True, id="512-kept"),
        pytest.param("https://example.com/?utm=" + "x" * 1100, False, id="1160-left-out"),
        pytest.param("https://example.com/" + "(x)" * 200, False, id="brackets-grow-past-512"),
        pytest.param("https://example.com/" + "x" * 6000, False, id="6000-left-out"),
    ],
)
def test_any_article_url_keeps_every_embed_within_limits(url: str, linked: bool) -> None:
    """Whatever the length of an article's address, answers, passages and /story fit Discord's
    limits; an address too long for a field is left out rather than cut."""
    citation = Citation("story", "A Title", 1, url)
    passage = Passage(citation, ("Word " * 300).strip() + ".", 1.0)
    answer = dataclasses.replace(
        _answer("Word."), citation=citation, passages=(passage,) * 5, quotes=()
    )
    embed = render.answer_embed(answer)
    _within_limits(embed)
    assert all(("](" in (f.value or "")) is linked for f in embed.fields)
    assert ("](" in render.cite(citation)) is linked
