"""The shared SQLite opening routine: pragmas, error mapping, stores sharing one file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bot.core.errors import StoreError
from bot.core.insights import InsightsStore
from bot.core.moderation import CaseStore
from bot.core.sqlite import DB_FILENAME, Database, open_database

SALT = b"sqlite-test-salt-0123456789"


def test_open_database_sets_the_pragmas(tmp_path: Path) -> None:
    """A new database (and its folder) is created with WAL, foreign keys and the busy timeout."""
    conn = open_database(tmp_path / "new" / DB_FILENAME, busy_timeout=2.5)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2500
        assert conn.isolation_level is None
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"this is not a database" * 100, "damaged"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged"),
    ],
    ids=["not-sqlite", "broken-header"],
)
def test_damaged_file_is_reported_and_left_alone(
    tmp_path: Path, content: bytes, match: str
) -> None:
    """A file that is not a healthy database raises StoreError and is not overwritten."""
    path = tmp_path / DB_FILENAME
    path.write_bytes(content)
    with pytest.raises(StoreError, match=match):
        open_database(path)
    assert path.read_bytes() == content


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_unwritable_folder_is_reported(tmp_path: Path) -> None:
    """A data folder that cannot be written raises StoreError naming the path."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="cannot create"):
            open_database(folder / "sub" / DB_FILENAME)
    finally:
        folder.chmod(0o700)


def test_locked_write_and_closed_use_are_store_errors(tmp_path: Path) -> None:
    """A write blocked past the busy timeout and any use after close raise StoreError."""
    db = Database(tmp_path / DB_FILENAME, busy_timeout=0.05)
    with db.write("create") as conn:
        conn.execute("CREATE TABLE t (x)")
    blocker = sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"), db.write("insert") as conn:
            conn.execute("INSERT INTO t VALUES (1)")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    db.close()
    with pytest.raises(StoreError, match="closed"), db.read("count") as conn:
        conn.execute("SELECT COUNT(*) FROM t")


def test_failed_write_is_rolled_back(tmp_path: Path) -> None:
    """An error inside a write transaction undoes the whole transaction."""
    db = Database(tmp_path / DB_FILENAME)
    with db.write("create") as conn:
        conn.execute("CREATE TABLE t (x)")

    def insert_then_fail() -> None:
        with db.write("insert") as conn:
            conn.execute("INSERT INTO t VALUES (1)")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        insert_then_fail()
    with db.read("count") as conn:
        assert conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 0
    db.close()


def test_both_stores_share_one_file(tmp_path: Path) -> None:
    """Moderation cases and insights live side by side in data_dir/storybot.sqlite3."""
    with (
        CaseStore.in_folder(tmp_path) as cases,
        InsightsStore(tmp_path / DB_FILENAME, salt=SALT) as insights,
    ):
        cases.record_case(1, "profanity", "remove", 1.0, "****")
        insights.record_question("who?", answered=False, user_id=1)
    with (
        CaseStore.in_folder(tmp_path) as cases,
        InsightsStore(tmp_path / DB_FILENAME, salt=SALT) as insights,
    ):
        assert len(cases.cases(1)) == 1
        assert insights.report(1).asked == 1
    with sqlite3.connect(tmp_path / DB_FILENAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
