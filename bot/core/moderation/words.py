"""Compile the word lists of the rules file into fast regular expressions over folded text.

Each letter of a listed word becomes a character class that also accepts its leetspeak forms
(``s`` -> ``[s5$]``) and may repeat ("fuuuck"). Words are matched whole (so "class" never matches
"ass"), grouped by their first letter into one alternation per rule, and compiled once. Masked
tokens ("f*ck", "a**hole") and spaced-out runs ("f u c k") take a slower path that only runs when
such a token is present.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.core.moderation.normalize import SpacedRun, close_letter_gaps
from bot.core.text import english_zipf

log = logging.getLogger(__name__)

LEET: dict[str, str] = {
    "a": "a4@",
    "b": "b8",
    "e": "e3",
    "g": "g9",
    "i": "i1!|",
    "l": "l1|",
    "o": "o0",
    "s": "s5$",
    "t": "t7",
    "u": "uv",
}
_UNLEET = str.maketrans(
    {
        "4": "a",
        "@": "a",
        "8": "b",
        "3": "e",
        "9": "g",
        "1": "i",
        "!": "i",
        "|": "l",
        "0": "o",
        "5": "s",
        "$": "s",
        "7": "t",
    }
)
_REPEATS = re.compile(r"(.)\1+")

WORD_START = r"(?<![^\W_])"
WORD_END = r"(?![^\W_])"
SEPARATOR = r"[\W_]{1,6}"
CLAUSE_END = r"(?=[^\w]{0,6}(?:$|[.!?,;:)\n]|and\b|or\b))"
MASKS = "*#%_"
INNER_MASKS = "*#%"  # the masks of a word inside a longer token ("clusterf**k")
# A token with a masked letter ("f*ck", "sh#t"); leetspeak symbols may stand for other letters
# ("$#!t"), but not end it ("f*ck!!" is "f*ck").
_MASKED_TOKEN = re.compile(
    r"(?<![^\W_])(?<![$@!|])(?:[^\W_]|[$@])[\w$@!|]*?[*#%_][\w*#%$@!|]*(?<![!|])"
)
_PIECE = re.compile(r"[^\W_]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# not "," or quotes ("Sh, it is"); a line break may follow a hyphen ("fu-\nck")
_PIECE_GAP = re.compile(r"[ .\-_*/\\~+]{1,3}|-[ \t]*\n")
MIN_PIECE = 2  # pieces of a split word are at least this long ("f u c k" is a spaced run)
MIN_REVERSED = 4  # shorter words read backwards are too often real words
MIN_PLAIN_CORE = 4  # a "*word*" entry of this many letters, written plainly, marks a real swear
MIN_UNMASKED = 3  # a masked token is read as a phrase word of at least this many letters
_QUOTATION = re.compile(r'"[^"\n]{1,300}"')  # folding made curly quotes straight
_SELF_WORD = re.compile(r"[a-z0-9']+")
_STRETCHED = re.compile(r"([a-z])\1\1")  # "fuuuck", "shiiit": stretched on purpose
# Emoji (and their joiners and variation selectors) after a word, before the clause ends
_TRAILING_PICTOGRAPHS = r"(?:[ \t]*[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+)*"


def masked_tokens(folded: str) -> list[tuple[int, int, str]]:
    """Tokens with masked letters ("f*ck", "sh#t") as (start, end, token)."""
    if not any(map(folded.__contains__, MASKS)):  # no generator: this runs for every message
        return []
    return [(m.start(), m.end(), m.group()) for m in _MASKED_TOKEN.finditer(folded)]


def _slot_forms(phrase: str) -> list[frozenset[str]]:
    """Gate forms of each required word slot of a phrase, rarest-looking (longest) first."""
    slots = [
        [option for option in slot.split("|") if option]
        for slot in phrase.lower().split()
        if slot not in _UNGATED_SLOTS and not slot.endswith("?")
    ]
    slots.sort(key=lambda options: -min(len(o) for o in options))
    return [frozenset(f for option in slot for f in gate_forms(option)) for slot in slots]


_TOKEN_CHARS = re.compile(r"[\w$@!|*']")


def _letters(word: str) -> str:
    """``word`` lower-cased with leetspeak undone and apostrophes dropped (repeats kept)."""
    return word.lower().translate(_UNLEET).replace("'", "")


def _disguised(token: str) -> bool:
    """Whether ``token`` has a symbol or digit standing for a letter ("cr@p", "h3ll", "d*mn")."""
    return not token.replace("'", "").isalpha()


def canonical(word: str) -> str:
    """Undo leetspeak and collapse repeated letters (used to compare with the allow list)."""
    return _REPEATS.sub(r"\1", word.lower().translate(_UNLEET))


# The gate: a cheap, C-speed pass that says which messages may contain a listed word. Letters that
# leetspeak or the word patterns confuse are merged (1/l/| -> i, v -> u, ...), runs of 3+ letters
# become 2, and the text is split into tokens. A rule's regexes run only when a token is one of
# its words' gate forms (or when "!"/"|" sits inside a word, which the gate cannot see).
_GATE_TABLE: dict[int, int | str | None] = {
    ord(c): " " for c in '!"#%&()*+,-./:;<=>?[\\]^_`{}~\t\n\r\x0b\x0c'
}
_GATE_TABLE.update({ord(k): v for k, v in zip("0134578@$9|lv", "oieastbasgiiu", strict=True)})
_GATE_TABLE[ord("'")] = None
_GATE_RUNS = re.compile(r"(.)\1\1+")
_GATE_BLIND = re.compile(r"[^\W_][!|]+[^\W_]")
MAX_GATE_VARIANTS = 1024


def gate_text(folded: str) -> str | None:
    """The message's gate text, or None when the gate cannot be trusted for this text."""
    if ("!" in folded or "|" in folded) and _GATE_BLIND.search(folded):
        return None
    return _GATE_RUNS.sub(_two_of, folded.translate(_GATE_TABLE))


