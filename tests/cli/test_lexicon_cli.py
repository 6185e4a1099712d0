"""The lexicon cache from the command line: where it is kept, ``off``, failures, a warm start,
what is written (the build's words only) and when the file is read."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.core import lexicon, text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = str(ROOT / "corpus")
QUESTION = "How many people were killed in Kyiv?"


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No .env, a home folder of its own, and empty in-process caches of stems and frequencies
    (so that the command looks words up through the lexicon)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("STORYBOT_CORPUS_DIR", raising=False)
    text._stem.cache_clear()
    text._english_zipf.cache_clear()
    yield
    text._stem.cache_clear()
    text._english_zipf.cache_clear()


_NEW_WORDS = itertools.count()


def _story(folder: Path) -> tuple[str, str]:
    """A one-article corpus in ``folder`` with a word no test has looked up yet (the in-process
    caches would hide a known one from the lexicon); returns the corpus and the word."""
    word = "zorb" + "".join("abcdefghij"[int(digit)] for digit in str(next(_NEW_WORDS))) + "ing"
    folder.mkdir()
    (folder / "story.txt").write_text(
        f"A strange day\n\nThe villagers were {word} all night, the mayor said.\n",
        encoding="utf-8",
    )
    return str(folder), word


def _name() -> str:
    """This install's file name (computed here, not by the code under test)."""
    key = lexicon.versions_key().encode("utf-8")
    return f"lexicon-{hashlib.sha1(key, usedforsecurity=False).hexdigest()[:12]}.json"


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("lexicon*.json")) if folder.is_dir() else []


def _saved(folder: Path) -> dict[str, dict[str, object]]:
    """The tables of the one lexicon file in ``folder``."""
    [path] = _files(folder)
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"stems": data["stems"], "zipf": data["zipf"]}


@pytest.mark.parametrize(
    ("environ", "where"),
    [
        pytest.param({}, "home/.cache/storybot", id="default"),
        pytest.param({"XDG_CACHE_HOME": "{tmp}/xdg"}, "xdg/storybot", id="xdg"),
        pytest.param({"STORYBOT_CACHE_DIR": "{tmp}/mine"}, "mine", id="set"),
    ],
)
def test_ask_saves_the_lexicon(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    environ: dict[str, str],
    where: str,
) -> None:
    """`storybot ask` keeps the corpus's words it looked up in the cache folder's file."""
    monkeypatch.delenv("STORYBOT_CACHE_DIR")
    for name, value in environ.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    corpus, word = _story(tmp_path / "corpus")
    assert main(["ask", "--corpus", corpus, f"What were the villagers {word}?"]) == 0
    assert "all night" in capsys.readouterr().out
    assert [p.name for p in _files(tmp_path / where)] == [_name()]
    saved = _saved(tmp_path / where)
    assert saved["stems"][word] == text._stemmer().stem(word)
    assert saved["zipf"][word] == 0.0
    assert lexicon.active() is None  # main() leaves no lexicon in use


def test_off_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """STORYBOT_CACHE_DIR=off (the suite's default): no cache folder is created."""
    assert os.environ["STORYBOT_CACHE_DIR"] == "off"
    assert main(["ask", "--corpus", CORPUS, QUESTION]) == 0
    assert "at least 12 people" in " ".join(capsys.readouterr().out.split())
    assert sorted(p.name for p in tmp_path.rglob("*")) == []


