"""Direct quotations with their speakers, and quote search.

Extraction works paragraph by paragraph, article by article:

1. Find quotation spans: curly and straight double quotes, and single quotes that open at a
   word start (so apostrophes in "Russia’s" or "don't" are not quotes). Single quotes inside a
   double quotation are nested quotes and stay part of it. A quotation left open at the end of a
   paragraph runs to the paragraph's end (the newspaper convention for multi-paragraph quotes).
2. Join a quotation split around its attribution (“A,” X said, “B.”) into one quote, the parts
   joined by " … ".
3. Find the speaker outside the quotation marks only (so nobody mentioned inside a quote is
   ever its speaker): "“...,” X said" / "said X" after it, "X said, “...”" / "X posted on
   Truth Social: “...”" before it in the same sentence ("Its chair, X, said:" and "Rovers manager
   X said" too). "he"/"she" refer back to the person who speaks (subject of a speech verb) in the
   same or previous sentence, else to the last named person who is not the object of a
   preposition; places ("Fennel Lane", "St Aldric’s") and clubs or companies are not persons.
   A quote with no attribution next to it takes the speaker of its sentence (the subject of a
   speech verb before it, "According to X, ...", or an opening "He"/"She"), or of the previous
   quote in the paragraph when only that quote's attribution stands between them.
4. Quotes of one to three words that are not directly attributed (scare quotes) are kept with
   ``fragment=True``; their speaker is the subject of a verb like "called" or "expressed" earlier
   in the same sentence, when there is one.
5. Aliases resolve to one canonical speaker: titles (also "Detective Chief Inspector") and
   letters after a name ("KC") are dropped ("US President Donald Trump" -> "Donald Trump") and
   a partial name ("Trump") becomes the longest full name it is part of,
   preferring names from the same article.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from bot.core import text as text_utils
from bot.core.corpus import Paragraph
from bot.core.index import BM25Index

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation attributed to a speaker, cited by article slug and paragraph number."""

    speaker: str  # canonical name, e.g. "Donald Trump"; "" when nobody can be named
    text: str  # the words inside the quotation marks, verbatim
    article: str
    paragraph: int
    fragment: bool = False  # scare quotes of one to three words


# --- normalisation (shared with the engine: bot.core.text) ---------------------------------

_word_set = text_utils.words
_WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
# Words that say "a quote" rather than what it is about ("what did Trump say about Kyiv").
_SPEECH_TERMS = frozenset(text_utils.index_terms("say said says quote quotes quoted saying"))


def _fold(text: str) -> str:
    """Typography, diacritics and case folded (``"Støre"`` -> ``"store"``)."""
    return text_utils.normalise(text)


def _keywords(text: str) -> list[str]:
    """Index terms of ``text`` (stems, variants and related words joined; stopwords out)."""
    return [t for t in text_utils.index_terms(text) if t not in _SPEECH_TERMS]


# --- names ---------------------------------------------------------------------------------

_TITLES = _word_set(
    "us u.s. uk u.k. eu un president presidents vice prime minister ministers secretary "
    "senator sen. rep. representative congressman congresswoman gov. governor mayor chancellor "
    "king queen prince princess pope mr. mrs. ms. mr mrs ms dr. dr prof. professor general gen. "
    "col. colonel lt. capt. captain sgt. judge justice ambassador spokesman spokeswoman "
    "spokesperson chairman chairwoman chair ceo director leader commissioner former foreign "
    "defence defense state attorney chief sir lady lord dame rev. reverend father sheikh emir "
    "crown deputy acting premier supreme commander speaker officer envoy executive manager "
    "inspector detective constable superintendent sergeant councillor councilor alderman "
    "prosecutor keeper teacher coach parent nurse economist analyst"
)
#: Letters after a name ("Nadia Qureshi KC"): dropped, they never change who speaks.
_POST_NOMINALS = _word_set("kc qc mp mep msp obe mbe cbe jr jr. sr sr. phd")
_STARTERS = _word_set(
    "a an the this that these those when while after before during despite although though "
    "since because if as at in on of for from with without by to and but or so yet then also "
    "earlier later meanwhile however still even only just now today yesterday here there "
    "according asked questioned speaking writing in one two three four five six seven eight "
    "nine ten"
)
_PRONOUNS = frozenset({"he", "she"})
#: Last words of an organisation's name ("Corvane Therapeutics", "Calder Metals", "Wyndham
#: Water"): it may speak ("Corvell Chemicals said ..."), but "he" or "she" never refers to it.
_ORGANISATION_WORDS = _word_set(
    "union party council nations states ministry university company inc corp group bank court "
    "department office agency force army navy press church committee parliament senate congress "
    "administration government therapeutics pharmaceuticals pharma telecom ltd plc llc holdings "
    "industries systems technologies labs airlines airways motors energy foods water metals "
    "chemicals institute foundation trust association centre center hospital school college "
    "museum zoo airport railway railways club fc united service services authority commission "
    "police brigade society rovers wanderers athletic rangers albion"
)
_NON_PERSON_WORDS = _ORGANISATION_WORDS | _word_set(
    "social europe house street news times post kingdom republic eastern western northern "
    "southern day deal media network square city county river sea ocean island islands district "
    "region province federation kremlin pentagon fire rescue lane road avenue parade bridge "
    "park terrace quay crescent boulevard junction estate hall stadium arena station bay "
    "spaceport gallery st saint"
)
_PREPOSITIONS = _word_set(
    "of to with about against for by from on at in into over under toward towards than "
    "between among"
)

