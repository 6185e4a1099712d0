"""Reader insights: the SQLite store, salted hashes, votes, pruning, grouping, CSV and chart."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.answer import Answer, Citation, Passage
from bot.core.errors import StoreError
from bot.core.insights import (
    DB_FILENAME,
    MAX_DAYS,
    SALT_FILENAME,
    AskedQuestion,
    InsightsStore,
    Tokenizer,
    VoteOutcome,
    group_questions,
    hash_user_id,
    load_or_create_salt,
    neutralise_cell,
    questions_per_day_png,
    render_questions_per_day,
    simple_tokens,
)
from bot.core.insights.report import build_report_files

SALT = b"test-salt-0123456789abcdef"
OTHER_SALT = b"another-salt-0123456789abcdef"
START = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
SNOWFLAKES = [80351110224678912, 1234567890123456789, 222222222222222222, 999999999999999999]


class FakeClock:
    """A settable clock for the store."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / DB_FILENAME


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Iterator[InsightsStore]:
    with InsightsStore(db_path, salt=SALT, clock=clock) as opened:
        yield opened


def ask(
    store: InsightsStore,
    text: str,
    *,
    answered: bool = False,
    user: int = SNOWFLAKES[0],
    article: str | None = None,
    paragraph: int | None = None,
) -> int:
    return store.record_question(
        text,
        answered=answered,
        user_id=user,
        channel_id=42,
        article=article,
        paragraph=paragraph,
        score=3.5 if answered else 0.4,
    )


# -- persistence, votes ----------------------------------------------------------------------


def test_questions_and_votes_persist_across_reopen(db_path: Path, clock: FakeClock) -> None:
    """A question and its vote are still there (and still the same user's) after a restart."""
    with InsightsStore(db_path, salt=SALT, clock=clock) as first:
        answer_id = ask(first, "Who met in Helsinki?", answered=True, article="a", paragraph=2)
        assert first.record_vote(answer_id, user_id=SNOWFLAKES[1], helpful=True) is (
            VoteOutcome.RECORDED
        )
    with InsightsStore(db_path, salt=SALT, clock=clock) as second:
        assert second.vote_counts(answer_id) == (1, 0)
        assert second.record_vote(answer_id, user_id=SNOWFLAKES[1], helpful=False) is (
            VoteOutcome.CHANGED
        )
        report = second.report(1)
    assert (report.asked, report.answered) == (1, 1)
    assert report.not_helpful[0].question == "Who met in Helsinki?"


def test_salt_file_keeps_hashes_stable_across_reopen(db_path: Path, clock: FakeClock) -> None:
    """Without a configured salt, one is created once (mode 0600) and reused after a restart."""
    with InsightsStore(db_path, clock=clock) as first:
        first_hash = first.user_hash(SNOWFLAKES[0])
    salt_path = db_path.parent / SALT_FILENAME
    assert stat.S_IMODE(salt_path.stat().st_mode) == 0o600
    with InsightsStore(db_path, clock=clock) as second:
        assert second.user_hash(SNOWFLAKES[0]) == first_hash
    assert len(salt_path.read_text().strip()) == 64


def test_empty_salt_file_is_an_error_not_a_reset(tmp_path: Path) -> None:
    """An emptied salt file raises StoreError instead of silently starting new hashes."""
    (tmp_path / SALT_FILENAME).write_text("")
    with pytest.raises(StoreError, match="too short"):
        load_or_create_salt(tmp_path)
    assert (tmp_path / SALT_FILENAME).read_text() == ""


def test_one_vote_per_user_and_a_second_click_changes_it(store: InsightsStore) -> None:
    """Repeated clicks by one reader count once; the latest button wins; readers are separate."""
    answer_id = ask(store, "What did Putin offer?", answered=True, article="a", paragraph=1)
    reader, other = SNOWFLAKES[0], SNOWFLAKES[1]
    steps = [
        (reader, True, VoteOutcome.RECORDED, (1, 0)),
        (reader, True, VoteOutcome.UNCHANGED, (1, 0)),
        (reader, False, VoteOutcome.CHANGED, (0, 1)),
        (other, False, VoteOutcome.RECORDED, (0, 2)),
        (reader, True, VoteOutcome.CHANGED, (1, 1)),
    ]
    for user, helpful, outcome, counts in steps:
        assert store.record_vote(answer_id, user_id=user, helpful=helpful) is outcome
        assert store.vote_counts(answer_id) == counts


