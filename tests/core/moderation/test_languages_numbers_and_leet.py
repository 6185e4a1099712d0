"""The blind11 mechanisms as plain logic: capital I for l, leetspeak read inside words, digit
words of several languages, and the rules-file keys that switch each mechanism.

The comments each mechanism catches and leaves are in `mechanism_cases.py`.
"""

from __future__ import annotations

import pytest

from bot.core.errors import RulesError
from bot.core.moderation import Author, Moderator, parse_rules
from bot.core.moderation.detectors import ENGLISH_DIGIT_WORDS, SpokenDigits
from bot.core.moderation.normalize import fold, read_leet


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("kiII", "kill"),
        ("buIIshit", "bullshit"),
        ("I think It is", "i think it is"),
        ("McIlroy", "mcllroy"),
        ("OpenAI and AIs", "openai and ais"),
        ("4I2 555", "4i2 555"),
    ],
    ids=["after-small", "run", "pronoun", "name", "after-capital", "after-digit"],
)
def test_capital_i_after_a_small_letter_reads_as_l(text: str, folded: str) -> None:
    """A capital I right after a small letter is an "l"; other capitals stay "i"."""
    result = fold(text)
    assert result.folded == folded
    assert len(result.folded) == len(text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("e@rn m0ney f@st", "earn money fast"),
        ("i earn 2oo$ daily", "i earn 200$ daily"),
        ("d.m me", "dm  me"),
        ("earn $5k a week, $5,000", "earn $5k a week, $5,000"),
        ("@crypto_k1ng on telegram", "@crypto_k1ng on telegram"),
        ("the g7 met on the 2nd at 10am", "the g7 met on the 2nd at 10am"),
    ],
    ids=["letters", "number-with-o", "dotted-dm", "amounts", "handle", "no-leet-between-letters"],
)
def test_read_leet_reads_words_and_numbers_in_place(text: str, read: str) -> None:
    """Leetspeak between letters reads as letters, O in a number as 0; amounts, handles and
    ordinary tokens stay; the length never changes."""
    assert read_leet(text) == read
    assert len(read_leet(text)) == len(text)


@pytest.mark.parametrize(
    ("number", "digits", "words"),
    [
        ("oh seven seven double oh", "07700", 4),
        ("07seven00 nine00 222", "07700900222", 2),
        ("seis uno dos", "612", 3),
        ("null eins fünf", "015", 3),
    ],
    ids=["english", "glued", "spanish", "german"],
)
def test_spoken_digits_read_words_and_figures(number: str, digits: str, words: int) -> None:
    """Digit words of the listed languages and groups of figures read as the digits."""
    spoken = SpokenDigits(
        [
            "zero oh null",
            "one uno eins",
            "two dos",
            *ENGLISH_DIGIT_WORDS[3:5],
            "five fünf",
            "six seis",
            *ENGLISH_DIGIT_WORDS[7:],
        ]
    )
    folded = fold(number).folded
    assert spoken.read(folded)[:2] == (digits, words)


PHONE = '[rules.p]\nkind = "phone"\n'


@pytest.mark.parametrize(
    ("settings", "text", "action"),
    [
        ('contact_words = ["call"]\n', "call 415 five five five 2671", "remove"),
        ("", "call 415 five five five 2671", "allow"),
        ('contact_words = ["call"]\n', "call 1-800-FLOWERS", "remove"),
        ('contact_phrases = ["my number"]\n', "my number: first 0161 49, then 60 732", "remove"),
        ("", "my number: first 0161 49, then 60 732", "allow"),
        (
            'digit_words = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", '
            '"ocho", "nueve"]\n',
            "seis cero cero uno dos tres cuatro",
            "remove",
        ),
        ("", "seis cero cero uno dos tres cuatro", "allow"),
    ],
    ids=[
        "mixed-with-contact",
        "mixed-without",
        "vanity",
        "pieces-with-phrase",
        "pieces-without",
        "spanish-digits",
        "english-only",
    ],
)
def test_phone_rule_settings(settings: str, text: str, action: str) -> None:
    """contact_words, contact_phrases and digit_words are read from the rules file."""
    assert Moderator(parse_rules(PHONE + settings)).check(text, Author(1)).action == action


