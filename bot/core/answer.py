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

What each question type needs from a sentence, and what a sentence offers, are plain text rules
in :mod:`bot.core.shapes`; this module applies them to ranked candidates.
"""

from __future__ import annotations

import array
import dataclasses
import functools
import logging
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

import numpy as np

from bot.core.corpus import Corpus, Paragraph
from bot.core.errors import QuestionError
from bot.core.index import BM25Index
from bot.core.questions import is_chatter, is_small_talk
from bot.core.quotes import Quote, QuoteBook
from bot.core.shapes import (
    A_MEDIUM,
    A_POPULATION,
    A_SHARE,
    A_TALLY,
    A_YEAR,
    ABOUT_THE_ARTICLE,
    ADVICE_WORDS,
    AGE_AFTER_NAME,
    ALTERNATIVES,
    ANSWER_KINDS,
    ASKED_STANCE,
    ASKS_A_COUNT,
    ASKS_A_GROUP_SIZE,
    ASKS_A_KIND,
    ASKS_A_MEDIUM,
    ASKS_A_SHARE,
    ASKS_A_TALLY,
    ASKS_ADVICE,
    ASKS_CLOCK,
    ASKS_DATE,
    ASKS_EARLIER,
    ASKS_FIRST_NAME,
    ASKS_FUTURE,
    ASKS_MONEY,
    ASKS_NAME,
    ASKS_OCCUPATION,
    ASKS_ORGANISATION,
    ASKS_PEOPLE,
    ASKS_PLACE,
    ASKS_POPULATION,
    ASKS_SPEED,
    ASKS_THE_END,
    ASKS_THE_GIST,
    ASKS_THE_START,
    ASKS_TOTAL,
    ASKS_WHAT_IT_IS_CALLED,
    ASKS_WHEN_IT_WAS_SAID,
    ASKS_WORDS,
    ASKS_YEAR,
    ATTRIBUTED_TO,
    BARE_COUNT,
    CALENDAR_DATE,
    CALENDAR_WORD,
    CHANNEL_ASKED,
    CLOCK_TIME,
    COMPARED_WITH,
    COMPARES,
    COMPARISON,
    COMPARISON_FRAMING,
    DEMONYM,
    FIRST_NAME_FRAMING,
    HOLDER_NAME,
    HOW_DEGREE,
    HOW_LONG_A_THING,
    HOW_MEASURE,
    HOW_MUCH_MEASURE,
    HOW_TO,
    IN_CHARGE,
    KIND_OF,
    LAST_YEAR_ASKED,
    LEADER_POST,
    LEADER_TITLES,
    LOWER_WORD,
    MEASURE_NOUNS,
    MEASURE_UNITS,
    MONEY_AMOUNT,
    MONEY_WORDS,
    NAME_RUN,
    NAMED_AREA,
    NAMING,
    NEEDS_A_SPEED,
    NO_DATE_SET,
    NOT_PLACES,
    NUMBER_PER_PERIOD,
    NUMBERED_NAME,
    OCCUPATION_FRAMING,
    OTHER_AGE,
    PER_PERIOD,
    PLACE_NAME,
    PLACE_REACH,
    POSSESSIVE_END,
    POST_WORDS,
    PRONOUN_SUBJECT,
    QUOTE_MARK,
    REACTION_WORDS,
    REFERS_BACK,
    RELATIVE_TIME,
    SAYS_A_PAST_YEAR,
    SAYS_FUTURE,
    SPEED,
    SPEED_OR_TIME_TAKEN,
    STANCE_QUESTION,
    STANCE_VERBS,
    THAN_BEFORE,
    THE_PARTIES,
    TIME_TO_COME,
    TITLE_OWNER_CHARS,
    TITLE_WORDS,
    TITLE_WRITTEN,
    TITLED_NAME,
    TYPE_FEATURE,
    UNIT_WORDS,
    VIEW_QUESTION,
    WEEKDAY,
    WHAT_NOUN,
    WHEN_ANSWER,
    WORD_PATTERN,
    YEAR_ASKED,
    about_topic,
    acts_in,
    age_of_the_unnamed,
    asked_speaker,
    asked_verb,
    counted_head,
    counted_noun,
    counted_part,
    counts_noun,
    first_names_by_surname,
    first_word,
    focus_words,
    gives_a_count,
    holder_names,
    holder_terms,
    left_unnamed,
    name_asked_after_an_age,
    name_asked_of,
    named_near,
    names_people,
    names_someone,
    only_another_post,
    only_rates,
    particles_after,
    place_positions,
    plain_words,
    quoted_speakers,
    quoted_words,
    role_mentions,
    sentence_features,
    sex_of_name,
    statement_subjects,
    surname_stands_alone,
    tells_occupation,
    title_asked,
    titles_before_name,
    who_doing_head,
    who_head,
)
from bot.core.synonyms import is_adjective, is_only_a_verb, news_phrasal_synonyms, other_forms
from bot.core.synonyms import kinds as wordnet_kinds
from bot.core.synonyms import phrasal_synonyms as wordnet_phrasal_synonyms
from bot.core.synonyms import related as wordnet_related
from bot.core.synonyms import synonyms as wordnet_synonyms
from bot.core.text import (
    ABBREVIATIONS,
    ABBREVIATIONS_SPELT_OUT,
    BEFORE_OR_AFTER,
    COUNTRY_WORDS,
    ENDED_UP,
    FROM_ABROAD,
    KIN_BROADER,
    KIN_WORDS,
    LIGHT_UNLESS_ALONE,
    LIGHT_WORDS,
    NEWS_PEOPLE,
    NUMBER_WORDS,
    QUESTION_FILLERS,
    REGION_MEMBERS,
    SOMEONE,
    STAND_INS,
    STANDS_FOR,
    STOPWORDS,
    VARIANTS,
    WORDS_SPELT_OUT,
    LazyPattern,
    QuestionType,
    Speller,
    comparatives,
    compound_nouns,
    content_tokens,
    decode_token,
    english_speller,
    english_zipf,
    fix_question_word,
    fold_variant,
    index_terms,
    is_common_english,
    keyword_date,
    meant_function_word,
    normalise,
    own_sense_plurals,
    phrasal_heads,
    question_type,
    sentence_count,
    sentence_spans,
    spell_out_abbreviations,
    split_preamble,
    stem,
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
#: ... and what a request for advice ("Can you recommend a hotel in Warsaw?", "how do i apply to
#: be a tram driver") must cover: the story has to speak of that very thing.
ADVICE_COVERAGE = 0.8
#: A forecast tells of the weather ("what's the weather going to be like?" of "Forecasters
#: said"), and the weather of a forecast.
_ADVICE_KIN = {"weather": ("weather", "forecast"), "forecast": ("forecast", "weather")}
#: A word rarer than this in English that the corpus lacks may be two words it writes apart
#: ("payrise" 1.5, "cyberattack" 2.3, "heatwave" 2.9; not "hostages" 3.6, "streetcar" 3.0).
COMPOUND_ZIPF = 3.0
#: ... and rarer than this when the corpus writes its parts apart, not side by side ("drugmaker"
#: of "the drug's maker"; not "helpline" of "help ... line").
GLUED_ZIPF = 2.0
#: ... each of them a word at least this common ("pay", "rise"; not "aire" of "millionaire").
COMPOUND_PART_ZIPF = 3.0
#: Glued words long enough to be two.
_GLUED_WORD = re.compile(r"\b[A-Za-z]{7,}\b")
#: A word long enough to be a mistyped function word ("wich", "becuase").
_LONG_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
#: The shortest part a glued word is split into ("pay rise", "tap water").
MIN_COMPOUND_PART = 3
#: Weight of a word the story does not have, relative to the rarest word it has.
UNKNOWN_WEIGHT = 1.1
#: Weight of an unknown lower-case word (often a paraphrase: "individuals", "publish"), relative
#: to the rarest word the story has; an unknown capitalised word (a name: "France", "Tesla")
#: weighs :data:`UNKNOWN_WEIGHT`.
UNKNOWN_COMMON_WEIGHT = 0.6
#: An unknown lower-case word English uses more often than this Zipf frequency is likelier a
#: paraphrase ("use", "show", "address") than the missing fact an off-topic question asks
#: about ("tariffs", "salary"): its weight falls by :data:`COMMON_WORD_STEP` a Zipf point
#: above it, to no less than :data:`COMMON_WORD_FLOOR` of an unknown word's.
COMMON_WORD_ZIPF = 4.5
COMMON_WORD_STEP = 0.4
COMMON_WORD_FLOOR = 0.3
#: A question word the story has counts less, the same way, when English uses it very often
#: ("new" in "the new rent rules" of a small corpus where few paragraphs say "new").
KNOWN_COMMON_ZIPF = 5.5
#: A word English uses this often ("new", "good", "people") says little of a topic: "What did
#: X say about the new panda?" is about the panda.
EVERYDAY_ZIPF = 6.0
KNOWN_COMMON_STEP = 0.3
KNOWN_COMMON_FLOOR = 0.5
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
#: A runner-up of the lead's article scoring at least this share of the lead's score ...
DETAIL_SHARE = 0.6
#: ... and covering at least this much more of the question answers instead of the lead
#: (which sums the story up): see ``_prefer_detail``.
DETAIL_MARGIN = 0.05
#: A question word an article's headline has but its lead paragraph lacks counts for the lead
#: (which the headline sums up) with this many times its weight (once if the lead has it).
HEADLINE_SHARE = 2.0
#: Share of a person's full-name weight a first name carries (news goes on by surname), for
#: coverage and for ranking.
FIRST_NAME_SHARE = 0.3
FIRST_NAME_RANK_SHARE = 0.25

#: Idioms whose words say nothing of the topic: "a lot" (no auction lot), "so far" (no
#: distance), "stopped short of"
#: (nothing brief), "strike a deal" / "no agreement is struck" (reaching one, no attack), "take
#: effect" / "kick in" / "come into force" (starting to apply: the date is asked, the story may
#: say "from June 2"). The words of a match that belong to its idiom (:data:`_IDIOM_WORDS`)
#: frame the question.
_DEAL = r"(?:deal|agreement|accord|bargain|compromise)"
_TAKE = ("take", "takes", "took", "taken", "taking")
_COME = ("come", "comes", "came", "coming", "go", "goes", "went", "going", "gone")
_KICK = ("kick", "kicks", "kicked", "kicking")
_TAKING_EFFECT = re.compile(rf"\b(?:{'|'.join(_TAKE)})\s+effect\b", re.IGNORECASE)
_STOPPED_SHORT = re.compile(
    r"\b(?:stop|stops|stopped|stopping|fall|falls|fell|fallen|falling)\s+short\s+of\b",
    re.IGNORECASE,
)
#: "so far" / "thus far" as until now: not "so far from the harbour" (a distance).
_SO_FAR = re.compile(
    r"\b(?:so|thus) far\b(?!\s+(?:from|away|up|off|down|out|ahead|behind|back|into|inland|"
    r"offshore|north|south|east|west)\b)",
    re.IGNORECASE,
)
_IDIOM_PARTS = {
    "effect": re.compile(
        rf"{_TAKING_EFFECT.pattern}|\b(?:{'|'.join(_COME)})\s+into\s+(?:effect|force)\b"
        # "when does the cap kick in", not "was he kicked in the head"
        rf"|\b(?:{'|'.join(_KICK)})\s+in\b(?!\s+(?:the|a|an|his|her|their|its|my|your)\b)",
        re.IGNORECASE,
    ),
    "lot": re.compile(r"\ba lot\b", re.IGNORECASE),
    # "how much has the fundraiser made so far": until now, no distance
    "far": _SO_FAR,
    # "Russia stopped short of taking Kyiv", "fell short of the target": not brief, not small
    "short": _STOPPED_SHORT,
    "lots": re.compile(r"\blots of\b", re.IGNORECASE),
    "strike": re.compile(
        rf"\b(?:strike|strikes|struck|striking)\s+(?:\w+\s+){{0,2}}?{_DEAL}\b"
        rf"|\b{_DEAL}\s+(?:\w+\s+){{0,3}}?(?:is|was|be|been|being|gets|got)\s+struck\b",
        re.IGNORECASE,
    ),
}
#: Each idiom word and the idiom of :data:`_IDIOM_PARTS` it belongs to.
_IDIOM_WORDS = {
    "lot": "lot",
    **dict.fromkeys(("thus", "far"), "far"),
    "lots": "lots",
    "short": "short",
    **dict.fromkeys(("strike", "strikes", "struck", "striking"), "strike"),
    **dict.fromkeys((*_TAKE, *_COME, *_KICK, "effect", "force"), "effect"),
}


#: "one" written out in a question is mostly a pronoun ("one of these thermostats"), not 1.
_ONE = re.compile(r"\bone\b", re.IGNORECASE)
_DIGIT_ONE = LazyPattern(r"\b1\b")
#: "When did X happen relative to Y?" asks it as "before or after Y?" does.
_WHEN_RELATIVE_TO = re.compile(r"\bwhen\b[^?.!]*?\b(?:relative|in relation) to\b", re.IGNORECASE)
#: The words of "relative to" / "in relation to" that frame such a question.
_RELATIVE_WORDS = frozenset({"relative", "relation"})
#: "Which detective is in charge of the case?" asks who is, as "Who is in charge ...?" does.
_WHICH_IN_CHARGE = re.compile(
    r"^\W*which\s+(?:[\w'’-]+\s+){1,2}?(?:is|was|are|were|will\s+be)\s+"
    r"(?:in\s+charge\s+of|leading|heading|running|managing)\s+(?:the|a|an|this|its|their)\b"
)
#: Questions whose answer, when the story reports it without quoting, goes on with the
#: quotation right after it (what, why, yes or no; not who, when, where, how many).
_QUOTE_BACKED = frozenset(
    (QuestionType.STATEMENT, QuestionType.WHY, QuestionType.YES_NO, QuestionType.OTHER)
)
#: "What term did Trump use for Russia's pause?": the story uses the term without saying so.
_WHAT_WORDING = re.compile(
    r"\b(?:what|which)\s+(?:one\s+)?(term|phrase|expression|word|image|metaphor|label|"
    r"description|idiom|analogy|comparison)\s+(?:did|does|do|was|is|has|had)\b",
    re.IGNORECASE,
)
#: "What effect has the war had on diplomacy?": the story tells the effect without the word.
_WHAT_EFFECT = re.compile(
    r"\b(?:what|which)\s+(?:kind of\s+|sort of\s+)?(effects?|impacts?|consequences?|toll)\b",
    re.IGNORECASE,
)


#: "the men's race" and "the women's race" (or boys' and girls', male and female) are two.
_OTHER_SEX = {
    "men": "women",
    "women": "men",
    "boys": "girls",
    "girls": "boys",
    "male": "female",
    "female": "male",
}
_SEX_WORD = re.compile(r"\b(men|women|boys|girls|male|female)(?:['’]?s)?\b", re.IGNORECASE)


#: "How many days ...?" counts time: it is asked as "how long" is.
_TIME_UNITS = words("seconds minutes hours days nights weeks months years decades centuries")
#: A yes/no question's amount ("Is the deadline two weeks?"): the passage must speak of the
#: unit (weeks) to say yes or no.
_AMOUNT_ASKED = re.compile(
    r"\b(\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand)\s+"
    rf"({'|'.join(sorted(_TIME_UNITS))}|percent|people|soldiers|dollars|euros|pounds)\b",
    re.IGNORECASE,
)


def _sex_asked(question: str) -> str:
    """The one sex ``question`` asks of ("men" of "Who won the men's race?"), else ""."""
    asked = {m.group(1).lower() for m in _SEX_WORD.finditer(question)}
    return next(iter(asked)) if len(asked) == 1 else ""


def _other_sex(asked: str, sentence: str) -> str:
    """The other sex's word when a question asks of ``asked`` ("men") and ``sentence`` speaks
    of only the other ("In the women's single sculls, ..."); "" otherwise."""
    if not asked:
        return ""
    said = {m.group(1).lower() for m in _SEX_WORD.finditer(sentence)}
    other = _OTHER_SEX[asked]
    return other if other in said and asked not in said else ""


def _framing_words(text: str) -> frozenset[str]:
    """Words of the question ``text`` (as its tokens) that frame it rather than name what it is
    about: "one" written out ("a deadline he came up with himself, or one Putin set?"), the
    words of an idiom ("a lot", "if no agreement is struck": no lot, no strike), "relative"
    in "When did X happen relative to Y?", "effect" in "What effect has X had?", "term" in
    "What term did X use for Y?" and "count" in "What was the vote count?"."""
    framing = {
        word
        for idiom, pattern in _IDIOM_PARTS.items()
        for found in pattern.finditer(text)
        for word in tokenize(found.group(0))
        if _IDIOM_WORDS.get(word) == idiom
    }
    if "far" in framing and tokenize(text).count("far") > len(_SO_FAR.findall(text)):
        framing -= {"far"}  # "how many seats has the far right won so far": one far counts
    if _ONE.search(text) and not _DIGIT_ONE.search(text):
        framing.add("1")  # tokens write numbers as digits
    if _WHEN_RELATIVE_TO.search(text):
        framing |= _RELATIVE_WORDS
    if found := _WHAT_EFFECT.search(text):
        framing.add(found.group(1).lower())
    if found := _WHAT_WORDING.search(text):
        framing.add(found.group(1).lower())
    if ASKS_A_TALLY.search(normalise(text)):  # "what was the vote count": the count is the answer
        framing |= _TALLY_FRAMING
    return frozenset(framing)


#: A name written as an owner inside a question ("Putin's deadline"; not at its start).
_POSSESSIVE_NAME = re.compile(r"(?<=\w )([A-Za-z][\w-]+)['’]s\s+\w")

#: Words for a sum of money, which a story gives as "£11.4 million" without naming it.
_SUMS = MONEY_WORDS | frozenset(("cash", "funds", "funding"))
#: Words that name no owner in "whats X's rating" ("the president's").
_NO_OWNER_NAMES = STOPWORDS | TITLE_WORDS
#: What cannot stand inside a person's name: "Serena," Williams said.
_NAME_BROKEN = LazyPattern(r"[,.;:!?()\n]")
#: Chatter to the channel ("anyone else think ...") the best passage covers less of than this
#: gets the small-talk reply; above it, the story tells of what it says.
CHATTER_COVERAGE = 0.75
#: Below this Zipf frequency a question word is taken for a typo before a synonym is looked up.
TYPO_ZIPF = 2.5
#: Credit for a question word found only in the article's headline, not in the paragraph.
TITLE_CREDIT = 0.5
#: Bonus for a sentence with the very words a question quotes (twice a sentence's best score).
QUOTED_BONUS = 2.0
#: Questions whose speaker analysis is kept (the cache is cleared when full).
SPEAKER_CACHE = 4096
#: Question words whose look-up (:meth:`StoryEngine._lookup`) is kept (cleared when full).
LOOKUP_CACHE = 65536
#: At most this many holders of a post a question names are tried ("the president" of a story
#: with two presidents is asked of each; the answer stands if exactly one has it).
MAX_HOLDERS = 3
#: How much more a reporting verb that says how something was said ("warn", "admit", "promise")
#: counts in "What did X warn ...?": the warning is asked for, not whatever else X said.
MANNER_WEIGHT = 1.5
MANNER_VERBS = words(
    "warn warned warns claim claimed claims announce announced announces clarify clarified "
    "admit admitted admits reveal revealed reveals promise promised promises threaten "
    "threatened threatens insist insisted insists deny denied denies urge urged urges predict "
    "predicted predicts accuse accused accuses vow vowed vows pledge pledged pledges "
    # "What did Trump mean by his post?": his explanation, not the post
    "mean meant means explain explained explains"
)
#: The nouns of :data:`MANNER_VERBS`, which count as much in "What was X's warning ...?" (not
#: "announcement": "after the announcement" tells when).
MANNER_NOUNS = words(
    "warning warnings claim claims admission promise promises "
    "threat threats insistence denial denials plea pleas prediction predictions accusation "
    "accusations vow vows pledge pledges"
)
#: A question noun found only as a broader or narrower noun ("heist" -> "robbery") counts this
#: much of a synonym, and only a noun English uses less than this Zipf frequency will do
#: ("population" -> "people" is too common to mean anything).
LOOSE_WEIGHT = 0.3
#: Nouns a "how many" question counts anyone or anything by: no paragraph is theirs alone.
_ANY_COUNTED = words("people peoples ppl persons person individuals folks folk times")
#: Endings of nouns for people ("villagers", "residents", "councillors", "employees") ...
_PEOPLE_ENDINGS = ("ers", "ists", "ians", "ees", "ents", "ors")
#: ... whom a sentence may count in other words ("employs 230 people", "the loss of 160 jobs").
_PEOPLE_COUNTED = words(
    "people persons staff workers employees jobs members residents volunteers crew households "
    "families vehicles"
)
#: Nouns a sentence may count anything by ("20 units", "1,342 entries").
_ANYTHING_COUNTED = words("units items entries pieces")
RELATED_ZIPF = 4.8
#: "What dance ...?" of a story with a tango: a kind of the asked noun stands in for it if
#: English uses it less than this Zipf frequency ("country" is no answer to "which region").
KIND_ZIPF = 4.5
#: ... and, being what the question asks for, counts this many times a stand-in's weight.
KIND_ANSWER_WEIGHT = 2.0
#: How much a stand-in for the kind of answer asked counts ("Which region has seen tension?":
#: the story names the region; its synonym "part", in "part of a broader conversation", says
#: little). Chosen over all question sets: 0.45 and 0.8 did a little worse.
KIND_STAND_IN_WEIGHT = 0.6
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

    ``answered`` is False when the story does not say (or the message was small talk, with
    ``small_talk`` True and :data:`SMALL_TALK_REPLY` for ``reason``); then ``sentence`` is None
    and ``passages`` holds the closest passages (possibly none). ``passages[0]`` is the best
    passage when answered.
    """

    question: str
    answered: bool
    sentence: str | None
    citation: Citation | None
    passages: tuple[Passage, ...]
    quotes: tuple[Quote, ...]
    reason: str
    small_talk: bool = False


