"""The insights store: questions asked and helpful / not-helpful votes, in the data folder's SQLite.

It shares ``storybot.sqlite3`` with the moderation case store but owns its own tables (prefixed
``insights_``) and its own schema version (table ``insights_schema``; ``PRAGMA user_version`` is
left alone for others). Readers are known only by an HMAC-SHA256 of their user id under a secret
salt, so the stored hash can neither be read back nor brute-forced over the snowflake space
without the salt. Rows older than the retention are pruned when the store opens and on
:meth:`InsightsStore.prune`. A corrupt or locked database raises :class:`StoreError`; it is never
reset behind the admin's back.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.errors import StoreError
from bot.core.insights.export import UnansweredRow, unanswered_csv
from bot.core.insights.grouping import (
    DEFAULT_THRESHOLD,
    AskedQuestion,
    Tokenizer,
    cluster_questions,
    group_questions,
    phrasing_key,
)
from bot.core.insights.model import (
    MAX_DAYS,
    DayCount,
    FlaggedAnswer,
    InsightsReport,
    PassageCount,
    VoteOutcome,
)
from bot.core.sqlite import DB_FILENAME, Database
from bot.core.text import index_terms

if TYPE_CHECKING:
    from bot.core.answer import Answer
    from bot.settings import Settings

log = logging.getLogger(__name__)

SALT_FILENAME = "insights.salt"
SCHEMA_VERSION = 1
MAX_QUESTION_CHARS = 1000
MIN_SALT_BYTES = 16
PRUNE_EVERY = timedelta(days=1)

Clock = Callable[[], datetime]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS insights_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so an old button cannot hit a new row
    asked_at REAL NOT NULL,                -- unix seconds, UTC
    question TEXT NOT NULL,
    answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
    article TEXT,                          -- top citation: article slug ...
    paragraph INTEGER,                     -- ... and paragraph number (NULL when none)
    score REAL,                            -- BM25 score of the best passage (NULL when none)
    channel_id INTEGER,
    user_hash TEXT NOT NULL                -- HMAC-SHA256(salt, user id), never the id
);
CREATE INDEX IF NOT EXISTS insights_questions_asked_at ON insights_questions (asked_at);
CREATE TABLE IF NOT EXISTS insights_votes (
    answer_id INTEGER NOT NULL REFERENCES insights_questions (id) ON DELETE CASCADE,
    user_hash TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    voted_at REAL NOT NULL,
    PRIMARY KEY (answer_id, user_hash)
) WITHOUT ROWID;
"""


def utc_now() -> datetime:
    """The current time, timezone-aware UTC (the default clock)."""
    return datetime.now(UTC)


def hash_user_id(user_id: int, salt: bytes) -> str:
    """HMAC-SHA256 of the decimal user id under ``salt``, as 64 hex characters."""
    if len(salt) < MIN_SALT_BYTES:
        raise ValueError(f"the salt must be at least {MIN_SALT_BYTES} bytes")
    return hmac.new(salt, str(int(user_id)).encode("ascii"), hashlib.sha256).hexdigest()


def load_or_create_salt(data_dir: Path) -> bytes:
    """The salt kept in ``data_dir/insights.salt``, created (random, mode 0600) on first use.

    The new file is written in full under a temporary name and then hard-linked into place, so a
    second process never reads a half-written salt. Raises :class:`StoreError` if the file exists
    but is unreadable or too short: replacing it would silently change every reader's hash.
    """
    path = data_dir / SALT_FILENAME
    if path.exists():
        return _read_salt(path)
    salt = secrets.token_hex(32)
    temp_name: str | None = None
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=".insights-salt-", dir=data_dir)  # mode 0600
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(salt + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temp_name, path)
    except FileExistsError:
        return _read_salt(path)  # another process created it first
    except OSError as error:
        raise StoreError(f"{path}: cannot create the insights salt ({error.strerror})") from error
    finally:
        if temp_name is not None:
            Path(temp_name).unlink(missing_ok=True)
    log.info("created a new insights salt in %s", path)
    return salt.encode("ascii")


def _read_salt(path: Path) -> bytes:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, 0o600)
            log.warning("%s was readable by others (mode %o); set it to 0600", path, mode)
        salt = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise StoreError(f"{path}: cannot read the insights salt ({error})") from error
    if len(salt) < MIN_SALT_BYTES:
        raise StoreError(
            f"{path}: the insights salt is empty or too short; restore it from a backup, or "
            "delete it to start new hashes (votes already cast then count as other readers)"
        )
    return salt.encode("ascii")


def _ts(moment: datetime) -> float:
    if moment.tzinfo is None:
        raise ValueError("the insights clock must return timezone-aware datetimes")
    return moment.timestamp()