def test_vote_on_unknown_answer(store: InsightsStore) -> None:
    """A click on an answer that does not exist (or was pruned) says so instead of failing."""
    assert store.record_vote(999, user_id=SNOWFLAKES[0], helpful=True) is (
        VoteOutcome.UNKNOWN_ANSWER
    )


def answered(question: str, sentence: str, *, paragraph: int, score: float) -> Answer:
    """An engine answer citing ``paragraph`` of the article "story" with one passage."""
    citation = Citation(article="story", title="Story", paragraph=paragraph)
    return Answer(
        question=question,
        answered=True,
        sentence=sentence,
        citation=citation,
        passages=(Passage(citation, sentence, score),),
        quotes=(),
        reason="",
    )


def test_record_answer_takes_the_top_citation(store: InsightsStore) -> None:
    """record_answer stores the engine Answer's citation and best score."""
    answer = answered("Where was the summit?", "In Helsinki.", paragraph=7, score=6.25)
    store.record_answer(answer, user_id=SNOWFLAKES[0], channel_id=5)
    report = store.report(1)
    assert [(p.article, p.paragraph, p.count) for p in report.top_passages] == [("story", 7, 1)]


def test_revise_answer_keeps_the_id_and_drops_old_votes(store: InsightsStore) -> None:
    """An edited question replaces the row under the same id; votes on the old answer go."""
    answer_id = ask(store, "Who paid for teh trip?")
    store.record_vote(answer_id, user_id=SNOWFLAKES[0], helpful=False)
    revised = answered("Who paid for the trip?", "The state did.", paragraph=2, score=5.0)
    assert store.revise_answer(answer_id, revised) is True
    assert store.vote_counts(answer_id) == (0, 0)
    report = store.report(1)
    assert (report.asked, report.answered, report.unanswered_groups) == (1, 1, ())
    assert [(p.article, p.paragraph) for p in report.top_passages] == [("story", 2)]
    assert store.record_vote(answer_id, user_id=SNOWFLAKES[0], helpful=True) is (
        VoteOutcome.RECORDED
    )
    assert store.revise_answer(999, revised) is False


def test_forget_answer_deletes_the_question_and_its_votes(store: InsightsStore) -> None:
    """An answer that was never delivered is removed with its votes; the other rows stay."""
    kept = ask(store, "Who paid for the trip?")
    gone = ask(store, "Where was the summit?")
    store.record_vote(gone, user_id=SNOWFLAKES[0], helpful=True)
    assert store.forget_answer(gone) is True
    assert store.vote_counts(gone) == (0, 0)
    assert store.report(1).asked == 1
    assert store.record_vote(kept, user_id=SNOWFLAKES[0], helpful=True) is VoteOutcome.RECORDED
    assert store.forget_answer(gone) is False


# -- hashing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("user_id", SNOWFLAKES, ids=str)
def test_hash_never_equals_or_contains_user_id(user_id: int) -> None:
    """The stored hash neither equals nor contains the id, and depends on the salt."""
    hashed = hash_user_id(user_id, SALT)
    assert hashed != str(user_id)
    assert str(user_id) not in hashed
    assert len(hashed) == 64
    assert hash_user_id(user_id, SALT) == hashed
    assert hash_user_id(user_id, OTHER_SALT) != hashed


def test_database_file_never_holds_the_user_id(store: InsightsStore, db_path: Path) -> None:
    """Neither the id's digits nor its 8-byte integer form appear anywhere in the database files."""
    user = SNOWFLAKES[1]
    answer_id = ask(store, "Why Helsinki?", user=user)
    store.record_vote(answer_id, user_id=user, helpful=False)
    raw = b"".join(p.read_bytes() for p in db_path.parent.iterdir() if p.is_file())
    assert str(user).encode() not in raw
    assert user.to_bytes(8, "big") not in raw


