"""The one way storybot opens its SQLite database (``data_dir/storybot.sqlite3``).

Several stores share the file, each with its own tables and its own schema version. They all open
it through :class:`Database`: one connection in autocommit mode (writes use ``BEGIN IMMEDIATE``),
WAL, a busy timeout, foreign keys on, and a lock so that one store may be used from several
threads (e.g. through ``asyncio.to_thread``). Every sqlite3 error becomes a :class:`StoreError`
whose message says what to do: a corrupt, locked, unwritable or closed database is reported, never
silently reset.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from bot.core.errors import StoreError

log = logging.getLogger(__name__)

DB_FILENAME = "storybot.sqlite3"
DEFAULT_BUSY_TIMEOUT = 5.0


def explain(error: sqlite3.Error, path: Path, action: str, busy_timeout: float) -> str:
    """A user-safe sentence for a sqlite3 error met while trying to ``action`` on ``path``."""
    text = str(error)
    if isinstance(error, sqlite3.ProgrammingError):  # e.g. used after close(): not damage
        return f"{path}: cannot {action} ({text})"
    if "locked" in text or "busy" in text:
        return (
            f"{path}: the database stayed locked by another process for {busy_timeout:g}s while "
            f"trying to {action}; is another storybot writing to it? Try again when it is done"
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"{path}: cannot write the database ({text}); check its permissions"
    if isinstance(error, sqlite3.OperationalError):
        return f"{path}: cannot {action} ({text})"
    return (
        f"{path}: the database is damaged ({text}); it was left as it is: restore a backup, or "
        "move it aside so that storybot starts a new one"
    )


@contextmanager
def store_errors(path: Path, action: str, busy_timeout: float) -> Iterator[None]:
    """Turn any sqlite3 error raised inside into a :class:`StoreError` (see :func:`explain`)."""
    try:
        yield
    except sqlite3.Error as error:
        raise StoreError(explain(error, path, action, busy_timeout)) from error


def open_database(path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> sqlite3.Connection:
    """Open (creating it and its folder if missing) and check the SQLite file at ``path``.

    The connection is in autocommit mode, may be used from any thread (callers serialise access),
    and has WAL, ``busy_timeout``, foreign keys and ``synchronous=NORMAL`` set. A file that is not
    a database or fails ``PRAGMA quick_check`` raises :class:`StoreError` and is left untouched.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path.parent}: cannot create the data folder ({error})") from error
    with store_errors(path, "open the database", busy_timeout):
        conn = sqlite3.connect(
            path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("SQLite journal mode is %s, not WAL, for %s", mode, path)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
    return conn


class Database:
    """One connection to ``path`` (see :func:`open_database`), shared between threads by a lock."""

    def __init__(self, path: Path | str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self._lock = threading.Lock()
        self._conn = open_database(self.path, busy_timeout=busy_timeout)

    def close(self) -> None:
        """Close the connection (any later use raises :class:`StoreError`)."""
        with self._lock:
            self._conn.close()

    def set_busy_timeout(self, seconds: float) -> None:
        """Wait up to ``seconds`` for another process's lock before failing."""
        with self._lock, self.errors("set the busy timeout"):
            self._conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
            self.busy_timeout = seconds

    def errors(self, action: str) -> AbstractContextManager[None]:
        """:func:`store_errors` for this database."""
        return store_errors(self.path, action, self.busy_timeout)

    @contextmanager
    def write(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT, ROLLBACK on error) under the lock."""
        with self._transaction(action, "BEGIN IMMEDIATE") as conn:
            yield conn

    @contextmanager
    def read(self, action: str) -> Iterator[sqlite3.Connection]:
        """One read transaction under the lock: every statement inside sees the same snapshot."""
        with self._transaction(action, "BEGIN") as conn:
            yield conn

    @contextmanager
    def _transaction(self, action: str, begin: str) -> Iterator[sqlite3.Connection]:
        with self._lock, self.errors(action):
            self._conn.execute(begin)
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
