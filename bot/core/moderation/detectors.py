"""Content detectors: each finds rule-breaking spans in one folded message.

A detector's :meth:`find` takes a :class:`Scan` (the folded text, computed once per message) and
returns :class:`Hit` objects in folded coordinates; the moderator maps them back to the original
text. Detectors are built from the rules file by :mod:`bot.core.moderation.rules` and never
change afterwards, so one instance is shared by every check.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import regex

from bot.core.moderation.normalize import (
    Compound,
    Folded,
    SpacedRun,
    close_gaps,
    close_letter_gaps,
    compounds,
    fold,
    read_leet,
    spaced_runs,
)
from bot.core.moderation.words import (
    _GATE_TABLE,
    WORD_END,
    WORD_START,
    ForeignWords,
    WordMatcher,
    _slot_forms,
    gate_text,
    gate_token,
    masked_tokens,
    parse_phrase,
)
from bot.core.text import english_zipf

log = logging.getLogger(__name__)

STARS = "*"  # redact by starring the span
_DOTTED = re.compile(r"\.(?<=[a-z0-9]\.)[a-z]")  # starts with a literal: fast scan


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule-breaking span of the folded text, why it breaks the rule, and how to redact it."""

    start: int
    end: int
    reason: str
    redact: str = STARS  # "*" stars the span; any other text replaces it


@dataclass(slots=True)
class Scan:
    """One message prepared for the detectors (folded once, spaced runs found on demand)."""

    folded: Folded
    _runs: list[SpacedRun] | None = field(default=None)
    _gate: str | None = field(default=None)
    _tokens: frozenset[str] | None = field(default=None)
    _gated: bool = False
    _word_count: int = 0
    _masked: list[tuple[int, int, str]] | None = field(default=None)
    _compounds: list[Compound] | None = field(default=None)

    @classmethod
    def of(cls, text: str) -> Scan:
        """Prepare ``text``."""
        return cls(fold(text))

    @property
    def text(self) -> str:
        """The folded text."""
        return self.folded.folded

    @property
    def runs(self) -> list[SpacedRun]:
        """Spaced-out runs of single letters ("f u c k") in the folded text."""
        if self._runs is None:
            self._runs = spaced_runs(self.folded.folded, self.tokens)
            # "sh-i-t": pieces joined by "-" or "." (all-single-letter ones are spaced runs)
            self._runs.extend(
                c.run() for c in self.compounds if any(len(piece) > 1 for piece in c.pieces)
            )
        return self._runs

    @property
    def compounds(self) -> list[Compound]:
        """Letters joined by "-" or "." ("f-ck", "sh-i-t", "bbc.co.uk")."""
        if self._compounds is None:
            self._compounds = compounds(self.folded.folded)
        return self._compounds

    @property
    def gate(self) -> str | None:
        """Gate text of the folded text (None: the gate cannot judge this text)."""
        if not self._gated:
            self._gate = gate_text(self.folded.folded)
            if self._gate is not None:
                words = self._gate.split()
                self._tokens = frozenset(words)
                self._word_count = len(words)
            self._gated = True
        return self._gate

    @property
    def tokens(self) -> frozenset[str] | None:
        """Gate tokens (None: the gate cannot judge this text)."""
        if not self._gated:
            _ = self.gate
        return self._tokens

    @property
    def word_count(self) -> int | None:
        """How many gate tokens the text has, repeats included (None: the gate cannot judge)."""
        if not self._gated:
            _ = self.gate
        return self._word_count if self._tokens is not None else None

    @property
    def masked(self) -> list[tuple[int, int, str]]:
        """Tokens with masked letters ("f*ck")."""
        if self._masked is None:
            self._masked = masked_tokens(self.folded.folded)
            for compound in self.compounds:  # "f-ck", "sh.t": "-" or "." for one letter
                masked = compound.masked()
                if masked is not None:
                    self._masked.append(masked)
        return self._masked


class Detector(Protocol):
    """Finds rule-breaking spans in a message."""

    def find(self, scan: Scan) -> list[Hit]:
        """Return the hits in ``scan`` (folded coordinates)."""
        ...


def _mask_token(token: re.Match[str]) -> str:
    word = token.group()
    if len(word) <= 2:
        return word[0] + "*" * (len(word) - 1)
    return word[0] + "*" * (len(word) - 2) + word[-1]


def mask_word(text: str) -> str:
    """Show a matched word or phrase without repeating it: "b******t", "k**l y******f"."""
    return re.sub(r"\S+", _mask_token, " ".join(text.split()))


class WordsDetector:
    """Listed words, phrases and targeted insults (profanity, abuse, threats)."""

    def __init__(
        self, matcher: WordMatcher, label: str, foreign: ForeignWords | None = None
    ) -> None:
        self._matcher = matcher
        self._label = label
        self._foreign = foreign or None  # an empty list of foreign words: no check

    def find(self, scan: Scan) -> list[Hit]:
        """Return a hit per listed word or phrase."""
        hits = self._matcher.find(scan.text, scan.runs, scan.gate, scan.masked, scan.tokens)
        if hits and self._foreign is not None:
            # "Når er krigen slutt?": an ordinary word of the language the message is in
            original = scan.folded.original
            hits = [
                hit
                for hit in hits
                if not self._foreign.stands(original, *scan.folded.span(hit.start, hit.end))
            ]
        return [Hit(hit.start, hit.end, f'{self._label} "{mask_word(hit.text)}"') for hit in hits]


# --- e-mail -----------------------------------------------------------------------------------