def test_digit_words_need_ten_entries() -> None:
    """A digit_words list that is not one entry per digit is refused, naming the key."""
    with pytest.raises(RulesError, match="digit_words"):
        parse_rules(PHONE + 'digit_words = ["zero", "one"]\n')


WORDS = '[rules.w]\nkind = "words"\nwords = ["slut+"]\n'


@pytest.mark.parametrize(
    ("settings", "text", "action"),
    [
        ('foreign_words = { sv = ["slut"] }\n', "striden är slut nu", "allow"),
        ("", "striden är slut nu", "remove"),
        ('foreign_words = { sv = ["slut"] }\n', "you are a slut", "remove"),
        ('foreign_words = { sv = ["slut"] }\n', "är du en s1ut", "remove"),
    ],
    ids=["swedish", "no-foreign-words", "english", "disguised"],
)
def test_foreign_words_stand_only_in_their_language(settings: str, text: str, action: str) -> None:
    """A listed foreign word stands, written plainly, in a message of its language."""
    assert Moderator(parse_rules(WORDS + settings)).check(text, Author(1)).action == action


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ('foreign_words = { xx = ["slut"] }\n', "unknown language"),
        ('foreign_words = { sv = "slut" }\n', "list of words"),
        ('foreign_words = ["slut"]\n', "foreign_words must be"),
    ],
    ids=["unknown-language", "not-a-list", "not-a-table"],
)
def test_bad_foreign_words_are_refused(settings: str, problem: str) -> None:
    """A foreign_words table with an unknown language or a bad value names the problem."""
    with pytest.raises(RulesError, match=problem) as error:
        parse_rules(WORDS + settings)
    assert error.value.line == 4


EMAIL = '[rules.e]\nkind = "email"\nat_words = ["at", "chiocciola"]\ntlds = ["it"]\n'


@pytest.mark.parametrize(
    ("settings", "text", "action"),
    [
        ('loose_dot_words = ["punto"]\n', "ana chiocciola libero punto it", "remove"),
        ('loose_dot_words = ["punto"]\n', "ana at libero punto it", "allow"),
        ("", "ana chiocciola libero punto it", "allow"),
    ],
    ids=["after-spelt-at", "after-plain-at", "no-loose-dots"],
)
def test_loose_dot_words_only_after_a_spelt_at(settings: str, text: str, action: str) -> None:
    """loose_dot_words spell a dot only after an "@" spelt as a word other than "at"."""
    assert Moderator(parse_rules(EMAIL + settings)).check(text, Author(1)).action == action


LINKS = '[rules.l]\nkind = "links"\ntlds = ["com", "top"]\n'
STUFFED = "best roof repair https://roof-repair.top roof repair cheap roof repair fast"


@pytest.mark.parametrize(
    ("settings", "action"),
    [("keyword_stuffing = 3\n", "remove"), ("keyword_stuffing = 4\n", "allow"), ("", "allow")],
    ids=["three", "above", "off"],
)
def test_keyword_stuffing_setting(settings: str, action: str) -> None:
    """keyword_stuffing is how often a link's words must be said around it (0: off)."""
    assert Moderator(parse_rules(LINKS + settings)).check(STUFFED, Author(1)).action == action


REGEX = '[rules.r]\nkind = "regex"\npatterns = ["earn money fast"]\n'


@pytest.mark.parametrize(
    ("settings", "action"), [("leet = true\n", "remove"), ("", "allow")], ids=["on", "off"]
)
def test_regex_rule_reads_leetspeak_when_asked(settings: str, action: str) -> None:
    """leet = true also matches a regex rule with leetspeak inside words read as letters."""
    verdict = Moderator(parse_rules(REGEX + settings)).check("e@rn m0ney f@st", Author(1))
    assert verdict.action == action