def _two_of(run: re.Match[str]) -> str:
    return run.group(1) * 2


def gate_token(word: str) -> str:
    """The gate form of one word (no separators inside)."""
    return _GATE_RUNS.sub(_two_of, word.translate(_GATE_TABLE))


def _gate_regex(word: str) -> str:
    """A regex over gate text for ``word`` with each letter once or twice ("ff?uu?cc?kk?")."""
    plain = word.lower().translate(_GATE_TABLE).replace(" ", "")
    return "".join(
        re.escape(m.group(1)) * 2 if len(m.group()) > 1 else re.escape(m.group(1)) * 2 + "?"
        for m in re.finditer(r"(.)\1*", plain)
    )


def gate_forms(word: str) -> set[str]:
    """Every gate token ``word`` can appear as: each single letter may also be doubled."""
    plain = word.lower().translate(_GATE_TABLE).replace(" ", "")
    runs = [(m.group(1), len(m.group())) for m in re.finditer(r"(.)\1*", plain)]
    if not runs:
        return set()
    forms = {""}
    if 2 ** sum(1 for _, n in runs if n == 1) > MAX_GATE_VARIANTS:
        return {_GATE_RUNS.sub(r"\1\1", plain)}
    for char, count in runs:
        options = (char, char * 2) if count == 1 else (char * 2,)
        forms = {form + option for form in forms for option in options}
    return forms


def _letter_units(word: str) -> list[str]:
    """Regex units for the letters of ``word``: runs of a letter become ``[class]{n,}``."""
    units: list[str] = []
    index = 0
    while index < len(word):
        char = word[index]
        run = 1
        while index + run < len(word) and word[index + run] == char:
            run += 1
        index += run
        if char == "'":
            units.append("'?")
            continue
        if char == " ":
            units.append(SEPARATOR)
            continue
        cls = LEET.get(char, char)
        body = f"[{re.escape(cls)}]" if len(cls) > 1 else re.escape(cls)
        units.append(body + ("+" if run == 1 else f"{{{run},}}"))
    return units


def word_regex(word: str) -> str:
    """The regex (without word boundaries) matching ``word`` in any of its disguises."""
    return "".join(_letter_units(word))


@dataclass(frozen=True, slots=True)
class WordEntry:
    """One entry of a word list: its letters and how it may be extended."""

    word: str
    suffixes: bool  # "word+"
    any_end: bool  # "word*"
    any_start: bool  # "*word"

    @classmethod
    def parse(cls, entry: str) -> WordEntry:
        """Parse "word", "word+", "word*", "*word*" (raises ValueError when malformed)."""
        text = entry.strip().lower()
        any_start = text.startswith("*")
        text = text.removeprefix("*")
        any_end = text.endswith("*")
        suffixes = text.endswith("+")
        text = text.rstrip("*+")
        if not text or not re.fullmatch(r"[a-z0-9' ]+", text) or len(text) > 60:
            raise ValueError(
                f"word list entry {entry!r} must be letters (a-z, digits, ', spaces) "
                "optionally with + or * at the end or * at the start"
            )
        return cls(text, suffixes, any_end, any_start)

    def forms(self, suffixes: Sequence[str]) -> list[str]:
        """Plain spellings used to recognise masked tokens ("f*ck")."""
        if self.suffixes or self.any_end:
            return [self.word] + [self.word + suffix for suffix in suffixes]
        return [self.word]


# Phrase tokens that stand for a word rather than spell one: "*" any one word ("burns * house":
# "burns that reporter's house"), "#" a number, "#%" a percentage of 50 or more ("#% off":
# "90% off", "300% bonus"; a steep one is sale or bonus bait). They cannot gate a phrase.
ANY_WORD = "*"
ANY_NUMBER = "#"
STEEP_PERCENT = "#%"
_WILDCARDS = {
    ANY_WORD: r"[^\W_]+(?:'s)?",
    ANY_NUMBER: r"[0-9][0-9,.]*",
    STEEP_PERCENT: r"(?:[5-9][0-9]|[1-9][0-9]{2,3})(?:[.,][0-9]+)?[ \t]?%",
}
CLAUSE_START_MARK = "^"
# A phrase opening with "^" must open a clause: the text's start, or after . ! ? ; : , or a
# line break (one space may follow): "k1ll them all" but not "the heat could kill them all".
CLAUSE_START = r"(?:(?<![\s\S])|(?<=[.!?;:,\n])|(?<=[.!?;:,\n] ))"
_UNGATED_SLOTS = frozenset({".", CLAUSE_START_MARK, *_WILDCARDS})


