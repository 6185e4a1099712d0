"""Load and validate the moderation rules file (TOML) into an immutable :class:`RuleSet`.

``load_rules(path)`` returns a new RuleSet or raises :class:`RulesError` naming the file, the line
and the problem; a caller reloading rules keeps the old RuleSet on error. ``load_rules(None)``
loads the defaults shipped in the package (``default_rules.toml``).
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.resources
import logging
import math
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import regex

from bot.core.errors import RulesError
from bot.core.moderation.detectors import (
    ENGLISH_DIGIT_WORDS,
    Detector,
    EmailDetector,
    LinksDetector,
    MentionsDetector,
    PhoneDetector,
    RegexDetector,
    RepeatsDetector,
    WordsDetector,
)
from bot.core.moderation.model import Author, RuleAction
from bot.core.moderation.strikes import StrikePolicy
from bot.core.moderation.words import ForeignWords, WordMatcher, known_languages

log = logging.getLogger(__name__)

DEFAULT_RULES_NAME = "default_rules.toml"
ACTIONS = ("remove", "warn", "watch")
CONTENT_KINDS = ("email", "phone", "words", "links", "mentions", "regex", "repeats")
RATE_KINDS = ("duplicates", "flood")
KINDS = CONTENT_KINDS + RATE_KINDS
MAX_PATTERN_LENGTH = 500
COMMON_KEYS = frozenset(
    {"kind", "enabled", "action", "channels", "exempt_roles", "exempt_users", "description"}
)
#: The list-valued keys of a "words" rule.
WORD_LISTS = (
    "words",
    "phrases",
    "suffixes",
    "allow",
    "targeted",
    "targets",
    "fillers",
    "common_words",
    "allow_phrases",
    "targets_after",
    "reporting_words",
    "self_words",
    "others_words",
    "vocatives",
    "vocative_leads",
    "mention_words",
)
#: The word-rule lists whose entries may hold any characters (the rest: letters, digits, ' and
#: spaces only).
FREE_FORM_WORD_LISTS = frozenset({"words", "phrases", "allow_phrases"})
KIND_KEYS: dict[str, frozenset[str]] = {
    "email": frozenset(
        {
            "at_words",
            "dot_words",
            "word_dot_words",
            "loose_dot_words",
            "tlds",
            "mail_domains",
            "not_domains",
            "no_tld_domains",
        }
    ),
    "phone": frozenset(
        {"not_after", "not_before", "digit_words", "contact_words", "contact_phrases"}
    ),
    "words": frozenset(
        {
            *WORD_LISTS,
            "target_gap",
            "split_words",
            "reversed_words",
            "real_word_zipf",
            "foreign_words",
        }
    ),
    "links": frozenset(
        {
            "other_links",
            "allow_domains",
            "deny_domains",
            "brands",
            "brand_domains",
            "scam_phrases",
            "scam_report_words",
            "spam_tlds",
            "spam_tld_links",
            "shorteners",
            "shortener_links",
            "phishing_paths",
            "keyword_stuffing",
            "tlds",
        }
    ),
    "mentions": frozenset(
        {"max_mentions", "max_mentions_with_role", "burst_mentions", "burst_seconds"}
    ),
    "regex": frozenset(
        {
            "patterns",
            "reason",
            "timeout_ms",
            "max_input",
            "requires",
            "requires_words",
            "spaced_out",
            "leet",
        }
    ),
    "repeats": frozenset({"min_repeats", "min_word_repeats", "min_length"}),
    "duplicates": frozenset({"max_repeats", "window_seconds", "min_length"}),
    "flood": frozenset({"max_messages", "window_seconds"}),
}
MODERATION_KEYS = frozenset(
    {"exempt_roles", "exempt_users", "ignore_bots", "max_text_length", "max_tracked_users"}
)
STRIKE_KEYS = frozenset(
    {"window_hours", "threshold", "timeout_minutes", "multiplier", "max_timeout_minutes"}
)
WORD_LABELS = {"profanity": "swear word", "abuse": "insult", "threats": "threat"}


@dataclass(frozen=True, slots=True)
class Rule:
    """One configured rule. ``detector`` finds content; rate rules use ``limit``/``window``."""

    name: str
    kind: str
    enabled: bool = True
    action: RuleAction = "remove"
    channels: frozenset[int] = frozenset()
    exempt_roles: frozenset[int] = frozenset()
    exempt_users: frozenset[int] = frozenset()
    description: str = ""
    detector: Detector | None = field(default=None, compare=False, repr=False)
    limit: int = 0  # duplicates: repeats allowed; flood: messages; mentions: burst mentions
    window: float = 0.0  # seconds
    min_length: int = 0

    def applies(self, author: Author, channel_id: int | None) -> bool:
        """True when the rule is on, covers ``channel_id`` and does not exempt ``author``."""
        if not self.enabled:
            return False
        if self.channels and channel_id is not None and channel_id not in self.channels:
            return False
        if author.id in self.exempt_users:
            return False
        return not (self.exempt_roles and self.exempt_roles & author.role_ids)

    def describe(self) -> str:
        """One human-readable line for /rules."""
        state = self.action if self.enabled else "off"
        where = (
            " in channels " + ", ".join(str(c) for c in sorted(self.channels))
            if self.channels
            else ""
        )
        text = self.description or f"{self.kind} rule"
        return f"{self.name} [{state}]{where}: {text}"


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every rule plus the global settings of the rules file."""

    rules: tuple[Rule, ...]
    strikes: StrikePolicy = field(default_factory=StrikePolicy)
    exempt_roles: frozenset[int] = frozenset()
    exempt_users: frozenset[int] = frozenset()
    ignore_bots: bool = True
    max_text_length: int = 4000
    max_tracked_users: int = 50_000
    source: str = DEFAULT_RULES_NAME

    @property
    def plain(self) -> bool:
        """True when no rule is limited to channels or exempts anyone (the common fast case)."""
        return not any(
            r.enabled and (r.channels or r.exempt_roles or r.exempt_users) for r in self.rules
        )

    def rule(self, name: str) -> Rule | None:
        """The rule called ``name``, if any."""
        return next((r for r in self.rules if r.name == name), None)

    def exempt(self, author: Author) -> bool:
        """True when no rule applies to ``author``."""
        return (
            (self.ignore_bots and author.is_bot)
            or author.id in self.exempt_users
            or bool(self.exempt_roles & author.role_ids)
        )

    def describe(self) -> list[str]:
        """One line per rule, then the strike policy (for /rules and ``storybot rules``)."""
        return [rule.describe() for rule in self.rules] + [self.strikes.describe()]

    def summary(self) -> str:
        """A one-line summary: how many rules are enforced, watched and off."""
        counts = {"enforced": 0, "watch": 0, "off": 0}
        for rule in self.rules:
            key = "off" if not rule.enabled else ("watch" if rule.action == "watch" else "enforced")
            counts[key] += 1
        return (
            f"{len(self.rules)} rules from {self.source}: {counts['enforced']} enforced, "
            f"{counts['watch']} in watch mode, {counts['off']} off"
        )