def _word_options(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split spelt-out separators into bare words ("at", "d0t") and bracketed ones ("(at)").

    Bracketed words are matched in any of the brackets ``( [ { <`` (one character class, which
    keeps the scan fast however many words there are).
    """
    bare = [re.escape(w.lower()) for w in words if _SPELT_WORD.fullmatch(w)]
    inner = sorted(
        {
            re.escape(w[1:-1].lower())
            for w in words
            if len(w) > 2 and w[0] in _OPEN and w[-1] in _CLOSE
        }
    )
    other = [
        re.escape(w.lower())
        for w in words
        if not _SPELT_WORD.fullmatch(w) and not (len(w) > 2 and w[0] in _OPEN and w[-1] in _CLOSE)
    ]
    bracketed = other
    if inner:
        bracketed = [r"[(\[{<]\s?(?:" + "|".join(inner) + r")\s?[)\]}>]", *other]
    return bare, bracketed


_SPELT_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # "at", "arroba", "snabel-a"
_OPEN = "([{<"
_CLOSE = ")]}>"


class EmailDetector:
    """E-mail addresses, also spelt out ("bob at example dot org", "bob(at)example[dot]org").

    A bare "at" with a real dot ("bob at example.org") counts only for the mail providers in
    ``mail_domains``, so that "read it at bbc.co.uk" stays clean. ``word_dot_words`` are dots
    spelt as an ordinary word ("period"): an address spelt with one needs a user name before "at"
    or a mail provider after it ("wbrown at fastmail period fm", not "there at noon period it").
    """

    def __init__(
        self,
        at_words: Sequence[str],
        dot_words: Sequence[str],
        tlds: Sequence[str],
        mail_domains: Sequence[str] = (),
        not_domains: Sequence[str] = (),
        no_tld_domains: Sequence[str] = (),
        word_dot_words: Sequence[str] = (),
        loose_dot_words: Sequence[str] = (),
    ) -> None:
        # the words are folded like the text ("собака", "małpa" are read as the text reads them)
        at_words = [_fold_word(w) for w in at_words]
        dot_words = [_fold_word(w) for w in dot_words]
        loose_dot_words = [_fold_word(w) for w in loose_dot_words]
        at_bare, at_bracketed = _word_options(at_words)
        dot_bare, dot_bracketed = _word_options([*dot_words, *word_dot_words])
        self._word_dots = (
            re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in word_dot_words) + r")\b")
            if word_dot_words
            else None
        )
        at_options = ["@", *at_bracketed]
        if at_bare:
            # (a class of the words' first letters first: most spaces are followed by none of
            # them, and the scan moves on at once)
            firsts = "".join(sorted({re.escape(w[0]) for w in at_bare}))
            at_options.append(rf"[ \t\n](?=[{firsts}])(?P<bare>" + "|".join(at_bare) + r")(?=\s)")
        # a real dot, or one with spaces or line breaks around it ("yahoo\n.com")
        dot_options = [r"\.", r"\s+\.\s*|\.\s+"]
        if dot_bracketed:
            dot_options.append(r"\s*(?:" + "|".join(dot_bracketed) + r")\s*")
        if dot_bare:
            dot_options.append(r"\s+(?:" + "|".join(dot_bare) + r")\s+")
        dot = "(?:" + "|".join(dot_options) + ")"
        self._at = re.compile("|".join(at_options))
        # Each spelt-out "@" word costs time at every space: a message with none of them but
        # "at" (most messages) is scanned with a pattern that has only "at".
        spelt = [w for w in at_words if _SPELT_WORD.fullmatch(w)]
        self._rare_at_tokens = frozenset(map(_first_token, spelt)) - {"at"}
        plain_options = at_options[:-1] if at_bare else at_options
        plain_options.append(r"[ \t\n](?P<bare>at)(?=\s)" if "at" in spelt else "(?P<bare>(?!))")
        self._at_plain = re.compile("|".join(plain_options))
        self._local = re.compile(r"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]{0,63}(?=\s*\Z)")
        self._domain = re.compile(
            rf"\s*(?P<name>[a-z0-9][a-z0-9-]{{0,62}})(?:{dot}[a-z0-9][a-z0-9-]{{0,62}}){{0,4}}"
            rf"{dot}(?P<tld>[a-z]{{2,24}})(?![a-z0-9])"
        )
        # "pierre.d arobase orange point fr": dots spelt as ordinary words of other languages
        # ("point", "punt", "kropka") count only after an "@" spelt as a word other than "at"
        # ("at which point it" is no address)
        loose_bare = [re.escape(w) for w in loose_dot_words if w.isalnum()]
        self._loose_domain = (
            re.compile(
                self._domain.pattern.replace(
                    dot,
                    "(?:"
                    + "|".join([*dot_options, r"\s+(?:" + "|".join(loose_bare) + r")\s+"])
                    + ")",
                )
            )
            if loose_bare
            else None
        )
        self._tlds = frozenset(t.lower() for t in tlds)
        known_tld = "|".join(sorted(map(re.escape, self._tlds), key=lambda t: (-len(t), t)))
        # "ola.nordmann, then the at sign, then online.no": the "@" named in words, with
        # connecting words on either side; the domain must end in a known ending
        # (found from the "@" outwards: the user name before it, the domain after it)
        self._before_at = re.compile(
            rf"(?<![\w.+-])(?P<local>[a-z0-9][a-z0-9._%+-]{{0,63}})(?P<gap>{_CONNECTORS})"
            r"(?:(?:the|an?)\s+)?\Z"
        )
        self._after_at = re.compile(
            rf"(?P<gap>{_CONNECTORS})(?P<domain>[a-z0-9][a-z0-9-]{{0,62}}"
            rf"(?:{dot}[a-z0-9][a-z0-9-]{{0,62}}){{0,4}}{dot}(?P<tld>{known_tld}))(?![a-z0-9])"
        )
        self._mail_domains = frozenset(d.lower() for d in mail_domains)
        self._not_domains = frozenset(d.lower() for d in not_domains)
        self._no_tld = frozenset(d.lower() for d in no_tld_domains)
        # "my gmail is lisa.m.norway", "gmail: k.lee88": a mail provider named with a user name
        providers = "|".join(sorted(map(re.escape, self._no_tld)))
        self._named = (
            re.compile(
                rf"\b(?:(?:my|our)\s+(?:{providers})(?:\s+(?:address|account|id|username))?"
                rf"(?:\s+is|\s*[:=])|(?:{providers})\s*:)\s*"
                r"(?P<name>[a-z0-9][a-z0-9._%+]{0,62}[a-z0-9])(?![\w@-])"
            )
            if providers
            else None
        )
        self._no_tld_tokens = frozenset(d.translate(_GATE_TABLE) for d in self._no_tld)
        self._provider = re.compile(r"\s*(?P<name>[a-z0-9]+)(?![\w@.-])")
        self._at_tokens = (frozenset(map(_first_token, at_words)) - {""}) | {"at"}
        self._dot_tokens = frozenset(
            w.lower().translate(_GATE_TABLE).strip()
            for w in [*dot_words, *word_dot_words, *loose_dot_words]
            if w.strip("()[]{}<>. ")
        ) | {"dot"}
        self._at_or_provider = self._at_tokens | self._no_tld_tokens
        self._dot_or_provider = self._dot_tokens | self._no_tld_tokens

    def find(self, scan: Scan) -> list[Hit]:
        """Return a hit per address."""
        text = scan.text
        if "@" not in text:
            tokens = scan.tokens
            # no "@" nor mail provider, or no dot (spelt or real) nor mail provider: no address
            if tokens is not None and (
                tokens.isdisjoint(self._at_or_provider)
                or (tokens.isdisjoint(self._dot_or_provider) and not _DOTTED.search(text))
            ):
                return []
        tokens = scan.tokens
        providers = tokens is None or not tokens.isdisjoint(self._no_tld_tokens)
        hits = self._addresses(text, providers, tokens)
        if providers and self._named is not None:
            hits.extend(self._named_user(text))
        if (
            tokens is None
            or not tokens.isdisjoint(_AT_SIGN_WORDS)
            or ("@" in text and not tokens.isdisjoint(_CONNECTOR_TOKENS))
        ):
            hits.extend(self._spelt_at_sign(text))
        if not hits and "@" in text:
            hits = self._backwards(text)
        if not hits and self._may_be_spaced_out(scan) and any(run.trim for run in scan.runs):
            # "j o h n @ g m a i l . c o m": close the gaps between single letters
            closed, offsets = close_gaps(text)
            hits = [
                Hit(offsets[hit.start], offsets[hit.end - 1] + 1, hit.reason, hit.redact)
                for hit in self._addresses(closed, providers)
            ]
        return hits

    def _named_user(self, text: str) -> list[Hit]:
        """ "my gmail is lisa.m.norway": a mail provider named, then a user name (not an
        ordinary word: "my gmail is full", "gmail: down again")."""
        assert self._named is not None
        return [
            Hit(match.start(), match.end(), "e-mail address", "[email hidden]")
            for match in self._named.finditer(text)
            if _is_user_name(match.group("name")) and not match.group("name").isdigit()
        ]

    def _spelt_at_sign(self, text: str) -> list[Hit]:
        """ "ola.nordmann, then the at sign, then online.no", "x.berg, then @, then proton.me":
        a user name, the "@" (named in words, or bare between connecting words) and a domain
        with a known ending."""
        hits = []
        for sign in _AT_SIGN.finditer(text):
            local = self._before_at.search(text, max(0, sign.start() - 100), sign.start())
            domain = self._after_at.match(text, sign.end())
            if local is None or domain is None or not _is_user_name(local.group("local")):
                continue
            if sign.group() == "@" and not (
                _CONNECTOR_WORD.search(local.group("gap"))
                or _CONNECTOR_WORD.search(domain.group("gap"))
            ):
                continue  # "x@y.com", "x @ y.com": the other address rules judge those
            if domain.group("domain").split(".")[0].strip() in self._not_domains:
                continue
            hits.append(Hit(local.start(), domain.end(), "e-mail address", "[email hidden]"))
        return hits

    def _backwards(self, text: str) -> list[Hit]:
        """Addresses written backwards ("moc.liamg@eod.j", "read it backwards"): a token around
        an "@" that is no address forwards but is one read from its end."""
        hits = []
        for sign in _AT_IN_TOKEN.finditer(text):
            left = _LEFT_OF_AT.search(text, max(0, sign.start() - 64), sign.start())
            right = _RIGHT_OF_AT.match(text, sign.end())
            if left is None or right is None:  # pragma: no cover - the look-arounds ensure both
                continue
            address = _PLAIN_ADDRESS.fullmatch((left.group() + "@" + right.group())[::-1])
            if address is not None and address.group("tld") in self._tlds:
                hits.append(Hit(left.start(), right.end(), "e-mail address", "[email hidden]"))
        return hits

    def _may_be_spaced_out(self, scan: Scan) -> bool:
        """Whether an address may hide in spaced-out letters: an "@" or a spelt-out dot."""
        tokens = scan.tokens
        return "@" in scan.text or tokens is None or not tokens.isdisjoint(self._dot_tokens)

    def _addresses(
        self, text: str, providers: bool = True, tokens: frozenset[str] | None = None
    ) -> list[Hit]:
        """Addresses in ``text``; ``providers``: look for "name at gmail" without an ending;
        ``tokens``: the text's gate tokens (None: unknown)."""
        hits = []
        plain = tokens is not None and tokens.isdisjoint(self._rare_at_tokens)
        for separator in (self._at_plain if plain else self._at).finditer(text):
            domain = self._domain.match(text, separator.end())
            if (
                self._loose_domain is not None
                and separator.group("bare") not in (None, "at")
                and (domain is None or domain.group("tld") not in self._tlds)
            ):
                domain = self._loose_domain.match(text, separator.end()) or domain
            if domain is None:
                hit = self._provider_only(text, separator) if providers else None
                if hit is not None:
                    hits.append(hit)
                continue  # most "at"s: "at the summit"
            local = self._local.search(text, max(0, separator.start() - 64), separator.start())
            if local and self._is_address(separator, local, domain):
                hits.append(Hit(local.start(), domain.end(), "e-mail address", "[email hidden]"))
            elif local is None:
                hit = self._in_pieces(text, separator, domain)
                if hit is not None:
                    hits.append(hit)
        return hits

    def _in_pieces(self, text: str, separator: re.Match[str], domain: re.Match[str]) -> Hit | None:
        """An address given in pieces: a user name, a remark, then "@ provider . ending"
        ("markus.feld (you know the rest, @ gmail . com)"). Only for a mail provider after a
        real or bracketed "@", and a name that reads as a user name ("j.doe", "katie88")."""
        if separator.group("bare") or domain.group("name") not in self._mail_domains:
            return None
        if domain.group("tld") not in self._tlds:
            return None
        window = max(0, separator.start() - MAX_PIECES_GAP)
        names = [
            name
            for name in _PIECE_USER_NAME.finditer(text, window, separator.start())
            if len(name.group()) >= MIN_PIECE_USER_NAME
        ]
        if not names:
            return None
        return Hit(names[-1].start(), domain.end(), "e-mail address", "[email hidden]")

    def _provider_only(self, text: str, separator: re.Match[str]) -> Hit | None:
        """ "rickyb at gmail": a mail provider without its ending, after a user name.

        The name must not be an ordinary word ("someone at gmail told me", "john at gmail").
        """
        if not self._no_tld:
            return None
        provider = self._provider.match(text, separator.end())
        if provider is None or provider.group("name") not in self._no_tld:
            return None
        local = self._local.search(text, max(0, separator.start() - 64), separator.start())
        if local is None:
            return None
        name = local.group()
        if _USER_NAME.fullmatch(name) is None and english_zipf(name) >= USER_NAME_ZIPF:
            return None
        return Hit(local.start(), provider.end(), "e-mail address", "[email hidden]")

    def _is_address(
        self, separator: re.Match[str], local: re.Match[str], domain: re.Match[str]
    ) -> bool:
        real_dots = _REAL_DOTS.fullmatch(domain.group()) is not None
        if "@" in separator.group() and real_dots:
            return True  # an ordinary address
        name = domain.group("name")
        known = domain.group("tld") in self._tlds and name not in self._not_domains
        if self._word_dots is not None and self._word_dots.search(domain.group()):
            # "there at noon period it": the dot is an ordinary word; only a user name or a mail
            # provider makes this an address
            known = known and (name in self._mail_domains or _is_user_name(local.group()))
        if not separator.group("bare"):
            # "(at)", "[at]", "@" with a spelt-out dot: deliberately disguised; "@ home. then"
            # (a dot with spaces) only with a known ending
            return known or _SPACED_DOT.search(domain.group()) is None
        if not known:
            return False
        if real_dots:
            # "bob at gmail.com" and "j.doe at example.org" are addresses; "read it at bbc.co.uk"
            # is a link
            return name in self._mail_domains or _USER_NAME.fullmatch(local.group()) is not None
        return True


def _first_token(word: str) -> str:
    """The gate token of a word's first piece ("snabel-a" -> "snabei", "(at)" -> "at"); "" for
    a word of symbols ("[@]")."""
    pieces = _WORD_PIECES.findall(word)
    return gate_token(pieces[0]) if pieces else ""


_WORD_PIECES = re.compile(r"[^\W_]+")


def _fold_word(word: str) -> str:
    """A word of the rules file read as the text is ("собака" as the folded text spells it)."""
    return word.lower() if word.isascii() else fold(word).folded


# An "@" inside a token, the token's parts on either side, and a plain address
# ("j.doe@example.org").
_AT_IN_TOKEN = re.compile(r"@(?<=[a-z0-9._%+-]@)(?=[a-z0-9._%+-])")
_LEFT_OF_AT = re.compile(r"[a-z0-9._%+-]+\Z")
_RIGHT_OF_AT = re.compile(r"[a-z0-9._%+-]+")
_PLAIN_ADDRESS = re.compile(
    r"[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?P<tld>[a-z]{2,24})"
)


# Words and punctuation that join the pieces of an address told in words: ", then the at sign,
# then", "followed by".
_CONNECTORS = r"[\s,;:()\-]*(?:(?:and|then|followed\s+by|plus|add|put|type|write)\b[\s,;:()\-]*)*"
_CONNECTOR_WORD = re.compile(r"[a-z]")
_AT_SIGN = re.compile(r"(?:at|@)[ \t-]?(?:sign|symbol|character)\b|@")
# The words that name "@", and that join the pieces around a bare one (the gates of
# _spelt_at_sign).
_AT_SIGN_WORDS = frozenset(gate_token(word) for word in ("sign", "symbol", "character"))
_CONNECTOR_TOKENS = frozenset(
    gate_token(word) for word in ("and", "then", "followed", "plus", "add", "put", "type", "write")
)
MAX_PIECES_GAP = 60  # how far before "@ provider" the user name of an address in pieces may be
MIN_PIECE_USER_NAME = 5  # shorter dotted tokens are abbreviations ("e.g", "i.e")
_PIECE_USER_NAME = re.compile(
    r"(?<![\w.+@-])(?:[a-z][a-z0-9]*[._][a-z0-9]+|[a-z]+[0-9]{2,})(?![\w@])"
)
USER_NAME_ZIPF = 2.5  # a local part at least this common in English is a word, not a name
_REAL_DOTS = re.compile(r"\s*[a-z0-9.-]+")
_SPACED_DOT = re.compile(r"\s\.|\.\s")
# A local part that reads as a user name, not a word: "j.doe", "katie_88", "mike1985".
_USER_NAME = re.compile(r"[a-z][a-z0-9]*[._][a-z0-9]+|[a-z]+[0-9]{2,}")


def _is_user_name(local: str) -> bool:
    """Whether a local part reads as a user name ("wbrown", "j.doe"), not an English word."""
    return _USER_NAME.fullmatch(local) is not None or english_zipf(local) < USER_NAME_ZIPF


# --- phone numbers ----------------------------------------------------------------------------

# Starts with a character class (fast scan); the look-behind then rejects numbers that continue
# a word, a price, a decimal or a path.
_PHONE_CANDIDATE = re.compile(
    r"[+(0-9](?<![\w$£€¥.,/:#+\-][+(0-9])[0-9().\s\-]{5,25}[0-9](?![\w/:%+\-]|[.,][0-9])"
)
_GROUPS = re.compile(r"[0-9]+")
_NO_DIGITS = str.maketrans("", "", "0123456789")
_DATE = re.compile(
    r"[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}|[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{2,4}"
)
# A date opening a longer candidate ("2024-07-07 10 people"); not the first groups of a number
# that goes on with the same kind of separator ("06-12-34-56-78" is a French phone number).
_DATE_PREFIX = re.compile(_DATE.pattern + r"(?![-./]?[0-9])")
_WORD_BEFORE = re.compile(r"([a-z]+)\W*$")
_WORD_AFTER = re.compile(r"[^\w\n]{0,3}([a-z]+)")
# A date written with spaces: "2024 07 07", "07 07 2024" (checked for a real month and day).
_SPACED_DATE = re.compile(
    r"(?P<y1>[12][0-9]{3}) (?P<m1>[0-9]{1,2}) (?P<d1>[0-9]{1,2})"
    r"|(?P<d2>[0-9]{1,2}) (?P<m2>[0-9]{1,2}) (?P<y2>[12][0-9]{3})"
)


def _is_spaced_date(candidate: str) -> bool:
    match = _SPACED_DATE.fullmatch(candidate)
    if match is None:
        return False
    year = int(match.group("y1") or match.group("y2"))
    first = int(match.group("m1") or match.group("d2"))
    second = int(match.group("d1") or match.group("m2"))
    # day-month or month-day: either order must give a real date
    days = (first, second) if match.group("y1") is None else (second, first)
    return 1800 <= year <= 2100 and any(
        1 <= month <= 12 and 1 <= day <= 31 for day, month in (days, days[::-1])
    )


#: Digit words when the rules file names none: English, with "oh" for zero.
ENGLISH_DIGIT_WORDS = (
    "zero oh",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
)
_NUMBER_SEPARATORS = r"[\s,.\-/]"


class SpokenDigits:
    """Digits spelt as words, in the languages the rules file lists ("seven", "cero", "sieben").

    ``words[d]`` holds the words for digit ``d`` separated by spaces. Spoken numbers also say
    "double"/"triple" for a repeated digit: "oh seven seven double oh" is 07700. Two patterns:
    a number spelt digit by digit (words or single figures, "four one five, five five five ...")
    and a number mixing words with groups of figures ("call 415 five five five 2671",
    "07seven00 nine00 222").
    """

    def __init__(self, words: Sequence[str]) -> None:
        self._digit_of: dict[str, str] = {}
        for digit, options in enumerate(words):
            for word in options.split():
                self._digit_of[_fold_word(word)] = str(digit)
        self.tokens = frozenset(gate_token(word) for word in self._digit_of)
        names = "|".join(sorted(map(re.escape, self._digit_of), key=lambda w: (-len(w), w)))
        word = rf"(?:(?:double|triple)[\s\-]+)?(?:{names})"
        one_digit = rf"(?:{word}|[0-9])"
        self.spelt = re.compile(
            rf"(?<![\w-]){one_digit}(?:{_NUMBER_SEPARATORS}{{1,3}}{one_digit}){{3,14}}(?![\w-])"
        )
        unit = rf"(?:{word}|[0-9]++)"  # (possessive: a run of figures is never cut up)
        self.mixed = re.compile(
            rf"(?<![\w-]){unit}(?:{_NUMBER_SEPARATORS}{{0,3}}{unit}){{2,20}}(?![\w-])"
        )
        self.glued = re.compile(rf"[0-9](?:{names})|(?:{names})[0-9]")
        self._unit = re.compile(rf"(?:(?P<times>double|triple)[\s\-]+)?(?P<digit>{names}|[0-9]+)")

    def read(self, number: str) -> tuple[str, int, int]:
        """The digits ``number`` stands for, how many of its units were words and how many
        were single figures."""
        digits = []
        words = figures = 0
        for unit in self._unit.finditer(number):
            text = unit.group("digit")
            if text.isdigit():
                figures += len(text) == 1
                digits.append(text)
                continue
            words += 1
            digits.append(self._digit_of[text] * _TIMES[unit.group("times")])
        return "".join(digits), words, figures


_TIMES = {None: 1, "double": 2, "triple": 3}
_COUNTING = frozenset(
    run for size in range(7, 11) for run in ("0123456789"[:size], "1234567890"[:size])
) | frozenset("9876543210"[i : i + size] for size in range(7, 11) for i in range(11 - size))
MIN_DISTINCT_DIGIT_WORDS = 3  # a spelt-out number has three different digits, or is no phone
MIN_DIGITS_WITH_O = 4  # "415.555.O1O7" has only eight digits; fewer than this is no number
# Letters written for digits inside a number: O for 0; l, I and | for 1 ("2l2 555 Ol47").
_LOOKALIKE_DIGITS = str.maketrans({"o": "0", "l": "1", "i": "1", "|": "1"})
# Inside a number that has the shape of one, S, Z and B stand for 5, 2 and 8 as well: after a
# "+country code" ("+47 9l2 34 S67") or in three or more groups joined by one "-" or "."
# ("6l7-55S-O142"). A group is read only when it has more digits than letters, all of them
# look-alikes; the first group that is not ends the number ("+47 912 34 567 call").
_LETTER_DIGITS = str.maketrans(
    {"o": "0", "l": "1", "i": "1", "|": "1", "s": "5", "z": "2", "b": "8"}
)
_LETTER_DIGIT_CHARS = frozenset("oil|szb")
_SHAPED_NUMBER = re.compile(
    r"(?<![\w+.\-])(?:\+[0-9]{1,3}(?:[ .\-]{1,2}\(?[0-9a-z|]{1,6}\)?){2,6}"
    r"|[0-9a-z|]{2,5}(?P<sep>[.\-])[0-9a-z|]{2,5}(?:(?P=sep)[0-9a-z|]{2,5}){1,3})(?!\w)"
)
_GROUP_SEPARATORS = re.compile(r"([ .\-]+)")
_NUMBER_PLURAL = re.compile(r"[0-9]{3,}s")  # "1990s", "747s": a decade or a plural, not digits
_SHAPED_SKELETON = bytes(
    ord("d") if chr(byte).isdigit() else ord("x") if chr(byte) in "oil|szb" else ord(" ")
    for byte in range(256)
)
_LETTER_NEXT_TO_DIGIT = re.compile(r"[oil|szb](?:(?<=[0-9][oil|szb])|(?=[0-9]))")


def _letter_digit_groups(match: re.Match[str]) -> str:
    """A number-shaped match with the letters of its digit groups read as digits (same length)."""
    pieces = _GROUP_SEPARATORS.split(match.group())
    out: list[str] = []
    for index, piece in enumerate(pieces):
        group = piece.strip("()")  # "(2l2)": an area code
        if index % 2 or piece.startswith("+") or group.isdigit():
            out.append(piece)
            continue
        digits = sum(char.isdigit() for char in group)
        if (
            digits <= len(group) - digits
            or _NUMBER_PLURAL.fullmatch(group)
            or not all(char.isdigit() or char in _LETTER_DIGIT_CHARS for char in group)
        ):
            break
        out.append(piece.translate(_LETTER_DIGITS))
    read = "".join(out)
    return read + match.group()[len(read) :]


def _read_letter_digits(text: str) -> str:
    """``text`` with look-alike letters read as digits inside numbers (same length)."""
    if text.isascii():
        skeleton = text.encode("ascii").translate(_SHAPED_SKELETON)
        if b"dx" not in skeleton and b"xd" not in skeleton:
            return text
    elif _LETTER_NEXT_TO_DIGIT.search(text) is None:
        return text
    text = _DIGIT_RUN_WITH_LOOKALIKES.sub(_lookalikes_to_digits, text)
    if "+" in text or "-" in text or "." in text:
        text = _SHAPED_NUMBER.sub(_letter_digit_groups, text)
    return text


# A run of digits and look-alike letters standing alone ("415.555.o1o7", "2l2 555 ol47").
_DIGIT_RUN_WITH_LOOKALIKES = re.compile(
    r"(?<![^\W\d_])[0-9oil|][0-9oil|().\-/ ]{5,}[0-9oil|](?![^\W\d_])"
)
_RUN_PIECE = re.compile(r"[0-9oil|]+")


def _lookalike_piece(piece: re.Match[str]) -> str:
    """One piece of a run with its letters read as digits, when the piece holds a digit: "ol47"
    is 0147, but a lone "i" or "lol" between numbers stays a word."""
    text = piece.group()
    if not any(char.isdigit() for char in text):
        return text
    return text.translate(_LOOKALIKE_DIGITS)


def _lookalikes_to_digits(run: re.Match[str]) -> str:
    """The run with look-alike letters read as digits, when the run has enough real digits to be
    a number (same length: spans stay put)."""
    text = run.group()
    if sum(char.isdigit() for char in text) < MIN_DIGITS_WITH_O:
        return text
    return _RUN_PIECE.sub(_lookalike_piece, text)


def _is_isbn10(digits: str) -> bool:
    if len(digits) != 10:
        return False
    total = sum((10 - i) * int(d) for i, d in enumerate(digits))
    return total % 11 == 0


def _looks_like_isbn10(candidate: str, lengths: list[int]) -> bool:
    """Whether hyphenated digits have an ISBN-10's shape: the last part one check digit
    (0-306-40615-2). A US number, (415) 555-2671 or 415-555-2671, passes the checksum for one in
    eleven numbers, so the checksum alone is no test."""
    return "-" in candidate and "(" not in candidate and len(lengths) in (3, 4) and lengths[-1] == 1


MIN_DOTTED_DIGITS = 9  # dates (8 digits at most) and most IPs and versions are shorter


def _is_dotted_phone(groups: list[str], lengths: list[int], count: int) -> bool:
    """Whether digits joined only by dots are a phone number: US 555.867.5309, French
    06.12.34.56.78, Belgian 0470.12.34.56, German 030.1234.5678; not a date (2024.07.07), a
    version (10.0.19045.3803) or an IP address (192.168.100.200)."""
    if lengths == [3, 3, 4]:
        return True
    if count < MIN_DOTTED_DIGITS or min(lengths) < 2:
        return False
    if all(len(g) == 4 and 1800 <= int(g) <= 2100 for g in groups):
        return False  # years: "1990.2000.2010"
    if len(groups) == 3:
        return count >= 10 and lengths[-1] >= 3
    is_ip = len(groups) == 4 and all(len(g) <= 3 and int(g) <= 255 for g in groups)
    return not is_ip


# Digit groups joined by "/" (and "-" or "."), standing alone: not inside a word, path or price.
_SLASHED_CANDIDATE = re.compile(
    r"[0-9](?<![\w$£€¥.,/:#+\-][0-9])[0-9]{1,4}(?:[/.\-][0-9]{2,8}){1,3}"
    r"(?![\w/:%+\-]|[.,][0-9])"
)


_DIGIT_SLASH_DIGIT = re.compile(r"/(?<=[0-9]/)(?=[0-9])")  # starts with a literal: fast scan


def _is_slashed_phone(candidate: str) -> bool:
    """Whether digit groups with a "/" between them are a phone number: US 555/867/5309 or a
    national number after its area code (030/1234567, 0171/234/5678); not a date (12/05/2024),
    years (2023/2024) or a count out of a total (250/1000)."""
    groups = _GROUPS.findall(candidate)
    lengths = [len(g) for g in groups]
    count = sum(lengths)
    if not 7 <= count <= 15 or _DATE.fullmatch(candidate):
        return False
    if all(len(g) == 4 and 1800 <= int(g) <= 2100 for g in groups):
        return False
    if lengths == [3, 3, 4]:
        return True
    return groups[0].startswith("0") and 3 <= lengths[0] <= 5 and count >= 9


# Digits spelt one by one with spaces ("0 7 7 0 0 . 9 0 0 . 3 2 1", "0 4 1 2 / 5 5 5 / 9 8 7").
_SPACED_DIGITS = re.compile(r"[0-9] [0-9] [0-9] [0-9]")  # the quick test, on phone candidates
_LETTER_SPACED_NUMBER = re.compile(
    r"(?<![\w$£€.,/:#+\-])[0-9](?: ?[./\-] ?[0-9]| [0-9]){6,18}(?![\w%/]|[.,][0-9])"
)
_DIGIT_SPACE = re.compile(r"(?<=[0-9./\-]) (?=[0-9./\-])")
MIN_SPACED_DIGITS = 5  # this many digits standing alone make a number spelt digit by digit
MIN_MIXED_WORDS = 2  # a number mixing figures and words has at least this many words
# A dash spelt out between two groups of figures ("555 [dash] 201"), read as dashes.
_SPELT_DASH = re.compile(r"(?<=[0-9])[ \t]*[\[(]?[ \t]*(?:dash|hyphen)[ \t]*[\])]?[ \t]*(?=[0-9])")


def _dashes(match: re.Match[str]) -> str:
    return "-" * len(match.group())


# A US-style number whose last part is spelt with the letters of a phone's keypad:
# "917-BIG-DEAL", "1-800-FLOWERS", "(212) 555-TAXI".
_VANITY_NUMBER = re.compile(
    r"(?<![\w+\-])(?:\+?1[ .\-])?\(?[2-9][0-9]{2}\)?[ .\-]"
    r"(?P<letters>[a-z]{3}[ .\-]?[a-z]{4}|[a-z]{7}|[0-9]{3}[ .\-][a-z]{4})(?![\w\-])"
)
_VANITY_GATE = re.compile(r"[0-9][ .\-)][A-Z]")
_DIGIT_NEXT_TO_LETTER = re.compile(r"[0-9][a-z]|[a-z][0-9]")
# A group of figures standing alone: a piece of a number given in pieces.
_NUMBER_PIECE = re.compile(r"(?<![\w$£€¥.,:/+#-])[0-9]{2,5}(?![\w%:/-]|[.,][0-9])")
MIN_PIECES = 2
MAX_PIECES = 4  # more numbers close together are a list
MAX_SCANNED_PIECES = 40  # a message with more groups of figures is a table: not scanned
MIN_PIECE_DIGITS = 9  # a national number with its area code
MAX_PIECE_DIGITS = 13
MAX_NUMBER_PIECES_GAP = 40  # characters between two pieces of one number
MAX_PIECES_SPAN = 80  # characters from the first piece to the last


class PhoneDetector:
    """Phone numbers, local and international; not dates, times, versions, ISBNs or counts."""

    def __init__(
        self,
        not_after: Sequence[str],
        not_before: Sequence[str] = (),
        *,
        digit_words: Sequence[str] = ENGLISH_DIGIT_WORDS,
        contact_words: Sequence[str] = (),
        contact_phrases: Sequence[str] = (),
    ) -> None:
        self._not_after = frozenset(w.lower() for w in not_after)
        self._not_before = frozenset(w.lower() for w in not_before)
        self._spoken = SpokenDigits(digit_words)
        # Words that show a number is given to be called ("call", "text", "number"): numbers
        # mixing words and figures and letter (vanity) numbers count only with one of them
        self._contact_words = frozenset(gate_token(w.lower()) for w in contact_words)
        # Phrases that give the writer's number ("my number", "text me"): with one of them,
        # a number given in pieces counts ("starts with 0161. The rest is 496 0732.")
        compiled = [
            (_slot_forms(phrase), re.compile(WORD_START + parse_phrase(phrase) + WORD_END))
            for phrase in contact_phrases
        ]
        self._contact_phrases = compiled
        self._contact_anchor = frozenset(
            form for slots, _ in compiled for form in (slots[0] if slots else ())
        )
        self._contact_any = self._contact_words | self._contact_anchor
        self._watched = self._contact_any | self._spoken.tokens

    def find(self, scan: Scan) -> list[Hit]:
        """Return a hit per phone number."""
        text = scan.text
        tokens = scan.tokens
        # one pass over the message's words finds its digit words and contact words
        words = tokens & self._watched if tokens is not None else None
        hits = self._spelt_out(scan, words) if words is None or words else []
        digits = len(text) - len(text.translate(_NO_DIGITS))
        if not digits:
            return hits
        contact = words is None or not words.isdisjoint(self._contact_any)
        if contact and (words is None or not words.isdisjoint(self._contact_words)):
            # "call 415 five five five 2671", "917-BIG-DEAL": few figures, given to be called
            hits.extend(self._mixed(scan, hits, words))
            hits.extend(self._vanity(scan))
        if digits < MIN_DIGITS_WITH_O:
            return hits
        if "dash" in text or "hyphen" in text:
            text = _SPELT_DASH.sub(_dashes, text)  # "555 [dash] 201": the "-" spelt out
        # "415.555.O1O7", "2l2 555 Ol47", "+47 9l2 34 S67": letters for digits may make up
        # the count
        text = _read_letter_digits(text)
        if text is not scan.text:
            digits = len(text) - len(text.translate(_NO_DIGITS))
        if digits < 7:
            return hits
        spaced = False
        for match in _PHONE_CANDIDATE.finditer(text):
            candidate = match.group().rstrip(" .-(")
            if not spaced and candidate.count(" ") >= 3:
                spaced = _SPACED_DIGITS.search(candidate) is not None
            end = match.start() + len(candidate)
            after = _WORD_AFTER.match(text, end) if candidate[0] not in "+(" else None
            if after and after.group(1) in self._not_before:
                continue  # "100 000 000 euros", "12 345 678 people": an amount
            if self._is_phone(candidate, text[max(0, match.start() - 20) : match.start()]):
                hits.append(Hit(match.start(), end, "phone number", "[phone number hidden]"))
        if "/" in text and _DIGIT_SLASH_DIGIT.search(text):
            hits.extend(self._slashed(text))
        if spaced:  # a candidate had digits one by one: "0 7 7 0 0 . 9 0 0 ..."
            hits.extend(self._letter_spaced(text, hits))
        if not hits and contact and self._contact_anchor and self._gives_number(scan):
            hits.extend(self._in_pieces(text))
        return hits

    def _mixed(self, scan: Scan, found: list[Hit], words: frozenset[str] | None) -> list[Hit]:
        """Numbers mixing digit words and figures, given to be called: "call 415 five five five
        2671", "07seven00 nine00 222" (at least two words; a list such as "one 25, two 30" is
        no number without a word like "call" or "text")."""
        text = scan.text
        if (
            words is not None
            and words.isdisjoint(self._spoken.tokens)
            and (
                _DIGIT_NEXT_TO_LETTER.search(text) is None
                or self._spoken.glued.search(text) is None
            )
        ):
            return []  # no digit word among the words, nor one glued to figures ("07seven00")
        hits = []
        for match in self._spoken.mixed.finditer(text):
            digits, spelt, _ = self._spoken.read(match.group())
            if spelt < MIN_MIXED_WORDS or not 7 <= len(digits) <= 15 or digits in _COUNTING:
                continue
            if any(hit.start < match.end() and match.start() < hit.end for hit in found):
                continue
            if self._amount_or_reference(text, match.start(), match.end()):
                continue
            hits.append(Hit(match.start(), match.end(), "phone number", "[phone number hidden]"))
        return hits

    def _amount_or_reference(self, text: str, start: int, end: int) -> bool:
        """Whether the number at ``start:end`` follows a reference word ("ISBN", "order") or is
        followed by a unit or count ("people", "euros")."""
        word = _WORD_BEFORE.search(text[max(0, start - 20) : start])
        after = _WORD_AFTER.match(text, end)
        return bool(word and word.group(1) in self._not_after) or bool(
            after and after.group(1) in self._not_before
        )

    def _vanity(self, scan: Scan) -> list[Hit]:
        """Numbers with letters for their last digits, as on a phone's keypad, written in
        capitals ("917-BIG-DEAL", "1-800-FLOWERS"), given to be called."""
        text = scan.text
        if _VANITY_GATE.search(scan.folded.original) is None:
            return []  # no capital letter right after a group of figures
        hits = []
        for match in _VANITY_NUMBER.finditer(text):
            start, end = scan.folded.span(match.start("letters"), match.end("letters"))
            letters = scan.folded.original[start:end]
            if not letters.isupper():
                continue  # "the 917-big-deal thread": a vanity number is written in capitals
            hits.append(Hit(match.start(), match.end(), "phone number", "[phone number hidden]"))
        return hits

    def _gives_number(self, scan: Scan) -> bool:
        """Whether the writer gives a number of their own ("my number", "text me")."""
        tokens = scan.tokens
        if tokens is not None and tokens.isdisjoint(self._contact_anchor):
            return False
        return any(
            (tokens is None or all(not tokens.isdisjoint(slot) for slot in slots[1:]))
            and pattern.search(scan.text)
            for slots, pattern in self._contact_phrases
        )

    def _in_pieces(self, text: str) -> list[Hit]:
        """A number given in pieces after "my number"/"text me": "starts with 0161. The rest is
        496 0732.", "first half is 312 555 ... rest is 0199". The pieces are groups of 2-5
        figures standing alone (no price, percentage, time, year or count), 2-4 of them close
        together (a longer run of numbers is a list), 9-13 digits in all."""
        if len(_NUMBER_PIECE.findall(text)) > MAX_SCANNED_PIECES:
            return []  # a table of figures, not a number given in pieces
        pieces = [
            (match.start(), match.end())
            for match in _NUMBER_PIECE.finditer(text)
            if not self._amount_or_reference(text, match.start(), match.end())
            and not (match.end() - match.start() == 4 and 1900 <= int(match.group()) <= 2100)
            and match.group() != "000"  # thousands written with spaces: "350 000"
        ]
        hits = []
        cluster: list[tuple[int, int]] = []
        for piece in [*pieces, (len(text) + MAX_NUMBER_PIECES_GAP + 1, 0)]:
            if cluster and piece[0] - cluster[-1][1] > MAX_NUMBER_PIECES_GAP:
                digits = sum(end - start for start, end in cluster)
                if (
                    MIN_PIECES <= len(cluster) <= MAX_PIECES
                    and MIN_PIECE_DIGITS <= digits <= MAX_PIECE_DIGITS
                    and cluster[-1][1] - cluster[0][0] <= MAX_PIECES_SPAN
                ):
                    hits.append(
                        Hit(
                            cluster[0][0],
                            cluster[-1][1],
                            "phone number given in pieces",
                            "[phone number hidden]",
                        )
                    )
                cluster = []
            cluster.append(piece)
        return hits

    def _letter_spaced(self, text: str, found: list[Hit]) -> list[Hit]:
        """Numbers with a space between every digit, groups set apart by "." or "/"
        ("0 7 7 0 0 . 9 0 0 . 3 2 1"): judged as the number they spell ("07700.900.321")."""
        hits = []
        for match in _LETTER_SPACED_NUMBER.finditer(text):
            groups = _GROUPS.findall(match.group())
            if sum(len(group) == 1 for group in groups) < MIN_SPACED_DIGITS:
                continue  # not spelt digit by digit: the other rules judge it
            if any(hit.start < match.end() and match.start() < hit.end for hit in found):
                continue
            number = _DIGIT_SPACE.sub("", match.group())
            before = text[max(0, match.start() - 20) : match.start()]
            word = _WORD_BEFORE.search(before)
            after = _WORD_AFTER.match(text, match.end())
            if (word and word.group(1) in self._not_after) or (
                after and after.group(1) in self._not_before
            ):
                continue
            if _GROUPS.sub("", number).strip() == "" and "".join(groups) in _COUNTING:
                continue  # "1 2 3 4 5 6 7": counting
            phone = _is_slashed_phone(number) if "/" in number else self._is_phone(number, before)
            if phone:
                hits.append(
                    Hit(match.start(), match.end(), "phone number", "[phone number hidden]")
                )
        return hits

    def _slashed(self, text: str) -> list[Hit]:
        """Numbers with "/" between the groups: "555/867/5309", "030/1234567"; not dates
        (12/05/2024), fractions (3/4), scores or paths."""
        hits = []
        for match in _SLASHED_CANDIDATE.finditer(text):
            candidate = match.group()
            if "/" not in candidate:
                continue
            before = text[max(0, match.start() - 20) : match.start()]
            word = _WORD_BEFORE.search(before)
            if word and word.group(1) in self._not_after:
                continue
            after = _WORD_AFTER.match(text, match.end())
            if after and after.group(1) in self._not_before:
                continue
            if _is_slashed_phone(candidate):
                hits.append(
                    Hit(match.start(), match.end(), "phone number", "[phone number hidden]")
                )
        return hits

    def _spelt_out(self, scan: Scan, words: frozenset[str] | None) -> list[Hit]:
        """Numbers spelt out in words: "four one five, five five five, zero one three two"
        (``words``: the message's words that are digit or contact words; None: unknown)."""
        spoken = self._spoken
        if words is not None and len(words & spoken.tokens) < MIN_DISTINCT_DIGIT_WORDS:
            return []
        hits = []
        for match in spoken.spelt.finditer(scan.text):
            digits, _, figures = spoken.read(match.group())
            if not 7 <= len(digits) <= 15 or digits in _COUNTING:
                continue  # "one, two, three, four, five, six, seven" is counting
            if len(digits) - figures < 3:
                continue  # mostly figures: the digit rules judge those
            hits.append(Hit(match.start(), match.end(), "phone number", "[phone number hidden]"))
        return hits

    def _is_phone(self, candidate: str, before: str) -> bool:
        groups = _GROUPS.findall(candidate)
        digits = "".join(groups)
        count = len(digits)
        if not 7 <= count <= 15:
            return False
        word = _WORD_BEFORE.search(before)
        if word and word.group(1) in self._not_after:
            return False
        international = candidate.startswith("+")
        lengths = [len(g) for g in groups]
        if not international and not candidate.translate(_NO_DIGITS).strip("."):
            return _is_dotted_phone(groups, lengths, count)
        if (
            _DATE.fullmatch(candidate)
            or _DATE_PREFIX.match(candidate)
            or _is_spaced_date(candidate)
        ):
            return False
        if all(len(g) == 4 and 1800 <= int(g) <= 2100 for g in groups):
            return False  # years: "2016 2017", "1990-1995"
        if count == 13 and digits.startswith(("978", "979")):
            return False  # ISBN-13
        if count == 10 and _looks_like_isbn10(candidate, lengths) and _is_isbn10(digits):
            return False  # ISBN-10
        if international:
            return count >= 8
        if "." in candidate:
            # US 555.867.5309 or French 06.12.34.56.78; otherwise a version, address or decimal.
            return lengths == [3, 3, 4] or (lengths == [2] * 5 and digits.startswith("0"))
        if len(groups) == 1:
            return 10 <= count <= 12
        if len(groups) == 2:
            return lengths == [3, 4] or count >= 9
        if lengths[0] <= 3 and all(n == 3 for n in lengths[1:]) and not digits.startswith("0"):
            # thousands written with spaces: "1 000 000", "100 000 000"; "612 345 678" is
            # still a phone number
            return lengths[0] == 3 and count >= 9 and "000" not in groups[1:]
        return count >= 8 or lengths == [3, 4]


# --- links, invites and scams -----------------------------------------------------------------

_LINK = re.compile(
    r"(?<![\w@.\-])(?P<scheme>https?://)?(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+"
    r"(?P<tld>[a-z][a-z0-9\-]{1,23}))(?![\w\-])"
)
# A defanged link: the dots written "[.]", "(.)", "[dot]" or "(dot)" ("dlscordapp[.]com/gift").
# A bare " dot " spells one too ("quick-loans dot xyz"); the ending must still be a known one.
_DEFANG = r"(?:\s?[\[(]\s?(?:\.|dot)\s?[\])]\s?|[ \t]+dot[ \t]+)"
# (At most eight labels on either side of the defanged dot: with no bound, the two runs of labels
# could split "a dot a dot ..." in every way, and 4,000 characters of it took 13 s.)
_DEFANGED_LINK = re.compile(
    r"(?<![\w@.\-])(?P<host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?(?:\.|" + _DEFANG + r")){0,8}"
    r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"
    + _DEFANG
    + r"(?:[a-z0-9\-]+(?:\.|"
    + _DEFANG
    + r")){0,8}"
    r"(?P<tld>[a-z][a-z0-9\-]{1,23}))(?![\w\-])"
)
_DEFANG_DOT = re.compile(_DEFANG)
_BAIT_PIECE = re.compile(r"[a-z0-9@$]{2,}")  # a piece of a bait word cut in two ("fr ee")
MIN_BAIT_WORD = 4
MIN_BAIT_PIECE = 2
_STUFFED_WORD = re.compile(r"[a-z]{4,}")
MIN_STUFFED_WORDS = 2  # distinct words of a link's host that must be stuffed around it
MIN_STUFFED_SHARE = 0.5  # ... and the share of the words around the link they make up
_WORDS_OUTSIDE = re.compile(r"[a-z]+")
# A link with a space before its dot ("newsreward . online", "cash-now .click"): read as a link
# only on a throw-away ending (``spam_tlds``), and judged like a link spelt with " dot ".
_SPACED_DOT_LINK = re.compile(
    r"(?<![\w@.\-])(?P<host>[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?(?:\.[a-z0-9\-]+)*"
    r"[ \t]+\.[ \t]*(?P<tld>[a-z]{2,24}))(?![\w\-])"
)
_SPACES = re.compile(r"\s+")
# What follows a host: its path, query and fragment ("/login.php?verify=wallet").
_PATH = re.compile(r"[/?#][^\s)\]>\"'<]*")
# A markdown link: its visible text and its address ("[Reuters report](http://...)").
_MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]\n]{1,300})\]\(\s*<?(?P<url>[^\s)>]{1,500})")
_TEXT_WORD = re.compile(r"[a-z0-9]+")
MIN_SITE_NAME = 3  # shorter names of trusted sites ("ft", "un", "x") are no evidence
EVERYDAY_WORD_ZIPF = 5.0  # names as common as "time" or "state" are everyday words, no evidence
# Scripts whose letters fold to Latin look-alikes; one of them next to Latin letters in one label
# of a host is a spoofed name ("lіnk.bio" with a Cyrillic "і").
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "LISU")
_UNLEET_DOMAIN = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance of ``a`` and ``b`` (returns ``limit`` + 1 once it exceeds ``limit``)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