def _top_citation(answer: Answer) -> tuple[str | None, int | None, float | None]:
    """The (article, paragraph, score) stored for an answer: its citation if it answered, and the
    BM25 score of its best passage."""
    citation = answer.citation if answer.answered else None
    return (
        citation.article if citation else None,
        citation.paragraph if citation else None,
        answer.passages[0].score if answer.passages else None,
    )


def _dt(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


class InsightsStore:
    """Questions and votes in SQLite. Thread-safe: one connection behind a lock.

    Parameters
    ----------
    path:
        The database file (normally ``settings.data_dir / "storybot.sqlite3"``).
    salt:
        The HMAC key for user ids; ``None`` loads (or creates) ``insights.salt`` beside ``path``
        the first time a user id is hashed.
    retention_days:
        Questions (and their votes) older than this are pruned.
    tokenizer:
        Turns a question into search tokens for grouping; by default the story engine's BM25
        analyzer (:func:`bot.core.text.index_terms`), so that phrasings the search engine sees as
        the same words land in the same group.
    clock:
        Returns the current timezone-aware time (tests inject a fake).
    busy_timeout:
        Seconds to wait for another process's write lock before failing with :class:`StoreError`.
    """

    def __init__(
        self,
        path: Path,
        *,
        salt: bytes | None = None,
        retention_days: int = 90,
        tokenizer: Tokenizer = index_terms,
        clock: Clock = utc_now,
        busy_timeout: float = 5.0,
        group_threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        if retention_days < 1:
            raise ValueError(f"retention_days must be at least 1, got {retention_days}")
        if salt is not None and len(salt) < MIN_SALT_BYTES:
            raise StoreError(
                f"the insights salt (STORYBOT_INSIGHTS_SALT) must be at least {MIN_SALT_BYTES} "
                "characters: use a long random string, or leave it empty to have one generated"
            )
        self.path = Path(path)
        self.retention_days = retention_days
        self._salt = salt
        self._tokenizer = tokenizer
        self._clock = clock
        self._group_threshold = group_threshold
        self._salt_lock = threading.Lock()
        self._last_pruned: datetime | None = None
        self._db = Database(self.path, busy_timeout=busy_timeout)
        try:
            self._migrate()
            self.prune()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        tokenizer: Tokenizer = index_terms,
        clock: Clock = utc_now,
    ) -> InsightsStore:
        """Open ``settings.data_dir/storybot.sqlite3`` with the configured salt and retention."""
        configured = settings.insights_salt.reveal()
        return cls(
            settings.data_dir / DB_FILENAME,
            salt=configured.encode("utf-8") if configured else None,
            retention_days=settings.insights_retention_days,
            tokenizer=tokenizer,
            clock=clock,
        )

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (the store cannot be used afterwards)."""
        self._db.close()

    def __enter__(self) -> InsightsStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _migrate(self) -> None:
        with self._db.write("set up the insights tables") as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS insights_schema (version INTEGER NOT NULL)")
            row = conn.execute("SELECT MAX(version) FROM insights_schema").fetchone()
            version = row[0] if row else None
            if version is not None and version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: the insights tables were written by a newer storybot "
                    f"(schema {version}, this one knows {SCHEMA_VERSION}); upgrade storybot"
                )
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            if version is None:
                conn.execute("INSERT INTO insights_schema (version) VALUES (?)", (SCHEMA_VERSION,))

    # -- writing ---------------------------------------------------------------------------

    def user_hash(self, user_id: int) -> str:
        """The salted hash stored for ``user_id`` (the id itself is never stored)."""
        with self._salt_lock:
            if self._salt is None:
                self._salt = load_or_create_salt(self.path.parent)
            salt = self._salt
        return hash_user_id(user_id, salt)

    def record_question(
        self,
        question: str,
        *,
        answered: bool,
        user_id: int,
        channel_id: int | None = None,
        article: str | None = None,
        paragraph: int | None = None,
        score: float | None = None,
    ) -> int:
        """Record one asked question; return its id (the answer id for votes and button ids).

        ``article``/``paragraph`` are the top citation (both or neither); ``score`` is the BM25
        score of the best passage. Questions longer than 1000 characters are cut.
        """
        if (article is None) != (paragraph is None):
            raise ValueError("article and paragraph must be given together")
        user_hash = self.user_hash(user_id)
        values = (
            _ts(self._clock()),
            question.strip()[:MAX_QUESTION_CHARS],
            int(bool(answered)),
            article,
            paragraph,
            None if score is None else float(score),
            channel_id,
            user_hash,
        )
        with self._db.write("record a question") as conn:
            cursor = conn.execute(
                "INSERT INTO insights_questions (asked_at, question, answered, article, "
                "paragraph, score, channel_id, user_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            answer_id = cursor.lastrowid
        assert answer_id is not None
        self._prune_daily()
        return answer_id

    def record_answer(self, answer: Answer, *, user_id: int, channel_id: int | None = None) -> int:
        """:meth:`record_question` for an engine :class:`~bot.core.answer.Answer`; return its id."""
        article, paragraph, score = _top_citation(answer)
        return self.record_question(
            answer.question,
            answered=answer.answered,
            user_id=user_id,
            channel_id=channel_id,
            article=article,
            paragraph=paragraph,
            score=score,
        )

    def revise_answer(self, answer_id: int, answer: Answer) -> bool:
        """Replace a recorded question and its answer after the asker edited the question.

        The row keeps its id (and so its buttons) and its time; the votes on the old answer are
        dropped, since they judged something no longer shown. Returns False when the row is gone
        (pruned).
        """
        values = (
            answer.question.strip()[:MAX_QUESTION_CHARS],
            int(bool(answer.answered)),
            *_top_citation(answer),
            answer_id,
        )
        with self._db.write("revise a question") as conn:
            updated = conn.execute(
                "UPDATE insights_questions SET question = ?, answered = ?, article = ?, "
                "paragraph = ?, score = ? WHERE id = ?",
                values,
            ).rowcount
            if updated:
                conn.execute("DELETE FROM insights_votes WHERE answer_id = ?", (answer_id,))
        return bool(updated)

    def forget_answer(self, answer_id: int) -> bool:
        """Delete a recorded question and its votes (its answer never reached the reader).
        Returns False when the row is already gone."""
        with self._db.write("forget a question") as conn:
            conn.execute("DELETE FROM insights_votes WHERE answer_id = ?", (answer_id,))
            deleted = conn.execute(
                "DELETE FROM insights_questions WHERE id = ?", (answer_id,)
            ).rowcount
        return bool(deleted)

    def record_vote(self, answer_id: int, *, user_id: int, helpful: bool) -> VoteOutcome:
        """Count one vote per reader per answer: a second click replaces the first."""
        user_hash = self.user_hash(user_id)
        now = _ts(self._clock())
        with self._db.write("record a vote") as conn:
            if (
                conn.execute(
                    "SELECT 1 FROM insights_questions WHERE id = ?", (answer_id,)
                ).fetchone()
                is None
            ):
                return VoteOutcome.UNKNOWN_ANSWER
            row = conn.execute(
                "SELECT helpful FROM insights_votes WHERE answer_id = ? AND user_hash = ?",
                (answer_id, user_hash),
            ).fetchone()
            if row is not None and bool(row[0]) == helpful:
                return VoteOutcome.UNCHANGED
            conn.execute(
                "INSERT INTO insights_votes (answer_id, user_hash, helpful, voted_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (answer_id, user_hash) "
                "DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at",
                (answer_id, user_hash, int(helpful), now),
            )
        return VoteOutcome.RECORDED if row is None else VoteOutcome.CHANGED

    def vote_counts(self, answer_id: int) -> tuple[int, int]:
        """(helpful, not helpful) votes on one answer."""
        with self._db.read("count votes") as conn:
            row = conn.execute(
                "SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0) "
                "FROM insights_votes WHERE answer_id = ?",
                (answer_id,),
            ).fetchone()
        return int(row[0]), int(row[1])

    def _prune_daily(self) -> None:
        """Prune again when the last prune is a day old (a bot runs for weeks)."""
        last = self._last_pruned
        if last is None or self._clock() - last >= PRUNE_EVERY:
            self.prune()

    def prune(self) -> int:
        """Delete questions (and their votes) older than the retention; return how many.

        Runs when the store opens and then at most once a day from :meth:`record_question`.
        """
        now = self._clock()
        self._last_pruned = now
        cutoff = _ts(now - timedelta(days=self.retention_days))
        with self._db.write("prune old insights") as conn:
            conn.execute(
                "DELETE FROM insights_votes WHERE answer_id IN "
                "(SELECT id FROM insights_questions WHERE asked_at < ?)",
                (cutoff,),
            )
            removed = conn.execute(
                "DELETE FROM insights_questions WHERE asked_at < ?", (cutoff,)
            ).rowcount
        if removed:
            log.info("pruned %d insights older than %d days", removed, self.retention_days)
        return int(removed)

    # -- reading ---------------------------------------------------------------------------

    def window_start(self, days: int) -> datetime:
        """Midnight UTC at the start of the ``days``-day window that ends today."""
        if not 1 <= days <= MAX_DAYS:
            raise ValueError(f"days must be between 1 and {MAX_DAYS}, got {days}")
        today = self._clock().astimezone(UTC).date()
        return datetime.combine(today - timedelta(days=days - 1), time.min, tzinfo=UTC)

    def report(
        self,
        days: int = 7,
        *,
        group_limit: int = 10,
        passage_limit: int = 10,
        flagged_limit: int = 10,
    ) -> InsightsReport:
        """What readers asked in the last ``days`` days (today included, UTC)."""
        now = self._clock()
        since = self.window_start(days)
        start = _ts(since)
        with self._db.read("read the insights") as conn:
            per_day_rows = conn.execute(
                "SELECT date(asked_at, 'unixepoch'), COUNT(*), SUM(answered) "
                "FROM insights_questions WHERE asked_at >= ? GROUP BY 1",
                (start,),
            ).fetchall()
            unanswered = conn.execute(
                "SELECT question, asked_at FROM insights_questions "
                "WHERE answered = 0 AND asked_at >= ?",
                (start,),
            ).fetchall()
            passages = conn.execute(
                "SELECT article, paragraph, COUNT(*) FROM insights_questions "
                "WHERE answered = 1 AND article IS NOT NULL AND asked_at >= ? "
                "GROUP BY article, paragraph ORDER BY 3 DESC, article, paragraph LIMIT ?",
                (start, passage_limit),
            ).fetchall()
            flagged = conn.execute(
                "SELECT q.id, q.question, q.answered, q.article, q.paragraph, q.score, "
                "q.asked_at, SUM(v.helpful), SUM(1 - v.helpful) "
                "FROM insights_questions q JOIN insights_votes v ON v.answer_id = q.id "
                "WHERE q.asked_at >= ? GROUP BY q.id HAVING SUM(1 - v.helpful) > 0 "
                "ORDER BY 9 DESC, 8 ASC, q.asked_at DESC LIMIT ?",
                (start, flagged_limit),
            ).fetchall()
            votes = conn.execute(
                "SELECT COALESCE(SUM(v.helpful), 0), COALESCE(SUM(1 - v.helpful), 0) "
                "FROM insights_votes v JOIN insights_questions q ON v.answer_id = q.id "
                "WHERE q.asked_at >= ?",
                (start,),
            ).fetchone()

        counts = {
            date.fromisoformat(day): (asked, answered) for day, asked, answered in per_day_rows
        }
        per_day = tuple(
            DayCount(day, *counts.get(day, (0, 0)))
            for day in (since.date() + timedelta(days=offset) for offset in range(days))
        )
        groups = group_questions(
            (AskedQuestion(text, _dt(asked_at)) for text, asked_at in unanswered),
            self._tokenizer,
            threshold=self._group_threshold,
            limit=group_limit,
        )
        return InsightsReport(
            days=days,
            since=since,
            generated_at=now,
            per_day=per_day,
            asked=sum(d.asked for d in per_day),
            answered=sum(d.answered for d in per_day),
            unanswered_groups=tuple(groups),
            top_passages=tuple(PassageCount(a, int(p), int(n)) for a, p, n in passages),
            not_helpful=tuple(
                FlaggedAnswer(
                    answer_id=int(row[0]),
                    question=row[1],
                    answered=bool(row[2]),
                    article=row[3],
                    paragraph=row[4],
                    score=row[5],
                    asked_at=_dt(row[6]),
                    helpful_votes=int(row[7]),
                    not_helpful_votes=int(row[8]),
                )
                for row in flagged
            ),
            helpful_votes=int(votes[0]),
            not_helpful_votes=int(votes[1]),
        )

    def export_csv(self, days: int | None = None) -> str:
        """Unanswered questions of the last ``days`` days (all retained ones if None) as CSV.

        One row per asking, sorted by group (largest first) then time, each with its group's
        representative phrasing; text cells are neutralised against formula injection. Encode
        it as ``utf-8-sig`` for spreadsheets.
        """
        start = _ts(self.window_start(days)) if days is not None else float("-inf")
        with self._db.read("export unanswered questions") as conn:
            rows = conn.execute(
                "SELECT question, asked_at, channel_id FROM insights_questions "
                "WHERE answered = 0 AND asked_at >= ? ORDER BY asked_at, id",
                (start,),
            ).fetchall()
        clusters = cluster_questions(
            (AskedQuestion(text, _dt(asked_at)) for text, asked_at, _ in rows),
            self._tokenizer,
            threshold=self._group_threshold,
        )
        rank: dict[str, tuple[int, str, int]] = {}
        for position, (group, keys) in enumerate(clusters):
            for key in keys:
                rank[key] = (position, group.representative, group.count)
        out: list[tuple[int, UnansweredRow]] = []
        for text, asked_at, channel_id in rows:
            position, representative, size = rank.get(phrasing_key(text), (len(clusters), text, 1))
            out.append(
                (position, UnansweredRow(_dt(asked_at), text, channel_id, representative, size))
            )
        out.sort(key=lambda item: (item[0], item[1].asked_at))
        return unanswered_csv(row for _, row in out)