_CAP = r"(?:\p{Lu}[\p{L}\p{M}]*(?:[’'\-.][\p{L}\p{M}]+)*\.?)"
#: "Khalid al-Harthy", "al-Harthy said": a lower-case prefix joined to a word of a name.
_JOINED_PREFIX = r"(?:(?:al|el|bin|ibn|abu)-)?"
_PARTICLE = r"(?:(?:von|van|der|den|de|del|della|di|da|du|la|le|al|el|bin|ibn|ben|ter|zu)\s+)"
#: A word of four or more letters and a full stop ends a sentence, so it ends the name too
#: ("on Fennel Lane. Pike said").
_NAME_REST = rf"(?:(?<!\p{{L}}{{4}}\.)[ \t]+{_PARTICLE}*{_JOINED_PREFIX}{_CAP})*"
#: A name as an attribution may give it ("al-Harthy said")...
_NAME = rf"{_JOINED_PREFIX}{_CAP}{_NAME_REST}"

_VERBS = (
    "said|says|say|stated|states|added|adds|clarified|clarifies|posted|posts|wrote|writes|told|"
    "tells|warned|warns|asked|asks|replied|replies|answered|answers|explained|explains|noted|"
    "notes|insisted|insists|argued|argues|claimed|claims|declared|declares|announced|announces|"
    "tweeted|tweets|remarked|continued|responded|recalled|admitted|acknowledged|conceded|"
    "suggested|emphasized|emphasised|stressed|urged|concluded|quipped|joked|shouted|exclaimed|"
    "predicted|promised|vowed|pledged|cautioned|observed|commented|countered|retorted|complained|"
    "boasted|lamented|mused|recounted|testified|reiterated|confirmed|denied|demanded|wondered|"
    "whispered|yelled|saying|writing|posting|telling|adding|warning|"
    r"put\s+it\s+(?:plainly|simply|bluntly|succinctly|starkly|another\s+way|this\s+way)"
)
_INDIRECT_VERBS = (
    _VERBS + "|expressed|expresses|called|calls|described|describes|dubbed|termed|labeled|"
    "labelled|branded|characterized|characterised|referred|praised|criticized|criticised|"
    "hailed|slammed|blasted|accused|believes|believed|thinks|thought|hopes|hoped|considers|"
    "considered|welcomed|rejected|dismissed"
)
_AUX = (
    r"(?:(?:has|had|have|was|is|would|will|also|later|then|once|again|previously|earlier|"
    r"further|\p{Ll}+ly)\s+)*"
)
#: ", a nurse at the hospital," between a name and its verb, or a bare comma when the name is
#: itself the appositive ("Its chair, Helen Stavrou, said").
_APPOSITIVE = r"(?:\s*,[^,.!?\x00]{1,120},|,)?"
_ROLE = (
    r"(?:president|prime\s+minister|minister|chancellor|senator|governor|mayor|secretary|"
    r"ambassador|spokesman|spokeswoman|spokesperson|leader|king|queen|pope|premier|general)"
)
#: "Hanna Lindqvist of the Norrhavn Tenants' Union said": the person, not the union, speaks.
_OF_ORGANISATION = r"\s+of\s+the\s+(?:[\p{L}\p{M}’'\-]+\s+){0,3}?[\p{L}\p{M}’'\-]+"
#: (A full name only: "Secretary of State Marco Rubio told" is Rubio speaking.)
_FULL_NAME = (
    rf"{_JOINED_PREFIX}{_CAP}(?:(?<!\p{{L}}{{4}}\.)[ \t]+{_PARTICLE}*{_JOINED_PREFIX}{_CAP})+"
)
_SUBJECT = (
    rf"(?:(?P<name>{_FULL_NAME}){_OF_ORGANISATION}"
    rf"|(?P<name>{_NAME}|\b[Hh]e\b|\b[Ss]he\b|\b[Tt]he\s+{_ROLE}\b))"
)

