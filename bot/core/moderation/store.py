"""Cases and strikes in SQLite (stdlib sqlite3, WAL), surviving restarts.

A corrupt, locked, unwritable or newer-version database raises :class:`StoreError` with a message
saying what to do; it is never silently reset. One :class:`CaseStore` may be shared between
threads (a lock serialises access), e.g. called through ``asyncio.to_thread``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.core.errors import StoreError
from bot.core.moderation.model import Verdict
from bot.core.moderation.strikes import StrikePolicy

log = logging.getLogger(__name__)

DB_NAME = "storybot.sqlite3"
SCHEMA_VERSION = 1
EXCERPT_LENGTH = 200
STRIKE_ACTIONS = ("remove", "warn")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS moderation_cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL,
    rule TEXT NOT NULL,
    action TEXT NOT NULL,
    time REAL NOT NULL,
    excerpt TEXT NOT NULL,
    cleared INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS moderation_cases_user_time ON moderation_cases (user_id, time);
"""


@dataclass(frozen=True, slots=True)
class Case:
    """One removal: who, which rule, what was done, when (epoch seconds), a redacted excerpt."""

    id: int
    user_id: int
    rule: str
    action: str
    time: float
    excerpt: str
    cleared: bool = False


@dataclass(frozen=True, slots=True)
class Enforcement:
    """What to do after a removal: the case recorded, active strikes, timeout (s) or None."""

    case: Case
    strikes: int
    timeout_seconds: float | None


class CaseStore:
    """Moderation cases in ``path`` (a SQLite file; created with its folder if missing)."""

    def __init__(self, path: Path | str, *, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create {self.path.parent}: {error.strerror}") from None
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open {self.path}: {error}") from None
        try:
            self._setup()
        except StoreError:
            self._db.close()
            raise

    @classmethod
    def in_folder(cls, data_dir: Path | str) -> CaseStore:
        """The store in the data folder from the settings (``data_dir/storybot.sqlite3``)."""
        return cls(Path(data_dir) / DB_NAME)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                with self._db:
                    yield self._db
            except sqlite3.OperationalError as error:
                raise StoreError(self._explain(error)) from None
            except sqlite3.DatabaseError as error:
                raise StoreError(self._explain(error)) from None

    def _explain(self, error: sqlite3.Error) -> str:
        text = str(error)
        if "locked" in text or "busy" in text:
            return (
                f"the database {self.path} is locked by another process "
                "(is a second storybot running?)"
            )
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return (
                f"the database {self.path} is corrupt ({text}); move it aside to start a new "
                "one, or restore a backup"
            )
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return f"cannot write the database {self.path} ({text}); check its permissions"
        return f"database error in {self.path}: {text}"

    def _setup(self) -> None:
        with self._transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the database {self.path} was written by a newer storybot "
                    f"(schema {version}, this one knows {SCHEMA_VERSION}); upgrade storybot"
                )
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise StoreError(
                    f"the database {self.path} is corrupt ({check}); move it aside to start a "
                    "new one, or restore a backup"
                )
        with self._transaction() as db:
            mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("SQLite journal mode is %s, not WAL, for %s", mode, self.path)
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # cases -----------------------------------------------------------------------------------

    def record_case(self, user_id: int, rule: str, action: str, time: float, excerpt: str) -> Case:
        """Record a removal and return it with its new id."""
        excerpt = excerpt[:EXCERPT_LENGTH]
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO moderation_cases (user_id, rule, action, time, excerpt) "
                "VALUES (?, ?, ?, ?, ?)",
                (user_id, rule, action, time, excerpt),
            )
            case_id = cursor.lastrowid
        assert case_id is not None
        return Case(case_id, user_id, rule, action, time, excerpt)

    def cases(self, user_id: int, limit: int = 50) -> list[Case]:
        """A user's cases, newest first."""
        with self._transaction() as db:
            rows = db.execute(
                "SELECT id, user_id, rule, action, time, excerpt, cleared FROM moderation_cases "
                "WHERE user_id = ? ORDER BY time DESC, id DESC LIMIT ?",
                (user_id, limit),
            ).fetchall()
        return [Case(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]

    def active_strikes(self, user_id: int, now: float, window_seconds: float = 86400.0) -> int:
        """How many uncleared removals (remove/warn) the user has within the window before now."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT COUNT(*) FROM moderation_cases WHERE user_id = ? AND cleared = 0 "
                "AND action IN ('remove', 'warn') AND time > ? AND time <= ?",
                (user_id, now - window_seconds, now),
            ).fetchone()
        return int(row[0])

    def clear_strikes(self, user_id: int) -> int:
        """Clear a user's strikes (their cases stay on record); return how many were cleared."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE moderation_cases SET cleared = 1 WHERE user_id = ? AND cleared = 0",
                (user_id,),
            )
        return cursor.rowcount

    def enforce(
        self, verdict: Verdict, user_id: int, time: float, policy: StrikePolicy
    ) -> Enforcement | None:
        """Record a removing verdict as a case and say which timeout (if any) it earns.

        Returns None for verdicts that do not remove ("allow", "watch").
        """
        if not verdict.removes:
            return None
        enforced = verdict.enforced
        rule = ",".join(dict.fromkeys(m.rule for m in enforced)) or "?"
        case = self.record_case(user_id, rule, verdict.action, time, verdict.redacted)
        strikes = self.active_strikes(user_id, time, policy.window_seconds)
        return Enforcement(case, strikes, policy.timeout_for(strikes))