def diff_rules(old: RuleSet, new: RuleSet) -> list[str]:
    """What changed between two rule sets, one line per change (for the /reload reply)."""
    changes: list[str] = []
    old_rules = {r.name: r for r in old.rules}
    new_rules = {r.name: r for r in new.rules}
    for name in new_rules.keys() - old_rules.keys():
        changes.append(f"added {name} ({new_rules[name].action})")
    for name in old_rules.keys() - new_rules.keys():
        changes.append(f"removed {name}")
    for name in sorted(old_rules.keys() & new_rules.keys()):
        before, after = old_rules[name], new_rules[name]
        if before.enabled != after.enabled:
            changes.append(f"{name}: {'on' if after.enabled else 'off'}")
        if before.action != after.action:
            changes.append(f"{name}: {before.action} -> {after.action}")
        if (before.channels, before.exempt_roles, before.exempt_users) != (
            after.channels,
            after.exempt_roles,
            after.exempt_users,
        ):
            changes.append(f"{name}: channels or exemptions changed")
    if old.strikes != new.strikes:
        changes.append("strike policy changed")
    return sorted(changes)


# --- loading ----------------------------------------------------------------------------------


def default_rules_text() -> str:
    """The text of the rules file shipped in the package."""
    resource = importlib.resources.files("bot.core.moderation").joinpath(DEFAULT_RULES_NAME)
    return resource.read_text(encoding="utf-8")


