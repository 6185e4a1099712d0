"""The moderation engine: rules file, normaliser, detectors, verdicts, strikes (no Discord).

Typical use by the Discord glue::

    rules = load_rules(settings.rules_file)          # RulesError on a bad file
    moderator = Moderator(rules)
    store = CaseStore.in_folder(settings.data_dir)    # StoreError if unusable
    verdict = moderator.check(text, Author(id, roles, is_bot), channel_id, time)
    if verdict.removes:
        enforcement = store.enforce(verdict, author.id, time, rules.strikes)
"""

from __future__ import annotations

from bot.core.moderation.model import ANONYMOUS, Action, Author, RuleMatch, Verdict
from bot.core.moderation.moderator import Moderator, redact
from bot.core.moderation.rules import Rule, RuleSet, diff_rules, load_rules, parse_rules
from bot.core.moderation.store import DB_NAME, Case, CaseStore, Enforcement
from bot.core.moderation.strikes import StrikePolicy

__all__ = [
    "ANONYMOUS",
    "DB_NAME",
    "Action",
    "Author",
    "Case",
    "CaseStore",
    "Enforcement",
    "Moderator",
    "Rule",
    "RuleMatch",
    "RuleSet",
    "StrikePolicy",
    "Verdict",
    "diff_rules",
    "load_rules",
    "parse_rules",
    "redact",
]
