"""The blind10 mechanisms as plain logic: other scripts' digits, the repeats rule and its
settings, link-shortener and phishing-path settings, and the names trusted sites go by.

The comments each mechanism catches and leaves are in `mechanism_cases.py`.
"""

from __future__ import annotations

import pytest

from bot.core.errors import RulesError
from bot.core.moderation import Author, Moderator, parse_rules
from bot.core.moderation.detectors import _site_name
from bot.core.moderation.normalize import fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("\u0660\u0667\u0667", "077"),  # Arabic-Indic
        ("\u06f0\u06f9\u06f1", "091"),  # Extended Arabic-Indic (Persian, Urdu)
        ("\u0966\u096f", "09"),  # Devanagari
        ("tel \u0669\u0660\u0660", "tel 900"),
    ],
    ids=["arabic-indic", "persian", "devanagari", "mixed-with-latin"],
)
def test_digits_of_every_script_fold_to_ascii(text: str, folded: str) -> None:
    """A digit of any script folds to its ASCII digit, one for one (spans stay put)."""
    result = fold(text)
    assert result.folded == folded
    assert result.span(0, len(result.folded)) == (0, len(text))


REPEATS = '[rules.r]\nkind = "repeats"\nmin_repeats = {phrase}\nmin_word_repeats = {word}\n'


@pytest.mark.parametrize(
    ("phrase", "word", "text", "action"),
    [
        (3, 10, "stop it now stop it now stop it now", "remove"),
        (4, 10, "stop it now stop it now stop it now", "allow"),
        (4, 10, "ha ha ha ha ha ha ha ha ha", "allow"),  # "ha ha" is "ha" twice, not a phrase
        (4, 8, "ha ha ha ha ha ha ha ha ha ha ha ha ha", "remove"),
        (
            3,
            10,
            "we said stop it now stop it now stop it now, and the long talks went on all night",
            "allow",
        ),
    ],
    ids=[
        "enough-repeats",
        "too-few-repeats",
        "no-phrase-of-one-word",
        "word-repeats",
        "under-half",
    ],
)
def test_repeats_rule_settings(phrase: int, word: int, text: str, action: str) -> None:
    """min_repeats counts a phrase, min_word_repeats a word; the repeats must cover half."""
    rules = parse_rules(REPEATS.format(phrase=phrase, word=word) + "min_length = 20\n")
    assert Moderator(rules).check(text, Author(1)).action == action


def test_repeats_hit_spans_the_repeated_part() -> None:
    """The hit covers the repeats only, so the redacted copy keeps the rest."""
    rules = parse_rules(REPEATS.format(phrase=4, word=10))
    text = "read this: " + "no more war " * 8
    verdict = Moderator(rules).check(text, Author(1))
    assert verdict.redacted == "read this: [repeated text] "
    assert verdict.matches[0].reason == "the same 3-word phrase repeated 8 times"


def test_repeats_rule_rejects_a_single_repeat() -> None:
    """min_repeats of 1 would flag every message: the rules file is refused."""
    with pytest.raises(RulesError, match="min_repeats"):
        parse_rules(REPEATS.format(phrase=1, word=10))


LINKS = '[rules.l]\nkind = "links"\ntlds = ["com", "ly"]\n'


@pytest.mark.parametrize(
    ("settings", "text", "action"),
    [
        ('shorteners = ["bit.ly"]\nshortener_links = 2\n', "bit.ly/a and bit.ly/b", "remove"),
        ('shorteners = ["bit.ly"]\nshortener_links = 3\n', "bit.ly/a and bit.ly/b", "allow"),
        ('shorteners = ["bit.ly"]\nshortener_links = 0\n', "bit.ly/a bit.ly/b bit.ly/c", "allow"),
        (
            'allow_domains = ["reuters.com"]\nphishing_paths = ["login"]\n',
            "https://reuters-desk.com/login",
            "remove",
        ),
        ('allow_domains = ["reuters.com"]\n', "https://reuters-desk.com/login", "allow"),
    ],
    ids=["two-shorteners", "below-limit", "off", "phishing-path", "no-phishing-paths"],
)
def test_links_rule_settings(settings: str, text: str, action: str) -> None:
    """shortener_links and phishing_paths are read from the rules file (0 / empty: off)."""
    rules = parse_rules(LINKS + settings)
    assert Moderator(rules).check(text, Author(1)).action == action


@pytest.mark.parametrize(
    ("domain", "name"),
    [
        ("reuters.com", "reuters"),
        ("bbc.co.uk", "bbc"),
        ("news.sky.com", "sky"),
        ("abcnews.go.com", "abcnews"),
        ("store.steampowered.com", "steampowered"),
    ],
    ids=["plain", "second-level", "subdomain", "go-com", "store"],
)
def test_site_name_is_the_registered_name(domain: str, name: str) -> None:
    """A trusted site goes by the label before its public ending, not a subdomain."""
    assert _site_name(domain) == name
