"""What questions ask for and what sentences offer: the text rules answers are checked with.

Pure functions and patterns over plain strings, used by :mod:`bot.core.answer`: the features a
sentence has for each question type (a name, a date, a number, a place, a reason), what a
question of each shape needs ("how many X", "who is the president of X", "which city", "what
kind of X", "what did X say"), and who a sentence reports as saying something.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from bot.core.quotes import Quote
from bot.core.synonyms import PARTICLES, other_forms
from bot.core.text import (
    ABBREVIATIONS,
    IRREGULAR_VERBS,
    NUMBER_WORDS,
    QUESTION_FILLERS,
    STOPWORDS,
    LazyPattern,
    QuestionType,
    clean_typography,
    content_tokens,
    english_zipf,
    fold_diacritics,
    fold_variant,
    index_terms,
    normalise,
    term,
    tokenize,
    words,
)

# --------------------------------------------------------------------------------------------
# Sentence features for question types (computed once per sentence when the engine is built)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
#: A month or a weekday: written with a capital, but not a name.
CALENDAR_WORD = LazyPattern(rf"(?:{_MONTHS}|{_DAYS})", re.IGNORECASE)
_DATE = LazyPattern(
    rf"\b(({_MONTHS})\.? \d{{1,2}}|\d{{1,2}} ({_MONTHS})|({_DAYS})|(1[89]|20)\d\d|"
    r"\d{1,2}[:.]\d\d|\d{1,2} ?[ap]\.?m\b|today|yesterday|tomorrow|tonight|earlier|later|"
    r"morning|afternoon|evening|night|last (week|month|year)|next (week|month|year)|"
    r"this (week|month|year)|ago|since|until|deadline|days?|weeks?|months?|years?|hours?|"
    r"decades?|century)\b",
    re.IGNORECASE,
)
#: A number, in digits or words; not "few", "many" or "several", which answer no "how many".
_NUMBER = LazyPattern(
    r"\d|\b(" + "|".join(NUMBER_WORDS) + r"|dozens?|hundreds?|thousands?|millions?|billions?|"
    r"half|percent)\b",
    re.IGNORECASE,
)
_REASON = LazyPattern(
    r"\b(because|since|due to|as a result|in order to|so that|for the sake|reasons?|caused?|"
    r"thanks to|owing to|given that|in response|after|amid|led to|so as|why|to end|to make|"
    r"blamed|blames|blaming|citing|cited|on the grounds|the result of|driven by|"
    r"hope|believes?|wants?)\b",
    re.IGNORECASE,
)
_ROLE = LazyPattern(
    r"\b(president|minister|prime|leader|chancellor|secretary|spokes(man|woman|person)|official|"
    r"chief|ceo|director|head|king|queen|senator|governor|mayor|general|ambassador|envoy|"
    r"reporters?|journalists?|police|army|government|ministry|company|organi[sz]ation)\b",
    re.IGNORECASE,
)
_PLACE = LazyPattern(
    r"\b(in|at|on|near|from|to|into|across|outside|inside) (the )?[A-Z][a-z]+|"
    r"\b(city|country|capital|region|province|state|town|village|border|front)\b"
)
NAME_RUN = LazyPattern(r"(?<=[a-z,;:] )[A-Z][a-z]+( [A-Z][a-z]+)*")

LOWER_WORD = LazyPattern(r"\b[a-z]+\b")
_FIRST_WORD = LazyPattern(r"[\W_]*([A-Za-z]+) [a-z]")


def first_word(sentence: str) -> str:
    """The first word of ``sentence`` when a lower-case word follows it, as a subject's would
    ("Trump also said"; "" for "Castlebridge, where ...")."""
    found = _FIRST_WORD.match(sentence)
    return found.group(1) if found else ""


TYPE_FEATURE = {
    QuestionType.WHO: "person",
    QuestionType.WHEN: "date",
    QuestionType.HOW_MANY: "number",
    QuestionType.WHERE: "place",
    QuestionType.WHY: "reason",
    QuestionType.STATEMENT: "statement",
}
_STATEMENT = LazyPattern(
    r"[\"“”]|\b(said|says|stated|told|tells|added|posted|wrote|clarified|expressed|"
    r"emphasi[sz]ed|warned|revealed|acknowledged|believes?|belief|cautioned|argued|insisted|"
    r"claimed|announced|noted|explained|suggest(ed|ing)?|according to)\b",
    re.IGNORECASE,
)


def sentence_features(sentence: str) -> frozenset[str]:
    """What kinds of answer a sentence can give: person, date, number, place, reason."""
    features = set()
    if NAME_RUN.search(sentence) or _ROLE.search(sentence):
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
WHEN_ANSWER = LazyPattern(
    rf"\b(({_MONTHS})\.? \d{{1,2}}|\d{{1,2}} ({_MONTHS})|({_MONTHS})|({_DAYS})|(1[89]|20)\d\d|"
    r"\d{1,2}[:.]\d\d|\d{1,2} ?[ap]\.?m\b|today|yesterday|tomorrow|tonight|earlier|later|"
    r"(last|next|this|that) (week|month|year|day|morning|evening|night)|ago|soon|"
    # ("until the weekend", "by midnight", "the end of the month", "at dawn")
    r"(the|this|next|last) weekend|midnight|midday|noon|(?-i:dawn|dusk)|nightfall|overnight|"
    r"(the )?end of (the |this |next )?(week|month|year)|christmas|easter|"
    r"\d{1,3}(st|nd|rd|th) minute|half-?time|(first|second) half|extra time|stoppage time|"
    r"spring|summer|autumn|winter|(next|last|this) fall|(first|second|third|fourth) quarter|"
    r"(after|within|in) (\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few) "
    r"(minutes?|hours?|days?|weeks?|months?|years?))\b",
    re.IGNORECASE,
)
#: A sentence that answers "when" by saying no date is set ("No date has been set for his
#: trial.", "the date has yet to be announced").
NO_DATE_SET = LazyPattern(
    r"\bno (?:date|start date|timetable|timescale|time ?frame)\b"
    r"|\b(?:date|timetable)s? (?:has|have|had) (?:not |yet to )?(?:yet )?be(?:en)? "
    r"(?:set|fixed|agreed|announced|confirmed)\b",
    re.IGNORECASE,
)
#: "When will they meet?" asks about what is to come: a past date does not answer it.
#: How long until something still to come ("could take at least two weeks to reopen"): an
#: answer to "when will ...", not to "when did ...".
TIME_TO_COME = LazyPattern(
    r"\b(?:take|takes|taking)\s+(?:(?:at least|about|around|up to|more than|another|a further|"
    r"several|a few)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"several|a few)\s+(?:more\s+)?(?:hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
ASKS_FUTURE = re.compile(
    r"\bwhen (?:will|would|shall)\b|\bwhen (?:is|are)\b.*\b(?:going to|due|expected|set to|"
    r"scheduled|next)\b",
    re.IGNORECASE,
)
#: ... and a sentence that can answer it speaks of the future.
SAYS_FUTURE = LazyPattern(
    r"\b(?:will|would|shall|next|plans?|planned|planning|scheduled|expected|expects?|due|"
    r"later|soon|upcoming|tomorrow|set to|until|intends?|aims?|by the end|likely|unlikely|"
    r"could|may|might)\b|['’]ll\b",
    re.IGNORECASE,
)
#: What a sentence must say to answer "Did X happen before or after Y?" (or the first sentence
#: of its paragraph: "Earlier that day, Trump ... . In a rare public rebuke, Trump posted ...").
RELATIVE_TIME = LazyPattern(
    r"\b(?:earlier|later|before|after|afterwards|previously|then|following|prior to|ahead of|"
    r"since|until|the day before|the next day)\b",
    re.IGNORECASE,
)
#: A question comparing how something is with how it was ("Was Trump more or less hopeful
#: than before?", "How did his outlook compare with his earlier statements?", "gloomier or
#: brighter?"); "What did Trump compare the talks to?" likens, and is not one.
COMPARES = re.compile(
    r"\bthan (?:in |at |with |during )?(?:before|earlier|previously|in the past|last time|his|her|"
    r"their|what)\b|"
    r"\bcompar(?:e|es|ed|ing) (?:with|to) (?:what|how|his|her|its|their|earlier|before|"
    r"previous|last|the previous|the last)\b|"
    r"\bmore or less\b|\bless or more\b|\bmore \w+ or less\b|\b\w+er or \w+er\b"
)
#: "Can you recommend a good hotel in Warsaw?", "What's the best way to cook salmon?", "how do i
#: apply to be a tram driver", "anyone got a good book on russian history", "got a good clam
#: chowder recipe?", "best pizza place near me?", "whats the weather gonna be like this weekend":
#: a request for advice, a recommendation or a forecast, which a news story gives only in so many
#: words. Requests only: "did anyone recommend inspections?", "best picture winner" and "will the
#: weather delay the launch?" ask about the story.
_CHAT_OPENERS = r"^\W*(?:(?:so|ok|okay|hey|hi|lol|um+|quick question|please|pls)\W+)*"
#: Words of a request for advice that a story may use itself ("the best time to see the aurora",
#: "Forecasters said"; not "recommend": "scientists recommended a cut" gives no recipe).
ADVICE_WORDS = LazyPattern(r"\b(?:best|weather|forecast)\b")
_HOW_DO_I = r"how (?:do|can|should|could) (?:i|u|we|you|one) "
#: "how do i apply to be a tram driver": the verb of a how-to question (group 1).
HOW_TO = LazyPattern(_CHAT_OPENERS + _HOW_DO_I + r"(\w+)")
ASKS_ADVICE = re.compile(
    _CHAT_OPENERS
    + r"(?:(?:(?:can|could|would) (?:you|u|someone|somebody|anyone|anybody) )?(?:please )?"
    r"(?:recommend|suggest)\b"
    r"|what'?s the best way to\b|what is the best way to\b"
    # (not an opinion: "how do u reckon the talks will go", "how can we trust russia")
    + r"|"
    + _HOW_DO_I
    + r"(?!(?:know|think|reckon|feel|guess|suppose|expect|tell|say|describe|explain|rate|see|read|"
    r"trust|spell|pronounce)\b)"
    r"|(?:(?:does|do) )?(?:anyone|anybody|someone|somebody) (?:got|know|knows|have|has) an? "
    r"(?:good|decent)\b"
    r"|(?:got|know|have) (?:an?|any) (?:good |decent )?(?:\w+ ){0,2}recipes?\b"
    r"|(?:(?:what'?s|what is|what are) )?(?:the )?best (?:\w+ ){1,3}(?:near|in|for|to|around) "
    r"|what(?:'?s| is| will)? the weather (?:going to be|gonna be|forecast)\b)"
    r"|\bnear me\b"
)
#: "What were Trump's earlier, gloomier remarks?": what was said before, asked for itself...
ASKS_EARLIER = re.compile(
    r"^\W*what(?: exactly| actually)?(?:['’]s|s| is| are| was| were)\b.{0,40}"
    r"\b(?:earlier|previous|prior|past|former)\b"
)
#: ... of which a sentence that compares with it ("more optimistic ... than his previous
#: remarks") says nothing.
THAN_BEFORE = LazyPattern(
    r"\bthan (?:(?:his|her|their|its|the|in|at|on) )*(?:earlier|previous|prior|past|former|"
    r"last) \w+",
    re.IGNORECASE,
)
#: ... is answered by a sentence that compares ("more optimistic ... than his previous remarks").
COMPARISON = LazyPattern(r"\b(?:than|compared (?:with|to)|versus)\b", re.IGNORECASE)
#: Where what is compared with starts ("than in his earlier comments").
COMPARED_WITH = LazyPattern(r"\b(?:than|compared? (?:with|to)|comparing)\b", re.IGNORECASE)
#: The words that frame a comparison rather than say what is compared.
COMPARISON_FRAMING = words(
    "earlier before previous previously prior past now then time times less more compare "
    "compared comparing comparison"
)
#: "Did Trump call Putin by his first name?": a first name used alone answers it ("Vladimir,
#: STOP!"); "What is the minister's first name?" asks the name itself, and is not one.
ASKS_FIRST_NAME = re.compile(
    r"\bby (?:his |her |their |its )?first[ -]name\b|\bfirst[ -]name did\b|"
    r"\b(?:use|used|call|called|address|addressed)\b.*\bfirst[ -]name\b"
)
#: ... whose framing words are no topic.
FIRST_NAME_FRAMING = words(
    "first name address addressed addressing call called calling call_out called_out use used "
    "refer referred"
)
#: "Did Trump talk to Putin on the phone / by phone / over video link?": how they spoke, which
#: the passage must say.
CHANNEL_ASKED = re.compile(
    r"\b(?:by|on the|over the|via)\s+(phone|telephone|video|videolink|zoom|email|e-mail|text|"
    r"letter)\b"
)
#: A year or a decade a question names ("the 1960 earthquake", "in the 1950s"): the passage
#: that answers it has that year (a year of that decade).
YEAR_ASKED = re.compile(r"\b(1[5-9]\d\d|20\d\d)(s)?\b")
#: A thing named by a number ("Pier 7", "Route 22", "Flight 370"; group 1 the noun, group 2 the
#: number): a passage about "Pier 4" alone does not answer for Pier 7.
NUMBERED_NAME = re.compile(rf"\b(?!(?:{_MONTHS}|{_DAYS})\b)([A-Z][a-z]+) (\d{{1,4}}[A-Z]?)\b")
#: A day of the week ("by Tuesday", "on Sunday night"): a passage that tells of another day
#: ("by Sunday evening") and never of this one does not answer.
WEEKDAY = re.compile(rf"\b(?:{_DAYS})\b", re.IGNORECASE)
#: "Who won the Tour last year?", "at last year's race" ...
LAST_YEAR_ASKED = re.compile(r"\blast year\b|(?<!\bthe )\blast season\b", re.IGNORECASE)
#: ... is answered by a sentence about last year or an earlier one, not by this year's news (a
#: year right before a dateline's dash is the article's own date).
SAYS_A_PAST_YEAR = LazyPattern(
    r"\blast (?:year|season)\b|\ba year (?:ago|earlier|before)\b|"
    r"\bprevious (?:year|season|edition|race)\b|"
    r"\b(?:19|20)\d\d\b(?! *[—–-](?!\d))",  # ("the 2023-24 season")
    re.IGNORECASE,
)
#: "How strong/severe/bad ...?": the adjective whose degree is asked (not "how many/much", not
#: an adverb: "how quickly" looks for "fast", "swift").
HOW_DEGREE = re.compile(r"^\W*how (?!many\b|much\b)([a-z]+(?<!ly))\b")
#: An age as news gives it after a name ("Tane, 24, batted", "Prime Minister Jonas Gahr Støre,
#: 65,"): group 1 is the whole capitalised run.
AGE_AFTER_NAME = LazyPattern(r"((?:\b(?:[A-Z]\.|[A-Z][\w'’-]*)\s+)*\b[A-Z][\w'’-]+), \d{1,3},")
#: An age given otherwise ("24 years old", "aged 24", "a 24-year-old", "born in 2001").
OTHER_AGE = LazyPattern(r"\b(?:years?[ -]old|aged \d+|born)\b", re.IGNORECASE)
#: "how old/tall/..." -> what a fitting sentence must contain besides a number.
HOW_MEASURE = re.compile(r"\bhow (old|tall|high|far|big|large|long|heavy|deep|wide)\b")
#: "How much weight did he lose?", "how much time ...?", "How much does the pumpkin weigh?": a
#: measure asked with a noun or verb (the group that matched), and the adjective it stands for.
HOW_MUCH_MEASURE = re.compile(
    r"\bhow much (weight|time|distance)\b"
    r"|\bhow much (?:do|does|did|will|would)\b[^?]{1,60}?\b(weigh)(?:s|ed)?\b"
)
MEASURE_NOUNS = {"weight": "heavy", "time": "long", "distance": "far", "weigh": "heavy"}
MEASURE_UNITS = {
    # "24 years old", "aged 24", "a 24-year-old", and the news convention "Okonjo, 24,"
    "old": re.compile(
        r"\b(years?[ -]old|aged|age of \d|born|(?:built|founded|opened|dates from|made) in)\b"
        r"|[A-Z][\w'’-]+, \d{1,3},|\bthe (?:1[5-9]|20)\d\d\b",
        re.IGNORECASE,
    ),
    "long": re.compile(
        # (not "second set", "19th-century")
        r"\b(seconds|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|"
        r"since|until|till|miles?|km|kilometres?|kilometers?|met(er|re)s?|feet|foot)\b",
        re.IGNORECASE,
    ),
}
_LENGTH_UNITS = re.compile(
    # ("m" and "g" not of "a.m." or "e.g.")
    r"\b(met(er|re)s?|(?<!\.)m(?!\.\w)|km|kilomet(er|re)s?|centimet(er|re)s?|cm|millimet(er|re)s?|"
    r"mm|yards?|miles?|feet|foot|ft|inch(es)?|storeys?|stories|floors?|acres?|hectares?|square)\b",
    re.IGNORECASE,
)
_WEIGHT_UNITS = re.compile(
    r"\b(tons?|tonnes?|kg|kilograms?|(?<!\.)g(?!\.\w)|grams?|mg|milligrams?|ounces?|oz|pounds?|"
    r"lbs?)\b",
    re.IGNORECASE,
)
#: (a size is a length or a weight: the pattern of both, for "how big" below)
_SIZE_UNITS = rf"{_LENGTH_UNITS.pattern}|{_WEIGHT_UNITS.pattern}"
# "How tall were the towers?" is not answered by "260 kilograms of explosives", nor "How
# heavy is the blade?" by "300 metres from homes"
for _measure in ("tall", "high", "far", "deep", "wide"):
    MEASURE_UNITS[_measure] = _LENGTH_UNITS
MEASURE_UNITS["heavy"] = _WEIGHT_UNITS
#: "How long is the Mill Street Bridge?", "how long was the bit of wall that fell": a length,
#: not a time (group 1: the thing, which stays put; "how long is the bridge shut for" asks a
#: time).
HOW_LONG_A_THING = re.compile(
    r"^\W*how long (?:is|was|are|were) (?:the|a|an|[\w'’-]+['’]?s)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(bridges?|rivers?|roads?|streets?|walls?|blades?|lines?|networks?|pipes?|pipelines?|"
    r"tunnels?|runways?|tracks?|routes?|stretch|sections?|barriers?|fences?|queues?|tailbacks?|"
    r"coastline|beach|lanes?|canals?|dams?|borders?|stages?|course|trails?|paths?|cables?)\b"
    r"(?=\W*$|\s+(?:that|which|where|of|in|at|on|between|from|across|over|under)\b)"
)
MEASURE_UNITS["length"] = _LENGTH_UNITS
#: A question about money ("How much did the council pay?", "What is the mayor's salary?")...
#: What a question about money asks in words: an amount answers it however it is worded.
MONEY_WORDS = words(
    "cost costs costing price priced money pay pays paid paying spend spends spent spending "
    "worth fee fees charge charged charges fare fares"
)
ASKS_MONEY = re.compile(
    r"^(?:how much\b.*\b(?:cost|costs|costing|pay|pays|paid|paying|charged?|charges|charging|"
    r"earn|earns|earned|earning|spend|spends|spent|spending|worth|price|priced|fee|fees|salary|"
    r"wages?|fined?|sell|sells|sold|selling|buy|buys|bought|buying|money|cash|budget|budgets|"
    r"funding|funds?|grant|grants|loan|loans|debt|debts|revenue|profit|profits|compensation)"
    r"|how much (?:is|are|was|were|will)\b(?!.*\b(?:of|left|land|water|rain|snow|time)\b)"
    # "how much does Denise Okafor make a year": what she earns
    r"|how much (?:does|did|do|will|would) [\w'’ -]{1,40}? (?:make|makes|made)"
    r"(?= (?:a|an|per|each|every) (?:year|month|week|day|hour)\b|\W*$)"
    r"|what(?: is| was| are| were|'s|s) (?:the |an? )?(?:[\w'-]+ ){0,3}"
    r"(?:salary|salaries|wages?|price|cost|fee|fees|fares?)"
    # "What does a scone cost at the tea rooms?"
    r"|what (?:does|do|did|will|would) [\w'’ -]{1,40}? cost(?! of)"
    r")\b"
)
#: Currencies written as words ("24 billion koruna", "300 zlotys").
_CURRENCY_WORDS = (
    r"dollars?|pounds?|euros?|yen|yuan|renminbi|francs?|rupees?|rupiah|kron[aeo]r?|crowns?|"
    r"korun[ay]?|zlotys?|zloty|forints?|lei|leu|leva|lev|kunas?|dinars?|dirhams?|riyals?|"
    r"rials?|shekels?|lira|lire|rand|baht|ringgit|pesos?|rubles?|roubles?|hryvnias?|"
    r"nairas?|shillings?|cedis?"
)
#: ... needs an amount of money in the answer ("£1.1 million", "$48", "300 euros").
MONEY_AMOUNT = LazyPattern(
    r"[$£€¥]\s?\d|\b\d[\d,.]*\s?(?:million|billion|bn|m|k)?\s?(?:"
    + _CURRENCY_WORDS
    + r"|pence|cents?|p)\b(?!\.?m\b)",  # "50p", not "2 p.m."
    re.IGNORECASE,
)
#: "How big is the deficit?": a size may be an amount of money or a share as well as a length.
for _measure in ("big", "large"):
    MEASURE_UNITS[_measure] = re.compile(
        rf"{_SIZE_UNITS}|{MONEY_AMOUNT.pattern}|\d\s?(?:%|percent\b|per cent\b)",
        re.IGNORECASE,
    )
#: "how many/much NOUN": the noun whose number is asked for.
#: How far (in tokens) before and after a counted noun its number may stand ("about 1,100
#: Millbrook public works, clerical and library employees": 8 before).
COUNT_BEFORE = 8
COUNT_AFTER = 6
_HOW_MANY_NOUN = re.compile(r"\bhow (?:many|much)\s+([a-z][a-z'’-]*)")
_NUMBER_TOKEN = LazyPattern(
    # (a unit may be written on: "31mm of rain", see _GLUED_UNIT)
    r"^(\$?\d[\d,.]*(?:%|mm|cm|km|kg|ml|lbs?|ft|m|l)?|"
    + "|".join(NUMBER_WORDS)
    + r"|dozens?|hundreds?|thousands?|millions?|"
    r"billions?|several|few|many)$"
)


def counted_noun(question: str) -> str:
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


#: A number standing alone for what was counted ("Two were treated for heat exhaustion",
#: "14 had been arrested"): it counts what the question asks, whatever the question calls it.
BARE_COUNT = LazyPattern(
    r"(?:^|[.,;:]\s|\b(?:and|but|of whom|of them)\s)(?:\d{1,3}(?:,\d{3})*|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?:more\s+)?(?:were|was|are|is|have|has|had|remain|remained|died|needed)\b",
    re.IGNORECASE,
)


def counted_part(question: str) -> str:
    """The folded first content word of what "how many of the X were Y" asks the part of
    ("british" of "how many of the passengers were british", "injured" of "... were injured
    in the crash"); "" for other questions."""
    part = _PART_OF_COUNTED.search(normalise(question))
    if not part:
        return ""
    # (its first word that is no stopword: "injured in the crash" -> "injured")
    return next(
        (
            fold_variant(w)
            for w in part.group(1).split()
            if w not in STOPWORDS and not w.endswith("ly") and w not in _NOT_THE_PART
        ),
        "",
    )


#: Words after "how many of them were" that say when or how, not which part ("still", "badly").
_NOT_THE_PART = words("still later also then already now seriously")


def counted_head(question: str) -> str:
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
        if word in STOPWORDS or word.endswith("ed") or word in _NOT_COUNTED:
            break  # "how many soldiers total ...": soldiers
        if run and (word in _VERBS_AFTER_COUNTED or word in _PAST_VERBS):
            break  # "how many people live in ...": people
        run.append(word)
    return fold_variant(run[-1]) if run else ""


#: Verbs that follow the noun "how many" counts ("how many people live", "how many cars use
#: the bridge"): the noun is the one before.
_VERBS_AFTER_COUNTED = words(
    "live living use using work working die dying need get take go come want attend visit "
    "remain stay lose own think vote support know say face risk travel cross ride"
)
#: Past forms a stemmer cannot tell are verbs ("how many homes lost power": homes).
_PAST_VERBS = frozenset(form for forms in IRREGULAR_VERBS for form in forms[1:]) | words(
    "went came began got"
)
#: Words after "how many NOUN" that say how it is counted, not what.
_NOT_COUNTED = frozenset(
    ("total", "overall", "altogether", "exactly", "roughly", "approximately", "actually")
)


@functools.lru_cache(maxsize=65536)
def counts_noun(sentence: str, counted: str, *, counting: bool = False) -> bool:
    """Whether ``sentence`` gives a number of ``counted`` ("5000 soldiers", "12 people",
    "redundancy pay of £18,000"); a sentence that does not mention the noun at all passes (the
    question may paraphrase it). When ``counting`` ("how many"), a number followed by a unit
    ("for two days while staff and volunteers searched") counts nothing else. Cached: a
    candidate sentence is tested again by every question that counts."""
    tokens = tokenize(sentence)
    places = [i for i, token in enumerate(tokens) if term(fold_variant(token)) == counted]
    if not places:
        return True
    if counting and any(
        term(fold_variant(normalise(word))) == counted  # "her fifth Wimbledon title"
        for found in _OWNED_ORDINAL.finditer(sentence)
        for word in found.group(1).split()
    ):
        return True  # "took her fifth title": five titles (not "scored the second goal")
    if counting and _count_changed(sentence, counted):
        return True  # "assaults ... rose from 31 ... to 47", "the number of ships ... to 12"
    return any(
        _NUMBER_TOKEN.match(tokens[j])
        # "31mm of rain" measures rain (but counts no "cycle lanes" in "12km of cycle lanes");
        # "5mm deep cracks" counts no cracks
        and not (_GLUED_UNIT.match(tokens[j]) and (counting or tokens[j + 1 : j + 2] != ["of"]))
        # "for two days while staff and volunteers searched": two counts days, not volunteers
        # (but "36 hours of heavy rain", "500 tonnes of maize" measure them)
        and not (
            counting
            and j + 1 < len(tokens)
            and j + 1 != i
            and tokens[j + 1] in _UNITS_COUNTED
            and tokens[j + 2 : j + 3] != ["of"]
        )
        for i in places
        for j in range(max(0, i - COUNT_BEFORE), min(len(tokens), i + 1 + COUNT_AFTER))
    )


#: An ordinal of someone's, which counts what it numbers: "her fifth title", "Park's third goal"
#: (not "the second goal", a position).
_OWNED_ORDINAL = LazyPattern(
    r"\b(?:her|his|their|its|our|my|your|[\w-]+['’]s)\s+(?:\d+(?:st|nd|rd|th)|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|hundredth)\s+"
    r"((?:[\w-]+\s+){0,2}[\w-]+)",
    re.IGNORECASE,
)

#: Nouns a number before them measures, so that it counts nothing else ("two days", "60 acres").
_UNITS_COUNTED = words(
    "seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades acre acres hectare hectares mile miles km kilometres kilometers metre metres "
    "meter meters feet foot inch inches percent ton tons tonne tonnes pound pounds kg kilograms "
    "litre litres liter liters gallon gallons"
)


#: Units of measure written out, plural: "3,000 gallons", "for three hours", "470 miles".
_PLURAL_UNITS = (
    "seconds minutes hours days weeks months years decades acres hectares miles kilometres "
    "kilometers metres meters feet inches yards tons tonnes kilograms kilos litres liters gallons "
    "degrees"
)
#: ... singular, which measure only joined on by a hyphen ("a 14-kilometre stretch", "a 30-foot
#: drop"; not "Two foot passengers", "Two second-year students").
_SINGULAR_UNITS = (
    "second minute hour day week month year decade acre hectare mile kilometre kilometer metre "
    "meter foot inch yard ton tonne kilogram litre liter gallon degree"
)
#: ... short, in lower case ("31mm", "5 km"; not "1.2m people", a million, nor "M&S").
_SHORT_UNITS = "km kms mm cm kg kgs ml mph kph lbs ft hrs mins secs yds"
#: Units a "how many" question may ask for itself ("how many kms", "how many days").
UNIT_WORDS = words(f"{_PLURAL_UNITS} {_SINGULAR_UNITS} {_SHORT_UNITS}") | _UNITS_COUNTED
_ANY_NUMBER = r"\b(?:\d[\d,.]*|" + "|".join(NUMBER_WORDS) + ")"
#: A measure: a number with a unit; it counts no people or things.
_A_MEASURE = LazyPattern(
    rf"{_ANY_NUMBER}(?i:[\s-](?:{'|'.join(_PLURAL_UNITS.split())})\b(?!-)"
    rf"|-(?:{'|'.join(_SINGULAR_UNITS.split())})\b(?!-))"
    rf"|\b\d[\d,.]*\s?(?:{'|'.join(_SHORT_UNITS.split())})\b(?![&-])",
)

#: A number with its unit written on ("31mm"): it measures only what follows "of".
_GLUED_UNIT = LazyPattern(r"^\d[\d,.]*[a-z]+$")
_ROUGHLY = r"(?:about |around |roughly |some |more than |over |nearly |almost )?"
_COUNT = rf"{_ROUGHLY}(?:\d[\d,.]*|{'|'.join(NUMBER_WORDS)})(?!\w)"
#: What a count's change or total follows.
_TO_A_COUNT = rf"(?:to|at|is|was|reached) {_COUNT}"
#: Verbs that report what another says: a change after one is what they said of another thing
#: ("Teachers warned class sizes had risen to 34").
_REPORTING_VERBS = (
    # (not "reported" or "estimated": "cases reported in ... tripled" is their subject)
    r"(?:say|says|said|told|tells|warn|warned|warns|claim|claimed|claims|believe|believes|"
    r"believed|add|added|state|stated|argue|argued|insist|insisted|fear|feared|fears)"
)
#: Words that start another clause: a change after one is another subject's ("were evacuated as
#: the river rose to 4.6 metres", "with temperatures rising to 34C", "where the crowd grew").
_JOINS_CLAUSES = (
    r"(?:as|after|while|when|because|but|so|until|before|since|though|with|where|which|who|"
    r"whose|whereas)"
)
_CLAUSE_STARTS = rf"(?:and|that|than|,|{_REPORTING_VERBS}|{_JOINS_CLAUSES})"
#: A count that changed, the noun it counts its subject: "assaults on referees ... rose from 31
#: in 2023 to 47", "cases tripled, from 41 to 117" (over the words and commas after the noun,
#: a clause set off by commas taken out; no comma, "that" or new clause before the verb) ...
_COUNT_CHANGED = LazyPattern(
    rf"^(?:(?!{_CLAUSE_STARTS} )\S+ ){{0,14}}?"
    r"(?:rose|risen|rising|rises|fell|fallen|falling|falls|increased|decreased|grew|dropped|"
    # (after the verb "and" may join two years: "tripled between 2015 and 2024, from 41 to 117")
    rf"climbed|jumped|doubled|tripled) (?:(?!{_JOINS_CLAUSES} )\S+ ){{0,6}}?"
    rf"(?:from {_COUNT}\S* (?:\S+ ){{0,6}}?)?{_TO_A_COUNT}"
)
#: ... or "the number of" it ("bringing the number of vessels assigned to ... to 12").
_NUMBER_OF_IT = LazyPattern(rf"^(?:(?!{_CLAUSE_STARTS} )\S+ ){{1,12}}?{_TO_A_COUNT}")
#: A clause set off by commas inside a sentence ("cases reported in Hollis County, where the
#: university is based, nearly tripled"): it says nothing of the count.
_SET_OFF_CLAUSE = LazyPattern(r",\s*(?:where|which|who|whose|based|according)\b[^,;]*,")
#: Where a clause ends for good: a count after it is another's.
_CLAUSE_BREAK = LazyPattern(r"[;:—–()]|\s-\s")
#: Words that may follow a count of the noun ("rose from 31 in 2023 to 47 last season"); any
#: other ("to 34 degrees", "to 60 mph") makes it a measure.
_AFTER_A_COUNT = words(
    "in on at by for from last this since after before and between during over according a an "
    "the per each every ,"
)
#: A preposition right before a noun makes it no subject (not "of": "reports of assaults").
_OBJECT_BEFORE = LazyPattern(r"\b(?:on|against|by|with|for|about|from|to|into|at|in)\s+$")
_THE_NUMBER_OF = LazyPattern(r"\bthe number of\s*$")
_WORD_OR_NUMBER = LazyPattern(r"\d[\d,.]*\d|\d|[^\W\d_]+|,")


def _count_changed(sentence: str, counted: str) -> bool:
    """Whether ``sentence`` tells the number of ``counted`` (an index term) as a change the
    noun is the subject of ("reports of assaults ... rose from 31 ... to 47") or as "the number
    of" it ("the number of vessels ... to 12"), the count not followed by a unit."""
    folded = normalise(sentence)
    for found in re.finditer(r"[^\W\d_][\w'’-]*", folded):
        if term(fold_variant(found.group(0))) != counted:
            continue
        if _OBJECT_BEFORE.search(folded, 0, found.start()):
            continue  # "attacks on nurses ... rose to 52": the attacks rose, not the nurses
        rest = _SET_OFF_CLAUSE.sub(" ", folded[found.end() :])
        rest = _CLAUSE_BREAK.split(rest, maxsplit=1)[0]
        after = " ".join(_WORD_OR_NUMBER.findall(rest))
        number_of = _THE_NUMBER_OF.search(folded, 0, found.start())
        matched = (_NUMBER_OF_IT if number_of else _COUNT_CHANGED).match(after)
        if matched:
            following = after[matched.end() :].split()[:1]
            if (
                not following
                or following[0] in _AFTER_A_COUNT
                or (term(fold_variant(following[0])) == counted)
            ):
                return True
    return False


ASKS_A_COUNT = re.compile(r"\bhow many\b")
#: "How big was the crowd?", "how large is the workforce": the size of a group of people is a
#: count too, not a measure.
ASKS_A_GROUP_SIZE = re.compile(
    r"\bhow (?:big|large)\s+(?:is|was|are|were|will)\s+(?:[\w'’]+\s+){0,3}?(?:crowds?|"
    r"audiences?|turnout|workforce|population|staff|teams?|army|armies|forces?|delegations?|"
    r"groups?|membership|congregation|class|protests?|march|rally|gathering)\b"
)
#: "How many in total / since the war began / so far": a total, which a rate does not give.
ASKS_TOTAL = re.compile(r"\b(?:in total|total|overall|altogether|so far|since|to date)\b")
PER_PERIOD = re.compile(
    r"\b(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|minute|second|night)\b",
    re.IGNORECASE,
)
_DIGITS = LazyPattern(r"\d[\d,.]*")
#: A number counted per period ("5000 soldiers a week", "£45,000 a year"): no length of time.
NUMBER_PER_PERIOD = LazyPattern(
    # ("£3m a year"; not "jailed for 10 years a week after the verdict")
    rf"\d[\d,.]*[a-z]*\s+(?:[A-Za-z]+\s+){{0,2}}{PER_PERIOD.pattern}"
    r"(?!\s+(?:ago|earlier|later|after|before|on|from)\b)",
    re.IGNORECASE,
)


#: "How much of Ukraine does Russia control?" asks a share of something ...
ASKS_A_SHARE = re.compile(r"\bhow much of (?!an?\b)")  # (not "how much of a concession")
#: ... which a percentage, a fraction, "most"/"all", an area or a sum of money gives.
A_SHARE = LazyPattern(
    r"\d\s?(?:%|percent\b|per cent\b)"
    r"|\d\s?pc\b|\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|most|majority|bulk|all|none|"
    r"fraction|share|proportion|parts?|much of)\b"
    r"|\bsquare (?:kilomet|km|mile|met)|\bsq\.? ?(?:km|mi|m)\b|km²|\b(?:acres|hectares)\b",
    re.IGNORECASE,
)


def only_rates(sentence: str) -> bool:
    """Whether every number in ``sentence`` is a rate ("5000 soldiers a week")."""
    numbers = list(_DIGITS.finditer(sentence))
    return bool(numbers) and all(
        PER_PERIOD.search(sentence, number.end(), number.end() + 40) for number in numbers
    )


#: "On what date ...?", "When exactly ...?" need a date on a calendar ("April 24", "Monday",
#: "2021"); "soon" or "earlier that day" does not answer them.
ASKS_DATE = re.compile(
    r"\b(?:(?:what|which|exact|precise|actual) (?:date|day)|when exactly|exactly when|"
    r"date (?:is|was)|the date of)\b"
)
CALENDAR_DATE = LazyPattern(
    rf"\b(?:{_MONTHS}|{_DAYS}|(?:1[89]|20)\d\d|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|today|"
    r"yesterday|tomorrow)\b",
    re.IGNORECASE,
)
#: "What year was it built?", "which year did she start": a year, which a month or a day
#: alone does not give.
#: "What year was it built?", and "When was the bridge built?", "when was Veridian founded?":
#: a year answers (not "When was the baby elephant born?", which a day may answer).
ASKS_YEAR = re.compile(
    r"\b(?:what|which) year\b(?![ -]group| of\b)|\bwhen (?:was|were|did|is|are)\b[^?]{0,60}?\b"
    r"(?:built|founded|established|constructed|erected|first open(?:ed)?)\b"
)
A_YEAR = LazyPattern(
    r"\b(?:1[5-9]|20)\d\d(?:s|-\d\d)?\b|\b(?:last|this|next|that|same|previous|following) year\b"
    r"|\byears? (?:ago|earlier|later|before|after)\b|\btoday\b|\byesterday\b"
    # a school or university year: "Year 10 pupils", "year eight", "a third-year student"
    r"|\byear (?:\d{1,2}|seven|eight|nine|ten|eleven|twelve|thirteen)\b"
    r"|\b(?:first|second|third|fourth|final)-year\b"
    # an early year ("built in 1088"), or a season to come ("end next spring")
    r"|\b(?:in|since|from|until|by) \d{3,4}\b|\bnext (?:spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
#: "What time ...?" (not "what time of year") needs a clock time or a part of a day.
ASKS_CLOCK = re.compile(r"\b(?:what time(?! of (?:the )?year)|time of day|what hour)\b")
CLOCK_TIME = LazyPattern(
    r"\b(?:\d{1,2}[:.]\d\d|\d{1,2} ?[ap]\.?m\b|noon|midday|midnight|dawn|dusk|o'clock|"
    r"morning|afternoon|evening|night|overnight|tonight)",
    re.IGNORECASE,
)
#: "What is the name of ...?", "What is the satellite called?", "zoo director name".
#: "the name of the dog walker who ...": the noun whose name is asked.
_NAME_OF_NOUN = re.compile(
    r"\bnames? of (?:the|a|an|this|that|his|her|its|their|[a-z-]+['’]s?) "
    r"((?:\d+-years?-old )?[a-z][a-z'’-]*(?: [a-z][a-z'’-]*){0,3})",
    re.IGNORECASE,
)
#: Prepositions no stopword list has that end the noun phrase ("the group behind the protest").
_ENDS_A_NOUN_PHRASE = words("behind near opposite outside inside across around beside beyond")
#: How many words from that noun its name may stand ("Jane Hart, a dog walker").
NAME_REACH = 4


#: Irregular past participles that start a clause after a noun ("the man taken to hospital",
#: "the painting stolen in 1990"); not words that are nouns too ("ground", "shot", "left").
_PARTICIPLES = words(
    "taken given seen held born stolen hurt built sold caught brought thrown driven bitten hidden "
    "chosen beaten written told kept sent spent bought struck swept fallen"
)
#: An age asked as the noun ("the name of the 34-year-old arrested") asks of a person.
_AGE_AS_NOUN = re.compile(r"^\d+-years?-old$")
#: An age as chat writes it ("the 19 year old kayaker"), read as "19-year-old".
_AGE_WRITTEN_APART = re.compile(r"\b(\d+)[ -]years?[ -]old\b", re.IGNORECASE)


#: An owner's "'s" anywhere in a question ("the 7-year-old girl's school").
_OWNED = LazyPattern(r"\w['’]s\b")


def _name_of(question: str) -> tuple[str, str]:
    """The noun a "what is the name of the NOUN" question asks the name of ("" if none), and
    the number or age that stands before it ("67-year-old" of "the 67-year-old grandmother";
    "" if none)."""
    found = _NAME_OF_NOUN.search(_AGE_WRITTEN_APART.sub(r"\1-year-old", question))
    if not found:
        return "", ""
    # the noun phrase's last word ("the Post Office spokeswoman"), not a clause after it ("the
    # missile used", "the vicar Mrs Pell outlived", "the exercise Estonia moved")
    written = found.group(1).split()
    run: list[tuple[str, bool]] = []  # (folded word, whether written with a capital)
    for word in written:
        folded = normalise(word)
        if POSSESSIVE_END.search(folded):  # "the mayor's dog": the dog
            run = []
            continue
        if folded in STOPWORDS or folded in _ENDS_A_NOUN_PHRASE:
            break
        if run and (
            (folded.endswith("ed") and not folded.endswith("eed"))  # (not "breed")
            or (folded in _PARTICIPLES and not run[-1][0].endswith("ly"))  # "the man taken to"
            or (run[-1][1] and other_forms(folded))  # "the school Dayo Ferris went to"
        ):
            while len(run) > 1 and run[-1][1]:
                run.pop()  # "the vicar Mrs Pell outlived": a clause with its own subject
            break
        run.append((folded, word[:1].isupper() and word != written[0]))
    # "the local MP", "the new Tesco store": the last word of the phrase
    noun = run[-1][0] if run else normalise(POSSESSIVE_END.sub("", written[0]))
    number = normalise(written[0]) if written[0][:1].isdigit() else ""
    return ("" if _AGE_AS_NOUN.match(noun) else noun), number


def name_asked_of(question: str) -> str:
    """The noun a "what is the name of the NOUN" question asks the name of ("" if none)."""
    return _name_of(question)[0]


def name_asked_after_an_age(question: str) -> bool:
    """Whether the noun whose name is asked follows an age ("the name of the 67-year-old
    grandmother"): someone, whoever they are, so any name the passage gives will do."""
    return bool(_name_of(question)[1])


def age_of_the_unnamed(question: str) -> str:
    """The age before the noun whose name is asked ("58-year-old" of "the name of the
    58-year-old fisherman"; "" if none, or if the noun is owned: "the 7-year-old girl's
    school" asks the school's name): a passage that brings in "a 58-year-old man" unnamed
    names nobody of that age, whatever noun it uses."""
    age = _name_of(question)[1]
    return age if _AGE_AS_NOUN.match(age) and not _OWNED.search(question) else ""


#: A name right before a noun in apposition: "for Mind, a mental health charity", "Mrs Allen,
#: 67, a nurse" (not a date: "On Tuesday, a kayaker drowned").
_NAMED_BEFORE = LazyPattern(r"(?:\b([A-Z\u00c0-\u00de][\w’'.-]*)|\b\d{1,3})[’'\"”]?\s*[,(]\s*$")
#: Words before a capitalised run that make it a place or a body, not a person's name ("on the
#: Ossick River", "from Kelsborough", "a spokeswoman for Post Office Ltd").
_PLACE_LINKS = words("in at on from near to of for into outside across off")
#: How common in English the first word of a sentence must be to be no name ("A", "Police",
#: "Seven"; not "Reid was a kayaker").
_COMMON_FIRST_WORD_ZIPF = 4.0
#: A naming anywhere in the sentence ("who has been named as Peter Berdowski", "known as River
#: Action", "gave his name as Marcus", "christened"): the noun may well be named.
_NAMES_IT = LazyPattern(
    r"\b(?:(?:re|nick|code)?named|called|dubbed|titled|entitled|known|identified|christened|"
    r"understood to be|believed to be|gave (?:his|her) name|whose name)\b"
)


def names_someone(text: str) -> bool:
    """Whether ``text`` names someone with a naming verb ("has been named locally as",
    "identified him as", "known as")."""
    return bool(_NAMES_IT.search(text))


@functools.lru_cache(maxsize=256)
def _brought_in(noun: str) -> re.Pattern[str]:
    """ "a/an" and up to three words before ``noun`` or its plural ("a 19-year-old kayaker")."""
    singular = noun[:-1] if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) else noun
    return re.compile(
        r"\b(?:a|an)\s+(?:[\w’'-]+\s+){0,3}?" + re.escape(singular) + r"(?:s|es)?\b",
        re.IGNORECASE,
    )


def left_unnamed(sentence: str, noun: str, given: frozenset[str] = frozenset()) -> bool:
    """Whether ``sentence`` brings in the ``noun`` a "what's the name of the NOUN" question asks
    about only unnamed: "a 19-year-old kayaker drowned on the Ossick River", "A spokeswoman for
    Post Office Ltd said". Any capitalised word it cannot account for may be the name ("A
    witness, taxi driver Mo Ahmed, said", "Reid was a kayaker"), and so may a naming verb
    ("who has been named as"). Accounted for: a question word (``given``), a common first
    word, a dateline, a date, "I", and a place or body after "in", "from", "for" ... up to the
    next comma, dash or bracket."""
    mentions = list(_brought_in(noun).finditer(sentence))
    if not mentions or _NAMES_IT.search(sentence):
        return False
    for found in mentions:
        before = _NAMED_BEFORE.search(sentence, 0, found.start())
        if before and not (before.group(1) and CALENDAR_WORD.fullmatch(before.group(1))):
            return False  # "for Mind, a mental health charity": the name set off before it
    linked = False  # inside a capitalised run after a place link
    written_words = sentence.split()
    for i, written in enumerate(written_words):
        word = written.strip("\"'“”‘’()[],.;:!?—–-")
        if not word or written[:1] in "([":
            linked = False  # "from Leeds — Tom Hart —", "from Kelsborough (Amy Lowe)"
        if not word or not word[0].isupper():
            linked = (linked and word.lower() == "the") or word.lower() in _PLACE_LINKS
            continue
        starts = (
            i == 0 and (word.isupper() or english_zipf(word.lower()) >= _COMMON_FIRST_WORD_ZIPF)
        ) or (
            0 < i <= 3 and written_words[i - 1] in ("—", "–") and written_words[0].isupper()
        )  # (a common first word; the first after a dateline's dash)
        if not (
            starts
            or linked
            or word == "I"
            or CALENDAR_WORD.fullmatch(word)
            or fold_variant(normalise(word)) in given
        ):
            return False
        linked = linked and not written.endswith((",", ";", ":", ")", "—", "–"))
    return True


def named_near(sentence: str, noun: str, given: frozenset[str] = frozenset()) -> bool:
    """Whether a name stands within :data:`NAME_REACH` words of ``noun`` in ``sentence``,
    other than the folded words ``given`` (the question's own: "the Kremlin spokesman" is not
    named by "Kremlin"); true when there is no noun or the sentence does not use it (it may
    paraphrase it)."""
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

    def reachable(place: int, i: int) -> bool:
        # "a bakery near the Portway Market stop": a name past a preposition is another's, but
        # not one set off after where they are from ("A man from Leeds, Tom Hart,")
        between = words[min(place, i) + 1 : max(place, i)]
        breaks = [b for b in (normalise(w.strip(",.;:")) for w in between) if b in _NAME_BREAKS]
        set_off = i > place and words[i - 1].endswith((",", "—", "–"))
        return not breaks or (set_off and breaks == ["from"])

    return any(
        word[:1].isupper()
        and i > 0
        and not CALENDAR_WORD.fullmatch(word.strip(",.;:"))
        and normalise(word.strip(",.;:")) not in given
        and reachable(place, i)
        for place in places
        for i, word in enumerate(words)
        if 0 < abs(i - place) <= NAME_REACH
    )


#: Prepositions that end the phrase of a noun: a name after one belongs to another noun.
_NAME_BREAKS = words(
    "near in at on from by into onto outside inside behind beside across toward towards "
    "against with without"
)


#: "What is the satellite called?", "what's it named": asks for the name something goes by,
#: which a sentence gives as "called X", "named X", "known as X".
ASKS_WHAT_IT_IS_CALLED = re.compile(r"\b(?:called|named)\s*\??$")
NAMING = LazyPattern(
    r"\b(?:called|named|dubbed|titled|known as)\s+"
    r"(?!(?:me|him|her|them|us|it|you|for|on|off|in|up|to|out|back|the|a|an|by|after)\b)"
    r"[“\"‘']?\w"
)
ASKS_NAME = re.compile(r"\bname of\b|\bnamed?\s*\??$|(?:'s|s) name\b|\bcalled\s*\??$")
#: Numbers that are not counts of things: money, shares, years, dates and clock times. "How many
#: fish died?" is not answered by "fined £1.1 million in 2021".
_NOT_A_COUNT = LazyPattern(
    r"[$£€]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|bn|m|k)\b)?"
    r"|\b\d[\d,.]*\s?(?:million|billion|thousand|bn)?\s?(?:" + _CURRENCY_WORDS + r")\b"
    r"|\b\d[\d,.]*\s?(?:%|percent\b|per cent\b)"
    r"|\b(?:1[89]|20)\d\d\b"
    r"|\b(?:" + _MONTHS + r")\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:" + _MONTHS + r")\b"
    r"|\b\d{1,2}(?:[:.]\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d\d\b"
    # "one of the worst-performing operators": a rank, not a count
    r"|\b(?:is|was|are|were|remains?|remained|been|be|as|among)\s+one of "
    r"(?:the|its|their|his|her|our|my) (?:most|least|best|worst|biggest|largest|smallest|"
    r"oldest|newest|youngest|highest|lowest|longest|shortest|fastest|slowest|greatest|"
    r"strongest|weakest|richest|poorest|safest|closest|hottest|coldest|latest|driest|"
    r"wettest|\w{3,}iest)\b",
    re.IGNORECASE,
)


#: Ages ("Voss, 68, said", "aged 68", "a 22-year-old"): no count of things either (but "In
#: Kyiv, 12, were killed" counts: a name after a preposition is a place or a day).
_AN_AGE = LazyPattern(
    r"(\b\w+\s+)?\b([A-Z][\w'’-]+), \d{1,3}(?=,)|\baged \d{1,3}\b|\b\d{1,3}-year-old\b"
)
_BEFORE_A_PLACE = words("in at on by from of to for near since until")


def _without_ages(sentence: str) -> str:
    """``sentence`` with the ages of :data:`_AN_AGE` blanked out (a name's age: the name kept)."""

    def blank(found: re.Match[str]) -> str:
        before, name = found.group(1), found.group(2)
        if name is None:
            return " "
        if before and before.strip().lower() in _BEFORE_A_PLACE:
            return found.group(0)
        return (before or "") + name

    return _AN_AGE.sub(blank, sentence)


#: "took her fifth title", "his 11th goal": how many so far, in an ordinal.
_COUNT_SO_FAR = LazyPattern(
    r"\b(?:his|her|their|its) (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def gives_a_count(sentence: str, *, of_things: bool = False) -> bool:
    """Whether ``sentence`` has a number that may count something (not only money, shares,
    years, dates, times or ages; "her fifth title" counts). With ``of_things`` (a count of
    people or things is asked), measures do not count either: "3,000 gallons of diesel", "a
    14-kilometre stretch", "for three hours". Cached as :func:`counts_noun`."""
    text = _NOT_A_COUNT.sub(" ", _without_ages(sentence))
    if of_things:
        text = _A_MEASURE.sub(" ", text)
    return bool(_NUMBER.search(text) or _COUNT_SO_FAR.search(sentence))


PLACE_NAME = LazyPattern(
    r"\b(?:in|at|on|near|from|to|into|across|outside|inside|towards?)\s+(?:the\s+)?"
    # ("in northern India", "across south-east Asia")
    r"(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?\s+|(?:east|west)(?:ern)?\s+|central\s+)?"
    r"([A-Z][\w'’-]+)|\b(city|country|capital|region|province|state|town|village|border|"
    r"front|harbou?r|street|square|building|house|hospital|airport|station|port|"
    # where people stay or gather ("sleeping in shelters set up in schools")
    r"shelters?|schools?|halls?|cent(?:re|er)s?|church(?:es)?|hotels?|camps?|gym(?:nasium)?s?|"
    r"stadium|warehouse)\b"
)
NOT_PLACES = frozenset(_MONTHS.split("|")) | frozenset(_DAYS.split("|"))


#: Titles written before a name ("Mayor Luis Betancourt", "Dr. Amara Osei").
_TITLES = (
    "President", "Prime Minister", "Minister", "Secretary", "Chancellor", "Mayor", "Governor",
    "Senator", "Director", "Chief Executive", "Inspector", "Detective", "Sergeant", "Officer",
    "Professor", "Judge", "Justice", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady",
    "King", "Queen", "Pope", "General", "Colonel", "Captain",
)  # fmt: skip
#: ... their words, folded.
TITLE_WORDS = words(" ".join(_TITLES).lower())
#: Words of posts written before a name, titles or not ("MP Jane Hart", "Union Convenor Dan
#: Price", "Police Chief Dana Ortiz"): no part of a person's name.
POST_WORDS = TITLE_WORDS | words(
    "mp mps councillor councilor cllr superintendent supt constable pc bishop rev reverend "
    "coach chief police union convenor chair chairman chairwoman spokesman spokeswoman "
    "manager leader head commissioner ambassador envoy capt insp sgt det dci ds dc lt col gen "
    "adm prof fr sen rep gov cpl pte sheriff coroner rabbi imam archbishop cardinal baroness "
    "baron"
)

#: A person's name after a title ("President Vladimir Putin", "Dr. Amara Osei").
TITLED_NAME = LazyPattern(rf"\b(?:{'|'.join(_TITLES)})\.?((?:\s+[A-Z][\w'’-]+)+)")


def place_positions(sentence: str, people: frozenset[str] = frozenset()) -> list[int]:
    """Where a sentence names a place ("in Kyiv", "across the harbor", "the border"); a
    person's name ("comments to Putin") is not one."""
    return [
        found.start()
        for found in PLACE_NAME.finditer(sentence)
        if not found.group(1)
        or (found.group(1).casefold() not in NOT_PLACES and normalise(found.group(1)) not in people)
    ]


#: How far (in characters, about a dozen words) a place may stand from the question's topic word
#: ("strikes on Kyiv"; not "a meeting ... its advance into Ukraine" for where they met).
PLACE_REACH = 80
WORD_PATTERN = LazyPattern(r"[\w'’-]+")


#: "what is/was the NOUN ...": the thing a question is about. ("Which NOUN" and "what NOUN"
#: name a category whose member is the answer: "Which region ...?" -> "Eastern Europe".)
_FOCUS = re.compile(r"^what(?:\s+(?:is|was|are|were)|s)\s+(?:the|a|an)\s+([a-z][a-z'’-]+)")


#: "What dance ...", "which birds ...", "what kind of weapons ...": a kind of a thing asked for.
ASKS_A_KIND = re.compile(r"^\W*(?:what|which)\s+(?:(?:kind|sort|type)s?\s+of\s+)?([a-z]+)\b")

#: "What/which NOUN did/does/is ...": the noun of what is asked ("What warning did Trump give").
WHAT_NOUN = re.compile(
    r"^\W*(?:what|which)\s+([a-z]+)\s+(?:did|does|do|is|was|are|were|has|have|had|will|would)\b"
)


#: Nouns of a kind of answer ("Which city ...?", "What company ...?"): the story names the
#: thing, seldom the kind.
ANSWER_KINDS = words(
    "city cities town towns village villages country countries nation nations region regions "
    "place places area areas state states capital person people man men woman women company "
    "companies firm firms group groups organisation organization team teams party parties "
    "platform platforms app apps website websites site sites network networks channel channels "
    "outlet outlets newspaper newspapers day days date dates year years month months time language "
    "word words name names thing things animal animals topic topics subject subjects issue issues "
    "leader leaders official officials politician politicians minister ministers president "
    "presidents player players member members neighbourhood neighbourhoods neighborhood "
    "neighborhoods district districts suburb suburbs street streets"
)


#: Endings of adjectives of place ("Scandinavian", "Polish"): they describe, they do not name.
DEMONYM = LazyPattern(r"(ian|ean|ish|ese)$")


def focus_words(question: str) -> list[str]:
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


_ABOUT_TOPIC = re.compile(
    r"\b(?:say|says|said|saying|think|thinks|thought|feel|feels|felt|make|made|tell|told|write|"
    r"wrote|post|posted|claim|claimed|react|reacted|respond|responded|view|views|opinion|"
    r"comment|commented|talk|talked|speak|spoke|discuss|discussed)\b[^?]*?\b"
    r"(?:about|of|on|regarding|over|to)\s+([^?]+)"
)


_CLAUSE_START = LazyPattern(r"(?:how|what|why|whether|if|when|who|where|which)\b")


@functools.lru_cache(maxsize=4096)
def about_topic(question: str) -> tuple[str, ...]:
    """The content words of Y in "what did X say/think about Y" (folded tokens; () if the
    question is not one); worked out once per question."""
    found = _ABOUT_TOPIC.search(normalise(question))
    if not found or _CLAUSE_START.match(found.group(1)):
        return ()  # "about how hard he has been leaning on Russia": a clause, not a topic
    return tuple(content_tokens(tokenize(found.group(1))))


#: "What does Kyle Brennan do for a living?", "what's her day job", "the norwegian guy, whats
#: his job": what someone works as, which an appositive or a title tells (see
#: :func:`tells_occupation`).
ASKS_OCCUPATION = re.compile(
    r"\bwhat(?:'s|s| is| was)?\s+(?:does|did|do)\s+.{1,60}?\s+do\s+for\s+(?:a\s+)?"
    r"(?:living|work|job|money)\b"
    r"|\bwhat\s+job\s+(?:does|did|do)\s+.{1,60}?\s+(?:do|have|hold)\b"
    r"|\bwhat(?:'s|s| is| was)\s+(?:[\w'’-]+\s+){0,4}?(?:day\s+)?(?:job|occupation|profession)"
    r"\W*$"
)
#: The words such a question frames itself with (no topic of the answer).
OCCUPATION_FRAMING = words("job jobs work living occupation profession day money do does did")
#: How news says what someone works as: an appositive ("Kyle Brennan, a high school chemistry
#: teacher,", "Gerald Munce, 71, a retired schoolteacher"), a job before a name ("chemistry
#: teacher Kyle Brennan", "Prime Minister Jonas Gahr Støre") or "works as/at".
_OCCUPATION_NOUN = (
    r"(?:(?!(?:after|over|under|never|ever|other|either|neither|whether|later|earlier|rather|"
    r"further|together|her|for|or|nor|per|water|weather|matter|number|order|member|minor|"
    r"major|prior|floor|door|color|colour|error|honor|honour|human|german|russian|woman|man)\b)"
    r"[a-z]{2,}(?:er|or|ist|ian|ant|eer|ician|man|woman|person)|nurse|chef|midwife|surgeon|"
    r"vet|pilot|judge|clerk|cook|guard|warden|mayor|minister|councillor|councilor|officer|"
    r"secretary|head|boss|chief|president|chair|lawyer|solicitor|barrister|trainee|student|"
    r"pensioner|apprentice|volunteer|director|executive|analyst|consultant|mechanic|"
    r"electrician|plumber|firefighter|paramedic|constable|inspector|sergeant|detective)s?"
)
_KIN_NOUNS = (
    r"(?:mother|father|daughter|brother|sister|grandmother|grandfather|partner|member|"
    r"resident|neighbour|neighbor|owner|customer|passenger|visitor|user|supporter|fan)s?"
)
#: A title before a name ("Prime Minister Jonas Gahr Støre", "Councillor Derek Ashby").
_TITLE_BEFORE = (
    r"(?:(?:Prime\s+)?Minister|President|Councill?or|Mayor|Secretary|Senator|Governor|Judge|"
    r"Chancellor|Inspector|Sergeant|Detective|Constable|Captain|Professor|Dr|Chief\s+\w+)"
)
#: What someone works as, said right after their name ("Kyle Brennan, a high school chemistry
#: teacher,", "Gerald Munce, 71, a retired schoolteacher", "now works at a bus repair depot") ...
OCCUPATION_AFTER = LazyPattern(
    rf"^,\s(?:\d{{1,3}},\s)?(?:a|an)\s(?:[\w'’-]+\s){{0,5}}?(?!{_KIN_NOUNS}\b)"
    rf"(?i:{_OCCUPATION_NOUN})(?=[,.;:]|\s(?:in|from|at|for|who|with|and|of|on|based)\b|$)"
    r"|^(?:,\s\d{1,3},)?[^.;]{0,40}?\b(?:works?|worked|working)\s+(?:as|at|for|in)\b"
    r"|^(?:,\s\d{1,3},)?\s(?:is|was)\s(?:a|an)\s(?:[\w'’-]+\s){0,4}?"
    rf"(?!{_KIN_NOUNS}\b)(?i:{_OCCUPATION_NOUN})\b"
)
#: ... or right before it ("chemistry teacher Kyle Brennan", "Prime Minister Jonas Gahr Støre").
OCCUPATION_BEFORE = LazyPattern(
    rf"(?:\b(?!{_KIN_NOUNS}\b){_OCCUPATION_NOUN}|\b{_TITLE_BEFORE})\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$"
)
#: How far after a mention of the person an appositive may start ("owner, Jess Carter, a ...").
OCCUPATION_REACH = 40


def tells_occupation(sentence: str, name: Sequence[str]) -> bool:
    """Whether ``sentence`` says what the person called ``name`` (folded words in order:
    "kyle", "brennan"; or a role, "owner") works as: an appositive or "works at" just after a
    mention of them (:data:`OCCUPATION_AFTER`, within :data:`OCCUPATION_REACH` characters, past
    any name between), or a job or title just before it (:data:`OCCUPATION_BEFORE`). A
    mention is the whole name, or its last word alone when no other first name comes before
    it ("Brennan, a taxi driver"; not "Donna Brennan, a nurse" of Kyle Brennan)."""
    if not name:
        return False
    text = fold_diacritics(clean_typography(sentence))
    whole = r"\s+".join(re.escape(word) for word in name)
    last = re.escape(name[-1])
    for mention in re.finditer(rf"\b(?:{whole}|{last})\b", text, re.IGNORECASE):
        before = text[max(0, mention.start() - 60) : mention.start()]
        if (
            len(name) > 1
            and mention.group(0).casefold() == name[-1]
            and re.search(r"\b[A-Z][a-z'’-]+\s+$", before)
        ):
            continue  # "Donna Brennan" is not Kyle Brennan
        if OCCUPATION_BEFORE.search(before):
            return True
        rest = text[mention.end() :]
        skipped_run = re.match(r"\s*(?:,\s)?(?:[A-Z][\w'’.-]*\s?)*", rest)
        skipped = skipped_run.group(0) if skipped_run else ""
        if re.search(rf"\b{_TITLE_BEFORE}\b", skipped):
            return True  # "Norwegian Prime Minister Jonas Gahr Støre"
        if any(
            OCCUPATION_AFTER.search(rest[start:])
            for start in {0, len(skipped.rstrip())}
            if start <= OCCUPATION_REACH
        ):
            return True
    return False


#: "Which European leaders ...?", "Which board members voted no?": people asked for by name.
_OFFICE_HOLDERS = (
    r"(?:leaders|officials|politicians|ministers|lawmakers|diplomats|executives|players|members|"
    r"senators|councillors|councilors|directors|trustees|governors)\b"
)
ASKS_PEOPLE = re.compile(
    rf"^\W*(?:which|what)\s+(?:[a-z]+\s+){{0,2}}?{_OFFICE_HOLDERS}"
    # "Who were the two non-executive directors who voted against?": not "Two directors voted"
    rf"|^\W*who\s+(?:were|are)\s+the\s+(?:two|three|four|five|six|seven|\d+)\s+"
    rf"(?:[a-z-]+\s+){{0,2}}?{_OFFICE_HOLDERS}"
    # "Which reporter asked ...?": one of them, by name
    r"|^\W*which\s+(?:[a-z]+\s+)?(?:reporters?|journalists?|lawyers?|judges?|doctors?|"
    r"spokes(?:man|woman|person))\b"
)
#: "Which party does Støre lead?", "What company won the contract?", "Which hospital were they
#: flown to?": an organisation or institution asked for by name (group 1: the noun).
ASKS_ORGANISATION = re.compile(
    r"^\W*(?:which|what)\s+(?:(?!(?:is|are|was|were|do|does|did|has|have|will)\b)[a-z]+\s+)?"
    r"(party|parties|company|companies|firm|firms|teams?|clubs?|unions?|agency|agencies|banks?|"
    r"newspapers?|charity|charities|organi[sz]ations?|courts?|hospitals?|schools?|university|"
    r"universities|museums?|groups?|chains?|brands?|lines|stations?|airports?|"
    r"hotels?|restaurants?|bakery|bakeries|shops?|stores?|ministry|ministries|departments?|"
    r"institutes?|foundations?|outlets?)\b"
)
#: A number in figures or words ("40", "ninety", "twenty-five").
_SPEED_WORDS = "|".join(
    [*NUMBER_WORDS, "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"]
)
_SPEED_NUMBER = rf"(?:\d[\d,.]*|\b(?:{_SPEED_WORDS})(?:[ -](?:{_SPEED_WORDS}))?)"
#: A speed ("200 meters an hour", "40 mph"): no height, length or distance.
SPEED = LazyPattern(
    rf"{_SPEED_NUMBER}\s*(?:mph|km/h|kph|knots?)\b"
    rf"|{_SPEED_NUMBER}\s*(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|feet|foot) (?:an|a|per) "
    r"(?:hour|minute|second|day)\b"
    # a slow creep ("two metres a year"), not a distance covered ("12,000 miles a year")
    rf"|{_SPEED_NUMBER}\s*(?:met(?:er|re)s?|feet|foot|inch(?:es)?|centimet(?:er|re)s?|cm|mm) "
    r"(?:an|a|per) (?:week|month|year)\b",
    re.IGNORECASE,
)
#: "What is the top speed of the trams?", "at what speed ...", "How fast was the ferry going
#: when it hit the rocks?": only a speed answers.
NEEDS_A_SPEED = re.compile(
    r"\b(?:top|maximum|max|average|what|which)\s+speeds?\b"
    r"|\bhow fast (?:was|were|is|are)\b[^?]{0,40}?\b(?:travell?ing|driving|flying|sailing|speeding|"
    r"(?:going|moving|doing)\s+(?:when|as|before|at the time|at impact)\b)"
)
#: "How fast is the lava flowing?", "How quickly did officers arrive?": a speed or a time
#: taken answers (not required: "we want it to be fast" answers too) ...
ASKS_SPEED = re.compile(r"\bhow (?:fast|quickly|quick|rapidly|slowly|soon)\b")
_FEW = r"(?:\d[\d,.]*|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty)"
#: ... such as a :data:`SPEED`, "within six minutes", "minutes later".
SPEED_OR_TIME_TAKEN = LazyPattern(
    rf"{SPEED.pattern}"
    rf"|\b(?:within|in|after|under|about|just) {_FEW} (?:seconds?|minutes?|hours?|days?)\b"
    r"|\b(?:seconds?|minutes?|hours?|days?) (?:later|after)\b",
    re.IGNORECASE,
)
_PIECE = r"(?:article|story|piece)"
_ANY_PART = r"(?:paragraph|line|lines|sentence|section|words|bit|part)(?![\w-])"
_PARAGRAPH = r"(?:paragraph|sentence)(?![\w-])"
#: "according to the article's conclusion", "at the end of the piece", "the last paragraph":
#: the question asks what the article says where it ends (a bare "last words" or "final part"
#: may be anyone's) ...
ASKS_THE_END = re.compile(
    rf"\b(?:the\s+)?{_PIECE}(?:'s|’s)?\s+(?:conclusion|ending|(?:closing|final|last|"
    rf"concluding)\s+{_ANY_PART})"
    rf"|\b(?:the\s+)?(?:closing|final|last|concluding)\s+{_PARAGRAPH}"
    rf"(?:\s+of\s+the\s+{_PIECE}\b)?"
    rf"|\b(?:at|toward|towards|near)\s+the\s+(?:very\s+)?end(?:\s+of\s+the\s+{_PIECE})?"
    r"(?=\s*(?:[,?.!-]|$))"
    rf"|\bthe\s+end\s+of\s+the\s+{_PIECE}\b"
)
#: ... or where it starts ("in the first paragraph", "at the start of the story").
ASKS_THE_START = re.compile(
    rf"\b(?:the\s+)?{_PIECE}(?:'s|’s)?\s+(?:opening|first)\s+{_ANY_PART}"
    rf"|\b(?:the\s+)?(?:opening|first)\s+{_PARAGRAPH}(?:\s+of\s+the\s+{_PIECE}\b)?"
    rf"|\b(?:at\s+)?the\s+(?:start|beginning|top)\s+of\s+the\s+{_PIECE}\b"
)
#: "What is this story about?", "tl;dr", "what happened?", "When did this happen?": the
#: question asks for the article as a whole, which its lead sums up.
ASKS_THE_GIST = re.compile(
    r"^\W*(?:(?:hey|hi|ok|okay|so|please|pls|quick one|can you|could you)\W+)*"
    r"(?:what(?:'s|s| is| was)\s+(?:this|the)\s+(?:story|article|piece|news|report)\s+"
    r"(?:about|saying)"
    r"|what(?:'s|s| is)\s+(?:this|it)\s+(?:all\s+)?about"
    r"|summar(?:y|ise|ize)(?:\s+(?:of\s+)?(?:the|this|it)(?:\s+(?:story|article|piece|news))?)?"
    r"(?:\s+(?:for me|please))?"
    r"|give\s+me\s+(?:a\s+(?:quick\s+)?summary|the\s+gist|the\s+short\s+version)"
    r"|tl;?\s?dr"
    r"|what(?:'s|s| is)\s+the\s+(?:gist|short\s+version|main\s+point|story)"
    r"|what\s+happened|what(?:'s|s| is)\s+going\s+on"
    r"|(?:when|where|what\s+(?:year|day|date|time))\s+did\s+(?:this|it|that|all\s+this)\s+"
    r"(?:happen|take\s+place)"
    # "when was this": when the story's news was
    r"|(?:when|what\s+(?:year|day|date))\s+(?:was|is)\s+(?:this|that))"
    # ("what year was this even", "when did this happen again")
    r"(?:\s+(?:even|again|exactly|then|btw|lol|tho|though|anyway))*\W*$"
)
#: "when did he say all this, what date", "what year did trump say all this": when the news
#: was said, which the lead dates, if the one saying it is the lead's (group 1: who).
ASKS_WHEN_IT_WAS_SAID = re.compile(
    r"^\W*(?:so\W+)?(?:when|what\s+(?:year|day|date))\s+did\s+([a-z]+)\s+say\s+"
    r"(?:this|that|it|all\s+(?:this|that))(?:\W+what\s+(?:year|day|date))?\W*$"
)
#: "the two countries", "both sides", "the warring nations": a reference to the parties the
#: story names, not a number or a word it must use.
THE_PARTIES = re.compile(
    r"\b(?:the\s+two|both(?:\s+the)?|the\s+(?:two\s+)?warring|each\s+of\s+the\s+two)\s+"
    r"(?:warring\s+|neighbou?ring\s+)?(?:countries|nations|states|sides|parties|governments|"
    r"leaders|presidents|men|women|teams|clubs|companies|firms)\b"
)
#: "How many people live in Upper Fennick?", "What is the population of Kyiv?" ...
ASKS_POPULATION = re.compile(
    r"\bpopulation\b|\bhow many (?:people|residents|inhabitants|ppl|folks|locals)\s+"
    r"(?:\w+\s+)?(?:live|reside)\b"  # (not "how many people are living in shelters")
)
_ABOUT = (
    r"(?:about |around |some |nearly |almost |more than |over |just over |roughly |fewer than |"
    r"under )?"
)
_HEADCOUNT = r"[\d,.]+(?:\s+(?:million|billion))?"
_PEOPLE = r"(?:people|residents|inhabitants|souls)\b"
#: ... which a number of people living somewhere answers ("a town of about 14,000 people",
#: "home to 2.9 million people", "a city of 2.9 million", "has 90,000 residents", "its
#: population of 9,800"), not "1,900 people affected".
A_POPULATION = LazyPattern(
    rf"\bpopulation\b|\bhome to\s+{_ABOUT}{_HEADCOUNT}\s+{_PEOPLE}"
    r"|\b(?:town|city|village|community|country|nation|island|municipality|borough|county|"
    rf"region|suburb|district|parish)\s+of\s+{_ABOUT}(?:[\d,.]+\s+{_PEOPLE}|"
    r"[\d,.]+\s+(?:million|billion)\b)"
    rf"|\b(?:has|have|had)\s+{_ABOUT}{_HEADCOUNT}\s+(?:residents|inhabitants)\b",
    re.IGNORECASE,
)
#: "What was the vote on the budget?", "what was the vote count", "the vote tally": how a vote
#: went is asked ...
ASKS_A_TALLY = re.compile(
    r"\bwhat(?:s|'s|’s|\s+(?:was|is|were))\s+the\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:vote|votes|vote\s+count|vote\s+tally|tally|final\s+tally)\b(?!\s+(?:on\s+)?(?:date|day))"
    r"|\bvote\s+(?:count|tally|breakdown|split|margin)\b"
    r"|\bhow\s+did\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?vote\s+go\b"
)
#: ... which a sentence with a tally answers ("voted 7 to 2", "by 27 votes to 19", "passed 4-1",
#: "voted unanimously"; not the "2025-26" season).
A_TALLY = LazyPattern(
    r"\b\d{1,3}\s*(?:-|–|to)\s*\d{1,3}\b(?![-–]?\s*(?:year|month|week|day|hour|minute|percent|%))"
    r"|\b\d{1,3}\s+votes?\s+to\s+\d{1,3}\b|\bunanimous(?:ly)?\b",
    re.IGNORECASE,
)
#: "Which platform did Trump use ...?", "what app did he use to ...", "Where did he post his
#: message?": the medium something was said through is asked ("Which app was banned?" is not)
#: ...
_SAYING_THROUGH = (
    r"(?:use|used|using|post|posted|posting|publish|published|share|shared|tweet|tweeted|"
    r"write|wrote|say|said|announce|announced|send|sent)\b"
)
ASKS_A_MEDIUM = re.compile(
    r"\b(?:what|which)\s+(?:social\s+media\s+|social\s+networking\s+|messaging\s+|online\s+)?"
    rf"(?:apps?|platforms?|websites?|sites?|social media|social networks?)\b.*\b{_SAYING_THROUGH}"
    r"|^\W*where\s+(?:did|does|do|has|have|had|will|would)\s+(?:[\w'’-]+\s+){1,4}?"
    r"(?:post|publish|put\s+out|share|tweet|upload|write)\b"
)
_NOT_A_DATE = rf"(?!(?i:{_MONTHS}|{_DAYS})\b)"
#: ... which a sentence that says where it was put answers ("posted on Truth Social", "wrote in
#: a post on X", "said on social media", "published in the journal Nature", "wrote in The
#: Guardian"; not "said on Thursday", "said talks on Ukraine", "published in Geneva").
A_MEDIUM = LazyPattern(
    r"\b(?:posted|posting|wrote|writing|published|shared|tweeted|uploaded|video)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?(?:on|via)\s+(?:the\s+)?{_NOT_A_DATE}[A-Z][\w-]*"
    rf"|\b(?:said|announced)\s+(?:on|via)\s+{_NOT_A_DATE}[A-Z][\w-]*"
    r"|\b(?:published|wrote|writing)\s+in\s+(?:the\s+(?:journal|magazine|newspaper)\s+|The\s+)"
    r"[A-Z][\w-]*"
    r"|\bon (?:social media|the internet|(?:its|his|her|their) website)\b"
)
#: "Give me Trump's exact words about ...", "quote what he said": a question for a quotation.
ASKS_WORDS = re.compile(
    r"\b(?:exact|own|actual|very) words\b|\bquote\b|\bword for word\b|\bverbatim\b|"
    r"\bquotation\b"
)
_FULL_NAME = LazyPattern(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+))+")


_COMPASS = words(
    "north south east west northern southern eastern western central north-east north-west "
    "south-east south-west"
)


def names_people(sentence: str, question: str) -> bool:
    """Whether ``sentence`` gives someone's full name ("Gary Whitcomb") that ``question`` does
    not already give."""
    asked = set(tokenize(normalise(question)))
    for found in _FULL_NAME.finditer(sentence):
        names = found.group(0).split()
        if CALENDAR_WORD.fullmatch(names[0]) or names[0].lower() in STOPWORDS:
            continue  # "Monday March", "While Trump ..."
        while names and names[0].lower() in _COMPASS:
            names = names[1:]  # "Eastern Europe" is a place; "South Korean President Yoon" not
        if len(names) < 2:
            continue
        if not asked.intersection(tokenize(normalise(" ".join(names)))):
            return True
    return False


_US = LazyPattern(r"\bU\.?S\b")
_WHO_IS_THE = LazyPattern(
    r"^\W*who(?:\s+(?:is|was|are|were)|['’]s)\s+(?:the|a|an|[\w-]+['’]s?)\s+"  # "Trump's"
)


#: "Who is leading the American negotiating team ...?": someone doing something to a thing.
_WHO_DOING_THE = LazyPattern(
    r"^\W*who(?:\s+(?:is|was|are|were|will be)|['’]s)\s+[a-z]+ing\s+(?:the|a|an)\s+"
    r"((?:[a-z]+\s+){0,3}?)([a-z]+)(?:\s+(?:in|at|on|of|for|with|between|from|to|after|before)\b"
    r"|\W*$)"
)


def who_doing_head(question: str) -> str:
    """The thing a "who is doing something to X" question names ("Who is leading the American
    negotiating team in the talks?" -> "team"), folded; "" for other questions."""
    found = _WHO_DOING_THE.match(normalise(question))
    return fold_variant(found.group(2)) if found else ""


def who_head(question: str) -> str:
    """The noun a "who is the X ..." question asks about, folded ("the US envoy negotiating
    with Moscow" -> "envoy"); "" for other questions."""
    folded = normalise(question)
    found = _WHO_IS_THE.match(folded)
    if not found:
        return ""
    head = ""
    for token in tokenize(folded[found.end() :]):
        word = fold_variant(token)
        if word == "us" and _US.search(question):
            continue  # "the US envoy"
        if word in STOPWORDS or not word.isalpha() or word.endswith(("ing", "ed")):
            break
        head = word
    return head


#: "What did X say/tell/think ..." -> X.
#: Words of "who is in charge of / the boss of / heading X": what a "who" question asks for,
#: however the story words the post.
IN_CHARGE = words(
    "charge boss bosses head heads heading headed run runs running ran lead leads leading led "
    "leader chief chair manage manages managing managed manager"
)
QUOTE_MARK = LazyPattern(r"[\"“”]")
#: A sentence that goes on about the one before ("Its chair, ...", "Their lawyer said ...").
REFERS_BACK = LazyPattern(r"[\W_]*(?:its|their)\b", re.IGNORECASE)
#: "Which city/region/district ...": a question whose answer is a place.
ASKS_PLACE = re.compile(
    r"\b(?:(?:which|what)\s+(?:other\s+)?|other\s+)(?:\w+\s+)?(?:cit(?:y|ies)|towns?|villages?|"
    r"regions?|areas?|parts?|"
    r"districts?|neighbou?rhoods?|suburbs?|provinces?|states?|countr(?:y|ies)|count(?:y|ies)|"
    r"places?|locations?|streets?|territor(?:y|ies)|capitals?)\b"
)
POSSESSIVE_END = LazyPattern(r"['’]s?$")
_AREA_NOUNS = (
    r"(?:city|town|village|region|district|neighbou?rhood|suburb|province|state|county|borough|"
    r"parish|ward|zone|sector|area)"
)
NAMED_AREA = LazyPattern(
    rf"\b(?i:{_AREA_NOUNS}) of (?:the )?([A-Z][\w'’-]+)|"
    r"\b(?:District|Ward|Zone|Sector|Area|Region|Precinct|Borough|County) \d+\b|"
    r"(?<=[a-z] )([A-Z][\w'’-]+) (?:district|region|province|county|borough|oblast|"
    r"neighbou?rhood|suburb)\b"  # "the western Sviatoshynskyi district"
)
#: "What kind of missiles ...": the noun whose kind is asked.
KIND_OF = re.compile(
    r"\b(?:what|which)\s+(?:kinds?|types?|sorts?|models?|makes?|brands?) of ([a-z]+)"
)


#: A post a "who is in charge" question is answered with.
LEADER_POST = LazyPattern(
    r"\b(president|minister|leader|chancellor|secretary|chief|ceo|director|head|king|queen|"
    r"governor|mayor|general|commander|chair(?:man|woman|person)?|manager|managing|boss|owner|"
    r"founder|curator|principal|superintendent|inspector|editor|coach|captain|led|leads|heads|"
    r"headed|runs|ran|manages|managed|in charge|chaired|chairs|chairing|"
    r"spearhead(?:ed|s|ing)?|fronted|organi[sz]ers?|coordinators?)\b",
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
_TITLE_OF = LazyPattern(rf"\b((?i:{_TITLE})) of (?:the )?((?:[A-Z][\w'’-]*\s?)+)")
_TITLE_OF_END = LazyPattern(rf"\b((?i:{_TITLE})) of (?:the )?([\w'’ -]{{2,40}}?)\W*$", re.I)
_OWNERS_TITLE = LazyPattern(rf"\b((?:[A-Z][\w-]*\s)*[A-Z][\w-]*)['’]s (?:\w+ )?((?i:{_TITLE}))\b")
#: Other ways a story writes a title.
TITLE_WRITTEN = {
    "ceo": r"ceo|chief executive",
    "chief executive": r"ceo|chief executive",
    "prime minister": r"prime minister|premier",
    "premier": r"prime minister|premier",
}
#: The name after a title ("Mayor Elena Varga").
HOLDER_NAME = LazyPattern(r"(?:\s+[A-Z][\w'’.-]*)+")
#: How far before a title the place it belongs to may stand ("Norwegian Prime Minister").
TITLE_OWNER_CHARS = 30


def particles_after(tokens: Sequence[str]) -> dict[str, str]:
    """Verb-like tokens followed by a particle ("looking" -> "for" in "looking for a deal")."""
    return {
        fold_variant(token): following
        for token, following in itertools.pairwise(tokens)
        if following in PARTICLES and token not in STOPWORDS
    }


_WHO_IS_OWNERS = LazyPattern(
    r"^\W*(?i:who(?:'s| is| was| are| were))\s+((?:[A-Z][\w-]*\s)*[A-Z][\w-]*)['’]s\s+([a-z]+)\W*$"
)


def holder_names(role: str, text: str, *, set_off: bool = True) -> list[str]:
    """The names ``text`` gives right after the title in ``role`` ("the Norwegian prime
    minister" -> "Norwegian Prime Minister Jonas Gahr Støre" -> "Jonas Gahr Støre"); a
    capitalised qualifier of the role ("Polish", "Omani") must stand just before the title
    ("Polish Deputy Foreign Minister Tomasz Wróbel", "Oman, whose envoy Khalid al-Harthy").
    Another post with the title is not the post ("Vice President JD Vance", "former President
    Joe Biden", "assistant coach Tom Hale"), and a name ends with its sentence. With ``set_off``
    a full name set off by commas after the title counts too ("the chief executive, Sarah
    Lindqvist, said"), but not an item of a list, another post, the object of "for the mayor,"
    or a previous holder."""
    words = [w for w in role.split() if w.isupper() or normalise(w) not in STOPWORDS]  # "US"
    title = " ".join(normalise(w) for w in words if w.islower())
    qualifiers = [normalise(w)[:4] for w in words if not w.islower()]
    if not title or (" " not in title and title not in _ROLE_TITLES):
        return []
    names = []
    # "Prime Minister Jonas Gahr Støre", or set off by commas: "the chief executive, Sarah
    # Lindqvist, said", "its station officer, Carys Moffat, decided"
    written = rf"(?i:\b{re.escape(title)})((?:\s+[A-Z][\w'’.-]+)+)"
    if set_off:
        written += (
            rf"|(?i:\b{re.escape(title)}),\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{1,3}})(?=,)"
        )
    for found in re.finditer(written, text):
        before = normalise(text[max(0, found.start() - TITLE_OWNER_CHARS) : found.start()])
        if _ANOTHER_POST.search(before):
            continue
        if found.lastindex == 2 and (
            POST_WORDS.intersection(normalise(found.group(2)).split())
            or _LIST_GOES_ON.match(text, found.end())
            or _POST_AS_OBJECT.search(before)  # "a spokesman for the mayor, Tom Bell,"
            or _PREVIOUS_POST.search(before)  # "the previous mayor, Gordon Pike,"
        ):
            continue  # "the mayor, Police Chief Dana Ortiz, and two council members": another
        if all(re.search(rf"\b{re.escape(q)}", before) for q in qualifiers):
            names.append(_cut_at_sentence_end((found.group(1) or found.group(2)).strip()))
    return names


#: ", and ..." after a name set off by commas: the name is an item of a list.
_LIST_GOES_ON = LazyPattern(r",\s+(?:and|or)\b")
#: A post that is the object of a preposition ("a spokesman for the mayor, Tom Bell,"): the name
#: set off after it is another's.
_POST_AS_OBJECT = LazyPattern(
    r"\b(?:for|to|of|with|by|from|against|about)\s+(?:the|a|an|its|their)?\s*$"
)
#: A post once held: "the previous mayor, Gordon Pike,".
_PREVIOUS_POST = LazyPattern(r"\b(?:previous|outgoing|then|late|last|predecessor)\s+$")


def only_another_post(role: str, text: str) -> bool:
    """Whether ``text`` has the title in ``role`` only as another post or someone's owner:
    "assistant coach Tom Hale", "former mayor Gordon Pike", "the chancellor's sister"."""
    words = [w for w in role.split() if w.isupper() or normalise(w) not in STOPWORDS]
    title = " ".join(normalise(w) for w in words if w.islower())
    if not title:
        return False
    found = list(re.finditer(rf"(?i:\b{re.escape(title)}\b)", text))
    return bool(found) and all(
        _ANOTHER_POST.search(normalise(text[max(0, m.start() - TITLE_OWNER_CHARS) : m.start()]))
        or _SOMEONE_OF.match(text, m.end())  # "the chancellor's sister"
        for m in found
    )


#: Someone another person's post names: "the chancellor's sister", "the mayor's spokesman" (but
#: "the state's offer" is the state's).
_SOMEONE_OF = LazyPattern(
    r"['’]s\s+(?:\w+\s+)?(?:sister|brother|wife|husband|son|daughter|mother|father|partner|"
    r"family|aide|adviser|advisor|spokesman|spokeswoman|spokesperson|lawyer|office|team|staff)\b",
    re.IGNORECASE,
)


#: A word before a title that makes it another post ("Vice President", "assistant coach", "shadow
#: defence secretary"; an acting, interim or outgoing president is the president).
_ANOTHER_POST = LazyPattern(r"\b(?:vice|former|ex|deputy|assistant|shadow)[\s-]*$")
#: Initials written with full stops ("J.D.", "P.J.").
_INITIALS = LazyPattern(r"(?:[A-Z]\.)+")


def _cut_at_sentence_end(name: str) -> str:
    """``name`` cut at a full stop that ends its sentence: "Marta Lindqvist. He" -> "Marta
    Lindqvist", "Amy Wu. The" -> "Amy Wu"; initials ("J. R. Ward", "J.D. Vance") and
    abbreviations ("Gen. Mamady Doumbouya", "Sam Hill Jr.") do not end it."""
    kept: list[str] = []
    for word in name.split():
        if (
            word.endswith(".")
            and word[:-1].casefold() not in ABBREVIATIONS
            and not _INITIALS.fullmatch(word)
            and not (len(word) == 2 and word[0].isupper())  # "J." of "J. R. Ward"
        ):
            kept.append(word[:-1])
            break
        kept.append(word)
    return " ".join(kept)


#: A word or initials, maybe "and" another, then a third, at every word of a text: "Marta
#: Lindqvist", "J.D. Vance", "Paul and Lorraine Keeley", 'Margaret "Peggy" Lindqvist' ("Peggy
#: Lindqvist"), "Dad Paul Keeley" ("Dad Paul" and "Paul Keeley").
_NAME_BEFORE = LazyPattern(
    r"(?=\b(?P<first>(?:[A-Z]\.)+|[^\W\d_][\w'’-]*)[\"”]?"
    r"(?:\s+(?:and|&)\s+(?P<partner>[^\W\d_][\w'’-]*))?"
    r"\s+[\"“]?(?P<last>[^\W\d_][\w'’-]*))"
)


#: Capitalised words before a surname that are no first name: titles ("Judge Okafor"), days
#: and months ("On Friday Okafor told").
_NO_FIRST_NAME = LazyPattern(
    rf"(?i:{'|'.join(_TITLES)}|{_DAYS}|{_MONTHS}|coach|councill?or|commissioner)\.?"
)


def first_names_by_surname(text: str) -> dict[str, frozenset[str]]:
    """Each surname of ``text`` (its last index term: "jone" of "Smith-Jones") and the first
    names written just before it (index terms): "Paul and Lorraine Keeley" gives keeley:
    {paul, lorraine}; titles and stopwords are no first names ("Judge Helen Okafor")."""
    firsts_by_surname: dict[str, set[str]] = {}
    for found in _NAME_BEFORE.finditer(text):
        written = [word for word in found.group("first", "partner", "last") if word]
        if not all(word[:1].isupper() for word in written):
            continue
        *firsts, last = written
        surname = index_terms(last)
        for first in firsts:
            given = index_terms(first)
            if surname and given and not _NO_FIRST_NAME.fullmatch(first):
                firsts_by_surname.setdefault(surname[-1], set()).add(given[-1])
    return {surname: frozenset(firsts) for surname, firsts in firsts_by_surname.items()}


def surname_stands_alone(
    sentence: str, names: Sequence[str], titles: frozenset[str] = frozenset(), sex: str = ""
) -> bool:
    """Whether ``sentence`` writes the surname of ``names`` (index terms of a full name) with
    no other name or title beside it: "Lindqvist, watching, said" does; "James Maddison said"
    (for Reece James), "Dad Paul Keeley said" (for Lorraine Keeley) and "Inspector Jones said"
    (for Sarah Jones) do not. ``titles``, the ones the article writes before the full name
    ("Judge Helen Okafor": "Judge Okafor"), and a courtesy title that does not say the other
    ``sex`` ("f" or "m": "Mrs Keeley" for Lorraine Keeley, not "Mr Keeley") may stand before it."""
    courtesy = {
        title for title, said in _COURTESY_TITLES.items() if not (said and sex) or said == sex
    }
    words = list(WORD_PATTERN.finditer(sentence))
    for left, right in itertools.pairwise(words):
        if sentence[left.end() : right.start()].strip(" ."):
            continue  # not side by side ("Keeley, 52, said")
        if _last_term(right.group(0)) == names[-1] and _another_name(
            left.group(0), names, titles | courtesy
        ):
            return False
        if _last_term(left.group(0)) == names[-1] and _another_name(right.group(0), names, titles):
            return False
    return True


def sex_of_name(text: str, names: Sequence[str]) -> str:
    """ "f" or "m" by the first "she"/"her" or "he"/"his"/"him" after the full name of ``names``
    in the sentence that first writes it ("Lorraine Keeley said her son ..."), else ""."""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = [_last_term(w) for w in WORD_PATTERN.findall(sentence)]
        at = next(
            (i for i in range(1, len(words)) if words[i - 1 : i + 1] == [names[-2], names[-1]]),
            None,
        )
        if at is None:
            continue
        pronoun = next(
            (w.lower() for w in WORD_PATTERN.findall(sentence)[at:] if w.lower() in _PRONOUN_SEX),
            "",
        )
        return _PRONOUN_SEX.get(pronoun, "")
    return ""


#: The sex a pronoun says.
_PRONOUN_SEX = {"she": "f", "her": "f", "hers": "f", "he": "m", "his": "m", "him": "m"}


def titles_before_name(text: str, names: Sequence[str]) -> frozenset[str]:
    """The titles ``text`` writes right before the full name of ``names`` ("judge" of "Judge
    Helen Okafor"), lower case."""
    found = set()
    for match in _TITLE_NAME.finditer(text):
        title, first, last = match.group(1, 2, 3)
        if (
            _last_term(last) == names[-1]
            and _last_term(first) == names[-2]
            and title[:1].isupper()
            and _NO_FIRST_NAME.fullmatch(title)
        ):
            found.add(title.lower().rstrip("."))
    return frozenset(found)


#: A capitalised word, then two more ("Judge Helen Okafor"), at every word.
_TITLE_NAME = LazyPattern(r"(?=\b([^\W\d_][\w'’-]*\.?)\s+([^\W\d_][\w'’-]*)\s+([^\W\d_][\w'’-]*))")
#: Titles that say only how someone is addressed ("Mrs Keeley", "Mr Starmer"), and the sex each
#: says ("" for either).
_COURTESY_TITLES = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f"}
_COURTESY_TITLES |= {"dame": "f", "lady": "f", "dr": ""}


def _last_term(word: str) -> str:
    """The last index term of ``word`` ("" for a stopword): "jone" of "Smith-Jones"."""
    terms = index_terms(word)
    return terms[-1] if terms else ""


def _another_name(word: str, names: Sequence[str], titles: frozenset[str]) -> bool:
    """Whether ``word`` is a capitalised name or title other than ``names`` and ``titles``."""
    if not word[:1].isupper() or word.lower().rstrip(".") in titles:
        return False
    if _NO_FIRST_NAME.fullmatch(word):
        return True  # "Inspector Jones": someone the question did not name, maybe
    terms = index_terms(word)
    return bool(terms) and terms[0] not in names


_QUOTED = re.compile(r"\"([^\"]+)\"|(?<!\w)'(.+?)'(?!\w)")
_PLAIN_WORD = LazyPattern(r"\w+")


def plain_words(text: str) -> str:
    """``text`` as its normalised words and single spaces (punctuation dropped), for finding
    quoted words whatever the quote marks and commas: "Vladimir, STOP!" -> "vladimir stop"."""
    return " ".join(_PLAIN_WORD.findall(normalise(text)))


def quoted_words(question: str) -> str:
    """The :func:`plain_words` of the longest stretch of two or more words a question puts
    in quote marks ("Who said 'I have my own deadline'?" -> "i have my own deadline")."""
    found = [plain_words(a or b) for a, b in _QUOTED.findall(normalise(question))]
    found = [f for f in found if " " in f]
    return max(found, key=len) if found else ""


#: "ballistic or cruise missiles", "resign or stay": a question offering two answers ("more
#: upbeat or less upbeat", "X or not" offer one).
ALTERNATIVES = re.compile(
    r"\b([a-z][a-z'’-]+) or (?!(?:less|more|not|no|fewer|never)\b)([a-z][a-z'’-]+)\b"
)


#: The posts of someone a question calls "the Russian leader" or "the city's leader".
LEADER_TITLES = (
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "mayor",
    "governor",
    "chairman",
    "chairwoman",
    "chair",
    "general secretary",
)
#: "the Czech prime minister", "the US president": a person a question names by post.
_ROLE_MENTION = LazyPattern(
    r"\bthe ((?:[\w'’.-]+ ){0,2}?)(prime minister|leader|"
    + "|".join(sorted(_ROLE_TITLES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def role_mentions(question: str) -> list[tuple[str, str]]:
    """The posts a question names people by, as (the words in the question, a role for
    :func:`holder_names` with its qualifiers capitalised): "how old is the czech prime
    minister" -> ("the czech prime minister", "Czech prime minister")."""
    found = []
    for match in _ROLE_MENTION.finditer(question):
        qualifiers = [w for w in match.group(1).split() if w.isupper() or w not in STOPWORDS]
        role = " ".join([*(w[:1].upper() + w[1:] for w in qualifiers), match.group(2).lower()])
        found.append((match.group(0), role))
    return found


def holder_terms(role: str, text: str) -> frozenset[str]:
    """Index terms of :func:`holder_names` written right after the title ("Prime Minister Jonas
    Gahr Støre"), not set off by commas: a speaker check uses them as a veto, so they must be
    sure ("The mayor, Elena Varga, ... She said" reports the mayor)."""
    return frozenset(
        t for name in holder_names(role, text, set_off=False) for t in index_terms(name)
    )


_PHOTO = r"(?:photo|photograph|picture|image|pic)"
#: Questions about the article rather than the news: who wrote it, when it was published, its
#: headline, who is in its photo (the caption, kept apart from the answerable text).
ABOUT_THE_ARTICLE = re.compile(
    r"(?P<author>\bwho (?:wrote|writes|has written|authored|penned)\b(?:\s+\w+){0,2}\s+"
    r"(?:article|story|piece|report|this|it)\b|\b(?:author|writer|byline) of (?:the|this) "
    r"(?:article|story|piece|report)\b|\bwho is the (?:author|writer)\b)|"
    r"(?P<date>\bwhen (?:was|did) (?:the|this) (?:article|story|piece|report) "
    r"(?:published|written|posted|come out|go up)\b)|"
    r"(?P<title>^\W*what(?:'s|s| is| was)? (?:the|its) (?:title|headline)\b(?: of (?:the|this) "
    r"(?:article|story|piece|report))?\W*$|"
    # (the headline only: "the title of it" may be a book's)
    r"^\W*what(?:'s|s| is| was)? the headline (?:of|on) (?:this|that|it)(?: one)?\W*$|"
    r"^\W*what does (?:the|its) headline say\W*$)|"
    r"(?P<caption>^\W*(?:who|what)\b[^?]{0,30}\b(?:in|on) the " + _PHOTO + r"\b|"
    r"\bwho(?:'s|s| is| was)? pictured\b|\bwhat does the " + _PHOTO + r" show\b)"
)


#: "According to Trump, did Russia ...?", "... per Trump?", "In Trump's view, ...": a question
#: about what someone says (group 1 or 2: who).
ATTRIBUTED_TO = re.compile(
    r"\b(?i:according to)\s+((?:[\w'’-]+\s*){1,3}?)(?=[,?.!]|$)|"
    r"\b(?i:per)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})|"
    r"\b(?i:in)\s+([\w-]+)['’]s? (?i:view|telling|words|opinion|mind|eyes|account)\b"
)
#: "Does Ukraine agree ...?", "Did Europe buy ...?": a question about where X stands.
STANCE_QUESTION = LazyPattern(
    r"^\W*(?:does|did|do|is|was|are|were|has|have|would|will)\s+((?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
    r"\s+(?:agree|accept|support|oppose|reject|buy|back|endorse|dispute|doubt|trust)\b"
)
#: "How does Kyiv see Russia not grabbing the whole country?", "What did Ukraine make of ...?":
#: X's view, which a sentence with X acting (rejecting, welcoming, saying) gives.
VIEW_QUESTION = re.compile(
    r"^\W*(?:how|what)\s+(?:does|do|did|will|would)\s+((?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+"
    r"(?:see|view|regard|interpret|judge|read|make\s+of|feel\s+about)\b"
)
_OBJECT_OF = LazyPattern(
    r"(?<!much )(?<!most )(?<!many )(?<!some )(?<!all )(?<!part )(?<!parts )(?<!half )"
    r"\b(?:in|into|on|onto|to|at|from|with|about|against|over|for|of|by|toward|towards|"
    r"between|across|upon)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?$",
    re.IGNORECASE,
)


def acts_in(sentence: str, holder: set[str]) -> bool:
    """Whether one of ``holder``'s terms stands in ``sentence`` other than as the object of a
    preposition ("much of Europe, including Ukraine, rejected"; not "its advance into Ukraine"
    or "tension in Eastern Europe")."""
    return any(
        term(fold_variant(normalise(found.group(0)))) in holder
        and (
            not _OBJECT_OF.search(before := sentence[max(0, found.start() - 30) : found.start()])
            or bool(_AGENT_OF.search(before))  # "the offer was accepted by the union"
        )
        for found in WORD_PATTERN.finditer(sentence)
    )


#: The doer of a passive verb: "accepted by the union", "rejected by Kyiv".
_AGENT_OF = LazyPattern(
    r"\b(?i:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+(?i:by)\s+"
    r"(?:(?i:the)\s+)?(?:[A-Z][\w'’-]*\s+)?$"
)


def title_asked(question: str) -> tuple[str, str] | None:
    """The (title, owner) a question asks the holder of: "Who is the president of Ukraine?" ->
    ("president", "Ukraine"), "Hungary's prime minister" -> ("prime minister", "Hungary")."""
    found = _TITLE_OF.search(question) or _TITLE_OF_END.search(question)
    if found:
        return found.group(1).lower(), found.group(2).strip()
    found = _OWNERS_TITLE.search(question)
    if found:
        return found.group(2).lower(), found.group(1)
    found = _WHO_IS_OWNERS.search(question)  # "Who is Faith Chepkoech's coach?"
    if found and found.group(2).lower() not in IN_CHARGE:  # "X's boss": any post will do
        return found.group(2).lower(), found.group(1)

    return None


_ASKED_SPEAKER = re.compile(
    r"\b(?:did|does|do|has|have|had|will|would|is|was)\s+(.+?)\s+(?:say|said|says|tell|told|"
    r"post|posted|write|wrote|claim|claimed|add|added|announce|warn|clarify|saying|telling|"
    r"posting|writing|react|respond|reply|comment|answer|think|thinks|thought|feel|feels|felt|"
    r"believe|believes|promise|promised|pledge|pledged|vow|vowed|offer|offered|demand|demanded|"
    r"threaten|threatened|agree|agreed|disagree|disagreed|accept|accepted|endorse|endorsed)\b",
    re.IGNORECASE,
)


#: A passive "did X say" match: "was a ceasefire agreed", "is the deal accepted", "was he told".
_PASSIVE_ASKED = LazyPattern(
    r"(?:is|was)\s.+\s(?:\w+ed|said|told|thought|felt|wrote|written)$", re.IGNORECASE
)


#: "What is Norway's position on the war?": whose view is asked (the owner's apostrophe is
#: needed: "What is his position" names nobody).
ASKED_STANCE = re.compile(
    r"^\W*what(?:['’]?s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(.+?)(?:['’]s|s['’])\s+"
    r"(?:official\s+|own\s+)?(?:view|views|position|stance|opinion|take|verdict|attitude)\b",
    re.IGNORECASE,
)
#: "How did X react/respond?": a person reacts by saying something, a market need not.
REACTION_WORDS = LazyPattern(r"\b(?:react|respond|reply|comment|answer)\b", re.IGNORECASE)
#: "Did Støre agree with Trump ...?", "Has Putin accepted ...?": where someone stands is asked
#: (the verb a "did X say" question asks with, see :func:`asked_verb`).
STANCE_VERBS = words("agree agreed disagree disagreed accept accepted endorse endorsed")

#: Longest speaker a "what did X say" question names ("the union leader", "Jonas Gahr Støre").
MAX_SPEAKER_WORDS = 4


_SAYING_ADVERBS = words(
    "actually really exactly just ever even also officially publicly finally first later then "
    # "What did the prime minister himself say?": the prime minister
    "himself herself themselves itself personally"
)


#: The article itself, or a part of it, as what "says" something: nobody in the story.
_THE_PIECE_ITSELF = LazyPattern(
    r"^(?:the|this|that)\s+(?:(?:article|story|piece|text|paragraph)\b|(?:article|story|piece)"
    r"(?:'s|’s)\s)"
)


def asked_verb(question: str) -> str:
    """The verb a "did X say" question asks with, lower-cased ("agree" of "Did Støre agree with
    Trump?"; "" when none)."""
    found = _ASKED_SPEAKER.search(question)
    return found.group(0).split()[-1].lower() if found else ""


def asked_speaker(question: str) -> str:
    """Who a "what did X say" question asks about ("" if it names nobody)."""
    found = _ASKED_SPEAKER.search(question) or ASKED_STANCE.search(question)
    if not found:
        return ""
    if _PASSIVE_ASKED.match(found.group(0)):  # "Was a ceasefire agreed?": agreed by others
        return ""
    # "what did it actually say": an adverb is no part of who says it
    who = " ".join(w for w in found.group(1).split() if normalise(w) not in _SAYING_ADVERBS)
    if len(who.split()) > MAX_SPEAKER_WORDS:  # "does Europe think about the claim": no speaker
        return ""
    if _THE_PIECE_ITSELF.match(normalise(who)):  # "What does the article say ...?": it reports
        return ""
    if normalise(who).split()[-1:] == ["to"]:  # "what app did he use to tell ...": he tells
        who = " ".join(who.split()[:-2])
    if normalise(who).split()[-1:] in (["been"], ["being"]):
        return ""  # "What have drivers been offered?": offered to them, not by them
    return "" if normalise(who) in _NOBODY_IN_PARTICULAR else who


#: Who a question names without naming anyone: "what did he say", "did everyone agree".
_NOBODY_IN_PARTICULAR = words(
    "he she they it i you we everyone everybody anyone anybody someone somebody people"
) | {""}


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
#: A verb of saying, after adverbs and auxiliaries ("has also said", "later warned").
_THEN_REPORTS = (
    r"(?:(?:has|had|also|later|then|\w+ly)\s+)*(?:" + "|".join(sorted(_REPORTING)) + r")\b"
)
_SUBJECT_BEFORE_VERB = LazyPattern(
    r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*|\b[Hh]e|\b[Ss]he|\b[Tt]hey)"
    # "Critics of such swaps argue", "Residents in Eastgate say"
    r"(?:\s+(?:of|in|at|from|for)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"
    r"(\s*(?:,[^,]{1,60}){1,2},)?\s+" + _THEN_REPORTS
)

#: ... or a common noun after "the"/"its"/"their" ("The operator said", "the union's members
#: warned", "its chief executive added").
_NOT_OF_A_NOUN = r"(?!(?:and|or|but|who|that|which|then|also)\b)"
_NOUN_SUBJECT_BEFORE_VERB = LazyPattern(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+((?:{_NOT_OF_A_NOUN}[a-z][\w'’-]*\s+){{0,2}}"
    rf"{_NOT_OF_A_NOUN}[a-z][\w'’-]*)\s+" + _THEN_REPORTS
)

#: The name a post or kin word is given before the verb: "His mother, Elaine Pettigrew, said",
#: "Calder Mining's chief executive, Owen Petrakis, said".
_NAMED_IN_APPOSITION = LazyPattern(
    r",\s+((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*),\s+" + _THEN_REPORTS
)

#: ... but not a region after a place: "Police in Lviv, Ukraine, said", "in Washington, D.C.,".
_AFTER_A_PLACE = LazyPattern(r"\b(?:in|at|near|from|outside|of)\s+(?:[A-Z][\w'’.-]*\s*)+$")

#: An aside naming others who report it too: "much of Europe, including Ukraine, rejected".
_INCLUDING = LazyPattern(
    r"\s*,\s*(?:including|and|as well as|along with|like)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*),"
)


def statement_subjects(sentence: str) -> frozenset[str]:
    """Index terms of the name right before a reporting verb ("Donald Trump expressed",
    "Brandt warned", "His mother, Elaine Pettigrew, said") and of those an aside includes
    ("much of Europe, including Ukraine, rejected"): the people a sentence reports as saying
    something; "he"/"she"/"they" give :data:`PRONOUN_SUBJECT`."""
    subjects: set[str] = set()
    for found in _SUBJECT_BEFORE_VERB.finditer(sentence):
        name = found.group(1)
        if name.casefold() in ("he", "she", "they"):
            subjects.add(PRONOUN_SUBJECT)
        else:
            subjects.update(index_terms(name))
        # "much of Europe, including Ukraine, rejected ...": Ukraine rejected it too
        aside = _INCLUDING.match(found.group(2) or "")
        if aside:
            subjects.update(index_terms(aside.group(1)))
    for found in _NOUN_SUBJECT_BEFORE_VERB.finditer(sentence):
        subjects.update(index_terms(found.group(1)))
    for found in _NAMED_IN_APPOSITION.finditer(sentence):  # "His mother, Elaine ..., said"
        if not _AFTER_A_PLACE.search(sentence, 0, found.start()):  # "Police in Lviv, Ukraine,"
            subjects.update(index_terms(found.group(1)))
    return frozenset(subjects)


_QUOTE_MARKS = "\"“”‘’'«» "


def quoted_speakers(sentence: str, quotes: Sequence[Quote]) -> frozenset[str]:
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
