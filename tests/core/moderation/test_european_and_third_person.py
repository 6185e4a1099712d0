"""Mechanisms added after blind set 3, each in both directions: European swear words, insults and
threats aimed at a third person, IDN homograph links, more look-alike scripts, money claims with
"this week"/"today", and "like an idiot" said of oneself.

Every row is a new phrasing, not a line of a check set.
"""

from __future__ import annotations

import pytest

from bot.core.errors import RulesError
from bot.core.moderation import Author, Moderator, parse_rules
from bot.core.moderation.normalize import fold

# (mechanism, text, the rule that must fire)
CAUGHT = [
    ("european-swear", "Scheiße, das Spiel ist schon wieder verloren", "profanity"),
    ("european-swear", "merde alors, quelle équipe", "profanity"),
    ("european-swear", "Joder, otra vez lo mismo", "profanity"),
    ("european-swear", "che cazzo di arbitro", "profanity"),
    ("european-swear", "caralho, que jogo horrível", "profanity"),
    ("european-swear", "godverdomme wat een wedstrijd", "profanity"),
    ("european-insult", "eres un pendejo", "abuse"),
    ("european-insult", "quel connard ce ministre", "abuse"),
    ("european-insult", "du bist ein Vollidiot", "abuse"),
    ("european-insult", "sei uno stronzo", "abuse"),
    ("european-insult", "que imbécil es este tipo", "abuse"),
    ("third-person-insult", "he is a total prick", "abuse"),
    ("third-person-insult", "what a jerk the new coach is", "abuse"),
    ("third-person-insult", "she's such a smug twat", "abuse"),
    ("third-person-insult", "that mayor is a scumbag", "abuse"),
    ("third-person-insult", "a bunch of lazy slobs run this club", "abuse"),
    ("third-person-insult", "lazy slob of a striker", "abuse"),
    ("brain-dead", "only a brain-dead fool believes this", "abuse"),
    ("brain-dead", "are you brain dead or what", "abuse"),
    ("brain-dead", "get lost, loser like you", "abuse"),
    ("third-person-threat", "if he shows up again I'll shoot him", "threats"),
    ("third-person-threat", "we are going to kill them all", "threats"),
    ("third-person-threat", "I will torch their car tonight", "threats"),
    ("third-person-threat", "im gonna burn down her house", "threats"),
    ("third-person-threat", "I know where he lives", "threats"),
    ("idn-homograph", "free gift: https://steamcоmmunity.com/tradeoffer/1", "links"),
    ("idn-homograph", "log in at pаypal.com/verify now", "links"),
    ("look-alike-script", "what the ꮪꮋꭵꭲ", "profanity"),
    ("look-alike-script", "ꓢꓧꓲꓔ refereeing", "profanity"),
    ("look-alike-script", "you are a mօrօn", "abuse"),
    ("money-this-week", "I earned $2,500 last week with crypto, DM me for details", "spam"),
    ("money-this-week", "made £900 today from my phone, message me", "spam"),
    ("money-this-week", "I make $3k in just 3 days, text me", "spam"),
]

# (mechanism, clean text that must stand)
CLEAN = [
    ("european-swear", "The Kut offensive began in 1915"),
    ("european-swear", "Ostia is the old port of Rome"),
    ("european-swear", "Con Coughlin wrote the analysis"),
    ("european-swear", "o puto jogou muito bem, disse o treinador"),
    ("european-swear", "il governo è debile, scrive il giornale"),
    ("european-insult", "the cabinet is a team of rivals, says the PM"),
    ("third-person-insult", "AI is a tool, nothing more"),
    ("third-person-insult", "a prick of the needle and it was over"),
    ("third-person-insult", "what a joke of a referee decision"),
    ("third-person-threat", "we'll beat them on Saturday"),
    ("third-person-threat", "the fire will burn the house down if nobody acts"),
    ("third-person-threat", "I'll stab at a guess: about 40 percent"),
    ("idn-homograph", "read it at münchen.de/news"),
    ("idn-homograph", "the Kremlin statement at kremlin.ru is short"),
    ("look-alike-script", "Հայաստան is Armenia's own name"),
    ("money-this-week", "I made $40 this week selling cakes at the fair"),
    ("money-this-week", "Nurses made $900 this week in overtime, says the union"),
    ("self-simile", "I changed my passport at the border like an idiot"),
    ("self-simile", "we queued for six hours like a bunch of fools, fair enough"),
    ("self-simile", "I stood there like an idiot waiting for the bus"),
]

# (text, the rule that must fire): "like an idiot" aimed at someone else stays abuse
SIMILE_AT_OTHERS = [
    ("I think he acts like an idiot", "abuse"),
    ("you behave like an idiot", "abuse"),
    ("the minister talks like an idiot", "abuse"),
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


@pytest.mark.parametrize(("text", "rule"), SIMILE_AT_OTHERS, ids=[t for t, _ in SIMILE_AT_OTHERS])
def test_simile_aimed_at_others_stays(moderator: Moderator, text: str, rule: str) -> None:
    """'like an idiot' is let go only when the writer says it of themselves."""
    verdict = moderator.check(text, Author(2))
    assert rule in {m.rule for m in verdict.matches}, verdict.matches


@pytest.mark.parametrize(
    ("text", "folded"),
    [("fսck", "fuck"), ("ᏚᎻᎥᎢ", "shit"), ("ꓢꓧꓲꓔ", "shit"), ("ɑss", "ass"), ("Օk", "ok")],
    ids=["armenian-u", "cherokee-capitals", "lisu", "latin-alpha", "armenian-capital-o"],
)
def test_more_look_alike_letters_fold(text: str, folded: str) -> None:
    """Armenian, Cherokee, Lisu and Latin-extended look-alikes fold to Latin letters."""
    assert fold(text).folded == folded


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('[rules.p]\nkind = "words"\nself_words = "i"\n', 3, "self_words"),
        ('[rules.p]\nkind = "words"\n\nothers_words = ["y@u"]\n', 4, "others_words"),
    ],
    ids=["self-words-type", "others-words-letters"],
)
def test_self_word_keys_are_validated(text: str, line: int, fragment: str) -> None:
    """A bad self_words/others_words value names its line and the key."""
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "rules.toml")
    assert caught.value.line == line
    assert fragment in caught.value.problem


def test_self_words_switch_the_simile_guard() -> None:
    """Without self_words (the default) "like an idiot" is abuse whoever says it."""
    base = '[rules.a]\nkind = "words"\nwords = ["idiot"]\n'
    plain = Moderator(parse_rules(base))
    guarded = Moderator(parse_rules(base + 'self_words = ["i"]\nothers_words = ["he"]\n'))
    text = "I waited all night like an idiot"
    assert plain.check(text).action == "remove"
    assert guarded.check(text).action == "allow"
    assert guarded.check("I saw he waited like an idiot").action == "remove"
