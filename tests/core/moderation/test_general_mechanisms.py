"""The general mechanisms added after the blind check set, each in both directions.

Every row is a new phrasing (not a line of a check set): the mechanism must catch the whole
family of comments like it, and leave its clean look-alikes alone.
"""

from __future__ import annotations

import pytest

from bot.core.errors import RulesError
from bot.core.moderation import Author, Moderator, parse_rules

# (mechanism, text, the rule that must fire)
CAUGHT = [
    ("capital-look-alike", "what ΒULLЅΗΙΤ this is", "profanity"),
    ("capital-look-alike", "you ΜΟRΟΝ", "abuse"),
    ("real-word-guard", "fukin hell, again", "profanity"),
    ("real-word-guard", "what a motherfucker", "profanity"),
    ("real-word-guard", "they keep shitting on us", "profanity"),
    ("real-word-guard", "shiiiite reporting", "profanity"),
    ("allow-phrase", "nice pussy", "profanity"),
    ("allow-phrase", "get out, you dirty chink", "abuse"),
    ("violence-wish", "I hope somebody shoots him", "threats"),
    ("violence-wish", "wish someone burns your car with you in it", "threats"),
    ("violence-wish", "someone should hang the traitor", "threats"),
    ("violence-wish", "somebody needs to stab that guy", "threats"),
    ("insult-after-target", "what a clown you are.", "abuse"),
    ("insult-after-target", "such a pathetic liar you are", "abuse"),
    ("insult-adjective", "you inbred", "abuse"),
    ("spelt-out-insult", "you are s t u p i d", "abuse"),
    ("spelt-out-insult", "you're a u.s.e.l.e.s.s", "abuse"),
    ("insult-pair", "that stupid cow of a minister", "abuse"),
    ("reported-speech", '"I\'ll kill you" is what I say to people like you', "threats"),
    ("reported-speech", 'I\'ll kill you, "mate"', "threats"),
    ("foreign-separators", "maria [arroba] yahoo [punto] es", "email"),
    ("foreign-separators", "ana arroba hotmail punto com", "email"),
    ("foreign-separators", "jo (at) web (punkt) de", "email"),
    ("leet-dot", "reach me: jdoe at gmail d0t com", "email"),
    ("provider-no-ending", "mail me, I'm k_lee88 at hotmail", "email"),
    ("provider-no-ending", "zorbax at gmail if you want it", "email"),
    ("spelt-out-phone", "ring seven one eight, two two two, three four five six", "phone"),
    ("spelt-out-phone", "nine 1 four, 5 five five, one two three four", "phone"),
    ("o-for-zero", "call 212.555.O1O7 tonight", "phone"),
    ("o-for-zero", "ring O2O 7946 O958", "phone"),
    ("money-spam", "I make $300 a day from my phone, DM me", "spam"),
    ("money-spam", "message me to learn how I earn £2k a month", "spam"),
    ("money-spam", "Passive income changed my life, inbox me", "spam"),
    ("crypto-spam", "send 1 BTC and get 2 BTC back, guaranteed", "spam"),
    ("crypto-spam", "we are doubling your bitcoin at x2-coin.net", "links"),
    ("counterfeit", "designer bags replica sale at bagz.shop", "links"),
    ("counterfeit", "cheap rolex at best-watch.store", "links"),
    ("typed-mentions", "@Tom @Priya @Kev @Sarah @Marco @Lena read this", "mentions"),
]

# (mechanism, clean text that must stand)
CLEAN = [
    ("capital-look-alike", "ΗΜΕΡΑ: the Greek word for day"),
    ("real-word-guard", "The Fukushima clean-up will take decades"),
    ("real-word-guard", "Francis Fukuyama wrote about the end of history"),
    ("real-word-guard", "Shiite and Sunni leaders met; the Shiites walked out"),
    ("real-word-guard", "Food prices, spices included, rose again"),
    ("allow-phrase", "Pussy Riot played a concert in Berlin"),
    ("allow-phrase", "the first chink in his armour appeared"),
    ("violence-wish", "someone should kill the bill before it passes"),
    ("violence-wish", "I hope someone kills this bill"),
    ("violence-wish", "somebody should shoot a documentary about it"),
    ("insult-after-target", "the trash you are talking about is collected on Monday"),
    ("spelt-out-insult", "the plan is s.t.u.p.i.d, says the U.S.A. envoy"),
    ("insult-pair", "the cow was sold at the county fair"),
    ("reported-speech", 'The suspect shouted "I\'ll kill you all" before he was arrested'),
    ("reported-speech", "He wrote “go kill yourself” to her, the court heard"),
    ("foreign-separators", "at which point it broke down"),
    ("foreign-separators", "Juan arroba? No idea what that means"),
    ("provider-no-ending", "someone at gmail told me it was fixed"),
    ("provider-no-ending", "John at Gmail said the outage is over"),
    ("spelt-out-phone", "one, two, three, four, five, six, seven: the count"),
    ("spelt-out-phone", "one or two of the five ministers resigned"),
    ("o-for-zero", "the 2oo8 crash and the year 2o24 tweet"),
    ("money-spam", "Nurses make $1,200 a week in Texas"),
    ("money-spam", "I make $15 an hour working from home as a call agent"),
    ("crypto-spam", "send 5 dollars to the fund, you get a receipt back"),
    ("counterfeit", "the replica of the ship at maritime-museum.org was built in 1998"),
    ("typed-mentions", "@Marta you're right, cc @Tom and @Lena"),
    ("typed-mentions", "meet @ 5pm, tickets @ £25 each"),
]


