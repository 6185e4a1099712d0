"""Lookups behind /passage, /quote and /story: matching names, paragraph bounds, quote counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.browse import find_paragraph, matching_articles, matching_names, quotes_per_article
from bot.core.corpus import Corpus, load_corpus
from bot.core.errors import QuestionError
from bot.core.quotes import Quote

ROOT = Path(__file__).resolve().parents[2]
SLUG = "trump-russia-big-concession"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    """The shipped story."""
    return load_corpus(ROOT / "corpus")


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        pytest.param("", True, id="empty"),
        pytest.param("  CONCESSION ", True, id="slug-any-case"),
        pytest.param("zzzz", False, id="nothing"),
    ],
)
def test_matching_articles(corpus: Corpus, typed: str, found: bool) -> None:
    """Articles match on title or slug, ignoring case and surrounding spaces."""
    assert [a.slug for a in matching_articles(corpus, typed)] == ([SLUG] if found else [])


def test_matching_names_keeps_order() -> None:
    """Names containing the typed text, any case, in their given order."""
    assert matching_names(["Donald Trump", "Vladimir Putin", "Ivanka Trump"], "trump") == [
        "Donald Trump",
        "Ivanka Trump",
    ]


@pytest.mark.parametrize(
    ("slug", "number", "message"),
    [
        pytest.param("nope", 1, "no article", id="unknown-article"),
        pytest.param(SLUG, 0, "pick 1 to", id="zero"),
        pytest.param(SLUG, 10_000, "pick 1 to", id="too-far"),
    ],
)
def test_find_paragraph_refuses_what_is_not_there(
    corpus: Corpus, slug: str, number: int, message: str
) -> None:
    """An unknown article or a paragraph out of range is a QuestionError saying what to pick."""
    with pytest.raises(QuestionError, match=message):
        find_paragraph(corpus, slug, number)


def test_find_paragraph_returns_the_article(corpus: Corpus) -> None:
    """A paragraph in range gives its article."""
    assert find_paragraph(corpus, SLUG, 1).slug == SLUG


def test_quotes_per_article() -> None:
    """Quotes are counted by article slug."""
    quotes = [Quote("A", "x", "one", 1), Quote("B", "y", "two", 2), Quote("C", "z", "one", 3)]
    assert quotes_per_article(quotes) == {"one": 2, "two": 1}


def test_a_long_file_name_is_found_by_its_end(tmp_path: Path) -> None:
    """/passage's autocomplete finds an article by the end of a long file name, which its cut
    slug no longer has."""
    name = (
        "ukraine-war-live-updates-trump-says-russia-made-a-big-concession-by-not-taking-2025-04-24"
    )
    (tmp_path / f"{name}.txt").write_text("Headline\n\nBody paragraph.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert "2025-04-24" not in corpus.articles[0].slug
    assert matching_articles(corpus, "2025-04-24") == [corpus.articles[0]]
