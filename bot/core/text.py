"""Text processing shared by the whole engine: normalisation, tokens, stems, sentences, typos.

Everything here is deterministic and needs no downloaded data: nltk is used only for its
Snowball stemmer (imported lazily, it is slowish to import; stems and English word frequencies are
also kept in the lexicon cache, :mod:`bot.core.lexicon`, when one is in use). The pieces:

* :func:`normalise`: NFKC, curly -> straight quotes and apostrophes, dashes -> ``-``, diacritic
  folding (``"Støre"`` -> ``"store"``) and case folding. Every comparison goes through it.
* :func:`tokenize`: words and numbers of a text, normalised (``"5,000"`` -> ``"5000"``,
  ``"Trump's"`` -> ``"trump"``, ``"wasn't"`` -> ``"wasnt"``, ``"U.S."`` and ``"United States"``
  -> ``"usa"``).
* :func:`index_terms`: tokens -> spelling variants folded (Kiev -> kyiv, favour -> favor) ->
  stopwords dropped -> Snowball stems (cached per word). Paragraphs, sentences and questions all
  use it, so they always agree.
* :func:`question_type` and :data:`QUESTION_WORDS`: the question words are stopwords for
  retrieval but are kept for typing the question (who -> person, how many -> number, ...).
* :func:`sentence_spans` / :func:`split_sentences`: a rule-based splitter that never splits inside
  a double-quoted quotation (so a quote stays with its attribution), knows abbreviations such as
  "U.S.", "Mr." and "Dr.", initials, and numbers such as "10.30".
* :class:`Speller`: maps an unknown word to a close vocabulary word (Damerau-Levenshtein distance
  1, or 2 for long words) through a lazily built deletion index, so the cost does not grow with the
  vocabulary.
"""

from __future__ import annotations

import enum
import functools
import itertools
import logging
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from bot.core import lexicon

log = logging.getLogger(__name__)


def words(text: str) -> frozenset[str]:
    """The set of space-separated words in ``text`` (for the word lists below)."""
    return frozenset(text.split())


class LazyPattern:
    """A regular expression compiled on first use, for the many that most questions never need
    (compiling them all at import slowed every start). Same methods as a compiled pattern."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)


# --------------------------------------------------------------------------------------------
# Normalisation

_TRANSLATE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        "\u00a0": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
    }
)


_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]")


def _replace(match: re.Match[str]) -> str:
    return str(_TRANSLATE[ord(match.group(0))])


def _translate(text: str) -> str:
    """``text.translate(_TRANSLATE)``, faster when few characters change (most text)."""
    return _TRANSLATED.sub(_replace, text)


def clean_typography(text: str) -> str:
    """NFKC, straight quotes/apostrophes, ASCII dashes; keeps case and diacritics."""
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE)


def fold_diacritics(text: str) -> str:
    """Remove accents and fold letters that do not decompose (ø -> o, æ -> ae, ß -> ss)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Line breaks other than "\n" that ``str.splitlines`` (and Discord) break lines at: Windows'