def test_short_salt_is_refused(db_path: Path) -> None:
    """A configured salt too short to resist brute force is a StoreError."""
    with pytest.raises(StoreError, match="salt"):
        InsightsStore(db_path, salt=b"short")


# -- pruning ---------------------------------------------------------------------------------


def test_prune_removes_old_questions_and_their_votes(db_path: Path, clock: FakeClock) -> None:
    """Rows older than the retention go (votes too), newer ones stay; ids are never reused."""
    with InsightsStore(db_path, salt=SALT, retention_days=30, clock=clock) as store:
        old = ask(store, "old question", answered=True, article="a", paragraph=1)
        store.record_vote(old, user_id=SNOWFLAKES[0], helpful=False)
        clock.advance(days=20)
        recent = ask(store, "recent question")
        clock.advance(days=11)
        assert store.prune() == 1
        assert store.prune() == 0
        assert store.vote_counts(old) == (0, 0)
        assert store.record_vote(old, user_id=SNOWFLAKES[0], helpful=True) is (
            VoteOutcome.UNKNOWN_ANSWER
        )
        report = store.report(60)
        assert report.asked == 1
        assert ask(store, "newest") > recent > old
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM insights_votes").fetchone() == (0,)


def test_prune_runs_on_open(db_path: Path, clock: FakeClock) -> None:
    """Opening the store prunes what expired while the bot was down."""
    with InsightsStore(db_path, salt=SALT, retention_days=90, clock=clock) as store:
        ask(store, "kept")
        clock.advance(days=1)
        ask(store, "kept too")
    clock.advance(days=89, hours=12)
    with InsightsStore(db_path, salt=SALT, retention_days=90, clock=clock) as store:
        assert store.report(100).asked == 1


def test_long_running_store_prunes_daily(db_path: Path, clock: FakeClock) -> None:
    """A store left open for weeks still drops expired rows as new questions come in."""
    with InsightsStore(db_path, salt=SALT, retention_days=30, clock=clock) as store:
        ask(store, "expires")
        clock.advance(days=31)
        ask(store, "fresh")
        assert store.report(60).asked == 1


# -- errors ----------------------------------------------------------------------------------


def test_corrupt_database_raises_and_is_left_alone(db_path: Path) -> None:
    """A file that is not a database raises StoreError and is not overwritten."""
    db_path.parent.mkdir(parents=True)
    junk = b"this is not sqlite" * 100
    db_path.write_bytes(junk)
    with pytest.raises(StoreError, match="damaged"):
        InsightsStore(db_path, salt=SALT)
    assert db_path.read_bytes() == junk


def test_locked_database_raises_store_error(store: InsightsStore, db_path: Path) -> None:
    """A writer holding the lock longer than the busy timeout gives a clear StoreError."""
    store_fast = InsightsStore(db_path, salt=SALT, busy_timeout=0.05)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError, match="locked"):
            ask(store_fast, "blocked?")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        store_fast.close()


def test_newer_schema_is_refused(db_path: Path) -> None:
    """Tables written by a newer storybot are not downgraded."""
    InsightsStore(db_path, salt=SALT).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE insights_schema SET version = 99")
    with pytest.raises(StoreError, match="newer"):
        InsightsStore(db_path, salt=SALT)


