"""Undo disguises before matching, keeping a map back to the original text for redaction.

:func:`fold` lower-cases, applies NFKD compatibility folding (full-width letters, ligatures),
drops zero-width and other format characters and combining marks (accents, Zalgo), maps
Cyrillic/Greek look-alike letters to Latin, reads the digits of every script as ASCII digits
(Arabic-Indic "٠٧٧" is "077") and pictographs between letters as spaces.
Leetspeak and repeated letters are left in place: the word patterns accept them (see
:mod:`bot.core.moderation.words`), so that digits stay digits for the phone and e-mail rules.
Pure-ASCII text (most chat) takes a fast path with no per-character work.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Look-alike characters -> Latin, as "<look-alike><latin>" pairs (normalisation data, not a word
# list). Latin letters with strokes, small capitals and the like are handled by name, below.
_PAIRS = (
    # Cyrillic
    "аa вb еe ёe кk мm нh оo рp сc тt уy хx ѕs іi їi јj ԁd ɡg һh ӏl ԛq ԝw үy ьb пn гr иu цu "
    "лn з3 ч4 шw дd фf "
    # Greek
    "αa βb γy δd εe ζz ηn ιi κk μu νv οo ρp ςs σo τt υu χx ωw ϲc ϳj "
    # Armenian (Unicode's confusables for Latin letters)
    "սu օo ոn հh զq ցg "
    # Latin letters that are not named after the letter they look like
    "ɑa ɩi ɛe ȷj ʋu ꞵb ɾr ꭓx "
    # symbols that stand for letters or punctuation
    "’' ‘' ʼ' ‛' `' ´' “\" ”\" „\" ‐- ‑- ‒- –- —- −- ﹣- ・. ·. 。. •. ∙. ＠@"
)
CONFUSABLES: dict[str, str] = {pair[0]: pair[1:] for pair in _PAIRS.split()}
CONFUSABLES.update({"ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})
# Capitals that look like a different Latin letter than their small forms do: Greek "Η" is an H
# but "η" an n, "Μ" an M but "μ" a u ("ΒULLЅΗΙΤ"). Checked before lower-casing.
CAPITAL_CONFUSABLES: dict[str, str] = {"Η": "h", "Μ": "m", "Ν": "n", "Υ": "y", "Ϲ": "c"}
# Armenian, Cherokee and Lisu capitals that look like Latin ones (Cherokee capitals lower-case to
# small Cherokee letters that look like nothing Latin, so they are mapped first).
_CAPITAL_PAIRS = (
    "Սu Օo Տs Լl Ցg Ոn "
    "Ꭺa Ᏼb Ꮯc Ꭰd Ꭼe Ꮐg Ꮋh Ꭵi Ꭻj Ꮶk Ꮮl Ꮇm Ꮲp Ꭱr Ꮪs Ꭲt Ꮩv Ꮃw Ꮓz Ꮤw "
    "ꓮa ꓐb ꓚc ꓓd ꓰe ꓝf ꓖg ꓧh ꓲi ꓙj ꓗk ꓡl ꓟm ꓠn ꓳo ꓑp ꓣr ꓢs ꓔt ꓴu ꓦv ꓪw ꓫx ꓬy ꓜz"
)
CAPITAL_CONFUSABLES.update({pair[0]: pair[1:] for pair in _CAPITAL_PAIRS.split()})
# Small Cherokee letters (typed directly) look like their capitals.
CAPITAL_CONFUSABLES.update(
    {key.lower(): value for key, value in list(CAPITAL_CONFUSABLES.items()) if "Ꭰ" <= key <= "Ᏽ"}
)
_LATIN_NAME = re.compile(
    r"(?:LATIN|REGIONAL INDICATOR SYMBOL).*LETTER (?:SMALL CAPITAL )?([A-Z])(?: WITH .*)?$"
)


# Pictographs (emoji, arrows, dingbats) between two letters cut a word in pieces like a space:
# "f🤬u🤬c🤬k" reads "f u c k" (each becomes one space, so positions stay put).
_PICTOGRAPHS_IN_WORD = re.compile(r"(?<=[^\W\d_])[\u2190-\u2bff\U0001f000-\U0001faff]+(?=[^\W\d_])")


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


@dataclass(frozen=True, slots=True)
class Folded:
    """A text and its folded form; ``offsets[i]`` is the original index of folded character i."""

    original: str
    folded: str
    offsets: tuple[int, ...] | None  # None: same length and positions as the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to the original text."""
        if self.offsets is None:
            return start, end
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        orig_start = self.offsets[start]
        orig_end = self.offsets[end] if end < len(self.offsets) else len(self.original)
        return orig_start, max(orig_end, orig_start + 1)