def load_rules(path: Path | str | None = None) -> RuleSet:
    """Load the rules file at ``path`` (None: the shipped defaults); raise RulesError if bad."""
    if path is None:
        return parse_rules(default_rules_text(), DEFAULT_RULES_NAME)
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(str(path), "no such file") from None
    except UnicodeDecodeError as error:
        raise RulesError(str(path), f"not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise RulesError(str(path), f"cannot read it ({error.strerror})") from None
    return parse_rules(text, str(path))


_TOML_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


def parse_rules(text: str, source: str = "<rules>") -> RuleSet:
    """Parse the text of a rules file; ``source`` names it in errors. The same text is built
    once (compiling the word lists takes most of a second): a reload of an unchanged file, or
    a second bot in one process, shares the immutable :class:`RuleSet`."""
    try:
        return dataclasses.replace(_parsed(text), source=source)
    except RulesError:
        return _parse(text, source)  # (a bad file is not cached) raised again with its name


@functools.lru_cache(maxsize=4)
def _parsed(text: str) -> RuleSet:
    return _parse(text, "<rules>")


def _parse(text: str, source: str) -> RuleSet:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_LINE.search(message)
        line = int(found.group(1)) if found and found.group(1) else None
        if found and line is None:
            line = text.count("\n") + 1
        problem = _TOML_LINE.sub("", message)
        raise RulesError(source, f"not valid TOML: {problem}", line) from None
    return _Builder(text, source).build(data)


class _Builder:
    """Validates parsed TOML, pointing errors at the line of the offending key."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def error(self, table: str | None, key: str | None, problem: str) -> RulesError:
        return RulesError(self.source, problem, self.line_of(table, key))

    def line_of(self, table: str | None, key: str | None) -> int | None:
        """The 1-based line of ``key`` in ``[table]`` (or of the table header)."""
        start = 0
        if table is not None:
            header = re.compile(
                r"\s*\[\s*"
                + r"\s*\.\s*".join(
                    r"[\"']?" + re.escape(part) + r"[\"']?" for part in table.split(".")
                )
                + r"\s*\]"
            )
            start = next((i for i, line in enumerate(self.lines) if header.match(line)), -1)
            if start < 0:
                return None
            if key is None:
                return start + 1
            start += 1
        if key is None:
            return None
        key_line = re.compile(r"\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            header_line = line.lstrip().startswith("[") and not line.lstrip().startswith("[[")
            if index > start and table is not None and header_line:
                break
            if key_line.match(line):
                return index + 1
        return start if table is not None else None

    # typed getters ---------------------------------------------------------------------------

    def get(
        self,
        table: Mapping[str, Any],
        name: str | None,
        key: str,
        kind: type | tuple[type, ...],
        default: Any,
        what: str,
    ) -> Any:
        value = table.get(key, default)
        if isinstance(value, bool) and kind in (int, float, (int, float)):
            raise self.error(name, key, f"{key} must be {what}, not true/false")
        if not isinstance(value, kind):
            raise self.error(name, key, f"{key} must be {what}, got {type(value).__name__}")
        return value

    def number(
        self, table: Mapping[str, Any], name: str | None, key: str, default: float, minimum: float
    ) -> float:
        value = self.get(table, name, key, (int, float), default, "a number")
        if not math.isfinite(value):  # (TOML has nan and inf)
            raise self.error(name, key, f"{key} must be a finite number, got {value}")
        if value < minimum:
            raise self.error(name, key, f"{key} must be at least {minimum:g}, got {value}")
        return float(value)

    def integer(
        self, table: Mapping[str, Any], name: str | None, key: str, default: int, minimum: int
    ) -> int:
        value = self.get(table, name, key, int, default, "a whole number")
        if value < minimum:
            raise self.error(name, key, f"{key} must be at least {minimum}, got {value}")
        return int(value)

    def strings(self, table: Mapping[str, Any], name: str | None, key: str) -> list[str]:
        value = self.get(table, name, key, list, [], "a list of strings")
        if not all(isinstance(item, str) for item in value):
            raise self.error(name, key, f"{key} must be a list of strings")
        return list(value)

    def ids(self, table: Mapping[str, Any], name: str | None, key: str) -> frozenset[int]:
        value = self.get(table, name, key, list, [], "a list of Discord ids")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value):
            raise self.error(name, key, f"{key} must be a list of Discord ids (whole numbers)")
        return frozenset(value)

    def check_keys(
        self, table: Mapping[str, Any], name: str | None, allowed: frozenset[str]
    ) -> None:
        for key in table:
            if key not in allowed:
                raise self.error(
                    name, key, f"unknown key {key!r} (expected one of {', '.join(sorted(allowed))})"
                )

    # building --------------------------------------------------------------------------------

    def build(self, data: dict[str, Any]) -> RuleSet:
        self.check_keys(data, None, frozenset({"version", "moderation", "strikes", "rules"}))
        version = data.get("version", 1)
        if version != 1:
            raise self.error(None, "version", f"version must be 1, got {version!r}")
        moderation = self.table(data, "moderation")
        self.check_keys(moderation, "moderation", MODERATION_KEYS)
        strikes = self.table(data, "strikes")
        self.check_keys(strikes, "strikes", STRIKE_KEYS)
        rules_table = self.table(data, "rules")
        rules = tuple(self.rule(name, body) for name, body in rules_table.items())
        return RuleSet(
            rules=rules,
            strikes=StrikePolicy(
                window_seconds=self.number(strikes, "strikes", "window_hours", 24, 0) * 3600,
                threshold=self.integer(strikes, "strikes", "threshold", 3, 0),
                timeout_seconds=self.number(strikes, "strikes", "timeout_minutes", 10, 0) * 60,
                multiplier=self.number(strikes, "strikes", "multiplier", 2, 1),
                max_timeout_seconds=min(
                    self.number(strikes, "strikes", "max_timeout_minutes", 1440, 0) * 60,
                    28 * 24 * 3600.0,  # Discord's longest timeout
                ),
            ),
            exempt_roles=self.ids(moderation, "moderation", "exempt_roles"),
            exempt_users=self.ids(moderation, "moderation", "exempt_users"),
            ignore_bots=self.get(
                moderation, "moderation", "ignore_bots", bool, True, "true or false"
            ),
            max_text_length=self.integer(moderation, "moderation", "max_text_length", 4000, 1),
            max_tracked_users=self.integer(
                moderation, "moderation", "max_tracked_users", 50_000, 1
            ),
            source=self.source,
        )

    def table(self, data: Mapping[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.error(None, key, f"{key} must be a table ([{key}])")
        return value

    def rule(self, name: str, body: Any) -> Rule:
        table = f"rules.{name}"
        if not isinstance(body, dict):
            raise self.error(None, name, f"rules.{name} must be a table ([rules.{name}])")
        if not re.fullmatch(r"[a-z0-9_-]{1,40}", name):
            raise self.error(table, None, f"rule name {name!r} must be 1-40 of a-z 0-9 _ -")
        kind = body.get("kind", name if name in KINDS else None)
        if kind is None:
            raise self.error(table, None, f"rule {name!r} needs kind = one of {', '.join(KINDS)}")
        if kind not in KINDS:
            raise self.error(table, "kind", f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
        self.check_keys(body, table, COMMON_KEYS | KIND_KEYS[kind])
        action = self.get(body, table, "action", str, "remove", "a string")
        if action not in ACTIONS:
            raise self.error(
                table, "action", f"action must be one of {', '.join(ACTIONS)}, got {action!r}"
            )
        common: dict[str, Any] = {
            "name": name,
            "kind": kind,
            "enabled": self.get(body, table, "enabled", bool, True, "true or false"),
            "action": cast(RuleAction, action),
            "channels": self.ids(body, table, "channels"),
            "exempt_roles": self.ids(body, table, "exempt_roles"),
            "exempt_users": self.ids(body, table, "exempt_users"),
            "description": self.get(body, table, "description", str, "", "a string"),
        }
        builder: Callable[[str, str, dict[str, Any]], dict[str, Any]] = getattr(
            self, f"kind_{kind}"
        )
        return Rule(**common, **builder(name, table, body))

    def kind_email(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "detector": EmailDetector(
                self.strings(body, table, "at_words") or ["at", "(at)", "[at]"],
                self.strings(body, table, "dot_words") or ["dot", "(dot)", "[dot]"],
                self.strings(body, table, "tlds") or ["com", "org", "net"],
                self.strings(body, table, "mail_domains"),
                self.strings(body, table, "not_domains"),
                self.strings(body, table, "no_tld_domains"),
                self.strings(body, table, "word_dot_words"),
                self.strings(body, table, "loose_dot_words"),
            )
        }

    def kind_phone(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        digit_words = self.strings(body, table, "digit_words") or list(ENGLISH_DIGIT_WORDS)
        if len(digit_words) != len(ENGLISH_DIGIT_WORDS) or not all(
            words.split() and all(w.replace("-", "").isalpha() for w in words.split())
            for words in digit_words
        ):
            raise self.error(
                table,
                "digit_words",
                "digit_words must be 10 strings (the words for 0 to 9, separated by spaces)",
            )
        try:
            detector = PhoneDetector(
                self.strings(body, table, "not_after"),
                self.strings(body, table, "not_before"),
                digit_words=digit_words,
                contact_words=self.strings(body, table, "contact_words"),
                contact_phrases=self.strings(body, table, "contact_phrases"),
            )
        except ValueError as error:
            raise self.error(table, "contact_phrases", str(error)) from None
        return {"detector": detector}

    def kind_words(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        lists = {key: self.strings(body, table, key) for key in WORD_LISTS}
        for key in WORD_LISTS:
            if key in FREE_FORM_WORD_LISTS:
                continue
            for item in lists[key]:
                if not re.fullmatch(r"[a-z0-9' ]{1,60}", item.lower()):
                    raise self.error(
                        table, key, f"{key} entry {item!r} must be letters, digits, ' or spaces"
                    )
        try:
            matcher = WordMatcher(
                lists["words"],
                lists["phrases"],
                suffixes=lists["suffixes"],
                allow=lists["allow"],
                targeted=lists["targeted"],
                targets=lists["targets"],
                fillers=lists["fillers"],
                target_gap=self.integer(body, table, "target_gap", 2, 0),
                split_words=self.get(body, table, "split_words", bool, False, "true or false"),
                reversed_words=self.get(
                    body, table, "reversed_words", bool, False, "true or false"
                ),
                common_words=lists["common_words"],
                real_word_zipf=self.number(body, table, "real_word_zipf", 0, 0),
                allow_phrases=lists["allow_phrases"],
                targets_after=lists["targets_after"],
                reporting_words=lists["reporting_words"],
                self_words=lists["self_words"],
                others_words=lists["others_words"],
                vocatives=lists["vocatives"],
                vocative_leads=lists["vocative_leads"],
                mention_words=lists["mention_words"],
            )
        except ValueError as error:
            key = "phrases" if "phrase" in str(error) else "words"
            if any(phrase in str(error) for phrase in lists["allow_phrases"]):
                key = "allow_phrases"
            raise self.error(table, key, str(error)) from None
        except re.error as error:  # pragma: no cover - entries are validated above
            raise self.error(table, "words", f"cannot compile the word list: {error}") from None
        foreign = ForeignWords(self.foreign_words(body, table))
        return {"detector": WordsDetector(matcher, WORD_LABELS.get(name, name), foreign)}

    def foreign_words(self, body: dict[str, Any], table: str) -> dict[str, list[str]]:
        """The ``foreign_words`` table: a language code (of the wordfreq lists) -> words."""
        value = self.get(body, table, "foreign_words", dict, {}, "a table of language = [words]")
        if not value:
            return {}
        languages = known_languages()
        words: dict[str, list[str]] = {}
        for language, entries in value.items():
            if language not in languages:
                raise self.error(
                    table, "foreign_words", f"foreign_words: unknown language code {language!r}"
                )
            if not isinstance(entries, list) or not all(
                isinstance(e, str) and e.isalpha() for e in entries
            ):
                raise self.error(
                    table, "foreign_words", f"foreign_words.{language} must be a list of words"
                )
            words[language] = entries
        return words

    def kind_links(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        other = self.get(body, table, "other_links", str, "allow", "a string")
        if other not in ("allow", "remove"):
            raise self.error(table, "other_links", 'other_links must be "allow" or "remove"')
        try:
            detector = LinksDetector(
                allow_domains=self.strings(body, table, "allow_domains"),
                deny_domains=self.strings(body, table, "deny_domains"),
                brands=self.strings(body, table, "brands"),
                brand_domains=self.strings(body, table, "brand_domains"),
                scam_phrases=self.strings(body, table, "scam_phrases"),
                tlds=self.strings(body, table, "tlds") or ["com", "org", "net"],
                other_links=other,
                scam_report_words=self.strings(body, table, "scam_report_words"),
                spam_tlds=self.strings(body, table, "spam_tlds"),
                spam_tld_links=self.integer(body, table, "spam_tld_links", 0, 0),
                shorteners=self.strings(body, table, "shorteners"),
                shortener_links=self.integer(body, table, "shortener_links", 0, 0),
                phishing_paths=self.strings(body, table, "phishing_paths"),
                keyword_stuffing=self.integer(body, table, "keyword_stuffing", 0, 0),
            )
        except ValueError as error:
            raise self.error(table, "scam_phrases", str(error)) from None
        return {"detector": detector}

    def kind_mentions(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "detector": MentionsDetector(
                self.integer(body, table, "max_mentions", 5, 1),
                self.integer(body, table, "max_mentions_with_role", 1, 1),
            ),
            "limit": self.integer(body, table, "burst_mentions", 0, 0),
            "window": self.number(body, table, "burst_seconds", 60, 0),
        }

    def kind_regex(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        patterns = []
        for source in self.strings(body, table, "patterns"):
            if len(source) > MAX_PATTERN_LENGTH:
                raise self.error(
                    table, "patterns", f"pattern longer than {MAX_PATTERN_LENGTH} characters"
                )
            try:
                pattern = regex.compile(source, regex.IGNORECASE | regex.VERSION0)
            except regex.error as error:
                raise self.error(
                    table, "patterns", f"bad regular expression {source[:60]!r}: {error}"
                ) from None
            if pattern.search("") is not None:
                raise self.error(
                    table,
                    "patterns",
                    f"pattern {source[:60]!r} matches empty text, so every message",
                )
            patterns.append(pattern)
        timeout_ms = self.integer(body, table, "timeout_ms", 20, 1)
        return {
            "detector": RegexDetector(
                patterns,
                self.get(body, table, "reason", str, f"matched {name}", "a string"),
                min(timeout_ms, 1000) / 1000,
                self.integer(body, table, "max_input", 4000, 1),
                self.strings(body, table, "requires"),
                self.strings(body, table, "requires_words"),
                spaced_out=self.get(body, table, "spaced_out", bool, False, "true or false"),
                leet=self.get(body, table, "leet", bool, False, "true or false"),
            )
        }

    def kind_repeats(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "detector": RepeatsDetector(
                self.integer(body, table, "min_repeats", 4, 2),
                self.integer(body, table, "min_word_repeats", 10, 2),
                self.integer(body, table, "min_length", 80, 1),
            )
        }

    def kind_duplicates(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "limit": self.integer(body, table, "max_repeats", 2, 1),
            "window": self.number(body, table, "window_seconds", 120, 1),
            "min_length": self.integer(body, table, "min_length", 8, 0),
        }

    def kind_flood(self, name: str, table: str, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "limit": self.integer(body, table, "max_messages", 8, 1),
            "window": self.number(body, table, "window_seconds", 10, 1),
        }
