"""The ``storybot`` command line: one sub-command module per feature area.

Each module in :data:`COMMAND_MODULES` exposes ``register(subparsers)``, which adds its commands
with ``set_defaults(handler=...)``; a handler takes ``(args, settings)`` and returns an exit code.
Heavy imports (discord, numpy) happen inside handlers so that ``storybot ask`` starts fast, and
the lexicon cache (word stems and frequencies, :mod:`bot.core.lexicon`) is set up before a
handler runs (read on its first lookup) and saved after it, so that a run whose words were all
seen before imports neither nltk nor wordfreq.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from bot.core import lexicon
from bot.core.errors import StorybotError
from bot.settings import load_settings

log = logging.getLogger(__name__)

COMMAND_MODULES = ("bot.cli.story", "bot.cli.moderation", "bot.cli.discord_app", "bot.cli.insights")


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with every feature's sub-commands registered."""
    parser = argparse.ArgumentParser(
        prog="storybot",
        description="Answer questions about a news story (offline or on Discord).",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``storybot`` and ``python -m bot``; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        logging.basicConfig(
            level=getattr(logging, settings.log_level),
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
            stream=sys.stderr,
        )
        lexicon.configure(settings.cache_dir, explicit=settings.cache_dir_set)
        try:
            return int(args.handler(args, settings))
        finally:
            lexicon.save_active()
            lexicon.use(None)
    except StorybotError as error:
        print(f"storybot: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `storybot ask ... | head`
        return 0
