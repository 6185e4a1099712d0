"""Tests for bot.core.lexicon: the persistent cache of word stems and English word frequencies."""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import subprocess
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from bot.core import lexicon, text
from bot.core.answer import StoryEngine
from bot.core.corpus import load_corpus
from bot.core.lexicon import Lexicon, checksum, file_name, learning
from bot.core.library import build_engine
from bot.core.quotes import QuoteBook, extract_quotes

ROOT = Path(__file__).resolve().parents[2]
KEY = "2 nltk=test wordfreq=test"
QUESTIONS = [
    json.loads(line)["q"]
    for line in (ROOT / "tests" / "data" / "qa_dev.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Empty the in-process caches of ``stem`` and ``english_zipf`` before and after, so that
    lookups reach the lexicon (or the libraries)."""
    text._stem.cache_clear()
    text._english_zipf.cache_clear()
    yield
    text._stem.cache_clear()
    text._english_zipf.cache_clear()


def _write(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def _valid(**changes: object) -> dict[str, object]:
    stems, zipf = {"running": "run"}, {"the": 7.73}
    return {"key": KEY, "checksum": checksum(stems, zipf), "stems": stems, "zipf": zipf} | changes


def _learned(folder: Path | None = None, **stems: str) -> Lexicon:
    cache = Lexicon(folder, KEY)
    with learning():
        for word, stem in stems.items():
            cache.remember_stem(word, stem)
    return cache


def test_round_trip(tmp_path: Path) -> None:
    """What is learned and saved is what the next run finds, in the file named for the key."""
    first = Lexicon(tmp_path / "cache", KEY)
    with learning():
        first.remember_stem("running", "run")
        first.remember_zipf("the", 7.73)
        first.remember_zipf("xyzzy", 0.0)
    assert first.save()
    second = Lexicon(tmp_path / "cache", KEY)
    assert (second.stem("running"), second.zipf("the"), second.zipf("xyzzy")) == ("run", 7.73, 0.0)
    assert (second.stem("walked"), second.zipf("walked")) == (None, None)
    assert len(second) == 3
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [file_name(KEY)]
    assert file_name(KEY).startswith("lexicon-")
    assert len(file_name(KEY)) == len("lexicon-.json") + 12


def test_frequencies_round_trip_exactly(tmp_path: Path, fresh_caches: None) -> None:
    """``english_zipf`` gives the identical float from a saved and reloaded cache."""
    words = ["the", "concession", "kyiv", "zelensky", "tango", "xqzt", "halting", "ceasefire"]
    expected = [text.english_zipf(word) for word in words]
    lexicon.use(Lexicon(tmp_path, KEY))
    text._english_zipf.cache_clear()
    with learning():
        assert [text.english_zipf(word) for word in words] == expected
    assert lexicon.save_active()
    lexicon.use(Lexicon(tmp_path, KEY))
    text._english_zipf.cache_clear()
    with learning():
        cached = [text.english_zipf(word) for word in words]
    assert [repr(z) for z in cached] == [repr(z) for z in expected]
    assert not lexicon.save_active()  # the same words as the file's


def test_lookups_consult_the_lexicon_first(tmp_path: Path, fresh_caches: None) -> None:
    """With a lexicon in use, a remembered word is answered from it; inside a learning scope a
    new one is looked up and remembered, outside one it is looked up only."""
    cache = _learned(tmp_path, running="remembered")
    with learning():
        cache.remember_zipf("the", 1.5)
    lexicon.use(cache)
    assert (text.stem("running"), text.english_zipf("the")) == ("remembered", 1.5)
    assert text.stem("walking") == "walk"
    assert cache.stem("walking") is None  # (outside a learning scope)
    with learning():
        assert text.stem("jumping") == "jump"
        looked_up = text.english_zipf("concession")
    assert looked_up > 3
    assert (cache.stem("jumping"), cache.zipf("concession")) == ("jump", looked_up)


def test_what_learning_used_is_saved_first(tmp_path: Path) -> None:
    """The file is rewritten with the entries learning looked up or learned this run first
    (hits included), then the old file's others; lookups outside learning add nothing."""
    _learned(tmp_path, running="run", walked="walk").save()
    cache = Lexicon(tmp_path, KEY)
    assert cache.stem("walked") == "walk"  # a hit outside learning: not moved first
    cache.remember_stem("secretword", "secretword")
    with learning():
        assert cache.stem("running") == "run"  # a hit inside: first
        cache.remember_stem("jumped", "jump")
    assert cache.save()
    saved = json.loads((tmp_path / file_name(KEY)).read_text(encoding="utf-8"))
    assert list(saved["stems"].items()) == [
        ("running", "run"),
        ("jumped", "jump"),
        ("walked", "walk"),
    ]
    assert saved["zipf"] == {}


def test_a_full_file_keeps_this_run_s_words(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """At MAX_ENTRIES the old file's words go, not the ones this run used."""
    _learned(tmp_path, running="run", walked="walk").save()
    monkeypatch.setattr(lexicon, "MAX_ENTRIES", 2)
    cache = Lexicon(tmp_path, KEY)
    with learning():
        cache.remember_stem("jumped", "jump")
    assert cache.save()
    saved = json.loads((tmp_path / file_name(KEY)).read_text(encoding="utf-8"))
    assert list(saved["stems"]) == ["jumped", "running"]


def test_saves_only_when_changed(tmp_path: Path) -> None:
    """A run that learned with the file's words only, or learned nothing, writes nothing."""
    _learned(tmp_path, running="run").save()
    path = tmp_path / file_name(KEY)
    before = path.read_bytes()
    unused = Lexicon(tmp_path, KEY)
    assert unused.stem("running") == "run"
    assert not unused.save()  # nothing learned: the file stays
    same = Lexicon(tmp_path, KEY)
    with learning():
        assert same.stem("running") == "run"
        same.remember_stem("running", "run")
    assert not same.changed
    assert not same.save()
    assert path.read_bytes() == before


def _file_of(folder: Path, stems: list[str], zipf: list[str]) -> Path:
    """A saved file whose tables hold these words in this order (each its own stem)."""
    tables = {word: word for word in stems}, dict.fromkeys(zipf, 1.0)
    path = folder / file_name(KEY)
    _write(path, {"key": KEY, "checksum": checksum(*tables), "stems": tables[0], "zipf": tables[1]})
    return path


DAILY = ["monday", "tuesday"]


def _others(count: int, first: int = 0) -> list[str]:
    return [f"other{i}" for i in range(first, first + count)]


@pytest.mark.parametrize(
    ("stems", "zipf", "written"),
    [
        pytest.param(_others(3) + DAILY, DAILY, False, id="below-the-cap"),
        pytest.param(_others(16) + DAILY, DAILY, False, id="nearly-full-ours-before-the-tail"),
        pytest.param(_others(8) + DAILY + _others(10, 8), DAILY, False, id="full-ours-mid"),
        pytest.param(DAILY + _others(18), DAILY, False, id="full-ours-first"),
        pytest.param(DAILY + _others(18), DAILY + _others(18), False, id="both-full-ours-first"),
        pytest.param(_others(17) + DAILY, DAILY, True, id="one-of-ours-in-the-tail"),
        pytest.param(_others(18) + DAILY, DAILY, True, id="full-ours-last"),
        pytest.param(DAILY[:1] + _others(17) + DAILY[1:], DAILY, True, id="ours-apart"),
        pytest.param(DAILY, _others(18) + DAILY, True, id="frequencies-in-the-tail"),
    ],
)
def test_a_run_that_only_read_saves_when_its_words_are_at_risk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stems: list[str],
    zipf: list[str],
    written: bool,
) -> None:
    """A run whose lookups all hit rewrites the file (its words first) only when one of its
    words comes after the first 90% of MAX_ENTRIES in a table (where another corpus's next save
    would push it out first); otherwise it writes nothing."""
    monkeypatch.setattr(lexicon, "MAX_ENTRIES", 20)  # (the last 2 entries are at risk)
    path = _file_of(tmp_path, stems, zipf)
    before = path.read_bytes()
    daily = Lexicon(tmp_path, KEY)
    with learning():
        for word in DAILY:
            assert (daily.stem(word), daily.zipf(word)) == (word, 1.0)
    assert not daily.changed
    assert daily.save() is written
    saved = json.loads(path.read_text(encoding="utf-8"))
    if written:
        assert (list(saved["stems"])[:2], list(saved["zipf"])[:2]) == (DAILY, DAILY)
        assert sorted(saved["stems"]) == sorted(stems)  # (nothing lost)
        assert not Lexicon(tmp_path, KEY).save()  # (nothing learned)
    else:
        assert path.read_bytes() == before


def test_a_corpus_used_every_run_stays_in_a_full_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The corpus of every run keeps its words when other corpora, used once each, fill the
    file: its warm runs (all hits) move them back to the front."""
    monkeypatch.setattr(lexicon, "MAX_ENTRIES", 4)
    _learned(tmp_path, monday="monday", tuesday="tuesday").save()
    _learned(tmp_path, once="once", twice="twice").save()  # (the file is full: ours last)
    daily = Lexicon(tmp_path, KEY)
    with learning():
        assert [daily.stem(word) for word in DAILY] == DAILY
    assert daily.save()
    _learned(tmp_path, again="again", anew="anew").save()
    kept = Lexicon(tmp_path, KEY)
    assert [kept.stem(word) for word in DAILY] == DAILY


def test_corpora_used_in_turn_do_not_rewrite_a_nearly_full_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two corpora used in turn on a nearly full file write it once each (when they learn
    their words); their warm runs then write nothing, and both keep their words."""
    monkeypatch.setattr(lexicon, "MAX_ENTRIES", 20)
    _learned(tmp_path, **{word: word for word in _others(16)}).save()
    corpora = {"a": ["alpha", "apple"], "b": ["bravo", "banana"]}
    for words in corpora.values():
        assert _learned(tmp_path, **{word: word for word in words}).save()
    path = tmp_path / file_name(KEY)
    before = path.read_bytes()
    for words in [*corpora.values()] * 3:
        warm = Lexicon(tmp_path, KEY)
        with learning():
            assert [warm.stem(word) for word in words] == words
        assert not warm.save()
    assert path.read_bytes() == before
    assert list(json.loads(before)["stems"])[:4] == corpora["b"] + corpora["a"]


def _another_run_saves(folder: Path, cache: Lexicon) -> None:
    _learned(folder, jumped="jump").save()


def _another_file_of_the_same_size_and_time(folder: Path, cache: Lexicon) -> None:
    """Another run's file (other words) with as many bytes and the same modification time."""
    path = folder / file_name(KEY)
    old = path.stat()
    _another_run_saves(folder / "elsewhere", cache)
    content = (folder / "elsewhere" / file_name(KEY)).read_bytes()
    path.write_bytes(content.ljust(old.st_size))  # (JSON allows trailing spaces)
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (old.st_size, old.st_mtime_ns)


def _this_run_saves_first(folder: Path, cache: Lexicon) -> None:
    assert cache.save()
    with learning():
        cache.remember_stem("jumped", "jump")


@pytest.mark.parametrize(
    ("meanwhile", "reads"),
    [
        pytest.param(None, 1, id="unchanged"),
        pytest.param(_this_run_saves_first, 1, id="saved-by-this-run"),
        pytest.param(_another_run_saves, 2, id="another-run-saved"),
        pytest.param(_another_file_of_the_same_size_and_time, 2, id="same-size-and-time"),
    ],
)
def test_a_save_reads_the_file_again_only_if_it_changed(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    meanwhile: Callable[[Path, Lexicon], None] | None,
    reads: int,
) -> None:
    """A save merges with the tables this run read (or last saved) while the file still holds
    them (it starts with their checksum), without reading and parsing it again; a file another
    run saved since is read again (even one of the same size and time), and its words kept."""
    _learned(tmp_path, running="run").save()
    cache = Lexicon(tmp_path, KEY)
    read = Lexicon._read
    read_by_cache: list[Path] = []

    def counted(self: Lexicon, path: Path) -> object:
        if self is cache:
            read_by_cache.append(path)
        return read(self, path)

    monkeypatch.setattr(Lexicon, "_read", counted)
    with learning():
        assert cache.stem("running") == "run"  # (reads the file now)
        cache.remember_stem("walked", "walk")
    if meanwhile is not None:
        meanwhile(tmp_path, cache)
    assert cache.save()
    assert len(read_by_cache) == reads
    saved = Lexicon(tmp_path, KEY)
    assert [saved.stem(word) for word in ("walked", "running", "jumped")] == [
        "walk",
        "run",
        None if meanwhile is None else "jump",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"{not json", "Expecting", id="corrupt"),
        pytest.param(b"\xff\xfe\x00garbage", "decode", id="not-utf8"),
        pytest.param(json.dumps([1, 2]).encode(), "not a lexicon file", id="a-list"),
        pytest.param(json.dumps({"stems": {}, "zipf": {}}).encode(), "not a lexicon", id="no-key"),
        pytest.param(json.dumps(_valid(key="1 x")).encode(), "other library versions", id="key"),
        pytest.param(json.dumps(_valid(stems=None)).encode(), "a table is missing", id="no-stems"),
        pytest.param(json.dumps(_valid(stems={"a": 1})).encode(), "a stem is not", id="int-stem"),
        pytest.param(json.dumps(_valid(zipf={"a": "7"})).encode(), "a frequency", id="str-zipf"),
        pytest.param(json.dumps(_valid(zipf={"a": 7})).encode(), "a frequency", id="int-zipf"),
        pytest.param(json.dumps(_valid(zipf={"a": True})).encode(), "a frequency", id="bool-zipf"),
        pytest.param(b'{"key": "%s", "stems": {}, "zipf": {"a": NaN}}' % KEY.encode(), "a freq",
                     id="nan-zipf"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "recursion", id="deeply-nested"),
        pytest.param(json.dumps(_valid(stems={"running": "tango"})).encode(), "checksum",
                     id="edited-stem"),
        pytest.param(json.dumps(_valid(checksum=None)).encode(), "checksum", id="no-checksum"),
    ],
)  # fmt: skip
def test_bad_file_starts_empty_and_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes, reason: str
) -> None:
    """A corrupt, wrongly typed or damaged (checksum mismatch) file is ignored with one warning
    on the first lookup; it is rewritten on save."""
    path = tmp_path / file_name(KEY)
    path.write_bytes(content)
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        loaded = _learned(tmp_path, walked="walk")
        assert loaded.stem("running") is None
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert str(path) in caplog.text
    assert "it will be rewritten" in caplog.text
    assert reason.casefold() in caplog.text.casefold()
    assert loaded.save()
    assert Lexicon(tmp_path, KEY).stem("walked") == "walk"


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
    stems = {"running": "run", "walked": "walk"}
    _write(tmp_path / file_name(KEY), _valid(stems=stems, checksum=checksum(stems, {"the": 7.73})))
    for name, value in limit.items():
        monkeypatch.setattr(lexicon, name, value)
    with caplog.at_level(logging.WARNING, logger="bot.core.lexicon"):
        assert len(Lexicon(tmp_path, KEY)) == 0
    assert expected in caplog.text