def test_unwritable_cache_folder_is_logged(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A cache folder that cannot be created is a warning; the answer is still printed."""
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "file" / "cache"))
    with caplog.at_level(logging.WARNING, logger="bot.core.lexicon"):
        assert main(["ask", "--corpus", CORPUS, QUESTION]) == 0
    assert "at least 12 people" in " ".join(capsys.readouterr().out.split())
    assert "Cannot save the lexicon cache" in caplog.text


@pytest.mark.parametrize(
    ("argv", "stdin", "code"),
    [
        pytest.param(["ask", "--corpus", "{corpus}", "   "], "", 2, id="ask-error"),
        pytest.param(["chat", "--corpus", "{corpus}"], "Who?\nquit\n", 0, id="chat-ends"),
    ],
)
def test_saved_after_chat_and_errors(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    stdin: str,
    code: int,
) -> None:
    """The lexicon is saved when a command fails and when `chat` ends."""
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    corpus, word = _story(tmp_path / "corpus")
    assert main([arg.format(corpus=corpus) for arg in argv]) == code
    capsys.readouterr()
    assert word in _saved(tmp_path / "cache")["stems"]


WRAPPER = """
import json, sys
from bot.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted({"nltk", "wordfreq"} & set(sys.modules))}))
"""


def _run_ask(tmp_path: Path, cache: str) -> tuple[str, list[str]]:
    environ = os.environ | {"STORYBOT_CACHE_DIR": cache, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, "ask", "--corpus", CORPUS, QUESTION],
        capture_output=True,
        text=True,
        env=environ,
        cwd=tmp_path,
        check=True,
        timeout=120,
    )
    answer, _, last = done.stdout.rstrip("\n").rpartition("\n")
    report = json.loads(last)
    assert report["code"] == 0, done.stderr
    return answer, report["loaded"]


def test_second_ask_imports_neither_library(tmp_path: Path) -> None:
    """A second `storybot ask` with the same words is answered from the cache alone (neither nltk
    nor wordfreq imported), with the same answer as a run without a cache."""
    cache = str(tmp_path / "cache")
    first, first_loaded = _run_ask(tmp_path, cache)
    second, second_loaded = _run_ask(tmp_path, cache)
    without, _ = _run_ask(tmp_path, "off")
    assert first_loaded == ["nltk", "wordfreq"]
    assert second_loaded == []
    assert first == second == without
    assert "at least 12 people" in " ".join(first.split())


def _clear_caches() -> None:
    text._stem.cache_clear()
    text._english_zipf.cache_clear()
    text._function_words.cache_clear()


def test_moderation_words_are_not_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Moderating a message with an e-mail address writes nothing of it (nor anything else) to
    the cache."""
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["moderate", "write to jsmithers at gmail"]) == 0
    assert "email" in capsys.readouterr().out
    assert all("jsmithers" not in p.read_text(encoding="utf-8") for p in _files(tmp_path / "cache"))
    assert _files(tmp_path / "cache") == []


def test_question_words_are_not_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A question's word the corpus lacks is answered but not saved; the corpus's word is."""
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "cache"))
    corpus, word = _story(tmp_path / "corpus")
    asked = word.replace("zorb", "quxq")
    assert main(["ask", "--corpus", corpus, f"Were the villagers {asked} or {word}?"]) == 0
    capsys.readouterr()
    saved = _saved(tmp_path / "cache")
    assert word in saved["stems"]
    assert asked not in saved["stems"]
    assert asked not in saved["zipf"]


def test_file_keeps_both_corpora_s_words_this_run_s_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After builds of two corpora, the file holds both corpora's words (switching back stays
    warm), the last run's first, and the tables."""
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "cache"))
    first, first_word = _story(tmp_path / "first")
    second, second_word = _story(tmp_path / "second")
    for corpus in (first, second):
        _clear_caches()
        assert main(["ask", "--corpus", corpus, "What did the mayor say?"]) == 0
    capsys.readouterr()
    saved = _saved(tmp_path / "cache")
    words = list(saved["stems"])
    assert words.index(second_word) < words.index(first_word)
    assert {"because", "which", "against"} <= set(saved["zipf"])  # the function-word table