_SECOND_LEVEL = frozenset({"co", "com", "go", "gov", "org", "ac", "net", "www"})


def _site_name(domain: str) -> str:
    """The name a site goes by: "bbc.co.uk" -> "bbc", "news.sky.com" -> "sky"."""
    labels = domain.split(".")[:-1]
    while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else ""


def _mixed_scripts(label: str) -> bool:
    """Whether one label of a host mixes Latin letters with look-alikes from another script
    ("lіnk" with a Cyrillic "і"); a label all in one script ("пример", "münchen") does not."""
    latin = other = False
    for char in label:
        if char.isascii():
            latin = latin or char.isalpha()
        elif char.isalpha():
            other = other or unicodedata.name(char, "").startswith(_LOOKALIKE_SCRIPTS)
    return latin and other


def _domain_in(host: str, domains: frozenset[str]) -> bool:
    """True when ``host`` is one of ``domains`` or a subdomain of one."""
    labels = host.split(".")
    return any(".".join(labels[i:]) in domains for i in range(len(labels) - 1))


class LinksDetector:
    """Scam and look-alike links, denied domains, optionally every link not on the allow list."""

    def __init__(
        self,
        *,
        allow_domains: Sequence[str],
        deny_domains: Sequence[str],
        brands: Sequence[str],
        brand_domains: Sequence[str],
        scam_phrases: Sequence[str],
        tlds: Sequence[str],
        other_links: str,
        scam_report_words: Sequence[str] = (),
        spam_tlds: Sequence[str] = (),
        spam_tld_links: int = 0,
        shorteners: Sequence[str] = (),
        shortener_links: int = 0,
        phishing_paths: Sequence[str] = (),
        keyword_stuffing: int = 0,
    ) -> None:
        self._stuffing = keyword_stuffing
        self._shorteners = frozenset(d.lower() for d in shorteners)
        self._shortener_links = shortener_links
        self._phishing = (
            re.compile(
                r"(?<![a-z])(?:" + "|".join(re.escape(w.lower()) for w in phishing_paths) + ")"
            )
            if phishing_paths
            else None
        )
        self._report = (
            re.compile(
                r"\b(?:" + "|".join(re.escape(w.lower()) for w in scam_report_words) + r")\b"
            )
            if scam_report_words
            else None
        )
        self._spam_tlds = frozenset(t.lower() for t in spam_tlds)
        self._spam_tld_links = spam_tld_links
        self._allow = frozenset(d.lower() for d in allow_domains)
        self._deny = frozenset(d.lower() for d in deny_domains)
        self._brands = tuple(b.lower() for b in brands)
        self._brand_domains = frozenset(d.lower() for d in brand_domains)
        self._tlds = frozenset(t.lower() for t in tlds)
        self._other_links = other_links
        self._trusted_names: frozenset[str] | None = None  # built on first use (word lists)
        # Scam phrases, matched whole-word like every phrase list, each tried only when the
        # message has a word of each of its slots (a set test on the message's gate tokens)
        compiled = [
            (_slot_forms(phrase), re.compile(WORD_START + parse_phrase(phrase) + WORD_END))
            for phrase in scam_phrases
        ]
        self._scam = (
            re.compile("|".join(pattern.pattern for _, pattern in compiled)) if compiled else None
        )
        self._scam_anchor: dict[str, list[tuple[list[frozenset[str]], re.Pattern[str]]]] = (
            defaultdict(list)
        )
        for slots, pattern in compiled:
            for form in slots[0] if slots else ():
                self._scam_anchor[form].append((slots[1:], pattern))
        self._scam_anchor_set = frozenset(self._scam_anchor)
        # the words of the scam phrases (4+ letters), to join one cut in two ("fr ee"); the
        # gate: a first half among a message's words, with a second half that completes it
        self._scam_words = frozenset(
            form
            for slots, _ in compiled
            for slot in slots
            for form in slot
            if len(form) >= MIN_BAIT_WORD
        )
        tails: dict[str, set[str]] = defaultdict(set)
        for word in self._scam_words:
            for cut in range(MIN_BAIT_PIECE, len(word) - MIN_BAIT_PIECE + 1):
                tails[word[:cut]].add(word[cut:])
        self._bait_tails = {head: frozenset(rest) for head, rest in tails.items()}
        self._bait_heads = frozenset(self._bait_tails)

    def find(self, scan: Scan) -> list[Hit]:
        """Return a hit per offending link."""
        text = scan.text
        hits: list[Hit] = []
        suspicious: list[tuple[int, int, str]] = []
        if (("[" in text or "(" in text) and ("." in text or "dot" in text)) or " dot " in text:
            self._defanged(text, hits, suspicious)
        if " ." in text:
            self._spaced_dot(text, suspicious)
        masked = self._masked_links(text) if "](" in text else None
        for match in _LINK.finditer(text) if "." in text and _DOTTED.search(text) else ():
            host = match.group("host").removeprefix("www.")
            if not match.group("scheme") and match.group("tld") not in self._tlds:
                continue
            reason = self._homograph(scan, match, host) or self._judge(host)
            if not reason and not _domain_in(host, self._allow):
                shown = masked.get(match.start()) if masked else None
                reason = self._deceptive(text, match, host, shown)
                if not reason:
                    suspicious.append((match.start(), match.end(), match.group("tld")))
            if reason:
                hits.append(Hit(match.start(), match.end(), reason, "[link removed]"))
        if not suspicious:
            return hits
        if self._shortener_links:
            hits.extend(self._shortened(text, suspicious))
        scam = self._is_scam(text, scan.tokens)
        if not scam and self._scam is not None and scan.runs:
            # "c h e a p  v i a g r a at ...": the bait spelt letter by letter
            closed = close_letter_gaps(text)[0]
            gate = gate_text(closed)
            scam = self._is_scam(closed, frozenset(gate.split()) if gate is not None else None)
        if not scam and self._scam is not None:
            # "fr ee n1tro at ...": a bait word cut in two
            joined = self._joined_bait(text, scan.tokens)
            if joined is not None:
                gate = gate_text(joined)
                scam = self._is_scam(joined, frozenset(gate.split()) if gate is not None else None)
        dump = bool(self._spam_tld_links) and len(suspicious) >= self._spam_tld_links
        if (scam or dump) and (self._report is None or self._report.search(text) is None):
            if scam:
                hits.extend(
                    Hit(s, e, "link in a scam message", "[link removed]") for s, e, _ in suspicious
                )
            else:
                hits.extend(self._link_dump(suspicious))
        elif self._stuffing:
            hits.extend(self._stuffed(text, suspicious))
        return hits

    def _stuffed(self, text: str, suspicious: list[tuple[int, int, str]]) -> list[Hit]:
        """A link with its own name's words stuffed around it, for search engines: "best
        plumber dallas https://dallas-plumber-pro.xyz cheap plumber dallas ...". Two words of
        the link's host (4+ letters each) each said ``keyword_stuffing`` times or more outside
        the link, making up half its words or more (a comment that names a project three times
        while citing its site is not stuffed)."""
        outside = list(text)
        for start, end, _ in suspicious:
            outside[start:end] = " " * (end - start)
        words_outside = _WORDS_OUTSIDE.findall("".join(outside))
        counts = Counter(words_outside)
        hits = []
        for start, end, _ in suspicious:
            host = _DEFANG_DOT.sub(".", text[start:end]).split("://")[-1]
            words = {w for w in _STUFFED_WORD.findall(host.rsplit(".", 1)[0]) if w != "www"}
            stuffed = [w for w in words if counts[w] >= self._stuffing]
            said = sum(counts[w] for w in stuffed)
            if len(stuffed) >= MIN_STUFFED_WORDS and said >= MIN_STUFFED_SHARE * len(words_outside):
                hits.append(
                    Hit(
                        start,
                        end,
                        f"link with its keywords repeated ({', '.join(sorted(stuffed))})",
                        "[link removed]",
                    )
                )
        return hits

    def _joined_bait(self, text: str, tokens: frozenset[str] | None) -> str | None:
        """``text`` with each word of a scam phrase that was cut in two by a space joined back
        ("fr ee" -> "free"), or None when there is none."""
        if tokens is not None and not any(
            not tokens.isdisjoint(self._bait_tails[head]) for head in tokens & self._bait_heads
        ):
            return None  # no two words of the message make a bait word
        cuts = [
            second.start() - 1
            for first, second in itertools.pairwise(_BAIT_PIECE.finditer(text))
            if second.start() == first.end() + 1
            and text[first.end()] == " "
            and gate_token(first.group() + second.group()) in self._scam_words
        ]
        if not cuts:
            return None
        for cut in reversed(cuts):
            text = text[:cut] + text[cut + 1 :]
        return text

    def _is_scam(self, text: str, tokens: frozenset[str] | None) -> bool:
        """Whether ``text`` holds a scam phrase (``tokens``: its gate tokens, None: unknown)."""
        if self._scam is None:
            return False
        if tokens is None:
            return self._scam.search(text) is not None
        return any(
            all(not tokens.isdisjoint(slot) for slot in slots) and pattern.search(text)
            for form in tokens & self._scam_anchor_set
            for slots, pattern in self._scam_anchor[form]
        )

    def _shortened(self, text: str, suspicious: list[tuple[int, int, str]]) -> list[Hit]:
        """Several links through link shorteners in one comment ("bit.ly/a tinyurl.com/b"):
        each hides where it goes, and ``shortener_links`` of them are link spam."""
        short = [
            (start, end)
            for start, end, _ in suspicious
            if _domain_in(_DEFANG_DOT.sub(".", text[start:end]).split("://")[-1], self._shorteners)
        ]
        if len(short) < self._shortener_links:
            return []
        return [
            Hit(s, e, "several links through link shorteners", "[link removed]") for s, e in short
        ]

    def _spaced_dot(self, text: str, suspicious: list[tuple[int, int, str]]) -> None:
        """Links written with a space before the dot on a throw-away ending ("newsreward .
        online") or to a link shortener ("bit .ly/x"): suspicious, like a link spelt with
        " dot "."""
        for match in _SPACED_DOT_LINK.finditer(text):
            tld = match.group("tld")
            host = _SPACES.sub("", match.group("host"))
            if tld not in self._spam_tlds and not _domain_in(host, self._shorteners):
                continue  # "bit .ly/x": a link shortener hides itself the same way
            if not _domain_in(host, self._allow):
                suspicious.append((match.start(), match.end(), tld))

    def _masked_links(self, text: str) -> dict[int, str]:
        """Markdown links: the position of each address and its visible text."""
        return {match.start("url"): match.group("text") for match in _MARKDOWN_LINK.finditer(text)}

    def _deceptive(
        self, text: str, match: re.Match[str], host: str, shown: str | None
    ) -> str | None:
        """A link (not to an allowed site) that pretends to go to a trusted site: markdown text
        naming another site's address ("[reuters.com](http://x.click)"), a trusted site's whole
        domain at the front of another host ("bbc.co.uk.secure-news.com"), or a trusted name in
        the link's text or host while it goes elsewhere, to a login/wallet page or a throw-away
        site ("[Reuters report](http://reuters-news.click/login.php)")."""
        if _domain_in(host, self._brand_domains):
            return None
        if shown is not None:
            for named in _LINK.finditer(shown):
                other = named.group("host").removeprefix("www.")
                if named.group("tld") in self._tlds and not _domain_in(host, frozenset({other})):
                    return f"link text names {other} but the link goes to {host}"
        labels = host.split(".")
        for cut in range(2, len(labels) - 1):
            front = ".".join(labels[:cut])
            if front in self._allow or front in self._brand_domains:
                return f"link dressed up as {front} goes to {host}"  # "bbc.co.uk.x-login.com"
        path = _PATH.match(text, match.end())
        address = host + (path.group() if path is not None else "")
        phishing = self._phishing is not None and self._phishing.search(address) is not None
        if not (phishing or match.group("tld") in self._spam_tlds):
            return None  # (tested first: the names need the word lists)
        name = self._site_name_in_host(host) or (
            self._site_name_in_text(shown) if shown is not None else None
        )
        return f"link dressed up as {name} goes to {host}" if name else None

    def _site_names(self) -> frozenset[str]:
        """The names of trusted sites ("reuters", "kyivindependent", "paypal"), not everyday
        words ("time", "state"): a link that uses one while going elsewhere is a disguise."""
        if self._trusted_names is None:
            self._trusted_names = frozenset(
                name
                for name in map(_site_name, (*self._allow, *self._brand_domains))
                if len(name) >= MIN_SITE_NAME
                and name not in _SECOND_LEVEL
                and english_zipf(name) < EVERYDAY_WORD_ZIPF
            )
        return self._trusted_names

    def _site_name_in_host(self, host: str) -> str | None:
        """A trusted site's name as a piece of ``host``: "reuters-news.click" has "reuters"."""
        for label in host.split(".")[:-1]:
            for piece in (label, *label.split("-")):
                if piece in self._site_names():
                    return piece
        return None

    def _site_name_in_text(self, shown: str) -> str | None:
        """A trusted site's name in a link's visible text, also written as two words ("Kyiv
        Independent" for kyivindependent.com)."""
        words = _TEXT_WORD.findall(shown)
        for index, word in enumerate(words):
            for candidate in (word, word + "".join(words[index + 1 : index + 2])):
                if candidate in self._site_names():
                    return candidate
        return None

    def _link_dump(self, suspicious: list[tuple[int, int, str]]) -> list[Hit]:
        """Links to cheap throw-away domains posted in bulk: "best-loans.xyz cash-now.top
        payday-fast.click" (``spam_tld_links`` or more links on ``spam_tlds``)."""
        cheap = [(start, end) for start, end, tld in suspicious if tld in self._spam_tlds]
        if len(cheap) < self._spam_tld_links:
            return []
        return [Hit(s, e, "links to throw-away sites in bulk", "[link removed]") for s, e in cheap]

    def _defanged(self, text: str, hits: list[Hit], suspicious: list[tuple[int, int, str]]) -> None:
        """Links with their dots written "[.]" or "(dot)": judged as the link they spell. One
        spelt with a bare " dot " ("quick-loans dot xyz", also half an e-mail address) only
        counts in a scam message or a link dump (no look-alike test: that is for real links)."""
        for match in _DEFANGED_LINK.finditer(text):
            if match.group("tld") not in self._tlds:
                continue
            spelt = match.group("host")
            host = _DEFANG_DOT.sub(".", spelt).removeprefix("www.")
            if "[" in spelt or "(" in spelt:
                reason = self._judge(host)
            else:
                reason = (
                    f"link to a blocked site ({host})" if _domain_in(host, self._deny) else None
                )
            if reason:
                hits.append(Hit(match.start(), match.end(), reason, "[link removed]"))
            elif not _domain_in(host, self._allow):
                suspicious.append((match.start(), match.end(), match.group("tld")))

    def _homograph(self, scan: Scan, match: re.Match[str], host: str) -> str | None:
        """A link written with look-alike letters that fold to a known site: "dіscord.com" with
        a Cyrillic "і" is not discord.com (an IDN homograph); "münchen.de" is no known site."""
        if scan.folded.offsets is None:
            return None  # ASCII text: nothing was folded
        start, end = scan.folded.span(match.start("host"), match.end("host"))
        original = scan.folded.original[start:end]
        if original.isascii():
            return None
        if any(_mixed_scripts(label) for label in original.split(".")):
            return f"look-alike letters in a link ({host})"
        known = (
            _domain_in(host, self._allow)
            or _domain_in(host, self._brand_domains)
            or self._imitated_brand(host) is not None
        )
        return f"look-alike letters in a link to {host}" if known else None

    def _judge(self, host: str) -> str | None:
        if _domain_in(host, self._deny):
            return f"link to a blocked site ({host})"
        if _domain_in(host, self._allow) or _domain_in(host, self._brand_domains):
            return None
        brand = self._imitated_brand(host)
        if brand:
            return f"look-alike of {brand} ({host})"
        if self._other_links == "remove":
            return f"link to a site not on the allow list ({host})"
        return None

    def _imitated_brand(self, host: str) -> str | None:
        labels = host.split(".")[:-1]
        for label in labels:
            plain = label.translate(_UNLEET_DOMAIN)
            tokens = {plain, plain.replace("-", ""), *plain.split("-")}
            for brand in self._brands:
                for token in tokens:
                    if token == brand or (len(brand) >= 6 and brand in token):
                        return brand
                    if len(brand) >= 6:
                        limit = 1 if len(brand) < 10 else 2
                        if 0 < edit_distance(token, brand, limit) <= limit:
                            return brand
        return None