def test_versions_key_names_the_installed_libraries() -> None:
    """The key holds the format version, the installed versions (without importing them) and
    the stemmer's settings."""
    from importlib.metadata import version

    loaded = {name for name in ("nltk", "wordfreq") if name in sys.modules}
    key = lexicon.versions_key()
    assert key == (
        f"{lexicon.FORMAT_VERSION} nltk={version('nltk')} wordfreq={version('wordfreq')} "
        "snowball=english ignore_stopwords=False rules=1"
    )
    assert {name for name in ("nltk", "wordfreq") if name in sys.modules} == loaded


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        pytest.param("STEMMER_LANGUAGE", "german", id="language"),
        pytest.param("STEMMER_IGNORE_STOPWORDS", True, id="ignore-stopwords"),
        pytest.param("STEM_RULES_VERSION", 2, id="project-rules"),
    ],
)
def test_another_stemmer_setting_gets_another_file(
    monkeypatch: pytest.MonkeyPatch, setting: str, value: object
) -> None:
    """A change to the stemmer's settings (its language, whether it ignores stopwords, this
    project's rules around it) changes the versions key, so the stems go to another file."""
    before = file_name(lexicon.versions_key())
    monkeypatch.setattr(text, setting, value, raising=False)
    assert file_name(lexicon.versions_key()) != before