def test_shares_the_file_with_other_stores(db_path: Path) -> None:
    """Other tables and PRAGMA user_version in the shared database are left untouched."""
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE cases (id INTEGER PRIMARY KEY, note TEXT)")
        conn.execute("INSERT INTO cases (note) VALUES ('kept')")
        conn.execute("PRAGMA user_version = 7")
    InsightsStore(db_path, salt=SALT).close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (7,)
        assert conn.execute("SELECT note FROM cases").fetchall() == [("kept",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


# -- report ----------------------------------------------------------------------------------


def test_report_counts_days_shares_passages_and_flags(
    store: InsightsStore, clock: FakeClock
) -> None:
    """Per-day counts (zeros included), share answered, top passages and not-helpful answers."""
    clock.now = START - timedelta(days=10)
    ask(store, "outside the window")
    clock.now = START - timedelta(days=2)
    first = ask(store, "Who met?", answered=True, article="a", paragraph=3)
    ask(store, "Where?", answered=True, article="a", paragraph=3)
    clock.now = START
    ask(store, "When?", answered=True, article="b", paragraph=1)
    unhelpful = ask(store, "What is a concession?")
    store.record_vote(first, user_id=SNOWFLAKES[0], helpful=True)
    store.record_vote(unhelpful, user_id=SNOWFLAKES[0], helpful=False)
    store.record_vote(unhelpful, user_id=SNOWFLAKES[1], helpful=False)

    report = store.report(3)
    assert [(d.day.isoformat(), d.asked, d.answered) for d in report.per_day] == [
        ("2025-03-08", 2, 2),
        ("2025-03-09", 0, 0),
        ("2025-03-10", 2, 1),
    ]
    assert (report.asked, report.answered, report.share_answered) == (4, 3, 0.75)
    assert [(p.article, p.paragraph, p.count) for p in report.top_passages] == [
        ("a", 3, 2),
        ("b", 1, 1),
    ]
    assert [(f.answer_id, f.not_helpful_votes, f.helpful_votes) for f in report.not_helpful] == [
        (unhelpful, 2, 0),
    ]
    assert (report.helpful_votes, report.not_helpful_votes) == (1, 2)
    assert report.since == datetime(2025, 3, 8, tzinfo=UTC)


def test_report_groups_unanswered_questions(store: InsightsStore) -> None:
    """Unanswered questions in the report are grouped, most-asked first."""
    for text in [
        "Who paid for the trip?",
        "who paid for the trip",
        "Who paid for the trip?",
        "Who paid for this trip?",
        "Is Putin ill?",
    ]:
        ask(store, text)
    groups = store.report(1).unanswered_groups
    assert [(g.representative, g.count) for g in groups] == [
        ("Who paid for the trip?", 4),
        ("Is Putin ill?", 1),
    ]


@pytest.mark.parametrize("days", [0, MAX_DAYS + 1], ids=["empty", "too-long"])
def test_report_rejects_bad_window(store: InsightsStore, days: int) -> None:
    """days must be between 1 and MAX_DAYS."""
    with pytest.raises(ValueError, match="days"):
        store.report(days)


def test_store_groups_by_the_engine_terms_by_default(db_path: Path, clock: FakeClock) -> None:
    """Without an injected tokenizer, phrasings the BM25 engine reads alike (plural, stopwords)
    share a group."""
    with InsightsStore(db_path, salt=SALT, clock=clock) as default_store:
        for text in ("What sanctions were lifted?", "which sanction was lifted"):
            ask(default_store, text)
        groups = default_store.report(1).unanswered_groups
    assert [(g.representative, g.count) for g in groups] == [("What sanctions were lifted?", 2)]


# -- grouping --------------------------------------------------------------------------------


def _asked(*texts: str) -> list[AskedQuestion]:
    return [AskedQuestion(text, START + timedelta(minutes=i)) for i, text in enumerate(texts)]


def _stem(text: str) -> list[str]:
    return [token.rstrip("s") for token in simple_tokens(text) if token not in {"the", "a"}]


@pytest.mark.parametrize(
    ("texts", "tokenizer", "expected"),
    [
        (
            ["Who is Ushakov?", "who is  USHAKOV?", "Who is Ushakov"],
            simple_tokens,
            [("Who is Ushakov?", 3)],
        ),
        (
            ["What did Trump concede?", "What did Trump concede to Putin?", "Why Helsinki?"],
            simple_tokens,
            [("What did Trump concede?", 2), ("Why Helsinki?", 1)],
        ),
        (
            ["sanctions relief", "sanction relief"],
            simple_tokens,
            [("sanction relief", 1), ("sanctions relief", 1)],
        ),
        (["sanctions relief", "the sanction relief"], _stem, [("sanctions relief", 2)]),
        (["?!", "?!", "..."], simple_tokens, [("?!", 2), ("...", 1)]),
        (["b c d", "a b c", "a b c", "c d e"], simple_tokens, [("a b c", 3), ("c d e", 1)]),
        ([], simple_tokens, []),
    ],
    ids=[
        "case-and-spacing",
        "similar-wording",
        "different-tokens",
        "injected-analyzer",
        "no-tokens",
        "representative-is-most-frequent",
        "empty",
    ],
)
def test_group_questions(
    texts: list[str], tokenizer: Tokenizer, expected: list[tuple[str, int]]
) -> None:
    """Similar questions share a group whose representative is the most frequent phrasing."""
    groups = group_questions(_asked(*texts), tokenizer)
    assert sorted((g.representative, g.count) for g in groups) == sorted(expected)
    assert [g.count for g in groups] == sorted((g.count for g in groups), reverse=True)


def test_group_questions_limit_and_threshold() -> None:
    """limit keeps the biggest groups; a threshold outside (0, 1] is refused."""
    groups = group_questions(_asked("x y", "x y", "p q", "r s"), limit=1)
    assert [(g.representative, g.count) for g in groups] == [("x y", 2)]
    with pytest.raises(ValueError, match="threshold"):
        group_questions(_asked("x"), threshold=0.0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=8))
def test_group_questions_never_crashes(texts: list[str]) -> None:
    """Arbitrary unicode groups without error and every non-blank question is counted once."""
    groups = group_questions(_asked(*texts))
    assert sum(g.count for g in groups) == sum(1 for t in texts if t.strip())


# -- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Who paid?", "Who paid?"),
        ("a=b", "a=b"),
        ("", ""),
    ],
    ids=["equals", "plus", "minus", "at", "tab", "cr", "normal", "inner-equals", "empty"],
)
def test_neutralise_cell(cell: str, expected: str) -> None:
    """Cells a spreadsheet would run as formulas get a leading quote; others are unchanged."""
    assert neutralise_cell(cell) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=20))