def test_damaged_file_is_ignored(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A file whose tables do not match its checksum (edited, damaged) is ignored with a
    warning, and the answer is the one without a cache."""
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["ask", "--corpus", CORPUS, QUESTION]) == 0
    without = capsys.readouterr().out
    [path] = _files(tmp_path / "cache")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["stems"] |= {"killed": "zzdamaged", "kyiv": "zzdamaged"}
    path.write_text(json.dumps(data), encoding="utf-8")
    _clear_caches()
    with caplog.at_level(logging.WARNING, logger="bot.core.lexicon"):
        assert main(["ask", "--corpus", CORPUS, QUESTION]) == 0
    assert capsys.readouterr().out == without
    assert "checksum" in caplog.text
    assert "zzdamaged" not in _saved(tmp_path / "cache")["stems"].values()  # rewritten


def test_other_versions_file_is_left_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each nltk/wordfreq versions key has its own file: another install's recent file stays
    untouched next to this one's."""
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    other_key = b"1 nltk=0.1 wordfreq=0.1"
    other = tmp_path / "cache" / f"lexicon-{hashlib.sha1(other_key).hexdigest()[:12]}.json"
    other.write_text('{"key": "1 nltk=0.1 wordfreq=0.1", "stems": {}, "zipf": {}}')
    before = other.read_bytes()
    corpus, _ = _story(tmp_path / "corpus")
    assert main(["ask", "--corpus", corpus, "What did the mayor say?"]) == 0
    capsys.readouterr()
    assert other.read_bytes() == before
    assert [p.name for p in _files(tmp_path / "cache")] == sorted([other.name, _name()])


def test_a_symlinked_file_is_replaced_not_followed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A symlink where the cache file goes is replaced: its target is never written."""
    victim = tmp_path / "bashrc"
    victim.write_text("alias ll='ls -l'\n", encoding="utf-8")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / _name()).symlink_to(victim)
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "cache"))
    corpus, word = _story(tmp_path / "corpus")
    assert main(["ask", "--corpus", corpus, "What did the mayor say?"]) == 0
    capsys.readouterr()
    assert victim.read_text(encoding="utf-8") == "alias ll='ls -l'\n"
    assert not (tmp_path / "cache" / _name()).is_symlink()
    assert word in _saved(tmp_path / "cache")["stems"]


def _home_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "homefile").write_text("not a folder")
    os.environ["HOME"] = str(tmp_path / "homefile")


def _file_is_a_folder(tmp_path: Path) -> None:
    for name in (_name(), "lexicon.json"):
        (tmp_path / "home" / ".cache" / "storybot" / name).mkdir(parents=True)


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(_home_is_a_file, id="home-is-a-file"),
        pytest.param(_file_is_a_folder, id="file-is-a-folder"),
    ],
)
def test_unusable_default_location_is_logged_at_debug(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    spoil: object,
) -> None:
    """The default cache folder being unusable (the user set nothing) is no warning."""
    monkeypatch.delenv("STORYBOT_CACHE_DIR")
    assert callable(spoil)
    spoil(tmp_path)
    corpus, _ = _story(tmp_path / "corpus")
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        assert main(["ask", "--corpus", corpus, "What did the mayor say?"]) == 0
    assert "all night" in capsys.readouterr().out
    lexicon_records = [r for r in caplog.records if r.name == "bot.core.lexicon"]
    assert lexicon_records, "nothing logged"
    assert all(r.levelno == logging.DEBUG for r in lexicon_records)
    assert "rewritten" not in caplog.text


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["rules", "check"], id="rules-check"),
        pytest.param(["moderate", "hello everyone, see you at the match"], id="moderate"),
    ],
)
def test_commands_without_lookups_never_read_the_file(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    argv: list[str],
) -> None:
    """The file is read on the first stem or frequency lookup: `rules check` and `moderate` of
    an ordinary message never read it (a damaged file there goes unnoticed)."""
    monkeypatch.setenv("STORYBOT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    for name in (_name(), "lexicon.json"):
        (tmp_path / "cache" / name).write_text("{damaged", encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="bot.core.lexicon"):
        assert main(argv) == 0
    capsys.readouterr()
    assert [r for r in caplog.records if r.name == "bot.core.lexicon"] == []
