"""Question -> Answer (sentence, passage, citation, quotes) or a reasoned "the story does not say".

The dataclasses are the interface the CLI and Discord layers render; :class:`StoryEngine` makes
them. How an answer is chosen (see also the README, section "How answering works"):

1. The question is validated (:class:`QuestionError` when empty or longer than
   :data:`MAX_QUESTION_CHARS`), typed (who/when/how many/where/why, :func:`question_type`) and cut
   to its content words: question words, stopwords and framing words ("say", "story") go; an
   unknown word is mapped to a close story word when one is within a small edit distance.
2. Paragraphs are ranked with BM25 (:class:`BM25Index`); only the best :data:`CANDIDATES` are
   looked at further, so the rest of the work does not grow with the corpus.
3. Each sentence of those paragraphs (split and analysed when the engine is built) gets a BM25
   score with the paragraph IDF and sentence-length normalisation, plus a bonus when it has what
   the question type asks for (a name, a date, a number, a place, a reason clause). A paragraph's
   final score mixes its own BM25 score and its best sentence's, both relative to the best
   candidate; the answer is the best sentence of the best paragraph.
4. Abstention: the share of the question's content-word IDF mass that the chosen paragraph
   contains (unknown words weigh as much as the rarest story word, corrected typos a little less).
   Below :data:`MIN_COVERAGE` the engine says the story does not say and shows the closest
   passages. A question that shares one common word with the story therefore is not answered.
"""

from __future__ import annotations

import array
import dataclasses
import itertools
import logging
import math
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from bot.core.corpus import Corpus, Paragraph
from bot.core.errors import QuestionError
from bot.core.index import BM25Index
from bot.core.quotes import Quote, QuoteBook
from bot.core.synonyms import PARTICLES
from bot.core.synonyms import phrasal_synonyms as wordnet_phrasal_synonyms
from bot.core.synonyms import synonyms as wordnet_synonyms
from bot.core.text import (
    LIGHT_WORDS,
    NUMBER_WORDS,
    QUESTION_FILLERS,
    STAND_INS,
    STOPWORDS,
    QuestionType,
    Speller,
    content_tokens,
    decode_token,
    english_speller,
    english_zipf,
    fix_question_word,
    fold_variant,
    index_terms,
    is_common_english,
    normalise,
    phrasal_heads,
    question_type,
    sentence_count,
    sentence_spans,
    spell_out_abbreviations,
    split_preamble,
    term,
    terms_of_tokens,
    token_term,
    tokenize,
    tokenize_utf8,
    words,
)

log = logging.getLogger(__name__)

#: Longest question accepted, in characters.
MAX_QUESTION_CHARS = 1000
#: Paragraphs (by BM25) whose sentences are scored for each question.
CANDIDATES = 6
#: Most supporting passages and related quotes in an answer.
MAX_PASSAGES = 3
MAX_QUOTES = 3
#: Share of the question's content-word IDF mass the chosen paragraph must contain (0.45 until
#: the rules for what a question type needs caught more off-topic questions by themselves).
MIN_COVERAGE = 0.43
#: Weight of a word the story does not have, relative to the rarest word it has.
UNKNOWN_WEIGHT = 1.1
#: Weight of an unknown lower-case word (often a paraphrase: "individuals", "publish"), relative
#: to the rarest word the story has; an unknown capitalised word (a name: "France", "Tesla")
#: weighs :data:`UNKNOWN_WEIGHT`.
UNKNOWN_COMMON_WEIGHT = 0.6
#: Weight of a word that only matched after typo correction.
CORRECTED_WEIGHT = 0.75
#: Weight of a generic verb (give, take, make...) against a topical word.
LIGHT_WEIGHT = 0.25
#: Bonus (relative to the best sentence score) for a sentence that fits the question type.
TYPE_BONUS = 0.4
#: A runner-up within this share of the best score may answer when the best does not cover the
#: question (see :meth:`StoryEngine._prefer_covering`).
RUNNER_UP_SHARE = 0.7
#: Weight, when choosing the sentence, of the speaker's name in a "what did X say" question.
SPEAKER_WEIGHT = 0.3
#: A runner-up within this share of the best score whose sentence has what the question type
#: needs (a date for "when", money for "how much did it cost") answers instead of the best.
FITTING_SHARE = 0.8
#: A chosen sentence this short ("Not everyone is convinced.") is shown with the next one.
LEAD_IN_WORDS = 10
#: A question word an article's headline has but its lead paragraph lacks counts for the lead
#: (which the headline sums up) with this many times its weight (once if the lead has it).
HEADLINE_SHARE = 2.0

#: A name written as an owner inside a question ("Putin's deadline"; not at its start).
_POSSESSIVE_NAME = re.compile(r"(?<=\w )([A-Z][\w-]+)['’]s\s+\w")