def test_neutralised_cell_never_starts_with_a_trigger(cell: str) -> None:
    """Whatever the text, the neutralised cell cannot start a formula."""
    assert not neutralise_cell(cell).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_export_csv_round_trips_and_neutralises(store: InsightsStore, clock: FakeClock) -> None:
    """Commas, quotes and newlines survive the csv module; formulas are neutralised; grouped."""
    texts = [
        '=cmd|"/c calc"!A1',
        'He said "yes", then, no?',
        "line one\nline two",
        "Who paid for the trip?",
        "who paid for the trip",
    ]
    for text in texts:
        ask(store, text)
        clock.advance(minutes=1)
    ask(store, "answered one", answered=True, article="a", paragraph=1)
    rows = list(csv.reader(io.StringIO(store.export_csv(7))))
    assert rows[0] == ["asked_at_utc", "question", "channel_id", "group", "times_asked_in_group"]
    body = rows[1:]
    assert [row[1] for row in body[:2]] == ["Who paid for the trip?", "who paid for the trip"]
    assert {row[1] for row in body} == {'\'=cmd|"/c calc"!A1', *texts[1:]}
    assert all(row[2] == "42" for row in body)
    assert body[0][3:] == ["Who paid for the trip?", "2"]


# -- chart -----------------------------------------------------------------------------------


def test_chart_is_a_real_png(store: InsightsStore, tmp_path: Path) -> None:
    """The questions-per-day chart is written as a non-trivial PNG file."""
    ask(store, "one", answered=True, article="a", paragraph=1)
    ask(store, "two")
    report = store.report(14)
    path = render_questions_per_day(report, tmp_path / "chart.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 5000
    assert questions_per_day_png(report)[:8] == data[:8]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".chart-")]
    assert os.access(path, os.R_OK)


@pytest.mark.parametrize("with_csv", [True, False])
def test_report_files_hold_the_report_chart_and_csv(store: InsightsStore, with_csv: bool) -> None:
    ask(store, "Who won the Super Bowl?")
    ask(store, "How many died in Kyiv?", answered=True, article="story", paragraph=4)
    files = build_report_files(store, 7, with_csv=with_csv)
    assert files.report == store.report(7)
    assert files.chart_png.startswith(b"\x89PNG\r\n\x1a\n")
    if with_csv:
        assert files.csv is not None
        assert files.csv.startswith("\ufeff".encode())  # a BOM, for spreadsheets
        assert "Who won the Super Bowl?" in files.csv.decode("utf-8-sig")
        assert "How many died in Kyiv?" not in files.csv.decode("utf-8-sig")
    else:
        assert files.csv is None
