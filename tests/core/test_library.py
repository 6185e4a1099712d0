"""Tests for bot.core.library: live snapshot, atomic reload, reload report, failed reloads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bot.core import text
from bot.core.errors import CorpusError
from bot.core.library import Library, warm_up
from bot.core.synonyms import thesaurus
from bot.core.text import english_speller

STORY = Path(__file__).resolve().parents[2] / "corpus" / "trump-russia-big-concession.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A corpus folder holding a copy of the story."""
    (tmp_path / "story.txt").write_bytes(STORY.read_bytes())
    return tmp_path


def test_first_use_builds_the_snapshot(folder: Path) -> None:
    """The library loads on first use and answers from it."""
    library = Library(folder)
    assert [a.slug for a in library.corpus.articles] == ["story"]
    answer = library.answer("How many people were killed in Kyiv?")
    assert answer.answered
    assert answer.citation is not None
    assert answer.citation.paragraph == 4


def test_reload_reports_added_changed_and_removed(folder: Path) -> None:
    """A reload swaps in the new corpus and reports what changed."""
    library = Library(folder)
    first = library.reload()
    assert first.articles_added == ("story",)
    assert first.paragraphs_before == 0
    assert first.paragraphs_after == 8
    (folder / "bridge.txt").write_text("Bridge\n\nThe bridge opens in May.\n", encoding="utf-8")
    with (folder / "story.txt").open("a", encoding="utf-8") as story:
        story.write("\n")
    report = library.reload()
    assert report.articles_added == ("bridge",)
    assert report.articles_changed == ("story",)
    assert report.articles_removed == ()
    assert (report.paragraphs_before, report.paragraphs_after) == (8, 9)
    (folder / "bridge.txt").unlink()
    assert library.reload().articles_removed == ("bridge",)
    assert library.reload().articles_changed == ()


def test_failed_reload_keeps_the_old_snapshot(folder: Path) -> None:
    """A bad file makes reload raise CorpusError naming it; the old snapshot stays live."""
    library = Library(folder)
    library.reload()
    before = library.engine
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00 binary")
    with pytest.raises(CorpusError, match=r"broken\.txt"):
        library.reload()
    assert library.engine is before
    assert library.answer("tango").answered


def test_bad_corpus_on_first_use_raises(tmp_path: Path) -> None:
    """A library over an empty folder raises CorpusError when first used."""
    with pytest.raises(CorpusError, match="no article files"):
        _ = Library(tmp_path).corpus


def test_reads_during_reloads_always_see_a_whole_snapshot(folder: Path) -> None:
    """Concurrent answers during reloads never fail and always see a complete corpus."""
    library = Library(folder)
    library.reload()
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            for _ in range(30):
                assert library.answer("What did Trump post on Truth Social?").answered
                assert len(library.corpus.paragraphs) == 8
        except BaseException as error:
            errors.append(error)

    readers = [threading.Thread(target=ask) for _ in range(3)]
    for thread in readers:
        thread.start()
    for _ in range(3):
        library.reload()
    for thread in readers:
        thread.join()
    assert errors == []


def test_warm_up_loads_what_a_first_unknown_word_needs() -> None:
    """After a warm-up the English frequencies, the speller's index and the synonym table are
    in memory: the first question with a word the story lacks waits for none of them."""
    warm_up()
    assert text._english_zipf.cache_info().currsize > 0
    assert english_speller()._by_deletion is not None
    assert thesaurus.cache_info().currsize == 1
