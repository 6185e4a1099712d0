"""Answers, quotes, passages, reload reports and reader insights -> Discord messages and embeds.

The one owner of Discord's size limits: message content 2,000 characters; embed title 256,
description 4,096, field name 256, field value 1,024, footer 2,048, 25 fields and 6,000 characters
in total. Text is cut at a sentence boundary when one is close enough, else at a word. User and
corpus text is escaped for markdown; pings are prevented by :data:`NO_PINGS` on every send.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import discord
from discord import app_commands

from bot.core.answer import Answer, Citation
from bot.core.corpus import Article, Corpus
from bot.core.insights import InsightsReport, VoteOutcome
from bot.core.library import ReloadReport
from bot.core.moderation import Case, Verdict
from bot.core.quotes import Quote
from bot.core.text import newlines

log = logging.getLogger(__name__)

NOT_SAID = "The story does not say"

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
FIELD_COUNT_LIMIT = 25
EMBED_TOTAL_LIMIT = 6000
AUTOCOMPLETE_LIMIT = 25
#: The longest link target put in a field: half a field, leaving the other half for its text
#: (the corpus already refuses addresses over 512 characters).
LINK_LIMIT = FIELD_VALUE_LIMIT // 2
CHOICE_NAME_LIMIT = 100

NO_PINGS = discord.AllowedMentions.none()
ELLIPSIS = "…"
ANSWER_COLOUR = discord.Colour.blurple()
NOT_FOUND_COLOUR = discord.Colour.light_grey()
ERROR_COLOUR = discord.Colour.red()

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)")
_MASS_MENTION = re.compile(r"@(everyone|here)")


def cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters: whole if it fits, else cut at the last sentence end
    in the second half of the room (or the last word), with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit <= 2:
        return text[:limit]
    room = limit - 2  # leaves space for " …"
    head = text[: room + 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() <= room]
    if ends and ends[-1] >= room // 2:
        return head[: ends[-1]].rstrip() + " " + ELLIPSIS
    space = head.rfind(" ", 0, room + 1)
    stop = space if space >= room // 2 else room
    return head[:stop].rstrip() + ELLIPSIS


def escape(text: str) -> str:
    """User or corpus text made inert: line breaks made "\\n" (markdown escapes go by them),
    markdown escaped, a numbered list's "1." too, mass mentions broken with a zero-width space
    (allowed mentions already stop the ping; this also stops the highlight)."""
    escaped = discord.utils.escape_markdown(newlines(text))
    escaped = _LIST_NUMBER.sub(r"\1\\.", escaped)
    return _MASS_MENTION.sub("@\u200b\\1", escaped)


#: "1. " at a line's start, which Discord shows as a numbered list.
_LIST_NUMBER = re.compile(r"(?m)^(\s*\d+)\.(?=\s)")


def quote_line(quote: Quote) -> str:
    """One quote as ``“words” — Speaker``."""
    speaker = escape(quote.speaker) if quote.speaker else "unattributed"
    return f"“{escape(quote.text)}” — {speaker}"


def link_target(url: str) -> str:
    """``url`` as the target of a markdown link: its round brackets percent-encoded, so that one
    in the address ("Bridge_(Lisbon)") neither ends the link nor starts another (square ones,
    as in an IPv6 host, do neither there)."""
    return url.translate(_LINK_ESCAPES)


_LINK_ESCAPES = str.maketrans({"(": "%28", ")": "%29"})


def linkable(url: str | None) -> str | None:
    """``url`` as a link target (:func:`link_target`) when it is at most :data:`LINK_LIMIT`
    characters, else None: a longer address is left out, so no field can outgrow its limit."""
    if not url:
        return None
    target = link_target(url)
    return target if len(target) <= LINK_LIMIT else None


def cite(citation: Citation, *, link: bool = True) -> str:
    """``Title, paragraph N`` with a link when the article has a URL (one that fits)."""
    title = escape(citation.title)
    text = f"{title}, paragraph {citation.paragraph}"
    target = linkable(citation.url) if link else None
    return f"[{text}]({target})" if target else text


def _not_said(reason: str) -> str:
    """The reason a question went unanswered, opening with "The story does not say"."""
    if reason.startswith(NOT_SAID):
        return reason
    return f"{NOT_SAID}. {reason}".strip()


def answer_embed(answer: Answer) -> discord.Embed:
    """The reply to a question: the answering sentence, its passage and citation, related quotes;
    or "the story does not say" with the closest passages."""
    if answer.answered and answer.sentence is not None:
        embed = discord.Embed(
            title=cut(escape(answer.question), TITLE_LIMIT),
            description=cut(escape(answer.sentence), DESCRIPTION_LIMIT),
            colour=ANSWER_COLOUR,
        )
        if answer.passages:
            best = answer.passages[0]
            embed.add_field(
                name=cut(f"Passage ({cite(best.citation, link=False)})", FIELD_NAME_LIMIT),
                value=_field_with_link(escape(best.text), best.citation),
                inline=False,
            )
        elif answer.citation is not None:
            embed.add_field(name="Source", value=cut(cite(answer.citation), FIELD_VALUE_LIMIT))
    else:
        reason = answer.reason if answer.small_talk else _not_said(answer.reason)
        embed = discord.Embed(
            title=cut(escape(answer.question), TITLE_LIMIT),
            description=cut(escape(reason), DESCRIPTION_LIMIT),
            colour=NOT_FOUND_COLOUR,
        )
        for passage in answer.passages[:3]:
            embed.add_field(
                name=cut(f"Closest: {cite(passage.citation, link=False)}", FIELD_NAME_LIMIT),
                value=_field_with_link(escape(passage.text), passage.citation),
                inline=False,
            )
    if answer.quotes:
        lines = [quote_line(q) for q in answer.quotes[:5]]
        embed.add_field(name="Related quotes", value=_join_lines(lines), inline=False)
    return fit(embed)


def quotes_embed(quotes: Sequence[Quote], corpus: Corpus, *, heading: str) -> discord.Embed:
    """Quotes as one field each (speaker, citation), at most 25."""
    embed = discord.Embed(title=cut(escape(heading), TITLE_LIMIT), colour=ANSWER_COLOUR)
    if not quotes:
        embed.description = "No quotes found."
        return embed
    for quote in quotes[:FIELD_COUNT_LIMIT]:
        article = corpus.article(quote.article)
        title = escape(article.title if article else quote.article)
        speaker = escape(quote.speaker) if quote.speaker else "Unattributed"
        embed.add_field(
            name=cut(f"{speaker} ({title}, paragraph {quote.paragraph})", FIELD_NAME_LIMIT),
            value=cut(f"“{escape(quote.text)}”", FIELD_VALUE_LIMIT),
            inline=False,
        )
    return fit(embed)


def passage_embed(article: Article, number: int) -> discord.Embed:
    """One paragraph of an article, with its citation."""
    paragraph = article.paragraphs[number - 1]
    embed = discord.Embed(
        title=cut(f"{escape(article.title)}, paragraph {number}", TITLE_LIMIT),
        description=cut(escape(paragraph.text), DESCRIPTION_LIMIT),
        colour=ANSWER_COLOUR,
        url=article.url if linkable(article.url) else None,
    )
    footer = f"{paragraph.id} · {len(article.paragraphs)} paragraphs"
    embed.set_footer(text=cut(footer, FOOTER_LIMIT))
    return fit(embed)


def story_embed(corpus: Corpus, quote_counts: dict[str, int]) -> discord.Embed:
    """Every article with its metadata and counts."""
    paragraphs = sum(len(a.paragraphs) for a in corpus.articles)
    embed = discord.Embed(
        title="The story",
        description=f"{len(corpus.articles)} article(s), {paragraphs} paragraphs, "
        f"{sum(quote_counts.values())} quotes.",
        colour=ANSWER_COLOUR,
    )
    for article in corpus.articles[:FIELD_COUNT_LIMIT]:
        meta = [m for m in (article.publisher, article.author, article.date) if m]
        target = linkable(article.url)
        lines = [
            " · ".join(escape(m) for m in meta) if meta else "",
            f"{len(article.paragraphs)} paragraphs, {quote_counts.get(article.slug, 0)} quotes",
            f"`{article.slug}`" + (f" · [link]({target})" if target else ""),
        ]
        embed.add_field(
            name=cut(escape(article.title), FIELD_NAME_LIMIT),
            value=cut("\n".join(line for line in lines if line), FIELD_VALUE_LIMIT),
            inline=False,
        )
    if len(corpus.articles) > FIELD_COUNT_LIMIT:
        embed.set_footer(text=f"and {len(corpus.articles) - FIELD_COUNT_LIMIT} more")
    return fit(embed)


def reload_embed(report: ReloadReport, extra: Sequence[str] = ()) -> discord.Embed:
    """The admin's /reload reply: what changed."""
    lines = []
    for label, slugs in (
        ("Added", report.articles_added),
        ("Removed", report.articles_removed),
        ("Changed", report.articles_changed),
    ):
        if slugs:
            lines.append(f"{label}: " + ", ".join(f"`{s}`" for s in slugs))
    if not lines:
        lines.append("No article changed.")
    lines.append(f"Paragraphs: {report.paragraphs_before} → {report.paragraphs_after}")
    lines.append(f"Quotes: {report.quotes_before} → {report.quotes_after}")
    lines.extend(extra)
    lines.append(f"Built in {report.build_seconds:.2f} s.")
    embed = discord.Embed(
        title="Reloaded", description=cut("\n".join(lines), DESCRIPTION_LIMIT), colour=ANSWER_COLOUR
    )
    return fit(embed)


