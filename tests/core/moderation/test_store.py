"""Cases and strikes in SQLite: persistence, escalation over time, unusable databases."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.core.errors import StoreError
from bot.core.moderation import Author, CaseStore, Moderator, RuleSet, StrikePolicy

HOUR = 3600.0


def test_cases_survive_a_restart(tmp_path: Path) -> None:
    """Cases recorded before closing the store are there after reopening it."""
    with CaseStore.in_folder(tmp_path) as store:
        case = store.record_case(5, "profanity", "remove", 100.0, "this is ********")
    with CaseStore.in_folder(tmp_path) as reopened:
        assert reopened.cases(5) == [case]
        assert reopened.active_strikes(5, 200.0, HOUR) == 1
    assert (tmp_path / "storybot.sqlite3").is_file()


def test_database_uses_wal(tmp_path: Path) -> None:
    """The database runs in WAL mode."""
    CaseStore.in_folder(tmp_path).close()
    with sqlite3.connect(tmp_path / "storybot.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("strikes", "timeout"),
    [(1, None), (2, None), (3, 600.0), (4, 1200.0), (5, 2400.0), (30, 86400.0)],
)
def test_strike_policy_escalates_and_caps(strikes: int, timeout: float | None) -> None:
    """3 strikes give 10 min, each further strike doubles it, up to the cap."""
    assert StrikePolicy().timeout_for(strikes) == timeout


@pytest.mark.parametrize("strikes", [4, 5, 30])
def test_a_huge_multiplier_gives_the_longest_timeout(strikes: int) -> None:
    """A multiplier of 1e200 (valid, if odd) caps at the longest timeout instead of overflowing
    (the fifth strike raised OverflowError: the message stayed and the mod-log got nothing)."""
    policy = StrikePolicy(multiplier=1e200)
    assert policy.timeout_for(strikes) == policy.max_timeout_seconds


def test_escalation_over_time_with_injected_clock(tmp_path: Path, default_rules: RuleSet) -> None:
    """Strikes within 24 h escalate; after the window they lapse; clearing resets them."""
    now = [0.0]
    moderator = Moderator(default_rules, clock=lambda: now[0])
    policy = default_rules.strikes
    timeouts = []
    with CaseStore.in_folder(tmp_path) as store:
        for hour in (0, 1, 2, 3):
            now[0] = hour * HOUR
            verdict = moderator.check("you moron", Author(77))
            enforcement = store.enforce(verdict, 77, now[0], policy)
            assert enforcement is not None
            timeouts.append(enforcement.timeout_seconds)
        assert timeouts == [None, None, 600.0, 1200.0]
        now[0] = 30 * HOUR  # all earlier strikes are older than 24 h
        later = store.enforce(moderator.check("you moron", Author(77)), 77, now[0], policy)
        assert later is not None
        assert (later.strikes, later.timeout_seconds) == (1, None)
        assert store.clear_strikes(77) == 5
        assert store.active_strikes(77, now[0], policy.window_seconds) == 0
        assert len(store.cases(77)) == 5
        assert store.enforce(moderator.check("fine words", Author(77)), 77, now[0], policy) is None


def test_case_excerpt_is_the_redacted_text(tmp_path: Path, default_rules: RuleSet) -> None:
    """The case keeps the redacted excerpt, never the address itself."""
    verdict = Moderator(default_rules).check("mail me: bob@example.org", Author(3))
    with CaseStore.in_folder(tmp_path) as store:
        enforcement = store.enforce(verdict, 3, 1.0, default_rules.strikes)
    assert enforcement is not None
    assert "bob@" not in enforcement.case.excerpt
    assert enforcement.case.rule == "email"


def test_corrupt_database_is_reported_not_reset(tmp_path: Path) -> None:
    """A file that is not a database raises StoreError and is left untouched."""
    path = tmp_path / "storybot.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="damaged"):
        CaseStore(path)
    assert path.read_bytes() == b"this is not a database" * 100


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    """A database from a newer storybot is refused with a clear message."""
    path = tmp_path / "storybot.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer storybot"):
        CaseStore(path)


def test_locked_database_is_reported(tmp_path: Path) -> None:
    """A database locked by another writer raises StoreError naming the lock."""
    with CaseStore(tmp_path / "storybot.sqlite3", busy_timeout=0.05) as store:
        other = sqlite3.connect(tmp_path / "storybot.sqlite3", isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError, match="locked"):
                store.record_case(1, "x", "remove", 1.0, "x")
        finally:
            other.execute("ROLLBACK")
            other.close()


@pytest.mark.parametrize(
    "times",
    [[10.0, 11.0, 12.0, 13.0, 14.0, 15.0], [15.0, 14.0, 13.0, 12.0, 11.0, 10.0], [12.0] * 6],
    ids=["ascending", "descending", "same-second"],
)
def test_concurrent_enforce_counts_every_strike_once(
    tmp_path: Path, default_rules: RuleSet, times: list[float]
) -> None:
    """Overlapping enforce calls for one user get strike counts 1..n, whatever their times."""
    verdict = Moderator(default_rules).check("you moron", Author(9))
    policy = default_rules.strikes
    start = threading.Barrier(len(times))

    def enforce(time: float) -> int:
        start.wait()
        enforcement = store.enforce(verdict, 9, time, policy)
        assert enforcement is not None
        return enforcement.strikes

    with CaseStore.in_folder(tmp_path) as store, ThreadPoolExecutor(len(times)) as pool:
        counts = list(pool.map(enforce, times))
    assert sorted(counts) == list(range(1, len(times) + 1))