def parse_phrase(phrase: str) -> str:
    """Compile a phrase ("i|we will? find you .") to a regex (raises ValueError when malformed).

    A word ending in "?" may be left out; a final " ." must end the clause and a leading "^ "
    open one; "*" stands for any one word, "#" for a number and "#%" for a percentage of 50 or
    more.
    """
    tokens = phrase.lower().split()
    starts_clause = bool(tokens) and tokens[0] == CLAUSE_START_MARK
    if starts_clause:
        tokens = tokens[1:]
    if not tokens:
        raise ValueError("a phrase must not be empty")
    ends_clause = tokens[-1] == "."
    if ends_clause:
        tokens = tokens[:-1]
    if not tokens or all(token.removesuffix("?") in _WILDCARDS for token in tokens):
        raise ValueError(f"phrase {phrase!r} needs at least one word")
    parts: list[str] = [CLAUSE_START] if starts_clause else []
    for position, token in enumerate(tokens):
        optional = token.endswith("?") and len(token) > 1
        token = token.removesuffix("?")
        options = [option for option in token.split("|") if option]
        if token in _WILDCARDS:
            body = _WILDCARDS[token]
        elif not options or not all(re.fullmatch(r"[a-z0-9']+", option) for option in options):
            raise ValueError(
                f"phrase {phrase!r}: word {token!r} must be letters, with | between alternatives"
            )
        else:
            body = "(?:" + "|".join(word_regex(option) for option in options) + ")"
        if position == 0:
            parts.append(body)
        elif optional:
            parts.append(f"(?:{SEPARATOR}{body})?")
        else:
            parts.append(f"{SEPARATOR}{body}")
    return "".join(parts) + (CLAUSE_END if ends_clause else "")


def _alternation(patterns: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted(set(patterns), key=lambda p: (-len(p), p))) + ")"


_ALNUM_RUN = re.compile(r"[^\W_]+")  # (``str.isalnum`` characters, as ``\w`` less "_")