@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """Fold one non-ASCII character (may return "" or several characters)."""
    capital = CAPITAL_CONFUSABLES.get(char)
    if capital is not None:
        return capital
    lowered = char.lower()
    out: list[str] = []
    for piece in unicodedata.normalize("NFKD", lowered):
        mapped = CONFUSABLES.get(piece)
        if mapped is not None:
            out.append(mapped)
            continue
        category = unicodedata.category(piece)
        if category == "Nd":  # a digit of another script: Arabic-Indic, Devanagari, ...
            out.append(str(unicodedata.decimal(piece)))
            continue
        if category in ("Mn", "Me", "Cf", "Cc") and piece not in "\n\t":
            continue  # combining marks, zero-width and other invisible characters
        if category == "Zs":
            out.append(" ")
            continue
        if category.startswith("L") or category == "So":
            named = _LATIN_NAME.search(unicodedata.name(piece, ""))
            if named:
                out.append(named.group(1).lower())
                continue
        out.append(piece.lower())
    return "".join(out)


# A capital I right after a small letter stands for an "l" ("kiII", "biIIshit"): in a word
# written in small letters it is the look-alike of "l", not the pronoun or a capital.
_CAPITAL_I_FOR_L = re.compile(r"I(?<=[a-z]I)I*")


def _small_l(match: re.Match[str]) -> str:
    return "l" * len(match.group())


def _capital_i_as_l(text: str) -> str:
    """``text`` with capital I after a small letter read as "l" (same length)."""
    if "I" not in text or _CAPITAL_I_FOR_L.search(text) is None:
        return text
    return _CAPITAL_I_FOR_L.sub(_small_l, text)


def fold(text: str) -> Folded:
    """Return the folded form of ``text`` with the map back to it."""
    if text.isascii():
        if "I" in text and _CAPITAL_I_FOR_L.search(text) is not None:
            return Folded(text, _CAPITAL_I_FOR_L.sub(_small_l, text).lower(), None)
        return Folded(text, text.lower(), None)
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(_capital_i_as_l(text)):
        if char.isascii():
            chars.append(char.lower())
            offsets.append(index)
            continue
        for piece in _fold_char(char):
            chars.append(piece)
            offsets.append(index)
    folded = _PICTOGRAPHS_IN_WORD.sub(_spaces, "".join(chars))
    return Folded(text, folded, tuple(offsets))


# Runs of single characters separated by spaces/dots/dashes: "f u c k", "k.y.s", "s-h-i-t".
_SPACED_RUN = re.compile(r"(?<![^\W_])(?:[^\W_$@!|*][ .\-_*/\\,~+]{1,3}){2,}[^\W_$@!|*](?![^\W_])")
# One-letter gate tokens (leet digits are letters in gate text; "2" and "6" stand for none).
_SINGLES = frozenset("abcdefghijklmnopqrstuvwxyz")
_WORDS_OF_ONE = frozenset("ai")  # "a" and "i" alone make no run worth searching
_RUN_SEPARATORS = re.compile(r"[ .\-_*/\\,~+]+")


@dataclass(frozen=True, slots=True)
class SpacedRun:
    """A run of spaced-out single characters, joined, with the folded index of each kept one."""

    joined: str
    positions: tuple[int, ...]
    trim: bool = True  # may drop one leading/trailing letter ("a m o r o n" -> "moron")