#: Lower-case words describing a person ("Rovers manager Ellen Carver said", "said volunteer
#: coordinator Ben Osei"), never a starter or preposition.
_DESCRIPTOR = (
    r"(?:(?!(?:"
    + "|".join(sorted(regex.escape(w) for w in _STARTERS | _PREPOSITIONS | {"he", "she", "it"}))
    + r")\s)\p{Ll}[\p{Ll}\-]*\s+)"
)
_BEFORE_RE = regex.compile(rf"{_SUBJECT}{_APPOSITIVE}\s+{_AUX}(?:{_VERBS})\b(?P<gap>[^\x00]*)$")
_BEFORE_INDIRECT_RE = regex.compile(
    rf"{_SUBJECT}{_APPOSITIVE}\s+{_AUX}(?:{_INDIRECT_VERBS})\b(?P<gap>[^\x00]*)$"
)
#: What every match of the two patterns above contains: a verb right after white space. Most
#: sentences have none, and ``re`` finds one much faster than ``regex`` searches the whole
#: pattern (its ``\s`` matches every character ``regex``'s does, so no match is missed).
_VERB_AFTER_SPACE_RE = re.compile(rf"\s(?:{_VERBS})")
_INDIRECT_VERB_AFTER_SPACE_RE = re.compile(rf"\s(?:{_INDIRECT_VERBS})")
_AFTER_RE = regex.compile(
    rf"^[\s,]*(?:(?:(?:{_NAME}\s+)?{_DESCRIPTOR}{{1,3}})?{_SUBJECT}{_APPOSITIVE}\s+{_AUX}"
    rf"(?:{_VERBS})\b"
    rf"|(?:{_VERBS})\s+{_DESCRIPTOR}{{0,3}}(?P<name2>{_NAME})"
    rf"|according\s+to\s+(?P<name3>{_NAME}))"
)
#: ... and as a scan of the whole text finds it: from a capital, which keeps the scan fast.
_NAME_RE = regex.compile(rf"{_CAP}{_NAME_REST}")
#: What follows a person who speaks in this sentence ("Dana Whitlock, who ..., called it").
_SPEAKS_RE = regex.compile(
    rf"{_APPOSITIVE}\s+{_AUX}(?:{_INDIRECT_VERBS}|pointed\s+out)\b", regex.IGNORECASE
)
#: A speech verb anywhere in a sentence ("..., telling reporters only that").
_SPEECH_VERB_RE = regex.compile(rf"\b(?:{_INDIRECT_VERBS}|calling|urging|describing)\b")
_TOKEN_SPLIT_RE = regex.compile(r"\s+")
_POSSESSIVE_RE = regex.compile(r"[’']s?$")
_SENTENCE_END_RE = regex.compile(r"[.!?][’'”\")\]]*\s+(?=[\p{Lu}\d“\"‘'\x00])")
_ABBREVIATION_RE = regex.compile(
    r"(?:\b\p{L}|\bMr|\bMrs|\bMs|\bDr|\bSt|\bJr|\bSr|\bSen|\bRep|\bGov|\bGen|\bCol|\bLt|\bNo|"
    r"\bProf|\bRev|\bvs|\betc|\bInc|\bCorp|\bCo)\.$"
)
#: The most characters a match of _ABBREVIATION_RE can involve: "Prof." and, for ``\b``, the
#: character before it.
_ABBREVIATION_REACH = 6


@functools.lru_cache(maxsize=4096)
def _attribution_after(text: str) -> regex.Match[str] | None:
    """``_AFTER_RE.match(text)``, cached: the text after a quote (" he said.") often repeats."""
    return _AFTER_RE.match(text)


@functools.lru_cache(maxsize=65536)
def _clean_name(raw: str) -> tuple[str, tuple[str, ...]]:
    """The proper name in ``raw`` without sentence starters, titles or a possessive.

    Returns the name ("" if none) and the title words it carried (folded).
    """
    tokens = [t for t in _TOKEN_SPLIT_RE.split(raw.strip()) if t]
    # A sentence ended inside the match ("Fennel Lane. Pike") or a possessive qualifies the
    # name ("Ethiopia's Meseret Alemu"): the name is what follows.
    for i in range(len(tokens) - 2, -1, -1):
        token = tokens[i]
        ends_sentence = token.endswith(".") and len(token) > 4 and token.casefold() not in _TITLES
        if ends_sentence or (_POSSESSIVE_RE.search(token) and token[-2:] in ("'s", "’s")):
            tokens = tokens[i + 1 :]
            break
    while tokens and tokens[0].casefold() in _STARTERS:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1].casefold().rstrip(",") in _POST_NOMINALS:
        tokens.pop()
    titles: tuple[str, ...] = ()
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].casefold().rstrip(",") in _TITLES:
            titles = tuple(t.casefold().rstrip(".,") for t in tokens[: i + 1])
            tokens = tokens[i + 1 :]
            break
    # A name sometimes ends a sentence ("... Trump."): drop a trailing dot after a long token.
    if tokens and tokens[-1].endswith(".") and len(tokens[-1]) > 3:
        tokens[-1] = tokens[-1][:-1]
    if tokens:
        tokens[-1] = _POSSESSIVE_RE.sub("", tokens[-1]) if len(tokens[-1]) > 2 else tokens[-1]
    name = " ".join(tokens)
    if name.casefold() in _PRONOUNS | {"i", "we", "you", "they", "it"}:
        return "", titles
    return name, titles


