"""``storybot moderate`` (dry-run the rules on a text or on stdin) and ``storybot rules``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from bot.core.moderation import Moderator, RuleSet, Verdict
    from bot.settings import Settings

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``moderate`` and ``rules`` (``rules check``, ``rules show``)."""
    moderate = subparsers.add_parser(
        "moderate",
        help="show what the moderation rules would do with a text",
        description=(
            "Dry-run the moderation rules. With TEXT, print its verdict; with '-', read one "
            'message a line from stdin (JSON {"text", "author"?, "channel"?} or plain text) '
            "and print one verdict a line."
        ),
    )
    moderate.add_argument("text", metavar="TEXT", help="the message, or - to read stdin")
    moderate.add_argument("--json", action="store_true", help="print JSON objects")
    moderate.add_argument("--rules", metavar="FILE", help="rules file (default: settings)")
    moderate.add_argument("--author", type=int, default=None, help="author id (default: none)")
    moderate.add_argument("--channel", type=int, default=None, help="channel id")
    moderate.set_defaults(handler=run_moderate)

    rules = subparsers.add_parser("rules", help="check or show the moderation rules file")
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate a rules file and summarise it")
    check.add_argument("file", nargs="?", metavar="FILE", help="rules file (default: settings)")
    check.set_defaults(handler=run_rules_check)
    show = actions.add_parser("show", help="describe each rule in force")
    show.add_argument("file", nargs="?", metavar="FILE", help="rules file (default: settings)")
    show.set_defaults(handler=run_rules_show)


def _load(path: str | None, settings: Settings) -> RuleSet:
    from bot.core.moderation import load_rules

    return load_rules(path if path is not None else settings.rules_file)


def run_moderate(args: argparse.Namespace, settings: Settings) -> int:
    """Print the verdict for TEXT, or one verdict a line for stdin."""
    from bot.core.moderation import Author, Moderator

    moderator = Moderator(_load(args.rules, settings))
    if args.text == "-":
        return _moderate_lines(moderator, sys.stdin, sys.stdout, args)
    author = Author(args.author) if args.author is not None else Author(0)
    verdict = moderator.check(args.text, author, args.channel)
    _print_verdict(verdict, args.json, sys.stdout)
    return 0


def _moderate_lines(
    moderator: Moderator, lines: TextIO, out: TextIO, args: argparse.Namespace
) -> int:
    from bot.core.errors import StorybotError
    from bot.core.moderation import Author

    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        text, author_id, channel = line, args.author, args.channel
        if line.lstrip().startswith("{"):
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise StorybotError(f"stdin line {number}: not valid JSON ({error.msg})") from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise StorybotError(f'stdin line {number}: expected {{"text": "...", ...}}')
            text = item["text"]
            author_id = _optional_int(item, "author", number, author_id)
            channel = _optional_int(item, "channel", number, channel)
        # Without an author each line is its own author, so rate rules never join lines.
        author = Author(author_id if author_id is not None else -number)
        _print_verdict(moderator.check(text, author, channel), args.json, out)
        out.flush()
    return 0


def _optional_int(
    item: dict[str, object], key: str, number: int, default: int | None
) -> int | None:
    from bot.core.errors import StorybotError

    value = item.get(key, default)
    if value is None:
        return None
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise StorybotError(f"stdin line {number}: {key} must be an id (a whole number)")
    return value


def _print_verdict(verdict: Verdict, as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False), file=out)
        return
    print(f"{verdict.action.upper()}: {verdict.text}", file=out)
    for match in verdict.matches:
        where = ""
        if match.span:
            start, end = match.span
            where = f" at {start}-{end} {verdict.text[start:end]!r}"
        print(f"  {match.rule} [{match.action}]: {match.reason}{where}", file=out)
    if verdict.action != "allow":
        print(f"  redacted: {verdict.redacted}", file=out)


def run_rules_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate a rules file; print a summary (errors exit 2 with file:line: problem)."""
    rules = _load(args.file, settings)
    print(f"OK: {rules.summary()}")
    return 0


def run_rules_show(args: argparse.Namespace, settings: Settings) -> int:
    """Print one line per rule and the strike policy."""
    rules = _load(args.file, settings)
    print(rules.summary())
    for line in rules.describe():
        print(f"- {line}")
    return 0
