"""Tests for bot.core.shapes: what a sentence offers and what a question of each shape needs."""

from __future__ import annotations

import pytest

from bot.core.shapes import (
    ASKS_MONEY,
    MONEY_AMOUNT,
    NAMED_AREA,
    PRONOUN_SUBJECT,
    WHEN_ANSWER,
    acts_in,
    asked_speaker,
    gives_a_count,
    named_near,
    place_positions,
    statement_subjects,
)
from bot.core.text import normalise, term


@pytest.mark.parametrize(
    ("sentence", "names_a_place"),
    [
        ("The strikes on Kyiv killed 12 people.", True),
        ("A bridge across the harbor was approved.", True),
        ("They met on April 24 to talk.", False),
        ("He said it was very bad timing.", False),
    ],
    ids=["city", "place-noun", "date-not-place", "none"],
)
def test_place_detection(sentence: str, names_a_place: bool) -> None:
    """'Where' answers need a place; a month after 'on' is not one."""
    assert bool(place_positions(sentence)) is names_a_place


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("What did the Kremlin say about the strikes?", "the Kremlin"),
        ("What did Jonas Gahr Støre say?", "Jonas Gahr Støre"),
        ("What does Europe think about the concession claim?", ""),
        ("What did he say?", ""),
    ],
    ids=["the-organisation", "full-name", "opinion-not-speaker", "pronoun"],
)
def test_asked_speaker(question: str, speaker: str) -> None:
    """'What did X say' finds X; a long stretch before a verb is not a speaker."""
    assert asked_speaker(question) == speaker


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Missiles killed at least 12 people.", True),
        ("5000 soldiers a week are dying.", True),
        ("Dozens of homes were flooded.", True),
        ("It was fined £1.1 million in 2021 for spills.", False),
        ("Shares fell 4.5 percent on June 18.", False),
        ("The meeting ended at 1 a.m. on March 3.", False),
        ("The plan costs $48 million and 300 jobs go.", True),
        ("The council met on Tuesday.", False),
        ("Norway would give Ukraine 7 billion crowns to buy gas.", False),
    ],
)
def test_how_many_needs_a_count_not_money_or_dates(sentence: str, counts: bool) -> None:
    """Money (in symbols or currency words), percentages, years and dates are not counts."""
    assert gives_a_count(sentence) is counts


@pytest.mark.parametrize(
    ("question", "asks_money"),
    [
        ("How much did the bridge cost?", True),
        ("How much was Brightwave fined?", True),
        ("how much does a driver earn a year", True),
        ("What is the mayor's salary?", True),
        ("What was the ticket price?", True),
        ("How much rain fell?", False),
        ("What share of the cost is the state covering?", False),
        ("What did the union say about the fine?", False),
        ("what does whitcomb think of the price", False),
    ],
)
def test_questions_about_money(question: str, asks_money: bool) -> None:
    assert bool(ASKS_MONEY.search(normalise(question))) is asks_money


@pytest.mark.parametrize(
    ("sentence", "money"),
    [
        ("It was fined €18.5 million.", True),
        ("The bridge will cost $48 million.", True),
        ("Drivers earn 42,000 pounds a year.", True),
        ("Tickets cost 300 euros.", True),
        ("About 9 million customers were affected.", False),
        ("The fine was criticised as too small.", False),
    ],
)
def test_amounts_of_money(sentence: str, money: bool) -> None:
    assert bool(MONEY_AMOUNT.search(sentence)) is money


@pytest.mark.parametrize(
    ("sentence", "subjects"),
    [
        ("Donald Trump expressed frustration with the strikes.", {"donald", "trump"}),
        ("Brandt warned that traffic would double.", {"brandt"}),
        ("Critics of such swaps argue they reward hostage diplomacy.", {"critic"}),
        ("Residents in Eastgate say the plan is unfair.", {"resid"}),
        ("Mayor Elena Varga, who chose it, said it was fair.", {"mayor", "elena", "varga"}),
        ("She said the union would ballot members.", {PRONOUN_SUBJECT}),
        ("The bridge will open in 2027.", set()),
    ],
)
def test_who_a_sentence_reports_as_saying_something(sentence: str, subjects: set[str]) -> None:
    assert statement_subjects(sentence) == subjects


@pytest.mark.parametrize(
    ("sentence", "noun", "named"),
    [
        ("A dog walker, Jane Hart, reported dead fish to the council.", "walker", True),
        ("A dog walker reported dead fish to the Environment Agency on Monday.", "walker", False),
        ("The attack began with an email opened by an employee in May.", "employee", False),
        ("The four-year-old male, named Kiko, slipped out.", "panda", True),  # paraphrased
    ],
    ids=["named-walker", "agency-too-far", "unnamed-employee", "noun-not-used"],
)
def test_a_name_asked_of_someone_stands_near_them(sentence: str, noun: str, named: bool) -> None:
    """ "The name of the dog walker" is a name within a few words of "walker"."""
    assert named_near(sentence, noun) is named


@pytest.mark.parametrize(
    ("sentence", "acts"),
    [
        ("Much of Europe, including Ukraine, rejected the notion.", True),
        ("Russia made a big concession by halting its advance into Ukraine.", False),
        ("Ukraine said it would not accept the terms.", True),
    ],
    ids=["subject-in-list", "object-of-into", "subject"],
)
def test_where_someone_acts_in_a_sentence(sentence: str, acts: bool) -> None:
    """Ukraine acts in "including Ukraine, rejected", not in "its advance into Ukraine"."""
    assert acts_in(sentence, {term("ukraine")}) is acts


@pytest.mark.parametrize(
    ("sentence", "says_when"),
    [
        ("Work on the embankment is scheduled to begin next spring.", True),
        ("Saltmere took the lead after 23 minutes through Ivo Marsh.", True),
        ("The bridge will open within two years.", True),
        ("The council approved the bridge by 7 votes to 2.", False),
    ],
    ids=["season", "after-minutes", "within-years", "no-time"],
)
def test_what_answers_when(sentence: str, says_when: bool) -> None:
    """Seasons and spans ("after 23 minutes", "within two years") answer "when"."""
    assert bool(WHEN_ANSWER.search(sentence)) is says_when


@pytest.mark.parametrize(
    ("sentence", "area"),
    [
        ("Aircraft will pass over the village of Kilbride more often.", "Kilbride"),
        ("The building stood in the western Sviatoshynskyi district.", "Sviatoshynskyi"),
        ("Becker, who represents District 4, voted no.", "District 4"),
        ("The district council met on Monday.", None),
    ],
    ids=["village-of", "named-district", "numbered", "no-name"],
)
def test_named_areas(sentence: str, area: str | None) -> None:
    """A place named with its kind ("the village of Kilbride", "Sviatoshynskyi district")."""
    found = NAMED_AREA.search(sentence)
    assert (found and (found.group(1) or found.group(2) or found.group(0))) == area
