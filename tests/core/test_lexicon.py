"""Tests for bot.core.lexicon: the persistent cache of word stems and English word frequencies."""

from __future__ import annotations

import json
import logging
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core import lexicon, text
from bot.core.answer import StoryEngine
from bot.core.corpus import load_corpus
from bot.core.lexicon import FILE_NAME, Lexicon
from bot.core.quotes import QuoteBook, extract_quotes

ROOT = Path(__file__).resolve().parents[2]
KEY = "1 nltk=test wordfreq=test"
QUESTIONS = [
    json.loads(line)["q"]
    for line in (ROOT / "tests" / "data" / "qa_dev.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Empty the in-process caches of ``stem`` and ``english_zipf`` before and after, so that
    lookups reach the lexicon (or the libraries)."""
    text.stem.cache_clear()
    text.english_zipf.cache_clear()
    yield
    text.stem.cache_clear()
    text.english_zipf.cache_clear()


def _write(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def _valid(**changes: object) -> dict[str, object]:
    return {"key": KEY, "stems": {"running": "run"}, "zipf": {"the": 7.73}} | changes


def test_round_trip(tmp_path: Path) -> None:
    """What is remembered and saved is what the next load finds."""
    path = tmp_path / "cache" / FILE_NAME
    first = Lexicon(path, KEY)
    first.remember_stem("running", "run")
    first.remember_zipf("the", 7.73)
    first.remember_zipf("xyzzy", 0.0)
    assert first.save()
    second = Lexicon.load(path, KEY)
    assert (second.stem("running"), second.zipf("the"), second.zipf("xyzzy")) == ("run", 7.73, 0.0)
    assert (second.stem("walked"), second.zipf("walked")) == (None, None)
    assert len(second) == 3
    assert [p.name for p in path.parent.iterdir()] == [FILE_NAME]  # no temporary file left


def test_frequencies_round_trip_exactly(tmp_path: Path, fresh_caches: None) -> None:
    """``english_zipf`` gives the identical float from a saved and reloaded cache."""
    words = ["the", "concession", "kyiv", "zelensky", "tango", "xqzt", "halting", "ceasefire"]
    expected = [text.english_zipf(word) for word in words]
    path = tmp_path / FILE_NAME
    lexicon.use(Lexicon(path, KEY))
    text.english_zipf.cache_clear()
    assert [text.english_zipf(word) for word in words] == expected
    assert lexicon.save_active()
    lexicon.use(Lexicon.load(path, KEY))
    text.english_zipf.cache_clear()
    cached = [text.english_zipf(word) for word in words]
    assert [repr(z) for z in cached] == [repr(z) for z in expected]
    assert not lexicon.save_active()  # nothing new was learned


def test_lookups_consult_the_lexicon_first(tmp_path: Path, fresh_caches: None) -> None:
    """With a lexicon in use, a remembered word is answered from it; a new one is looked up and
    remembered."""
    cache = Lexicon(tmp_path / FILE_NAME, KEY)
    cache.remember_stem("running", "remembered")
    cache.remember_zipf("the", 1.5)
    lexicon.use(cache)
    assert (text.stem("running"), text.english_zipf("the")) == ("remembered", 1.5)
    assert text.stem("walking") == "walk"
    assert cache.stem("walking") == "walk"
    assert cache.zipf("concession") is None
    looked_up = text.english_zipf("concession")
    assert looked_up > 3
    assert cache.zipf("concession") == looked_up


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"{not json", "Expecting", id="corrupt"),
        pytest.param(b"\xff\xfe\x00garbage", "decode", id="not-utf8"),
        pytest.param(json.dumps([1, 2]).encode(), "not a lexicon file", id="a-list"),
        pytest.param(json.dumps({"stems": {}, "zipf": {}}).encode(), "not a lexicon", id="no-key"),
        pytest.param(json.dumps(_valid(stems=None)).encode(), "a table is missing", id="no-stems"),
        pytest.param(json.dumps(_valid(stems={"a": 1})).encode(), "a stem is not", id="int-stem"),
        pytest.param(json.dumps(_valid(zipf={"a": "7"})).encode(), "a frequency", id="str-zipf"),
        pytest.param(json.dumps(_valid(zipf={"a": 7})).encode(), "a frequency", id="int-zipf"),
        pytest.param(json.dumps(_valid(zipf={"a": True})).encode(), "a frequency", id="bool-zipf"),
        pytest.param(b'{"key": "%s", "stems": {}, "zipf": {"a": NaN}}' % KEY.encode(), "a freq",
                     id="nan-zipf"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "recursion", id="deeply-nested"),
    ],
)  # fmt: skip
def test_bad_file_starts_empty_and_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes, reason: str
) -> None:
    """A corrupt or wrongly typed file is ignored with one warning; it is rewritten on save."""
    path = tmp_path / FILE_NAME
    path.write_bytes(content)
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        loaded = Lexicon.load(path, KEY)
    assert len(loaded) == 0
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert str(path) in caplog.text
    assert reason.casefold() in caplog.text.casefold()
    loaded.remember_stem("running", "run")
    assert loaded.save()
    assert Lexicon.load(path, KEY).stem("running") == "run"


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        pytest.param({"MAX_FILE_BYTES": 10}, "larger than", id="file-too-big"),
        pytest.param({"MAX_ENTRIES": 1}, "more than 1 entries", id="too-many-entries"),
    ],
)
def test_oversized_file_starts_empty(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    limit: dict[str, int],
    expected: str,
) -> None:
    """A file over the size or entry limit is not used."""
    path = tmp_path / FILE_NAME
    _write(path, _valid(stems={"running": "run", "walked": "walk"}))
    for name, value in limit.items():
        monkeypatch.setattr(lexicon, name, value)
    with caplog.at_level(logging.WARNING, logger="bot.core.lexicon"):
        assert len(Lexicon.load(path, KEY)) == 0
    assert expected in caplog.text


def test_file_of_other_versions_is_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A file written with other nltk/wordfreq versions (or format) is not used."""
    path = tmp_path / FILE_NAME
    _write(path, _valid(key="1 nltk=0.1 wordfreq=3.1.1"))
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        assert len(Lexicon.load(path, KEY)) == 0
    assert len(caplog.records) == 1
    assert "other library versions" in caplog.text


def test_versions_key_names_the_installed_libraries() -> None:
    """The key holds the format version and the installed versions, without importing them."""
    from importlib.metadata import version

    loaded = {name for name in ("nltk", "wordfreq") if name in sys.modules}
    key = lexicon.versions_key()
    assert key == f"{lexicon.FORMAT_VERSION} nltk={version('nltk')} wordfreq={version('wordfreq')}"
    assert {name for name in ("nltk", "wordfreq") if name in sys.modules} == loaded


def test_missing_file_starts_empty_quietly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """No file yet (the first run) is not a warning."""
    with caplog.at_level(logging.INFO, logger="bot.core.lexicon"):
        assert len(Lexicon.load(tmp_path / FILE_NAME, KEY)) == 0
    assert caplog.records == []


def test_saves_only_when_changed(tmp_path: Path) -> None:
    """Loading and reading write nothing; a new word makes the next save write."""
    path = tmp_path / FILE_NAME
    _write(path, _valid())
    before = path.read_bytes()
    loaded = Lexicon.load(path, KEY)
    assert loaded.stem("running") == "run"
    loaded.remember_stem("running", "run")  # already known: no change
    assert not loaded.changed
    assert not loaded.save()
    assert path.read_bytes() == before
    loaded.remember_stem("walked", "walk")
    assert loaded.save()
    assert not loaded.changed
    assert Lexicon.load(path, KEY).stem("walked") == "walk"


def test_unwritable_folder_is_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A folder that cannot be created or written is a warning (once), never an error."""
    (tmp_path / "file").write_text("not a folder")
    unwritable = Lexicon(tmp_path / "file" / "cache" / FILE_NAME, KEY)
    unwritable.remember_stem("running", "run")
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        assert not unwritable.save()
        unwritable.remember_stem("walked", "walk")
        assert not unwritable.save()
    assert [r.levelno for r in caplog.records] == [logging.WARNING, logging.DEBUG]
    assert "Cannot save the lexicon cache" in caplog.records[0].getMessage()
    assert unwritable.stem("walked") == "walk"  # still answers from memory


@pytest.mark.parametrize(
    ("word", "kept"),
    [
        pytest.param("ordinary", True, id="ordinary"),
        pytest.param("x" * lexicon.MAX_WORD_LENGTH, True, id="longest-kept"),
        pytest.param("x" * (lexicon.MAX_WORD_LENGTH + 1), False, id="too-long"),
    ],
)
def test_long_words_are_not_remembered(word: str, kept: bool) -> None:
    """Words beyond MAX_WORD_LENGTH are answered but not kept."""
    cache = Lexicon()
    cache.remember_stem(word, word)
    cache.remember_zipf(word, 1.0)
    assert (cache.stem(word) is not None, cache.zipf(word) is not None) == (kept, kept)


def test_full_table_stops_remembering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_ENTRIES a table keeps what it has and learns nothing new."""
    monkeypatch.setattr(lexicon, "MAX_ENTRIES", 2)
    cache = Lexicon()
    for word in ("alpha", "beta", "gamma"):
        cache.remember_stem(word, word)
    assert [cache.stem(w) for w in ("alpha", "beta", "gamma")] == ["alpha", "beta", None]


def test_no_lexicon_by_default() -> None:
    """The core uses no persistent cache unless told to."""
    assert lexicon.active() is None
    assert lexicon.configure(None) is None
    assert not lexicon.save_active()


def _answers() -> list[str]:
    corpus = load_corpus(ROOT / "corpus")
    engine = StoryEngine(corpus, QuoteBook(extract_quotes(corpus.paragraphs)))
    return [repr(engine.answer(question)) for question in QUESTIONS]


def test_answers_identical_with_a_warm_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    """The dev set's answers are the same without a cache, while filling one, and from a warm
    one with neither library reachable."""
    text.english_speller()  # (built now: the warm pass blocks wordfreq)
    without = _answers()
    path = tmp_path / FILE_NAME
    lexicon.configure(tmp_path)
    text.stem.cache_clear()
    text.english_zipf.cache_clear()
    assert _answers() == without
    assert lexicon.save_active()

    def no_library(*args: object) -> object:
        raise AssertionError("the library was consulted despite a warm cache")

    monkeypatch.setattr(text, "_stemmer", no_library)
    monkeypatch.setitem(sys.modules, "wordfreq", types.SimpleNamespace(zipf_frequency=no_library))
    lexicon.use(Lexicon.load(path))
    text.stem.cache_clear()
    text.english_zipf.cache_clear()
    assert _answers() == without
