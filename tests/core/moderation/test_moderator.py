"""The moderator: rate rules, exemptions, channels, watch mode, and robustness."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.moderation import Author, Moderator, RuleSet, parse_rules

TEXT = "I think the concession is the real story here"


def test_same_message_repeated_is_removed_the_third_time(moderator: Moderator) -> None:
    """Posting the same text a third time within the window is spam."""
    actions = [moderator.check(TEXT, Author(7), 1, 100.0 + i).action for i in range(3)]
    assert actions == ["allow", "allow", "remove"]
    assert moderator.check(TEXT, Author(8), 1, 103.0).action == "allow"  # other users unaffected


def test_repeat_window_expires(moderator: Moderator) -> None:
    """Repeats far apart in time are not spam."""
    for minute in range(4):
        assert moderator.check(TEXT, Author(7), 1, 600.0 * minute).action == "allow"


def test_flood_is_removed(moderator: Moderator) -> None:
    """More than 8 messages within 10 s is a flood."""
    actions = [
        moderator.check(f"message number {i}", Author(9), 1, 50.0 + i).action for i in range(9)
    ]
    assert actions[:8] == ["allow"] * 8
    assert actions[8] == "remove"
    (match,) = moderator.check("one more", Author(9), 1, 58.5).matches
    assert match.rule == "flood"
    assert match.span is None


def test_an_edit_replaces_its_own_entry_for_the_rate_rules(moderator: Moderator) -> None:
    """An edit replaces the message's own entry: editing one message again and again is no
    repost and no flood, while editing other messages into copies of one text is a duplicate;
    ``content_only`` text (a slash command) counts for nothing."""
    for n in range(12):  # nine-plus edits of message 1, the last ones all the same text
        text = TEXT if n > 5 else f"{TEXT} (edit {n})"
        verdict = moderator.check(text, Author(7), 1, 100.0 + n, message_id=1, edited=n > 0)
        assert verdict.action == "allow"
    for _ in range(3):
        assert moderator.check(TEXT, Author(7), 1, 120.0, content_only=True).action == "allow"
    for message_id in (2, 3):
        moderator.check(f"other text {message_id}", Author(7), 1, 130.0, message_id=message_id)
    first = moderator.check(TEXT, Author(7), 1, 131.0, message_id=2, edited=True)
    second = moderator.check(TEXT, Author(7), 1, 132.0, message_id=3, edited=True)
    assert (first.action, second.action) == ("allow", "remove")  # message 1, 2 and 3 are copies
    assert [m.rule for m in second.matches] == ["duplicates"]


def test_rate_state_is_bounded(default_rules: RuleSet) -> None:
    """Per-user memory never holds more than max_tracked_users users."""
    moderator = Moderator(dataclasses.replace(default_rules, max_tracked_users=100))
    for user in range(1000):
        moderator.check(TEXT, Author(user + 1), 1, 10.0)
    assert moderator.tracked_users == 100


def test_exempt_roles_users_and_bots_are_not_moderated() -> None:
    """Global and per-rule exemptions, and bots, skip the rules."""
    rules = parse_rules(
        "[moderation]\nexempt_roles = [5]\n"
        '[rules.profanity]\nkind = "words"\nwords = ["darn"]\nexempt_users = [42]\n'
    )
    moderator = Moderator(rules)
    assert moderator.check("darn", Author(1)).action == "remove"
    assert moderator.check("darn", Author(42)).action == "allow"
    assert moderator.check("darn", Author(1, frozenset({5}))).action == "allow"
    assert moderator.check("darn", Author(1, is_bot=True)).action == "allow"


def test_rule_limited_to_channels_applies_only_there() -> None:
    """A rule with channels only fires in those channels."""
    rules = parse_rules('[rules.profanity]\nkind = "words"\nwords = ["darn"]\nchannels = [10]\n')
    moderator = Moderator(rules)
    assert moderator.check("darn", Author(1), 10).action == "remove"
    assert moderator.check("darn", Author(1), 11).action == "allow"


def test_watch_mode_logs_only_and_warn_outranks_remove() -> None:
    """Watch-only matches give "watch"; a warn rule makes the verdict "warn"."""
    rules = parse_rules(
        '[rules.soft]\nkind = "words"\naction = "watch"\nwords = ["darn"]\n'
        '[rules.hard]\nkind = "words"\naction = "warn"\nwords = ["heck"]\n'
        '[rules.mid]\nkind = "words"\nwords = ["gosh"]\n'
    )
    moderator = Moderator(rules)
    assert moderator.check("darn", Author(1)).action == "watch"
    assert not moderator.check("darn", Author(1)).removes
    assert moderator.check("gosh darn", Author(2)).action == "remove"
    assert moderator.check("gosh heck", Author(3)).action == "warn"


def test_admin_regex_runs_on_folded_text() -> None:
    """Admin patterns see the lower-cased, undisguised text."""
    rules = parse_rules(
        '[rules.custom]\nkind = "regex"\nreason = "spam"\npatterns = [\'buy\\s+followers\']\n'
    )
    verdict = Moderator(rules).check("BUY ｆｏｌｌｏｗｅｒｓ today", Author(1))
    assert verdict.action == "remove"
    assert verdict.matches[0].reason == "spam"


def test_replace_rules_puts_new_rules_in_force(moderator: Moderator) -> None:
    """After a reload the new rules decide."""
    assert moderator.check("darn", Author(1)).action == "allow"
    moderator.replace_rules(parse_rules('[rules.p]\nkind = "words"\nwords = ["darn"]\n'))
    assert moderator.check("darn", Author(1)).action == "remove"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=4000))
def test_check_never_crashes_on_arbitrary_unicode(text: str) -> None:
    """Any text up to Discord's 4,000 characters gets a verdict with spans inside it."""
    verdict = _SHARED.check(text, Author(1))
    assert verdict.action in ("allow", "remove", "warn", "watch")
    for match in verdict.matches:
        if match.span is not None:
            assert 0 <= match.span[0] < match.span[1] <= len(text)


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="fuck*$@1!|. -_ksyou\u200b\u0301ｆ", max_size=4000))
def test_check_completes_on_adversarial_disguise_characters(text: str) -> None:
    """Long runs of disguise characters (the regex worst case) still finish."""
    assert _SHARED.check(text, Author(2)).action in ("allow", "remove", "warn", "watch")


def _shared() -> Moderator:
    from bot.core.moderation import load_rules

    return Moderator(load_rules())


_SHARED = _shared()