@functools.lru_cache(maxsize=65536)
def _name_candidate(raw: str) -> tuple[str, tuple[str, ...], bool]:
    """:func:`_clean_name` of ``raw`` and whether the name looks like a person's."""
    name, titles = _clean_name(raw)
    return name, titles, _is_person_like(name, bool(titles))


def _is_person_like(name: str, titled: bool) -> bool:
    """A guess without NER: titled, or two to four capitalised words naming no place/thing."""
    if not name:
        return False
    if titled:
        return True
    tokens = name.split()
    if not 2 <= len(tokens) <= 4:
        return False
    return not any(t.casefold().strip(".") in _NON_PERSON_WORDS for t in tokens) and not any(
        t.isupper() and len(t) > 1 for t in tokens
    )


def _is_organisation(name: str) -> bool:
    """Two to five capitalised words ending in an organisation word ("Corvell Chemicals")."""
    tokens = name.split()
    return 2 <= len(tokens) <= 5 and tokens[-1].casefold().strip(".") in _ORGANISATION_WORDS


# --- spans ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Span:
    start: int  # index of the opening mark
    end: int  # index just past the closing mark (or the paragraph's end)
    inner_start: int
    inner_end: int


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and after.isalnum()


def _closes_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _closes(opener: str, text: str, i: int) -> bool:
    """Whether ``text[i]`` closes a quotation opened by ``opener``."""
    char = text[i]
    if opener == "“":
        return char == "”"
    if opener == '"':
        return char == '"'
    return char in "’'" and _closes_single(text, i)


_QUOTE_MARKS = "“”\"‘’'"
_QUOTE_MARK_RE = regex.compile(f"[{regex.escape(_QUOTE_MARKS)}]")


def _has_quote_marks(text: str) -> bool:
    """Whether ``text`` has one of the :data:`_QUOTE_MARKS` (six ``in`` tests are much faster
    than the regex, or than ``any`` over the marks)."""
    return "'" in text or '"' in text or "’" in text or "“" in text or "”" in text or "‘" in text


def _find_spans(text: str) -> list[_Span]:
    """Quotation spans in one paragraph (outermost quotes only)."""
    if not _has_quote_marks(text):
        return []
    spans: list[_Span] = []
    opener: str | None = None
    start = 0
    for mark in _QUOTE_MARK_RE.finditer(text):
        i, char = mark.start(), mark.group()
        if opener is None:
            if char == "“" or char == '"' or (char in "‘'" and _opens_single(text, i)):
                opener, start = char, i
        elif _closes(opener, text, i):
            spans.append(_Span(start, i + 1, start + 1, i))
            opener = None
        elif opener in "‘'" and char in '“"':  # a double quote inside a single one: not a quote
            opener, start = char, i
    if opener in ("“", '"'):  # left open: runs to the end of the paragraph
        spans.append(_Span(start, len(text), start + 1, len(text)))
    return spans


def _mask(text: str, spans: Sequence[_Span]) -> str:
    """``text`` with every quotation's marks and words replaced by NUL characters."""
    if not spans:
        return text
    pieces: list[str] = []
    done = 0
    for span in spans:  # (in order, never overlapping)
        pieces += (text[done : span.start], "\x00" * (span.end - span.start))
        done = span.end
    pieces.append(text[done:])
    return "".join(pieces)