#: Below this Zipf frequency a question word is taken for a typo before a synonym is looked up.
TYPO_ZIPF = 2.5
#: Credit for a question word found only in the article's headline, not in the paragraph.
TITLE_CREDIT = 0.5
#: Weight of the paragraph's own score against its best sentence's.
PARAGRAPH_WEIGHT = 0.4
K1 = 1.5
B = 0.75


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a passage comes from."""

    article: str  # slug
    title: str
    paragraph: int
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    """A scored paragraph."""

    citation: Citation
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Answer:
    """The result of answering one question.

    ``answered`` is False when the story does not say; then ``sentence`` is None and ``passages``
    holds the closest passages (possibly none). ``passages[0]`` is the best passage when answered.
    """

    question: str
    answered: bool
    sentence: str | None
    citation: Citation | None
    passages: tuple[Passage, ...]
    quotes: tuple[Quote, ...]
    reason: str


# --------------------------------------------------------------------------------------------
# Sentence features for question types (computed once per sentence when the engine is built)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
#: A month or a weekday: written with a capital, but not a name.
_CALENDAR_WORD = re.compile(rf"(?:{_MONTHS}|{_DAYS})", re.IGNORECASE)
_DATE = re.compile(
    rf"\b(({_MONTHS})\.? \d{{1,2}}|\d{{1,2}} ({_MONTHS})|({_DAYS})|(1[89]|20)\d\d|"
    r"\d{1,2}[:.]\d\d|\d{1,2} ?[ap]\.?m\b|today|yesterday|tomorrow|tonight|earlier|later|"
    r"morning|afternoon|evening|night|last (week|month|year)|next (week|month|year)|"
    r"this (week|month|year)|ago|since|until|deadline|days?|weeks?|months?|years?|hours?|"
    r"decades?|century)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\d|\b(" + "|".join(NUMBER_WORDS) + r"|dozens?|hundreds?|thousands?|millions?|billions?|"
    r"half|percent|several|few|many)\b",
    re.IGNORECASE,
)
_REASON = re.compile(
    r"\b(because|since|due to|as a result|in order to|so that|for the sake|reasons?|caused?|"
    r"thanks to|owing to|given that|in response|after|amid|led to|so as|why|to end|to make|"
    r"blamed|blames|blaming|citing|cited|on the grounds|the result of|driven by|"
    r"hope|believes?|wants?)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(president|minister|prime|leader|chancellor|secretary|spokes(man|woman|person)|official|"
    r"chief|ceo|director|head|king|queen|senator|governor|mayor|general|ambassador|envoy|"
    r"reporters?|journalists?|police|army|government|ministry|company|organi[sz]ation)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(in|at|on|near|from|to|into|across|outside|inside) (the )?[A-Z][a-z]+|"
    r"\b(city|country|capital|region|province|state|town|village|border|front)\b"
)
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+( [A-Z][a-z]+)*")

_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_FIRST_WORD = re.compile(r"[\W_]*([A-Za-z]+) [a-z]")


def _first_word(sentence: str) -> str:
    """The first word of ``sentence`` when a lower-case word follows it, as a subject's would
    ("Trump also said"; "" for "Castlebridge, where ...")."""
    found = _FIRST_WORD.match(sentence)
    return found.group(1) if found else ""


_TYPE_FEATURE = {
    QuestionType.WHO: "person",
    QuestionType.WHEN: "date",
    QuestionType.HOW_MANY: "number",
    QuestionType.WHERE: "place",
    QuestionType.WHY: "reason",
    QuestionType.STATEMENT: "statement",
}
_STATEMENT = re.compile(
    r"[\"“”]|\b(said|says|stated|told|tells|added|posted|wrote|clarified|expressed|"
    r"emphasi[sz]ed|warned|revealed|acknowledged|believes?|belief|cautioned|argued|insisted|"
    r"claimed|announced|noted|explained|suggest(ed|ing)?|according to)\b",
    re.IGNORECASE,
)


def sentence_features(sentence: str) -> frozenset[str]:
    """What kinds of answer a sentence can give: person, date, number, place, reason."""
    features = set()
    if _NAME.search(sentence) or _ROLE.search(sentence):
        features.add("person")
    if _DATE.search(sentence):
        features.add("date")
    if _NUMBER.search(sentence):
        features.add("number")
    if _PLACE.search(sentence):
        features.add("place")
    if _REASON.search(sentence):
        features.add("reason")
    if _STATEMENT.search(sentence):
        features.add("statement")
    return frozenset(features)


#: What a sentence must contain to answer a "when" question (stricter than the "date" feature,
#: which also counts durations such as "a week").
_WHEN_ANSWER = re.compile(
    rf"\b(({_MONTHS})\.? \d{{1,2}}|\d{{1,2}} ({_MONTHS})|({_MONTHS})|({_DAYS})|(1[89]|20)\d\d|"
    r"\d{1,2}[:.]\d\d|\d{1,2} ?[ap]\.?m\b|today|yesterday|tomorrow|tonight|earlier|later|"
    r"(last|next|this|that) (week|month|year|day|morning|evening|night)|ago|soon|"
    r"\d{1,3}(st|nd|rd|th) minute|half-?time|(first|second) half|extra time|stoppage time|"
    r"spring|summer|autumn|winter|(next|last|this) fall|(first|second|third|fourth) quarter|"
    r"(after|within|in) (\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few) "
    r"(minutes?|hours?|days?|weeks?|months?|years?))\b",
    re.IGNORECASE,
)
#: "how old/tall/..." -> what a fitting sentence must contain besides a number.
_HOW_MEASURE = re.compile(r"\bhow (old|tall|high|far|big|large|long|heavy|deep|wide)\b")
_MEASURE_UNITS = {
    # "24 years old", "aged 24", "a 24-year-old", and the news convention "Okonjo, 24,"
    "old": re.compile(r"\b(years?[ -]old|aged?|born)\b|[A-Z][\w'’-]+, \d{1,3},", re.IGNORECASE),
    "long": re.compile(
        r"\b(minutes?|hours?|days?|weeks?|months?|years?|decades?|since|miles?|km|kilometres?|"
        r"kilometers?|met(er|re)s?|feet|foot)\b",
        re.IGNORECASE,
    ),
}
_LENGTH_UNITS = re.compile(
    r"\b(met(er|re)s?|m|km|kilomet(er|re)s?|miles?|feet|foot|ft|inch(es)?|storeys?|stories|"
    r"floors?|tons?|tonnes?|kg|kilograms?|pounds?|lbs?|acres?|hectares?|square)\b",
    re.IGNORECASE,
)
for _measure in ("tall", "high", "far", "big", "large", "heavy", "deep", "wide"):
    _MEASURE_UNITS[_measure] = _LENGTH_UNITS
#: A question about money ("How much did the council pay?", "What is the mayor's salary?")...
#: What a question about money asks in words: an amount answers it however it is worded.
_MONEY_WORDS = words(
    "cost costs costing price priced money pay pays paid paying spend spends spent spending "
    "worth fee fees charge charged charges"
)
_ASKS_MONEY = re.compile(
    r"^(?:how much\b.*\b(?:cost|costs|costing|pay|pays|paid|paying|charged?|charges|charging|"
    r"earn|earns|earned|earning|spend|spends|spent|spending|worth|price|priced|fee|fees|salary|"
    r"wages?|fined?|sell|sells|sold|buy|buys|bought|money)"
    r"|what(?: is| was| are| were|'s|s) (?:the |an? )?(?:[\w'-]+ ){0,3}"
    r"(?:salary|salaries|wages?|price|cost|fee|fees)"
    r")\b"
)
#: ... needs an amount of money in the answer ("£1.1 million", "$48", "300 euros").
_MONEY = re.compile(
    r"[$£€¥]\s?\d|\b\d[\d,.]*\s?(?:million|billion|bn|m|k)?\s?(?:dollars?|pounds?|euros?|"
    r"yen|francs?|rupees?|kron[aeo]r?|crowns?|pence|cents?|p)\b",
    re.IGNORECASE,
)
#: "how many/much NOUN": the noun whose number is asked for.
#: How far (in tokens) before and after a counted noun its number may stand ("about 1,100
#: Millbrook public works, clerical and library employees": 8 before).
COUNT_BEFORE = 8
COUNT_AFTER = 6
_HOW_MANY_NOUN = re.compile(r"\bhow (?:many|much)\s+([a-z][a-z'’-]*)")
_NUMBER_TOKEN = re.compile(
    r"^(\$?\d[\d,.]*%?|" + "|".join(NUMBER_WORDS) + r"|dozens?|hundreds?|thousands?|millions?|"
    r"billions?|several|few|many)$"
)


def _counted_noun(question: str) -> str:
    """The term of the noun a "how many NOUN" question counts ("" when none follows)."""
    found = _HOW_MANY_NOUN.search(normalise(question))
    if not found or found.group(1) in STOPWORDS or found.group(1).endswith("ed"):
        return ""  # "how many were", "how many died": no noun to count
    return term(fold_variant(found.group(1)))


_COUNTED_RUN = re.compile(r"\bhow many\s+((?:[a-z][a-z'’-]*\s+){0,2}[a-z][a-z'’-]*)")


_PART_OF_COUNTED = re.compile(
    r"\bhow many of (?:the|them|those|these)\b.*?\b(?:were|are|was|is)\s+"
    r"((?:[a-z][a-z'’-]*\s*)+)\W*$"
)


def _counted_head(question: str) -> str:
    """The head noun a "how many" question counts, as a folded word: the last of the words
    before the first stopword ("how many Kyiv residents were ..." -> "residents"); "" when none."""
    folded = normalise(question)
    part = _PART_OF_COUNTED.search(folded)  # "how many of the people killed were children"
    if part:  # its last word: "... are in critical condition" -> "condition"
        return fold_variant(part.group(1).split()[-1])
    found = _COUNTED_RUN.search(folded)
    if not found:
        return ""
    run: list[str] = []
    for word in found.group(1).split():
        if word in STOPWORDS or word.endswith("ed"):
            break
        run.append(word)
    return fold_variant(run[-1]) if run else ""


def _counts(sentence: str, counted: str) -> bool:
    """Whether ``sentence`` gives a number of ``counted`` ("5000 soldiers", "12 people",
    "redundancy pay of £18,000"); a sentence that does not mention the noun at all passes (the
    question may paraphrase it)."""
    tokens = tokenize(sentence)
    places = [i for i, token in enumerate(tokens) if term(fold_variant(token)) == counted]
    if not places:
        return True
    return any(
        _NUMBER_TOKEN.match(token)
        for i in places
        for token in tokens[max(0, i - COUNT_BEFORE) : i + 1 + COUNT_AFTER]
    )


_ASKS_A_COUNT = re.compile(r"\bhow many\b")
#: "How many in total / since the war began / so far": a total, which a rate does not give.
_ASKS_TOTAL = re.compile(r"\b(?:in total|total|overall|altogether|so far|since|to date)\b")
_RATE = re.compile(
    r"\b(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|minute|second|night)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d[\d,.]*")


def _only_rates(sentence: str) -> bool:
    """Whether every number in ``sentence`` is a rate ("5000 soldiers a week")."""
    numbers = list(_DIGITS.finditer(sentence))
    return bool(numbers) and all(
        _RATE.search(sentence, number.end(), number.end() + 40) for number in numbers
    )


#: "On what date ...?", "When exactly ...?" need a date on a calendar ("April 24", "Monday",
#: "2021"); "soon" or "earlier that day" does not answer them.
_ASKS_DATE = re.compile(
    r"\b(?:(?:what|which|exact|precise) (?:date|day)|when exactly|exactly when|date (?:is|was))\b"
)
_CALENDAR_DATE = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS}|(?:1[89]|20)\d\d|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|today|"
    r"yesterday|tomorrow)\b",
    re.IGNORECASE,
)
#: "What time ...?" (not "what time of year") needs a clock time or a part of a day.
_ASKS_CLOCK = re.compile(r"\b(?:what time(?! of (?:the )?year)|time of day|what hour)\b")
_CLOCK_TIME = re.compile(
    r"\b(?:\d{1,2}[:.]\d\d|\d{1,2} ?[ap]\.?m\b|noon|midday|midnight|dawn|dusk|o'clock|"
    r"morning|afternoon|evening|night|overnight|tonight)",
    re.IGNORECASE,
)
#: "What is the name of ...?", "What is the satellite called?", "zoo director name".
#: "the name of the dog walker who ...": the noun whose name is asked.
_NAME_OF_NOUN = re.compile(r"\bnames? of (?:the|a|an|this|that) ([a-z]+)(?: ([a-z]+))?")
#: How many words from that noun its name may stand ("Jane Hart, a dog walker").
NAME_REACH = 4


def _name_asked_of(question: str) -> str:
    """The noun a "what is the name of the NOUN" question asks the name of ("" if none)."""
    found = _NAME_OF_NOUN.search(normalise(question))
    if not found:
        return ""
    second = found.group(2)
    return second if second and second not in STOPWORDS else found.group(1)


def _named_near(sentence: str, noun: str) -> bool:
    """Whether a name stands within :data:`NAME_REACH` words of ``noun`` in ``sentence``;
    true when there is no noun or the sentence does not use it (it may paraphrase it)."""
    if not noun:
        return True
    words = sentence.split()
    places = [
        i
        for i, w in enumerate(words)
        if term(fold_variant(normalise(w).strip(",.;:"))) == term(noun)
    ]
    if not places:
        return True
    return any(
        word[:1].isupper() and i > 0 and not _CALENDAR_WORD.fullmatch(word.strip(",.;:"))
        for place in places
        for i, word in enumerate(words)
        if 0 < abs(i - place) <= NAME_REACH
    )


_ASKS_NAME = re.compile(r"\bname of\b|\bnamed?\s*\??$|(?:'s|s) name\b|\bcalled\s*\??$")
#: Numbers that are not counts of things: money, shares, years, dates and clock times. "How many
#: fish died?" is not answered by "fined £1.1 million in 2021".
_NOT_A_COUNT = re.compile(
    r"[$£€]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|bn|m|k)\b)?"
    r"|\b\d[\d,.]*\s?(?:%|percent\b|per cent\b)"
    r"|\b(?:1[89]|20)\d\d\b"
    r"|\b(?:" + _MONTHS + r")\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:" + _MONTHS + r")\b"
    r"|\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d\d\b",
    re.IGNORECASE,
)


def _gives_a_count(sentence: str) -> bool:
    """Whether ``sentence`` has a number that may count something (not only money, shares,
    years, dates or times)."""
    return bool(_NUMBER.search(_NOT_A_COUNT.sub(" ", sentence)))


_PLACE_NAME = re.compile(
    r"\b(?:in|at|on|near|from|to|into|across|outside|inside|towards?)\s+(?:the\s+)?"
    r"([A-Z][\w'’-]+)|\b(city|country|capital|region|province|state|town|village|border|"
    r"front|harbou?r|street|square|building|house|hospital|airport|station|port)\b"
)
_NOT_PLACES = frozenset(_MONTHS.split("|")) | frozenset(_DAYS.split("|"))


#: A person's name after a title ("President Vladimir Putin", "Dr. Amara Osei").
_TITLED_NAME = re.compile(
    r"\b(?:President|Prime Minister|Minister|Secretary|Chancellor|Mayor|Governor|Senator|"
    r"Director|Chief Executive|Inspector|Detective|Sergeant|Officer|Professor|Judge|Justice|"
    r"Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|King|Queen|Pope|General|Colonel|Captain)\.?"
    r"((?:\s+[A-Z][\w'’-]+)+)"
)


def _place_positions(sentence: str, people: frozenset[str] = frozenset()) -> list[int]:
    """Where a sentence names a place ("in Kyiv", "across the harbor", "the border"); a
    person's name ("comments to Putin") is not one."""
    return [
        found.start()
        for found in _PLACE_NAME.finditer(sentence)
        if not found.group(1)
        or (
            found.group(1).casefold() not in _NOT_PLACES and normalise(found.group(1)) not in people
        )
    ]