@pytest.mark.parametrize(
    ("mechanism", "text", "rule"), CAUGHT, ids=[f"{m}: {t}" for m, t, _ in CAUGHT]
)
def test_mechanism_catches(moderator: Moderator, mechanism: str, text: str, rule: str) -> None:
    """Each mechanism catches a new phrasing of the kind of comment it is for."""
    verdict = moderator.check(text, Author(1))
    assert rule in {m.rule for m in verdict.matches}, (mechanism, verdict.matches)


@pytest.mark.parametrize(("mechanism", "text"), CLEAN, ids=[f"{m}: {t}" for m, t in CLEAN])
def test_mechanism_leaves_look_alike(moderator: Moderator, mechanism: str, text: str) -> None:
    """Each mechanism leaves clean comments that resemble what it catches."""
    verdict = moderator.check(text, Author(1))
    assert verdict.action == "allow", (mechanism, verdict.matches)


def test_real_word_guard_is_switched_by_the_rules_file() -> None:
    """real_word_zipf = 0 (the default) flags an ordinary word that contains a listed one."""
    base = '[rules.p]\nkind = "words"\nwords = ["*fuk*"]\n'
    without = Moderator(parse_rules(base))
    with_guard = Moderator(parse_rules(base + "real_word_zipf = 2.0\n"))
    assert without.check("Fukushima").action == "remove"
    assert with_guard.check("Fukushima").action == "allow"
    assert with_guard.check("fukface").action == "remove"


def test_typed_mentions_below_the_limit_stand(moderator: Moderator) -> None:
    """Four typed @names (the default limit) stand; the fifth makes it a mass mention."""
    names = ["@Ann", "@Bob", "@Cy", "@Dee", "@Eve"]
    assert moderator.check(" ".join(names[:4]) + " hi", Author(1)).action == "allow"
    assert moderator.check(" ".join(names) + " hi", Author(2)).action == "remove"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('[rules.p]\nkind = "words"\nallow_phrases = ["pussy r!ot"]\n', 3, "phrase"),
        ('[rules.p]\nkind = "words"\nreal_word_zipf = -1\n', 3, "at least 0"),
        ('[rules.p]\nkind = "words"\n\ntargets_after = ["you @re"]\n', 4, "targets_after"),
        ('[rules.p]\nkind = "words"\nreporting_words = "said"\n', 3, "reporting_words"),
        ('[rules.email]\nno_tld_domains = "gmail"\n', 2, "no_tld_domains"),
        ('[rules.r]\nkind = "regex"\nrequires_words = "dm"\n', 3, "requires_words"),
    ],
    ids=[
        "allow-phrase",
        "zipf-range",
        "targets-after",
        "reporting-type",
        "no-tld-type",
        "requires-words",
    ],
)
def test_new_keys_are_validated(text: str, line: int, fragment: str) -> None:
    """A bad value for one of the new keys names its line and the problem."""
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "rules.toml")
    assert caught.value.line == line
    assert fragment in caught.value.problem


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("someone should put a bullet in that reporter", "warn"),
        ("I'll smash your face in", "warn"),
        ("the bullet was found in the car", "allow"),
        ("they smashed the record in April", "allow"),
    ],
    ids=["bullet-threat", "face-threat", "bullet-news", "smash-news"],
)
def test_violent_idioms_aimed_at_people(moderator: Moderator, text: str, action: str) -> None:
    """Violent idioms against a person are threats; the same words in news stand."""
    assert moderator.check(text, Author(3)).action == action