#: Up to this many paragraphs are read whole for a small-talk message of stopwords only that a
#: story may quote ("are you there?").
PHRASE_SCAN_PARAGRAPHS = 2000
#: The reply to small talk ("thanks!", "hey bot how are you"): what the bot is for.
SMALL_TALK_REPLY = (
    "I answer questions about the story: ask me who said what, what happened, when or where."
)


#: Where a clause of a question ends (the thing compared with, "than in his earlier remarks,").
_CLAUSE_END = LazyPattern(r"[,;?!]")


def _place_near(sentence: str, query: Query, people: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence names a place close to a word of what a "where" question asks
    about (its known words that are not names); any place will do when it has none."""
    topic = {t.term for t in query.terms if t.term and not t.name}
    places = place_positions(sentence, people)
    if not places or not topic:
        return bool(places)
    spots = [
        word.start()
        for word in WORD_PATTERN.finditer(sentence)
        if term(fold_variant(normalise(word.group(0)))) in topic
    ]
    if not spots:
        return True  # the topic is paraphrased here: the place cannot be placed
    return any(abs(place - spot) <= PLACE_REACH for place in places for spot in spots)


_WORD_AFTER = LazyPattern(r"(?:^|(?<=[\s“\"‘(\[]))([\w'’-]+)")
#: Text that ends right at the start of a sentence (so a capital there says nothing).
_SENTENCE_START = LazyPattern(r"(?:^|[.!?:]\s*[\"“”’']?\s*|[\"“]\s*)$")
#: Paragraphs looked at to tell whether a term is only ever a name.
NAME_SAMPLE = 20
#: How much more that noun counts than its IDF (a little: the rest of the question still counts).
FOCUS_WEIGHT = 1.2
#: A noun the question writes as two words ("time limit" for "deadline") is what it asks
#: about: it counts this much more.
COMPOUND_WEIGHT = 1.5


#: Below this English frequency (Zipf), a capitalised word the story lacks is a name it does
#: not mention ("Kharkiv", "Macron"), not an ordinary word written with a capital.
NAME_ZIPF = 4.0


def _unknown_name(query_term: QueryTerm, acronyms: frozenset[str] = frozenset()) -> bool:
    """Whether a question word is a name (person, place, organisation) the story never uses;
    an acronym the question writes in capitals ("NATO") or a country or its people ("the UK
    prime minister", "British") is one however common (see :data:`COUNTRY_WORDS`)."""
    word = query_term.word
    return (
        query_term.name
        and not query_term.term
        and word.isalpha()
        and (
            word in COUNTRY_WORDS
            or (not DEMONYM.search(word) and (english_zipf(word) < NAME_ZIPF or word in acronyms))
        )
    )


#: "How long will the heat last?" of "to last until at least Thursday": an end date answers.
_LASTS_UNTIL = LazyPattern(
    rf"\b(?:until|till)\b[^.;]{{0,20}}?{CALENDAR_DATE.pattern}"
    # "linger for weeks": a length of time without a number (not "the worst drought for decades")
    r"|\b(?:last|lasts|lasted|lasting|linger|lingers|lingered|stay|stays|stayed|remain|remains|"
    r"remained|continue|continues|continued|go on|goes on|went on|run|runs|ran)\s+"
    r"(?:\w+\s+){0,2}?for (?:several |a few |many )?(?:hours|days|weeks|months|years|decades)\b",
    CALENDAR_DATE.flags,
)
#: "How many gallons ...?" is answered by a number of gallons, never by another count.
UNITS_OF_MEASURE = words(
    "gallons litres liters barrels tonnes tons kilograms kilos pounds ounces grams miles "
    "kilometres kilometers metres meters feet inches acres hectares megawatts kilowatts"
)


@functools.cache
def _unit_terms() -> frozenset[str]:
    """The index terms of :data:`UNITS_OF_MEASURE` (worked out on first need)."""
    return frozenset(term(unit) for unit in UNITS_OF_MEASURE)


#: A yes/no question about what someone plans or is going to do: "Is Trump planning to visit
#: Kyiv?", "Does Trump plan to ...", "Is the US going to ..." ("Will X ...?" is left alone:
#: it caught no more off-topic questions than it lost answers).
_PLANS = LazyPattern(
    r"^\W*(?:(?i:is|are|was|were)\s+.{1,40}?\b(?:planning|going)\s+to|"
    r"(?i:does|do|did)\s+.{1,40}?\b(?:plan|intend)\s+to)\b"
)
#: "Who will replace ...?", "What will the ministers decide?": what is still to come.
_WILL_WH = re.compile(r"^\W*(?i:who|what|which\s+\w+)\s+(?i:will|is going to|are going to)\b")
#: A word of three to five capitals: "NATO", "FBI" (an abbreviation, a name).
_ACRONYM = re.compile(r"\b[A-Z]{3,5}\b")
#: The auxiliaries a question starts with, or puts before its subject.
_AUXILIARIES = "is|are|was|were|did|does|do|has|have|had|will|would|can|could"
_WHICH = re.compile(r"\W*which\b", re.IGNORECASE)
#: The name a yes/no question is about: "Is Norway sending ...", "Did Russia apologise ...".
_YES_NO_SUBJECT = LazyPattern(
    rf"^\W*(?i:{_AUXILIARIES})\s+"
    r"(?:the\s+(?=[A-Z]{2,5}\b))?"  # "Is the US going to ...", not "Is the Muscat agreement"
    r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\b(?!['’]s)",
)
#: A verb this rare in English ("mediating", "brokered") is what a "who" question is about;
#: a commoner one ("asked", "delivered") the story may well say otherwise ("questioned").
DOING_ZIPF = 4.0
RARE_VERB_ZIPF = 2.0  # below: a typo more likely than a verb ("brokering" is 2.4)
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]*")
#: Whose age "How old is the captain Mark Hollis?" asks (group 1; not a place after "in").
_HOW_OLD_IS = re.compile(
    r"\bhow old (?:is|was|are|were)\s+(.+?)(?:\s+(?:in|at|on|from|of|near|when|after|before|"
    r"during)\b|[?.!]|$)",
    re.IGNORECASE,
)
#: The owner in "Marisol Ortega's daughters" (group 1): whose the one asked about is, not them
#: (not a contraction: "the climber who's stuck").
_OWNER_OF_AGED = re.compile(
    # (the noun asked of, not one inside a clause: "the boy who saved Callum's friend")
    r"^((?:(?!\b(?:who|that|which|whose)\b).)+?)"
    r"(?<!\bwhat)(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bthere)['’]s?\s+(?=\S)",
    re.IGNORECASE,
)
#: "Who coaches the Croatian?", "Who has paid for the study?", "Who's meeting Putin?": the
#: word after "who" says what the one asked for did (group 1; not "Who did Trump meet?").
_WHO_DID = LazyPattern(
    r"^\W*who(?:'s|\s+(?:is|was|are|were|has|had|have|will|would))?(?:\s+been)?\s+([a-z]+)"
)
#: What "who" asks about someone doing: "Who is brokering ...", "who mediated ...".
_WHO_DOING = LazyPattern(
    r"^\W*who(?:['’]s|\s+(?:is|was|are|were|has|had|have|will|would))?(?:\s+been)?\s+"
    r"([a-z]+(?:ing|ed))\b"
)
#: The name a wh-question asks about: "How much prize money did Brian Kiptoo get?".
_ASKED_SUBJECT = re.compile(
    r"^\W*(?i:how (?:much|many|long|old|far)(?:\s+[a-z]+){0,3}|what(?:\s+[a-z]+)?|when|where|why|"
    rf"which\s+[a-z]+)\s+(?i:{_AUXILIARIES})\s+"
    r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\b(?!['’]s)",
)
#: ... or the one the thing asked belongs to: "What is the population of Port Calder?".
_OF_NAME = re.compile(
    r"^\W*(?i:what)(?:['’]s|\s+(?i:is|was|are|were))\s+(?i:the)\s+(?:[a-z]+\s+){1,2}of\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\s*\??\s*$"
)
#: ... and its first word, for a name typed in lower case ("is norway sending ...").
_YES_NO_FIRST_WORD = LazyPattern(rf"^\W*(?:{_AUXILIARIES})\s+([a-z]+)\b(?!['’]s)")
#: Who "critics" are is said by what they do: reject, dismiss, criticise ...
DISSENTERS = words(
    "critic critics opponent opponents sceptic sceptics skeptic skeptics detractor detractors"
)
_DISSENT = LazyPattern(
    r"\b(?:reject|dismiss|criticis|criticiz|condemn|oppos|disput|denounc|den(?:y|ied|ies)\b)",
    re.IGNORECASE,
)
#: A sentence that goes on with what the people just named hold ("For them, ...").
_THEIR_VIEW = LazyPattern(
    r"[\W_]*(?:(?:for|to) (?:them|him|her)|in (?:their|his|her) (?:view|eyes))\b", re.IGNORECASE
)
#: Words for the article itself, which "says" things too ("What does the headline say ...?").
_THE_TEXT = frozenset(("headline", "title", "article", "story", "report", "piece", "text"))


@dataclass(frozen=True, slots=True)
class _Asked:
    """What a question's wording asks for, worked out once per question text."""

    future: bool  # "when will ..."
    measure: str  # "old" of "how old"
    counted: str  # the term of "how many NOUN"
    counted_head: str  # the head noun of "how many Kyiv residents"
    counted_word: str  # the word after "how many/much", folded ("drones", "profit")
    counted_part: str  # "british" of "how many of the passengers were british" (folded)
    # "how many fish": people or things, which a measure does not count ("3,000 gallons"); not
    # "how many (more) days", "how many times" ("on 23 days last year")
    of_things: bool
    total: bool  # "in total", "so far"
    name_of: str  # "walker" of "the name of the dog walker" ("" after an age: anyone's name)
    unnamed_of: str  # ... and "man" of "the name of the 81-year-old man" (see left_unnamed)
    unnamed_age: str  # ... and "81-year-old" of it (any noun after "an 81-year-old")
    kind_of: str  # "missiles" of "what kind of missiles", "which missiles"
    sex: str  # "men" of "the men's race" (see _other_sex)
    amount: re.Match[str] | None  # "two weeks" of "Is the deadline two weeks?"
    age_of: frozenset[str]  # "mark", "hollis" of "How old is the captain Mark Hollis?"
    age_words: frozenset[str]  # the key words of whom it asks, folded ("graham", "eddowes")
    needs_speed: bool  # "What is the top speed of the trams?"
    per_period: bool  # "How many nights a year ...?" asks a rate
    age_of_kind: str  # "climber" of "How old was the climber stuck on the ledge?"
    age_owner: frozenset[str]  # "marisol", "ortega" of "How old are Marisol Ortega's daughters?"
    share: bool  # "How much of Ukraine does Russia control?"
    medium: bool  # "Which platform did Trump use ...?", "Where did he post it?"
    population: bool  # "How many people live in Upper Fennick?"
    tally: bool  # "What was the vote on the budget?"
    stance: bool  # "Did Støre agree with Trump ...?": where someone stands
    plans: bool  # "Is Trump planning to visit Kyiv?" (a yes/no question's :data:`_PLANS`)
    will: bool  # "Who will replace ...?" (:data:`_WILL_WH`)
    people: bool  # "Which leaders ...?" (:data:`ASKS_PEOPLE`)
    organisation: str  # "party" of "Which party does Støre lead?" (:data:`ASKS_ORGANISATION`)
    called: bool  # "What's the student satellite called?" (:data:`ASKS_WHAT_IT_IS_CALLED`)
    reaction: bool  # "How did the markets react?" (:data:`REACTION_WORDS`)
    view: bool  # "What is X's view?" (:data:`ASKED_STANCE`)
    title: tuple[str, str] | None  # the (title, owner) of "Who is the president of X?"
    occupation: bool  # "What does Kyle Brennan do for a living?" (:data:`ASKS_OCCUPATION`)


def _whose_job(query: Query) -> tuple[str, ...]:
    """For a question about what a named person works as ("What's Kyle Brennan's day job?"),
    the words of the name as the question writes them, folded, in order ("kyle", "brennan");
    empty for any other question, and for someone named by a role only ("the owner": the story
    may name the owner in one sentence and give her job in another)."""
    if not _asked(query.text).occupation:
        return ()
    return tuple(t.word for t in query.terms if t.name)


#: Phrases whose noun names nothing counted ("in any case", "just in case").
_SET_PHRASES = re.compile(r"\b(?:in any case|in case|in that case|in which case)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _kin_terms(noun: str) -> frozenset[str]:
    """Index terms of the synonyms and broader or narrower nouns of ``noun`` (WordNet)."""
    return frozenset(term(w) for w in (*wordnet_synonyms(noun), *wordnet_related(noun)))


@functools.cache
def _terms_of_words(found: frozenset[str]) -> frozenset[str]:
    """The index terms of the words ``found`` (worked out on first use)."""
    return frozenset(term(word) for word in found)


@functools.lru_cache(maxsize=65536)
def _gives_measure(sentence: str, unit: re.Pattern[str], *, rates: bool) -> bool:
    """Whether ``sentence`` has a measure in ``unit`` that is no speed (nor, unless ``rates``,
    a rate: "5000 soldiers a week"); cached per sentence, as the speed pattern is slow."""
    measured = SPEED.sub(" ", sentence)
    if not rates:
        measured = NUMBER_PER_PERIOD.sub(" ", measured)
    return unit.search(measured) is not None


@functools.lru_cache(maxsize=4096)
def _asked(text: str) -> _Asked:
    folded = normalise(text)
    measure = HOW_MEASURE.search(folded)
    kind_of = KIND_OF.search(folded) or WHICH_THINGS.match(folded)
    first = _COUNTED_WORD.search(folded)
    counted_word = fold_variant(first.group(1)) if first else ""
    things = _THINGS_COUNTED.search(folded)
    measured = HOW_MUCH_MEASURE.search(folded)
    if ASKS_A_GROUP_SIZE.search(folded):  # "How big was the crowd?": a count, not a measure
        measure = None
    how_old = _HOW_OLD_IS.search(text)
    organisation = ASKS_ORGANISATION.match(folded)
    whose = how_old.group(1) if how_old else ""
    owner = _OWNER_OF_AGED.match(whose)  # "Marisol Ortega's daughters": hers, not her age
    owned = whose[owner.end() :] if owner else whose
    age_of = _whose_age(owned)
    return _Asked(
        future=bool(ASKS_FUTURE.search(text)),
        # "How many days was he kept in hospital?" is "how long": a duration answers
        measure=(
            "length"
            if HOW_LONG_A_THING.match(folded)
            else measure.group(1)
            if measure
            else MEASURE_NOUNS[measured.group(measured.lastindex or 1)]
            if measured
            else ("long" if counted_word in _TIME_UNITS else "")
        ),
        # (the weight of "how much weight" is measured, not counted)
        counted="" if measured else counted_noun(text),
        counted_head="" if measured else counted_head(text),
        counted_word="" if measured else counted_word,
        counted_part=counted_part(text),
        of_things=things is not None and fold_variant(things.group(1)) not in _UNITS_ASKED,
        total=bool(ASKS_TOTAL.search(folded)),
        name_of="" if name_asked_after_an_age(text) else name_asked_of(text),
        unnamed_of=name_asked_of(text),
        unnamed_age=age_of_the_unnamed(text),
        kind_of=kind_of.group(1) if kind_of else "",
        sex=_sex_asked(text),
        amount=_AMOUNT_ASKED.search(text),
        age_of=age_of,
        age_words=frozenset(content_tokens(tokenize(owned)))
        if how_old and not owner
        else frozenset(),
        needs_speed=bool(NEEDS_A_SPEED.search(folded)),
        per_period=bool(PER_PERIOD.search(folded)),
        age_of_kind=_whose_age_kind(owned),
        # ("England's Harry Kane" names the one asked about: the owner is his team)
        age_owner=_whose_age(owner.group(1)) if owner and not age_of else frozenset(),
        share=bool(ASKS_A_SHARE.search(folded)),
        medium=bool(ASKS_A_MEDIUM.search(folded)),
        population=bool(ASKS_POPULATION.search(folded)),
        tally=bool(ASKS_A_TALLY.search(folded)),
        stance=asked_verb(text) in STANCE_VERBS,
        plans=bool(_PLANS.search(text)),
        will=bool(_WILL_WH.search(text)),
        people=bool(ASKS_PEOPLE.match(folded)),
        organisation=organisation.group(1) if organisation else "",
        called=bool(ASKS_WHAT_IT_IS_CALLED.search(folded)),
        reaction=bool(REACTION_WORDS.search(text)),
        view=bool(ASKED_STANCE.search(text)),
        title=title_asked(text),
        occupation=bool(ASKS_OCCUPATION.search(folded)),
    )


def _whose_age(whose: str) -> frozenset[str]:
    """Folded words of the name in ``whose``, what "How old is the captain Mark Hollis?" asks
    the age of (:data:`_HOW_OLD_IS`; empty when it names no one: "the man arrested")."""
    return frozenset(map(fold_variant, tokenize(" ".join(_NAME_WORD.findall(whose)))))


def _whose_age_kind(whose: str) -> str:
    """The first noun of ``whose``, what "How old was the climber stuck on the ledge?" asks the
    age of ("climber", folded; adjectives and numbers skipped: "the new prime minister" ->
    "minister", "the two boys" -> "boys") when it names no one; "" otherwise."""
    if _NAME_WORD.search(whose):
        return ""
    return next(
        (
            fold_variant(t)
            for t in tokenize(whose)
            if t not in STOPWORDS and t.isalpha() and t not in NUMBER_WORDS and not is_adjective(t)
        ),
        "",
    )


_TITLES_AND_ABBREVIATIONS = TITLE_WORDS | ABBREVIATIONS
#: An age set off by commas, a name's or not ("Ortega, 34,", "her daughter, 9,").
_AGE_SET_OFF = LazyPattern(r",\s\d{1,3},")


def _news_ages(sentence: str) -> list[frozenset[str]] | None:
    """The folded names whose ages ``sentence`` gives in the news way ("Ortega, 34,"); None
    when it gives an age otherwise too ("aged 9", "a 9-year-old", "her daughter, 9,") or none."""
    ages = AGE_AFTER_NAME.findall(sentence)
    if not ages or OTHER_AGE.search(sentence) or len(_AGE_SET_OFF.findall(sentence)) > len(ages):
        return None
    return [frozenset(map(fold_variant, tokenize(name))) for name in ages]


def _same_person(name: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two names may be one person's: they share a word and not each a first name of
    its own ("Hollis" and "Mark Hollis", "Dr Osei" and "Amara Osei"; not "Jake Pengelly" and
    "Mark Pengelly")."""
    if not name & other:
        return False
    own, others = name - other - _TITLES_AND_ABBREVIATIONS, other - name - _TITLES_AND_ABBREVIATIONS
    return not (own and others)


def _ages_only_of(named: frozenset[str], sentence: str) -> bool:
    """Whether every age ``sentence`` gives is the ``named`` person's ("Ortega, 34,")."""
    ages = _news_ages(sentence) if named else None
    return ages is not None and all(_same_person(named, name) for name in ages)


def _age_of_another(named: frozenset[str], sentence: str) -> bool:
    """Whether every age ``sentence`` gives is someone's other than the ``named`` one's ("Tane,
    24," for "How old is captain Mark Hollis?")."""
    ages = _news_ages(sentence) if named else None
    return ages is not None and not any(_same_person(named, name) for name in ages)


_COUNTED_WORD = re.compile(r"\bhow (?:many|much)\s+([a-z][a-z'’-]*)")
#: What "how many" asks that a measure answers: a unit ("how many kms"), or "times".
_UNITS_ASKED = UNIT_WORDS | {"times"}
#: What "how many" counts, after "more", "extra", "of the" ... ("how many more days").
_THINGS_COUNTED = re.compile(
    r"\bhow many\s+(?:(?:more|extra|additional|other|further|fewer|whole|full|of|the)\s+)*"
    r"([a-z][a-z'’-]*)"
)
WHICH_THINGS = re.compile(
    r"^\W*which\s+(?:(?:two|three|four|five|\d+)\s+)?([a-z]+s)(?<!ss)(?<!us)(?<!is)\b"
)  # a plural: not "bus", "glass", "analysis"
_THOUSANDS_COMMA = LazyPattern(r"(?<=\d),(?=\d{3}\b)")


def _without_numbers_of(sentence: str, query: Query) -> str:
    """``sentence`` without the numbers the question itself gives (they are not the answer)."""
    asked = set(re.findall(r"\d[\d.]*", _THOUSANDS_COMMA.sub("", query.text)))
    if not asked:
        return sentence
    return re.sub(
        r"\d[\d.]*",
        lambda n: " " if n.group(0) in asked else n.group(0),
        _THOUSANDS_COMMA.sub("", sentence),
    )


#: Words before a noun that say how many, not what kind ("several beaches").
_QUANTIFIERS = words(
    "several many few dozens hundreds thousands millions numerous various multiple"
)
#: What follows a counted noun that goes on to name them: ", including", ":", a dash, or a
#: comma and a name.
_LISTED_AFTER = re.compile(r"^\W*(?:,\s*including\b|:|\s*[—–-]\s|,\s*(?:the\s+)?[A-Z0-9])")


def _names_a_kind(sentence: str, noun: str, query: Query) -> bool:
    """Whether ``sentence`` says what kind of ``noun`` ("cruise missiles", "Iskander missiles"):
    a word just before it that the question does not have and that is not a nationality
    ("Russian missiles" says whose, not what kind), or a number after it ("Routes 7 and 22").
    True when the sentence lacks the noun."""
    words = [w.strip(",.;:!?“”\"'’") for w in sentence.split()]
    wanted = term(noun)
    asked = {t.word for t in query.terms}
    places = [i for i, w in enumerate(words) if term(fold_variant(normalise(w))) == wanted]
    if not places:
        return True
    written = sentence.split()
    for place in places:
        if (
            place + 1 < len(words)
            and words[place + 1][:1].isdigit()
            and written[place][:1].isupper()
            and not written[place].endswith(",")
        ):
            return True  # "Routes 7 and 22", "Flight 370": which ones, by number
        before = normalise(words[place - 1]) if place else ""
        if (
            before
            and before not in STOPWORDS
            and before not in asked
            and not DEMONYM.search(before)
            and before.isalpha()
            # "Five beaches were closed" says how many, not which (but "Two roads, the A4106
            # and Mackworth Street," and "several beaches, including Rest Bay" say which)
            and (
                (before not in NUMBER_WORDS and before not in _QUANTIFIERS)
                or _LISTED_AFTER.match(
                    written[place][len(words[place]) :] + " " + " ".join(written[place + 1 :])
                )
            )
        ):
            return True
    return False


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
    # pattern -> whether it occurs in the text (see :meth:`has`)
    found: dict[re.Pattern[str] | LazyPattern, bool] = field(
        default_factory=dict, compare=False, repr=False
    )

    def has(self, pattern: re.Pattern[str] | LazyPattern) -> bool:
        """Whether ``pattern`` occurs in the text (searched once per pattern: a sentence is
        tested again for every question whose candidate it is)."""
        known = self.found.get(pattern)
        if known is None:
            known = self.found[pattern] = pattern.search(self.text) is not None
        return known


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
    asks_year: bool = False  # "what year was it built": a year
    asks_leader: bool = False  # "who is in charge of / runs / heads X": someone with a post
    # "Who is in charge of ...?", "Which detective is leading ...?": whoever leads is asked,
    # and "in charge", "leading" say only that
    leads_asked: bool = False
    asks_place: bool = False  # "which regions of Ukraine ...": a place the question does not name
    asks_name: bool = False  # "what is the name of", "what is it called": a name
    quoted: str = ""  # words the question quotes ("Who said 'I have my own deadline'?")
    kind_noun: str = ""  # what "what dance / which company ..." asks a kind of
    acronyms: frozenset[str] = frozenset()  # words written in capitals: "NATO", "NTSB"
    asks_first_name: bool = False  # "Did Trump call Putin by his first name?"
    compares: bool = False  # "Was Trump more or less hopeful than before?"
    # what X is placed against in "Did X happen before or after Y?" / "more ... than Y?"
    reference: frozenset[str] = frozenset()
    doing: str = ""  # the index term of what "Who coaches the Croatian?" asks someone did
    # the words that say where in the article ("the article's conclusion", "first paragraph"),
    # and whether that is its end
    placing: frozenset[str] = frozenset()
    at_the_end: bool = False

    @property
    def index_terms(self) -> list[str]:
        """The distinct known stems, for BM25."""
        return list(dict.fromkeys(t.term for t in self.terms if t.term))


#: Question types a lead sentence must fit to answer "When/Where did this happen?".
_NEEDS_A_FITTING_SENTENCE = frozenset(
    (QuestionType.WHEN, QuestionType.WHERE, QuestionType.WHO, QuestionType.HOW_MANY)
)
#: Who speaks for a place ("European governments", "Ukrainian critics"): the place itself when
#: the story does not use the word.
_A_COUNTRY_S_VOICE = frozenset(
    ("government", "governments", "capitals", "critics", "authorities", "administration")
)
#: "how strong / warm / thick ...": the degree or measure asked, which a story that never writes
#: the word may give ("gusts of 94 mph", "residents praised the clean-up", "a 40mm layer").
_DEGREE_ASKED = frozenset(("strong", "warm", "thick"))
#: Words a question may use for a story's word that WordNet's first senses miss ("the strain
#: of the war" is its tension; "putting the squeeze on" is pressure), looked up only when the
#: story lacks the question's own word.
_READ_AS = {
    **dict.fromkeys(("strain", "strains", "strained", "straining"), "tension"),
    **dict.fromkeys(("squeeze", "squeezes", "squeezed", "squeezing"), "pressure"),
    # (WordNet puts "home" one step from "house", and too common a word to stand in for it)
    "house": "home",
    "houses": "homes",
}
#: Prefixes that turn a word into its opposite ("trust"/"mistrust", "happy"/"unhappy"): a
#: question about one is answered by a passage about the other.
_NEGATION_PREFIXES = ("mis", "dis", "un", "non")
#: Words that only look negated: "mistakes" is not "not takes", "display" not "not play".
_NOT_NEGATED = tuple(
    words(
        "mistak missing mission display dismiss dispatch disease discharg discover discount "
        "disclos discours dissent disband dispos dismantl distribut dissolv unless union under "
        "until unrest nonce mischief"
    )
)

_CAPITALISED_WORD = re.compile(r"(?<!^)\b[A-Z][\w'’.-]*")


#: Particles that often only round a verb off ("moved up", "ended up") or start a phrase
#: ("hold in the chamber"): a phrasal verb with them replaces its verb only where the story
#: lacks the verb.
LOOSE_PARTICLES = frozenset({"up", "in"})


def _commonness_discount(
    word: str,
    start: float = COMMON_WORD_ZIPF,
    step: float = COMMON_WORD_STEP,
    floor: float = COMMON_WORD_FLOOR,
) -> float:
    """How much of its weight a lower-case question word keeps: all of it up to the Zipf
    frequency ``start``, ``step`` less a Zipf point above it, never less than ``floor``."""
    excess = english_zipf(word) - start
    return 1.0 if excess <= 0 else max(floor, 1.0 - step * excess)


_PAIRED_NAMES = re.compile(r"\b([a-z]+)\s+(?:and|or|&)\s+([a-z]+)\b")
#: The capitals of :data:`STAND_INS` as a question may spell them ("kiev").
_CAPITALS = "|".join(
    sorted({*STAND_INS, *(word for word, canon in VARIANTS.items() if canon in STAND_INS)} - {"ex"})
)
#: A capital holding a view: "How does Kyiv see ...?", "Did Kyiv buy the argument?", "Moscow's
#: position" (group 1 or 2).
_HOLDS_A_VIEW = re.compile(
    rf"\b(?:does|do|did|will|would|has|have|is|was|can|could)\s+({_CAPITALS})\s+(?:see|view|"
    r"regard|think|feel|believe|want|accept|agree|buy|say|react|respond|reject|consider|interpret|"
    r"expect|plan|hope|fear|need|demand)\b"
    rf"|\b({_CAPITALS})(?:['’]s)?\s+(?:view|views|position|stance|response|reaction|verdict|take|"
    r"sees|regards|thinks|says|wants|rejects|accepts|believes)\b"
)


def _as_written(question: str, folded: str) -> str:
    """A folded question word as the question writes it ("nato" -> "NATO"), for messages."""
    for word in _WORD.findall(question):
        if normalise(word) == folded:
            return word
    return folded


_WORD = LazyPattern(r"[\w'’-]+")


def _acronyms(question: str) -> frozenset[str]:
    """Folded words the question writes in capitals ("NATO", "NTSB"), unless it shouts all."""
    if question.isupper():
        return frozenset()
    return frozenset(normalise(w) for w in _ACRONYM.findall(question))


#: A name of several capitalised words, with the small words names have ("Bank of England").
_LONG_NAME = LazyPattern(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][a-z]+)+")
_NAME_LINKS = frozenset(("of", "for", "and", "on", "the", "&"))


def _governing_capitals(folded: str) -> frozenset[str]:
    """Capitals a question pairs with each other ("between Moscow and Kyiv", "Washington or
    Beijing") or asks the view of ("How does Kyiv see ...?"): they stand for their countries'
    governments, even in a story about the city."""
    paired = (
        word
        for pair in _PAIRED_NAMES.finditer(folded)
        if pair.group(1) in STAND_INS and pair.group(2) in STAND_INS
        for word in pair.groups()
    )
    holding = (
        fold_variant(word)  # ("How does kiev see ...?")
        for found in _HOLDS_A_VIEW.finditer(folded)
        for word in found.groups()
        if word
    )
    return frozenset((*paired, *holding))


def _capitalised_words(question: str) -> set[str]:
    """Folded tokens of the words written with a capital inside ``question`` (names, mostly);
    the first word does not count."""
    return {
        fold_variant(token)
        for match in _CAPITALISED_WORD.finditer(question.strip())
        for token in tokenize(match.group(0))
    }


_SHOUTED = re.compile(r"\b[A-Z]{2,}\b")
#: A word in capitals (of four letters or more) that English uses at least this often is
#: shouted, not an acronym
#: ("WHOLE", "DONE", "STOP"; not "NATO", "NHS", "UK").
SHOUTED_WORD_ZIPF = 5.0
_CAPITALISED_RUN = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+")


def _group_names(question: str, terms: list[QueryTerm]) -> list[QueryTerm]:
    """Let a multi-word name ("Vladimir Putin") weigh as much as its heaviest word, not the sum."""
    for match in _CAPITALISED_RUN.finditer(question):
        words = {fold_variant(token) for token in tokenize(match.group(0))}
        group = [t for t in terms if t.word in words]
        if len(group) < 2:
            continue
        total = sum(t.weight for t in group)
        heaviest = max(t.weight for t in group)
        scale = heaviest / total if total > 0 else 1.0
        name = " ".join(t.word for t in group)
        surname = group[-1]
        if surname.term:
            # News names a person in full once, then by surname: "Horáček, 52, ..." is about
            # "Tomáš Horáček", so the surname carries the name's weight.
            terms = [
                dataclasses.replace(
                    t,
                    weight=heaviest * (1 - FIRST_NAME_SHARE)
                    if t is surname
                    else heaviest * FIRST_NAME_SHARE / (len(group) - 1),
                    rank_weight=t.rank_weight
                    if t is surname
                    else t.rank_weight * FIRST_NAME_RANK_SHARE,
                    group=name,
                )
                if t in group
                else t
                for t in terms
            ]
            continue
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


def _takes_a_stance(sentence: str, who: set[str]) -> bool:
    """Whether one of ``who`` (index terms) stands in ``sentence`` right before a verb that
    says where they stand or what they will do ("Russia agreed to ...", "Russia will halt
    strikes"; not "a meeting with Prime Minister Jonas Gahr Støre on April 24")."""
    tokens = tokenize(normalise(sentence))
    for i, token in enumerate(tokens):
        if term(fold_variant(token)) in who and _STANCE_TAKEN.intersection(tokens[i + 1 : i + 4]):
            return True
    return False


#: A sentence that names a person: "has been named as Leo Hart", "identified as", "Leo Hart,
#: 34,".
_NAMES_SOMEONE = LazyPattern(
    r"\b(?:named|identified)\s+as\b|\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+,\s+\d{1,3}\b"
)

#: Verbs after which someone has taken a stance (see :func:`_takes_a_stance`).
_STANCE_TAKEN = words(
    "agreed agrees accepted accepts endorsed endorses signed approved backed rejected rejects "
    "refused refuses declined will"
)


def _owned_named(sentence: str, owner: frozenset[str], owned: frozenset[str]) -> bool:
    """Whether ``sentence`` names the one of ``owned`` (index terms) who belongs to ``owner``
    ("A lawyer for Moira Tennant", "Tennant's lawyer"; not "with her two sons")."""
    tokens = tokenize(normalise(sentence))
    keys = [term(fold_variant(token)) for token in tokens]
    for i, key in enumerate(keys):
        if key not in owned:
            continue
        if i > 0 and keys[i - 1] in owner:  # "Tennant's lawyer" ("'s" is no token)
            return True
        if tokens[i + 1 : i + 2] in (["for"], ["of"], ["to"]) and owner & set(keys[i + 2 : i + 5]):
            return True  # "a lawyer for Moira Tennant", "a spokesperson for the mayor"
    return False


#: Words of "What was the vote count / tally / breakdown?" that a tally answers.
_TALLY_FRAMING = words("count tally breakdown split margin final")

#: Words for a person that a story may leave out where it names them ("Leo Hart, 7" is "the boy").
_PERSON_WORDS = SOMEONE | words(
    "boy boys girl girls child children kid kids teenager teenagers teen teens baby babies "
    "toddler toddlers"
)

#: The owner in a speaker such as "Moira Tennant's sons" or "the company's boss".
_OWNER_WORDS = LazyPattern(r"(.+?)(?:['’]s|s['’])\s+\S")

#: Index terms of the places standing for a country ("kyiv" -> "ukrain"), as speakers.
_STAND_IN_TERMS = {
    term(place): term(country)
    for place, country in STAND_INS.items()
    if place not in ("ex", "downing")  # "ex" is "former"; "downing" would be "down"
}
#: A word of a question pointing back at what was said before it ("when is that happening").
_POINTS_BACK = re.compile(
    r"\b(?:that|this|it|these|those|there|he|she|they|him|her|them)\b", re.IGNORECASE
)
#: Countries and the capitals that stand for them, as index terms ("russia", "moscow").
_COUNTRY_TERMS = frozenset(_STAND_IN_TERMS) | frozenset(_STAND_IN_TERMS.values())
#: How many words a country may stand before the one who speaks for it ("Kremlin spokesman
#: Dmitry Peskov", "Russia's deputy foreign minister Sergei Ryabkov").
SPEAKS_FOR_REACH = 4
#: Verbs of speaking a country may be the subject of ("The Kremlin did not comment", "a
#: Kremlin spokesman said", "Moscow's envoy accused ..."), as index terms.
_COUNTRY_SPEAKING = frozenset(
    index_terms(
        "say says said told tell tells comment commented stated added replied responded "
        "accused called warned urged rejected denied announced claimed insisted dismissed "
        "condemned described"
    )
)
#: "According to the Russian foreign ministry, ...": the country is who says it.
_ACCORDING = term("according")
#: A sentence that goes on about the speaker of the one before: "He called ...", "Its
#: spokeswoman, Maria Zakharova, accused ...".
_GOES_ON_ABOUT = re.compile(
    r"^\W*(?:he|she|they|it|its|their|his|her|in\s+(?:his|her|its|their))\b", re.I
)


def _speaks_for(text: str, subjects: frozenset[str], countries: set[str]) -> bool:
    """Whether ``text`` writes one of ``countries`` (index terms, or a capital standing for one)
    at most :data:`SPEAKS_FOR_REACH` words before one of its speaking ``subjects`` or a verb of
    speaking."""
    terms = [term(fold_variant(token)) for token in tokenize(text)]
    speaking = _COUNTRY_SPEAKING | subjects
    return any(
        (found in countries or _STAND_IN_TERMS.get(found) in countries)
        and (
            bool(speaking.intersection(terms[at + 1 : at + 1 + SPEAKS_FOR_REACH]))
            or _ACCORDING in terms[max(at - SPEAKS_FOR_REACH, 0) : at]  # "According to Moscow"
        )
        for at, found in enumerate(terms)
    )


#: "What is Marcus Ebbe's salary?", "what was the mayor's reply": the thing of someone's asked
#: for (the apostrophe may be left out: "marcus ebbes salary"); not "the price tag for X's tram".
_OWNED_NOUN = re.compile(
    r"^\W*what(?:s|'s|’s| is| was| are| were)\s+(?:the\s+)?((?:(?!(?:for|in|of|at|on|to|from|by|"
    r"with|about|the)\b)[\w.-]+\s+){0,4}[\w.-]+?)('s|’s|s'|s’|(?<!')s)\s+([a-z]+)\W*$"
)


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
        # Their paragraphs, each once (in order, as the tokens are: np.unique would import
        # numpy.ma, ~15 ms of the start of `storybot ask`).
        in_paragraph = np.searchsorted(offsets, tokens_with_head, side="right") - 1
        positions = in_paragraph[np.diff(in_paragraph, prepend=-1) != 0]
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


class _Speaker(NamedTuple):
    """Who a "what did X say" question asks about (see :meth:`StoryEngine._speaker_of`)."""

    speaker: str
    names: list[str]
    roles: list[str]
    owners: list[str]
    spelt: str  # the speaker with abbreviations spelt out ("Norway's prime minister")
    stranger: bool  # names a country the corpus never does ("the UK prime minister")
    # "Moira Tennant's sons": the owner's terms and the owned ones (empty without an owner)
    owner: frozenset[str] = frozenset()
    owned: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Candidate:
    paragraph: int  # index into the engine's paragraphs
    bm25: float
    sentence: int  # index of the best sentence in the paragraph
    score: float  # combined score
    quoted: bool = False  # its sentence has the words the question quotes


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
        self._folded_names_cache: dict[str, frozenset[str]] = {}  # slug -> its names, folded
        self._people_cache: dict[str, frozenset[str]] = {}
        self._compounds: dict[str, str] = {}  # glued word -> the words the corpus writes
        self._full_names_cache: dict[str, frozenset[tuple[str, str]]] = {}
        # article slug -> surname term -> the first names written before it
        self._first_names_cache: dict[str, Mapping[str, frozenset[str]]] = {}
        # each article's text and its words as (index term, start, end), for _named_before
        self._article_words_cache: dict[str, tuple[str, list[tuple[str, int, int]]]] = {}
        # (post as asked, article slug) -> surname terms of its holders
        self._holders_cache: dict[tuple[str, str], frozenset[str]] = {}
        # (article slug, a full name's terms) -> titles written before it, sex its pronoun says
        self._name_context_cache: dict[tuple[str, tuple[str, ...]], tuple[frozenset[str], str]] = {}
        self._positions: dict[str, int] | None = None  # paragraph id -> position, on first need
        self._name_terms: dict[str, bool] = {}  # index term -> only ever written as a name
        self._speakers: dict[str, _Speaker] = {}  # see _speaker_of
        self._spelt_names: dict[str, str] | None = None  # initials -> term, on first need
        self._written: dict[re.Pattern[str], bool] = {}  # see _writes
        self._lookups: dict[tuple[str, bool, bool], tuple[str, float]] = {}  # see _lookup
        self._terms_cache: dict[int, frozenset[str]] = {}  # see _terms_of
        self._written_cache: dict[tuple[str, str], bool] = {}  # see _written_in
        self._quoted_cache: dict[tuple[str, int], frozenset[str]] = {}  # see _quoted_speakers
        self._in_article_cache: dict[tuple[str, int], bool] = {}  # see _in_article
        self._text_terms_cache: dict[tuple[str, int], frozenset[str]] = {}  # see _text_terms
        self.index, surface = _index_paragraphs(self.paragraphs)
        self._document_frequency = self.index.document_frequencies()
        # A paragraph's terms are its sentences' terms, one after the other.
        self._average_sentence_length = (
            int(self.index.doc_lengths.sum()) / max(1, sum(self._sentence_counts))
        ) or 1.0
        # A typo of a word standing in for one the story has ("Maoscow" for Russia) is mended
        # to that word.
        stand_ins = {
            word: 1
            for word, other in STAND_INS.items()
            if word not in surface and term(other) in self._document_frequency
        }
        self._speller = Speller({**stand_ins, **surface})
        self._stem_speller = Speller(self._document_frequency)
        slugs = {article.slug: i for i, article in enumerate(self.corpus.articles)}
        self._article_of = np.array([slugs[p.article] for p in self.paragraphs], dtype=np.int32)
        self._article_numbers = slugs
        # Each article's last paragraph: what "the article's conclusion" asks about.
        last = {p.article: p.number for p in self.paragraphs}
        self._closing = frozenset(
            position for position, p in enumerate(self.paragraphs) if p.number == last[p.article]
        )
        # A headline is context for every paragraph of its article ("the harbour crossing").
        self._title_terms = {
            article.slug: frozenset(terms_of_tokens(tokenize(article.title)))
            for article in self.corpus.articles
        }
        size = len(self.paragraphs)
        self._rare_idf = math.log(1.0 + (size - 1 + 0.5) / (1 + 0.5))
        self.build_seconds = time.perf_counter() - started
        log.debug("engine built: %d paragraphs in %.3f s", size, self.build_seconds)

    def _terms_of(self, position: int) -> frozenset[str]:
        """The distinct terms of paragraph ``position`` (worked out once)."""
        found = self._terms_cache.get(position)
        if found is None:
            found = frozenset(
                key for sentence in self.sentences(position) for key in sentence.terms
            )
            self._terms_cache[position] = found
        return found

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
                    CALENDAR_WORD.fullmatch(m.group(0)) is None for m in NAME_RUN.finditer(sentence)
                ):
                    features |= {"name"}
                elif first_word(sentence) in self._names_in(paragraph.article):
                    features |= {"name", "person"}  # "Trump also revealed ...": a name starts it
                analysed.append(
                    Sentence(
                        sentence,
                        Counter(terms),
                        len(terms),
                        features,
                        statement_subjects(sentence) | quoted_speakers(sentence, quotes),
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
            _, text = self._article_text(slug)
            lower = set(LOWER_WORD.findall(text))
            found = frozenset(
                word
                for name in NAME_RUN.finditer(text)
                for word in name.group(0).split()
                if word.lower() not in lower
            )
            self._names_cache[slug] = found
        return found

    def _names_among(self, words: frozenset[str], slug: str) -> frozenset[str]:
        """``words`` (folded) if the article ``slug`` writes every one of them only with a
        capital, a name asked in lower case ("how old is graham eddowes"); else empty ("the
        saturday victim", "the british climber" ask of someone unnamed)."""
        found = self._folded_names_cache.get(slug)
        if found is None:
            found = frozenset(
                word for name in self._names_in(slug) for word in map(fold_variant, tokenize(name))
            )
            self._folded_names_cache[slug] = found
        return words if words and words <= found else frozenset()

    def _first_name_alone(self, slug: str, text: str) -> bool:
        """Whether ``text`` calls someone of the article ``slug`` by the first name alone
        ("Vladimir, STOP!" where the article has "President Vladimir Putin")."""
        full = self._full_names_cache.get(slug)
        if full is None:
            _, article = self._article_text(slug)
            names = self._titled_or_quoted(slug)
            # "runner Grace Jelagat", later just "Jelagat": a person named by surname
            names += [
                run
                for found in NAME_RUN.finditer(article)
                if len(run := found.group(0).split()) == 2
                and re.search(rf"(?<!{re.escape(run[0])} )\b{re.escape(run[1])}\b", article)
            ]
            full = frozenset((name[0], name[1]) for name in names if len(name) >= 2)
            self._full_names_cache[slug] = full
        return any(
            re.search(rf"\b{re.escape(first)}\b(?!\s+{re.escape(second)})", text)
            for first, second in full
        )

    def _person_named(self, token: str, known: str) -> bool:
        """Whether ``token`` (index term ``known``), written in lower case in a question, is a
        person the corpus names ("what did putin say": President Vladimir Putin), not a word."""
        if not known or not self._only_a_name(known):
            return False
        # (the articles of a few paragraphs that have it, as _only_a_name judges: a corpus of
        # thousands of articles is not searched for one question)
        positions = self.index.documents_with(known)[:NAME_SAMPLE].tolist()
        slugs = {self.paragraphs[position].article for position in positions}
        return any(normalise(token) in self._people_in(slug) for slug in slugs)

    def _people_in(self, slug: str) -> frozenset[str]:
        """Folded words of the people the article ``slug`` names after a title ("President
        Vladimir Putin", "Dr. Amara Osei") or quotes, worked out once."""
        found = self._people_cache.get(slug)
        if found is None:
            names = self._titled_or_quoted(slug)
            found = frozenset(normalise(word) for name in names for word in name)
            self._people_cache[slug] = found
        return found

    def _article_text(self, slug: str) -> tuple[list[int], str]:
        """The positions of the article's paragraphs, and its text (paragraphs joined by blank
        lines)."""
        number = self._article_numbers[slug]
        positions = np.flatnonzero(self._article_of == number).tolist()
        return positions, "\n\n".join(self.paragraphs[i].text for i in positions)

    def _titled_or_quoted(self, slug: str) -> list[list[str]]:
        """The names (as lists of words) the article ``slug`` gives after a title ("President
        Vladimir Putin") or as the speaker of a quotation."""
        positions, text = self._article_text(slug)
        names = [found.group(1).split() for found in TITLED_NAME.finditer(text)]
        names += [
            quote.speaker.split()
            for i in positions
            for quote in self.quotes.in_paragraph(slug, self.paragraphs[i].number)
            if quote.speaker
        ]
        return names

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
        folded = normalise(text)
        folded_asked = normalise(asked)
        asks_money = bool(ASKS_MONEY.search(folded))
        measured = HOW_MUCH_MEASURE.search(folded)
        # (the noun of "how much weight"; not the verb of "how much does it weigh")
        measure_noun = (measured.group(1) or "") if measured else ""
        # "according to the article's conclusion": where in the article, not what it is about
        at_the_end = ASKS_THE_END.search(folded)
        placed = at_the_end or ASKS_THE_START.search(folded)
        placing = frozenset(map(fold_variant, tokenize(placed.group(0)))) if placed else frozenset()
        # "the two countries": the parties the story names ("Russia and Ukraine")
        parties = {
            fold_variant(t)
            for found in THE_PARTIES.finditer(folded)
            for t in tokenize(found.group(0))
        }
        kind = question_type(asked)
        terms: list[QueryTerm] = []
        seen: set[str] = set()
        names = _capitalised_words(text)
        # "get the deal DONE": a word in capitals is the one asked about, light or not
        shouted = set() if text.isupper() else {normalise(w) for w in _SHOUTED.findall(text)}
        # ... and no name for being shouted ("the WHOLE country"; "NATO" is one)
        names -= {w for w in shouted if len(w) > 3 and english_zipf(w) >= SHOUTED_WORD_ZIPF}
        preamble_words = content_tokens(tokenize(self._respelt(preamble)))
        asked_words = content_tokens(tokenize(self._respelt(asked)))
        if (
            preamble_words
            and asked_words
            and all(w in QUESTION_FILLERS for w in asked_words)
            and _POINTS_BACK.search(asked)
        ):
            # "i heard the petition is going to the governors, when is that happening": the
            # question only points back; the chat before it is what it asks about (not "my
            # phone is full of notifications, what happened")
            preamble_words, asked_words = [], preamble_words
        text_tokens = tokenize(text)
        particles = particles_after(text_tokens)
        focus = WHAT_NOUN.match(folded_asked)
        focus_noun = fold_variant(focus.group(1)) if focus else ""
        asks_a_kind = ASKS_A_KIND.match(folded_asked)
        kind_noun = fold_variant(asks_a_kind.group(1)) if asks_a_kind else ""
        asked_tokens = tokenize(folded_asked)
        if not kind_noun and (dated := keyword_date(asked_tokens)) is not None:
            kind_noun = asked_tokens[dated]  # "meeting date?": what is asked, not a topic
        governments = _governing_capitals(folded)
        compounds = compound_nouns(text_tokens)
        acronyms = _acronyms(text)
        compares = bool(COMPARES.search(folded))
        asks_first_name = bool(ASKS_FIRST_NAME.search(folded))
        # "How strong was the wind?": "strong" names what is measured; its stand-in ("power")
        # is no topic of the answer
        degree = asked_degree.group(1) if (asked_degree := HOW_DEGREE.match(folded_asked)) else ""
        framing = _framing_words(text)
        leads_asked = kind is QuestionType.WHO or bool(_WHICH_IN_CHARGE.match(folded))
        taking_effect = _TAKING_EFFECT.search(text)
        if taking_effect and self._writes(_TAKING_EFFECT, term("effect")):
            # "When does the budget take effect?" of "The budget takes effect July 1"
            framing -= set(tokenize(taking_effect.group(0)))
        if _STOPPED_SHORT.search(text) and term("short") in self._document_frequency:
            framing -= {"short"}  # "landed 150 metres short of the runway": the story's words
        framing |= placing  # "at the end of the article": where it says it, not what about
        if _asked(text).population:  # "population of Dunmore" of "a town of 14,000 people"
            framing |= {"population"}
        if _asked(text).occupation and not OCCUPATION_FRAMING.issuperset(asked_words):
            framing |= OCCUPATION_FRAMING  # "what's her day job": what she works as, not "day"
        question_words = preamble_words + asked_words
        # ("what did Glover say about another way": the way is what it is about)
        other_topic = any(
            w not in LIGHT_WORDS and w not in names and w not in framing for w in asked_words
        )
        for position, word in enumerate(question_words):
            if word in framing:
                continue
            # A name has no synonyms ("Bill" is not "note").
            found, closeness = self._lookup(word, synonyms=word not in names)
            before = question_words[position - 1] if position else ""
            if not found and word in _A_COUNTRY_S_VOICE and before in COUNTRY_WORDS:
                # "European governments" of a story that says "much of Europe": Europe
                found, closeness = self._lookup(before)[0], 1.0
            if (
                word in governments
                and (country := term(STAND_INS[word])) in self._document_frequency
            ):
                found, closeness = country, 1.0  # "Moscow and Kyiv" are Russia and Ukraine
            if not found and (word in acronyms or (word in names and len(word) <= 5)):
                found, closeness = self._spelt_out(word)  # "NTSB" of "National Transportation ..."
            if not found and word == kind_noun and word not in ANSWER_KINDS:
                found, closeness = self._kind_term(word)  # "What dance ...?" -> "tango"
                closeness *= KIND_ANSWER_WEIGHT  # the tango is what is asked for
            if word == kind_noun and word in ANSWER_KINDS and closeness < 1.0:
                closeness *= KIND_STAND_IN_WEIGHT  # "Which region ...?": not "part of"
            if leads_asked and word in IN_CHARGE and closeness < 1.0:
                found, closeness = "", 1.0  # "who runs X" asks for a post, not "escaped"
            if word in particles and (
                not found or word in LIGHT_WORDS or particles[word] not in LOOSE_PARTICLES
            ):
                # "looking for an agreement" -> "seeking"; "wrapped up" -> "finish"; "walked
                # out" -> "strike" (a verb the story has, meaning something else alone)
                phrasal = self._phrasal_lookup(word, particles[word])
                if phrasal:
                    found, closeness = phrasal, CORRECTED_WEIGHT
            corrected = closeness < 1.0
            # "Were the strikes needed?" of "Not necessary": a light word indexed with a group of
            # related words (needed = necessary) that the story has is what is asked
            in_related_group = term(word) != stem(word)
            related_in_story = bool(found) and found == term(word) and in_related_group
            key = found or word
            if key in seen:
                continue
            seen.add(key)
            if found:
                weight = self.index.idf(found) * closeness
                if word not in names:
                    weight *= _commonness_discount(
                        word, KNOWN_COMMON_ZIPF, KNOWN_COMMON_STEP, KNOWN_COMMON_FLOOR
                    )
            elif word in names:
                weight = self._rare_idf * UNKNOWN_WEIGHT
            else:
                weight = self._rare_idf * UNKNOWN_COMMON_WEIGHT * _commonness_discount(word)
            if (
                (
                    word in LIGHT_WORDS
                    and word not in shouted
                    and not related_in_story
                    and not (word in LIGHT_UNLESS_ALONE and not other_topic)
                )
                or (compares and word in COMPARISON_FRAMING)
                or position < len(preamble_words)
                or (leads_asked and word in IN_CHARGE)
                or (asks_money and word in MONEY_WORDS)
                or word == measure_noun
                or word in parties
                or (not found and (word in SOMEONE or word in FROM_ABROAD))
                or (corrected and word == degree)
                or (particles.get(word) == "up" and word in ENDED_UP)
            ):
                weight *= LIGHT_WEIGHT  # a light verb, or chat before the question
            if asks_first_name and word in FIRST_NAME_FRAMING:
                found = ""  # "Did Trump call Putin by his first name?": how, not what about
            if focus_noun and word == focus_noun:
                weight *= FOCUS_WEIGHT  # "What warning did Trump give?": the warning decides
            if word in compounds:
                weight *= COMPOUND_WEIGHT  # "Has Trump set a time limit for ...?": the deadline
            if kind is QuestionType.STATEMENT and word in MANNER_VERBS:
                weight *= MANNER_WEIGHT  # "What did Trump warn ...?": the warning, not a hope
            elif kind is QuestionType.OTHER and word in MANNER_NOUNS:
                weight *= MANNER_WEIGHT  # "What was Trump's warning to both sides?": the same
            terms.append(QueryTerm(word, found, weight, corrected, word in names, "", weight))
        doing = ""
        if kind is QuestionType.WHO and (did := _WHO_DID.match(folded)):
            done = fold_variant(did.group(1))
            doing = next(
                (
                    t.term
                    for t in terms
                    if t.word == done and t.term and not t.corrected and done not in LIGHT_WORDS
                ),
                "",
            )
        return Query(
            text,
            kind,
            tuple(_group_names(text, terms)),
            asks_count=bool(ASKS_A_COUNT.search(folded) or ASKS_A_GROUP_SIZE.search(folded)),
            asks_money=asks_money,
            asks_date=bool(ASKS_DATE.search(folded)),
            asks_clock=bool(ASKS_CLOCK.search(folded)),
            asks_year=bool(ASKS_YEAR.search(folded)),
            asks_name=bool(ASKS_NAME.search(folded)),
            asks_first_name=asks_first_name,
            compares=compares,
            reference=self._reference_words(text, compares),
            asks_place=bool(ASKS_PLACE.search(folded)),
            asks_leader=kind is QuestionType.WHO
            and any(t.word in IN_CHARGE and not t.term for t in terms),
            leads_asked=leads_asked,
            quoted=quoted_words(text),
            kind_noun=kind_noun,
            acronyms=acronyms,
            doing=doing,
            placing=placing,
            at_the_end=bool(at_the_end),
        )

    def _reference_words(self, text: str, compares: bool) -> frozenset[str]:
        """The words of Y in "Did X happen before or after Y?" (or, for a comparison, "Was X
        more ... than Y?") that the rest of the question does not use; empty for others."""
        found = (
            BEFORE_OR_AFTER.search(text)
            or _WHEN_RELATIVE_TO.search(text)
            or (COMPARED_WITH.search(text) if compares else None)
        )
        if not found:
            return frozenset()
        end = _CLAUSE_END.search(text, found.end())
        stop = end.start() if end else len(text)
        reference = self._content_words(text[found.end() : stop])
        return frozenset(reference - self._content_words(text[: found.start()] + text[stop:]))

    def _content_words(self, text: str) -> set[str]:
        """The content words of ``text``, abbreviations spelt out and glued compounds split as
        in :meth:`analyse`."""
        return set(content_tokens(tokenize(self._respelt(text))))

    def _phrasal_lookup(self, verb: str, particle: str) -> str:
        """The index term of a synonym of a phrasal verb the story uses (""): a news sense
        WordNet lacks when the story does not use the verb ("sit down with" -> "meeting"), else
        WordNet's."""
        news = news_phrasal_synonyms(verb, particle)
        if news and any(  # the story's own verb ("sat down" of "sit down") keeps its sense
            term(form) in self._document_frequency for form in (verb, *other_forms(verb))
        ):
            news = ()
        for other in (*news, *wordnet_phrasal_synonyms(verb, particle)):
            if (other_term := term(other)) in self._document_frequency:
                return other_term
        return ""

    def _written_as_title(self, word: str, found: str) -> bool:
        """Whether the corpus writes ``word`` (index term ``found``) in capitals before a full
        name ("DCI Rachel Osei"): a post, no first name (abbreviated posts such as "Gov." are
        among :data:`POST_WORDS`)."""
        return self._writes(
            re.compile(rf"\b{re.escape(word.upper())}\s+[A-Z][a-z]+\s+[A-Z]"), found
        )

    def _only_a_name(self, found: str) -> bool:
        """Whether the corpus writes the words of index term ``found`` only with a capital
        (a name: "Trump" is no synonym of "best"), judged on a few paragraphs that have it."""
        known = self._name_terms.get(found)
        if known is None:
            capitalised = lower = False
            for position in self.index.documents_with(found)[:NAME_SAMPLE].tolist():
                text = self.paragraphs[position].text
                for word in _WORD_AFTER.finditer(text):
                    if term(fold_variant(normalise(word.group(1)))) != found:
                        continue
                    if word.group(1)[:1].islower():
                        lower = True
                    elif word.start(1) and not _SENTENCE_START.search(text, 0, word.start(1)):
                        capitalised = True  # a capital inside a sentence, not at its start
                if lower:
                    break
            known = capitalised and not lower
            self._name_terms[found] = known
        return known

    def _uses(self, word: str) -> bool:
        """Whether the corpus uses ``word`` (a folded token) itself."""
        return term(word) in self._document_frequency

    def _writes(self, pattern: re.Pattern[str], found: str) -> bool:
        """Whether a paragraph with index term ``found`` matches ``pattern`` (worked out once
        per pattern; only the paragraphs with the term are read)."""
        if pattern not in self._written:
            if len(self._written) >= SPEAKER_CACHE:  # (patterns made from readers' words)
                self._written.clear()
            self._written[pattern] = any(
                pattern.search(self.paragraphs[position].text)
                for position in self.index.documents_with(found)
            )
        return self._written[pattern]

    def _writes_abbreviation(self, short: str) -> bool:
        """Whether the corpus writes the abbreviation ``short`` ("pm") in capitals as a word
        ("the PM said"), not only dotted in lower case ("at 5 p.m."): a question's "PM" is
        then the story's word, not "prime minister"."""
        if short in WORDS_SPELT_OUT:
            return self._uses(short)
        upper = short.upper()
        # a plural the story writes with a small "s" ("MPs", "POWs", "NGOs")
        plural = short.endswith("s") and short[:-1] in ABBREVIATIONS_SPELT_OUT
        if plural:  # "PMs" or "PMS" is the story's; so is "CEO" when "ceos" stems to "ceo"
            return self._writes(re.compile(rf"\b{re.escape(upper[:-1])}[sS]\b"), term(short)) or (
                term(short) == term(short[:-1]) and self._writes_abbreviation(short[:-1])
            )
        return self._writes(re.compile(rf"\b{re.escape(upper)}\b"), term(short))

    def _speaks_of_advice(self, folded: str, position: int) -> bool:
        """Whether the paragraph at ``position`` speaks of what a request for advice asks: the
        verb of a how-to ("how do i apply ..." of "Drivers can apply from Monday"; a light
        verb, "how do i get the jab", "how can we be sure", leaves it to the other words) or
        its word of advice ("the best time to see the aurora", "Forecasters said")."""
        found = HOW_TO.match(folded)
        if found and found.group(1) in STOPWORDS:
            return True
        terms = self._paragraph_terms(self.paragraphs[position])
        if found and self._lookup(found.group(1), synonyms=False)[0] in terms:
            return True
        return any(
            term(kin) in terms
            for word in ADVICE_WORDS.findall(folded)
            for kin in _ADVICE_KIN.get(word, (word,))
        )

    def _respelt(self, text: str) -> str:
        """``text`` with the abbreviations the corpus does not write itself spelt out ("the
        CEO" -> "the chief executive") and the compounds it writes as two words split ("the
        payrise" -> "the pay rise"), as every question word is looked up."""
        spelt = _GLUED_WORD.sub(
            self._compound_split, spell_out_abbreviations(text, self._writes_abbreviation)
        )
        return _LONG_WORD.sub(self._function_word_fixed, spelt)

    def _function_word_fixed(self, found: re.Match[str]) -> str:
        """A function word mistyped ("which road is shut becuase of the fire") spelt right,
        else the word itself: not a capitalised word (a name, in a question all in capitals
        any word), nor one the corpus has a term for ("wether" may be its "weather")."""
        word = found.group(0)
        if not word.islower() or found.string.isupper():
            return word
        folded = fold_variant(word)
        if folded in STOPWORDS or folded != word:
            return word
        meant = meant_function_word(folded)
        return meant if meant and not self._lookup(folded)[0] else word

    def _compound_split(self, found: re.Match[str]) -> str:
        """The two words of the corpus a rare glued word it does not use stands for ("payrise"
        -> "pay rise", "cyberattack" -> "cyber attack", "seawall" -> "sea wall"), else the word
        itself: not a name ("Southport"), nor a word English knows well ("hostages",
        "priceless"). A word the story could read otherwise (a synonym: "streetcar" is its
        "tram"; a typo's fix: "seawall" of "seawater") is split only where the story writes the
        two words side by side."""
        word = found.group(0)
        if word[:1].isupper() and found.start() and not found.string.isupper():
            return word
        folded = word.lower()
        split = self._compounds.get(folded)
        if split is None:
            split = folded
            rarity = english_zipf(folded)
            if rarity < COMPOUND_ZIPF and term(folded) not in self._document_frequency:
                read_otherwise = bool(self._lookup(folded)[0])  # (a synonym, a typo's fix)
                for cut in range(MIN_COMPOUND_PART, len(folded) - MIN_COMPOUND_PART + 1):
                    first, second = folded[:cut], folded[cut:]
                    if (
                        english_zipf(first) >= COMPOUND_PART_ZIPF
                        and english_zipf(second) >= COMPOUND_PART_ZIPF
                        and term(first) in self._document_frequency
                        and term(second) in self._document_frequency
                        and (
                            self._writes(  # side by side: "a pay rise", "Far-right groups"
                                re.compile(rf"\b{first}[\s-]+{second}\b", re.IGNORECASE),
                                term(first),
                            )
                            or (  # a word English hardly knows, its parts in one passage
                                not read_otherwise
                                and rarity < GLUED_ZIPF
                                and np.intersect1d(
                                    self.index.documents_with(term(first)),
                                    self.index.documents_with(term(second)),
                                    assume_unique=True,
                                ).size
                            )
                        )
                    ):
                        split = f"{first} {second}"
                        break
            if len(self._compounds) >= SPEAKER_CACHE:  # (keyed by readers' words)
                self._compounds.clear()
            self._compounds[folded] = split
        return word if split == folded else split

    def _lookup(
        self, word: str, *, synonyms: bool = True, respell: bool = True
    ) -> tuple[str, float]:
        """:meth:`_find_term`, worked out once per word (the engine never changes)."""
        key = (word, synonyms, respell)
        found = self._lookups.get(key)
        if found is None:
            found = self._find_term(word, synonyms=synonyms, respell=respell)
            if len(self._lookups) >= LOOKUP_CACHE:  # (keyed by readers' words)
                self._lookups.clear()
            self._lookups[key] = found
        return found

    def _find_term(
        self, word: str, *, synonyms: bool = True, respell: bool = True
    ) -> tuple[str, float]:
        """The index term for a question word: itself, a negated or un-negated form the story
        uses ("trust" -> "mistrust"), a WordNet synonym it uses ("detained" -> "detention"),
        a noun one step broader or narrower, or a typo correction; ("", 1.0) when none. The
        number is how much the found term counts: 1 for the word itself (or another form of
        it), :data:`CORRECTED_WEIGHT` for a stand-in, less for a broader or narrower noun. A
        word English spells otherwise is looked up as spelt right (``respell``, once)."""
        found = term(word)
        if found in self._document_frequency:
            return found, 1.0
        plural = own_sense_plurals().get(found, "")
        if plural in self._document_frequency:  # "how much did they save" of "savings" alone
            return plural, CORRECTED_WEIGHT
        if (other_word := _READ_AS.get(word)) and (other := term(other_word)) in (
            self._document_frequency
        ):  # "feeling the strain" of a story that says "tension" (and has no "strain")
            return other, 1.0
        stand_in = STAND_INS.get(word) or STANDS_FOR.get(word)  # "Moscow" for Russia
        if stand_in and (other := term(stand_in)) in self._document_frequency:
            return other, CORRECTED_WEIGHT
        if kin := KIN_WORDS.get(word):
            # "the nurse mum" of "a nurse with two children": "mother" -> "parent"
            other, closeness = self._lookup(kin, synonyms=False, respell=False)
            if other:
                return other, min(closeness, CORRECTED_WEIGHT)
            broader = KIN_BROADER.get(kin, "")
            if synonyms and (other := term(broader)) in self._document_frequency:
                return other, CORRECTED_WEIGHT * LOOSE_WEIGHT
        for member in REGION_MEMBERS.get(word, ()):  # "Scandinavian" for Norwegian
            if (other := term(member)) in self._document_frequency:
                return other, CORRECTED_WEIGHT
        if word in NEWS_PEOPLE:  # "the press" for the reporters who asked
            for other_word in NEWS_PEOPLE:
                if (other := term(other_word)) in self._document_frequency:
                    return other, CORRECTED_WEIGHT
        for form in other_forms(word):  # "mean" -> "meant", "stolen" -> "stole"
            if (other := term(form)) in self._document_frequency:
                return other, 1.0
        if synonyms and is_adjective(word):  # "How hot is the sand?" of "hotter sand"
            for form in comparatives(word):
                if (other := term(form)) in self._document_frequency:
                    return other, 1.0
        verb, _, particle = word.partition("_")
        if particle:  # a phrasal verb the story does not use: its verb if the story has it
            # ("taking" of "take over"), else a synonym ("step down" -> "resign")
            if synonyms and term(verb) not in self._document_frequency:
                for other_word in wordnet_synonyms(word):
                    if (other := term(other_word)) in self._document_frequency:
                        return other, CORRECTED_WEIGHT
            found = self._lookup(verb)[0]
            return found, CORRECTED_WEIGHT if found else 1.0
        for prefix in _NEGATION_PREFIXES:
            relative = word[len(prefix) :] if word.startswith(prefix) else prefix + word
            if word.startswith(_NOT_NEGATED) or relative.startswith(_NOT_NEGATED):
                continue  # "charged" is not "discharged"
            if len(relative) > 3 and (other := term(relative)) in self._document_frequency:
                return other, CORRECTED_WEIGHT
        # A word English hardly uses is more likely a typo of a story word ("pries" for
        # "prices") than a synonym of one ("pries" -> "prize").
        likely_typo = english_zipf(word) < TYPO_ZIPF
        if likely_typo and (fixed_term := self._corrected(word)):
            return fixed_term, CORRECTED_WEIGHT
        if synonyms:
            # ("wider" -> "broad" -> "broader": a comparative's synonym, compared)
            graded = word.endswith(("er", "est"))
            for other in wordnet_synonyms(word):
                for form in (other, *(comparatives(other) if graded else ())):
                    other_term = term(form)
                    if other_term in self._document_frequency and not self._only_a_name(other_term):
                        return other_term, CORRECTED_WEIGHT
        if synonyms and (broader_or_narrower := self._related_term(word)):
            return broader_or_narrower, CORRECTED_WEIGHT * LOOSE_WEIGHT
        if is_common_english(word):
            return "", 1.0
        if not likely_typo and (fixed_term := self._corrected(word)):
            return fixed_term, CORRECTED_WEIGHT
        # A typo the story's words are too far from may be close to a stem: "frustated" ->
        # "frustat" ~ "frustrat" (the stem of "frustration").
        fixed_stem = self._stem_speller.correct(found)
        if fixed_stem is not None and fixed_stem in self._document_frequency:
            return fixed_stem, CORRECTED_WEIGHT
        # A misspelt paraphrase: "comlicated" -> "complicated" -> "complex".
        english = english_speller().correct(word) if respell else None
        if english is not None and english != word:
            # looked up as the word itself would be: "europeasn" -> "europeans" -> Europe; a
            # misspelt name ("Eurpoeans") only as one of the story's names
            found, closeness = self._lookup(fold_variant(english), synonyms=synonyms, respell=False)
            if found and (synonyms or self._only_a_name(found)):
                return found, min(closeness, CORRECTED_WEIGHT)
        return "", 1.0

    def _spelt_out(self, acronym: str) -> tuple[str, float]:
        """The index term standing for an acronym the story spells out ("ntsb" ->
        "National Transportation Safety Board": its rarest word), with a stand-in's weight;
        ("", 1.0) when the story spells out no name with those initials."""
        if self._spelt_names is None:
            spelt: dict[str, str] = {}
            for paragraph in self.paragraphs:
                for name in _LONG_NAME.finditer(paragraph.text):
                    words = [w for w in name.group(0).split() if w.lower() not in _NAME_LINKS]
                    initials = "".join(w[0] for w in words).lower()
                    if len(initials) >= 2:
                        keys = [term(fold_variant(normalise(w))) for w in words]
                        known = [k for k in keys if k in self._document_frequency]
                        if known:
                            spelt.setdefault(
                                initials, min(known, key=self.index.document_frequency)
                            )
            self._spelt_names = spelt
        found = self._spelt_names.get(acronym, "")
        return (found, CORRECTED_WEIGHT) if found else ("", 1.0)

    def _kind_term(self, noun: str) -> tuple[str, float]:
        """The index term of a kind of ``noun`` the story uses ("dance" -> "tango") that
        English uses rarely enough to be the kind asked about, with a stand-in's weight;
        ("", 1.0) when none."""
        # the most specific the story has: "tango" rather than "formal" (a formal is a dance)
        kinds = [k for k in wordnet_kinds(noun) if term(k) in self._document_frequency]
        found = self._rare_story_term(sorted(kinds, key=english_zipf), KIND_ZIPF)
        return (found, CORRECTED_WEIGHT) if found else ("", 1.0)

    def _related_term(self, word: str) -> str:
        """The index term of a noun one step broader or narrower than ``word`` in WordNet that
        the story uses and English uses rarely enough to mean something ("" when none)."""
        return self._rare_story_term(wordnet_related(word), RELATED_ZIPF)

    def _rare_story_term(self, candidates: Sequence[str], most_zipf: float) -> str:
        """The index term of the first of ``candidates`` the story uses, not only as a name,
        that English uses no more than ``most_zipf`` ("" when none)."""
        for other in candidates:
            other_term = term(other)
            if (
                other_term in self._document_frequency
                and english_zipf(other) <= most_zipf
                and not self._only_a_name(other_term)
            ):
                return other_term
        return ""

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
        folded = normalise(query.text)
        if query.placing and not query.terms:  # "What does the last paragraph say?"
            return self._placed_paragraph(query, at_the_end=query.at_the_end)
        # "hey bot how r u doing today": nothing to look up ("good job?" of a story that quotes
        # "Good job, honestly" asks about those words)
        if is_small_talk(query.text) and not self._writes_phrase(query.text):
            return dataclasses.replace(
                self._decline(query, [], ""), reason=SMALL_TALK_REPLY, small_talk=True
            )
        if ASKS_THE_GIST.match(folded):  # "What is this story about?": its lead sums it up
            return self._placed_paragraph(query, at_the_end=False)
        said = ASKS_WHEN_IT_WAS_SAID.match(folded)
        if said and self._speaks_in_the_lead(said.group(1)):
            return self._placed_paragraph(query, at_the_end=False)  # (the lead dates it)
        candidates = self._rank(query) if query.terms else []
        about = ABOUT_THE_ARTICLE.search(folded)
        if about:  # "Who wrote this article?": its metadata, not its text
            return self._article_metadata(query, candidates, about.lastgroup or "")
        if not query.terms:
            return self._decline(query, [], "the question has no words to look up")
        if is_chatter(query.text) and (
            not candidates or self._coverage(query, candidates[0].paragraph)[0] < CHATTER_COVERAGE
        ):  # "lol anyone else think trains are kinda cool tbh" (not "... think putin wants a deal")
            return dataclasses.replace(
                self._decline(query, [], ""), reason=SMALL_TALK_REPLY, small_talk=True
            )
        if not candidates:
            return self._decline(query, [], "no passage shares a key word with the question")
        answer = self._answer(query, candidates)
        if answer.answered:
            return answer
        # "What did the Baltavian prime minister say?", "How old is the Czech prime minister?":
        # ask it of the person the story gives that post ("Czech Prime Minister Tomáš Horáček").
        for mention, holders in self._role_holders(query, candidates):
            # "the president" of a story with two: the one of whom the story says it
            answered = []
            for holder in holders:
                named = self.analyse(query.text.replace(mention, holder, 1))
                renamed = self._rank(named)
                second = self._answer(named, renamed) if renamed else None
                if second is not None and second.answered:
                    answered.append(second)
            if len(answered) == 1 or (len(holders) == 1 and answered):
                return dataclasses.replace(answered[0], question=query.text)
        return answer

    def _writes_phrase(self, message: str) -> bool:
        """Whether some paragraph has the words of ``message`` (two or more) in a row ("good
        job" of "Good job, honestly"; not of "400 good jobs")."""
        phrase = f" {plain_words(message)} "
        if phrase.count(" ") < 3:
            return False
        terms = [t for t in index_terms(message) if t in self._document_frequency]
        if terms:
            rarest = min(terms, key=self.index.document_frequency)
            positions = self.index.documents_with(rarest).tolist()
        elif len(self.paragraphs) <= PHRASE_SCAN_PARAGRAPHS:  # "are you there?": all stopwords
            positions = range(len(self.paragraphs))
        else:
            return False
        return any(
            phrase in f" {plain_words(self.paragraphs[position].text)} " for position in positions
        )

    def _speaks_in_the_lead(self, who: str) -> bool:
        """Whether "when did WHO say all this" asks of the one the lead has speaking: "he",
        "she", "they", or a name the lead uses; with several articles, none (whose lead?)."""
        if len(self.corpus.articles) != 1:
            return False
        if who in ("he", "she", "they"):
            return True
        return term(fold_variant(who)) in self._paragraph_terms(self.paragraphs[0])

    def _placed_paragraph(self, query: Query, *, at_the_end: bool) -> Answer:
        """Answer "What does the last (first) paragraph say?" with the article's last (first)
        paragraph, and "What is this story about?" / "When did this happen?" with its lead's
        first sentence (that fits the question), when there is one article to ask it of."""
        where = "end" if at_the_end else "start"
        if len(self.corpus.articles) != 1:
            count = len(self.corpus.articles)
            return self._decline(query, [], f"there are {count} articles; name the one you mean")
        position = max(self._closing) if at_the_end else 0
        paragraph = self.paragraphs[position]
        passage = Passage(self._citation(paragraph), paragraph.text, 0.0)
        sentences = self.sentences(position)
        fitting = next(
            (s for s in sentences if not self._unmet_requirement(query, s, paragraph)),
            None if query.kind in _NEEDS_A_FITTING_SENTENCE else sentences[0],
        )
        if fitting is None:  # "Where did this happen?" of a lead that names no place
            why = self._unmet_requirement(query, sentences[0], paragraph)
            return self._decline(query, [], why.replace("closest passage", f"article's {where}"))
        return Answer(
            question=query.text,
            answered=True,
            sentence=fitting.text,
            citation=passage.citation,
            passages=(passage,),
            quotes=tuple(
                self.quotes.in_paragraph(paragraph.article, paragraph.number)[:MAX_QUOTES]
            ),
            reason=f"the {where} of the article: paragraph {paragraph.number}",
        )

    def _article_metadata(self, query: Query, candidates: list[_Candidate], asked: str) -> Answer:
        """Answer "who wrote it / when was it published / what is the headline / who is in the
        photo" from the article's metadata (the best candidate's article); declined when it
        does not give it."""
        what = {
            "author": "who wrote it",
            "date": "when it was published",
            "title": "its headline",
            "caption": "what its photo shows",
        }[asked]
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
            sentence={
                "author": f"“{article.title}” was written by {value}.",
                "date": f"“{article.title}” was published on {value}.",
                "title": f"The article's headline is “{value}”.",
                "caption": f"The photo under the headline of “{article.title}” is captioned "
                f"“{value}”.",
            }[asked],
            citation=self._citation(lead),
            passages=self._passages(candidates)
            or (Passage(self._citation(lead), lead.text, 0.0),),  # "who is pictured?"
            quotes=(),
            reason=f"the article's {asked}, from its metadata",
        )

    def _role_holders(
        self, query: Query, candidates: list[_Candidate]
    ) -> list[tuple[str, list[str]]]:
        """(words, names) for each post the question names someone by ("the Polish minister")
        that the candidates' articles give one to :data:`MAX_HOLDERS` people."""
        mentions = []
        speaker = asked_speaker(query.text)
        if speaker and not all(w[:1].isupper() for w in speaker.split() if w not in STOPWORDS):
            mentions.append((speaker, speaker))  # "the union leader": any wording of the post
        mentions += role_mentions(query.text)
        if not mentions:
            return []
        articles = sorted({int(self._article_of[c.paragraph]) for c in candidates})
        positions = np.flatnonzero(np.isin(self._article_of, articles)).tolist()
        found = []
        for mention, role in mentions:
            roles = [role]
            qualifiers, _, post = role.rpartition(" ")
            if post == "leader":  # "the Kremlin leader": "President Vladimir Putin"
                owner = " ".join(STAND_INS.get(normalise(w), w).title() for w in qualifiers.split())
                roles = [f"{owner} {title}".strip() for title in LEADER_TITLES]
            names = {
                name
                for held in roles
                for i in positions
                for name in holder_names(held, self.paragraphs[i].text)
            }
            if 0 < len(names) <= MAX_HOLDERS:
                found.append((mention, sorted(names)))
        return found

    def _answer(self, query: Query, candidates: list[_Candidate]) -> Answer:
        """Choose among ranked candidates, or decline (see :meth:`answer`)."""
        folded = normalise(query.text)
        candidates = self._prefer_covering(query, candidates)
        candidates = self._prefer_detail(query, candidates)
        candidates = self._prefer_fitting(query, candidates)
        candidates = self._prefer_acting(query, candidates)
        candidates = self._prefer_said_by(query, candidates)
        candidates = self._prefer_doing(query, candidates)
        whose = _whose_job(query)
        if whose and not self._tells_job(candidates[0], whose):
            # "What's Lauren Pike's day job?": the passage that says it, if any does
            candidates = self._promote(candidates, lambda c: self._tells_job(c, whose))
        best = candidates[0]
        coverage, matched = self._coverage(query, best.paragraph)
        light = (
            LIGHT_WORDS | SOMEONE | FROM_ABROAD | (IN_CHARGE if query.leads_asked else frozenset())
        )
        if query.kind_noun in ANSWER_KINDS:
            # "Which company is handling the engineering?": the story names the company
            light = light | {query.kind_noun}
        if (degree := HOW_DEGREE.match(folded)) and degree.group(1) in _DEGREE_ASKED:
            # "how strong were the gusts": how much, which "gusts of 94 mph" says
            light = light | {degree.group(1)}
        if query.compares:
            light = light | COMPARISON_FRAMING
        if query.asks_first_name:
            light = light | FIRST_NAME_FRAMING
        either = ALTERNATIVES.search(folded)
        if either:  # "is it male or female": one option the story has is enough
            known_option = {t.word: t.term for t in query.terms if t.word in either.group(1, 2)}
            if any(known_option.values()):
                light = light | {word for word, found in known_option.items() if not found}
        unknown = [t.word for t in query.terms if not t.term and t.word not in light]
        # A multi-word name counts once: "Will Louise Garnett go to prison?" has one known thing.
        things = {t.group or t.word for t in query.terms if t.word in matched}
        if len(things) == 1 and unknown:
            # (the word the story has: "trump" of the name "Glorbfen Trump", not "glorbfen")
            found = next((t.word for t in query.terms if t.word in matched and t.term), matched[0])
            return self._decline(
                query,
                candidates,
                f"only one key word of the question is in the story ({found}; "
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
        best_text = self.sentences(best.paragraph)[best.sentence].text
        if (
            ASKS_ADVICE.search(folded)
            and coverage < ADVICE_COVERAGE
            and not self._speaks_of_advice(folded, best.paragraph)
        ):
            return self._decline(query, candidates, "it gives no advice on that")
        if ASKS_EARLIER.search(folded) and THAN_BEFORE.search(best_text):
            # "What were Trump's earlier, gloomier remarks?" of "more optimistic ... than his
            # previous remarks": the story has them only to compare with
            return self._decline(
                query, candidates, "it mentions the earlier ones only to compare with them"
            )
        if either:
            # "Were they ballistic or cruise missiles?": the passage must name one of the two.
            options = [t for t in query.terms if t.word in either.group(1, 2)]
            present = self._terms_of(best.paragraph)
            if len(options) == 2 and not any(t.term in present for t in options):
                return self._decline(
                    query, candidates, f"it does not say whether {either.group(0)}"
                )
        elsewhere = self._names_elsewhere(query, best.paragraph) or self._topic_elsewhere(
            query, best.paragraph
        )
        if elsewhere:
            return self._decline(
                query,
                candidates,
                f"{_as_written(query.text, elsewhere)} appears only in another article",
            )
        channel = CHANNEL_ASKED.search(folded)
        if channel and term(channel.group(1)) not in self._terms_of(best.paragraph):
            # "Did Trump talk to Putin on the phone?" of a passage with no phone
            return self._decline(
                query, candidates, f"the closest passage does not say it was by {channel.group(1)}"
            )
        if LAST_YEAR_ASKED.search(query.text) and not SAYS_A_PAST_YEAR.search(best_text):
            # "Who won the Tour last year?" of "Ferrandi won the Tour on Sunday"
            return self._decline(query, candidates, "the closest passage is not about last year")
        year = (
            self._missing_year(query, best.paragraph)
            or self._other_day(query, best.paragraph, best_text)
            or self._other_number(query, best.paragraph)
        )
        if year:
            return self._decline(query, candidates, f"the closest passage is not about {year}")
        untold = self._untold_event(query, best.paragraph)
        if untold:
            return self._decline(
                query, candidates, f"the closest passage does not tell of {', '.join(untold)}"
            )
        absent = self._absent_person(query, best.paragraph)
        if absent:
            return self._decline(
                query, candidates, f"the closest passage does not mention {absent}"
            )
        owner = self._absent_owner(query, best.paragraph)
        if owner:
            return self._decline(query, candidates, f"the closest passage is not about {owner}")
        stranger = next((t.word for t in query.terms if _unknown_name(t, query.acronyms)), "")
        if stranger:
            return self._decline(
                query, candidates, f"it does not mention {_as_written(query.text, stranger)}"
            )
        # "the Champions League" of a story that only has "league": another name.
        known_groups = {t.group for t in query.terms if t.group and t.term}
        partial = next((t.group for t in query.terms if t.group in known_groups and not t.term), "")
        if partial:
            return self._decline(query, candidates, f"it does not mention {partial.title()}")
        focus = focus_words(query.text)
        unknown_words = {t.word for t in query.terms if not t.term}
        if focus and all(word in unknown_words for word in focus):
            return self._decline(query, candidates, f"it does not mention {' '.join(focus)}")
        asked_noun = WHAT_NOUN.match(folded)
        if (
            asked_noun
            and fold_variant(asked_noun.group(1)) in unknown_words
            and asked_noun.group(1) not in light
            and asked_noun.group(1) not in ANSWER_KINDS
        ):  # "What sanctions will Trump impose?" of a story without sanctions
            return self._decline(query, candidates, f"it does not mention {asked_noun.group(1)}")
        # What the question asks about, which the story must have: "Which architect ...?",
        # "Did Trump and Støre talk about tariffs?", "Who is the US envoy ...?"
        light_or_kind = light | ANSWER_KINDS
        asked_about = (
            query.kind_noun if _WHICH.match(query.text) else "",
            next((w for w in about_topic(query.text) if w not in light_or_kind), ""),
            who_head(query.text) if query.kind is QuestionType.WHO else "",
        )
        lacking = next(
            (
                w
                for w in asked_about
                if w in unknown_words and w not in light_or_kind and english_zipf(w) >= TYPO_ZIPF
            ),
            "",
        )
        done_to = who_doing_head(query.text) if query.kind is QuestionType.WHO else ""
        if (
            not lacking
            and done_to in unknown_words
            and done_to not in light
            and english_zipf(done_to) >= TYPO_ZIPF
        ):
            lacking = done_to  # "Who is leading the negotiating team?" of a story without one
        if lacking:  # the thing asked about is one the story never mentions
            return self._decline(
                query, candidates, f"it does not mention {_as_written(query.text, lacking)}"
            )
        doing = _WHO_DOING.match(folded) if query.kind is QuestionType.WHO else None
        if (
            doing
            and doing.group(1) in unknown_words
            and doing.group(1) not in light
            and RARE_VERB_ZIPF <= english_zipf(doing.group(1)) <= DOING_ZIPF
        ):  # "Who is brokering the peace talks?" of a story where nobody brokers anything
            return self._decline(query, candidates, f"it does not say who is {doing.group(1)}")
        owned = _OWNED_NOUN.match(folded)
        noun = fold_variant(owned.group(3)) if owned else ""
        if owned and owned.group(2) == "s":  # "marcus ebbes salary", not "the bus fare"
            owner_words = {fold_variant(w) for w in owned.group(1).split()}
            owner_words |= {w + "s" for w in owner_words}
            if not any(
                t.term and t.word in owner_words and (t.name or self._only_a_name(t.term))
                for t in query.terms
            ):
                noun = ""
        owned_term = next((t.term for t in query.terms if t.word == noun and t.term), "")
        if (
            owned_term
            and noun not in light_or_kind
            and owned_term not in self._terms_of(best.paragraph)
        ):  # "What is Marcus Ebbe's salary?" of the paragraph that names him, not his salary
            return self._decline(query, candidates, f"the closest passage gives no {noun}")
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
        follow_up = self._follow_up(best.paragraph, best.sentence) or self._their_view_after(
            best.paragraph, best.sentence
        )
        if follow_up is None and query.kind in _QUOTE_BACKED:
            # "Why was Trump unhappy about the strikes?": "Trump expressed frustration with
            # the strikes" and the quotation after it, which says why
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
        feature = TYPE_FEATURE.get(query.kind)
        folded = normalise(query.text)
        wants_words = bool(ASKS_WORDS.search(folded))
        wants_speed = bool(ASKS_SPEED.search(folded))
        job_of = _whose_job(query)  # "what does Kyle Brennan do for a living"
        asked = _asked(query.text)
        # "according to the article's conclusion" / "in the first paragraph": where it says it
        at_the_end = query.at_the_end
        at_the_start = bool(query.placing) and not at_the_end
        measures = query.kind is QuestionType.HOW_MANY and bool(asked.measure)
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
            fitting: list[bool] = []
            paragraph = self.paragraphs[position]
            if paragraph.is_lead and scores and self._headline_asked(query, paragraph):
                # "What did Trump call Russia's pause?" asks what the headline says: the lead's
                # first sentence, which it sums up, says it.
                scores = [best_sentence, *scores[1:]]
            for sentence, value in zip(self.sentences(position), scores, strict=True):
                total = value / best_sentence if best_sentence > 0 else 0.0
                if query.quoted and query.quoted in plain_words(sentence.text):
                    total += QUOTED_BONUS  # the words the question quotes, as written
                if value > 0 and query.compares and sentence.has(COMPARISON):
                    total += TYPE_BONUS  # "more optimistic ... than his previous remarks"
                if (
                    value > 0
                    and query.asks_first_name
                    and self._first_name_alone(paragraph.article, sentence.text)
                ):
                    total += TYPE_BONUS  # "Did Trump call Putin by his first name?"
                if wants_words and value > 0 and sentence.has(QUOTE_MARK):
                    total += TYPE_BONUS  # "Give me Trump's exact words about ...": a quotation
                if wants_speed and value > 0 and sentence.has(SPEED_OR_TIME_TAKEN):
                    total += TYPE_BONUS  # "How fast is the lava flowing?": "200 meters an hour"
                if value > 0 and (
                    (asked.medium and sentence.has(A_MEDIUM))  # "posted on Truth Social"
                    or (asked.population and sentence.has(A_POPULATION))
                    or (asked.tally and sentence.has(A_TALLY))
                    or (job_of and tells_occupation(sentence.text, job_of))
                ):
                    total += TYPE_BONUS  # "Which platform did he use?", "population of Dunmore"
                if value > 0 and (
                    (at_the_end and position in self._closing)
                    or (at_the_start and paragraph.is_lead)
                ):
                    total += TYPE_BONUS
                meets = (
                    value > 0
                    and self._fits(query, feature, sentence)
                    and not self._unmet_requirement(query, sentence, paragraph)
                )
                if meets:
                    total += TYPE_BONUS
                totals.append(total)
                fitting.append(meets)
            chosen = max(range(len(totals)), key=lambda i: (totals[i], -i))
            if measures and not fitting[chosen] and any(fitting):
                # "How long did the talks last?": the paragraph's sentence with the hours
                chosen = max(
                    (i for i in range(len(totals)) if fitting[i]), key=lambda i: (totals[i], -i)
                )
            combined = PARAGRAPH_WEIGHT * bm25 / top_bm25 + (1 - PARAGRAPH_WEIGHT) * totals[chosen]
            quoted = bool(query.quoted) and query.quoted in plain_words(
                self.sentences(position)[chosen].text
            )
            candidates.append(_Candidate(position, bm25, chosen, combined, quoted))
        candidates.sort(key=lambda c: (-c.score, c.paragraph))
        return candidates

    def _stance_holder(self, query: Query) -> set[str]:
        """Index terms of X in "Does X agree/accept/believe ...?", "How does X see ...?", "What
        did X make of ...?" (empty if not such a question)."""
        found = (
            STANCE_QUESTION.search(normalise(query.text))
            if query.kind is QuestionType.YES_NO
            else None
        )
        if not found:
            found = VIEW_QUESTION.search(normalise(query.text))
        if not found or found.group(1) in ("he", "she", "they", "it", "you", "i", "we"):
            return set()
        holder = self._terms_in(found.group(1))
        for word in map(fold_variant, tokenize(found.group(1))):
            if word in STAND_INS:  # "Does Kyiv (Kiev) agree ...?": the government, Ukraine
                holder |= self._terms_in(STAND_INS[word])
        return holder

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
        if not paragraph.is_lead:
            return 0.0
        title = self._title_terms.get(paragraph.article, frozenset())
        own = self._terms_of(position)
        return sum(
            weight * (HEADLINE_SHARE if key not in own else 1.0)
            for key, weight in weights.items()
            if key in title
        )

    def _speaker_of(self, question: str) -> _Speaker:
        """The speaker a "what did X say" question names, and the index terms ("" when
        unknown) of its capitalised words (names), of its others (roles: "union", "leader") and
        of a name it is the speaker of ("Corvane" of "Corvane's boss": it says whose boss, and
        counts as a role's word); worked out once per question."""
        found = self._speakers.get(question)
        if found is None:
            speaker = asked_speaker(question)
            names: list[str] = []
            roles: list[str] = []
            owners: list[str] = []
            # "the CEO" of a story that says "chief executive", "the prez" of "President"
            spelt = self._respelt(speaker)
            spoken = spelt.split()
            # "the Barcelona guy": "guy" says nothing of who; the place says where they are from
            someone = [fold_variant(normalise(word)) in SOMEONE for word in spoken]
            # (term, whether it names) of each word, read backwards so that a word knows
            # whether a name follows it
            read: list[tuple[str, bool]] = []
            name_follows = False
            for i, word in reversed(list(enumerate(spoken))):
                owner = i + 1 < len(spoken) and POSSESSIVE_END.search(word) is not None
                if owner and word[:1].isupper():
                    owners += terms_of_tokens(tokenize(POSSESSIVE_END.sub("", word)))
                # "Mayor Betancourt": the title is his post, not his name
                titled = word.lower().rstrip(".") in POST_WORDS and i + 1 < len(spoken)
                qualifier = i + 1 < len(spoken) and someone[i + 1]
                read_word: list[tuple[str, bool]] = []
                for token in tokenize(word):
                    if token not in STOPWORDS and not someone[i]:
                        known = self._lookup(fold_variant(token))[0]
                        named = (
                            word[:1].isupper()
                            or self._person_named(token, known)
                            # "roy ellison": a first name the story writes only as a name
                            # (a post, "mp hart", is ``titled`` below)
                            or (
                                name_follows
                                and bool(known)
                                and self._only_a_name(known)
                                and not self._written_as_title(token, known)
                            )
                        ) and not (owner or titled or qualifier)
                        read_word.append((known, named))
                read = read_word + read
                name_follows = bool(read_word) and read_word[0][1]
            for known, named in read:
                (names if named else roles).append(known)
            if len(self._speakers) >= SPEAKER_CACHE:
                self._speakers.clear()
            stranger = any(
                fold_variant(word) in COUNTRY_WORDS and not self._lookup(fold_variant(word))[0]
                for word in tokenize(speaker)
            )
            owner_words = _OWNER_WORDS.match(speaker)
            owner_terms, owned_terms = (
                (
                    frozenset(terms_of_tokens(tokenize(normalise(owner_words.group(1))))),
                    frozenset(
                        terms_of_tokens(tokenize(normalise(speaker[owner_words.end() - 1 :])))
                    ),
                )
                if owner_words
                else (frozenset(), frozenset())
            )
            found = self._speakers[question] = _Speaker(
                speaker, names, roles, owners, spelt, stranger, owner_terms, owned_terms
            )
        return found

    def _unreported_speaker(self, query: Query, sentence: Sentence, paragraph: Paragraph) -> str:
        """Why ``sentence`` does not report the speaker a "what did X say" question asks about
        ("" when it does, or when the question names nobody).

        A name must be the one speaking (or quoted in the paragraph): "the prime minister" is
        not "Housing Minister Rachel Osei", and a name the story never uses is not there at all.
        A role ("the union leader", "the company's boss") may be worded differently or stand
        before the name ("Mayor Elena Varga said"): someone must speak in the sentence and one
        of the role's words (if the story has it) must be in the paragraph.
        """
        speaker, names, roles, owners, spelt, stranger, owner, owned = self._speaker_of(query.text)
        if not names and not roles:
            return ""
        if stranger:  # "the UK prime minister" of a story that never names the UK
            return f"the story does not mention {speaker}"
        if not any(roles) and DISSENTERS.intersection(normalise(speaker).split()):
            # "What do critics say ...?" of a story without them: whoever the passage has
            # rejecting or criticising
            if _DISSENT.search(paragraph.text):
                return ""
            return f"the story does not report {speaker} saying that"
        article = self._article_numbers[paragraph.article]
        if any(not self._in_article(owner, article) for owner in owners):
            return f"the story does not report {speaker} saying that"  # another's "chief"
        if (
            not names and not any(roles) and not _THE_TEXT.intersection(normalise(speaker).split())
        ):  # "what did zelensky say": nobody the story knows ("the headline" is the text)
            return f"the story does not mention {speaker}"
        # "Prime Minister Jonas Gahr Støre" of "Norway's PM"
        holders = holder_terms(spelt, paragraph.text) if roles else frozenset()
        stance = _asked(query.text).stance  # "Did Støre agree with Trump ...?"
        if not names and (_asked(query.text).reaction or stance):
            # "How did the markets react?": not only by speaking, but the markets must act in
            # the sentence ("The Kremlin brushed off ...", not "the Russian strikes")
            known = {r for r in roles if r}
            known |= {_STAND_IN_TERMS[r] for r in known if r in _STAND_IN_TERMS}  # kyiv: Ukraine
            if holders and not acts_in(sentence.text, set(holders)):
                return f"the story does not report how {speaker} reacted"
            if not known or acts_in(sentence.text, known):
                return ""
            return f"the story does not report how {speaker} reacted"
        if names and not all(names):  # "What did Macron say": a name the story never uses
            return f"the story does not mention {speaker}"
        quoted = self._quoted_speakers(paragraph)
        subjects = sentence.subjects | quoted
        if not sentence.subjects and (any(roles) or names) and _THEIR_VIEW.match(sentence.text):
            # "... much of Europe rejected the notion ... For them, halting is not ...": what
            # "they" hold is what the ones named before say
            subjects |= self._referents(paragraph, sentence)
        if (
            owner
            and subjects
            and subjects <= owner
            and not _owned_named(sentence.text, owner, owned)
        ):
            # "What did Moira Tennant's sons say?" of "..., said Moira Tennant": she speaks (but
            # "A lawyer for Moira Tennant said" reports her lawyer)
            return f"the story does not report {speaker} saying that"
        if names:
            key = max(names, key=lambda w: (self.index.idf(w), w))
            if (
                key in subjects or _STAND_IN_TERMS.get(key) in subjects  # "Kyiv" for Ukraine
            ) and not self._another_first_name(paragraph.article, names, subjects):
                return ""
            if names[-1] in subjects and self._called_by_surname(
                paragraph.article, names, sentence.text
            ):
                return ""  # "Marta Lindqvist" is "Lindqvist" after first mention
            if stance and _takes_a_stance(sentence.text, {key, _STAND_IN_TERMS.get(key, key)}):
                return ""  # "Did Russia agree to halt strikes?": "Russia will halt strikes ..."
            if PRONOUN_SUBJECT in subjects:
                referents = self._referents(paragraph, sentence) | quoted
                if not referents or key in referents:  # "he said" of the one named before
                    return ""
        if subjects and roles:
            known_roles = {r for r in roles if r}
            present = self._text_terms(paragraph)
            if len(known_roles) == 1:  # "kyiv" alone is Ukraine; "the kyiv mayor" is no country
                known_roles |= {_STAND_IN_TERMS[r] for r in known_roles if r in _STAND_IN_TERMS}
                if (
                    known_roles <= _COUNTRY_TERMS
                    and not known_roles & subjects
                    and not any(
                        _speaks_for(text, speakers, known_roles)
                        for text, speakers in self._said_in(paragraph, sentence)
                    )
                ):
                    # "What did the Kremlin say?" of "For them (Europe), halting the invasion is
                    # not ... a pause in Russia's ambitions": a country speaks as a subject, or
                    # through one it is written before ("Kremlin spokesman Dmitry Peskov said")
                    return f"the story does not report {speaker} saying that"
            # "The club said assistant coach Tom Hale would take charge" names no coach
            role_present = not known_roles or (
                bool(known_roles & present) and not only_another_post(spelt, paragraph.text)
            )
            if not role_present:
                # "What did the judge tell him?" of "Okafor told Corliss in court": the article
                # calls her "U.S. District Judge Helen Okafor" in another paragraph
                holders_elsewhere = self._holder_surnames(spelt, paragraph.article)
                role_present = bool(holders_elsewhere & sentence.subjects)
            if holders and not holders & subjects:
                return f"the story does not report {speaker} saying that"
            if role_present and all(n in present or n in subjects for n in names):
                return ""
        return f"the story does not report {speaker} saying that"

    def _holder_surnames(self, role: str, slug: str) -> frozenset[str]:
        """The surnames (index terms) of the people the article ``slug`` gives the post in
        ``role`` ("okafor" of "U.S. District Judge Helen Okafor"), worked out once each."""
        key = (normalise(role), slug)
        found = self._holders_cache.get(key)
        if found is None:
            _, text = self._article_text(slug)
            found = frozenset(
                terms[-1]
                for name in holder_names(role, text)
                if (terms := index_terms(name)) and self._owns_surname(slug, terms)
            )
            if len(self._holders_cache) >= SPEAKER_CACHE:
                self._holders_cache.clear()
            self._holders_cache[key] = found
        return found

    def _owns_surname(self, slug: str, terms: list[str]) -> bool:
        """Whether the person of ``terms`` (index terms of a name) is the only one the article
        ``slug`` gives that surname ("Eric Trump" beside President Donald Trump: no)."""
        first = terms[-2] if len(terms) > 1 else ""
        return self._first_names(slug).get(terms[-1], frozenset()) <= {first}

    def _first_names(self, slug: str) -> Mapping[str, frozenset[str]]:
        """:func:`first_names_by_surname` of the article ``slug``, worked out once."""
        found = self._first_names_cache.get(slug)
        if found is None:
            _, text = self._article_text(slug)
            found = self._first_names_cache[slug] = first_names_by_surname(text)
        return found

    def _another_first_name(self, slug: str, names: list[str], subjects: frozenset[str]) -> bool:
        """Whether the speaker with the surname of ``names`` (a full name, "roy ellison") has
        another first name in the article ``slug`` ("Margaret Ellison")."""
        if len(names) < 2:
            return False
        first, surname = names[-2], names[-1]
        if surname not in subjects or first in subjects:
            return False
        # (an initial is no other first name: "Peter J. Vance")
        others = {n for n in self._first_names(slug).get(surname, frozenset()) if len(n) > 1}
        return bool(others) and first not in others and not self._named_before(slug, first, surname)

    def _named_before(self, slug: str, first: str, surname: str) -> bool:
        """Whether the article ``slug`` writes ``first`` within three words before ``surname``
        (index terms) in one name: a middle name or nickname between them ("Jonas Gahr Støre",
        'Robert "Bob" Whitfield'; not '"This one is for Serena," Williams said')."""
        cached = self._article_words_cache.get(slug)
        if cached is None:  # worked out once an article
            _, text = self._article_text(slug)
            words = [
                (term(fold_variant(normalise(w.group(0)))), w.start(), w.end())
                for w in WORD_PATTERN.finditer(text)
            ]
            cached = self._article_words_cache[slug] = (text, words)
        text, found = cached
        for i, (word, start, _) in enumerate(found):
            if word != surname:
                continue
            for before, _, end in found[max(0, i - 3) : i]:
                if before == first and not _NAME_BROKEN.search(text, end, start):
                    return True
        return False

    def _called_by_surname(self, slug: str, names: list[str], sentence: str) -> bool:
        """Whether ``sentence`` may call the person of ``names`` (index terms of a full name,
        "Marta Lindqvist", "Jonas Gahr Støre") by surname alone: the article writes the surname
        after that first name only, and the sentence puts no other name beside it."""
        if len(names) < 2:
            return False
        firsts = self._first_names(slug).get(names[-1], frozenset())
        if firsts != {names[-2]} and not (
            len(firsts) == 1 and self._named_before(slug, names[-2], names[-1])
        ):  # ("Jonas Støre" of "Jonas Gahr Støre")
            return False
        key = (slug, tuple(names))
        context = self._name_context_cache.get(key)
        if context is None:  # worked out once a question, not once per sentence
            _, text = self._article_text(slug)
            context = (titles_before_name(text, names), sex_of_name(text, names))
            if len(self._name_context_cache) >= SPEAKER_CACHE:
                self._name_context_cache.clear()
            self._name_context_cache[key] = context
        return surname_stands_alone(sentence, names, *context)

    def _said_in(
        self, paragraph: Paragraph, sentence: Sentence
    ) -> list[tuple[str, frozenset[str]]]:
        """The sentences that say who speaks in ``sentence``, each with its speakers: the
        sentence, and the one before it when it goes on about that one's speaker (a quotation
        going on: "... Peskov told reporters. “Our strikes are aimed at ...”"; "He called ...",
        "Its spokeswoman, Maria Zakharova, accused ...")."""
        said = [(sentence.text, frozenset(sentence.subjects | self._quoted_speakers(paragraph)))]
        earlier = [
            s for s in self.sentences(self._position_of(paragraph)) if s.end <= sentence.start
        ]
        if earlier and (
            sentence.subjects - {PRONOUN_SUBJECT} <= earlier[-1].subjects
            or _GOES_ON_ABOUT.match(sentence.text)
        ):
            said.append((earlier[-1].text, frozenset(earlier[-1].subjects)))
        return said

    def _position_of(self, paragraph: Paragraph) -> int:
        """Where ``paragraph`` stands in :attr:`paragraphs` (the map is made on first need)."""
        if self._positions is None:
            self._positions = {p.id: i for i, p in enumerate(self.paragraphs)}
        return self._positions[paragraph.id]

    def _paragraph_terms(self, paragraph: Paragraph) -> frozenset[str]:
        """The index terms of ``paragraph``."""
        return self._terms_of(self._position_of(paragraph))

    def _referents(self, paragraph: Paragraph, sentence: Sentence) -> frozenset[str]:
        """Who "he/she/they" in ``sentence`` may be: the named speakers of the nearest sentence
        before it (in its paragraph, else the paragraph before) that names some."""
        position = self._position_of(paragraph)
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
        slug = self.paragraphs[position].article
        for match in _POSSESSIVE_NAME.finditer(query.text):
            owner = self._lookup(fold_variant(normalise(match.group(1))), synonyms=False)[0]
            if not owner or owner in present:
                continue
            word = match.group(1)
            if word[:1].isupper():
                return word
            # "whats nandakumar's rating": a name written in lower case, as the corpus has it,
            # which the paragraph's article must have (the paragraph may say "her rating")
            if (
                normalise(word) not in _NO_OWNER_NAMES
                and self._person_named(normalise(word), owner)
                and not self._in_article(owner, self._article_numbers[slug])
            ):
                return word
        return ""

    def _missing_year(self, query: Query, position: int) -> str:
        """A year or decade the question names ("the 1960 earthquake", "in the 1950s") that
        paragraph ``position`` does not have; "" if none."""
        text = self.paragraphs[position].text
        for found in YEAR_ASKED.finditer(query.text):
            year, decade = found.group(1), found.group(2)
            wanted = rf"\b{year[:3]}\d" if decade else rf"\b{year}\b"
            if not re.search(wanted, text):
                return found.group(0)
        return ""

    def _other_number(self, query: Query, position: int) -> str:
        """A thing the question names by a number ("How many boats use Pier 7?") when
        paragraph ``position`` names the same kind of thing by another number only ("Pier 4");
        "" otherwise."""
        text = self.paragraphs[position].text
        for noun, number in NUMBERED_NAME.findall(query.text):
            told = {n for m, n in NUMBERED_NAME.findall(text) if m.lower() == noun.lower()}
            if told and number not in told:
                return f"{noun} {number}"
        return ""

    def _other_day(self, query: Query, position: int, sentence: str) -> str:
        """A day of the week the question names ("How many acres had burned by Tuesday?") that
        paragraph ``position`` lacks while ``sentence`` tells of another ("by Sunday
        evening"); "" otherwise."""
        asked = WEEKDAY.findall(query.text)
        if not asked or not WEEKDAY.search(sentence):
            return ""
        told = {day.lower() for day in WEEKDAY.findall(self.paragraphs[position].text)}
        if any(day.lower() in told for day in asked):
            return ""
        return asked[0]

    def _untold_event(self, query: Query, position: int) -> list[str]:
        """The words of X in "Did X happen before or after Y?" that paragraph ``position``
        lacks ("Did Trump meet Putin before or after the strikes?" of a passage on the strikes
        without a meeting); empty for other questions."""
        if not query.reference or query.kind is not QuestionType.WHEN:
            return []
        own = self._terms_of(position)
        return [
            t.word
            for t in query.terms
            if t.term
            and t.term not in own
            and not (t.name or t.corrected or t.word in query.reference or t.word in LIGHT_WORDS)
        ]

    def _absent_person(self, query: Query, position: int) -> str:
        """A person a yes/no question names whom paragraph ``position`` does not mention ("Has
        Inês Valadares resigned?" is not answered by another minister's resignation), or the
        name a question is about when the paragraph lacks it ("Is Norway sending weapons?",
        "How much prize money did Brian Kiptoo get?", "What is the population of Port
        Calder?"); "" when there is none."""
        if query.kind is not QuestionType.YES_NO and not query.reference:
            # "How much prize money did Brian Kiptoo get?" is not answered by what others got
            asked = _ASKED_SUBJECT.match(query.text)
            if asked is None:  # "What is the population of Port Calder?"
                asked = _OF_NAME.match(query.text)
            if asked is None or query.kind is QuestionType.STATEMENT:
                return ""
            named = asked.group(1)
            return named if self._not_about(named, self._present_terms(position)) else ""
        present = self._present_terms(position)
        subject = _YES_NO_SUBJECT.match(query.text)
        if subject is None:  # "is norway sending weapons": a word the corpus writes as a name
            subject = _YES_NO_FIRST_WORD.match(normalise(query.text))
            if subject and not self._only_a_name(term(fold_variant(subject.group(1)))):
                # "did zelensky talk to trump": a word that is neither the story's nor
                # English's (nor a typo of a story word) is a name too
                first = fold_variant(subject.group(1))
                if is_common_english(first) or self._lookup(first)[0]:
                    subject = None
        if subject and self._not_about(subject.group(1), present):
            return subject.group(1)  # "Is Norway sending weapons?" of a passage without Norway
        people = self._people_in(self.paragraphs[position].article)
        for t in query.terms:
            if not (t.name and t.term) or t.term in present or t.word in query.reference:
                continue
            if t.word in query.quoted.split():
                continue  # "his 'Vladimir, STOP' message": words quoted, not a person asked about
            group = [o for o in query.terms if t.group and o.group == t.group]
            if any(o.term in present for o in group):
                continue
            if t.word in people or any(o.word in people for o in group):
                return t.group.title() if t.group else t.word.title()
        return ""

    def _not_about(self, named: str, present: frozenset[str]) -> bool:
        """Whether a passage with terms ``present`` leaves out ``named``, the one a question is
        about (a capital stands for its country: "Does Kyiv see ..." is about Ukraine too)."""
        wanted = self._terms_in(named)
        country = STAND_INS.get(normalise(named))
        if country:
            wanted |= self._terms_in(country)
        return bool(wanted) and not wanted & present

    def _names_elsewhere(self, query: Query, position: int) -> str:
        """A name the question uses that the corpus has, but not in the article of paragraph
        ``position`` ("the Harrowby floods" answered from a story about Kyiv); "" if none."""
        article = int(self._article_of[position])
        for t in query.terms:
            if t.name and t.term and not self._in_article(t.term, article):
                return t.word
        return ""

    def _in_article(self, found: str, article: int) -> bool:
        """Whether index term ``found`` occurs in the article numbered ``article`` (worked out
        once per pair)."""
        key = (found, article)
        known = self._in_article_cache.get(key)
        if known is None:
            known = bool((self._article_of[self.index.documents_with(found)] == article).any())
            if len(self._in_article_cache) >= LOOKUP_CACHE:  # (terms of readers' questions)
                self._in_article_cache.clear()
            self._in_article_cache[key] = known
        return known

    def _topic_elsewhere(self, query: Query, position: int) -> str:
        """The words of Y in "What did X say about Y?" when only other articles than the one of
        paragraph ``position`` have them ("What does the race director think about the peace
        talks?" of a marathon story beside a war story); "" otherwise. Names do not count (the
        question's names are checked by :meth:`_names_elsewhere`)."""
        if len(self._article_numbers) < 2:
            return ""
        topic = set(about_topic(query.text)) - ANSWER_KINDS
        article = int(self._article_of[position])
        # "the new panda": the panda is the topic; "new" is in every article
        words_of_topic = [
            t
            for t in query.terms
            if t.term and t.word in topic and not t.name and english_zipf(t.word) < EVERYDAY_ZIPF
        ]
        if words_of_topic and not any(self._in_article(t.term, article) for t in words_of_topic):
            return " ".join(t.word for t in words_of_topic)
        return ""

    def _prefer_covering(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """Move a close runner-up that covers the question to the front when the best-scored
        candidate does not ("What did Trump warn ...?" should not land on another person's
        warning because "warn" is rare)."""
        if self._coverage(query, candidates[0].paragraph)[0] >= MIN_COVERAGE:
            return candidates
        best = candidates[0].score
        if candidates[0].quoted:
            # "How did Trump explain his 'Vladimir, STOP' message when reporters asked?": the
            # quoted words name what is asked about, not where the answer is
            best -= (1 - PARAGRAPH_WEIGHT) * QUOTED_BONUS
        return self._promote(
            candidates, lambda c: self._covers(query, c), floor=RUNNER_UP_SHARE * best
        )

    def _prefer_detail(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """Move a runner-up of the same article that covers more of the question than the best
        candidate to the front when that one is the article's lead, unless the headline has
        every key word: the lead sums the story up and so matches many words, but the detail
        asked for ("When did Rovers last win a major trophy?") is told further down."""
        top = candidates[0]
        lead = self.paragraphs[top.paragraph]
        if not lead.is_lead or self._headline_asked(query, lead):
            return candidates
        lead_coverage = self._coverage(query, top.paragraph)[0]
        return self._promote(
            candidates,
            lambda c: (
                self.paragraphs[c.paragraph].article == lead.article
                and self._coverage(query, c.paragraph)[0] >= lead_coverage + DETAIL_MARGIN
            ),
            floor=DETAIL_SHARE * top.score,
        )

    def _covers(self, query: Query, candidate: _Candidate) -> bool:
        """Whether the candidate's paragraph covers :data:`MIN_COVERAGE` of the question."""
        return self._coverage(query, candidate.paragraph)[0] >= MIN_COVERAGE

    @staticmethod
    def _promote(
        candidates: list[_Candidate],
        accept: Callable[[_Candidate], bool],
        floor: float | None = None,
    ) -> list[_Candidate]:
        """``candidates`` with the first runner-up (among the next :data:`MAX_PASSAGES` - 1)
        that ``accept`` takes moved to the front; the search stops at one scoring under
        ``floor``. Unchanged when none is taken."""
        for i, candidate in enumerate(candidates[1:MAX_PASSAGES], 1):
            if floor is not None and candidate.score < floor:
                break
            if accept(candidate):
                return [candidate, *candidates[:i], *candidates[i + 1 :]]
        return candidates

    def _follow_up(self, position: int, index: int) -> Sentence | None:
        """The sentence after the chosen one when that one is a short lead-in to it ("Not
        everyone is convinced." before the reasons); None otherwise."""
        sentences = self.sentences(position)
        if index + 1 < len(sentences) and len(sentences[index].text.split()) <= LEAD_IN_WORDS:
            return sentences[index + 1]
        return None

    def _their_view_after(self, position: int, index: int) -> Sentence | None:
        """The next sentence when it says what the people the chosen one names hold ("...
        much of Europe rejected the notion ... For them, it is a temporary pause"); else
        None."""
        sentences = self.sentences(position)
        if index + 1 < len(sentences) and _THEIR_VIEW.match(sentences[index + 1].text):
            return sentences[index + 1]
        return None

    def _quote_after(self, position: int, index: int) -> Sentence | None:
        """The next sentence when it quotes what the chosen one reports without quoting
        ("Olena Marchuk welcomed the decision. “It is a signal ...,” she said."); else None."""
        sentences = self.sentences(position)
        if index + 1 < len(sentences) and not sentences[index].has(QUOTE_MARK):
            following = sentences[index + 1]
            if following.has(QUOTE_MARK):
                return following
        return None

    def _continuation(self, position: int, index: int) -> Sentence | None:
        """The sentence after the chosen one when it goes on about the same thing ("Campaign
        group Save Harrowfield Libraries said ... Its chair, Priya Nandakumar, said ..."), or
        the chosen one is a short lead-in to it; None otherwise."""
        sentences = self.sentences(position)
        if index + 1 < len(sentences) and REFERS_BACK.match(sentences[index + 1].text):
            return sentences[index + 1]
        return self._follow_up(position, index)

    def _prefer_fitting(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """Move a close runner-up whose sentence has what the question type needs to the front
        when the best candidate's does not ("How much was Brightwave fined?" should not land on
        "Brightwave, which has about 9 million customers, will not appeal the fine")."""
        if not self._unmet(query, candidates[0]):
            return candidates
        # Who says it decides a "what did X say" question whatever the scores, and a tally how
        # a vote went ("The board approved the freeze 9-2" says "vote" in other words).
        asked = _asked(query.text)
        floor = (
            None
            if query.kind is QuestionType.STATEMENT or asked.tally
            else FITTING_SHARE * candidates[0].score
        )
        return self._promote(
            candidates,
            lambda c: not self._unmet(query, c) and self._covers(query, c),
            floor=floor,
        )

    def _prefer_doing(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """For "Who coaches the Croatian?", move a runner-up that tells of coaching to the
        front when the best candidate does not (nor, for a lead, its headline), if it covers
        the question: "The Croatian had come through qualifying" says nothing of her coach."""
        doing = query.doing
        if not doing:
            return candidates
        best = self.paragraphs[candidates[0].paragraph]
        if doing in self._terms_of(candidates[0].paragraph) or (
            best.is_lead and doing in self._title_terms.get(best.article, frozenset())
        ):
            return candidates
        return self._promote(
            candidates,
            lambda c: doing in self._terms_of(c.paragraph) and self._covers(query, c),
        )

    def _prefer_said_by(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """For "According to Trump, did Russia try to seize all of Ukraine?", move a close
        runner-up whose sentence has Trump saying it to the front when the best candidate's has
        someone else ("much of Europe ... rejected the notion that Russia's failure to seize
        all of Ukraine ..."), if it covers the question."""
        found = ATTRIBUTED_TO.search(query.text)
        if not found or query.kind is QuestionType.STATEMENT:
            return candidates
        named = tokenize(next(group for group in found.groups() if group))
        speaker = {self._lookup(fold_variant(t))[0] for t in named if t not in STOPWORDS} - {""}
        if not speaker or self._said_by(candidates[0], speaker):
            return candidates
        return self._promote(
            candidates,
            lambda c: self._said_by(c, speaker) and self._covers(query, c),
            floor=FITTING_SHARE * candidates[0].score,
        )

    def _said_by(self, candidate: _Candidate, speaker: set[str]) -> bool:
        """Whether the candidate's sentence reports one of ``speaker`` (index terms) saying
        something, or its paragraph quotes them."""
        paragraph = self.paragraphs[candidate.paragraph]
        sentence = self.sentences(candidate.paragraph)[candidate.sentence]
        return bool(speaker & (sentence.subjects | self._quoted_speakers(paragraph)))

    def _text_terms(self, paragraph: Paragraph) -> frozenset[str]:
        """The index terms of the paragraph's text read as a whole (worked out once)."""
        key = (paragraph.article, paragraph.number)
        found = self._text_terms_cache.get(key)
        if found is None:
            found = frozenset(terms_of_tokens(tokenize(paragraph.text)))
            self._text_terms_cache[key] = found
        return found

    def _quoted_speakers(self, paragraph: Paragraph) -> frozenset[str]:
        """Index terms of the speakers of the paragraph's quotations (worked out once)."""
        key = (paragraph.article, paragraph.number)
        found = self._quoted_cache.get(key)
        if found is None:
            found = self._quoted_cache[key] = frozenset(
                term(fold_variant(t))
                for quote in self.quotes.in_paragraph(paragraph.article, paragraph.number)
                for t in tokenize(quote.speaker)
            )
        return found

    def _prefer_acting(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """For "Does Ukraine agree ...?", move the first candidate whose sentence has Ukraine
        acting (not "its advance into Ukraine") to the front, if it covers the question."""
        holder = self._stance_holder(query)
        if not holder or self._acting(candidates[0], holder):
            return candidates
        return self._promote(
            candidates, lambda c: self._acting(c, holder) and self._covers(query, c)
        )

    def _acting(self, candidate: _Candidate, holder: set[str]) -> bool:
        return acts_in(self.sentences(candidate.paragraph)[candidate.sentence].text, holder)

    def _unmet(self, query: Query, candidate: _Candidate) -> str:
        """:meth:`_unmet_requirement` of a candidate's chosen sentence."""
        paragraph = self.paragraphs[candidate.paragraph]
        sentence = self.sentences(candidate.paragraph)[candidate.sentence]
        return self._unmet_requirement(query, sentence, paragraph)

    def _speaker_terms(self, query: Query) -> set[str]:
        """Index terms of the speaker a "what did X say" question names."""
        speaker = asked_speaker(query.text)
        found = (self._lookup(fold_variant(t))[0] for t in tokenize(speaker) if t not in STOPWORDS)
        return {f for f in found if f}

    def _unmet_requirement(self, query: Query, sentence: Sentence, paragraph: Paragraph) -> str:
        """Why the chosen sentence cannot answer the question's type ("" when it can).

        A "when" question needs a date or time in the sentence, a "how many/much" one a number
        (a measure for "how old/tall/far/big"), and "what did X say" needs X to be the one who
        says something in the sentence or is quoted in its paragraph.
        """
        asked = _asked(query.text)
        if other := _other_sex(asked.sex, sentence.text):
            return f"the closest passage is about the {other}"
        amount = asked.amount if query.kind is QuestionType.YES_NO else None
        # "Is Trump's deadline two weeks?" of "it takes two to tango"
        if amount and term(fold_variant(normalise(amount.group(2)))) not in sentence.terms:
            return f"the closest passage says nothing of {amount.group(0)}"
        if query.kind is QuestionType.WHEN and query.reference:
            # "Did the strikes come before or after the meeting?": "Earlier that day, ..."
            lead = self.sentences(self._position_of(paragraph))[0]
            if not sentence.has(RELATIVE_TIME) and not lead.has(RELATIVE_TIME):
                return "the closest passage does not say which came first"
        elif (
            query.kind is QuestionType.WHEN
            and not sentence.has(WHEN_ANSWER)
            and not (query.asks_year and sentence.has(A_YEAR))  # "a year eight pupil"
            and not sentence.has(NO_DATE_SET)  # "No date has been set for his trial."
            # "when will the road reopen" of "could take at least two weeks to reopen"
            and not (asked.future and sentence.has(TIME_TO_COME))
        ):
            return "the closest passage gives no date or time for that"
        if (
            query.kind is QuestionType.WHEN
            and asked.future
            and not sentence.has(SAYS_FUTURE)
            and not sentence.has(TIME_TO_COME)
        ):
            return "the closest passage gives no date for what is still to come"
        if (
            (query.kind is QuestionType.YES_NO and asked.plans) or asked.will
        ) and not SAYS_FUTURE.search(
            sentence.text
        ):  # "Is Trump planning to visit Kyiv?" is not answered by what happened there
            return "the closest passage says nothing of what is still to come"
        for asks, answers, missing in (
            (asked.tally, A_TALLY, "does not say how the vote went"),
            (asked.population, A_POPULATION, "gives no population"),
            (asked.medium, A_MEDIUM, "does not say where that was put out"),
        ):
            if asks and not sentence.has(answers):
                return f"the closest passage {missing}"
        if query.kind is QuestionType.HOW_MANY:
            unit = MEASURE_UNITS.get(asked.measure) if asked.measure else None
            lasts_until = asked.measure == "long" and sentence.has(_LASTS_UNTIL)
            # "How long is the deadline?" of "5000 soldiers a week are dying": no rate
            rates = not (asked.measure == "long" and not asked.per_period)
            if ("number" not in sentence.features and not lasts_until) or (
                unit and not _gives_measure(sentence.text, unit, rates=rates)
            ):
                return "the closest passage gives no such number"
            if asked.measure == "old" and _age_of_another(
                asked.age_of or self._names_among(asked.age_words, paragraph.article),
                sentence.text,
            ):
                # "How old is captain Mark Hollis?" of "Tane, 24, batted ... before captain
                # Mark Hollis declared"; "how old is graham eddowes" of "Claire Whitlock, 46,
                # ... replacing Graham Eddowes"
                return "the closest passage gives someone else's age"
            if asked.measure == "old" and _ages_only_of(asked.age_owner, sentence.text):
                # "How old are Marisol Ortega's daughters?" of "Marisol Ortega, 34, who has
                # lived in the park with her two daughters"
                return "the closest passage gives someone else's age"
            if asked.measure == "old" and asked.age_of_kind:
                # "How old was the climber?" of a paragraph that has a rescuer's age only
                kind = next((t.term for t in query.terms if t.word == asked.age_of_kind), "")
                if kind and kind not in self._paragraph_terms(paragraph):
                    return "the closest passage gives someone else's age"
            counted, noun = asked.counted, asked.counted_head
            head = term(noun) if noun and query.asks_count else ""
            if (
                head
                and head not in sentence.terms
                and (head in self._paragraph_terms(paragraph) or head in _unit_terms())
            ):
                # "How many soldiers died?" of "killed 12 people. ... 5000 soldiers a week"
                return f"the closest passage gives no number of {head}"
            if head and self._counted_elsewhere(noun, head, sentence, paragraph):
                # "How many firefighters were sent?" of "38,000 homes lost power", where the
                # article's firefighters are in another paragraph
                return f"the closest passage gives no number of {noun}"
            # (the term the story reads it as, if the article has it: a word it lacks may be a
            # paraphrase, "relatives" of "members of the mayor's family")
            part = next((t.term for t in query.terms if t.word == asked.counted_part), "")
            if (
                part
                and part not in sentence.terms
                and self._in_article(part, self._article_numbers[paragraph.article])
            ):
                # "how many of the passengers were british" of "carrying 143 passengers"
                return f"the closest passage gives no number of {asked.counted_part}"
            for word in dict.fromkeys((noun, asked.counted_word)):  # "how many drones hit kyiv"
                if (
                    word
                    # ("how much money/cash": a sum, which "£11.4 million" gives unnamed)
                    and not (query.asks_money and word in _SUMS)
                    and any(t.word == word and not t.term for t in query.terms)
                    and english_zipf(word) >= TYPO_ZIPF  # a word, not a typo the speller missed
                ):
                    return f"the story gives no number of {word}"
            if counted and not counts_noun(sentence.text, counted, counting=query.asks_count):
                return f"the closest passage gives no number of {counted}"
            if query.asks_count and not gives_a_count(
                _without_numbers_of(sentence.text, query), of_things=asked.of_things
            ):
                # "Of the 5000 soldiers dying each week, how many are Russian?": not 5000
                return "the closest passage gives no such number"
            if asked.share and not (
                sentence.has(A_SHARE) or sentence.has(MONEY_AMOUNT)
            ):  # "How much of Ukraine does Russia control?" of "on April 24, 2025"
                return "the closest passage gives no share of that"
            if asked.total and only_rates(sentence.text):
                return "the closest passage gives only a rate, not a total"
        for asks, answers, missing in (
            (asked.needs_speed, SPEED, "gives no speed"),
            (query.asks_money, MONEY_AMOUNT, "gives no amount of money for that"),
            (query.asks_date, CALENDAR_DATE, "gives no date for that"),
            (query.asks_clock, CLOCK_TIME, "gives no time of day for that"),
            (query.asks_year, A_YEAR, "gives no year for that"),
        ):
            if asks and not sentence.has(answers):
                return f"the closest passage {missing}"
        given = frozenset(t.word for t in query.terms) if query.asks_name else frozenset()
        if query.asks_name and not (
            named_near(sentence.text, asked.name_of, given)
            and (
                query.asks_first_name
                or self._names_another(query, sentence.text, paragraph, count_people=True)
            )
        ):  # "What's the name of Melnychuk's school?" is not "Melnychuk said her school ..."
            return "the closest passage gives no name for that"
        unnamed = next(
            (
                brought_in
                for brought_in in (asked.unnamed_of, asked.unnamed_age)
                if query.asks_name
                and brought_in
                and left_unnamed(sentence.text, brought_in, given)
                and not names_someone(paragraph.text)  # "He has been named locally as ..."
            ),
            "",
        )
        if unnamed:
            # "whats the name of the kayaker who drowned" of "a 19-year-old kayaker drowned";
            # "the 58-year-old fisherman" of "One of the fishermen, a 58-year-old man, ..."
            return f"the closest passage does not name the {unnamed}"
        if (
            query.asks_name and asked.name_of and asked.name_of not in ANSWER_KINDS | _PERSON_WORDS
        ):  # (a kind is what the name answers: "the company" may be "Westsound Ferries", "the
            # boy" "Leo Hart, 7")
            named = self._lookup(fold_variant(asked.name_of))[0]
            if (
                named
                and named not in self._paragraph_terms(paragraph)
                and not sentence.has(_NAMES_SOMEONE)  # "named as Leo Hart, 34"
            ):
                # "What's the name of the vet who checked Juniper?" of a paragraph with no vet
                return f"the closest passage names no {asked.name_of}"
        if asked.people and not names_people(sentence.text, query.text):
            return "the closest passage names nobody for that"
        organisation = asked.organisation
        if organisation and not (
            named_near(paragraph.text, organisation)
            and self._names_another(query, sentence.text, paragraph)
        ):
            # "Which party does Støre lead?" is not answered by "both parties must work ...",
            # nor "Which company will build Kyoseki's plant?" by "Kyoseki's chief executive said"
            return f"the closest passage names no such {organisation}"
        if query.asks_name and "name" not in sentence.features:
            return "the closest passage gives no name for that"
        if asked.called and not sentence.has(
            NAMING
        ):  # "What's the student satellite called?" is not "one of them called me"
            return "the closest passage gives no name for that"
        if (query.kind is QuestionType.WHO or query.asks_name) and not self._holds_title(
            query, sentence.text, paragraph
        ):
            return "the closest passage does not say who holds that post"
        if (
            asked.kind_of
            and asked.kind_of not in ANSWER_KINDS
            and not _names_a_kind(sentence.text, asked.kind_of, query)
        ):
            return f"the closest passage does not say what kind of {asked.kind_of}"
        if query.asks_place and not self._new_place(query, sentence.text, paragraph):
            return "the closest passage names no such place"
        if query.asks_leader and not sentence.has(LEADER_POST):
            return "the closest passage names nobody in charge"
        if query.kind is QuestionType.WHERE and not _place_near(
            sentence.text, query, self._people_in(paragraph.article)
        ):
            return "the closest passage names no place for that"
        if (
            query.kind is QuestionType.STATEMENT
            or (query.kind is QuestionType.YES_NO and (asked.reaction or asked.stance))
            or asked.view
        ):  # "What did X say", "Did X reply to ...?", "What is X's view?": X must say it
            return self._unreported_speaker(query, sentence, paragraph)
        return ""

    def _counted_elsewhere(
        self, noun: str, head: str, sentence: Sentence, paragraph: Paragraph
    ) -> bool:
        """Whether the thing a "how many" question counts (``noun``, folded; ``head``, its
        term) is written in another paragraph of ``paragraph``'s article but is nowhere in
        ``paragraph``, and ``sentence`` counts nothing that may stand for it: a synonym or a
        broader or narrower noun ("homes" for "houses", "vessels" for "boats"), a compound
        ending in it ("seabirds"), a word any count may use ("20 units"), for people a word
        people are counted by ("230 people" for "staff"), or a bare number ("Two were treated").
        Generic nouns ("people", "times") and verbs read as the noun ("how many went") never
        count as elsewhere, nor does a verb of the same stem ("votes" of "voted")."""
        if (
            noun in _ANY_COUNTED
            or head in sentence.terms
            or head in self._paragraph_terms(paragraph)
            or is_only_a_verb(noun)
            or not self._written_in(noun, head, paragraph.article)
        ):
            return False
        terms = sentence.terms
        people = noun in _PERSON_WORDS or noun.endswith(_PEOPLE_ENDINGS) or noun == "staff"
        stand_ins = _terms_of_words(
            _ANYTHING_COUNTED | (_PEOPLE_COUNTED if people else frozenset())
        )
        return (
            not any(token.endswith(head) for token in terms)
            and stand_ins.isdisjoint(terms)
            and _kin_terms(noun).isdisjoint(terms)
            and not sentence.has(BARE_COUNT)
        )

    def _tells_job(self, candidate: _Candidate, whose: tuple[str, ...]) -> bool:
        """Whether ``candidate``'s sentence says what the person named ``whose`` works as."""
        return tells_occupation(self.sentences(candidate.paragraph)[candidate.sentence].text, whose)

    def _written_in(self, noun: str, head: str, article: str) -> bool:
        """Whether some paragraph of ``article`` writes the noun ``noun`` (folded) itself, in
        the singular or plural: not just a word of its stem ("voted" is no "votes", "to
        protest" no "protesters"). Cached per noun and article."""
        key = (noun, article)
        found = self._written_cache.get(key)
        if found is None:
            # ("tornadoes" -> "tornado", "cities" -> "city", "votes" -> "vote": not "voted")
            bases = {noun, noun[:-1], noun[:-2], noun[:-3] + "y"} if noun.endswith("s") else {noun}
            forms = {f + end for f in bases if f for end in ("", "s", "es")}
            found = any(
                self.paragraphs[position].article == article
                and not forms.isdisjoint(
                    # ("in any case" is no case)
                    map(
                        fold_variant,
                        tokenize(_SET_PHRASES.sub(" ", self.paragraphs[position].text)),
                    )
                )
                for position in self.index.documents_with(head).tolist()
            )
            self._written_cache[key] = found
        return found

    def _holds_title(self, query: Query, sentence: str, paragraph: Paragraph) -> bool:
        """Whether ``sentence`` (of ``paragraph``) names the holder of the title a "who
        is the president of X" question asks about: X (or its adjective, "Norwegian") stands
        just before the title or follows it as "of X". A title nothing qualifies ("Mayor Elena
        Varga said ...") belongs to the place the sentence names, or when it names none to its
        article's headline. True when the question asks no such thing."""
        asked = _asked(query.text).title
        if asked is None:
            return True
        title, owner = asked
        owner_terms = self._terms_in(owner)
        written = TITLE_WRITTEN.get(title, title)
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
            holder = HOLDER_NAME.match(sentence, found.end())
            rest = sentence[: found.start()] + sentence[holder.end() if holder else found.end() :]
            others = [
                m.group(0)
                for m in NAME_RUN.finditer(rest)
                if not CALENDAR_WORD.fullmatch(m.group(0))
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
        names = [m.group(1) or m.group(2) or m.group(0) for m in NAMED_AREA.finditer(sentence)]
        names += [  # "strikes on Kyiv"
            m.group(1)
            for m in PLACE_NAME.finditer(sentence)
            if m.group(1)
            and m.group(1).casefold() not in NOT_PLACES
            and normalise(m.group(1)) not in people
        ]
        return any(
            self._lookup(fold_variant(normalise(POSSESSIVE_END.sub("", name))), synonyms=False)[0]
            not in asked
            for name in names
        )

    def _names_another(
        self, query: Query, sentence: str, paragraph: Paragraph, count_people: bool = False
    ) -> bool:
        """Whether ``sentence`` names something (a capitalised run inside it) the question does
        not: what "What's the name of ...?" asks for, and, not one of the article's people
        unless ``count_people``, what "Which company ...?" does."""
        asked = {t.word for t in query.terms} | {t.term for t in query.terms if t.term}
        people = frozenset() if count_people else self._people_in(paragraph.article)
        for found in NAME_RUN.finditer(sentence):
            words = [
                fold_variant(normalise(w))
                for w in found.group(0).split()
                if not CALENDAR_WORD.fullmatch(w)
            ]
            if not words or all(w in people for w in words):
                continue  # a date, or one of the people when they do not count
            if any(
                w not in asked and self._lookup(w, synonyms=False)[0] not in asked for w in words
            ):
                return True
        return False

    def _terms_in(self, text: str) -> set[str]:
        """Index terms of the content words of ``text`` (a word the story lacks as its term)."""
        return {
            self._lookup(word, synonyms=False)[0] or term(word)
            for word in content_tokens(tokenize(self._respelt(text)))
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

    def _present_terms(self, position: int) -> frozenset[str]:
        """The terms a paragraph offers an answer: its own and its article's headline."""
        title = self._title_terms.get(self.paragraphs[position].article, frozenset())
        return self._terms_of(position) | title

    def _coverage(self, query: Query, position: int) -> tuple[float, list[str]]:
        """Share of the question's weight found in a paragraph (headline-only words count
        :data:`TITLE_CREDIT`), and the words found."""
        own = self._terms_of(position)
        title = self._title_terms.get(self.paragraphs[position].article, frozenset())
        # Y in "Did X happen before or after Y?" is what the passage places X against, not what
        # it tells of: a word of Y that the story lacks is no gap in the passage, and one the
        # article has elsewhere is found.
        total = sum(t.weight for t in query.terms if t.term or t.word not in query.reference)
        # A person is named by surname after first mention: "Horáček" is "Tomáš Horáček".
        surnames = {
            t.group
            for t in query.terms
            if t.group and t.term in own and t.word == t.group.rsplit(" ", 1)[-1]
        }
        found = 0.0
        matched = []
        paragraph = self.paragraphs[position]
        article = int(self._article_of[position])
        # "by his first name" is found where someone is called by the first name alone
        first_name = query.asks_first_name and self._first_name_alone(
            paragraph.article, paragraph.text
        )
        for t in query.terms:
            if (
                (t.term and t.term in own)
                or (t.group and t.group in surnames)
                or (first_name and t.word in FIRST_NAME_FRAMING)
                or (t.word in query.reference and t.term and self._in_article(t.term, article))
            ):
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