def test_configure_reads_nothing_until_the_first_lookup(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``configure`` only records the folder; the first lookup reads the file."""
    (tmp_path / file_name(lexicon.versions_key())).write_text("{damaged", encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        cache = lexicon.configure(tmp_path)
        assert cache is not None
        assert not cache.loaded
        assert not lexicon.save_active()
        assert caplog.records == []
        assert cache.stem("running") is None
    assert cache.loaded
    assert "Ignoring the lexicon cache" in caplog.text


def test_missing_file_starts_empty_quietly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """No file yet (the first run) is not a warning."""
    with caplog.at_level(logging.INFO, logger="bot.core.lexicon"):
        assert len(Lexicon(tmp_path, KEY)) == 0
    assert caplog.records == []


@pytest.mark.parametrize(
    ("explicit", "levels"),
    [
        pytest.param(True, [logging.WARNING, logging.DEBUG], id="set-explicitly"),
        pytest.param(False, [logging.DEBUG, logging.DEBUG], id="default-folder"),
    ],
)
def test_unwritable_folder_is_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, explicit: bool, levels: list[int]
) -> None:
    """A folder that cannot be created or written is a warning (once) if the user chose it, a
    debug line if it is the default; never an error, never "it will be rewritten"."""
    (tmp_path / "file").write_text("not a folder")
    unwritable = Lexicon(tmp_path / "file" / "cache", KEY, explicit=explicit)
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        with learning():
            unwritable.remember_stem("running", "run")
        assert not unwritable.save()
        with learning():
            unwritable.remember_stem("walked", "walk")
        assert not unwritable.save()
    saves = [r for r in caplog.records if "Cannot save" in r.getMessage()]
    assert [r.levelno for r in saves] == levels
    assert "rewritten" not in caplog.text
    assert unwritable.stem("walked") == "walk"  # still answers from memory


def _write_fails(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    def denied(path: Path, content: str) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(lexicon, "_write_atomically", denied)


def _folder_read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    access = os.access

    def read_only(path: object, mode: int, **options: object) -> bool:
        return not (Path(str(path)) == folder and mode & os.W_OK) and access(path, mode, **options)

    monkeypatch.setattr(os, "access", read_only)

    def never(path: Path, content: str) -> None:
        raise AssertionError("a save in a read-only folder was tried")

    monkeypatch.setattr(lexicon, "_write_atomically", never)


@pytest.mark.parametrize(
    ("learns", "fails", "levels"),
    [
        pytest.param(True, _write_fails, [logging.WARNING], id="learned-a-word"),
        pytest.param(False, _write_fails, [logging.DEBUG], id="only-moved-words"),
        pytest.param(False, _folder_read_only, [], id="only-moved-read-only-folder"),
    ],
)
def test_a_save_that_only_moves_words_to_the_front_fails_quietly(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    learns: bool,
    fails: Callable[[pytest.MonkeyPatch, Path], None],
    levels: list[int],
) -> None:
    """A save that cannot be written warns (folder chosen explicitly) only if this run learned
    a word the file lacks: one that only moves its words to the front of a nearly full file
    logs at debug (a read-only folder would warn on every run), or is not tried when the folder
    is read-only."""
    monkeypatch.setattr(lexicon, "MAX_ENTRIES", 10)
    _file_of(tmp_path, _others(8) + DAILY, [])  # (ours in the last entries)
    fails(monkeypatch, tmp_path)
    cache = Lexicon(tmp_path, KEY, explicit=True)
    with learning():
        assert [cache.stem(word) for word in DAILY] == DAILY
        if learns:
            cache.remember_stem("jumped", "jump")
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        assert not cache.save()
    assert [r.levelno for r in caplog.records if "Cannot save" in r.getMessage()] == levels
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and not learns]


def test_a_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    """Saving never writes through a symlink (in a shared folder it could point at any file the
    user can write): the link is replaced and its target left as it was."""
    victim = tmp_path / "bashrc"
    victim.write_text("alias ll='ls -l'\n", encoding="utf-8")
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / file_name(KEY)).symlink_to(victim)
    assert _learned(folder, running="run").save()
    assert victim.read_text(encoding="utf-8") == "alias ll='ls -l'\n"
    assert not (folder / file_name(KEY)).is_symlink()
    assert Lexicon(folder, KEY).stem("running") == "run"


@pytest.mark.parametrize(("old_mode", "new_mode"), [(0o640, 0o640), (0o666, 0o644)])
def test_a_new_file_is_private_and_an_old_one_keeps_its_read_bits(
    tmp_path: Path, old_mode: int, new_mode: int
) -> None:
    """A new file is 0600; our old file's read bits are kept, never write for others."""
    _learned(tmp_path, running="run").save()
    path = tmp_path / file_name(KEY)
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(old_mode)
    assert _learned(tmp_path, walked="walk").save()
    assert path.stat().st_mode & 0o777 == new_mode


def test_a_save_keeps_what_another_run_saved_meanwhile(tmp_path: Path) -> None:
    """Two runs that read the same file each save their own words: the second save merges with
    the file as it is then, so the first run's words stay."""
    first, second = Lexicon(tmp_path, KEY), Lexicon(tmp_path, KEY)
    assert first.stem("running") is None  # (both read the file now)
    assert second.stem("running") is None
    with learning():
        first.remember_stem("running", "run")
        second.remember_stem("walked", "walk")
    assert first.save()
    assert second.save()
    assert Lexicon(tmp_path, KEY).stem("running") == "run"
    assert Lexicon(tmp_path, KEY).stem("walked") == "walk"


def _save_in_threads(folder: Path, words: list[str]) -> list[bool]:
    """Each word learned by a lexicon of its own, all saved at once in threads."""
    caches = [Lexicon(folder, KEY) for _ in words]
    for cache, word in zip(caches, words, strict=True):
        assert cache.stem(word) is None  # (each reads the file now)
        with learning():
            cache.remember_stem(word, word)
    barrier = threading.Barrier(len(caches))
    results: dict[int, bool] = {}

    def save(i: int) -> None:
        barrier.wait()
        results[i] = caches[i].save()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(caches))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return [results.get(i, False) for i in range(len(caches))]


