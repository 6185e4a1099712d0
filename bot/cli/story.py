"""Placeholder: sub-commands are registered here by the feature that owns this module."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's sub-commands (none yet)."""