def reload_failed_embed(message: str) -> discord.Embed:
    """The admin's /reload reply when the new story was refused: why, and that the old stays."""
    return error_embed("Reload failed: the previous story stays live", message)


HOW_TO_ASK = (
    "Mention me with a question, reply to one of my answers to follow up, send me a DM, or ask "
    "in an ask channel. I answer from the story only and cite the paragraph I used."
)
NO_RULES = "This server has no comment rules configured."


def help_embed(commands: Iterable[tuple[str, str]]) -> discord.Embed:
    """The /help reply: how to ask, then one field per ``(command name, description)``."""
    embed = discord.Embed(title="storybot", description=HOW_TO_ASK, colour=ANSWER_COLOUR)
    for name, description in sorted(commands):
        embed.add_field(
            name=f"/{name}", value=cut(description or "-", FIELD_VALUE_LIMIT), inline=False
        )
    return fit(embed)


def rules_embed(lines: Sequence[str]) -> discord.Embed:
    """The /rules reply: one line per rule and the strike policy (or that there are none)."""
    return discord.Embed(
        title="Comment rules",
        description=cut("\n".join(lines) or NO_RULES, DESCRIPTION_LIMIT),
        colour=ANSWER_COLOUR,
    )


def cooldown_text(wait_seconds: float) -> str:
    """The one polite reply to an asker still in their cooldown."""
    return f"I'm still catching my breath: ask again in {wait_seconds:.0f} s, please."