def _ends_with_abbreviation(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with an abbreviation's full stop ("Mr.", "J.").

    Only the last :data:`_ABBREVIATION_REACH` characters are searched: a match ends at ``end``
    and cannot reach further back, so searching all of ``text[:end]`` finds the same.
    """
    return _ABBREVIATION_RE.search(text[max(0, end - _ABBREVIATION_REACH) : end]) is not None


@functools.lru_cache(maxsize=4)
def _names_outside_quotes(masked: str) -> bool:
    """Whether a paragraph (quotes masked) names someone outside its quotes; worked out once for
    all its quotes."""
    return _NAME_RE.search(masked.replace("\x00", " ")) is not None


#: The most characters before a quote searched for its speaker in the quote's sentence (a
#: "sentence" of thousands of characters, quotes with no full stop between them, made each quote
#: search all the text before it: quadratic).
_SENTENCE_REACH = 1_500
#: A sentence that opens "According to X, ...": X speaks.
_ACCORDING_TO = text_utils.LazyPattern(r"\s*according to", re.IGNORECASE)


def _near(sentence_start: int, position: int) -> int:
    """Where the search for a speaker before ``position`` starts: its sentence's start, at most
    :data:`_SENTENCE_REACH` characters back."""
    return max(sentence_start, position - _SENTENCE_REACH)


@functools.lru_cache(maxsize=4)
def _sentence_breaks(masked: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the matches of :data:`_SENTENCE_END_RE` in ``masked`` that end a
    sentence (no abbreviation's full stop), found once for all the quotes of a paragraph; both
    ascending, so a quote's sentence is found by bisection."""
    breaks = [
        match.span()
        for match in _SENTENCE_END_RE.finditer(masked)
        if not _ends_with_abbreviation(masked, match.start() + 1)
    ]
    return [start for start, _ in breaks], [end for _, end in breaks]


def _sentence_start(masked: str, position: int) -> int:
    """Index where the sentence containing ``position`` starts (quotes masked).

    A break counts if it ends before ``position`` (the character after it, which the pattern
    looks at, must come before ``position`` too)."""
    ends = _sentence_breaks(masked)[1]
    index = bisect.bisect_left(ends, position)
    return ends[index - 1] if index else 0


def _sentence_end(masked: str, position: int) -> int:
    """Index just past the full stop (or other mark) that ends the sentence at ``position``."""
    starts = _sentence_breaks(masked)[0]
    index = bisect.bisect_left(starts, position)
    return starts[index] + 1 if index < len(starts) else len(masked)


def _inner_text(text: str, span: _Span) -> str:
    inner = text[span.inner_start : span.inner_end].strip()
    return inner.rstrip(",").rstrip()


def _word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


# --- extraction ----------------------------------------------------------------------------

_FEMININE = _word_set("ms mrs miss queen princess lady dame spokeswoman chairwoman congresswoman")
_MASCULINE = _word_set("mr king prince lord sir spokesman chairman congressman father")


@dataclass(frozen=True, slots=True)
class _Person:
    """A person named outside quotation marks: where, as which name, with which titles."""

    position: int
    name: str
    titles: tuple[str, ...]
    speaks: bool = False  # the subject of a speech verb ("Dana Whitlock, who ..., called it")


@dataclass(frozen=True, slots=True)
class _Ref:
    """How a quote's speaker is referred to: a name, "he"/"she", or "the president"."""

    kind: str  # "name" | "pronoun" | "role"
    value: str


@dataclass(slots=True)
class _Mention:
    name: str
    article: str


@dataclass(slots=True)
class _RawQuote:
    text: str
    article: str
    paragraph: int
    fragment: bool
    speaker: str  # a cleaned name as written, "" if unknown


@dataclass(slots=True)
class _ArticleState:
    """What the extractor remembers within one article."""

    recent: list[_Person] = field(default_factory=list)  # latest last
    last_speaker: str = ""
    last_quote_paragraph: int = -10
    persons: set[str] = field(default_factory=set)
    name_parts: set[str] = field(default_factory=set)  # persons' first and last names
    pending: list[int] = field(default_factory=list)  # open-ended quotes awaiting a speaker

    def add_person(self, name: str) -> None:
        if name not in self.persons:
            self.persons.add(name)
            tokens = name.split()
            self.name_parts.update((tokens[0], tokens[-1]))

    def knows(self, name: str) -> bool:
        return name in self.persons or name in self.name_parts


def _to_ref(raw: str) -> _Ref | None:
    folded = " ".join(raw.casefold().split())
    if folded in _PRONOUNS:
        return _Ref("pronoun", folded)
    if folded.startswith("the "):
        return _Ref("role", folded[4:])
    name, _ = _clean_name(raw)
    return _Ref("name", name) if name else None


_NOT_SUBJECTS = _word_set(
    "and but or then also who which that has had have was is were would will later once again "
    "previously earlier further not to"
)


def _unnamed_subject(text: str) -> bool:
    """Whether the verb after ``text`` has a common noun for subject ("..., police said"): its
    last word, in lower-case letters and followed by white space, is no pronoun or adverb.
    (Read from the end: a regex search of all of it, once a speech verb, made a paragraph of
    many quotes and verbs take seconds.)"""
    end = len(text.rstrip())
    if end == len(text):
        return False  # no white space before the verb
    start = end
    while start and unicodedata.category(text[start - 1]) == "Ll":
        start -= 1
    word = text[start:end]
    return bool(word) and word not in _NOT_SUBJECTS and not word.endswith("ly")


class _Extractor:
    """Two passes: raw quotes and person mentions, then canonical speaker names."""

    def __init__(self) -> None:
        self.raw: list[_RawQuote] = []
        self.mentions: list[_Mention] = []
        self.states: dict[str, _ArticleState] = defaultdict(_ArticleState)

    def add(self, paragraph: Paragraph) -> None:
        text = paragraph.text
        state = self.states[paragraph.article]
        spans = _find_spans(text)
        masked = _mask(text, spans)
        persons = self._record_persons(masked, paragraph.article, state)
        pending, state.pending = state.pending, []
        previous: tuple[_Span, str] | None = None  # the last quote of this paragraph, its speaker
        # only quotes (worked out only for a paragraph that has any)
        standalone = bool(spans) and not _WORD_RE.search(masked.replace("\x00", " "))
        for group in self._group(text, masked, spans):
            first, last = group[0], group[-1]
            parts = [p for p in (_inner_text(text, span) for span in group) if _WORD_RE.search(p)]
            if not parts:
                continue
            quote_text = " … ".join(parts)
            sentence_start = _sentence_start(masked, first.start)
            ref, direct = self._speaker(text, masked, first, last, len(group) > 1, sentence_start)
            fragment = not direct and not standalone and _word_count(quote_text) <= 3
            if ref is None and not standalone:
                ref = self._indirect_speaker(masked, first, sentence_start, persons, state)
            window = _sentence_start(masked, max(0, sentence_start - 1))
            speaker = self._resolve(ref, persons, first.start, window, state) if ref else ""
            if not speaker and not fragment and previous:
                speaker = self._continues_in_paragraph(masked, previous, first)
            previous = (last, speaker)
            if not speaker and not fragment and self._continues(masked, paragraph, state):
                speaker = state.last_speaker
            if speaker and pending and not masked[: first.start].strip():
                for index in pending:  # the quote this paragraph continues
                    self.raw[index].speaker = speaker
            pending = []
            if speaker and not fragment:
                state.last_speaker = speaker
                state.last_quote_paragraph = paragraph.number
            if speaker:
                state.add_person(speaker)
                self.mentions.append(_Mention(speaker, paragraph.article))
            if not speaker and not fragment and last.end == len(text):
                state.pending.append(len(self.raw))
            self.raw.append(
                _RawQuote(quote_text, paragraph.article, paragraph.number, fragment, speaker)
            )
        state.recent = (state.recent + persons)[-20:]

    def _record_persons(self, masked: str, article: str, state: _ArticleState) -> list[_Person]:
        """People named outside quotes, in order; objects of prepositions are left out."""
        persons: list[_Person] = []
        known, known_parts = state.persons, state.name_parts  # (state.knows, without a call)
        for match in _NAME_RE.finditer(masked):
            name, titles, person_like = _name_candidate(match[0])
            if not person_like and (not name or (name not in known and name not in known_parts)):
                continue  # (a person-like name is never empty)
            state.add_person(name)
            self.mentions.append(_Mention(name, article))
            preceding = [
                w.casefold() for w in masked[max(0, match.start() - 20) : match.start()].split()
            ]
            first_word = match.group().split()[0].casefold()
            according_to = preceding[-2:] == ["according", "to"]  # the source: a speaker
            if not according_to and (
                (preceding and preceding[-1] in _PREPOSITIONS) or first_word in _PREPOSITIONS
            ):
                continue
            speaks = according_to or bool(_SPEAKS_RE.match(masked, match.end()))
            persons.append(_Person(match.start(), name, titles, speaks))
        return persons

    @staticmethod
    def _group(text: str, masked: str, spans: Sequence[_Span]) -> list[list[_Span]]:
        """Join spans split around an attribution: “A,” X said, “B.”"""
        groups: list[list[_Span]] = []
        for span in spans:
            if groups:
                previous = groups[-1][-1]
                between = masked[previous.end : span.start]
                attribution = _attribution_after(between)
                ends_open = text[previous.inner_start : previous.inner_end].rstrip().endswith(",")
                if (
                    ends_open
                    and attribution
                    and not between[attribution.end() :].strip(" ,.:;\t")
                    and "\x00" not in between
                ):
                    groups[-1].append(span)
                    continue
            groups.append([span])
        return groups

    @staticmethod
    def _speaker(
        text: str, masked: str, first: _Span, last: _Span, split: bool, sentence_start: int
    ) -> tuple[_Ref | None, bool]:
        """Who a direct attribution names (“...,” X said / X said: “...”), if there is one.

        ``sentence_start``: where the sentence of the quote's first part starts."""
        if split:
            after_text = masked[first.end : last.start]
        else:
            end = _sentence_end(masked, last.end)
            next_quote = masked.find("\x00", last.end, end)  # the text up to the next quote
            after_text = masked[last.end : next_quote if next_quote >= 0 else end]
        after = _attribution_after(after_text)
        before_text = masked[_near(sentence_start, first.start) : first.start]
        before = (
            _BEFORE_RE.search(before_text) if _VERB_AFTER_SPACE_RE.search(before_text) else None
        )
        if before:
            gap = before.group("gap").strip()
            if len(gap) > 80 or not (not gap or gap[-1] in ",:" or gap.casefold().endswith("that")):
                before = None
        ends_with_comma = text[first.inner_start : first.inner_end].rstrip().endswith(",")
        order = (after, before) if ends_with_comma or not before else (before, after)
        for match in order:
            if match is None:
                continue
            groups = match.groupdict()
            raw = groups.get("name") or groups.get("name2") or groups.get("name3") or ""
            ref = _to_ref(raw)
            if ref:
                return ref, True
        return None, False

    @staticmethod
    def _indirect_speaker(
        masked: str,
        span: _Span,
        sentence_start: int,
        persons: Sequence[_Person],
        state: _ArticleState,
    ) -> _Ref | None:
        """Who speaks in a quote's sentence when no attribution is next to the quote.

        The subject of "called"/"expressed"/"said" earlier in the sentence; else, when the
        sentence has a speech verb before the quote, the person it is about ("Osei-Hale
        declined to say ..., telling reporters that “...”", "According to X, ... “...”"), or
        its opening "He"/"She". ``sentence_start``: where the quote's sentence starts.
        """
        before_text = masked[_near(sentence_start, span.start) : span.start]
        match = (
            _BEFORE_INDIRECT_RE.search(before_text)
            if _INDIRECT_VERB_AFTER_SPACE_RE.search(before_text)
            else None
        )
        if match and not _POSSESSIVE_RE.search(match.group("name").rstrip()[-2:]):
            ref = _to_ref(match.group("name"))
            if ref is None or ref.kind != "name":
                return ref
            name, titles = _clean_name(match.group("name"))
            known = state.knows(name) or _is_person_like(name, bool(titles))
            if known or _is_organisation(name):
                return ref
        in_sentence = [p for p in persons if sentence_start <= p.position < span.start]
        if _ACCORDING_TO.match(masked, sentence_start) and in_sentence:
            return _Ref("name", in_sentence[0].name)
        verbs = list(_SPEECH_VERB_RE.finditer(before_text))
        if not verbs or any(_unnamed_subject(before_text[: v.start()]) for v in verbs):
            return None
        if in_sentence:
            return _Ref("name", in_sentence[0].name)
        # (the sentence's first word, however far back it starts)
        first_word = sentence_start
        while first_word < span.start and masked[first_word].isspace():
            first_word += 1
        space = masked.find(" ", first_word, span.start)
        opening = masked[first_word : space if space >= 0 else span.start].casefold()
        return _Ref("pronoun", opening) if opening in _PRONOUNS else None

    @staticmethod
    def _continues_in_paragraph(masked: str, previous: tuple[_Span, str], span: _Span) -> str:
        """The previous quote's speaker when only its attribution stands between them.

        “A,” said X, the city's director. “B.” -> B is X's too.
        """
        previous_span, speaker = previous
        between = masked[previous_span.end : span.start].strip()
        if not speaker or "\x00" in between or not _attribution_after(between):
            return ""
        for end in _SENTENCE_END_RE.finditer(between):  # one sentence: the attribution only
            if not _ends_with_abbreviation(between, end.start() + 1):
                return ""
        return speaker

    @staticmethod
    def _resolve(
        ref: _Ref, persons: Sequence[_Person], position: int, window: int, state: _ArticleState
    ) -> str:
        """A name as written for ``ref``: pronouns and roles refer back to a person.

        "he"/"she" is the first fitting person who speaks (the subject of a speech verb) in the
        same or the previous sentence (``window`` on), else the last fitting person named.
        """
        if ref.kind == "name":
            return ref.value
        earlier = [p for p in persons if p.position < position]
        candidates = list(reversed(state.recent + earlier))
        if ref.kind == "pronoun":
            excluded = _FEMININE if ref.value == "he" else _MASCULINE
            fitting = [p for p in candidates if not excluded & set(p.titles)]
            speaking = [p for p in reversed(fitting) if p.position >= window and p.speaks]
            in_window = [p for p in speaking if p in earlier]
            if in_window:
                return in_window[0].name
            return fitting[0].name if fitting else ""
        role_word = ref.value.split()[-1]
        titled = [p for p in candidates if role_word in p.titles]
        chosen = titled or candidates
        return chosen[0].name if chosen else ""

    @staticmethod
    def _continues(masked: str, paragraph: Paragraph, state: _ArticleState) -> bool:
        """An unattributed quote continuing the previous paragraph's speaker."""
        return (
            bool(state.last_speaker)
            and paragraph.number - state.last_quote_paragraph <= 1
            and not _names_outside_quotes(masked)
        )

    def quotes(self) -> list[Quote]:
        resolve = _AliasResolver(self.mentions)
        return [
            Quote(
                speaker=resolve(raw.speaker, raw.article) if raw.speaker else "",
                text=raw.text,
                article=raw.article,
                paragraph=raw.paragraph,
                fragment=raw.fragment,
            )
            for raw in self.raw
        ]


class _AliasResolver:
    """Maps a name as written to its canonical form: the longest full name it is part of."""

    def __init__(self, mentions: Sequence[_Mention]) -> None:
        self.full_names: Counter[str] = Counter()
        self.by_article: dict[str, Counter[str]] = defaultdict(Counter)
        self.by_token: dict[str, set[str]] = defaultdict(set)  # folded token -> full names
        for mention in mentions:
            tokens = mention.name.split()
            if len(tokens) >= 2:
                self.full_names[mention.name] += 1
                self.by_article[mention.article][mention.name] += 1
                for token in tokens:
                    self.by_token[_fold(token)].add(mention.name)
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, name: str, article: str) -> str:
        key = (name, article)
        if key not in self.cache:
            self.cache[key] = self._resolve(name, article)
        return self.cache[key]

    def _resolve(self, name: str, article: str) -> str:
        tokens = [_fold(t) for t in name.split()]
        if not tokens:
            return name

        def fits(full: str) -> bool:
            full_tokens = [_fold(t) for t in full.split()]
            if len(full_tokens) < len(tokens) or not set(tokens) <= set(full_tokens):
                return False
            return tokens[-1] == full_tokens[-1] or len(tokens) == 1

        candidates = sorted(self.by_token.get(tokens[-1], set()))
        for pool in (self.by_article.get(article, Counter()), self.full_names):
            matches = [full for full in candidates if full in pool and fits(full)]
            if matches:
                surname = [m for m in matches if _fold(m.split()[-1]) == tokens[-1]]
                best = surname or matches
                return max(best, key=lambda m: (len(m.split()), pool[m], len(m)))
        return name