SAVER = """
import sys, time
from pathlib import Path
from bot.core import lexicon
folder, key, word, seconds, ready, go = sys.argv[1:]
write = lexicon._write_atomically
lexicon._write_atomically = lambda path, text: (time.sleep(float(seconds)), write(path, text))
cache = lexicon.Lexicon(Path(folder), key)
cache.stem(word)  # (reads the file now)
with lexicon.learning():
    cache.remember_stem(word, word)
Path(ready).touch()
while not Path(go).exists():
    time.sleep(0.005)
sys.exit(0 if cache.save() else 1)
"""


def _save_in_processes(folder: Path, words: list[str]) -> list[bool]:
    """Each word learned by a process of its own, all saved at once."""
    environ = os.environ | {"PYTHONPATH": str(ROOT)}
    go = folder.parent / "go"
    ready = [folder.parent / f"ready-{word}" for word in words]
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", SAVER, str(folder), KEY, word, "0.3", str(signal), str(go)],
            env=environ,
        )
        for word, signal in zip(words, ready, strict=True)
    ]
    deadline = time.monotonic() + 60
    while not all(signal.exists() for signal in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    return [run.wait(timeout=60) == 0 for run in runs]


@pytest.mark.skipif(fcntl is None, reason="no advisory locks here (saves go on unlocked)")
@pytest.mark.parametrize(
    "save_at_once",
    [
        pytest.param(_save_in_threads, id="threads"),
        pytest.param(_save_in_processes, id="processes"),
    ],
)
def test_saves_at_the_same_moment_keep_both_runs_words(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    save_at_once: Callable[[Path, list[str]], list[bool]],
) -> None:
    """Two runs saving at once (threads or processes; each save slowed so that they overlap)
    take turns on the lock: the second merges with the first's file, so both runs' words
    are kept."""
    folder = tmp_path / "cache"
    folder.mkdir()
    write = lexicon._write_atomically

    def slow(path: Path, content: str) -> None:
        time.sleep(0.3)
        write(path, content)

    monkeypatch.setattr(lexicon, "_write_atomically", slow)
    assert save_at_once(folder, ["running", "walked"]) == [True, True]
    saved = Lexicon(folder, KEY)
    assert (saved.stem("running"), saved.stem("walked")) == ("running", "walked")


@contextlib.contextmanager
def _folder_locked(folder: Path, seconds: float | None) -> Iterator[None]:
    """Another run holds the folder's lock inside: for ``seconds``, or throughout (None)."""
    assert fcntl is not None
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    if seconds is None:
        try:
            yield
        finally:
            os.close(fd)
        return
    release = threading.Timer(seconds, os.close, [fd])  # (closing it releases the lock)
    release.start()
    try:
        yield
    finally:
        release.join()


@pytest.mark.skipif(fcntl is None, reason="no advisory locks here (saves go on unlocked)")
@pytest.mark.parametrize(
    ("held_for", "saved"),
    [
        pytest.param(0.1, True, id="released-soon"),
        pytest.param(None, False, id="held-throughout"),
    ],
)
def test_a_save_waits_briefly_for_another_run_s_save(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    held_for: float | None,
    saved: bool,
) -> None:
    """A save waits for another run's lock on the folder a bounded time: it saves once the
    lock is free, else gives up (logged at debug: a save is only for speed, and a command must
    not hang at exit) and leaves the file alone."""
    monkeypatch.setattr(lexicon, "LEARNED_LOCK_WAIT_SECONDS", 0.4)  # (5 s in use)
    cache = _learned(tmp_path, running="run")
    with _folder_locked(tmp_path, held_for), caplog.at_level(logging.DEBUG, "bot.core.lexicon"):
        started = time.monotonic()
        assert cache.save() is saved
        waited = time.monotonic() - started
    assert waited >= (held_for if saved else 0.4) - 0.05
    assert waited < 0.4 + 1
    assert (tmp_path / file_name(KEY)).exists() is saved
    gave_up = [r.levelno for r in caplog.records if "another run is saving" in r.getMessage()]
    assert gave_up == ([] if saved else [logging.DEBUG])
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    if not saved:
        assert cache.save()  # (the lock is free now)


@pytest.mark.skipif(fcntl is None, reason="no advisory locks here (saves go on unlocked)")
def test_a_save_with_new_words_waits_longer_than_one_that_only_moves_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save of a full file takes about a second, so a save with words the file lacks waits
    for another run's longer than a save that only moves words to the front (which is only
    for speed): with the short wait 0.1 s and the long one 0.6 s, a lock held 0.3 s delays a
    save with new words, it does not lose them."""
    assert lexicon.LOCK_WAIT_SECONDS <= 0.5 < 3 <= lexicon.LEARNED_LOCK_WAIT_SECONDS
    monkeypatch.setattr(lexicon, "LOCK_WAIT_SECONDS", 0.1)
    monkeypatch.setattr(lexicon, "LEARNED_LOCK_WAIT_SECONDS", 0.6)
    cache = _learned(tmp_path, running="run")
    with _folder_locked(tmp_path, 0.3):
        assert cache.save()
    assert (tmp_path / file_name(KEY)).exists()


def test_saves_leave_no_other_file_in_a_shared_folder(tmp_path: Path) -> None:
    """Saves lock the folder itself, not a lock file of their own (which another user's save,
    in a folder shared by a group, could not open): two runs' saves leave only the lexicon
    file, and the folder as it was."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o2775)  # (group-writable, new files in the folder's group)
    assert _learned(folder, running="run").save()
    assert _learned(folder, walked="walk").save()
    assert [p.name for p in folder.iterdir()] == [file_name(KEY)]
    assert folder.stat().st_mode & 0o7777 == 0o2775