def spaced_runs(folded: str, tokens: frozenset[str] | None = None) -> list[SpacedRun]:
    """Find runs like "f u c k" in folded text and return them joined ("fuck").

    ``tokens`` (the text's gate tokens, if known) skip the search when fewer than two distinct
    one-letter words occur, or only "a" and "i".
    """
    runs: list[SpacedRun] = []
    if tokens is not None:
        singles = tokens & _SINGLES
        if len(singles) < 2 or singles <= _WORDS_OF_ONE:
            return runs
    for match in _SPACED_RUN.finditer(folded):
        positions = tuple(
            match.start() + i
            for i, char in enumerate(match.group())
            if not _RUN_SEPARATORS.fullmatch(char)
        )
        runs.append(SpacedRun("".join(folded[p] for p in positions), positions))
        runs.extend(_words_of_run(folded, positions))
    return runs


def _words_of_run(folded: str, positions: tuple[int, ...]) -> list[SpacedRun]:
    """The words of a spaced-out phrase whose words are set apart by wider gaps than its letters:
    "y o u  a r e  a  m o r o n" -> "you", "are", "moron" (pieces of one letter are dropped)."""
    gaps = [after - before for before, after in itertools.pairwise(positions)]
    narrow = min(gaps)
    if max(gaps) == narrow:
        return []
    words: list[SpacedRun] = []
    start = 0
    for index, gap in enumerate([*gaps, 0]):
        if gap > narrow or index == len(gaps):
            piece = positions[start : index + 1]
            if len(piece) > 1:
                words.append(SpacedRun("".join(folded[p] for p in piece), piece, trim=False))
            start = index + 1
    return words


# "-" or "." between letters: a masked letter ("f-ck", "sh.t") or a word cut in pieces ("sh-i-t").
# The scan starts with a two-character class, so it is fast; most texts have no such separator.
_SOFT_SEPARATOR = re.compile(r"[.\-](?<=[^\W\d_][.\-])[^\W\d_]")
# The same, with a piece of one or two letters on either side (the quick test).
_SHORT_PIECE = re.compile(
    r"[.\-](?:(?<=[^\W\d_][.\-])[^\W\d_]{1,2}(?![^\W_])"
    r"|(?<=(?<![^\W_])[^\W\d_][.\-])(?=[^\W\d_])"
    r"|(?<=(?<![^\W_])[^\W\d_]{2}[.\-])(?=[^\W\d_]))"
)
_COMPOUND = re.compile(r"[^\W\d_]+(?:[.\-][^\W\d_]+)+")
_SOFT_SPLIT = re.compile(r"[.\-]")
MAX_SHORT_PIECE = 2
MAX_PIECE_SCAN = 200  # how far before the first short piece its compound may start


@dataclass(frozen=True, slots=True)
class Compound:
    """Letters joined by "-" or "." ("sh-i-t", "f-ck", "bbc.co.uk"): its span and its pieces."""

    start: int
    end: int
    pieces: tuple[str, ...]

    def run(self) -> SpacedRun:
        """The pieces joined, as a run that must match whole ("sh-i-t" -> "shit")."""
        positions: list[int] = []
        index = self.start
        for piece in self.pieces:
            positions.extend(range(index, index + len(piece)))
            index += len(piece) + 1  # each separator is one character
        return SpacedRun("".join(self.pieces), tuple(positions), trim=False)

    def masked(self) -> tuple[int, int, str] | None:
        """Two pieces read as one word with a masked letter ("f-ck" -> "f*ck"), or None."""
        if len(self.pieces) != 2:
            return None
        return self.start, self.end, "*".join(self.pieces)