def extract_quotes(paragraphs: Iterable[Paragraph]) -> list[Quote]:
    """Return every direct quotation in ``paragraphs`` (in order), with speakers resolved."""
    extractor = _Extractor()
    for paragraph in paragraphs:
        extractor.add(paragraph)
    quotes = extractor.quotes()
    log.debug("extracted %d quotes", len(quotes))
    return quotes


# --- search --------------------------------------------------------------------------------


def _name_tokens(name: str) -> list[str]:
    """Folded name tokens without titles or possessives."""
    tokens = text_utils.tokenize(name)
    return [t for t in tokens if t not in _TITLES and f"{t}." not in _TITLES and t != "usa"]


def _token_matches(wanted: str, have: str) -> bool:
    if wanted == have:
        return True
    return len(wanted) >= 5 and difflib.SequenceMatcher(None, wanted, have).ratio() >= 0.8


class QuoteBook:
    """All quotes of a corpus, searchable by speaker alias and keywords."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = tuple(quotes)
        self._by_paragraph: dict[tuple[str, int], list[Quote]] = defaultdict(list)
        for quote in self.quotes:
            self._by_paragraph[(quote.article, quote.paragraph)].append(quote)
        self._speaker_tokens = {
            speaker: _name_tokens(speaker) for speaker in {q.speaker for q in self.quotes}
        }
        keywords = [_keywords(q.text) for q in self.quotes]
        self._keyword_sets = [frozenset(k) for k in keywords]
        self._keyword_index = BM25Index(keywords) if self.quotes else None

    @classmethod
    def from_paragraphs(cls, paragraphs: Iterable[Paragraph]) -> QuoteBook:
        """Extract every quote from ``paragraphs`` into a book."""
        return cls(extract_quotes(paragraphs))

    def __len__(self) -> int:
        return len(self.quotes)

    def resolve_speaker(self, name: str) -> list[str]:
        """Canonical speakers that ``name`` can mean (any alias, case, diacritics, small typos)."""
        wanted = _name_tokens(name)
        if not wanted:
            return []
        return [
            speaker
            for speaker, tokens in self._speaker_tokens.items()
            if speaker and all(any(_token_matches(w, t) for t in tokens) for w in wanted)
        ]

    def speakers_in(self, text: str) -> list[str]:
        """Canonical speakers named anywhere in ``text`` (e.g. a reader's question)."""
        words = set(_name_tokens(text))
        return [
            speaker
            for speaker in self.speakers()
            if any(t in words for t in self._speaker_tokens[speaker])
        ]

    def search(
        self, speaker: str | None = None, words: str | None = None, limit: int = 10
    ) -> list[Quote]:
        """Quotes whose speaker matches ``speaker`` (any alias, any case/diacritics) and/or that
        match ``words`` (best first); both None -> every quote in corpus order."""
        if limit <= 0:
            return []
        allowed: set[int] | None = None
        if speaker is not None and speaker.strip():
            names = set(self.resolve_speaker(speaker))
            allowed = {i for i, q in enumerate(self.quotes) if q.speaker in names}
        query = _keywords(words) if words is not None else []
        if words is not None and words.strip():
            if not query or self._keyword_index is None:
                return []
            # More distinct query words matched first, then BM25 (best first, stable).
            wanted = set(query)
            ranked = self._keyword_index.top_k(query, len(self.quotes))
            hits = [i for i, _ in ranked if allowed is None or i in allowed]
            hits.sort(key=lambda i: -len(wanted & self._keyword_sets[i]))
            return [self.quotes[i] for i in hits[:limit]]
        if allowed is None:
            return list(self.quotes[:limit])
        return [q for i, q in enumerate(self.quotes) if i in allowed][:limit]

    def speakers(self) -> list[str]:
        """Canonical speaker names, most quoted first."""
        counts = Counter(q.speaker for q in self.quotes if q.speaker)
        first_seen = {s: i for i, s in reversed(list(enumerate(q.speaker for q in self.quotes)))}
        return sorted(counts, key=lambda s: (-counts[s], first_seen[s]))

    def in_paragraph(self, article: str, paragraph: int) -> list[Quote]:
        """Quotes from one paragraph, in order."""
        return list(self._by_paragraph.get((article, paragraph), []))
