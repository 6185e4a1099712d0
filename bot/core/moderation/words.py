"""Compile the word lists of the rules file into fast regular expressions over folded text.

Each letter of a listed word becomes a character class that also accepts its leetspeak forms
(``s`` -> ``[s5$]``) and may repeat ("fuuuck"). Words are matched whole (so "class" never matches
"ass"), grouped by their first letter into one alternation per rule, and compiled once. Masked
tokens ("f*ck", "a**hole") and spaced-out runs ("f u c k") take a slower path that only runs when
such a token is present.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.moderation.normalize import SpacedRun

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
_MASKED_TOKEN = re.compile(r"(?<![^\W_*])[^\W_][\w*]*\*[\w*]*(?![^\W_*])")
_TOKEN_CHARS = re.compile(r"[\w$@!|*']")


def canonical(word: str) -> str:
    """Undo leetspeak and collapse repeated letters (used to compare with the allow list)."""
    return _REPEATS.sub(r"\1", word.lower().translate(_UNLEET))


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


def parse_phrase(phrase: str) -> str:
    """Compile a phrase ("i|we will? find you .") to a regex (raises ValueError when malformed)."""
    tokens = phrase.lower().split()
    if not tokens:
        raise ValueError("a phrase must not be empty")
    ends_clause = tokens[-1] == "."
    if ends_clause:
        tokens = tokens[:-1]
    parts: list[str] = []
    for position, token in enumerate(tokens):
        optional = token.endswith("?") and len(token) > 1
        token = token.removesuffix("?")
        options = [option for option in token.split("|") if option]
        if not options or not all(re.fullmatch(r"[a-z0-9']+", option) for option in options):
            raise ValueError(
                f"phrase {phrase!r}: word {token!r} must be letters, with | between alternatives"
            )
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
    ) -> None:
        entries = [WordEntry.parse(word) for word in words]
        suffix_regex = ""
        if suffixes:
            suffix_regex = _alternation(word_regex(s) for s in suffixes) + "?"
        grouped: dict[str, list[str]] = defaultdict(list)
        inner: list[str] = []
        for entry in entries:
            units = _letter_units(entry.word)
            tail = suffix_regex if entry.suffixes else (r"[^\W_]*" if entry.any_end else "")
            if entry.any_start:
                inner.append((r"[^\W_]*" if entry.any_end else "") + "".join(units) + tail)
                continue
            grouped[units[0]].append("".join(units[1:]) + tail + WORD_END)
        whole = "|".join(
            head + (_alternation(rests) if len(rests) > 1 else f"(?:{rests[0]})")
            for head, rests in sorted(grouped.items())
        )
        self._whole = re.compile(WORD_START + f"(?:{whole})") if whole else None
        self._inner = re.compile(_alternation(inner)) if inner else None
        compiled_phrases = [parse_phrase(phrase) for phrase in phrases]
        self._phrases = (
            re.compile(WORD_START + _alternation(compiled_phrases) + WORD_END)
            if compiled_phrases
            else None
        )
        self._targeted = None
        if targeted and targets:
            targeted_regex = _alternation(word_regex(w) for w in targeted)
            filler_regex = _alternation(
                [word_regex(w) for w in fillers] + [word_regex(w) for w in targeted]
            )
            self._targeted = re.compile(
                WORD_START
                + _alternation(word_regex(t) for t in targets)
                + f"(?:{SEPARATOR}{filler_regex}){{0,{max(0, target_gap)}}}"
                + f"{SEPARATOR}(?P<hit>{targeted_regex}){WORD_END}"
            )
        self._allow = frozenset(canonical(word) for word in allow)
        self._forms: dict[int, list[str]] = defaultdict(list)
        for entry in entries:
            for form in entry.forms(suffixes):
                if " " not in form:
                    self._forms[len(form)].append(form)
        self._runs_pattern = (
            re.compile("|".join(p.pattern for p in (self._whole, self._inner, self._phrases) if p))
            if (self._whole or self._inner or self._phrases)
            else None
        )

    def _allowed(self, folded: str, start: int, end: int) -> bool:
        if not self._allow:
            return False
        while start > 0 and _TOKEN_CHARS.match(folded[start - 1]):
            start -= 1
        while end < len(folded) and _TOKEN_CHARS.match(folded[end]):
            end += 1
        return canonical(folded[start:end].strip("'!")) in self._allow

    def find(self, folded: str, runs: Sequence[SpacedRun] = ()) -> list[WordHit]:
        """Every listed word or phrase in ``folded`` (and in its spaced-out runs)."""
        hits: list[WordHit] = []
        for pattern in (self._whole, self._inner):
            if pattern is None:
                continue
            for match in pattern.finditer(folded):
                if not self._allowed(folded, match.start(), match.end()):
                    hits.append(WordHit(match.start(), match.end(), match.group()))
        if self._phrases is not None:
            hits.extend(
                WordHit(m.start(), m.end(), m.group()) for m in self._phrases.finditer(folded)
            )
        if self._targeted is not None:
            hits.extend(
                WordHit(m.start("hit"), m.end("hit"), m.group("hit"))
                for m in self._targeted.finditer(folded)
            )
        if "*" in folded and self._forms:
            hits.extend(self._masked(folded))
        if runs and self._runs_pattern is not None:
            hits.extend(self._spaced(runs))
        return hits

    def _masked(self, folded: str) -> list[WordHit]:
        hits: list[WordHit] = []
        for match in _MASKED_TOKEN.finditer(folded):
            token = match.group()
            if sum(char != "*" for char in token) < 2:
                continue
            for form in self._forms.get(len(token), ()):
                if token[0] == form[0] and all(
                    t == "*" or t == f for t, f in zip(token, form, strict=True)
                ):
                    if canonical(form) not in self._allow:
                        hits.append(WordHit(match.start(), match.end(), token))
                    break
        return hits

    def _spaced(self, runs: Sequence[SpacedRun]) -> list[WordHit]:
        assert self._runs_pattern is not None
        hits: list[WordHit] = []
        for run in runs:
            match = self._runs_pattern.search(run.joined)
            if match and canonical(run.joined) not in self._allow:
                start, end = run.positions[0], run.positions[-1] + 1
                hits.append(WordHit(start, end, run.joined))
        return hits
