"""The rules file: defaults load, bad files name the line and the problem, diffs and summaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.errors import RulesError
from bot.core.moderation import RuleSet, diff_rules, load_rules, parse_rules
from bot.core.moderation.rules import default_rules_text

GOOD = """\
version = 1

[rules.profanity]
kind = "words"
words = ["darn+"]

[rules.links]
kind = "links"
other_links = "remove"
allow_domains = ["apnews.com"]
"""


def test_defaults_load_with_every_kind(default_rules: RuleSet) -> None:
    """The shipped file loads and covers privacy, civility and spam."""
    names = {rule.name for rule in default_rules.rules}
    assert {"email", "phone", "profanity", "abuse", "threats", "invites", "links"} <= names
    assert {"mentions", "duplicates", "flood", "spam"} <= names


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("version = 1\n[rules.x]\nkind = \n", 3, "not valid TOML"),
        ('version = 1\n\n[rules.email]\naction = "delete"\n', 4, "action must be one of"),
        ('[rules.profanity]\nkind = "words"\n\nwords = ["f@@k!"]\n', 4, "word list entry"),
        ('[rules.p]\nkind = "words"\nphrases = ["kill y@u"]\nwords = ["ok"]\n', 3, "phrase"),
        ('[rules.r]\nkind = "regex"\npatterns = ["(unclosed"]\n', 3, "bad regular expression"),
        ('[rules.r]\nkind = "regex"\npatterns = ["' + "a" * 600 + '"]\n', 3, "longer than"),
        ('[rules.email]\nenabled = "yes"\n', 2, "enabled must be true or false"),
        ('[rules.email]\nchannels = ["general"]\n', 2, "Discord ids"),
        ("[rules.mystery]\nenabled = true\n", 1, "needs kind"),
        ('[rules.email]\nkind = "email"\ncolour = 3\n', 3, "unknown key 'colour'"),
        ("version = 1\n[strikes]\nthreshold = -1\n", 3, "at least 0"),
        ("version = 2\n", 1, "version must be 1"),
        ("[moderation]\nignore_bots = 1\n", 2, "true or false"),
        ("[rules.flood]\nmax_messages = true\n", 2, "not true/false"),
        ('[rules.p]\nkind = "words"\nsplit_words = "yes"\n', 3, "split_words must be true"),
        ('[rules.p]\nkind = "words"\n\ncommon_words = ["wh@t"]\n', 4, "common_words entry"),
        ('[rules.phone]\nnot_before = "euros"\n', 2, "not_before"),
        ('[rules.p]\nkind = "words"\nallow_phrases = ["pussy r!ot"]\n', 3, "phrase"),
        ('[rules.p]\nkind = "words"\nreal_word_zipf = -1\n', 3, "at least 0"),
        ('[rules.p]\nkind = "words"\n\ntargets_after = ["you @re"]\n', 4, "targets_after"),
        ('[rules.p]\nkind = "words"\nreporting_words = "said"\n', 3, "reporting_words"),
        ('[rules.email]\nno_tld_domains = "gmail"\n', 2, "no_tld_domains"),
        ('[rules.r]\nkind = "regex"\nrequires_words = "dm"\n', 3, "requires_words"),
        ('[rules.p]\nkind = "words"\nself_words = "i"\n', 3, "self_words"),
        ('[rules.p]\nkind = "words"\n\nothers_words = ["y@u"]\n', 4, "others_words"),
        ("[strikes]\nmultiplier = nan\n", 2, "multiplier must be a finite number"),
        ("[strikes]\ntimeout_minutes = inf\n", 2, "timeout_minutes must be a finite number"),
        ('[rules.r]\nkind = "regex"\npatterns = ["spam|"]\n', 3, "matches empty text"),
    ],
    ids=[
        "toml-syntax",
        "action",
        "word-entry",
        "phrase",
        "regex-syntax",
        "regex-length",
        "enabled-type",
        "channel-ids",
        "missing-kind",
        "unknown-key",
        "strikes-range",
        "version",
        "moderation-bool",
        "bool-as-number",
        "split-words-type",
        "common-words-entry",
        "not-before-type",
        "allow-phrase",
        "zipf-range",
        "targets-after",
        "reporting-type",
        "no-tld-type",
        "requires-words",
        "self-words-type",
        "others-words-letters",
        "strikes-multiplier-nan",
        "strikes-timeout-infinite",
        "regex-matching-everything",
    ],
)
def test_bad_file_error_names_line_and_problem(text: str, line: int, fragment: str) -> None:
    """Each kind of mistake raises RulesError with the file, the line and what is wrong."""
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "rules.toml")
    assert caught.value.line == line
    assert fragment in caught.value.problem
    assert str(caught.value).startswith(f"rules.toml:{line}: ")


def test_missing_file_is_a_rules_error(tmp_path: Path) -> None:
    """A rules file that does not exist is reported, not a crash."""
    with pytest.raises(RulesError, match="no such file"):
        load_rules(tmp_path / "nope.toml")


def test_custom_file_replaces_the_defaults(tmp_path: Path) -> None:
    """A rules file from the settings is used instead of the shipped one."""
    path = tmp_path / "rules.toml"
    path.write_text(GOOD, encoding="utf-8")
    rules = load_rules(path)
    assert [r.name for r in rules.rules] == ["profanity", "links"]
    assert rules.source == str(path)


def test_diff_lists_changes_for_the_reload_reply(default_rules: RuleSet) -> None:
    """diff_rules names added/removed rules and changed actions and switches."""
    edited = default_rules_text().replace(
        'action = "warn"\ndescription = "No threats', 'action = "watch"\ndescription = "No threats'
    )
    edited = edited.replace(
        '[rules.custom]\nkind = "regex"\nenabled = false',
        '[rules.custom]\nkind = "regex"\nenabled = true',
    )
    new = parse_rules(edited, "edited.toml")
    changes = diff_rules(default_rules, new)
    assert "threats: warn -> watch" in changes
    assert "custom: on" in changes
    assert diff_rules(default_rules, default_rules) == []
    removed = diff_rules(default_rules, parse_rules(GOOD, "small.toml"))
    assert "removed email" in removed


def test_describe_has_a_line_per_rule_and_the_strike_policy(default_rules: RuleSet) -> None:
    """describe() gives /rules one readable line per rule plus the strike policy."""
    lines = default_rules.describe()
    assert len(lines) == len(default_rules.rules) + 1
    assert lines[0].startswith("email [remove]: ")
    assert "3 strikes within 24 h" in lines[-1]
    assert "13 rules" in default_rules.summary()


def test_the_same_rules_text_is_built_once_and_named_each_time() -> None:
    """Parsing the same text again shares the built rules (compiling the word lists is slow)
    but names its own source; a bad text raises each time with the name it was given."""
    first = parse_rules(GOOD, "first.toml")
    second = parse_rules(GOOD, "second.toml")
    assert first.rules is second.rules
    assert (first.source, second.source) == ("first.toml", "second.toml")
    for name in ("bad.toml", "worse.toml"):
        with pytest.raises(RulesError) as raised:
            parse_rules("[rules.x\n", name)
        assert name in str(raised.value)