# --- mentions ---------------------------------------------------------------------------------

# "@everyone", "@here", also "@ everyone" and "@every one"
_EVERYONE = re.compile(r"(?<![\w])@\s?(?:every[ ._\-]?one|here)\b")
_USER_MENTION = re.compile(r"<@[!&]?[0-9]{5,21}>")
# A name typed after "@" ("@Tom"), not in an address ("a@b.com") nor "@ 5pm", "@everyone"
_PLAIN_MENTION = re.compile(r"@(?<![\w@<]@)(?!everyone\b|here\b)[^\W\d_][\w.\-]{0,31}")


def count_mentions(text: str) -> int:
    """How many user/role mentions ``text`` contains."""
    return len(_USER_MENTION.findall(text)) if "<@" in text else 0


class MentionsDetector:
    """@everyone/@here and messages that ping many people."""

    def __init__(self, max_mentions: int, max_with_role: int = 1) -> None:
        self._max = max_mentions
        self._max_with_role = max_with_role  # a role pings a whole group: a far lower limit

    def find(self, scan: Scan) -> list[Hit]:
        """Return a hit per mass mention."""
        text = scan.text
        if "@" not in text:
            return []
        hits = [
            Hit(m.start(), m.end(), f"mass mention ({m.group().replace(' ', '')})", "[mention]")
            for m in _EVERYONE.finditer(text)
        ]
        if not hits and scan.runs:
            # "@ e v e r y o n e", "@h e r e": spelt out letter by letter
            closed, offsets = close_letter_gaps(text)
            hits = [
                Hit(
                    offsets[m.start()],
                    offsets[m.end() - 1] + 1,
                    f"mass mention (@{m.group().lstrip('@ ')}, spelt out)",
                    "[mention]",
                )
                for m in _EVERYONE.finditer(closed)
            ]
        if "<@" in text or _PLAIN_MENTION.search(text):
            # real mentions (<@id>) and typed names ("@Tom @Priya ...") alike ping many people
            mentions = sorted(
                [*_USER_MENTION.finditer(text), *_PLAIN_MENTION.finditer(text)],
                key=lambda match: match.start(),
            )
            roles = "<@&" in text and any(m.group().startswith("<@&") for m in mentions)
            limit = self._max_with_role if roles else self._max
            if len(mentions) > limit:
                what = "mentions with a role mention" if roles else "mentions"
                hits.append(
                    Hit(
                        mentions[0].start(),
                        mentions[-1].end(),
                        f"{len(mentions)} {what} in one message (limit {limit})",
                        "[mentions]",
                    )
                )
        return hits


