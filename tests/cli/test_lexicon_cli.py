"""The lexicon cache from the command line: where it is kept, ``off``, failures, a warm start."""

from __future__ import annotations

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
from bot.core.lexicon import FILE_NAME

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
    text.stem.cache_clear()
    text.english_zipf.cache_clear()
    yield
    text.stem.cache_clear()
    text.english_zipf.cache_clear()


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


def _saved(path: Path) -> dict[str, dict[str, object]]:
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
    """`storybot ask` keeps the words it looked up in the cache folder's lexicon.json."""
    monkeypatch.delenv("STORYBOT_CACHE_DIR")
    for name, value in environ.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    corpus, word = _story(tmp_path / "corpus")
    assert main(["ask", "--corpus", corpus, f"What were the villagers {word}?"]) == 0
    assert "all night" in capsys.readouterr().out
    saved = _saved(tmp_path / where / FILE_NAME)
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
    assert word in _saved(tmp_path / "cache" / FILE_NAME)["stems"]


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