#: How far (in characters, about a dozen words) a place may stand from the question's topic word
#: ("strikes on Kyiv"; not "a meeting ... its advance into Ukraine" for where they met).
PLACE_REACH = 80
_WORD = re.compile(r"[\w'’-]+")


def _place_near(sentence: str, query: Query, people: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence names a place close to a word of what a "where" question asks
    about (its known words that are not names); any place will do when it has none."""
    topic = {t.term for t in query.terms if t.term and not t.name}
    places = _place_positions(sentence, people)
    if not places or not topic:
        return bool(places)
    spots = [
        word.start()
        for word in _WORD.finditer(sentence)
        if term(fold_variant(normalise(word.group(0)))) in topic
    ]
    if not spots:
        return True  # the topic is paraphrased here: the place cannot be placed
    return any(abs(place - spot) <= PLACE_REACH for place in places for spot in spots)


#: "what is/was the NOUN ...": the thing a question is about. ("Which NOUN" and "what NOUN"
#: name a category whose member is the answer: "Which region ...?" -> "Eastern Europe".)
_FOCUS = re.compile(r"^what(?:\s+(?:is|was|are|were)|s)\s+(?:the|a|an)\s+([a-z][a-z'’-]+)")


#: "What/which NOUN did/does/is ...": the noun of what is asked ("What warning did Trump give").
_WHAT_NOUN = re.compile(
    r"^\W*(?:what|which)\s+([a-z]+)\s+(?:did|does|do|is|was|are|were|has|have|had|will|would)\b"
)
#: How much more that noun counts than its IDF (a little: the rest of the question still counts).
FOCUS_WEIGHT = 1.2


#: Below this English frequency (Zipf), a capitalised word the story lacks is a name it does
#: not mention ("Kharkiv", "Macron"), not an ordinary word written with a capital.
NAME_ZIPF = 4.0
#: Endings of adjectives of place ("Scandinavian", "Polish"): they describe, they do not name.
_DEMONYM = re.compile(r"(ian|ean|ish|ese)$")


def _unknown_name(query_term: QueryTerm) -> bool:
    """Whether a question word is a name (person, place, organisation) the story never uses."""
    word = query_term.word
    return (
        query_term.name
        and not query_term.term
        and word.isalpha()
        and not _DEMONYM.search(word)
        and english_zipf(word) < NAME_ZIPF
    )


def _focus_words(question: str) -> list[str]:
    """The words of the thing a "what is the X Y ..." question asks for, up to the first
    function word ("the new interest rate" -> new, interest, rate); [] for other questions."""
    found = _FOCUS.match(normalise(question))
    if not found:
        return []
    phrase: list[str] = []
    for token in tokenize(normalise(question)[found.start(1) :]):
        word = fold_variant(token)
        if word in STOPWORDS or not word.isalpha():
            break
        if word not in QUESTION_FILLERS:
            phrase.append(word)
    return phrase


#: "What did X say/tell/think ..." -> X.
#: Words of "who is in charge of / the boss of / heading X": what a "who" question asks for,
#: however the story words the post.
_IN_CHARGE = words(
    "charge boss bosses head heads heading headed run runs running ran lead leads leading led "
    "leader chief chair manage manages managing managed manager"
)
_QUOTE_MARK = re.compile(r"[\"“”]")
#: A sentence that goes on about the one before ("Its chair, ...", "Their lawyer said ...").
_REFERS_BACK = re.compile(r"[\W_]*(?:its|their)\b", re.IGNORECASE)
#: "Which city/region/district ...": a question whose answer is a place.
_ASKS_PLACE = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:cit(?:y|ies)|towns?|villages?|regions?|areas?|parts?|"
    r"districts?|neighbou?rhoods?|suburbs?|provinces?|states?|countr(?:y|ies)|count(?:y|ies)|"
    r"places?|locations?|streets?|territor(?:y|ies)|capitals?)\b"
)
_POSSESSIVE_END = re.compile(r"['’]s?$")
_AREA_NOUNS = (
    r"(?:city|town|village|region|district|neighbou?rhood|suburb|province|state|county|borough|"
    r"parish|ward|zone|sector|area)"
)
_NAMED_AREA = re.compile(
    rf"\b(?i:{_AREA_NOUNS}) of (?:the )?([A-Z][\w'’-]+)|"
    r"\b(?:District|Ward|Zone|Sector|Area|Region|Precinct|Borough|County) \d+\b"
)
#: "What kind of missiles ...": the noun whose kind is asked.
_KIND_OF = re.compile(r"\b(?:kinds?|types?|sorts?|models?|makes?|brands?) of ([a-z]+)")


def _names_a_kind(sentence: str, noun: str, query: Query) -> bool:
    """Whether ``sentence`` says what kind of ``noun`` ("cruise missiles", "Iskander missiles"):
    a word just before it that the question does not have and that is not a nationality
    ("Russian missiles" says whose, not what kind). True when the sentence lacks the noun."""
    words = [w.strip(",.;:!?“”\"'’") for w in sentence.split()]
    wanted = term(noun)
    asked = {t.word for t in query.terms}
    places = [i for i, w in enumerate(words) if term(fold_variant(normalise(w))) == wanted]
    if not places:
        return True
    for place in places:
        before = normalise(words[place - 1]) if place else ""
        if (
            before
            and before not in STOPWORDS
            and before not in asked
            and not _DEMONYM.search(before)
            and before.isalpha()
        ):
            return True
    return False


#: A post a "who is in charge" question is answered with.
_LEADER = re.compile(
    r"\b(president|minister|leader|chancellor|secretary|chief|ceo|director|head|king|queen|"
    r"governor|mayor|general|commander|chair(?:man|woman|person)?|manager|managing|boss|owner|"
    r"founder|curator|principal|superintendent|inspector|editor|coach|captain|led|leads|heads|"
    r"headed|runs|ran|manages|managed|in charge)\b",
    re.IGNORECASE,
)
#: One-word titles written before a name ("Mayor Elena Varga", "Governor Osei-Hale").
_ROLE_TITLES = words(
    "president minister chancellor mayor governor senator director inspector detective "
    "professor judge secretary chairman chairwoman chair councillor councilor commissioner "
    "envoy ambassador spokesman spokeswoman spokesperson coach manager captain"
)
#: Titles a "who is the TITLE of PLACE" question asks the holder of.
_TITLE = (
    r"(?:president|prime minister|premier|chancellor|king|queen|leader|mayor|governor|ceo|"
    r"chief executive|chair(?:man|woman|person)?|head|"
    r"(?:foreign |defen[cs]e )?(?:minister|secretary))"
)
_TITLE_OF = re.compile(rf"\b((?i:{_TITLE})) of (?:the )?((?:[A-Z][\w'’-]*\s?)+)")
_TITLE_OF_END = re.compile(rf"\b((?i:{_TITLE})) of (?:the )?([\w'’ -]{{2,40}}?)\W*$", re.I)
_OWNERS_TITLE = re.compile(rf"\b((?:[A-Z][\w-]*\s)*[A-Z][\w-]*)['’]s (?:\w+ )?((?i:{_TITLE}))\b")
#: Other ways a story writes a title.
_TITLE_WRITTEN = {
    "ceo": r"ceo|chief executive",
    "chief executive": r"ceo|chief executive",
    "prime minister": r"prime minister|premier",
    "premier": r"prime minister|premier",
}
#: The name after a title ("Mayor Elena Varga").
_HOLDER = re.compile(r"(?:\s+[A-Z][\w'’.-]*)+")
#: How far before a title the place it belongs to may stand ("Norwegian Prime Minister").
TITLE_OWNER_CHARS = 30


def _particles_after(tokens: Sequence[str]) -> dict[str, str]:
    """Verb-like tokens followed by a particle ("looking" -> "for" in "looking for a deal")."""
    return {
        fold_variant(token): following
        for token, following in itertools.pairwise(tokens)
        if following in PARTICLES and token not in STOPWORDS
    }


_WHO_IS_OWNERS = re.compile(
    r"^\W*(?i:who(?:'s| is| was| are| were))\s+((?:[A-Z][\w-]*\s)*[A-Z][\w-]*)['’]s\s+([a-z]+)\W*$"
)


def _holder_names(role: str, text: str) -> list[str]:
    """The names ``text`` gives right after the title in ``role`` ("the Norwegian prime
    minister" -> "Norwegian Prime Minister Jonas Gahr Støre" -> "Jonas Gahr Støre"); a
    capitalised qualifier of the role ("Polish", "Omani") must stand just before the title
    ("Polish Deputy Foreign Minister Tomasz Wróbel", "Oman, whose envoy Khalid al-Harthy")."""
    words = [w for w in role.split() if normalise(w) not in STOPWORDS]
    title = " ".join(normalise(w) for w in words if w.islower())
    qualifiers = [normalise(w)[:4] for w in words if not w.islower()]
    if not title or (" " not in title and title not in _ROLE_TITLES):
        return []
    names = []
    for found in re.finditer(rf"(?i:\b{re.escape(title)})((?:\s+[A-Z][\w'’.-]+)+)", text):
        before = normalise(text[max(0, found.start() - TITLE_OWNER_CHARS) : found.start()])
        if all(q in before for q in qualifiers):
            names.append(found.group(1).strip())
    return names


def _holders(role: str, text: str) -> frozenset[str]:
    """Index terms of :func:`_holder_names`."""
    return frozenset(t for name in _holder_names(role, text) for t in index_terms(name))


#: Questions about the article rather than the news: who wrote it, when it was published.
_ABOUT_THE_ARTICLE = re.compile(
    r"(?P<author>\bwho (?:wrote|writes|has written|authored|penned)\b(?:\s+\w+){0,2}\s+"
    r"(?:article|story|piece|report|this|it)\b|\b(?:author|writer|byline) of (?:the|this) "
    r"(?:article|story|piece|report)\b|\bwho is the (?:author|writer)\b)|"
    r"(?P<date>\bwhen (?:was|did) (?:the|this) (?:article|story|piece|report) "
    r"(?:published|written|posted|come out|go up)\b)"
)


#: "Does Ukraine agree ...?", "Did Europe buy ...?": a question about where X stands.
_STANCE = re.compile(
    r"^\W*(?:does|did|do|is|was|are|were|has|have|would|will)\s+((?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
    r"\s+(?:agree|accept|support|oppose|reject|buy|back|endorse|dispute|doubt|trust)\b"
)
_OBJECT_OF = re.compile(
    r"\b(?:in|into|on|onto|to|at|from|with|about|against|over|for|of|by|toward|towards|"
    r"between|across|upon)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _acts_in(sentence: str, holder: set[str]) -> bool:
    """Whether one of ``holder``'s terms stands in ``sentence`` other than as the object of a
    preposition ("much of Europe, including Ukraine, rejected"; not "its advance into Ukraine")."""
    return any(
        term(fold_variant(normalise(found.group(0)))) in holder
        and not _OBJECT_OF.search(sentence[max(0, found.start() - 20) : found.start()])
        for found in _WORD.finditer(sentence)
    )


def _title_asked(question: str) -> tuple[str, str] | None:
    """The (title, owner) a question asks the holder of: "Who is the president of Ukraine?" ->
    ("president", "Ukraine"), "Hungary's prime minister" -> ("prime minister", "Hungary")."""
    found = _TITLE_OF.search(question) or _TITLE_OF_END.search(question)
    if found:
        return found.group(1).lower(), found.group(2).strip()
    found = _OWNERS_TITLE.search(question)
    if found:
        return found.group(2).lower(), found.group(1)
    found = _WHO_IS_OWNERS.search(question)  # "Who is Faith Chepkoech's coach?"
    if found and found.group(2).lower() not in _IN_CHARGE:  # "X's boss": any post will do
        return found.group(2).lower(), found.group(1)

    return None


_ASKED_SPEAKER = re.compile(
    r"\b(?:did|does|do|has|have|had|will|would|is|was)\s+(.+?)\s+(?:say|said|says|tell|told|"
    r"post|posted|write|wrote|claim|claimed|add|added|announce|warn|clarify|saying|telling|"
    r"posting|writing|react|respond|reply|comment)\b",
    re.IGNORECASE,
)


#: "How did X react/respond?": a person reacts by saying something, a market need not.
_REACTION = re.compile(r"\b(?:react|respond|reply|comment)\b", re.IGNORECASE)

#: Longest speaker a "what did X say" question names ("the union leader", "Jonas Gahr Støre").
MAX_SPEAKER_WORDS = 4


def _asked_speaker(question: str) -> str:
    """Who a "what did X say" question asks about ("" if it names nobody)."""
    found = _ASKED_SPEAKER.search(question)
    if not found:
        return ""
    who = found.group(1)
    if len(who.split()) > MAX_SPEAKER_WORDS:  # "does Europe think about the claim": no speaker
        return ""
    return "" if normalise(who) in ("he", "she", "they", "it", "i", "you", "we") else who


_REPORTING = words(
    "said says stated told tells added posted wrote clarified expressed emphasized emphasised "
    "warned revealed acknowledged believes believed cautioned argued insisted claimed announced "
    "noted explained suggested suggesting replied responded urged "
    # the present tense of the same verbs ("Critics argue", "Residents warn")
    "say state states tell add adds post posts write writes clarify clarifies express expresses "
    "emphasize emphasizes emphasise emphasises warn warns reveal reveals acknowledge "
    "acknowledges believe caution cautions argue argues insist insists claim claims announce "
    "announces note notes explain explains suggest suggests reply replies respond responds urge "
    "urges "
    # reactions say where someone stands ("much of Europe, including Ukraine, rejected ...")
    "rejected rejects reject welcomed welcomes welcome condemned condemns condemn criticized "
    "criticised criticizes criticises praised praises denied denies dismissed dismisses "
    "accused accuses"
)


#: Stands in :attr:`Sentence.subjects` for "he"/"she"/"they" reporting something.
PRONOUN_SUBJECT = "\x00pronoun"
_SUBJECT_BEFORE_VERB = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*|\b[Hh]e|\b[Ss]he|\b[Tt]hey)"
    # "Critics of such swaps argue", "Residents in Eastgate say"
    r"(?:\s+(?:of|in|at|from|for)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"
    r"(?:\s*(?:,[^,]{1,60}){1,2},)?\s+(?:(?:has|had|also|later|then|\w+ly)\s+)*"
    r"(?:" + "|".join(sorted(_REPORTING)) + r")\b"
)


def statement_subjects(sentence: str) -> frozenset[str]:
    """Index terms of the name right before a reporting verb ("Donald Trump expressed",
    "Brandt warned"): the people a sentence reports as saying something; "he"/"she"/"they"
    give :data:`PRONOUN_SUBJECT`."""
    subjects: set[str] = set()
    for found in _SUBJECT_BEFORE_VERB.finditer(sentence):
        name = found.group(1)
        if name.casefold() in ("he", "she", "they"):
            subjects.add(PRONOUN_SUBJECT)
        else:
            subjects.update(index_terms(name))
    return frozenset(subjects)


_QUOTE_MARKS = "\"“”‘’'«» "


def _quoted_speakers(sentence: str, quotes: Sequence[Quote]) -> frozenset[str]:
    """Index terms of the speakers of the quotations a sentence is part of: a quoted sentence
    with its attribution elsewhere ("“Ambulances will ...”") is still said by its speaker."""
    inner = sentence.strip(_QUOTE_MARKS)[:40]
    if not inner:
        return frozenset()
    return frozenset(
        found
        for quote in quotes
        if quote.speaker and not quote.fragment and inner in quote.text
        for found in index_terms(quote.speaker)
    )


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a paragraph, analysed when the engine is built."""

    text: str
    terms: dict[str, int]
    length: int
    features: frozenset[str]
    subjects: frozenset[str] = frozenset()  # who it reports as saying something
    start: int = 0  # where it stands in its paragraph's text
    end: int = 0


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One content word of a question: its stem and how much it counts."""

    word: str  # as asked (normalised)
    term: str  # the stem looked up in the index ("" when unknown)
    weight: float  # IDF, or the rarest story word's IDF for an unknown word
    corrected: bool = False
    name: bool = False  # written with a capital inside the question
    group: str = ""  # the multi-word name it is part of ("louise garnett"), if any
    rank_weight: float = 0.0  # its weight for choosing sentences (names not scaled down)


@dataclass(frozen=True, slots=True)
class Query:
    """A question, analysed."""

    text: str
    kind: QuestionType
    terms: tuple[QueryTerm, ...]
    asks_count: bool = False  # "how many": money, shares, years and dates do not count
    asks_money: bool = False  # "how much did it cost", "what is her salary"
    asks_date: bool = False  # "on what date", "when exactly": a calendar date, not "soon"
    asks_clock: bool = False  # "what time", "time of day": a clock time or part of a day
    asks_leader: bool = False  # "who is in charge of / runs / heads X": someone with a post
    asks_place: bool = False  # "which regions of Ukraine ...": a place the question does not name
    asks_name: bool = False  # "what is the name of", "what is it called": a name

    @property
    def index_terms(self) -> list[str]:
        """The distinct known stems, for BM25."""
        return list(dict.fromkeys(t.term for t in self.terms if t.term))


#: Prefixes that turn a word into its opposite ("trust"/"mistrust", "happy"/"unhappy"): a
#: question about one is answered by a passage about the other.
_NEGATION_PREFIXES = ("mis", "dis", "un", "non")

_CAPITALISED_WORD = re.compile(r"(?<!^)\b[A-Z][\w'’.-]*")


def _capitalised_words(question: str) -> set[str]:
    """Folded tokens of the words written with a capital inside ``question`` (names, mostly);
    the first word does not count."""
    return {
        fold_variant(token)
        for match in _CAPITALISED_WORD.finditer(question.strip())
        for token in tokenize(match.group(0))
    }


_CAPITALISED_RUN = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")


def _group_names(question: str, terms: list[QueryTerm]) -> list[QueryTerm]:
    """Let a multi-word name ("Vladimir Putin") weigh as much as its heaviest word, not the sum."""
    for match in _CAPITALISED_RUN.finditer(question):
        words = {fold_variant(token) for token in tokenize(match.group(0))}
        group = [t for t in terms if t.word in words]
        if len(group) < 2:
            continue
        total = sum(t.weight for t in group)
        scale = max(t.weight for t in group) / total if total > 0 else 1.0
        name = " ".join(t.word for t in group)
        terms = [
            dataclasses.replace(t, weight=t.weight * scale, group=name) if t in group else t
            for t in terms
        ]
    return terms


_Key = TypeVar("_Key", str, bytes)


class _Ids(dict[_Key, int]):
    """Key -> id, a new key getting the next id (``map(ids.__getitem__, ...)`` runs in C)."""

    def __missing__(self, key: _Key) -> int:
        self[key] = key_id = len(self)
        return key_id


def _index_paragraphs(paragraphs: Sequence[Paragraph]) -> tuple[BM25Index, Counter[str]]:
    """The BM25 index of the paragraphs' terms, and the counts of their (variant-folded)
    words for the speller.

    Each paragraph is tokenized once; the tokens are mapped to ids in one pass and then to
    term ids with numpy. A paragraph's terms are its sentences' terms in a row (sentences are
    separated by white space only), except where a phrasal verb ("give up") could straddle two
    sentences: those paragraphs are analysed sentence by sentence, as :meth:`StoryEngine.sentences`
    does.
    """
    # Token ids go straight into an array of machine integers, paragraph by paragraph: no
    # Python object is kept per token (millions of them made the build slow), and bytes
    # tokens are cheaper to make than str; only the distinct tokens are decoded. Arrays with
    # an entry per token are few and 32-bit where they can be (at 100k paragraphs, making
    # them took a good part of the build).
    token_ids: _Ids[bytes] = _Ids()
    id_of = token_ids.__getitem__
    id_buffer = array.array("i")
    ends = [0]
    for paragraph in paragraphs:
        id_buffer.extend(map(id_of, tokenize_utf8(paragraph.text)))
        ends.append(len(id_buffer))
    ids = np.frombuffer(id_buffer, dtype=np.intc)
    offsets = np.array(ends, dtype=np.int64)
    distinct = list(map(decode_token, token_ids))
    terms: _Ids[str] = _Ids()
    term_of_token = np.array(
        [terms[found] if (found := token_term(token)) else -1 for token in distinct],
        dtype=np.int32,
    ).reshape(-1)
    token_terms = term_of_token[ids]  # -1 for a stopword
    is_term = token_terms >= 0
    term_ids = token_terms[is_term]
    # Where each paragraph's terms start and end in term_ids.
    terms_before = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(is_term, out=terms_before[1:])
    term_offsets = terms_before[offsets]
    del token_terms, is_term, terms_before
    lengths = np.diff(term_offsets)

    head_tokens = phrasal_heads(distinct)
    heads = [token_id for token_id, token in enumerate(distinct) if token in head_tokens]
    if heads:
        # Paragraphs with a possible phrasal verb: their terms come sentence by sentence.
        tokens_with_head = np.flatnonzero(np.isin(ids, heads))
        positions = np.unique(np.searchsorted(offsets, tokens_with_head, side="right") - 1)
        pieces: list[np.ndarray] = []
        done = 0
        for position in positions.tolist():
            pieces.append(term_ids[done : term_offsets[position]])
            text = paragraphs[position].text
            own = [
                terms[t]
                for s, e in sentence_spans(text)
                for t in terms_of_tokens(tokenize(text[s:e]))
            ]
            pieces.append(np.array(own, dtype=np.int32))
            lengths[position] = len(own)
            done = term_offsets[position + 1]
        pieces.append(term_ids[done:])
        term_ids = np.concatenate(pieces)

    counts = np.bincount(ids, minlength=len(distinct)).tolist()
    surface: Counter[str] = Counter()
    for token, count in zip(distinct, counts, strict=True):
        surface[fold_variant(token)] += count
    index = BM25Index.from_term_ids(term_ids, lengths, terms, k1=K1, b=B)
    return index, surface


@dataclass(frozen=True, slots=True)
class EngineStats:
    """Sizes of an engine, for ``storybot corpus stats``."""

    articles: int
    paragraphs: int
    sentences: int
    quotes: int
    vocabulary: int
    build_seconds: float


@dataclass(frozen=True, slots=True)
class _Candidate:
    paragraph: int  # index into the engine's paragraphs
    bm25: float
    sentence: int  # index of the best sentence in the paragraph
    score: float  # combined score


@dataclass
class StoryEngine:
    """Answers questions about one corpus (immutable once built; safe to share between threads)."""

    corpus: Corpus
    quotes: QuoteBook
    paragraphs: tuple[Paragraph, ...] = field(init=False)
    index: BM25Index = field(init=False)
    build_seconds: float = field(init=False)

    def __post_init__(self) -> None:
        started = time.perf_counter()
        self.paragraphs = self.corpus.paragraphs
        if not self.paragraphs:
            raise ValueError("StoryEngine needs a corpus with at least one paragraph")
        # One tokenizing pass per paragraph, then term ids for all tokens at once; everything
        # else a sentence needs (features, speakers, term counts) is worked out when its
        # paragraph is first a candidate (see :meth:`sentences`).
        self._sentence_counts = [sentence_count(p.text) for p in self.paragraphs]
        self._sentence_cache: dict[int, tuple[Sentence, ...]] = {}
        self._names_cache: dict[str, frozenset[str]] = {}
        self._people_cache: dict[str, frozenset[str]] = {}
        self._positions: dict[str, int] | None = None  # paragraph id -> position, on first need
        self.index, surface = _index_paragraphs(self.paragraphs)
        self._document_frequency = self.index.document_frequencies()
        # A paragraph's terms are its sentences' terms, one after the other.
        self._average_sentence_length = (
            int(self.index.doc_lengths.sum()) / max(1, sum(self._sentence_counts))
        ) or 1.0
        self._speller = Speller(surface)
        self._stem_speller = Speller(self._document_frequency)
        slugs = {article.slug: i for i, article in enumerate(self.corpus.articles)}
        self._article_of = np.array([slugs[p.article] for p in self.paragraphs], dtype=np.int32)
        self._article_numbers = slugs
        # A headline is context for every paragraph of its article ("the harbour crossing").
        self._title_terms = {
            article.slug: frozenset(terms_of_tokens(tokenize(article.title)))
            for article in self.corpus.articles
        }
        size = len(self.paragraphs)
        self._rare_idf = math.log(1.0 + (size - 1 + 0.5) / (1 + 0.5))
        self.build_seconds = time.perf_counter() - started
        log.debug("engine built: %d paragraphs in %.3f s", size, self.build_seconds)

    def _terms_of(self, position: int) -> set[str]:
        """The distinct terms of paragraph ``position``."""
        return {key for sentence in self.sentences(position) for key in sentence.terms}

    def sentences(self, position: int) -> tuple[Sentence, ...]:
        """The analysed sentences of paragraph ``position`` (worked out once, then cached)."""
        found = self._sentence_cache.get(position)
        if found is None:
            paragraph = self.paragraphs[position]
            text = paragraph.text
            quotes = self.quotes.in_paragraph(paragraph.article, paragraph.number)
            analysed = []
            for start, end in sentence_spans(text):
                sentence = text[start:end]
                tokens = tokenize(sentence)
                terms = terms_of_tokens(tokens)
                features = sentence_features(sentence)
                if any(
                    _CALENDAR_WORD.fullmatch(m.group(0)) is None for m in _NAME.finditer(sentence)
                ):
                    features |= {"name"}
                elif _first_word(sentence) in self._names_in(paragraph.article):
                    features |= {"name", "person"}  # "Trump also revealed ...": a name starts it
                analysed.append(
                    Sentence(
                        sentence,
                        Counter(terms),
                        len(terms),
                        features,
                        statement_subjects(sentence) | _quoted_speakers(sentence, quotes),
                        start,
                        end,
                    )
                )
            found = self._sentence_cache[position] = tuple(analysed)
        return found

    def _names_in(self, slug: str) -> frozenset[str]:
        """Words the article ``slug`` writes with a capital inside sentences and never in
        lower case (its people and places), worked out once."""
        found = self._names_cache.get(slug)
        if found is None:
            number = self._article_numbers[slug]
            positions = np.flatnonzero(self._article_of == number).tolist()
            text = "\n\n".join(self.paragraphs[i].text for i in positions)
            lower = set(_LOWER_WORD.findall(text))
            found = frozenset(
                word
                for name in _NAME.finditer(text)
                for word in name.group(0).split()
                if word.lower() not in lower
            )
            self._names_cache[slug] = found
        return found

    def _people_in(self, slug: str) -> frozenset[str]:
        """Folded words of the people the article ``slug`` names after a title ("President
        Vladimir Putin", "Dr. Amara Osei") or quotes, worked out once."""
        found = self._people_cache.get(slug)
        if found is None:
            number = self._article_numbers[slug]
            positions = np.flatnonzero(self._article_of == number).tolist()
            text = "\n\n".join(self.paragraphs[i].text for i in positions)
            names = [m.group(1) for m in _TITLED_NAME.finditer(text)]
            names += [q.speaker for q in self.quotes.quotes if q.article == slug and q.speaker]
            found = frozenset(normalise(word) for name in names for word in name.split())
            self._people_cache[slug] = found
        return found

    # ----------------------------------------------------------------------------------------

    def stats(self) -> EngineStats:
        """Sizes of the engine's corpus and indexes."""
        return EngineStats(
            articles=len(self.corpus.articles),
            paragraphs=len(self.paragraphs),
            sentences=sum(self._sentence_counts),
            quotes=len(self.quotes.quotes),
            vocabulary=len(self._document_frequency),
            build_seconds=self.build_seconds,
        )

    def analyse(self, question: str) -> Query:
        """Validate and analyse a question (raises :class:`QuestionError`)."""
        text = question.strip()
        if not text:
            raise QuestionError("Please ask a question: the message was empty.")
        if len(text) > MAX_QUESTION_CHARS:
            raise QuestionError(
                f"That question is {len(text):,} characters long; please keep it under "
                f"{MAX_QUESTION_CHARS:,} characters."
            )
        text = fix_question_word(text)
        preamble, asked = split_preamble(text)
        asks_money = bool(_ASKS_MONEY.search(normalise(text)))
        kind = question_type(asked)
        terms: list[QueryTerm] = []
        seen: set[str] = set()
        names = _capitalised_words(text)
        preamble_words = content_tokens(tokenize(spell_out_abbreviations(preamble, self._uses)))
        asked_words = content_tokens(tokenize(spell_out_abbreviations(asked, self._uses)))
        particles = _particles_after(tokenize(text))
        focus = _WHAT_NOUN.match(normalise(asked))
        focus_noun = fold_variant(focus.group(1)) if focus else ""
        for position, word in enumerate(preamble_words + asked_words):
            # A name has no synonyms ("Bill" is not "note").
            found, corrected = self._lookup(word, synonyms=word not in names)
            if kind is QuestionType.WHO and word in _IN_CHARGE and corrected:
                found, corrected = "", False  # "who runs X" asks for a post, not "escaped"
            if (not found or word in LIGHT_WORDS) and word in particles:
                # "looking for an agreement" -> "seeking"; "wrapped up" -> "finish"
                phrasal = self._phrasal_lookup(word, particles[word])
                if phrasal:
                    found, corrected = phrasal, True
            key = found or word
            if key in seen:
                continue
            seen.add(key)
            if found:
                weight = self.index.idf(found) * (CORRECTED_WEIGHT if corrected else 1.0)
            elif word in names:
                weight = self._rare_idf * UNKNOWN_WEIGHT
            else:
                weight = self._rare_idf * UNKNOWN_COMMON_WEIGHT
            if (
                word in LIGHT_WORDS
                or position < len(preamble_words)
                or (kind is QuestionType.WHO and word in _IN_CHARGE)
                or (asks_money and word in _MONEY_WORDS)
            ):
                weight *= LIGHT_WEIGHT  # a light verb, or chat before the question
            if focus_noun and word == focus_noun:
                weight *= FOCUS_WEIGHT  # "What warning did Trump give?": the warning decides
            terms.append(QueryTerm(word, found, weight, corrected, word in names, "", weight))
        folded = normalise(text)
        return Query(
            text,
            kind,
            tuple(_group_names(text, terms)),
            asks_count=bool(_ASKS_A_COUNT.search(folded)),
            asks_money=bool(_ASKS_MONEY.search(folded)),
            asks_date=bool(_ASKS_DATE.search(folded)),
            asks_clock=bool(_ASKS_CLOCK.search(folded)),
            asks_name=bool(_ASKS_NAME.search(folded)),
            asks_place=bool(_ASKS_PLACE.search(folded)),
            asks_leader=kind is QuestionType.WHO
            and any(t.word in _IN_CHARGE and not t.term for t in terms),
        )

    def _phrasal_lookup(self, verb: str, particle: str) -> str:
        """The index term of a WordNet synonym of a phrasal verb the story uses ("")."""
        for other in wordnet_phrasal_synonyms(verb, particle):
            if (other_term := term(other)) in self._document_frequency:
                return other_term
        return ""

    def _uses(self, word: str) -> bool:
        """Whether the corpus uses ``word`` (a folded token) itself."""
        return term(word) in self._document_frequency

    def _lookup(self, word: str, *, synonyms: bool = True) -> tuple[str, bool]:
        """The index term for a question word: itself, a negated or un-negated form the story
        uses ("trust" -> "mistrust"), a WordNet synonym it uses ("detained" -> "detention"),
        or a typo correction; ("", False) when none. The flag says it is not the word itself."""
        found = term(word)
        if found in self._document_frequency:
            return found, False
        stand_in = STAND_INS.get(word)  # "Moscow" for Russia, "the Kremlin" for its government
        if stand_in and (other := term(stand_in)) in self._document_frequency:
            return other, True
        verb, _, particle = word.partition("_")
        if particle:  # a phrasal verb the story does not use: its verb ("taking" of "take over")
            found = self._lookup(verb)[0]
            return found, bool(found)
        for prefix in _NEGATION_PREFIXES:
            relative = word[len(prefix) :] if word.startswith(prefix) else prefix + word
            if len(relative) > 3 and (other := term(relative)) in self._document_frequency:
                return other, True
        # A word English hardly uses is more likely a typo of a story word ("pries" for
        # "prices") than a synonym of one ("pries" -> "prize").
        likely_typo = english_zipf(word) < TYPO_ZIPF
        if likely_typo and (fixed_term := self._corrected(word)):
            return fixed_term, True
        if synonyms:
            for other in wordnet_synonyms(word):
                if (other_term := term(other)) in self._document_frequency:
                    return other_term, True
        if is_common_english(word):
            return "", False
        if not likely_typo and (fixed_term := self._corrected(word)):
            return fixed_term, True
        # A typo the story's words are too far from may be close to a stem: "frustated" ->
        # "frustat" ~ "frustrat" (the stem of "frustration").
        fixed_stem = self._stem_speller.correct(found)
        if fixed_stem is not None and fixed_stem in self._document_frequency:
            return fixed_stem, True
        # A misspelt paraphrase: "comlicated" -> "complicated" -> "complex".
        english = english_speller().correct(word) if synonyms else None
        if english is not None and english != word:
            for other in (english, *wordnet_synonyms(english)):
                if (other_term := term(other)) in self._document_frequency:
                    return other_term, True
        return "", False

    def _corrected(self, word: str) -> str:
        """The index term of the story word ``word`` is a typo of ("" when none)."""
        fixed = self._speller.correct(word)
        if fixed is None or fixed == word:
            return ""
        fixed_term = term(fixed)
        return fixed_term if fixed_term in self._document_frequency else ""

    def answer(self, question: str) -> Answer:
        """Answer one question (raises :class:`QuestionError` for an empty or overlong one)."""
        query = self.analyse(question)
        candidates = self._rank(query) if query.terms else []
        about = _ABOUT_THE_ARTICLE.search(normalise(query.text))
        if about:  # "Who wrote this article?": its metadata, not its text
            return self._article_metadata(query, candidates, about.lastgroup or "")
        if not query.terms:
            return self._decline(query, [], "the question has no words to look up")
        if not candidates:
            return self._decline(query, [], "no passage shares a key word with the question")
        answer = self._answer(query, candidates)
        if not answer.answered and query.kind is QuestionType.STATEMENT:
            # "What did the Baltavian prime minister say?": ask it of the person the story
            # gives that title ("Baltavian Prime Minister Tomas Reinholt").
            holder = self._role_holder(query, candidates)
            if holder:
                speaker = _asked_speaker(query.text)
                named = self.analyse(query.text.replace(speaker, holder, 1))
                candidates = self._rank(named)
                if candidates:
                    second = self._answer(named, candidates)
                    if second.answered:
                        return dataclasses.replace(second, question=query.text)
        return answer

    def _article_metadata(self, query: Query, candidates: list[_Candidate], asked: str) -> Answer:
        """Answer "who wrote it / when was it published" from the article's metadata (the
        best candidate's article); declined when the article does not give it."""
        what = {"author": "who wrote it", "date": "when it was published"}[asked]
        if candidates:
            article = self.corpus.article(self.paragraphs[candidates[0].paragraph].article)
        elif len(self.corpus.articles) == 1:
            article = self.corpus.articles[0]
        else:
            return self._decline(query, [], f"name the article to ask {what}")
        value = getattr(article, asked, None) if article else None
        if article is None or not value:
            return self._decline(query, candidates, f"the article does not say {what}")
        lead = self.paragraphs[
            int(np.flatnonzero(self._article_of == self._article_numbers[article.slug])[0])
        ]
        return Answer(
            question=query.text,
            answered=True,
            sentence=f"“{article.title}” was "
            + (f"written by {value}." if asked == "author" else f"published on {value}."),
            citation=self._citation(lead),
            passages=self._passages(candidates),
            quotes=(),
            reason=f"the article's {asked}, from its metadata",
        )

    def _role_holder(self, query: Query, candidates: list[_Candidate]) -> str:
        """The one person the candidates' articles give the title a "what did the Polish
        minister say" question names ("" when none or several)."""
        speaker = _asked_speaker(query.text)
        if not speaker or all(w[:1].isupper() for w in speaker.split() if w not in STOPWORDS):
            return ""
        articles = sorted({int(self._article_of[c.paragraph]) for c in candidates})
        positions = np.flatnonzero(np.isin(self._article_of, articles)).tolist()
        names = {
            name for i in positions for name in _holder_names(speaker, self.paragraphs[i].text)
        }
        return names.pop() if len(names) == 1 else ""

    def _answer(self, query: Query, candidates: list[_Candidate]) -> Answer:
        """Choose among ranked candidates, or decline (see :meth:`answer`)."""
        candidates = self._prefer_covering(query, candidates)
        candidates = self._prefer_fitting(query, candidates)
        candidates = self._prefer_acting(query, candidates)
        best = candidates[0]
        coverage, matched = self._coverage(query, best.paragraph)
        light = LIGHT_WORDS | (_IN_CHARGE if query.kind is QuestionType.WHO else frozenset())
        unknown = [t.word for t in query.terms if not t.term and t.word not in light]
        # A multi-word name counts once: "Will Louise Garnett go to prison?" has one known thing.
        things = {t.group or t.word for t in query.terms if t.word in matched}
        if len(things) == 1 and unknown:
            return self._decline(
                query,
                candidates,
                f"only one key word of the question is in the story ({matched[0]}; "
                f"not in it: {', '.join(unknown[:5])})",
            )
        # "What sanctions has Trump imposed on Russia?": the story knows the names, but none of
        # the words saying what is asked about them (a yes/no question may paraphrase freely).
        topic = [t for t in query.terms if not t.name and t.word not in light]
        if topic and query.kind is not QuestionType.YES_NO and not any(t.term for t in topic):
            return self._decline(
                query,
                candidates,
                f"it names who you ask about, but not {', '.join(t.word for t in topic[:3])}",
            )
        elsewhere = self._names_elsewhere(query, best.paragraph)
        if elsewhere:
            return self._decline(query, candidates, f"{elsewhere} appears only in another article")
        owner = self._absent_owner(query, best.paragraph)
        if owner:
            return self._decline(query, candidates, f"the closest passage is not about {owner}")
        stranger = next((t.word for t in query.terms if _unknown_name(t)), "")
        if stranger:
            return self._decline(query, candidates, f"it does not mention {stranger}")
        focus = _focus_words(query.text)
        unknown_words = {t.word for t in query.terms if not t.term}
        if focus and all(word in unknown_words for word in focus):
            return self._decline(query, candidates, f"it does not mention {' '.join(focus)}")
        if coverage < MIN_COVERAGE:
            present = self._present_terms(best.paragraph)
            missing = [t.word for t in query.terms if t.term not in present]
            return self._decline(
                query,
                candidates,
                f"the closest passage covers {coverage:.0%} of the question's key words "
                f"(missing: {', '.join(missing[:5])})",
            )
        paragraph = self.paragraphs[best.paragraph]
        chosen = self.sentences(best.paragraph)[best.sentence]
        follow_up = self._follow_up(best.paragraph, best.sentence)
        if follow_up is None and query.kind is QuestionType.STATEMENT:
            follow_up = self._quote_after(best.paragraph, best.sentence)
        missing_kind = self._unmet_requirement(query, chosen, paragraph)
        if missing_kind:
            follow_up = self._continuation(best.paragraph, best.sentence)
            if not follow_up or self._unmet_requirement(query, follow_up, paragraph):
                return self._decline(query, candidates, missing_kind)
        sentence = paragraph.text[chosen.start : follow_up.end] if follow_up else chosen.text
        passages = self._passages(candidates)
        return Answer(
            question=query.text,
            answered=True,
            sentence=sentence,
            citation=passages[0].citation,
            passages=passages,
            quotes=self._related_quotes(query, paragraph),
            reason=(
                f"matched {', '.join(matched)} in paragraph {paragraph.number} "
                f"(coverage {coverage:.0%})"
            ),
        )

    # ----------------------------------------------------------------------------------------

    def _rank(self, query: Query) -> list[_Candidate]:
        hits = self.index.top_k(query.index_terms, CANDIDATES)
        if not hits:
            return []
        feature = _TYPE_FEATURE.get(query.kind)
        weights = {t.term: t.rank_weight or t.weight for t in query.terms if t.term}
        if query.kind is QuestionType.STATEMENT:
            # "What did Osei say about nurses?": her name found the paragraph; the sentence is
            # chosen by the topic (that she is the one saying it is checked separately).
            speaker = self._speaker_terms(query)
            weights = {k: w * (SPEAKER_WEIGHT if k in speaker else 1.0) for k, w in weights.items()}
        scored: list[tuple[int, float, list[float]]] = []
        best_sentence = 0.0
        headline = {position: self._headline_score(weights, position) for position, _ in hits}
        hits = [(position, bm25 + headline[position]) for position, bm25 in hits]
        hits.sort(key=lambda hit: -hit[1])
        for position, bm25 in hits:
            scores = []
            for sentence in self.sentences(position):
                value = self._sentence_bm25(weights, sentence)
                scores.append(value)
                best_sentence = max(best_sentence, value)
            scored.append((position, bm25, scores))
        top_bm25 = hits[0][1]
        candidates = []
        for position, bm25, scores in scored:
            totals = []
            paragraph = self.paragraphs[position]
            if paragraph.number == 1 and scores and self._headline_asked(query, paragraph):
                # "What did Trump call Russia's pause?" asks what the headline says: the lead's
                # first sentence, which it sums up, says it.
                scores = [best_sentence, *scores[1:]]
            for sentence, value in zip(self.sentences(position), scores, strict=True):
                total = value / best_sentence if best_sentence > 0 else 0.0
                if (
                    value > 0
                    and self._fits(query, feature, sentence)
                    and not self._unmet_requirement(query, sentence, paragraph)
                ):
                    total += TYPE_BONUS
                totals.append(total)
            chosen = max(range(len(totals)), key=lambda i: (totals[i], -i))
            combined = PARAGRAPH_WEIGHT * bm25 / top_bm25 + (1 - PARAGRAPH_WEIGHT) * totals[chosen]
            candidates.append(_Candidate(position, bm25, chosen, combined))
        candidates.sort(key=lambda c: (-c.score, c.paragraph))
        return candidates

    def _stance_holder(self, query: Query) -> set[str]:
        """Index terms of X in "Does X agree/accept/believe ...?" (empty if not such a question)."""
        found = _STANCE.search(normalise(query.text)) if query.kind is QuestionType.YES_NO else None
        if not found or found.group(1) in ("he", "she", "they", "it", "you", "i", "we"):
            return set()
        return self._terms_in(found.group(1))

    def _headline_asked(self, query: Query, paragraph: Paragraph) -> bool:
        """Whether the article's headline has every key word of the question (two or more)."""
        title = self._title_terms.get(paragraph.article, frozenset())
        key_words = [t for t in query.terms if t.word not in LIGHT_WORDS]
        return len(key_words) > 1 and all(t.term in title for t in key_words)

    def _headline_score(self, weights: dict[str, float], position: int) -> float:
        """What the article's headline adds to its lead paragraph, which it sums up: the weight
        of each question word it has, twice that for a word the lead lacks ("What did Trump
        call Russia's pause?" of a story headed "Trump Calls Russia's Pause a 'Big
        Concession'"); 0 for other paragraphs."""
        paragraph = self.paragraphs[position]
        if paragraph.number != 1:
            return 0.0
        title = self._title_terms.get(paragraph.article, frozenset())
        own = self._terms_of(position)
        return sum(
            weight * (HEADLINE_SHARE if key not in own else 1.0)
            for key, weight in weights.items()
            if key in title
        )

    def _unreported_speaker(self, query: Query, sentence: Sentence, paragraph: Paragraph) -> str:
        """Why ``sentence`` does not report the speaker a "what did X say" question asks about
        ("" when it does, or when the question names nobody).

        A name must be the one speaking (or quoted in the paragraph): "the prime minister" is
        not "Housing Minister Rachel Osei", and a name the story never uses is not there at all.
        A role ("the union leader", "the company's boss") may be worded differently or stand
        before the name ("Mayor Elena Varga said"): someone must speak in the sentence and one
        of the role's words (if the story has it) must be in the paragraph.
        """
        speaker = _asked_speaker(query.text)
        names: list[str] = []  # index terms ("" when unknown) of the capitalised words
        roles: list[str] = []  # and of the others ("union", "leader")
        for word in speaker.split():
            for token in tokenize(word):
                if token not in STOPWORDS:
                    found = self._lookup(fold_variant(token))[0]
                    (names if word[:1].isupper() else roles).append(found)
        if not names and not roles:
            return ""
        if not names and _REACTION.search(query.text):
            return ""  # "How did the markets react?": not only by speaking
        if names and not all(names):  # "What did Macron say": a name the story never uses
            return f"the story does not mention {speaker}"
        quoted = {
            term(fold_variant(t))
            for quote in self.quotes.in_paragraph(paragraph.article, paragraph.number)
            for t in tokenize(quote.speaker)
        }
        subjects = sentence.subjects | quoted
        if names:
            key = max(names, key=lambda w: (self.index.idf(w), w))
            if key in subjects:
                return ""
            if PRONOUN_SUBJECT in subjects:
                referents = self._referents(paragraph, sentence) | quoted
                if not referents or key in referents:  # "he said" of the one named before
                    return ""
        if subjects and roles:
            known_roles = {r for r in roles if r}
            present = set(terms_of_tokens(tokenize(paragraph.text)))
            role_present = not known_roles or bool(known_roles & present)
            holders = _holders(speaker, paragraph.text)  # "Prime Minister Jonas Gahr Støre"
            if holders and not holders & subjects:
                return f"the story does not report {speaker} saying that"
            if role_present and all(n in present or n in subjects for n in names):
                return ""
        return f"the story does not report {speaker} saying that"

    def _paragraph_terms(self, paragraph: Paragraph) -> set[str]:
        """The index terms of ``paragraph``."""
        if self._positions is None:
            self._positions = {p.id: i for i, p in enumerate(self.paragraphs)}
        return self._terms_of(self._positions[paragraph.id])

    def _referents(self, paragraph: Paragraph, sentence: Sentence) -> frozenset[str]:
        """Who "he/she/they" in ``sentence`` may be: the named speakers of the nearest sentence
        before it (in its paragraph, else the paragraph before) that names some."""
        if self._positions is None:
            self._positions = {p.id: i for i, p in enumerate(self.paragraphs)}
        position = self._positions[paragraph.id]
        earlier = [s for s in self.sentences(position) if s.start < sentence.start]
        if paragraph.number > 1 and position > 0:
            earlier = list(self.sentences(position - 1)) + earlier
        for before in reversed(earlier):
            named = before.subjects - {PRONOUN_SUBJECT}
            if named:
                return named
        return frozenset()

    def _absent_owner(self, query: Query, position: int) -> str:
        """A name the question makes an owner ("What is Putin's deadline?") that paragraph
        ``position`` does not mention; "" when there is none. A deadline of someone else is
        not the one asked about."""
        present = self._present_terms(position)
        for match in _POSSESSIVE_NAME.finditer(query.text):
            owner = self._lookup(fold_variant(normalise(match.group(1))), synonyms=False)[0]
            if owner and owner not in present:
                return match.group(1)
        return ""

    def _names_elsewhere(self, query: Query, position: int) -> str:
        """A name the question uses that the corpus has, but not in the article of paragraph
        ``position`` ("the Harrowby floods" answered from a story about Kyiv); "" if none."""
        article = self._article_of[position]
        for t in query.terms:
            if t.name and t.term:
                documents = self.index.documents_with(t.term)
                if len(documents) and not (self._article_of[documents] == article).any():
                    return t.word
        return ""

    def _prefer_covering(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """Move a close runner-up that covers the question to the front when the best-scored
        candidate does not ("What did Trump warn ...?" should not land on another person's
        warning because "warn" is rare)."""
        if self._coverage(query, candidates[0].paragraph)[0] >= MIN_COVERAGE:
            return candidates
        for i, candidate in enumerate(candidates[1:MAX_PASSAGES], 1):
            if candidate.score < RUNNER_UP_SHARE * candidates[0].score:
                break
            if self._coverage(query, candidate.paragraph)[0] >= MIN_COVERAGE:
                return [candidate, *candidates[:i], *candidates[i + 1 :]]
        return candidates

    def _follow_up(self, position: int, index: int) -> Sentence | None:
        """The sentence after the chosen one when that one is a short lead-in to it ("Not
        everyone is convinced." before the reasons); None otherwise."""
        sentences = self.sentences(position)
        if index + 1 < len(sentences) and len(sentences[index].text.split()) <= LEAD_IN_WORDS:
            return sentences[index + 1]
        return None

    def _quote_after(self, position: int, index: int) -> Sentence | None:
        """The next sentence when it quotes what the chosen one reports without quoting
        ("Olena Marchuk welcomed the decision. “It is a signal ...,” she said."); else None."""
        sentences = self.sentences(position)
        if index + 1 < len(sentences) and not _QUOTE_MARK.search(sentences[index].text):
            following = sentences[index + 1]
            if _QUOTE_MARK.search(following.text):
                return following
        return None

    def _continuation(self, position: int, index: int) -> Sentence | None:
        """The sentence after the chosen one when it goes on about the same thing ("Campaign
        group Save Harrowfield Libraries said ... Its chair, Priya Nandakumar, said ..."), or
        the chosen one is a short lead-in to it; None otherwise."""
        sentences = self.sentences(position)
        if index + 1 < len(sentences) and _REFERS_BACK.match(sentences[index + 1].text):
            return sentences[index + 1]
        return self._follow_up(position, index)

    def _prefer_fitting(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """Move a close runner-up whose sentence has what the question type needs to the front
        when the best candidate's does not ("How much was Brightwave fined?" should not land on
        "Brightwave, which has about 9 million customers, will not appeal the fine")."""
        if not self._unmet(query, candidates[0]):
            return candidates
        for i, candidate in enumerate(candidates[1:MAX_PASSAGES], 1):
            # Who says it decides a "what did X say" question whatever the scores.
            if (
                candidate.score < FITTING_SHARE * candidates[0].score
                and query.kind is not QuestionType.STATEMENT
            ):
                break
            if (
                not self._unmet(query, candidate)
                and self._coverage(query, candidate.paragraph)[0] >= MIN_COVERAGE
            ):
                return [candidate, *candidates[:i], *candidates[i + 1 :]]
        return candidates

    def _prefer_acting(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """For "Does Ukraine agree ...?", move the first candidate whose sentence has Ukraine
        acting (not "its advance into Ukraine") to the front, if it covers the question."""
        holder = self._stance_holder(query)
        if not holder or self._acting(candidates[0], holder):
            return candidates
        for i, candidate in enumerate(candidates[1:MAX_PASSAGES], 1):
            if (
                self._acting(candidate, holder)
                and self._coverage(query, candidate.paragraph)[0] >= MIN_COVERAGE
            ):
                return [candidate, *candidates[:i], *candidates[i + 1 :]]
        return candidates

    def _acting(self, candidate: _Candidate, holder: set[str]) -> bool:
        return _acts_in(self.sentences(candidate.paragraph)[candidate.sentence].text, holder)

    def _unmet(self, query: Query, candidate: _Candidate) -> str:
        """:meth:`_unmet_requirement` of a candidate's chosen sentence."""
        paragraph = self.paragraphs[candidate.paragraph]
        sentence = self.sentences(candidate.paragraph)[candidate.sentence]
        return self._unmet_requirement(query, sentence, paragraph)

    def _speaker_terms(self, query: Query) -> set[str]:
        """Index terms of the speaker a "what did X say" question names."""
        speaker = _asked_speaker(query.text)
        found = (self._lookup(fold_variant(t))[0] for t in tokenize(speaker) if t not in STOPWORDS)
        return {f for f in found if f}

    def _unmet_requirement(self, query: Query, sentence: Sentence, paragraph: Paragraph) -> str:
        """Why the chosen sentence cannot answer the question's type ("" when it can).

        A "when" question needs a date or time in the sentence, a "how many/much" one a number
        (a measure for "how old/tall/far/big"), and "what did X say" needs X to be the one who
        says something in the sentence or is quoted in its paragraph.
        """
        if query.kind is QuestionType.WHEN and not _WHEN_ANSWER.search(sentence.text):
            return "the closest passage gives no date or time for that"
        if query.kind is QuestionType.HOW_MANY:
            measure = _HOW_MEASURE.search(normalise(query.text))
            unit = _MEASURE_UNITS.get(measure.group(1)) if measure else None
            if "number" not in sentence.features or (unit and not unit.search(sentence.text)):
                return "the closest passage gives no such number"
            counted = _counted_noun(query.text)
            head = term(_counted_head(query.text)) if query.asks_count else ""
            if head and head not in sentence.terms and head in self._paragraph_terms(paragraph):
                # "How many soldiers died?" of "killed 12 people. ... 5000 soldiers a week"
                return f"the closest passage gives no number of {head}"
            noun = _counted_head(query.text)
            if (
                noun
                and english_zipf(noun) >= TYPO_ZIPF  # a word, not a typo the speller missed
                and any(t.word == noun and not t.term for t in query.terms)
            ):
                return f"the story gives no number of {noun}"
            if counted and not _counts(sentence.text, counted):
                return f"the closest passage gives no number of {counted}"
            if query.asks_count and not _gives_a_count(sentence.text):
                return "the closest passage gives no such number"
            if _ASKS_TOTAL.search(normalise(query.text)) and _only_rates(sentence.text):
                return "the closest passage gives only a rate, not a total"
        if query.asks_money and not _MONEY.search(sentence.text):
            return "the closest passage gives no amount of money for that"
        if query.asks_date and not _CALENDAR_DATE.search(sentence.text):
            return "the closest passage gives no date for that"
        if query.asks_clock and not _CLOCK_TIME.search(sentence.text):
            return "the closest passage gives no time of day for that"
        if query.asks_name and not _named_near(sentence.text, _name_asked_of(query.text)):
            return "the closest passage gives no name for that"
        if query.asks_name and "name" not in sentence.features:
            return "the closest passage gives no name for that"
        if (query.kind is QuestionType.WHO or query.asks_name) and not self._holds_title(
            query, sentence.text, paragraph
        ):
            return "the closest passage does not say who holds that post"
        kind_of = _KIND_OF.search(normalise(query.text))
        if kind_of and not _names_a_kind(sentence.text, kind_of.group(1), query):
            return f"the closest passage does not say what kind of {kind_of.group(1)}"
        if query.asks_place and not self._new_place(query, sentence.text, paragraph):
            return "the closest passage names no such place"
        if query.asks_leader and not _LEADER.search(sentence.text):
            return "the closest passage names nobody in charge"
        if query.kind is QuestionType.WHERE and not _place_near(
            sentence.text, query, self._people_in(paragraph.article)
        ):
            return "the closest passage names no place for that"
        if query.kind is QuestionType.STATEMENT or (
            query.kind is QuestionType.YES_NO and _REACTION.search(query.text)
        ):  # "What did X say", "Did X reply to ...?": X must be the one speaking
            return self._unreported_speaker(query, sentence, paragraph)
        return ""

    def _holds_title(self, query: Query, sentence: str, paragraph: Paragraph) -> bool:
        """Whether ``sentence`` (of ``paragraph``) names the holder of the title a "who
        is the president of X" question asks about: X (or its adjective, "Norwegian") stands
        just before the title or follows it as "of X". A title nothing qualifies ("Mayor Elena
        Varga said ...") belongs to the place the sentence names, or when it names none to its
        article's headline. True when the question asks no such thing."""
        asked = _title_asked(query.text)
        if asked is None:
            return True
        title, owner = asked
        owner_terms = self._terms_in(owner)
        written = _TITLE_WRITTEN.get(title, title)
        for found in re.finditer(rf"\b(?:{written})\b", sentence, re.IGNORECASE):
            before = sentence[max(0, found.start() - TITLE_OWNER_CHARS) : found.start()]
            after = re.match(r"\s+of\s+(?:the\s+)?([\w'’ -]{1,40})", sentence[found.end() :])
            near = before + " " + (after.group(1) if after else "")
            if owner_terms <= self._terms_in(near):
                return True
            if re.search(r"\b(?:its|their)\s+$", before, re.IGNORECASE):
                if owner_terms <= self._terms_in(paragraph.text):  # "Castlebridge ... Its mayor"
                    return True
                continue
            if after or re.search(r"[A-Z][\w'’.-]*\s+$", before):
                continue  # "US President", "president of France": someone else's
            if owner_terms <= self._terms_in(sentence):
                return True
            holder = _HOLDER.match(sentence, found.end())
            rest = sentence[: found.start()] + sentence[holder.end() if holder else found.end() :]
            others = [
                m.group(0) for m in _NAME.finditer(rest) if not _CALENDAR_WORD.fullmatch(m.group(0))
            ]
            headline = self._title_terms.get(paragraph.article, frozenset())
            if not others and owner_terms <= headline:
                return True
        return False

    def _new_place(self, query: Query, sentence: str, paragraph: Paragraph) -> bool:
        """Whether ``sentence`` names a place the question does not ("Which city was hit?" ->
        "strikes on Kyiv"; not "Which districts of Kyiv ...?")."""
        asked = {t.term for t in query.terms if t.term}
        people = self._people_in(paragraph.article)
        names = [m.group(1) or m.group(0) for m in _NAMED_AREA.finditer(sentence)]
        names += [  # "strikes on Kyiv"
            m.group(1)
            for m in _PLACE_NAME.finditer(sentence)
            if m.group(1)
            and m.group(1).casefold() not in _NOT_PLACES
            and normalise(m.group(1)) not in people
        ]
        return any(
            self._lookup(fold_variant(normalise(_POSSESSIVE_END.sub("", name))), synonyms=False)[0]
            not in asked
            for name in names
        )

    def _terms_in(self, text: str) -> set[str]:
        """Index terms of the content words of ``text`` (a word the story lacks as its term)."""
        return {
            self._lookup(word, synonyms=False)[0] or term(word)
            for word in content_tokens(tokenize(spell_out_abbreviations(text, self._uses)))
        }

    @staticmethod
    def _fits(query: Query, feature: str | None, sentence: Sentence) -> bool:
        """Whether a sentence has what the question type asks for."""
        if feature is None or feature not in sentence.features:
            return False
        if query.kind is QuestionType.STATEMENT:  # "what did X say": X must be the one saying
            return any(t.term in sentence.subjects for t in query.terms if t.term)
        return True

    def _sentence_bm25(self, weights: dict[str, float], sentence: Sentence) -> float:
        score = 0.0
        norm = K1 * (1 - B + B * sentence.length / self._average_sentence_length)
        for key, weight in weights.items():
            frequency = sentence.terms.get(key, 0)
            if frequency:
                score += weight * frequency * (K1 + 1) / (frequency + norm)
        return score

    def _present_terms(self, position: int) -> set[str]:
        """The terms a paragraph offers an answer: its own and its article's headline."""
        title = self._title_terms.get(self.paragraphs[position].article, frozenset())
        return self._terms_of(position) | title

    def _coverage(self, query: Query, position: int) -> tuple[float, list[str]]:
        """Share of the question's weight found in a paragraph (headline-only words count
        :data:`TITLE_CREDIT`), and the words found."""
        own = self._terms_of(position)
        title = self._title_terms.get(self.paragraphs[position].article, frozenset())
        total = sum(t.weight for t in query.terms)
        found = 0.0
        matched = []
        for t in query.terms:
            if t.term and t.term in own:
                found += t.weight
            elif t.term and t.term in title:
                found += t.weight * TITLE_CREDIT
            else:
                continue
            matched.append(t.word)
        return (found / total if total > 0 else 0.0), matched

    def _citation(self, paragraph: Paragraph) -> Citation:
        article = self.corpus.article(paragraph.article)
        return Citation(
            article=paragraph.article,
            title=article.title if article else paragraph.article,
            paragraph=paragraph.number,
            url=article.url if article else None,
        )

    def _passages(self, candidates: list[_Candidate]) -> tuple[Passage, ...]:
        return tuple(
            Passage(
                self._citation(self.paragraphs[c.paragraph]),
                self.paragraphs[c.paragraph].text,
                round(c.bm25, 4),
            )
            for c in candidates[:MAX_PASSAGES]
        )

    def _related_quotes(self, query: Query, paragraph: Paragraph) -> tuple[Quote, ...]:
        found = list(self.quotes.in_paragraph(paragraph.article, paragraph.number))
        words = " ".join(t.word for t in query.terms)
        if len(found) < MAX_QUOTES and words:
            for quote in self.quotes.search(words=words, limit=MAX_QUOTES):
                if quote not in found:
                    found.append(quote)
        return tuple(found[:MAX_QUOTES])

    def _decline(self, query: Query, candidates: list[_Candidate], why: str) -> Answer:
        return Answer(
            question=query.text,
            answered=False,
            sentence=None,
            citation=None,
            passages=self._passages(candidates),
            quotes=(),
            reason=f"The story does not say: {why}.",
        )
