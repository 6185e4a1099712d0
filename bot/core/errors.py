"""Typed errors whose message is safe to show to a user."""

from __future__ import annotations


class StorybotError(Exception):
    """Base class: ``str(error)`` is a one-line, user-safe message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CorpusError(StorybotError):
    """A corpus file (or folder) cannot be used; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class QuestionError(StorybotError):
    """A question cannot be answered as asked (empty, too long, ...)."""


class RulesError(StorybotError):
    """The moderation rules file is invalid; the message names the file, line and problem."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class StoreError(StorybotError):
    """The database in the data folder is unusable (corrupt, locked, unwritable)."""


class SettingsError(StorybotError):
    """A setting is missing or malformed; the message names the variable and the fix."""