class _AlnumRuns:
    """The runs of letters and digits of a text, to widen a match to its token at once (walking
    character by character from each match took seconds on a 4,000-character token)."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _ALNUM_RUN.finditer(text)]
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def _run_at(self, position: int) -> int:
        """The index of the run holding ``position``, or -1."""
        index = bisect.bisect_right(self._starts, position) - 1
        return index if index >= 0 and position < self._ends[index] else -1

    def left(self, position: int) -> int:
        """Where the letters and digits just before ``position`` start (``position`` if none)."""
        index = self._run_at(position - 1) if position else -1
        return self._starts[index] if index >= 0 else position

    def right(self, position: int) -> int:
        """Where the letters and digits from ``position`` on end (``position`` if none)."""
        index = self._run_at(position)
        return self._ends[index] if index >= 0 else position


@dataclass(frozen=True, slots=True)
class WordHit:
    """A match in folded text: the span and the matched text."""

    start: int
    end: int
    text: str


class WordMatcher:
    """Finds the words and phrases of one rule in folded text."""

    def __init__(
        self,
        words: Sequence[str] = (),
        phrases: Sequence[str] = (),
        *,
        suffixes: Sequence[str] = (),
        allow: Sequence[str] = (),
        targeted: Sequence[str] = (),
        targets: Sequence[str] = (),
        fillers: Sequence[str] = (),
        target_gap: int = 2,
        split_words: bool = False,
        reversed_words: bool = False,
        common_words: Sequence[str] = (),
        real_word_zipf: float = 0.0,
        allow_phrases: Sequence[str] = (),
        targets_after: Sequence[str] = (),
        reporting_words: Sequence[str] = (),
        self_words: Sequence[str] = (),
        others_words: Sequence[str] = (),
        vocatives: Sequence[str] = (),
        vocative_leads: Sequence[str] = (),
        mention_words: Sequence[str] = (),
    ) -> None:
        entries = [WordEntry.parse(word) for word in words]
        self._mention_words = frozenset(w.lower().replace("'", "") for w in mention_words)
        self._target_words = frozenset(w.lower().replace("'", "") for w in targets)
        self._self_words = frozenset(w.lower().replace("'", "") for w in self_words)
        self._others_words = frozenset(w.lower().replace("'", "") for w in others_words)
        self._reporting = (
            re.compile(WORD_START + _alternation(map(re.escape, reporting_words)) + WORD_END)
            if reporting_words
            else None
        )
        allowed = [parse_phrase(phrase) for phrase in allow_phrases]
        self._allow_phrases = (
            re.compile(WORD_START + _alternation(allowed) + WORD_END) if allowed else None
        )
        self._init_real_words(entries, suffixes, real_word_zipf)
        suffix_regex = ""
        if suffixes:
            suffix_regex = _alternation(word_regex(s) for s in suffixes) + "?"
        grouped: dict[str, list[str]] = defaultdict(list)
        inner: list[str] = []
        self._whole_gate: set[str] = set()
        for entry in entries:
            units = _letter_units(entry.word)
            if entry.any_start or entry.any_end:
                # searched without boundaries; the boundaries are checked on each match
                inner.append("".join(units))
                continue
            tail = suffix_regex if entry.suffixes else ""
            grouped[units[0]].append("".join(units[1:]) + tail + WORD_END)
            for form in entry.forms(suffixes):
                self._whole_gate |= gate_forms(form)
        self._inner_entries = [e for e in entries if e.any_start or e.any_end]
        self._inner_gate = (
            re.compile("|".join(_gate_regex(e.word) for e in self._inner_entries))
            if self._inner_entries
            else None
        )
        whole = "|".join(
            head + (_alternation(rests) if len(rests) > 1 else f"(?:{rests[0]})")
            for head, rests in sorted(grouped.items())
        )
        self._whole = re.compile(WORD_START + f"(?:{whole})") if whole else None
        self._inner = re.compile(_alternation(inner)) if inner else None
        compiled_phrases = [parse_phrase(phrase) for phrase in phrases]
        self._phrase_list = [
            (_slot_forms(phrase), re.compile(WORD_START + regex + WORD_END))
            for phrase, regex in zip(phrases, compiled_phrases, strict=True)
        ]
        self._phrase_anchor: dict[str, list[tuple[list[frozenset[str]], re.Pattern[str]]]] = (
            defaultdict(list)
        )
        for slots, pattern in self._phrase_list:
            for form in slots[0] if slots else ():
                self._phrase_anchor[form].append((slots[1:], pattern))
        self._init_vocatives(vocatives, vocative_leads)
        self._init_unmasking(phrases, targeted, vocatives)
        self._phrase_anchor_set = frozenset(self._phrase_anchor)
        self._phrases = (
            re.compile(WORD_START + _alternation(compiled_phrases) + WORD_END)
            if compiled_phrases
            else None
        )
        self._targeted = None
        self._target_lead: re.Pattern[str] | None = None
        self._targeted_word: re.Pattern[str] | None = None
        self._target_gate = {f for t in targets for f in gate_forms(t.split()[0])}
        self._targeted_gate = {f for t in targeted for f in gate_forms(t)}
        if targeted and targets:
            targeted_regex = _alternation(word_regex(w) for w in targeted)
            filler_regex = _alternation(
                [word_regex(w) for w in fillers] + [word_regex(w) for w in targeted]
            )
            lead = (
                WORD_START
                + _alternation(word_regex(t) for t in targets)
                + f"(?:{SEPARATOR}{filler_regex}){{0,{max(0, target_gap)}}}"
                + SEPARATOR
            )
            self._targeted = re.compile(lead + f"(?P<hit>{targeted_regex}){WORD_END}")
            # "you're a s.t.u.p.i.d": a spaced-out targeted word right after the lead
            self._target_lead = re.compile(lead + r"\Z")
            self._targeted_word = re.compile(targeted_regex)
        # "what a pathetic loser you are": the target after the word, ending the clause
        self._targeted_after = None
        self._after_gate = {f for t in targets_after for f in gate_forms(t.split()[0])}
        if targeted and targets_after:
            self._targeted_after = re.compile(
                WORD_START
                + f"(?P<hit>{_alternation(word_regex(w) for w in targeted)})"
                + SEPARATOR
                + _alternation(parse_phrase(t) for t in targets_after)
                + CLAUSE_END
            )
        # canonical form -> letters of the shortest allowed word with it: "twatt" (a place) must
        # not let "twat" stand, while "heeell" stands like "hell"
        self._allow: dict[str, int] = {}
        for word in allow:
            key = canonical(word)
            self._allow[key] = min(self._allow.get(key, 99), len(_letters(word)))
        self._forms: dict[tuple[int, str], list[str]] = defaultdict(list)
        for entry in entries:
            for form in entry.forms(suffixes):
                if " " not in form:
                    self._forms[len(form), form[0]].append(form)
        # Joined pieces ("f u c k i n g", "sh-i-t", "fu ck") must match whole; "*word*" entries
        # may have any letters around them there ("fucking").
        inner_whole = [
            ("[^\\W_]*" if e.any_start else "")
            + word_regex(e.word)
            + ("[^\\W_]*" if e.any_end else "")
            for e in self._inner_entries
        ]
        run_patterns = [p.pattern for p in (self._whole, self._phrases) if p]
        if inner_whole:
            run_patterns.append(_alternation(inner_whole))
        self._runs_pattern = re.compile("|".join(run_patterns)) if run_patterns else None
        self._init_pieces(entries, suffixes, split_words, reversed_words, common_words)

    def _init_unmasking(
        self, phrases: Sequence[str], targeted: Sequence[str], vocatives: Sequence[str]
    ) -> None:
        """The words of phrases, targeted words and vocatives, by length and first letter: a
        masked token that fits exactly one of them ("st*pid") is read as it."""
        words = {
            option.removesuffix("?")
            for phrase in phrases
            for slot in phrase.lower().split()
            for option in slot.split("|")
        }
        words |= {w.lower() for w in [*targeted, *vocatives]}
        self._unmask_forms: dict[tuple[int, str], list[str]] = defaultdict(list)
        for word in sorted(words):
            if len(word) >= MIN_UNMASKED and word.isalpha():
                self._unmask_forms[len(word), word[0]].append(word)

    def _init_vocatives(self, vocatives: Sequence[str], leads: Sequence[str]) -> None:
        """Insults said to the reader as a form of address ("nobody cares, loser", "Clown.",
        "bye loser"): the word after a comma and ending the clause, or a sentence of its own, or
        after an interjection (``leads``) that opens the clause. Checked like a phrase anchored on
        the word (no gate of its own)."""
        if not vocatives:
            return
        nouns = _alternation(word_regex(w) for w in vocatives) + WORD_END
        # emoji may close the clause too: "nobody asked, clown 🤡"
        emoji = _TRAILING_PICTOGRAPHS
        patterns = [
            # "..., loser" ending the clause
            rf"(?:(?<=,)|(?<=, ))(?:{nouns})(?={emoji}[ \t]*(?:\Z|[.!?\n]))",
            # "Loser." / "Clown!" as a sentence of its own (not "Winner? Trump. Loser? Ukraine.")
            rf"(?:(?<![\s\S])|(?<=[.!?\n])|(?<=[.!?\n] ))(?:{nouns})(?={emoji}[ \t]*(?:\Z|[.!\n]))",
        ]
        if leads:
            # "bye loser", "ok clown, whatever": an interjection opening the clause
            lead = _alternation(parse_phrase(w) for w in leads)
            patterns.append(
                rf"(?:(?<![\s\S])|(?<=[.!?,;\n])|(?<=[.!?,;\n] )){lead}[ \t,]+(?:{nouns})"
                rf"(?={emoji}[ \t]*(?:\Z|[.!?,;\n]))"
            )
        pattern = re.compile("|".join(patterns))
        forms = frozenset(f for word in vocatives for f in gate_forms(word))
        self._phrase_list.append(([forms], pattern))
        for form in forms:
            self._phrase_anchor[form].append(([], pattern))

    def _init_real_words(
        self, entries: Sequence[WordEntry], suffixes: Sequence[str], real_word_zipf: float
    ) -> None:
        """What :meth:`_real_word` needs: the listed spellings and the plainly written cores."""
        self._real_word_zipf = real_word_zipf
        listed = {form.replace("'", "") for entry in entries for form in entry.forms(suffixes)}
        # English doubles a final consonant before a vowel ending: "shitting", "crapped"
        listed |= {
            entry.word + entry.word[-1] + suffix
            for entry in entries
            if entry.suffixes and entry.word[-1] not in "aeiouy'"
            for suffix in suffixes
            if suffix[0] in "aeiouy"
        }
        self._listed = frozenset(listed)
        self._cores = tuple(
            (entry.word, entry.any_start)
            for entry in entries
            if (entry.any_start or entry.any_end) and len(entry.word) >= MIN_PLAIN_CORE
        )

    def _real_word(self, token: str) -> bool:
        """Whether ``token`` is an ordinary English word or name that only looks like a listed one.

        "Fukushima" (a "*fuk*" entry inside) and "Shiite" ("shite" with a doubled letter) are
        common in English text (Zipf frequency of at least ``real_word_zipf``) and are not
        themselves listed; "motherfucker" is common too, but has a listed core ("*fuck*") written
        plainly. Disguised tokens (digits, symbols, letters stretched to three) never count.
        """
        if self._real_word_zipf <= 0:
            return False
        word = token.replace("'", "")
        if not (word.isascii() and word.isalpha()) or word in self._listed:
            return False
        if _STRETCHED.search(word):
            return False
        for core, any_start in self._cores:
            if (core in word) if any_start else word.startswith(core):
                return False
        return english_zipf(word) >= self._real_word_zipf

    def _init_pieces(
        self,
        entries: Sequence[WordEntry],
        suffixes: Sequence[str],
        split_words: bool,
        reversed_words: bool,
        common_words: Sequence[str],
    ) -> None:
        """Gates for words split in two ("fu ck") and written backwards ("kcuf")."""
        plain = {
            form
            for entry in entries
            if not self._is_allowed(entry.word)  # "crap" allowed: so are "craps"
            for form in entry.forms(suffixes)
            if " " not in form and not self._is_allowed(form)
        }
        self._common = frozenset(
            word.lower().translate(_GATE_TABLE).replace(" ", "") for word in common_words
        )
        tails_of: dict[str, set[str]] = defaultdict(set)
        if split_words:
            for form in plain:
                for cut in range(MIN_PIECE, len(form) - MIN_PIECE + 1):
                    tails_of[gate_token(form[:cut])].add(gate_token(form[cut:]))
        self._tails_of = {head: frozenset(tails) for head, tails in tails_of.items()}
        # The gate: a first half that is not an ordinary word ("fu", "sh", "ph"), then a second
        # half that completes it. ("as shole", an ordinary first half, is let go: cheaper.)
        self._heads = frozenset(self._tails_of) - self._common
        # Plain spellings only (no doubled-letter variants): these gates stay small.
        self._reversed = frozenset(
            gate_token(form[::-1])
            for form in (plain if reversed_words else ())
            if len(form) >= MIN_REVERSED
        )
        self._pieces_gate = (
            self._heads | self._reversed if self._runs_pattern is not None else frozenset()
        )

    def _allowed(self, folded: str, start: int, end: int) -> bool:
        if not self._allow:
            return False
        while start > 0 and _TOKEN_CHARS.match(folded[start - 1]):
            start -= 1
        while end < len(folded) and _TOKEN_CHARS.match(folded[end]):
            end += 1
        return self._is_allowed(folded[start:end].strip("'!"))

    def _is_allowed(self, token: str) -> bool:
        """Whether ``token`` is an allowed word, perhaps stretched ("heeell"), but not a shorter
        word that only collapses to one ("twat" is not "twatt"), nor one written with symbols or
        digits for its letters: "cr@p", "h3ll" and "d*mn" hide the word from a filter, so they
        count as the listed word they spell (plain "crap" stands)."""
        length = self._allow.get(canonical(token))
        return length is not None and len(_letters(token)) >= length and not _disguised(token)

    def find(
        self,
        folded: str,
        runs: Sequence[SpacedRun] = (),
        gate: str | None = None,
        masked: Sequence[tuple[int, int, str]] = (),
        tokens: frozenset[str] | None = None,
    ) -> list[WordHit]:
        """Every listed word or phrase in ``folded`` (and in its spaced-out runs).

        ``gate`` is the message's :func:`gate_text` (None: run every pattern); ``masked`` its
        masked tokens (:func:`masked_tokens`).
        """
        hits: list[WordHit] = []
        if gate is None:
            tokens = None
        elif tokens is None:
            tokens = frozenset(gate.split())
        if self._whole is not None and (tokens is None or not tokens.isdisjoint(self._whole_gate)):
            for match in self._whole.finditer(folded):
                if not self._allowed(folded, match.start(), match.end()) and not self._real_word(
                    match.group()
                ):
                    hits.append(WordHit(match.start(), match.end(), match.group()))
        if self._inner is not None and (
            gate is None or (self._inner_gate is not None and self._inner_gate.search(gate))
        ):
            hits.extend(self._inner_hits(folded))
        for pattern in self._phrase_candidates(tokens):
            hits.extend(WordHit(m.start(), m.end(), m.group()) for m in pattern.finditer(folded))
        if runs and self._phrase_list:
            hits.extend(self._closed_phrases(folded))
        if self._targeted is not None and (
            tokens is None
            or not (tokens.isdisjoint(self._target_gate) or tokens.isdisjoint(self._targeted_gate))
        ):
            hits.extend(
                WordHit(m.start("hit"), m.end("hit"), m.group("hit"))
                for m in self._targeted.finditer(folded)
            )
        if (
            runs
            and self._targeted_word is not None
            and (tokens is None or not tokens.isdisjoint(self._target_gate))
        ):
            hits.extend(self._spaced_targeted(folded, runs))
        if self._targeted_after is not None and (
            tokens is None
            or not (tokens.isdisjoint(self._after_gate) or tokens.isdisjoint(self._targeted_gate))
        ):
            hits.extend(
                WordHit(m.start("hit"), m.end("hit"), m.group("hit"))
                for m in self._targeted_after.finditer(folded)
            )
        if masked and self._forms:
            hits.extend(self._masked(masked))
        if runs and self._runs_pattern is not None:
            hits.extend(self._spaced(runs))
        if self._pieces_gate and (tokens is None or not tokens.isdisjoint(self._pieces_gate)):
            if self._heads and self._may_be_split(tokens):
                hits.extend(self._split(folded))
            if self._reversed and (tokens is None or not tokens.isdisjoint(self._reversed)):
                hits.extend(self._backwards(folded))
        if masked and self._unmask_forms:
            unmasked = self._unmasked(folded, masked)
            if unmasked != folded:
                # "st*pid cow": the phrases and targeted words, with masked words read as spelt
                hits.extend(self.find(unmasked, (), gate_text(unmasked)))
        if len(hits) > 1:
            hits = list({(hit.start, hit.end): hit for hit in hits}.values())
        if hits and self._mention_words and ("'" in folded or '"' in folded):
            hits = [hit for hit in hits if not self._quoted_mention(folded, hit)]
        if hits and self._allow_phrases is not None:
            hits = self._outside_allowed_phrases(folded, hits)
        if hits and self._reporting is not None and '"' in folded:
            hits = self._outside_reported_speech(folded, hits)
        if hits and self._self_words and "like" in folded:
            hits = [hit for hit in hits if not self._self_simile(folded, hit)]
        return hits

    def _phrase_candidates(self, tokens: frozenset[str] | None) -> list[re.Pattern[str]]:
        """The phrase patterns whose words all occur among ``tokens`` (None: every one)."""
        if tokens is None:
            return [pattern for _, pattern in self._phrase_list]
        anchors = tokens & self._phrase_anchor_set
        if not anchors:
            return []
        candidates = [
            pattern
            for form in anchors
            for slots, pattern in self._phrase_anchor[form]
            if all(not tokens.isdisjoint(slot) for slot in slots)
        ]
        return list(dict.fromkeys(candidates)) if len(candidates) > 1 else candidates

    def _closed_phrases(self, folded: str) -> list[WordHit]:
        """Phrases with a word spelt out letter by letter: "imagine being this d u m b" is
        matched with the gaps between single letters closed, and mapped back."""
        closed, offsets = close_letter_gaps(folded)
        if len(closed) == len(folded):
            return []
        gate = gate_text(closed)
        tokens = frozenset(gate.split()) if gate is not None else None
        return [
            WordHit(offsets[m.start()], offsets[m.end() - 1] + 1, m.group())
            for pattern in self._phrase_candidates(tokens)
            for m in pattern.finditer(closed)
            if m.end() > m.start()
        ]

    def _unmasked(self, folded: str, masked: Sequence[tuple[int, int, str]]) -> str:
        """``folded`` with each masked token that fits one phrase word read as that word."""
        text = folded
        for start, end, token in masked:
            if sum(char not in MASKS for char in token) < MIN_PIECE:
                continue
            fits = [
                form
                for form in self._unmask_forms.get((len(token), token[0]), ())
                if all(t in MASKS or t == f for t, f in zip(token, form, strict=True))
            ]
            if len(fits) == 1:
                text = text[:start] + fits[0] + text[end:]
        return text

    def _quoted_mention(self, folded: str, hit: WordHit) -> bool:
        """Whether the hit is a word in quotation marks that the sentence talks about: "Calling
        opponents 'idiots' is a new low" (a word of ``mention_words`` outside the quotes). Said
        to the reader ("calling you an 'idiot'": a word of ``targets``) it stands as abuse."""
        if hit.start == 0 or hit.end >= len(folded):
            return False
        quote = folded[hit.start - 1]
        if quote not in "'\"" or folded[hit.end] != quote:
            return False
        if hit.start > 1 and folded[hit.start - 2].isalnum():
            return False  # an apostrophe inside a word
        sentence_start = max(folded.rfind(mark, 0, hit.start) for mark in ".!?;\n") + 1
        ends = [folded.find(mark, hit.end) for mark in ".!?;\n"]
        sentence_end = min([end for end in ends if end >= 0] or [len(folded)])
        words = {
            word.replace("'", "")
            for word in _SELF_WORD.findall(
                folded[sentence_start : hit.start - 1] + " " + folded[hit.end + 1 : sentence_end]
            )
        }
        return not words.isdisjoint(self._mention_words) and words.isdisjoint(self._target_words)

    def _self_simile(self, folded: str, hit: WordHit) -> bool:
        """Whether the hit is "like a|an <word>" said of the writer: "I changed every password
        at 3am like an idiot". The nearest pronoun before "like" in the sentence must be in
        ``self_words``, with no word of ``others_words`` ("you", "he", "is", "think": "I think
        he acts like an idiot") between them."""
        sentence_start = max(folded.rfind(mark, 0, hit.start) for mark in ".!?;\n") + 1
        before = _SELF_WORD.findall(folded[sentence_start : hit.start])
        if len(before) < 3 or before[-1] not in ("a", "an") or before[-2] != "like":
            return False
        for word in reversed(before[:-2]):
            word = word.replace("'", "")
            if word in self._others_words:
                return False
            if word in self._self_words:
                return True
        return False

    def _outside_reported_speech(self, folded: str, hits: list[WordHit]) -> list[WordHit]:
        """Drop hits inside a quotation that the text reports: 'the suspect shouted "I'll kill
        you all"' quotes a threat, it does not make one."""
        assert self._reporting is not None
        quotes = [(m.start(), m.end()) for m in _QUOTATION.finditer(folded)]
        if not quotes:
            return hits
        outside = list(folded)
        for start, end in quotes:
            outside[start:end] = " " * (end - start)
        if self._reporting.search("".join(outside)) is None:
            return hits
        return [
            hit
            for hit in hits
            if not any(start < hit.start and hit.end < end for start, end in quotes)
        ]

    def _outside_allowed_phrases(self, folded: str, hits: list[WordHit]) -> list[WordHit]:
        """Drop hits inside an allowed phrase ("Pussy Riot", "a chink in the armour")."""
        assert self._allow_phrases is not None
        spans = [(m.start(), m.end()) for m in self._allow_phrases.finditer(folded)]
        if not spans:
            return hits
        return [
            hit
            for hit in hits
            if not any(start <= hit.start and hit.end <= end for start, end in spans)
        ]

    def _spaced_targeted(self, folded: str, runs: Sequence[SpacedRun]) -> list[WordHit]:
        """Targeted words spelt out letter by letter right after a target: "you s.t.u.p.i.d"."""
        assert self._targeted_word is not None
        assert self._target_lead is not None
        hits: list[WordHit] = []
        for run in runs:
            for first in (0, 1) if run.trim else (0,):
                joined = run.joined[first:]
                start = run.positions[first]
                if self._targeted_word.fullmatch(joined) and self._target_lead.search(
                    folded, max(0, start - 80), start
                ):
                    hits.append(WordHit(start, run.positions[-1] + 1, joined))
                    break
        return hits

    def _may_be_split(self, tokens: frozenset[str] | None) -> bool:
        """Whether two neighbouring tokens may be the halves of a listed word."""
        if tokens is None:
            return True
        if tokens.isdisjoint(self._heads):
            return False
        return any(not tokens.isdisjoint(self._tails_of[head]) for head in tokens & self._heads)

    def _split(self, folded: str) -> list[WordHit]:
        """Listed words cut in two by a space or a symbol: "fu ck", "ph uck", "bull shit"."""
        assert self._runs_pattern is not None
        hits: list[WordHit] = []
        for first, second in itertools.pairwise(_PIECE.finditer(folded)):
            head, tail = first.group(), second.group()
            if len(head) < MIN_PIECE or len(tail) < MIN_PIECE:
                continue  # single letters are spaced runs ("f u c k")
            if gate_token(head) in self._common:
                continue  # "who re-elected" is not "whore"
            if not _PIECE_GAP.fullmatch(folded, first.end(), second.start()):
                continue
            if gate_token(tail) not in self._tails_of.get(gate_token(head), ()):
                continue
            if self._runs_pattern.fullmatch(tail) or self._runs_pattern.fullmatch(head):
                continue  # "bull shit": the half alone is already a hit
            joined = head + tail
            if self._runs_pattern.fullmatch(joined) and not self._is_allowed(joined):
                hits.append(WordHit(first.start(), second.end(), f"{head} {tail}"))
        return hits

    def _backwards(self, folded: str) -> list[WordHit]:
        """Listed words written backwards: "kcuf", "tihs"."""
        assert self._runs_pattern is not None
        hits: list[WordHit] = []
        for piece in _PIECE.finditer(folded):
            word = piece.group()
            if len(word) < MIN_REVERSED or self._is_allowed(word):
                continue
            if gate_token(word) not in self._reversed:
                continue
            backwards = word[::-1]
            if self._real_word(word):
                continue  # "knaw", "tips": an ordinary word that reads as a listed one backwards
            if self._runs_pattern.fullmatch(backwards) and not self._is_allowed(backwards):
                hits.append(WordHit(piece.start(), piece.end(), word))
        return hits

    def _inner_hits(self, folded: str) -> list[WordHit]:
        assert self._inner is not None
        hits = []
        runs: _AlnumRuns | None = None
        tokens: dict[tuple[int, int], bool] = {}  # a token's span -> whether it may stand
        for match in self._inner.finditer(folded):
            # the match widened to the letters and digits around it: the token it sits in
            runs = runs or _AlnumRuns(folded)
            start, end = runs.left(match.start()), runs.right(match.end())
            token = folded[start:end]
            word = canonical(match.group())
            allowed = False
            for entry in self._inner_entries:
                if canonical(entry.word) != word:
                    continue
                starts_ok = entry.any_start or start == match.start()
                ends_ok = entry.any_end or end == match.end()
                allowed = not (starts_ok and ends_ok)
                break
            if not allowed:
                stands = tokens.get((start, end))
                if stands is None:  # (a long token may hold a thousand matches)
                    stands = tokens[start, end] = self._is_allowed(token) or self._real_word(token)
                if not stands:
                    hits.append(WordHit(start, end, token))
        return hits

    def _masked(self, masked: Sequence[tuple[int, int, str]]) -> list[WordHit]:
        hits: list[WordHit] = []
        for start, end, token in masked:
            if sum(char not in MASKS for char in token) < 2:
                continue
            # "$#!t" -> "s#it" (same length); a token without a letter is a number ("45%")
            letters = token.translate(_UNLEET) if _HAS_LETTER.search(token) else token
            fitted = False
            for form in self._forms.get((len(letters), letters[0]), ()):
                if all(t in MASKS or t == f for t, f in zip(letters, form, strict=True)):
                    fitted = True
                    if not self._is_allowed(token):
                        hits.append(WordHit(start, end, token))
                    break
            if not fitted and self._inner_entries and self._masked_inside(letters):
                hits.append(WordHit(start, end, token))
        return hits

    def _masked_inside(self, token: str) -> bool:
        """Whether a masked "*word*" entry sits inside a longer token: "clusterf**k" ("*fuck*"),
        "f**kwit". The masked piece must keep the word's first and last letters, and its masks
        must be symbols ("_" joins the words of names: "friends_of_kyiv", "golf_kid")."""
        for entry in self._inner_entries:
            word = entry.word
            last = len(token) - len(word)
            for index in range(last + 1):
                if (index > 0 and not entry.any_start) or (index < last and not entry.any_end):
                    continue
                piece = token[index : index + len(word)]
                if (
                    piece[0] == word[0]
                    and piece[-1] == word[-1]
                    and any(char in INNER_MASKS for char in piece)
                    and all(p in INNER_MASKS or p == w for p, w in zip(piece, word, strict=True))
                ):
                    return True
        return False

    def _spaced(self, runs: Sequence[SpacedRun]) -> list[WordHit]:
        assert self._runs_pattern is not None
        hits: list[WordHit] = []
        for run in runs:
            # also without a leading/trailing single word: "you're a m o r o n" -> "amoron"
            ends: tuple[tuple[int, int], ...] = ((0, len(run.joined)),)
            if run.trim:
                ends += ((1, len(run.joined)), (0, len(run.joined) - 1))
            for first, last in ends:
                joined = run.joined[first:last]
                if self._runs_pattern.fullmatch(joined) and not self._is_allowed(joined):
                    start, end = run.positions[first], run.positions[last - 1] + 1
                    hits.append(WordHit(start, end, joined))
                    break
        return hits


# --- words of other languages ------------------------------------------------------------------

_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_LANGUAGE_WORDS = 2  # a message needs this many words that read as the language
MIN_LANGUAGE_SHARE = 0.6  # ... and this share of its words


def language_zipf(word: str, language: str) -> float:
    """How common ``word`` is in ``language`` (wordfreq's bundled lists; 0.0 if unknown)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency; degrade gracefully
        return 0.0
    return float(zipf_frequency(word, language))


def known_languages() -> frozenset[str]:
    """The language codes wordfreq has word lists for (empty without wordfreq)."""
    try:
        from wordfreq import available_languages
    except ImportError:  # pragma: no cover - wordfreq is a dependency; degrade gracefully
        return frozenset()
    return frozenset(available_languages(wordlist="small"))


class ForeignWords:
    """Listed words that are ordinary words of another language: "slut" is "end" in Swedish
    and Danish, "slutt" in Norwegian. Such a word, written plainly, stands in a message written
    in that language: at least ``MIN_LANGUAGE_WORDS`` of its other words, and
    ``MIN_LANGUAGE_SHARE`` of them, more common in that language than in English ("Når er
    krigen slutt?"); "you slut" stays a swear word. Only consulted for hits (rare), so the
    word-frequency look-ups cost nothing on clean text."""

    def __init__(self, words: Mapping[str, Sequence[str]]) -> None:
        self._languages: dict[str, tuple[str, ...]] = defaultdict(tuple)
        for language, entries in words.items():
            for entry in entries:
                key = entry.lower()
                self._languages[key] = (*self._languages[key], language.lower())

    def __bool__(self) -> bool:
        return bool(self._languages)

    def stands(self, original: str, start: int, end: int) -> bool:
        """Whether ``original[start:end]`` is a listed foreign word in a message of its
        language."""
        word = original[start:end].lower()
        languages = self._languages.get(word)
        if not languages:
            return False
        others = [w.lower() for w in _LETTER_WORD.findall(original[:start] + " " + original[end:])]
        if len(others) < MIN_LANGUAGE_WORDS:
            return False
        english = [language_zipf(w, "en") for w in others]
        for language in languages:
            native = sum(
                language_zipf(w, language) > zipf for w, zipf in zip(others, english, strict=True)
            )
            if native >= MIN_LANGUAGE_WORDS and native >= MIN_LANGUAGE_SHARE * len(others):
                return True
        return False
