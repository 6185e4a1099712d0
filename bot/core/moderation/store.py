"""Cases and strikes in SQLite (stdlib sqlite3, WAL), surviving restarts.

A corrupt, locked, unwritable or newer-version database raises :class:`StoreError` with a message
saying what to do; it is never silently reset (see :mod:`bot.core.sqlite`). One
:class:`CaseStore` may be shared between threads (a lock serialises access), e.g. called through
``asyncio.to_thread``. The schema version is ``PRAGMA user_version``; other stores in the same
file keep their own.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.core.errors import StoreError
from bot.core.moderation.model import Verdict
from bot.core.moderation.strikes import StrikePolicy
from bot.core.sqlite import DB_FILENAME, DEFAULT_BUSY_TIMEOUT, Database

log = logging.getLogger(__name__)

DB_NAME = DB_FILENAME
SCHEMA_VERSION = 1
EXCERPT_LENGTH = 200
STRIKE_ACTIONS = ("remove", "warn")  # the actions counted as strikes (see _count_strikes)

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

    def __init__(self, path: Path | str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self._db = Database(path, busy_timeout=busy_timeout)
        self.path = self._db.path
        try:
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def in_folder(cls, data_dir: Path | str) -> CaseStore:
        """The store in the data folder from the settings (``data_dir/storybot.sqlite3``)."""
        return cls(Path(data_dir) / DB_NAME)

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        with self._db.write("set up the moderation tables") as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: the database was written by a newer storybot "
                    f"(schema {version}, this one knows {SCHEMA_VERSION}); upgrade storybot"
                )
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # cases -----------------------------------------------------------------------------------

    def record_case(self, user_id: int, rule: str, action: str, time: float, excerpt: str) -> Case:
        """Record a removal and return it with its new id."""
        with self._db.write("record a case") as db:
            return _insert_case(db, user_id, rule, action, time, excerpt)

    def cases(self, user_id: int, limit: int = 50) -> list[Case]:
        """A user's cases, newest first."""
        with self._db.read("read cases") as db:
            rows = db.execute(
                "SELECT id, user_id, rule, action, time, excerpt, cleared FROM moderation_cases "
                "WHERE user_id = ? ORDER BY time DESC, id DESC LIMIT ?",
                (user_id, limit),
            ).fetchall()
        return [Case(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]

    def active_strikes(self, user_id: int, now: float, window_seconds: float = 86400.0) -> int:
        """How many uncleared removals (remove/warn) the user has within the window before now."""
        with self._db.read("count strikes") as db:
            return _count_strikes(db, user_id, since=now - window_seconds, until=now)

    def clear_strikes(self, user_id: int) -> int:
        """Clear a user's strikes (their cases stay on record); return how many were cleared."""
        with self._db.write("clear strikes") as db:
            cursor = db.execute(
                "UPDATE moderation_cases SET cleared = 1 WHERE user_id = ? AND cleared = 0",
                (user_id,),
            )
        return cursor.rowcount

    def enforce(
        self, verdict: Verdict, user_id: int, time: float, policy: StrikePolicy
    ) -> Enforcement | None:
        """Record a removing verdict as a case and say which timeout (if any) it earns.

        Atomic: the case is recorded and the strikes counted in one transaction, so overlapping
        calls for one user get consecutive strike counts. The count is every active strike in the
        window recorded up to and including this case, whatever the order of the ``time`` values.
        Returns None for verdicts that do not remove ("allow", "watch").
        """
        if not verdict.removes:
            return None
        rule = ",".join(dict.fromkeys(m.rule for m in verdict.enforced)) or "?"
        with self._db.write("record a case") as db:
            case = _insert_case(db, user_id, rule, verdict.action, time, verdict.redacted)
            strikes = _count_strikes(
                db, user_id, since=time - policy.window_seconds, up_to_id=case.id
            )
        return Enforcement(case, strikes, policy.timeout_for(strikes))


def _insert_case(
    db: sqlite3.Connection, user_id: int, rule: str, action: str, time: float, excerpt: str
) -> Case:
    excerpt = excerpt[:EXCERPT_LENGTH]
    cursor = db.execute(
        "INSERT INTO moderation_cases (user_id, rule, action, time, excerpt) "
        "VALUES (?, ?, ?, ?, ?)",
        (user_id, rule, action, time, excerpt),
    )
    assert cursor.lastrowid is not None
    return Case(cursor.lastrowid, user_id, rule, action, time, excerpt)


def _count_strikes(
    db: sqlite3.Connection,
    user_id: int,
    *,
    since: float,
    until: float | None = None,
    up_to_id: int | None = None,
) -> int:
    """Uncleared strike cases of a user with ``since < time <= until``, ``id <= up_to_id``."""
    row = db.execute(
        "SELECT COUNT(*) FROM moderation_cases WHERE user_id = ? AND cleared = 0 "
        "AND action IN ('remove', 'warn') AND time > ? AND time <= ? AND id <= ?",
        (
            user_id,
            since,
            float("inf") if until is None else until,
            up_to_id if up_to_id is not None else 2**63 - 1,
        ),
    ).fetchone()
    return int(row[0])