def error_embed(title: str, message: str) -> discord.Embed:
    """A short error message."""
    return discord.Embed(
        title=cut(title, TITLE_LIMIT),
        description=cut(escape(message), DESCRIPTION_LIMIT),
        colour=ERROR_COLOUR,
    )


def content(text: str) -> str:
    """Plain message content within 2,000 characters."""
    return cut(text, CONTENT_LIMIT)


def choices(items: Iterable[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices from ``(label, value)`` pairs: the first 25, each cut to fit."""
    return [
        app_commands.Choice(name=choice_name(label), value=value[:CHOICE_NAME_LIMIT])
        for label, value in itertools.islice(items, AUTOCOMPLETE_LIMIT)
    ]


def quotes_heading(speaker: str | None, words: str | None) -> str:
    """The /quote reply's heading, naming the speaker and words searched for."""
    return "Quotes" + (f" by {speaker}" if speaker else "") + (f" about “{words}”" if words else "")


def choice_name(text: str) -> str:
    """An autocomplete choice label within 100 characters."""
    return cut(text, CHOICE_NAME_LIMIT) or "?"


def fit(embed: discord.Embed) -> discord.Embed:
    """Enforce the per-embed limits: at most 25 fields and 6,000 characters in total, dropping
    fields from the end (then shortening the description) until it fits."""
    while len(embed.fields) > FIELD_COUNT_LIMIT:
        embed.remove_field(-1)
    while len(embed) > EMBED_TOTAL_LIMIT and embed.fields:
        embed.remove_field(-1)
    if len(embed) > EMBED_TOTAL_LIMIT and embed.description:
        over = len(embed) - EMBED_TOTAL_LIMIT
        embed.description = cut(embed.description, max(len(embed.description) - over, 1))
    return embed


def _field_with_link(text: str, citation: Citation) -> str:
    target = linkable(citation.url)
    suffix = f"\n[Read the article]({target})" if target else ""
    return cut(text, FIELD_VALUE_LIMIT - len(suffix)) + suffix


def _join_lines(lines: Sequence[str]) -> str:
    kept: list[str] = []
    total = 0
    for line in lines:
        line = cut(line, FIELD_VALUE_LIMIT)
        if total + len(line) + 1 > FIELD_VALUE_LIMIT:
            break
        kept.append(line)
        total += len(line) + 1
    return "\n".join(kept)


# ---------------------------------------------------------------------- moderation

NOTICE_SECONDS = 30.0  # the channel notice of a removal deletes itself after this many seconds
MODLOG_COLOUR = discord.Colour.orange()
WATCH_COLOUR = discord.Colour.gold()


def reasons(verdict: Verdict) -> str:
    """The distinct reasons of a verdict's enforced matches, joined (or its watched ones)."""
    matches = verdict.enforced or verdict.matches
    return "; ".join(dict.fromkeys(m.reason for m in matches)) or "it breaks the rules"


def removal_notice(author_name: str, verdict: Verdict) -> str:
    """The short channel notice (no ping: the name is plain, escaped text)."""
    return cut(
        f"A message from {escape(author_name)} was removed: {escape(reasons(verdict))}. "
        "The author has been told why.",
        CONTENT_LIMIT,
    )


#: In place of a slash command's reply when its own text could not be checked in time.
MODERATION_BUSY = (
    "I couldn't check that against this channel's rules in time, so nothing was posted; "
    "please ask again in a moment."
)


def withheld_text(verdict: Verdict) -> str:
    """The notice in place of a slash command's reply whose own text would be removed in this
    channel (it names the rule, never the text)."""
    return cut(
        f"I can't post that here: this channel's rules would remove it "
        f"({escape(reasons(verdict))}). Ask again without it, or ask me in a DM.",
        CONTENT_LIMIT,
    )


def removal_dm(channel_name: str, verdict: Verdict) -> str:
    """The DM to the author: why, and the redacted copy they can repost."""
    head = (
        f"Your message in #{escape(channel_name)} was removed: {escape(reasons(verdict))}.\n"
        "Here is a copy with the problem parts masked, if you want to post it again:\n"
    )
    copy = cut(verdict.redacted or "", CONTENT_LIMIT - len(head) - 10)
    return cut(head + quote_block(copy), CONTENT_LIMIT)


def quote_block(text: str) -> str:
    """``text`` as a markdown block quote (escaped, so it renders as typed)."""
    return "\n".join("> " + line for line in escape(text).splitlines() or [""])


def case_embed(
    case: Case,
    verdict: Verdict,
    *,
    user_id: int,
    user_name: str,
    channel_id: int,
    strikes: int,
    timeout_seconds: float | None,
    problems: Sequence[str] = (),
    edited: bool = False,
) -> discord.Embed:
    """The mod-log entry for a removal: case id, user, rule, redacted excerpt, strikes."""
    embed = discord.Embed(
        title=cut(
            f"Case {case.id}: {case.action}" + (" (edited message)" if edited else ""), TITLE_LIMIT
        ),
        description=cut(quote_block(case.excerpt), DESCRIPTION_LIMIT),
        colour=MODLOG_COLOUR,
    )
    embed.add_field(name="User", value=f"<@{user_id}> {escape(user_name)} (`{user_id}`)")
    embed.add_field(name="Channel", value=f"<#{channel_id}>")
    embed.add_field(name="Rule", value=cut(escape(case.rule), FIELD_VALUE_LIMIT))
    embed.add_field(
        name="Reason", value=cut(escape(reasons(verdict)), FIELD_VALUE_LIMIT), inline=False
    )
    strike_text = f"{strikes} active"
    if timeout_seconds:
        strike_text += f"; timed out for {_duration(timeout_seconds)}"
    embed.add_field(name="Strikes", value=strike_text)
    if problems:
        embed.add_field(name="Problems", value=_join_lines(list(problems)), inline=False)
    return fit(embed)


def watch_embed(
    verdict: Verdict, *, user_id: int, user_name: str, channel_id: int
) -> discord.Embed:
    """The mod-log entry for a message that only matched rules in watch mode (no action)."""
    embed = discord.Embed(
        title="Watch (no action taken)",
        description=cut(quote_block(verdict.redacted or verdict.text), DESCRIPTION_LIMIT),
        colour=WATCH_COLOUR,
    )
    embed.add_field(name="User", value=f"<@{user_id}> {escape(user_name)} (`{user_id}`)")
    embed.add_field(name="Channel", value=f"<#{channel_id}>")
    embed.add_field(
        name="Rules",
        value=cut(
            escape(", ".join(dict.fromkeys(m.rule for m in verdict.matches))), FIELD_VALUE_LIMIT
        ),
    )
    return fit(embed)


def cases_embed(user_name: str, cases: Sequence[Case], strikes: int) -> discord.Embed:
    """A user's cases for /cases, newest first, one field each (at most 25)."""
    embed = discord.Embed(
        title=cut(f"Cases of {escape(user_name)}", TITLE_LIMIT),
        description=f"{len(cases)} case(s), {strikes} active strike(s).",
        colour=MODLOG_COLOUR,
    )
    for case in cases[:FIELD_COUNT_LIMIT]:
        when = discord.utils.format_dt(datetime.fromtimestamp(case.time, UTC), "R")
        state = " (cleared)" if case.cleared else ""
        embed.add_field(
            name=cut(f"#{case.id} {case.action} · {case.rule}{state}", FIELD_NAME_LIMIT),
            value=cut(f"{when}\n{quote_block(case.excerpt)}", FIELD_VALUE_LIMIT),
            inline=False,
        )
    return fit(embed)


def strikes_cleared(user_name: str, cleared: int) -> str:
    """The moderator's /strikes clear reply."""
    return content(f"Cleared {cleared} strike(s) of {escape(user_name)}.")


def discord_problem(kind: str, status: int, *, forbidden: bool, missing: str) -> str:
    """A mod-log line about a failed Discord call: the permission to ``missing`` when Discord
    refused (403), else the HTTP status of trying to ``kind``."""
    if forbidden:
        return f"I lack the permission to {missing}."
    return f"Discord error while trying to {kind} ({status})."


def modlog_lost(count: int) -> str:
    """A mod-log line saying that ``count`` earlier entries could not be posted."""
    return problem_text(
        f"{count} earlier mod-log entr{'y' if count == 1 else 'ies'} could not be posted "
        "(Discord server errors); the cases of removals are on record: see /cases."
    )


def problem_text(problem: str) -> str:
    """A one-line mod-log message about something the bot could not do."""
    return content(f"⚠️ {problem}")


def _duration(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


# ---------------------------------------------------------------------- reader insights

INSIGHTS_COLOUR = discord.Colour.teal()
CHART_FILENAME = "questions-per-day.png"
HELPFUL_LABEL = "Helpful"
NOT_HELPFUL_LABEL = "Not helpful"
UNKNOWN_ANSWER_TEXT = (
    "Sorry, I no longer have a record of that answer (answers are kept for a limited time), so "
    "this vote was not counted. Ask again if you like!"
)
VOTE_FAILED_TEXT = "Sorry, I could not record your vote just now. Please try again later."
INSIGHTS_OFF_TEXT = "Reader insights are not enabled on this bot."
_PER_DAY_LINES = 14
_LIST_LINES = 10


def vote_reply(outcome: VoteOutcome, helpful: bool) -> str:
    """The private reply to a helpful / not-helpful click."""
    label = "helpful" if helpful else "not helpful"
    if outcome is VoteOutcome.RECORDED:
        return f"Thanks, recorded as {label}."
    if outcome is VoteOutcome.CHANGED:
        return f"Thanks, your vote was changed to {label}."
    if outcome is VoteOutcome.UNCHANGED:
        return f"You already voted {label}; click the other button to change your vote."
    return UNKNOWN_ANSWER_TEXT


def insights_embed(report: InsightsReport, *, chart: bool = True) -> discord.Embed:
    """The admin's /insights reply: totals, busiest recent days, the most-asked unanswered
    questions, the passages cited most and the answers voted not helpful (with ``chart``, the
    attached questions-per-day PNG as the embed image)."""
    embed = discord.Embed(
        title=cut(f"Reader insights: last {report.days} day(s)", TITLE_LIMIT),
        description=(
            f"Since {report.since:%Y-%m-%d} UTC. **{report.asked}** question(s), "
            f"**{report.answered}** answered ({report.share_answered:.0%}). "
            f"Votes: {report.helpful_votes} helpful, {report.not_helpful_votes} not helpful."
        ),
        colour=INSIGHTS_COLOUR,
        timestamp=report.generated_at,
    )
    busy = [d for d in reversed(report.per_day) if d.asked][:_PER_DAY_LINES]
    _add_list_field(
        embed,
        "Questions per day (newest first)",
        [f"`{d.day:%Y-%m-%d}` {d.asked} asked, {d.answered} answered" for d in busy],
        empty="No questions.",
    )
    _add_list_field(
        embed,
        "Most-asked unanswered",
        [
            f"{rank}. ×{g.count} {escape(_one_line(g.representative))}"
            for rank, g in enumerate(report.unanswered_groups[:_LIST_LINES], 1)
        ],
    )
    _add_list_field(
        embed,
        "Passages cited most",
        [
            f"{rank}. ×{p.count} `{escape(p.article)}` paragraph {p.paragraph}"
            for rank, p in enumerate(report.top_passages[:_LIST_LINES], 1)
        ],
    )
    _add_list_field(
        embed,
        "Voted not helpful",
        [
            f"#{a.answer_id} 👎{a.not_helpful_votes} 👍{a.helpful_votes}: "
            f"{escape(_one_line(a.question))}"
            + (f" (`{escape(a.article)}` ¶{a.paragraph})" if a.article else " (not answered)")
            for a in report.not_helpful[:_LIST_LINES]
        ],
    )
    if chart:
        embed.set_image(url=f"attachment://{CHART_FILENAME}")
    return fit(embed)


def _add_list_field(
    embed: discord.Embed, name: str, lines: list[str], *, empty: str = "None."
) -> None:
    """A full-width field listing ``lines`` (as many as fit), or ``empty`` when there are none."""
    embed.add_field(name=name, value=_join_lines(lines) or empty, inline=False)


def _one_line(text: str, limit: int = 150) -> str:
    """``text`` on one line (newlines and runs of spaces collapsed), cut to ``limit``."""
    return cut(" ".join(text.split()), limit)