# --- repeated text ----------------------------------------------------------------------------

# A word as the gate splits them (the gate's separators, "'" and the leet symbols kept inside).
_REPEAT_WORD = re.compile(r"[^\s!\"#%&()*+,\-./:;<=>?\[\\\]^_`{}~]+")
MAX_PHRASE_WORDS = 24  # longer units (a whole paragraph pasted twice) are the duplicates rule's


class RepeatsDetector:
    """The same phrase or line again and again within one message: "STOP THE WAR STOP THE WAR
    ...", a line pasted four times. A phrase of two words or more must come ``min_repeats`` times
    in a row, one word alone ``min_word_repeats`` times; the repeats must cover at least
    ``min_length`` characters and half the message's words ("No. No. No." and a chant quoted in
    a longer comment stand)."""

    def __init__(self, min_repeats: int, min_word_repeats: int, min_length: int) -> None:
        self._min_repeats = min_repeats
        self._min_word_repeats = min_word_repeats
        self._min_length = min_length
        self._fewest = min(min_repeats, min_word_repeats)

    def find(self, scan: Scan) -> list[Hit]:
        """Return a hit spanning the repeated part, if any."""
        tokens, count = scan.tokens, scan.word_count
        if tokens is not None and count is not None:
            # r repeats covering half the words leave at most (r + 1) / 2r of them distinct
            fewest = self._fewest
            if 2 * fewest * len(tokens) > (fewest + 1) * count or count < fewest:
                return []
        text = scan.text
        if len(text) < self._min_length:
            return []
        gate = scan.gate
        # the gate's words are the ones _REPEAT_WORD finds, with leetspeak undone
        words = gate.split() if gate is not None else _REPEAT_WORD.findall(text)
        found = self._repeated(words)
        if found is None:
            return []
        first, last, unit, times = found
        matches = list(_REPEAT_WORD.finditer(text))
        if len(matches) != len(words):  # pragma: no cover - the two splits agree
            return []
        start, end = matches[first].start(), matches[last].end()
        if end - start < self._min_length:
            return []
        what = "word" if unit == 1 else f"{unit}-word phrase"
        return [Hit(start, end, f"the same {what} repeated {times} times", "[repeated text]")]

    def _repeated(self, words: list[str]) -> tuple[int, int, int, int] | None:
        """(first word, last word, unit length, repeats) of the longest run of one unit repeated
        enough times to cover half of ``words``, or None.

        Such a run holds the middle word and the same word one unit before or after it, so only
        those distances are tried, each grown outwards from the middle.
        """
        total = len(words)
        if not total:
            return None
        middle = total // 2
        word = words[middle]
        best: tuple[int, int, int, int] | None = None
        for unit in range(1, min(MAX_PHRASE_WORDS, middle + 1) + 1):
            if middle + unit < total and words[middle + unit] == word:
                start = middle
            elif middle - unit >= 0 and words[middle - unit] == word:
                start = middle - unit
            else:
                continue
            left, right = start, start + 1  # words[i] == words[i + unit] for left <= i < right
            while left > 0 and words[left - 1] == words[left - 1 + unit]:
                left -= 1
            while right + unit < total and words[right] == words[right + unit]:
                right += 1
            covered = right - left + unit
            needed = self._min_word_repeats if unit == 1 else self._min_repeats
            if covered // unit < needed or 2 * covered < total:
                continue
            if not _primitive(words[left : left + unit]):
                continue
            if best is None or covered > best[1] - best[0] + 1:
                best = (left, left + covered - 1, unit, covered // unit)
        return best


def _primitive(unit: list[str]) -> bool:
    """Whether ``unit`` is not itself a shorter unit repeated ("ha ha" is "ha" twice)."""
    size = len(unit)
    return not any(
        size % part == 0 and unit == unit[:part] * (size // part) for part in range(1, size)
    )


# --- admin-written patterns -------------------------------------------------------------------


class RegexDetector:
    """Admin-written patterns, run with the ``regex`` package's timeout and a length cap."""

    def __init__(
        self,
        patterns: Sequence[regex.Pattern[str]],
        reason: str,
        timeout: float,
        max_input: int,
        requires: Sequence[str] = (),
        requires_words: Sequence[str] = (),
        *,
        spaced_out: bool = False,
        leet: bool = False,
    ) -> None:
        self._spaced_out = spaced_out  # also match with the letters' gaps closed ("d i s c o r d")
        self._leet = leet  # also match with leetspeak inside words read as letters ("m0ney")
        self._requires = tuple(r.lower() for r in requires)
        self._requires_words = frozenset(gate_token(w.lower()) for w in requires_words)
        self._patterns = tuple(patterns)
        if len(self._patterns) > 1:
            try:  # one pass over the text instead of one per pattern
                combined = "|".join(f"(?:{p.pattern})" for p in self._patterns)
                self._patterns = (regex.compile(combined, self._patterns[0].flags),)
            except regex.error:
                log.debug("patterns kept apart: they cannot be combined")
        self._gated = bool(self._requires or self._requires_words)
        self._reason = reason
        self._timeout = timeout
        self._max_input = max_input

    def find(self, scan: Scan) -> list[Hit]:
        """Return a hit per pattern that matches; one that runs out of time matches nothing."""
        text = scan.text
        gated = self._gated
        may_match = not gated or self._may_match(scan.tokens, text)
        hits = self._search(text) if may_match else []
        if not hits and self._leet and (may_match or "d.m" in text):
            # "e@rn m0ney f@st, d.m me": the same length, so the spans stay put (the scan's
            # words have leetspeak undone already: only "d.m" hides a required word)
            plain = read_leet(text)
            if plain != text:
                gate = gate_text(plain)
                tokens = frozenset(gate.split()) if gate is not None else None
                if not gated or self._may_match(tokens, plain):
                    hits = self._search(plain)
        if not hits and self._spaced_out and scan.runs and any(run.trim for run in scan.runs):
            # "d i s c o r d . g g / x": matched with the gaps closed, mapped back (only letters
            # spaced out, not "discord.gg" whose pieces the word rules join)
            closed, offsets = close_gaps(text[: self._max_input])
            if not gated or self._may_match(scan.tokens, closed):
                hits = [
                    Hit(offsets[hit.start], offsets[hit.end - 1] + 1, hit.reason, hit.redact)
                    for hit in self._search(closed)
                ]
        return hits

    def _search(self, text: str) -> list[Hit]:
        """Hits of the patterns in ``text`` (the caller has checked the required words)."""
        text = text[: self._max_input]
        hits = []
        for pattern in self._patterns:
            try:
                match = pattern.search(text, timeout=self._timeout)
            except TimeoutError:
                log.warning("pattern %r ran out of time and was skipped", pattern.pattern[:80])
                continue
            if match and match.end() > match.start():
                hits.append(Hit(match.start(), match.end(), self._reason, "[removed]"))
        return hits

    def _may_match(self, tokens: frozenset[str] | None, text: str) -> bool:
        """Whether ``text`` has one of the required words (a set test) or strings."""
        if self._requires_words and (tokens is None or not tokens.isdisjoint(self._requires_words)):
            return True
        return any(map(text.__contains__, self._requires))  # no generator: cheaper


def dedupe_key(scan: Scan) -> int:
    """The key under which repeated messages count as "the same" (case/space/disguise-blind)."""
    return hash(" ".join(scan.text.split()))