def test_other_files_in_the_folder_are_left_alone(tmp_path: Path) -> None:
    """Saving touches only its own file, whatever else the folder holds."""
    mine = tmp_path / "lexicon-fr.json"
    other = tmp_path / file_name("1 old versions")
    for path in (mine, other):
        path.write_text("{}", encoding="utf-8")
    assert _learned(tmp_path, running="run").save()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [mine.name, other.name, file_name(KEY)]
    )


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
    with learning():
        cache.remember_stem(word, word)
        cache.remember_zipf(word, 1.0)
    assert (cache.stem(word) is not None, cache.zipf(word) is not None) == (kept, kept)


def test_full_table_stops_remembering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_ENTRIES a table keeps what it has and learns nothing new."""
    monkeypatch.setattr(lexicon, "MAX_ENTRIES", 2)
    cache = _learned(alpha="alpha", beta="beta", gamma="gamma")
    assert [cache.stem(w) for w in ("alpha", "beta", "gamma")] == ["alpha", "beta", None]


@pytest.mark.parametrize(
    "look_up",
    [
        pytest.param(text.stem, id="stem"),
        pytest.param(text.english_zipf, id="english_zipf"),
        pytest.param(text.term, id="term"),
        pytest.param(text.token_term, id="token_term"),
    ],
)
def test_lookups_ask_is_learning_through_the_module(
    monkeypatch: pytest.MonkeyPatch, look_up: Callable[[str], object]
) -> None:
    """``lexicon.is_learning`` is a function that ``text``'s lookups call through the module,
    so a patch of it reaches them."""
    assert isinstance(lexicon.is_learning, types.FunctionType)
    asked: list[bool] = []

    def spy() -> bool:
        asked.append(True)
        return False

    monkeypatch.setattr(lexicon, "is_learning", spy)
    look_up("running")
    assert asked


def test_no_lexicon_by_default() -> None:
    """The core uses no persistent cache unless told to, and does not learn by default."""
    assert lexicon.active() is None
    assert not lexicon.is_learning()
    assert lexicon.configure(None) is None
    assert not lexicon.save_active()


def _answers() -> list[str]:
    with learning():
        corpus = load_corpus(ROOT / "corpus")
        engine = StoryEngine(corpus, QuoteBook(extract_quotes(corpus.paragraphs)))
    return [repr(engine.answer(question)) for question in QUESTIONS]


def test_answers_identical_with_a_warm_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    """The dev set's answers are the same without a cache, while filling one, and from a warm
    one with neither library reachable for the corpus's words."""
    text.english_speller()  # (built now: the warm pass blocks wordfreq)
    without = _answers()
    lexicon.configure(tmp_path)
    text._stem.cache_clear()
    text._english_zipf.cache_clear()
    text._function_words.cache_clear()
    with learning():
        assert _answers() == without  # (questions inside learning: the warm pass needs them)
    assert lexicon.save_active()

    def no_library(*args: object) -> object:
        raise AssertionError("the library was consulted despite a warm cache")

    monkeypatch.setattr(text, "_stemmer", no_library)
    monkeypatch.setitem(sys.modules, "wordfreq", types.SimpleNamespace(zipf_frequency=no_library))
    lexicon.configure(tmp_path)
    text._stem.cache_clear()
    text._english_zipf.cache_clear()
    text._function_words.cache_clear()
    assert _answers() == without