#: CRLF, old Macs' CR, vertical tab, form feed, the file/group/record separators, NEL and
#: Unicode's line and paragraph separators.
OTHER_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Every character a match of :data:`OTHER_LINE_BREAKS` starts with.
_OTHER_LINE_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def newlines(text: str, *, paragraph: str = "\n") -> str:
    """``text`` with every line break made "\\n" (a paragraph separator, U+2029, made
    ``paragraph``)."""
    # (nine ``in`` tests find none in a whole article much faster than the regex does)
    if not any(char in text for char in _OTHER_LINE_BREAK_CHARS):
        return text
    return OTHER_LINE_BREAKS.sub(
        lambda found: paragraph if found.group(0) == "\u2029" else "\n", text
    )


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The one normalisation every comparison uses: typography, diacritics and case folded."""
    return _normalise(text)


def normalise_uncached(text: str) -> str:
    """:func:`normalise` without its cache, for long texts seen once (a corpus's paragraphs
    would only push the short texts that are asked again out of the cache)."""
    return _normalise(text)


def _normalise(text: str) -> str:
    """:func:`normalise` without its cache (for long texts seen once)."""
    if text.isascii():  # NFKC and NFKD leave ASCII alone; only the backtick is translated
        return text.replace("`", "'").casefold()
    # (translating twice changes nothing: every replacement is plain ASCII)
    typographic = _translate(unicodedata.normalize("NFKC", text))
    decomposed = unicodedata.normalize("NFKD", typographic)
    if decomposed.isascii():
        return decomposed.casefold()
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


# --------------------------------------------------------------------------------------------
# Tokens

# Dotted acronyms (U.S., U.K., U.N.) lose their dots; the upper-case "US" is the country, not "us",
# and so is "the United States" ("in the eastern US" of "in the eastern United States").
_ACRONYM = LazyPattern(r"\b(?:[A-Za-z]\.){2,}")
_US = re.compile(
    r"\bU\.S\.(?:A\.)?|\bUSA?\b"
    r"|\b(?:United\s+States(?:\s+of\s+America)?|united\s+states(?:\s+of\s+america)?)\b"
)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[a-z0-9]+(?:'[a-z0-9]+)*")
_THOUSANDS = LazyPattern(r"^\d{1,3}(?:,\d{3})+$")

_NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
NUMBER_WORDS: dict[str, str] = {
    word: str(value) for value, word in enumerate(_NUMBER_NAMES.split())
}


def _undot(match: re.Match[str]) -> str:
    return match.group(0).replace(".", "")


def _number_token(token: str) -> list[str]:
    if _THOUSANDS.match(token):
        return [token.replace(",", "")]
    if "," in token:  # "1,2" or a list without spaces: split into numbers
        return [part for part in token.split(",") if part]
    return [token]


#: A full stop or a comma between two digits ("10.30", "5,000"). Two patterns that start with
#: the mark itself: the regex engine jumps to a literal much faster than it tries ``\d``
#: at every character.
_DECIMAL_POINT = re.compile(r"\.(?<=\d\.)\d")
_DECIMAL_COMMA = re.compile(r",(?<=\d,)\d")
#: A dotted acronym always contains this (cheap to look for: it starts with a literal).
_ACRONYM_HINT = re.compile(r"\.[A-Za-z]\.")
#: ASCII bytes -> themselves for [a-z0-9], a space for everything else.
_WORD_BYTES = bytes(
    b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for b in range(256)
)


def _folded_for_tokens(text: str) -> tuple[str, bool]:
    """The normalised text :func:`tokenize` splits (acronyms undotted), and whether it is
    simple: nothing to split or strip, so every run of [a-z0-9] is a token as it is."""
    if "US" in text or "U.S." in text or "nited" in text:
        text = _US.sub(" usa ", text)
    if _ACRONYM_HINT.search(text):
        text = _ACRONYM.sub(_undot, text)
    folded = _normalise(text)
    simple = (
        "'" not in folded
        and not _DECIMAL_POINT.search(folded)
        and not _DECIMAL_COMMA.search(folded)
    )
    return folded, simple


def tokenize(text: str) -> list[str]:
    """Normalised words and numbers of ``text`` (possessive 's dropped, apostrophes removed)."""
    folded, simple = _folded_for_tokens(text)
    if simple:
        if folded.isascii():
            return folded.encode("ascii").translate(_WORD_BYTES).decode("ascii").split()
        return _TOKEN.findall(folded)
    return _split_tokens(folded)


def tokenize_utf8(text: str) -> list[bytes]:
    """:func:`tokenize`, each token UTF-8 encoded (:func:`decode_token` turns one back).

    For building an index: Python makes short ``bytes`` much faster than ``str``, so a caller
    that maps millions of tokens to ids decodes only the distinct ones.
    """
    folded, simple = _folded_for_tokens(text)
    if simple and folded.isascii():
        return folded.encode("ascii").translate(_WORD_BYTES).split()
    tokens = _TOKEN.findall(folded) if simple else _split_tokens(folded)
    return [token.encode("utf-8", "surrogatepass") for token in tokens]


def decode_token(token: bytes) -> str:
    """A token of :func:`tokenize_utf8` as :func:`tokenize` gives it."""
    return token.decode("utf-8", "surrogatepass")


#: What follows the apostrophe of "he'd", "she'll", "they've", "we're", "I'm": the word
#: before it is kept (a pronoun, a stopword), not "hed" or "shell".
_CONTRACTED = frozenset(("d", "ll", "ve", "re", "m"))


def _split_tokens(folded: str) -> list[str]:
    """The tokens of normalised text with apostrophes or number punctuation."""
    tokens: list[str] = []
    for raw in _TOKEN.findall(folded):
        if raw[0].isdigit() and ("," in raw or "." in raw):
            tokens.extend(_number_token(raw))
            continue
        if raw.endswith("'s"):
            raw = raw[:-2]
        head, _, tail = raw.rpartition("'")
        if tail in _CONTRACTED:
            raw = head
        tokens.append(raw.replace("'", ""))
    return [token for token in tokens if token]


# --------------------------------------------------------------------------------------------
# Spelling variants: applied to documents and questions alike, so any consistent mapping is safe
# for a word with one sense. A word with others ("kept mum", "the mummy", an article's "Ref.")
# is read in questions only: see STANDS_FOR and KIN_WORDS.

#: Transliterations and names with several spellings (documented in the README). Keys and values
#: are normalised tokens; the value is the form both sides are mapped to.
VARIANTS: dict[str, str] = {
    "kiev": "kyiv",
    "kyev": "kyiv",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "lvov": "lviv",
    "lwow": "lviv",
    "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia",
    "luhansk": "luhansk",
    "lugansk": "luhansk",
    "chernobyl": "chornobyl",
    "moskva": "moscow",
    "peking": "beijing",
    "bombay": "mumbai",
    "calcutta": "kolkata",
    "madras": "chennai",
    "burma": "myanmar",
    "ppl": "people",
    "govt": "government",
    # chat spellings ("wat did he mean", "r they", "abt the deal", "has he reffed before")
    "wat": "what",
    "wot": "what",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "u": "you",
    "ur": "your",
    "r": "are",
    "reffing": "refereeing",
    "reffed": "refereed",
    # everyday abbreviations ("is hwy 24 open yet", "how many hrs", "what happens tmrw")
    "hwy": "highway",
    "rd": "road",
    "ave": "avenue",
    "dept": "department",
    "cllr": "councillor",
    "approx": "approximately",
    "yrs": "years",
    "hrs": "hours",
    "mins": "minutes",
    "wk": "week",
    "wks": "weeks",
    "mth": "month",
    "mths": "months",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "yday": "yesterday",
    "b4": "before",
    "thru": "through",
    "bday": "birthday",
    "mgr": "manager",
    "uni": "university",
    "hosp": "hospital",
    "intl": "international",
    "natl": "national",
    "zelenskyy": "zelensky",
    "zelenskiy": "zelensky",
    "zelenski": "zelensky",
    "zelenskyi": "zelensky",
    "gadhafi": "gaddafi",
    "qaddafi": "gaddafi",
    "qadhafi": "gaddafi",
    "mohammed": "muhammad",
    "mohammad": "muhammad",
    "muhammed": "muhammad",
    "tchaikovsky": "chaikovsky",
    "grey": "gray",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "programme": "program",
    "cheque": "check",
    "tyre": "tire",
    "aluminium": "aluminum",
    "america": "usa",
    "american": "usa",
    "americans": "usa",
}

_BRITISH = (
    (
        re.compile(
            r"^(.{3,})our(s|ed|ing|ite|ites|able|ably|er|ers|hood|hoods|ful|fully|less|al|ally|ist|ists)?$"
        ),
        r"\1or\2",
    ),
    (re.compile(r"^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^(.{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),
    (re.compile(r"^(.{2,})tre(s)?$"), r"\1ter\2"),  # "theatre", "kilometres"
    (re.compile(r"^(.{2,})bre(s)?$"), r"\1ber\2"),  # "calibre", "sombre"
)
#: Words the British/American rules must leave alone (they only look like -our/-ise words).
_BRITISH_EXCEPTIONS = words(
    "four hour hours your yours tour tours pour poured pouring sour flour flours detour contour "
    "devour devoured scour course courses rise rises wise otherwise noise noises raise raised "
    "raises raising praise praised poise cruise cruised premise promise promised promises "
    "precise concise exercise exercised expertise advise advised enterprise enterprises "
    "surprise surprised surprising compromise compromised franchise merchandise paradise "
    "revise revised supervise televise despise disguise comprise comprised excise treatise "
    "chastise improvise demise macabre"
)


#: News metonyms: a capital or a seat of government stands for its country's government
#: ("Moscow gave something up" of a story about Russia). Used only for a question word the
#: story does not use, so a story about the city itself is not affected.
#: Regions a question may name for one of their countries ("Which Scandinavian leader ...?" of
#: a story about a Norwegian one): the first member the story has stands in.
REGION_MEMBERS: dict[str, tuple[str, ...]] = {
    "scandinavian": ("norwegian", "swedish", "danish"),
    "scandinavia": ("norway", "sweden", "denmark"),
    "nordic": ("norwegian", "swedish", "danish", "finnish", "icelandic"),
    "baltic": ("estonian", "latvian", "lithuanian", "estonia", "latvia", "lithuania"),
    "balkan": ("serbian", "croatian", "bosnian", "albanian", "serbia", "croatia", "bosnia"),
    "iberian": ("spanish", "portuguese", "spain", "portugal"),
    "benelux": ("belgian", "dutch", "luxembourg", "belgium", "netherlands"),
}
STAND_INS: dict[str, str] = {
    "ex": "former",  # "the ex-harbor boss"
    "moscow": "russia",
    "kremlin": "russia",
    "kyiv": "ukraine",
    "washington": "usa",
    "beijing": "china",
    "london": "britain",
    "westminster": "britain",
    "downing": "britain",
    "paris": "france",
    "elysee": "france",
    "berlin": "germany",
    "tehran": "iran",
    "jerusalem": "israel",
    "ankara": "turkey",
    "tokyo": "japan",
    "delhi": "india",
    "pyongyang": "korea",
    "seoul": "korea",
    "brussels": "eu",
    "minsk": "belarus",
    "warsaw": "poland",
    "oslo": "norway",
    "stockholm": "sweden",
    "ottawa": "canada",
    "canberra": "australia",
    "rome": "italy",
    "madrid": "spain",
    "damascus": "syria",
    "baghdad": "iraq",
    "kabul": "afghanistan",
    "cairo": "egypt",
    "riyadh": "saudi",
}
#: Words for the people who report the news, any of which may stand for another the story
#: uses ("when the press asked" of "questioned by reporters"); only for a word it lacks.
NEWS_PEOPLE = words(
    "reporters reporter journalists journalist press newsmen correspondents correspondent"
)
#: Question words that stand for a news word the story uses, when it lacks them: "criticize"
#: shares its stem with "critical" ("in critical condition"), so it cannot join "rebuke" in
#: :data:`RELATED_WORDS`.
_CRITICISE = words(
    "criticize criticise criticized criticised criticizing criticising criticism criticisms "
    "denounce denounced denounces slam slammed blast blasted"
)
#: ... and "Does Ukraine accept ...?" is answered by whether it rejected it ("agree" finds
#: "disagree" by its prefix).
_ACCEPT = words("accept accepts accepted accepting acceptance endorse endorses endorsed")
#: Everyday words readers use for the news word a story has: "cops" for police, "cash" for
#: money, "the military" for the army.
_EVERYDAY = {
    "cop": "police",
    "cops": "police",
    "policemen": "police",
    "policeman": "police",
    "military": "army",
    "cash": "money",
    "guy": "man",
    "guys": "men",
    "bloke": "man",
    "jab": "vaccine",
    "jabs": "vaccine",
    "folks": "people",
    "telly": "television",
    "axe": "cut",
    "axed": "cut",
    "axes": "cut",
    "axing": "cut",
    "nicked": "stolen",
    "pinched": "stolen",
    # clipped words ("the chief exec", "claim compo")
    "exec": "executive",
    "execs": "executive",
    "compo": "compensation",
    "xmas": "christmas",
    # sport ("ref" is read as the referee in questions only: an article's "Ref." is a
    # reference; "reffed" and "reffing" are spelt out on both sides, see VARIANTS)
    "ref": "referee",
    "refs": "referee",
    "pen": "penalty",
    "pens": "penalty",
    # a time set for something to be done by
    "timeline": "deadline",
    "timeframe": "deadline",
    "timetable": "deadline",
}
STANDS_FOR = dict.fromkeys(_CRITICISE, "rebuke") | dict.fromkeys(_ACCEPT, "reject") | _EVERYDAY
#: Family words as readers say them ("his mum", "the dad watching"), for the story's: a question's
#: word the story does not use is looked up as the standard word, then as the word for either
#: parent (:data:`KIN_BROADER`: "mum" -> "mother" -> "parent" of "Some parents said"; not
#: WordNet's relations of "mother", which include "father", "generation" and "yeast"). WordNet
#: files "mum" one step below "mother", and the lookup does not search below common nouns.
#: Questions only: an article's "kept mum", "the mummy" or "Daddy Yankee" is left as written.
KIN_WORDS: dict[str, str] = {
    "mum": "mother",
    "mom": "mother",
    "mam": "mother",
    "mummy": "mother",
    "mommy": "mother",
    "mums": "mothers",
    "moms": "mothers",
    "mams": "mothers",
    "dad": "father",
    "daddy": "father",
    "dads": "fathers",
    "grandad": "grandfather",
    "granddad": "grandfather",
    "grandpa": "grandfather",
    "grandma": "grandmother",
    "granny": "grandmother",
    "gran": "grandmother",
    "grandads": "grandfathers",
    "grandmas": "grandmothers",
    "grannies": "grandmothers",
}
#: The word for either of the standard family words of :data:`KIN_WORDS`.
KIN_BROADER: dict[str, str] = {
    "mother": "parent",
    "father": "parent",
    "mothers": "parents",
    "fathers": "parents",
    "grandmother": "grandparent",
    "grandfather": "grandparent",
    "grandmothers": "grandparents",
    "grandfathers": "grandparents",
}


@functools.lru_cache(maxsize=262144)
def fold_variant(token: str) -> str:
    """Map a normalised token to its canonical spelling (Kiev -> kyiv, favour -> favor).

    Cached: the index asks it twice of every distinct token (for its term and its spelling)."""
    mapped = VARIANTS.get(token)
    if mapped is not None:
        return mapped
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    if len(token) < 6 or token in _BRITISH_EXCEPTIONS or not token.isalpha():
        return token
    for pattern, replacement in _BRITISH:
        if pattern.match(token):
            return pattern.sub(replacement, token)
    return token


#: Abbreviations a reader types for what a story spells out; a question's abbreviation is
#: read as the words ("Who is the CEO?" finds "Chief executive Daniel Ferreira").
ABBREVIATIONS_SPELT_OUT: dict[str, str] = {
    "ceo": "chief executive",
    "ceos": "chief executives",  # (a plural, or "the ceos name" without its apostrophe)
    "cfo": "chief financial officer",
    "cfos": "chief financial officers",
    "pm": "prime minister",
    "pms": "prime ministers",
    "fm": "foreign minister",
    "da": "district attorney",
    "mp": "member of parliament",
    "mps": "members of parliament",
    "un": "united nations",
    "eu": "european union",
    "gp": "general practitioner",
    "nhs": "national health service",
    "hq": "headquarters",
    "di": "detective inspector",
    "dci": "detective chief inspector",
    "pow": "prisoner of war",
    "pows": "prisoners of war",
    "icu": "intensive care unit",
    "gdp": "gross domestic product",
    "ngo": "non-governmental organisation",
    "ngos": "non-governmental organisations",
    "mep": "member of the european parliament",
    "meps": "members of the european parliament",
    # not abbreviations, but words for the same post ("what did the prez say")
    "premier": "prime minister",
    "prez": "president",
}
#: Words of :data:`ABBREVIATIONS_SPELT_OUT` that are whole words, kept whenever the story
#: uses them, however written.
WORDS_SPELT_OUT = frozenset({"premier"})
#: Abbreviations read as such only when written in capitals ("DI Castleton", not "Di Maria").
CAPITALS_ONLY = frozenset({"di", "dci"})
_ABBREVIATION = re.compile(r"\b(" + "|".join(ABBREVIATIONS_SPELT_OUT) + r")\b", re.IGNORECASE)
#: "premier" before these is no post but "top": the Premier League, a premier division.
_PREMIER_NOT_A_POST = re.compile(r"\s+(?:league|division|inn)s?\b", re.IGNORECASE)


def spell_out_abbreviations(question: str, keep: Callable[[str], bool] = lambda _: False) -> str:
    """Replace the abbreviations of :data:`ABBREVIATIONS_SPELT_OUT` by their words, except
    those ``keep`` says to keep (an abbreviation the story itself uses: "EU")."""

    def spelt_out(found: re.Match[str]) -> str:
        short = found.group(1).lower()
        if (
            keep(short)
            or (short in CAPITALS_ONLY and not found.group(1).isupper())
            or (short == "premier" and _PREMIER_NOT_A_POST.match(question, found.end()))
        ):
            return found.group(0)
        return ABBREVIATIONS_SPELT_OUT[short]

    return _ABBREVIATION.sub(spelt_out, question)


# --------------------------------------------------------------------------------------------
# Stopwords

#: Question words: not content for retrieval, but kept for typing the question.
QUESTION_WORDS = words(
    "who whom whose what when where why how which many much whats whos whens wheres hows"
)

#: nltk's English stopword list (embedded: the nltk data is not installed), plus forms without
#: apostrophes and a few more function words.
_NLTK_STOPWORDS = (
    "i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself "
    "yourselves he him his himself she she's her hers herself it it's its itself they them their "
    "theirs themselves what which who whom this that that'll these those am is are was were be "
    "been being have has had having do does did doing a an the and but if or because as until "
    "while of at by for with about against between into through during before after above below "
    "to from up down in out on off over under again further then once here there when where why "
    "how all any both each few more most other some such no nor not only own same so than too "
    "very s t can will just don don't should should've now d ll m o re ve y ain aren aren't "
    "couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma "
    "mightn mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't weren "
    "weren't won't wouldn wouldn't"
)
_EXTRA_STOPWORDS = (
    "also would could may might must shall us let lets yet ever even per via upon onto whether "
    "like get got gets one's im ive id youre theyre thats whats whos heres theres another every "
    "either neither else whoever whatever"
)
STOPWORDS = frozenset(
    {w.replace("'", "") for w in _NLTK_STOPWORDS.split()}
    | set(_EXTRA_STOPWORDS.replace("'", "").split())
    | QUESTION_WORDS
) - {"won"}  # "won" is also the past of "win"

#: Words that frame a question rather than carry its topic ("What did the story say about X?").
#: They are dropped from a question unless nothing else is left.
QUESTION_FILLERS = words(
    "say says said saying tell tells told telling know knows explain describe mention mentioned "
    "mentions story article report reported piece text please happen happens happened "
    "happening thing things anything something kind sort exactly really think thinks "
    # chat framing: greetings, addressees, politeness ("hey guys, quick question: ...")
    "hey hi hello hiya guys folks everyone everybody anyone anybody someone somebody yall "
    "question questions wondering wonder curious pls plz thanks thank thx lol btw ok "
    "okay bot storybot actually lately currently basically due still tbh tbf imo imho idk "
    "rn ngl lmao smh fr ty quote quotes quotation honestly literally seriously gonna wanna "
    "gotta kinda apparently supposedly anyway anyways"
)
#: Words for a person that say nothing of who (or only that they lead): light when the story
#: does not use them ("what did the guy buy with the cash?" of a story that names him; "the
#: American leader" of one that calls him the president).
SOMEONE = words(
    "guy guys bloke blokes dude dudes fella fellas lady ladies person persons leader leaders"
)
#: ... and a word that says only that they come from abroad ("Which foreign leader ...?" of a
#: story that says "Norwegian Prime Minister"); unlike those, part of a post a speaker holds
#: ("the foreign minister").
FROM_ABROAD = words("foreign overseas")


# --------------------------------------------------------------------------------------------
# Stems


#: The Snowball stemmer's language and setting, and the version of what this module does around
#: it (bump it when a change here changes a stem the lexicon cache would keep): all three are in
#: the lexicon cache's versions key, so a change gets a new file.
STEMMER_LANGUAGE = "english"
STEMMER_IGNORE_STOPWORDS = False
STEM_RULES_VERSION = 1


def stemmer_settings() -> str:
    """The stemmer's settings for the lexicon cache's versions key, e.g.
    ``"snowball=english ignore_stopwords=False rules=1"``."""
    return (
        f"snowball={STEMMER_LANGUAGE} ignore_stopwords={STEMMER_IGNORE_STOPWORDS} "
        f"rules={STEM_RULES_VERSION}"
    )


@functools.cache
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer  # slow import: only when first needed

    return SnowballStemmer(STEMMER_LANGUAGE, ignore_stopwords=STEMMER_IGNORE_STOPWORDS)


@functools.lru_cache(maxsize=262144)
def _stem(word: str) -> str:
    """:func:`stem`, cached per distinct word (the lexicon cache is read here, not filled)."""
    if not word.isalpha():
        return word
    cache = lexicon.active()
    found = cache.stem(word) if cache is not None else None
    return found if found is not None else str(_stemmer().stem(word))


def stem(word: str) -> str:
    """Snowball stem of one normalised word (cached per distinct word, and in the lexicon cache
    if one is in use; inside a learning scope every lookup is kept there, cached or not)."""
    if not lexicon.is_learning():
        return _stem(word)
    found = _stem(word)
    cache = lexicon.active()
    if cache is not None and word.isalpha():
        cache.remember_stem(word, found)
    return found


#: Places whose people are the place plus "n" ("Lithuania" -> "Lithuanian", "Kenyan").
_PLACES_PLUS_N = words(
    "albania algeria armenia austria bolivia bosnia bulgaria cambodia colombia "
    "croatia cuba estonia ethiopia gambia guatemala indonesia jamaica kenya korea latvia "
    "liberia lithuania macedonia malaysia mongolia namibia nicaragua nigeria romania rwanda "
    "serbia siberia slovakia slovenia somalia syria tanzania tunisia uganda venezuela zambia "
    "africa asia catalonia bavaria california pennsylvania virginia scandinavia"
)

#: Words that mean the same thing in news text (countries are :data:`COUNTRY_GROUPS`).
_NEWS_WORD_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "die",
        "died",
        "dies",
        "dying",
        "dead",
        "death",
        "deaths",
        "kill",
        "killed",
        "killing",
        "kills",
        "fatal",
        "fatalities",
        "fatality",
        "perish",
        "perished",
        "slain",
        "casualties",
        "casualty",
    ),
    ("injure", "injured", "injuring", "injury", "injuries", "wound", "wounded", "wounds", "hurt"),
    (
        "attack",
        "attacks",
        "attacked",
        "strike",
        "strikes",
        "struck",
        "assault",
        "bombing",
        "bombings",
        "bombardment",
        "shelling",
        "airstrike",
        "airstrikes",
    ),
    ("missile", "missiles", "rocket", "rockets"),
    ("soldier", "soldiers", "troop", "troops", "servicemen", "servicemembers"),
    # (WordNet's first "fireman" is a stoker)
    ("firefighter", "firefighters", "fireman", "firemen", "firewoman", "firewomen"),
    ("agreement", "agreements", "deal", "deals", "accord", "accords", "pact", "treaty"),
    ("ceasefire", "truce", "armistice"),
    ("war", "wars", "conflict", "conflicts", "warfare"),
    ("concession", "concessions", "concede", "conceded", "concedes", "give_up", "back_down"),
    ("invasion", "invade", "invaded", "invading", "invader", "invaders"),
    # what people do with a statement: explain it, criticise it, reject it, press for it
    ("explain", "explains", "explained", "explaining", "explanation", "clarify", "clarified"),
    ("rebuke", "rebukes", "rebuked", "condemn", "condemns", "condemned", "condemnation"),
    (
        "reject",
        "rejects",
        "rejected",
        "rejecting",
        "rejection",
        "disagree",
        "disagreed",
        "push_back",
    ),
    ("pressure", "pressures", "pressured", "pressuring", "lean_on"),
    ("halt", "halts", "halted", "halting", "stop", "stops", "stopped", "stopping"),
    ("refrain", "refrains", "refrained", "refraining", "hold_back"),
    ("want", "wants", "wanted", "wanting", "desire", "desires", "desired"),
    ("midst", "middle"),
    ("deadline", "deadlines", "timeline", "timelines", "timeframe", "cutoff", "cutoffs"),
    ("jail", "jails", "jailed", "prison", "imprison", "imprisoned", "imprisonment", "lock_up"),
    ("arrest", "arrests", "arrested", "arresting", "detain", "detains", "detained", "detaining"),
    ("worth", "value", "values", "valued"),
    ("optimistic", "optimism", "hopeful", "hope", "hopes", "hoped", "upbeat", "confident"),
    (
        "dispute",
        "disputes",
        "disputed",
        "argue",
        "argued",
        "argues",
        "arguing",
        "argument",
        "arguments",
        "debate",
        "debated",
        "debates",
        "quarrel",
        "disagreement",
    ),
    ("frustration", "frustrated", "angry", "anger", "furious", "annoyed", "upset", "unhappy"),
    ("happy", "pleased", "glad", "delighted"),
    ("earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors"),
    ("fire", "fires", "blaze", "blazes", "wildfire", "wildfires", "inferno"),
    (
        "theft",
        "thefts",
        "steal",
        "steals",
        "stole",
        "stolen",
        "stealing",
        "rob",
        "robs",
        "robbed",
        "robbing",
        "robbery",
        "robberies",
        "burgle",
        "burgled",
        "burglary",
        "burglaries",
        "heist",
        "heists",
    ),
    ("thief", "thieves", "robber", "robbers", "burglar", "burglars", "crook", "crooks"),
    ("necessary", "needed", "essential"),
    ("reporter", "reporters", "journalist", "journalists"),
    ("ask", "asks", "asked", "asking", "questioned", "questioning", "quiz", "quizzed", "queried"),
    ("comment", "comments", "commented", "remark", "remarks", "remarked"),
    (
        "seize",
        "seizes",
        "seized",
        "seizing",
        "grab",
        "grabs",
        "grabbed",
        "grabbing",
        "capture",
        "captures",
        "captured",
        "capturing",
        "conquer",
        "conquers",
        "conquered",
        "conquering",
    ),
    ("employee", "employees", "worker", "workers", "staff", "staffers", "workforce"),
    ("close", "closes", "closed", "closing", "closure", "closures", "shut", "shuts", "shutting"),
    ("plant", "plants", "factory", "factories", "mill", "mills"),
    ("cost", "costs", "expense", "expenses", "price", "prices"),
    ("people", "person", "persons"),
    ("child", "children", "kid", "kids"),
    ("country", "countries", "nation", "nations"),
    ("meeting", "meet", "meets", "met", "summit"),
)
#: Countries and regions with their people (and capitals that stand for a government).
COUNTRY_GROUPS: tuple[tuple[str, ...], ...] = (
    ("russia", "russian", "russians", "kremlin", "moscow"),
    ("ukraine", "ukrainian", "ukrainians"),
    ("norway", "norwegian", "norwegians"),
    ("europe", "european", "europeans"),
    ("china", "chinese"),
    ("france", "french"),
    ("germany", "german", "germans"),
    ("britain", "british", "uk", "england", "english", "briton", "britons", "brit", "brits"),
    ("australia", "australian", "australians", "aussie", "aussies"),
    ("israel", "israeli", "israelis"),
    ("poland", "polish"),
    ("canada", "canadian", "canadians"),
    ("mexico", "mexican", "mexicans"),
    ("japan", "japanese"),
    ("india", "indian", "indians"),
    ("iran", "iranian", "iranians"),
    # demonyms that are not the place plus "n" (those are made below)
    ("sweden", "swedish", "swede", "swedes"),
    ("denmark", "danish", "dane", "danes"),
    ("finland", "finnish", "finn", "finns"),
    ("netherlands", "dutch"),
    ("spain", "spanish", "spaniard", "spaniards"),
    ("turkey", "turkish", "turk", "turks"),
    ("ireland", "irish"),
    ("scotland", "scottish", "scot", "scots"),
    ("wales", "welsh"),
    ("greece", "greek", "greeks"),
    ("switzerland", "swiss"),
    ("portugal", "portuguese"),
    ("italy", "italian", "italians"),
    ("belgium", "belgian", "belgians"),
    ("hungary", "hungarian", "hungarians"),
    ("egypt", "egyptian", "egyptians"),
    ("brazil", "brazilian", "brazilians"),
    ("pakistan", "pakistani", "pakistanis"),
    ("iraq", "iraqi", "iraqis"),
    ("afghanistan", "afghan", "afghans"),
    ("vietnam", "vietnamese"),
    ("philippines", "filipino", "filipinos"),
    ("czechia", "czech", "czechs"),
    ("belarus", "belarusian", "belarusians"),
    ("moldova", "moldovan", "moldovans"),
    ("georgia", "georgian", "georgians"),
    ("ghana", "ghanaian", "ghanaians"),
    ("chile", "chilean", "chileans"),
    ("peru", "peruvian", "peruvians"),
    ("argentina", "argentine", "argentinian", "argentinians"),
    ("thailand", "thai"),
    ("taiwan", "taiwanese"),
    ("lebanon", "lebanese"),
    ("sudan", "sudanese"),
    ("senegal", "senegalese"),
    ("yemen", "yemeni", "yemenis"),
    ("qatar", "qatari", "qataris"),
    ("kuwait", "kuwaiti", "kuwaitis"),
    ("oman", "omani", "omanis"),
    ("bangladesh", "bangladeshi", "bangladeshis"),
    ("nepal", "nepali", "nepalese"),
    *((place, place + "n", place + "ns") for place in sorted(_PLACES_PLUS_N)),
)
#: Words that mean the same thing in news text; each group is indexed as its first word's stem,
#: in stories and questions alike (documented in the README). Demonyms join their country.
RELATED_WORDS: tuple[tuple[str, ...], ...] = (*_NEWS_WORD_GROUPS, *COUNTRY_GROUPS)
#: The words of :data:`COUNTRY_GROUPS` (places, their people, "Kremlin" and "Moscow"): a name
#: however common ("UK", "Britain"), except a region whose members stand in for it
#: (:data:`REGION_MEMBERS`: "Scandinavian" of a story about Norway).
COUNTRY_WORDS = frozenset(
    word for group in COUNTRY_GROUPS for word in group if word not in REGION_MEMBERS
)

#: Generic ("light") verbs: they weigh little in a question ("What has Russia given up?").
LIGHT_WORDS = words(
    "give gives gave given giving take takes took taken taking make makes made making do done "
    "go goes went gone going come comes came coming get gets got gotten put puts set keep keeps "
    "kept seem seems seemed become becomes became want wants wanted need needs needed use used "
    "try tried call called see saw seen look looked find found think thinks thought believe "
    "believes believed feel feels felt consider considered view views opinion claim claims "
    "claimed add adds added stance position react reacted reaction respond responded response "
    "able "  # "When will visitors be able to see her?"
    "back "  # "when did the power come back on": returned, restored
    "people ppl "  # "how many people signed the petition": 1,860 signatures
    "way point "  # "is there any way to ...", "what's the point of the scheme"
    "trying tries supposed"  # "when is it supposed to reopen"
)


#: Light words that are what a question is about when it has no other topic word ("what did
#: Glover say about another way", "what's the point").
LIGHT_UNLESS_ALONE = words("way point")


#: Verbs that with "up" only say how things turned out ("ended up in hospital", "wound up with
#: the contract"): light words, whatever the story does with "end" or "wind".
ENDED_UP = words("end ends ended ending wind winds wound winding")


#: Phrasal verbs: a verb followed by its particle is read as one word (the particles are
#: stopwords, so "give up" would otherwise be just "give"). Inflected forms are listed.
PHRASAL_VERBS: dict[tuple[str, str], str] = {
    (verb, particle): f"{lemma}_{particle}"
    for lemma, particle, forms in (
        ("give", "up", "give gives gave given giving"),
        ("back", "down", "back backs backed backing"),
        ("call", "off", "call calls called calling"),
        ("pull", "out", "pull pulls pulled pulling"),
        ("step", "down", "step steps stepped stepping"),
        ("carry", "out", "carry carries carried carrying"),
        ("set", "up", "set sets setting"),
        ("break", "down", "break breaks broke broken breaking"),
        ("take", "over", "take takes took taken taking"),
        ("shut", "down", "shut shuts shutting"),
        ("push", "back", "push pushes pushed pushing"),
        ("lean", "on", "lean leans leaned leant leaning"),
        ("hold", "back", "hold holds held holding"),
        ("lock", "up", "lock locks locked locking"),
    )
    for verb in forms.split()
} | {
    # "the towers came down at 7:02 a.m.", "rain came down": they fell
    (verb, "down"): "fall"
    for verb in ("come", "comes", "came", "coming")
}


#: Irregular verbs whose past forms a stemmer cannot join to the verb ("led" -> "lead"),
#: for the verbs news reports use for what happened; forms that are also common other words
#: ("left", "saw", "fed", "lay") are left out.
IRREGULAR_VERBS: tuple[tuple[str, ...], ...] = tuple(
    tuple(line.split())
    for line in (
        "lead led",
        "win won",
        "lose lost",
        "fight fought",
        "seek sought",
        "buy bought",
        "sell sold",
        "begin began begun",
        "choose chose chosen",
        "write wrote written",
        "speak spoke spoken",
        "rise rose risen",
        "fall fell fallen",
        "fly flew flown",
        "drive drove driven",
        "run ran",
        "build built",
        "pay paid",
        "send sent",
        "spend spent",
        "hold held",
        "tell told",
        "bring brought",
        "catch caught",
        "teach taught",
        "steal stole stolen",
        "freeze froze frozen",
        "shoot shot",
        "hide hid hidden",
        "break broke broken",
        "sink sank sunk",
        "flee fled",
        "deal dealt",
        "dig dug",
        "grow grew grown",
        "throw threw thrown",
        "blow blew blown",
        "draw drew drawn",
        "withdraw withdrew withdrawn",
        "forbid forbade forbidden",
        "mean meant",
        "eat ate eaten",
        "drink drank drunk",
        "wear wore worn",
        "tear tore torn",
        "swear swore sworn",
        "ring rang rung",
        "sing sang sung",
        "swim swam swum",
        "arise arose arisen",
        "strive strove striven",
        "overtake overtook overtaken",
        "undertake undertook undertaken",
        "forgive forgave forgiven",
        "forget forgot forgotten",
        "bear bore borne",
        "beat beaten",
        "bind bound",
        "bleed bled",
        "breed bred",
        "hang hung",
        "light lit",
        "slide slid",
        "spin spun",
        "stick stuck",
        "sting stung",
        "sweep swept",
        "swing swung",
        "wake woke woken",
        "weep wept",
    )
)


@functools.cache
def _irregular_forms() -> dict[str, str]:
    """Irregular verb forms, as written, -> the verb's stem ("spoke" -> "speak"); by the form
    itself, not its stem: "roses" is no form of "rise", "boring" none of "bear"."""
    return {form: stem(verb) for verb, *forms in IRREGULAR_VERBS for form in forms}


@functools.cache
def _related_stems() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for group in RELATED_WORDS:
        head = stem(fold_variant(group[0]))
        for word in group:
            mapping[stem(fold_variant(word))] = head
    return mapping


_CONSONANT_VOWEL_CONSONANT = LazyPattern(r"[^aeiou][aeiou][^aeiouwxy]$")


def comparatives(adjective: str) -> tuple[str, ...]:
    """The comparative and superlative an adjective may have ("hot" -> "hotter", "hottest";
    "large" -> "larger"; "heavy" -> "heavier"), right or not: callers keep the ones a corpus
    uses."""
    if len(adjective) < 3 or not adjective.isalpha():
        return ()
    if adjective.endswith("e"):
        stems = [adjective[:-1]]
    elif adjective.endswith("y"):
        stems = [adjective[:-1] + "i"]
    elif _CONSONANT_VOWEL_CONSONANT.search(adjective):
        stems = [adjective + adjective[-1], adjective]  # "hot" -> "hott", "big" -> "bigg"
    else:
        stems = [adjective]
    return tuple(stem + ending for stem in stems for ending in ("er", "est"))


#: Plurals in "-ings" that name a thing of their own, not the doing of their verb: "savings" are
#: no "saved" lives, "takings" nothing taken, an "innings" no inn.
OWN_SENSE_PLURALS = words(
    "savings takings winnings holdings belongings proceedings bearings innings fittings "
    "lodgings surroundings"
)


@functools.cache
def own_sense_plurals() -> dict[str, str]:
    """The term of a verb or singular -> the plural of :data:`OWN_SENSE_PLURALS` it shares a
    stem with ("save" and "saving" -> "savings"), for a story that writes only the plural."""
    return {stem(form): plural for plural in OWN_SENSE_PLURALS for form in (plural, plural[:-1])}


def _term(token: str) -> str:
    """:func:`term`, uncached."""
    if token in OWN_SENSE_PLURALS:
        return token
    stemmed = _irregular_forms().get(token) or stem(token)
    return _related_stems().get(stemmed, stemmed)


_term_cached = functools.lru_cache(maxsize=262144)(_term)


def term(token: str) -> str:
    """The index term of one normalised, variant-folded token: its stem, related words joined
    (cached per distinct token; not inside a learning scope with a lexicon in use, where the
    stem must be looked up for the lexicon to keep it)."""
    if lexicon.is_learning() and lexicon.active() is not None:
        return _term(token)
    return _term_cached(token)


_PHRASAL_HEADS = frozenset(verb for verb, _ in PHRASAL_VERBS)
#: Most distinct tokens kept in the per-token caches below (they are cleared when full).
_CACHE_LIMIT = 1_000_000


class _TokenTerms(dict[str, str]):
    """Token -> its index term ("" for a stopword), computed on first sight.

    A dict subclass with ``__missing__`` so that ``map(cache.__getitem__, tokens)`` runs in C for
    every token seen before. Tokens whose folded form can start a phrasal verb are collected in
    ``phrasal_heads`` so callers know when the slow path is needed. ``shared``: a table also
    given every entry computed here.
    """

    def __init__(self, shared: _TokenTerms | None = None) -> None:
        super().__init__()
        self.phrasal_heads: set[str] = set()
        self.shared = shared
        #: The lexicon cache whose learning filled the table (see :func:`_token_terms`).
        self.learned_by: lexicon.Lexicon | None = None

    def __missing__(self, token: str) -> str:
        folded = fold_variant(token)
        value = "" if folded in STOPWORDS else term(folded)
        self.add(token, value, head=folded in _PHRASAL_HEADS)
        if self.shared is not None:
            self.shared.add(token, value, head=folded in _PHRASAL_HEADS)
        return value

    def add(self, token: str, value: str, *, head: bool) -> None:
        """Keep ``value`` as the term of ``token`` (``head``: it can start a phrasal verb)."""
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        if head:
            self.phrasal_heads.add(token)
        self[token] = value


_TOKEN_TERMS = _TokenTerms()
#: The tokens looked up inside learning scopes with a lexicon in use: a token the shared table
#: knows from a question (outside one) would not reach the lexicon, which would not keep the
#: stem a build needs. Every entry computed here goes to the shared table too.
_LEARNED_TOKEN_TERMS = _TokenTerms(shared=_TOKEN_TERMS)


def _token_terms() -> _TokenTerms:
    """The token table for lookups here: the learned one inside a learning scope with a lexicon
    in use (emptied when another lexicon comes into use), else the shared one."""
    if not lexicon.is_learning():
        return _TOKEN_TERMS
    cache = lexicon.active()
    if cache is None:
        return _TOKEN_TERMS
    if _LEARNED_TOKEN_TERMS.learned_by is not cache:
        _LEARNED_TOKEN_TERMS.clear()
        _LEARNED_TOKEN_TERMS.phrasal_heads.clear()
        _LEARNED_TOKEN_TERMS.learned_by = cache
    return _LEARNED_TOKEN_TERMS


def token_term(token: str) -> str:
    """The index term of one token from :func:`tokenize` ("" for a stopword); phrasal verbs
    are not joined (see :func:`phrasal_heads`)."""
    return _token_terms()[token]


def phrasal_heads(tokens: Iterable[str]) -> set[str]:
    """The tokens among ``tokens`` that can start a phrasal verb ("give" in "give up").

    Only tokens already seen by :func:`token_term` or :func:`terms_of_tokens` are known.
    """
    return _TOKEN_TERMS.phrasal_heads.intersection(tokens)


def terms_of_tokens(tokens: Sequence[str]) -> list[str]:
    """The index terms of already tokenized text (see :func:`index_terms`)."""
    table = _token_terms()
    terms = list(filter(None, map(table.__getitem__, tokens)))
    if table.phrasal_heads.isdisjoint(tokens):  # (the cache knows every token by now)
        return terms
    result: list[str] = []
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        found = table[token]
        if not found:
            continue
        phrasal = PHRASAL_VERBS.get((fold_variant(token), tokens[i + 1])) if i < last else None
        result.append(term(phrasal) if phrasal else found)
    return result


def index_terms(text: str) -> list[str]:
    """The terms a text is indexed and queried by: tokens, variants folded, stopwords out, stems."""
    return terms_of_tokens(tokenize(text))


# --------------------------------------------------------------------------------------------
# Question types


class QuestionType(enum.Enum):
    """What kind of answer a question asks for (decided by its words, without ML)."""

    WHO = "who"
    WHEN = "when"
    HOW_MANY = "how many"
    WHERE = "where"
    WHY = "why"
    STATEMENT = "what did X say"
    YES_NO = "yes/no"
    OTHER = "other"


_YES_NO_STARTS = words(
    "is are was were do does did has have had can could will would should must may might"
)
_TIME_NOUNS = words("time date day year month week hour")
_DATES = words("date dates")
#: "what is the date", "what was the day", "what's the time" (tokens): a when-question.
_WHAT_IS_THE_DATE = LazyPattern(
    r"^(?:what (?:is|was)|whats|what) the (?:time|date|day|year|month)\b"
)
#: After "how", these words belong to the question type, not the topic ("how long", "how old").
HOW_ADVERBS = words("many much long old often far big large tall high deep wide heavy hot cold")
#: ... and this asks a measurement too, but the answer usually writes it ("40mm thick", where a
#: temperature is "38C", not "38C hot"), so it stays a topic word (light when the story lacks it).
HOW_MEASURED = words("thick")
#: "how bad/serious ...": how much of the topic, not the topic (nor a number).
_HOW_DEGREE = words("bad badly serious seriously severe severely")
_STATEMENT_VERBS = words(
    "say says said tell tells told post posts posted write wrote claim claims claimed think "
    "thinks thought believe believes mean meant view views opinion react reacted respond "
    "responded add added clarify clarified announce announced warn warned promise promised "
    "pledge pledged vow vowed offer offered demand demanded threaten threatened"
)


#: Only a question word among the first few words types a question ("What did he say when
#: reporters asked?" is not a "when" question; "And on what date..." is).
_QUESTION_WORD_REACH = 3


#: A question asked after a preamble: ", but what exactly did he claim ...", ". Who ...".
_QUESTION_CLAUSE = LazyPattern(
    r"(?:[,;:.!?]|\s[-–—]|\b(?:but|so|anyway))\s+"
    r"(?:(?:but|so|and|anyway|like|then|roughly|just|any idea|quick one)\s+)*"
    r"(?=(?:what|who|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|has|have|"
    r"can|could|will|would|should)\b)",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"\W*(?:what|who|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|has|have|"
    r"can|could|will|would|should)\b",
    re.IGNORECASE,
)
#: Words before the real question that make it a preamble ("ok so I was reading this ...").
PREAMBLE_WORDS = 8


#: Question words a misspelt first word is checked against ("wher" -> "where").
_LEADING_QUESTION_WORDS = ("what", "where", "when", "which", "who", "why", "how")
_LEADING_WORD = re.compile(r"^\W*([A-Za-z]+)")
#: English (Zipf) frequency below which a first word is not a word in its own right.
QUESTION_TYPO_ZIPF = 3.6


def fix_question_word(question: str) -> str:
    """The question with a misspelt question word at its start spelt right ("wher did they
    meet" -> "where did they meet"); unchanged when the first word is a word itself."""
    found = _LEADING_WORD.match(question)
    if not found:
        return question
    fixed = _question_word_meant(found.group(1).lower())
    if not fixed:
        return question
    return question[: found.start(1)] + fixed + question[found.end(1) :]


@functools.lru_cache(maxsize=4096)
def _question_word_meant(word: str) -> str:
    """The question word a first word (lower case) is a slip of ("wher" -> "where"), else ""."""
    if len(word) < 3 or word in STOPWORDS:
        return ""
    fixes = [w for w in _LEADING_QUESTION_WORDS if edit_distance(word, w, 2) == 1]
    # A dropped or swapped letter is likelier than a wrong one: "wher" is "where", not "when".
    likeliest = [w for w in fixes if sorted(w) == sorted(word) or _drops_one_letter(word, w)]
    fixes = likeliest or fixes
    # (English frequencies are loaded only for a word that is one edit from a question word.)
    if len(fixes) != 1 or english_zipf(word) >= QUESTION_TYPO_ZIPF:
        return ""
    return fixes[0]


#: A word this rare in English that is a slip of the keys on a common function word of four
#: or more letters is that word mistyped ("becuase", "aginst", "wich"): English hardly writes
#: it otherwise.
FUNCTION_TYPO_ZIPF = 2.9
#: How common in English a function word must be to be one a typo stands for: "because",
#: "which", not the halves of contractions ("hadn", "shan") or "hows".
_FUNCTION_WORD_ZIPF = 5.0


@functools.cache
def _function_words() -> dict[int, tuple[str, ...]]:
    """The common function words of four or more letters, by length (their frequencies are
    kept in the lexicon cache, whoever asks first)."""
    by_length: dict[int, list[str]] = {}
    with lexicon.learning():
        for word in sorted(STOPWORDS):
            if len(word) >= 4 and word.isalpha() and english_zipf(word) >= _FUNCTION_WORD_ZIPF:
                by_length.setdefault(len(word), []).append(word)
    return {length: tuple(found) for length, found in by_length.items()}


def _slip_of(typo: str, word: str) -> bool:
    """Whether ``typo`` is ``word`` with two neighbouring letters swapped, one letter left out
    or one letter doubled: the slips a typist makes (a letter replaced by another is as
    often another word: "ewen", "omer")."""
    if len(typo) == len(word):
        differ = [i for i, (a, b) in enumerate(zip(typo, word, strict=True)) if a != b]
        return (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and typo[differ[0]] == word[differ[1]]
            and typo[differ[1]] == word[differ[0]]
        )
    if len(typo) + 1 == len(word):
        return _drops_one_letter(typo, word)
    if len(typo) == len(word) + 1:
        return any(
            typo[i] == typo[i - 1] and typo[:i] + typo[i + 1 :] == word for i in range(1, len(typo))
        )
    return False


@functools.lru_cache(maxsize=65536)
def meant_function_word(word: str) -> str:
    """The common function word a rare word is a slip of ("becuase" -> "because", "aginst"
    -> "against", "whne" -> "when"), else ""; ``word`` normalised and lower-case. Of two,
    the commoner ("wich" -> "which")."""
    if len(word) < 4 or not word.isalpha() or word in STOPWORDS:
        return ""
    by_length = _function_words()
    slipped = [
        candidate
        for length in (len(word) - 1, len(word), len(word) + 1)
        for candidate in by_length.get(length, ())
        if candidate[0] == word[0] and _slip_of(word, candidate)
    ]
    # (English frequencies are loaded only for a word that is a slip of a function word.)
    if not slipped or english_zipf(word) >= FUNCTION_TYPO_ZIPF:
        return ""
    return max(slipped, key=english_zipf)


def _drops_one_letter(typo: str, word: str) -> bool:
    return len(typo) + 1 == len(word) and any(
        word[:i] + word[i + 1 :] == typo for i in range(len(word))
    )


def split_preamble(text: str) -> tuple[str, str]:
    """A long, chatty message split into its preamble and the question it asks: the first
    clause that starts with a question word after at least :data:`PREAMBLE_WORDS` words
    ("ok so I was reading this ..., but what exactly did he claim ..."); ("", text) if none
    or if the message starts as a question itself."""
    if _QUESTION_START.match(text):
        return "", text
    for found in _QUESTION_CLAUSE.finditer(text):
        if len(text[: found.end()].split()) >= PREAMBLE_WORDS:
            return text[: found.end()], text[found.end() :]
    return "", text


#: "What percentage/proportion/share of ..." asks for a number, as "how many" does.
_QUANTITY_NOUNS = words("percentage percent proportion fraction share number amount total")


#: A question asked after a comma: "Of the 5000 soldiers ..., how many are Russian?"
_LAST_CLAUSE = re.compile(
    r"[,;:–—-]\s+((?:who|when|where|why|how (?:many|much|long|old|far|big)|which|what)\b[^,;:]*)$",
    re.IGNORECASE,
)
#: "Did Hallam say how many drivers ...?", "Does the article mention when ...?": the question
#: inside (group 1) asks what the answer must give.
_ASKS_IF_TOLD = LazyPattern(
    r"^\W*(?:did|does|do|has|have|had|is|was|will|can)\b[^?]*?\b(?:say|said|mention|mentioned|"
    r"reveal|revealed|tell|told|explain|explained|specify|specified|give|disclose|disclosed|"
    r"know|indicate|indicated)\s+(?:us\s+|you\s+|me\s+)?((?:how many|how much|how long|when|where|"
    r"why|who)\b.*)$",
    re.IGNORECASE,
)
#: "When reporters asked ..., how did Trump explain it?", "According to Trump, did Russia ...?":
#: a leading clause, then the question (the clause may quote a comma: "the 'Vladimir, STOP'
#: post").
_LEADING_CLAUSE = re.compile(
    r"^\W*(?:when|after|before|if|once|while|according to|in)\b(?=[^,?]{3})"
    r"(?:[^,?'\"“”‘’]|(?<=\w)['’](?=\w)|'[^'?]*'|\"[^\"?]*\"|“[^”?]*”|‘[^’?]*’){3,80}?,\s+"
    r"((?:who|when|where|why|how|which|what|did|does|do|is|are|was|were|has|have|had|will|would|"
    r"can|could|should)"
    r"\b.*)$",
    re.IGNORECASE,
)


_CLAUSE_AUXILIARIES = (
    "did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|shall|may|might|must"
)
#: ... also typed without its comma: "when reporters asked abt it what did he say".
_UNMARKED_LEADING_CLAUSE = re.compile(
    # (not "when did X meet Y and what did they say", "When's the deadline and ...?", "When and
    # where ...?": a "when" question itself has an auxiliary or an "and" before the second one)
    rf"^\W*(?:when|after|before|once|while)\b(?!['’])(?:(?!\b(?:{_CLAUSE_AUXILIARIES}|and|or)\b)"
    rf"[^,?]){{3,80}}?\s+((?:who|where|why|how|which|what)\s+(?:{_CLAUSE_AUXILIARIES})\b.*)$",
    re.IGNORECASE,
)


#: "Did the strikes come before or after the meeting?" asks when, relative to another event.
BEFORE_OR_AFTER = re.compile(
    r"\b(?:before or after|after or before|earlier or later|later or earlier)\b", re.IGNORECASE
)
#: "Where's the money for the tram coming from?" asks who pays, not a place.
_MONEY_SOURCE = LazyPattern(
    r"\b(?:money|funding|funds?|cash|budget|financ\w*|paying)\b", re.IGNORECASE
)
_HOW_MANY_INSIDE = re.compile(r"\bhow (?:many|much)\b", re.IGNORECASE)


def keyword_date(tokens: Sequence[str]) -> int | None:
    """Where "date" stands in a question of keywords that asks one ("date of the meeting",
    "the dates for the strike", "stoere meeting date"; not "siwa dates"), else None: not with
    a question word, "did ..." (which asks whether a date was set) or "and" (more than a date
    asked)."""
    if (
        not tokens
        or tokens[0] in _YES_NO_STARTS
        or QUESTION_WORDS.intersection(tokens)
        or "and" in tokens  # "cost and opening date?" asks two things
    ):
        return None
    if tokens[-1] == "date":  # (not "imported dates": the fruit)
        return len(tokens) - 1
    start = 1 if tokens[0] == "the" else 0
    if len(tokens) > start + 1 and tokens[start] in _DATES and tokens[start + 1] in ("of", "for"):
        return start
    return None


def question_type(question: str) -> QuestionType:
    """Classify a question by its question words: who/when/how many/where/why/yes-no/other."""
    if BEFORE_OR_AFTER.search(question):
        return QuestionType.WHEN
    leading = _LEADING_CLAUSE.match(question) or _UNMARKED_LEADING_CLAUSE.match(question)
    if leading:
        return question_type(leading.group(1))
    tokens = tokenize(question)
    for i, word in enumerate(tokens[:_QUESTION_WORD_REACH]):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if word in ("who", "whom", "whose", "whos"):
            return QuestionType.WHO
        if word in ("when", "whens"):
            return QuestionType.WHEN
        if word in ("what", "which") and following in _TIME_NOUNS:
            return QuestionType.WHEN
        if word in ("what", "whats") and _WHAT_IS_THE_DATE.match(" ".join(tokens[i : i + 4])):
            return QuestionType.WHEN  # "What was the date of the meeting?"
        if word == "how" and (following in HOW_ADVERBS or following in HOW_MEASURED):
            return QuestionType.HOW_MANY
        if word in ("where", "wheres"):
            if _MONEY_SOURCE.search(question):
                return QuestionType.OTHER  # "Where's the money coming from?": a source
            return QuestionType.WHERE
        if word == "why" or (word == "how" and following == "come"):
            return QuestionType.WHY
        if word in ("what", "which") and following in ("reason", "reasons", "cause", "motive"):
            return QuestionType.WHY
        if word in ("what", "which") and following in _QUANTITY_NOUNS:
            return QuestionType.HOW_MANY  # "what percentage of Ukraine ...": a number
    clause = _LAST_CLAUSE.search(question)
    if clause:  # "Of the 5000 soldiers dying each week, how many are Russian?"
        asked = question_type(clause.group(1))
        if asked is not QuestionType.OTHER:
            return asked
    if tokens and tokens[0] in _YES_NO_STARTS:
        embedded = _ASKS_IF_TOLD.match(question)
        if embedded:  # "Did Hallam say how many drivers they will hire?": how many
            return question_type(embedded.group(1))
        return QuestionType.YES_NO
    if _HOW_MANY_INSIDE.search(question):  # "of the 5000 soldiers how many are russian"
        return QuestionType.HOW_MANY
    if keyword_date(tokens) is not None:
        return QuestionType.WHEN  # "date of the meeting", "stoere meeting date?"
    if any(word in _STATEMENT_VERBS for word in tokens):
        return QuestionType.STATEMENT
    return QuestionType.OTHER


# --------------------------------------------------------------------------------------------
# Sentences

#: Abbreviations that end with a dot but do not end a sentence (compared case-insensitively,
#: without the final dot).
ABBREVIATIONS = words(
    "mr mrs ms dr prof sr jr snr jnr st mt gen lt col maj sgt capt cpt cmdr adm gov sen rep rev "
    "hon pres supt insp det fr messrs mme mlle no nos vol vols fig figs p pp ed eds inc ltd co "
    "corp bros dept est approx vs etc al e.g i.e a.m p.m u.s u.k u.n e.u u.s.a d.c n.y l.a "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ft "
    "lbs oz km cm mm kg"
)
#: Abbreviations after which a capitalised word may well start a new sentence are not listed;
#: "U.S." is (it is far more often mid-sentence in news text).
_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"
_TERMINATORS = ".!?…"
_TRAILERS = "\"'”’»)]"
_WORD_BEFORE = LazyPattern(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the dot at ``text[dot]`` ends an abbreviation or an initial, not a sentence."""
    start = text.rfind(" ", 0, dot) + 1
    word = text[start:dot]
    if not word.replace(".", "").isalpha():  # something else before the space: walk back
        start = dot
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
            start -= 1
        word = text[start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    return word.casefold().rstrip(".") in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, whitespace trimmed.

    Never splits inside a double-quoted quotation, so a quote stays with its attribution; if the
    quotation marks do not balance, splits as if there were none.
    """
    if not _has_quote_marks(text):
        return _plain_spans(text)
    spans = _quoted_spans(text)
    return spans if spans is not None else _plain_spans(text)


def sentence_count(text: str) -> int:
    """``len(sentence_spans(text))``, a little faster."""
    if not _has_quote_marks(text):
        if not text.strip():
            return 0
        # Every piece between two sentence ends holds a terminator, and one follows the last
        # end (see _SENTENCE_END): no piece is blank.
        count = 1
        for found in _sentence_ends(text):
            if _ends_sentence(text, found):
                count += 1
        return count
    spans = _quoted_spans(text)
    return len(spans if spans is not None else _plain_spans(text))


def _ends_sentence(text: str, found: re.Match[str]) -> bool:
    """Whether a match of :data:`_SENTENCE_END` ends a sentence."""
    nxt = found.group(2)
    return (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«([" or not nxt.isalpha()) and not (
        nxt in _DASHES or (text[found.start()] == "." and _is_abbreviation(text, found.start()))
    )


def _plain_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans ignoring quotation marks (what :func:`_spans` does when it need not
    track them), with one regex pass over the sentence ends."""
    ends = [0]
    for found in _sentence_ends(text):
        if _ends_sentence(text, found):
            ends.append(found.end())
    ends.append(len(text))
    return _trimmed(text, itertools.pairwise(ends))


#: The characters the quote-tracking splitter acts on (it jumps from one to the next).
_QUOTES_OR_TERMINATORS = re.compile(r'[“«„”»".!?…]')


def _quoted_spans(text: str) -> list[tuple[int, int]] | None:
    """Sentence spans, never inside a quotation; ``None`` if the quotation marks do not balance."""
    spans: list[tuple[int, int]] = []
    depth = 0
    straight_open = False
    start = 0
    i = 0
    n = len(text)
    search = _QUOTES_OR_TERMINATORS.search
    while i < n:
        found = search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
        if ch in _TERMINATORS and depth == 0 and not straight_open:
            run = _TERMINATOR_RUN.match(text, i)
            assert run is not None  # text[i] is a terminator
            closing = run.end()
            trailers = run.group(1)
            if trailers and ("”" in trailers or "»" in trailers):
                for mark in trailers:
                    if mark in _CLOSE_QUOTES:
                        depth = max(0, depth - 1)
            if closing >= n:
                break
            if _starts_sentence(text, closing) and not (ch == "." and _is_abbreviation(text, i)):
                spans.append((start, closing))
                start = closing
            i = closing
            continue
        if (
            (ch in _CLOSE_QUOTES or (ch == '"' and not straight_open))
            and depth == 0
            and i > 0
            and text[i - 1] in _TERMINATORS
        ):
            # a quotation that ends a sentence: “... DONE!” Next sentence.
            closing = i + 1
            if _starts_sentence(text, closing):
                spans.append((start, closing))
                start = closing
        i += 1
    if depth or straight_open:
        return None
    spans.append((start, n))
    return _trimmed(text, spans)


def _trimmed(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without surrounding white space; empty ones dropped."""
    trimmed = []
    for start, end in spans:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            offset = start + len(piece) - len(piece.lstrip())
            trimmed.append((offset, offset + len(stripped)))
    return trimmed


#: A run of terminators and the closing marks after it ("...", '?"', ".)").
_TERMINATOR_RUN = re.compile(f"[{re.escape(_TERMINATORS)}]+([{re.escape(_TRAILERS)}]*)")
#: Quotation marks the splitter tracks.
_QUOTE_MARKS = f'{_OPEN_QUOTES}{_CLOSE_QUOTES}"'
#: With none of these in a text, every sentence end starts with a full stop.
_TERMINATORS_BUT_FULL_STOP = _TERMINATORS.replace(".", "")
#: A terminator run with its closing marks, when white space and a character follow; tried
#: only where a run starts (inside a run it could only fail, after walking the rest of the run:
#: a line of 100,000 dots took minutes).
_SENTENCE_END = re.compile(
    f"(?<![{re.escape(_TERMINATORS)}])[{re.escape(_TERMINATORS)}]+[{re.escape(_TRAILERS)}]*"
    + r"(?=(\s+)(\S))"
)


def _has_quote_marks(text: str) -> bool:
    """Whether ``text`` has one of the :data:`_QUOTE_MARKS` (six ``in`` tests are much faster
    than a regex character class, or than ``any`` over the marks)."""
    return '"' in text or "“" in text or "”" in text or "«" in text or "»" in text or "„" in text


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_SENTENCE_END` in ``text``, as ``finditer`` finds them.

    When the full stop is the only terminator (most text), the regex is tried only where
    ``str.find`` finds one: much faster than letting the regex look at every character.
    """
    if any(mark in text for mark in _TERMINATORS_BUT_FULL_STOP):
        return list(_SENTENCE_END.finditer(text))
    found = []
    match = _SENTENCE_END.match
    dot = text.find(".")
    while dot >= 0:
        end = match(text, dot)
        if end is None:
            dot = text.find(".", dot + 1)
        else:
            found.append(end)
            dot = text.find(".", end.end())
    return found


#: White space, then the first character after it.
_AFTER_SPACE = re.compile(r"\s+(\S)")


#: No sentence starts with a dash: "BRENNOCK, Ore. — City Council member ..." is one (a
#: dateline's state, abbreviated).
_DASHES = "—–"


def _starts_sentence(text: str, position: int) -> bool:
    """Whether white space starts at ``position`` and the character after it can start a
    sentence (anything but a lower-case letter)."""
    found = _AFTER_SPACE.match(text, position)
    if found is None:
        return False
    nxt = found.group(1)
    if nxt in _DASHES:
        return False
    return nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«([" or not nxt.isalpha()


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, verbatim (see :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]


# --------------------------------------------------------------------------------------------
# Typos


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment (Damerau-Levenshtein) distance, capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


#: Zipf frequency (log10 of uses per billion words) from which a word counts as ordinary English.
COMMON_WORD_ZIPF = 3.5


@functools.lru_cache(maxsize=65536)
def _english_zipf(word: str) -> float:
    """:func:`english_zipf`, cached per word (the lexicon cache is read here, not filled)."""
    cache = lexicon.active()
    found = cache.zipf(word) if cache is not None else None
    if found is not None:
        return found
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency; degrade gracefully
        return 0.0
    return float(zipf_frequency(word, "en"))


def english_zipf(word: str) -> float:
    """How common ``word`` is in general English (Zipf scale: 0 unknown, 7+ "the").

    Uses the wordfreq package's bundled word lists (no download); 0.0 if it is not installed.
    Consults the lexicon cache first if one is in use (inside a learning scope every lookup is
    kept there, cached or not).
    """
    if not lexicon.is_learning():
        return _english_zipf(word)
    found = _english_zipf(word)
    cache = lexicon.active()
    if cache is not None:
        cache.remember_zipf(word, found)
    return found


#: Most corpus words whose frequencies a build looks up ahead for the lexicon cache: an
#: archive's tens of thousands would add seconds to its build (about 35 us a word), and a
#: long-running bot gains nothing from a fast start.
LEARN_AHEAD_WORDS = 20_000


def learn_for_answers() -> None:
    """Inside a learning scope with a lexicon in use, look up what answering a question in the
    corpus's words needs: the frequency of every word stemmed so far (the corpus's, if at most
    :data:`LEARN_AHEAD_WORDS`) and the stem of every stopword. A later run whose question has
    only such words then imports neither nltk nor wordfreq. Nothing otherwise."""
    cache = lexicon.active()
    if cache is None or not lexicon.is_learning():
        return
    for word in sorted(STOPWORDS):
        stem(word)
    learned = cache.learned_words()
    if len(learned) <= LEARN_AHEAD_WORDS:
        for word in learned:
            english_zipf(word)


#: How many of English's most used words the English speller knows.
ENGLISH_SPELLER_WORDS = 40_000


@functools.cache
def english_speller() -> Speller:
    """A speller over English's most used words (wordfreq's bundled list), built on first use;
    it knows no word if wordfreq is missing."""
    try:
        from wordfreq import top_n_list
    except ImportError:  # pragma: no cover - wordfreq is a dependency; degrade gracefully
        return Speller({})
    ranked = [w for w in top_n_list("en", ENGLISH_SPELLER_WORDS) if w.isalpha()]
    return Speller({word: len(ranked) - rank for rank, word in enumerate(ranked)})


def is_common_english(word: str) -> bool:
    """Whether ``word`` is an ordinary English word (so not a typo to be corrected)."""
    return english_zipf(word) >= COMMON_WORD_ZIPF


#: Most words of one first letter the speller compares a word with one by one (a story has a
#: few dozen; an archive's thousands would cost milliseconds a word).
SCAN_LIMIT = 300


class Speller:
    """Corrects a word to the closest word of a vocabulary (frequency breaks ties).

    Distance 1 for words of 4+ letters (and a missing letter in three-letter words), 2 for
    words of 6+ letters; the first letter must match. Candidates come from a deletion
    index (every word with one letter deleted), built on the first correction, so a lookup costs
    about the same whatever the vocabulary size.
    """

    def __init__(self, counts: Counter[str] | dict[str, int]) -> None:
        self.counts = dict(counts)
        self._by_deletion: dict[str, list[str]] | None = None
        self._first_letters: dict[str, list[str]] | None = None

    def _index(self) -> dict[str, list[str]]:
        if self._by_deletion is None:
            index: dict[str, list[str]] = {}
            for word in self.counts:
                if len(word) < 3 or not word.isalpha():
                    continue
                index.setdefault(word, []).append(word)
                for deleted in _deletes(word):
                    index.setdefault(deleted, []).append(word)
            self._by_deletion = index
        return self._by_deletion

    def _by_first_letter(self) -> dict[str, list[str]]:
        if self._first_letters is None:
            buckets: dict[str, list[str]] = {}
            for word in self.counts:
                if len(word) >= 4 and word.isalpha():
                    buckets.setdefault(word[0], []).append(word)
            self._first_letters = buckets
        return self._first_letters

    def correct(self, word: str) -> str | None:
        """The vocabulary word closest to ``word`` within the allowed distance, else ``None``."""
        if word in self.counts:
            return word
        if len(word) < 3 or not word.isalpha():
            return None
        max_distance = 2 if len(word) >= 6 else 1
        index = self._index()
        probes = {word} | _deletes(word)
        if max_distance == 2:
            probes |= {d2 for d1 in _deletes(word) for d2 in _deletes(d1)}
        candidates = {c for probe in probes for c in index.get(probe, ())}
        bucket = self._by_first_letter().get(word[0], ()) if max_distance == 2 else ()
        if not candidates and len(bucket) <= SCAN_LIMIT:
            # Two edits the deletion index cannot see ("consesson": a wrong letter and a
            # missing one): compare with the words of the same first letter and about the
            # same length, when there are few enough (a story's words, not an archive's).
            candidates = {c for c in bucket if abs(len(c) - len(word)) <= 2}
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            # Typos rarely touch the first letter ("light" is not "night"), and a three-letter
            # word is only corrected by a missing letter ("kyv" -> "kyiv").
            if candidate[0] != word[0] or (len(word) == 3 and len(candidate) != 4):
                continue
            distance = edit_distance(word, candidate, max_distance + 1)
            if distance > max_distance:
                continue
            key = (distance, -self.counts[candidate], candidate)
            if best is None or key < best:
                best = key
        return best[2] if best else None


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """Counts of the normalised, variant-folded tokens of ``texts`` (for :class:`Speller`)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(fold_variant(token) for token in tokenize(text))
    return counts


#: Chat and time padding that is no topic ("quick one", "as well", "at the moment").
_PADDING = (
    ("quick", "question"),
    ("quick", "questions"),
    ("quick", "q"),
    ("quick", "one"),
    ("as", "well"),
    ("at", "the", "moment"),
    ("right", "now"),
    ("these", "days"),
    ("keep", "hearing"),
    ("i", "heard"),
    ("i", "read"),
    # asking for a quotation: "give me his exact words about ..."
    ("exact", "words"),
    ("own", "words"),
    ("actual", "words"),
    ("very", "words"),
    ("word", "for", "word"),
    ("give", "me"),
    # a kind of answer, as "leader" is: "Which Scandinavian head of government ..."
    ("head", "of", "government"),
    ("head", "of", "state"),
    # who says so, not what: "according to Trump, ..." ("according" is no "accord")
    ("according", "to"),
    ("for", "good"),  # "shutting for good": for ever, nothing good
    ("in", "spite", "of"),  # "in spite of the bloodshed": no "spite" (nor "injury") to find
)
#: :data:`_PADDING` by first word, so a token that starts none is passed over at once.
_PADDING_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(phrase for phrase in _PADDING if phrase[0] == first)
    for first in dict.fromkeys(phrase[0] for phrase in _PADDING)
}
#: A framing verb that is the topic when someone named does it, as a form no filler list
#: has ("describe" stays framing: "What did Trump describe as ...?"), and the words before it
#: that make it framing again.
_TOLD_VERBS = {"explain": "explains"}
_ASKING_WORDS = frozenset(("", "you", "u", "ya", "please", "pls", "plz", "to", "me", "and"))
#: Two-word nouns a question may use for one word ("a time limit for a deal").
_COMPOUND_NOUNS = {
    ("time", "limit"): "deadline",
    ("time", "limits"): "deadline",
    ("time", "frame"): "timeframe",
    ("cut", "off"): "cutoff",
    ("death", "toll"): "deaths",
    ("casualty", "toll"): "casualties",
}
_TAKE_PLACE = frozenset((form, "place") for form in words("take takes took taken taking"))


def compound_nouns(tokens: Sequence[str]) -> frozenset[str]:
    """The words two-word nouns of ``tokens`` stand for ("time limit" -> "deadline")."""
    return frozenset(
        _COMPOUND_NOUNS[pair] for pair in itertools.pairwise(tokens) if pair in _COMPOUND_NOUNS
    )


#: "this one", "which one", "no one": a pronoun, not the number.
_ONE_AS_PRONOUN = frozenset(
    (word, "one") for word in words("this that which the each every no any another other last next")
)


#: Fillers that only stress the question ("what exactly ...?"); never its topic.
_EMPHASIS = words("exactly really actually basically honestly literally seriously still")
#: Long fillers whose misspellings are fillers too ("actualy", "basicly").
_LONG_FILLERS = ("actually", "basically", "currently", "honestly", "literally", "seriously")


@functools.lru_cache(maxsize=65536)
def _misspelt_filler(token: str) -> bool:
    """Whether ``token`` is one edit from a long filler word (and not a filler itself)."""
    return len(token) >= 7 and any(
        abs(len(token) - len(filler)) <= 1 and edit_distance(token, filler) == 1
        for filler in _LONG_FILLERS
    )


def content_tokens(tokens: Sequence[str]) -> list[str]:
    """Tokens that carry a question's topic: no stopwords, question words or fillers.

    Phrasal verbs become one token ("give_up"). If only fillers are left ("What did he say?"),
    the fillers are returned.
    """
    padding: set[int] = set()
    for i, first in enumerate(tokens):
        for phrase in _PADDING_BY_FIRST.get(first, ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                padding.update(range(i, i + len(phrase)))
    folded = []
    for i, token in enumerate(tokens):
        if i in padding:
            continue  # "quick question: ..." is chat; "a quick end to the war" is not
        if i and (tokens[i - 1], token) in _COMPOUND_NOUNS:
            continue  # the second word of "time limit", read with the first
        previous = tokens[i - 1] if i else ""
        if previous == "how" and (token in HOW_ADVERBS or token in _HOW_DEGREE):
            continue
        if previous in ("what", "which") and token in _TIME_NOUNS:
            continue  # "what year ...": the question type, not the topic
        if token in _TIME_NOUNS and _WHAT_IS_THE_DATE.match(
            " ".join(tokens[max(i - 3, 0) : i + 1])
        ):
            continue  # "what was the date of ...": the same
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (token, following) in _TAKE_PLACE or (previous, token) in _TAKE_PLACE:
            continue  # "take place" = happen
        if (previous, token) in _ONE_AS_PRONOUN:
            continue  # "after this one"
        token = fold_variant(token)
        if i + 1 < len(tokens):
            token = PHRASAL_VERBS.get((token, tokens[i + 1]), token)
            token = _COMPOUND_NOUNS.get((token, tokens[i + 1]), token)
        if token in _TOLD_VERBS and previous not in _ASKING_WORDS:
            # "How did Trump explain it?" asks for his explanation ("clarified"); "can you
            # explain ..." only asks
            token = _TOLD_VERBS[token]
        folded.append(token)
    content = [
        t
        for t in folded
        if t not in STOPWORDS
        and t not in QUESTION_FILLERS
        and (len(t) > 1 or t.isdigit())
        and not _misspelt_filler(t)
    ]
    if content:
        return content
    # "what exactly did he say?": "say", not "exactly"
    return [t for t in folded if t not in STOPWORDS and t not in _EMPHASIS]