def compounds(folded: str) -> list[Compound]:
    """Words of letters joined by "-" or "." that stand alone (no digit or "_" either side).

    Only compounds with a piece of at most two letters are kept: a disguise cuts a word into
    short bits ("f-ck", "sh-i-t"), while "russia-ukraine" or "apnews.com" are ordinary.
    """
    found: list[Compound] = []
    first = _SHORT_PIECE.search(folded)
    if first is None:
        return found
    position = 0
    for separator in _SOFT_SEPARATOR.finditer(folded, max(0, first.start() - MAX_PIECE_SCAN)):
        if separator.start() < position:
            continue
        left = separator.start()
        while left > 0 and folded[left - 1].isalpha():
            left -= 1
        match = _COMPOUND.match(folded, left)
        if match is None:  # pragma: no cover - the separator sits between two letters
            continue
        position = match.end()
        if (left > 0 and (folded[left - 1].isalnum() or folded[left - 1] == "_")) or (
            position < len(folded) and (folded[position].isalnum() or folded[position] == "_")
        ):
            continue  # "f-16", "sh.t2": part of a code or a number
        pieces = _SOFT_SPLIT.split(match.group())
        if min(map(len, pieces)) <= MAX_SHORT_PIECE:
            found.append(Compound(left, position, tuple(pieces)))
    return found


# A space or "-" between two single characters ("j o h n @ g m a i l . c o m",
# "j-o-h-n-@-a-o-l-.-c-o-m"); a character is single when spaces, "-" or the ends surround it.
_GAP = re.compile(r"(?<=(?<![^\s\-])[^\s\-])[ \-](?=[^\s\-](?![^\s\-]))")


def close_gaps(text: str) -> tuple[str, list[int]]:
    """``text`` without the spaces and dashes between single characters, and each kept
    character's index."""
    gaps = {match.start() for match in _GAP.finditer(text)}
    offsets = [index for index in range(len(text)) if index not in gaps]
    return "".join(text[index] for index in offsets), offsets


# A space between two single letters ("this d u m b."): a letter is single when no letter or
# digit touches it (punctuation may: "b." ends the word).
_LETTER_GAP = re.compile(r"(?<=(?<![^\W_])[^\W\d_]) (?=[^\W\d_](?![^\W_]))")


def close_letter_gaps(text: str) -> tuple[str, list[int]]:
    """``text`` with words spelt letter by letter joined ("c h e a p  v i a g r a" -> "cheap
    viagra"), and each kept character's index."""
    gaps = {match.start() for match in _LETTER_GAP.finditer(text)}
    if not gaps:
        return text, list(range(len(text)))
    offsets = [index for index in range(len(text)) if index not in gaps]
    return "".join(text[index] for index in offsets), offsets


# Leetspeak inside words, for patterns written in plain letters: "e@rn m0ney f@st" reads "earn
# money fast", "2oo$" reads "200$", "d.m me" reads "dm me". A word that starts with a letter has
# its digits and symbols read as letters; a number with O for 0 has them read as 0; handles
# ("@name") and amounts ("$5,000", "5k") stay as they are.
# (the gate: a symbol or digit between two letters, O after a digit, or "d.m"; not "2nd", "5pm")
_LEET_GATE = re.compile(r"[a-z][0-9@$!|]+[a-z]|[0-9]o|\bd\.m\b")
_LEET_TOKEN = re.compile(r"(?<![\w@$!|])[a-z0-9@$!|]+")
_LEET_LETTERS = str.maketrans("0134578@$!|", "oieastbasil")
_NUMBER_WITH_O = re.compile(r"\$?[0-9][0-9o]*o[0-9o]*(?:k|\$)?")
_DOTTED_DM = re.compile(r"\bd\.m\b")


def _read_leet_token(match: re.Match[str]) -> str:
    token = match.group()
    first = token[0]
    if first.isdigit() or (first == "$" and token[1:2].isdigit()):
        return token.replace("o", "0") if _NUMBER_WITH_O.fullmatch(token) else token
    if first == "@" or token.isalpha() or not any(char.isalpha() for char in token):
        return token
    return token.translate(_LEET_LETTERS)


def read_leet(text: str) -> str:
    """``text`` (folded) with leetspeak inside words read as letters (same length)."""
    if _LEET_GATE.search(text) is None:
        return text
    text = _LEET_TOKEN.sub(_read_leet_token, text)
    if "d.m" in text:
        text = _DOTTED_DM.sub("dm ", text)
    return text