@pytest.mark.parametrize(("limit", "looked_up"), [(20_000, True), (0, False)])
def test_a_build_looks_up_its_words_frequencies_ahead_up_to_a_limit(
    monkeypatch: pytest.MonkeyPatch, fresh_caches: None, limit: int, looked_up: bool
) -> None:
    """A build in a learning scope looks up the frequencies of its words for later runs, unless
    it has more words than :data:`text.LEARN_AHEAD_WORDS` (an archive's build would slow)."""
    monkeypatch.setattr(text, "LEARN_AHEAD_WORDS", limit)
    cache = Lexicon(None, KEY)
    lexicon.use(cache)
    with learning():
        text.stem("concession")
        text.learn_for_answers()
    assert (cache.zipf("concession") is not None) is looked_up


_UNSEEN = itertools.count()


def _unseen_word() -> str:
    """A word no test has looked up yet (the in-process caches do not know it)."""
    return "vilp" + "".join("abcdefghij"[int(digit)] for digit in str(next(_UNSEEN))) + "ing"


@pytest.mark.parametrize(
    ("look_up", "table"),
    [
        pytest.param(text.stem, "stems", id="stem"),
        pytest.param(text.english_zipf, "zipf", id="english_zipf"),
        pytest.param(text.term, "stems", id="term"),
        pytest.param(text.token_term, "stems", id="token_term"),
        pytest.param(text.index_terms, "stems", id="index_terms"),
    ],
)
def test_learning_keeps_words_the_in_process_caches_already_know(
    tmp_path: Path, look_up: Callable[[str], object], table: str
) -> None:
    """A word first looked up outside a learning scope (a reader's question), then inside one
    (a reload's build), is saved: the in-process cache that answers the second lookup does not
    hide it from the lexicon."""
    word = _unseen_word()
    lexicon.use(Lexicon(tmp_path, KEY))
    first = look_up(word)
    assert not lexicon.save_active()  # (outside learning: nothing kept)
    with learning():
        assert look_up(word) == first
    assert lexicon.save_active()
    assert word in json.loads((tmp_path / file_name(KEY)).read_text(encoding="utf-8"))[table]


def test_a_build_after_questions_keeps_the_same_words(tmp_path: Path) -> None:
    """A build after readers' questions (looked up outside learning, so in the in-process caches)
    saves the same words as the same build before them."""
    build_engine(ROOT / "corpus")  # (the tables built once a process are built now)
    saved = []
    for name, ask_first in (("before", False), ("after", True)):
        lexicon.use(Lexicon(tmp_path / name, KEY))
        if ask_first:
            engine = build_engine(ROOT / "corpus")
            lexicon.use(Lexicon(tmp_path / name, KEY))  # (a new one: it learned nothing yet)
            for question in QUESTIONS:
                engine.answer(question)
        build_engine(ROOT / "corpus")
        assert lexicon.save_active()
        data = json.loads((tmp_path / name / file_name(KEY)).read_text(encoding="utf-8"))
        saved.append((set(data["stems"]), set(data["zipf"])))
    assert saved[1] == saved[0]
