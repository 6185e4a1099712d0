"""BM25Index: parity with the rank-bm25 reference, top-k order, edge cases."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import index as index_module
from bot.core.index import BM25Index, LuceneIdfBM25


def random_corpus(
    seed: int, documents: int, vocabulary: int, max_length: int, min_length: int = 0
) -> tuple[list[list[str]], list[list[str]]]:
    """A seeded Zipf-like corpus and queries over its vocabulary (plus one unseen term)."""
    rng = np.random.default_rng(seed)
    words = [f"t{i}" for i in range(vocabulary)]
    weights = 1.0 / np.arange(1, vocabulary + 1)
    weights /= weights.sum()
    corpus = [
        [
            words[i]
            for i in rng.choice(
                vocabulary, size=rng.integers(min_length, max_length + 1), p=weights
            )
        ]
        for _ in range(documents)
    ]
    queries = [
        [words[i] for i in rng.integers(0, vocabulary, size=rng.integers(1, 7))] + ["unseen"]
        for _ in range(15)
    ]
    return corpus, queries


def reference_top_k(scores: np.ndarray, k: int) -> list[int]:
    """Top k by score (ties: lower index) among positive scores, from the full array."""
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return [i for i in ranked if scores[i] > 0][:k]


PARITY_CASES = [
    pytest.param(1, 1, 5, 8, 1.5, 0.75, id="one-document"),
    pytest.param(2, 2, 4, 6, 1.5, 0.75, id="two-documents"),
    pytest.param(3, 11, 30, 40, 1.5, 0.75, id="story-sized"),
    pytest.param(4, 200, 300, 60, 1.5, 0.75, id="small"),
    pytest.param(5, 5000, 8000, 40, 1.5, 0.75, id="sorted-postings-path"),
    pytest.param(6, 300, 40, 30, 1.5, 0.75, id="dense-full-array-path"),
    pytest.param(7, 300, 500, 60, 1.2, 0.75, id="lucene-k1"),
    pytest.param(8, 300, 500, 60, 2.0, 0.0, id="no-length-normalisation"),
    pytest.param(9, 300, 500, 60, 0.9, 1.0, id="full-length-normalisation"),
]


@pytest.mark.parametrize(("seed", "documents", "vocabulary", "max_length", "k1", "b"), PARITY_CASES)
def test_scores_and_top_k_match_reference(
    seed: int, documents: int, vocabulary: int, max_length: int, k1: float, b: float
) -> None:
    """Scores equal rank-bm25's (Lucene IDF) and top-k is the reference order."""
    # With b = 1 an empty document has a zero normaliser: the reference computes 0/0 there.
    corpus, queries = random_corpus(seed, documents, vocabulary, max_length, min_length=int(b))
    if not any(corpus):
        corpus[0] = ["t0"]
    index = BM25Index(corpus, k1=k1, b=b)
    reference = LuceneIdfBM25(corpus, k1=k1, b=b)
    for query in queries:
        expected = reference.get_scores(query)
        actual = index.get_scores(query)
        assert actual.shape == (documents,)
        assert np.allclose(actual, expected, rtol=1e-9, atol=0)
        ranked = reference_top_k(expected, documents)
        for k in (1, 5, documents + 3):
            top = index.top_k(query, k)
            assert [i for i, _ in top] == ranked[:k]
            assert all(math.isclose(s, expected[i], rel_tol=1e-9) for i, s in top)


documents_strategy = st.lists(
    st.lists(st.sampled_from("abcdefgh"), max_size=12), min_size=1, max_size=12
)


@settings(max_examples=60, deadline=None)
@given(
    corpus=documents_strategy,
    query=st.lists(st.sampled_from("abcdefghxy"), max_size=6),
    k=st.integers(1, 15),
)
def test_parity_on_arbitrary_small_corpora(
    corpus: list[list[str]], query: list[str], k: int
) -> None:
    """Any small corpus and query: same scores and top-k as the reference."""
    index = BM25Index(corpus)
    if sum(map(len, corpus)) == 0:  # the reference divides by a zero average length
        assert not index.get_scores(query).any()
        assert index.top_k(query, k) == []
        return
    expected = LuceneIdfBM25(corpus).get_scores(query)
    assert np.allclose(index.get_scores(query), expected, rtol=1e-9, atol=0)
    assert [i for i, _ in index.top_k(query, k)] == reference_top_k(expected, k)


@settings(max_examples=60, deadline=None)
@given(corpus=documents_strategy, query=st.lists(st.sampled_from("abcdefghxy"), max_size=6))
def test_index_from_term_ids_is_the_index_of_the_documents(
    corpus: list[list[str]], query: list[str]
) -> None:
    """Documents given as 32-bit term ids (with an unused term) index exactly as the tokens."""
    vocabulary = {"unused": 0}
    for document in corpus:
        for token in document:
            vocabulary.setdefault(token, len(vocabulary))
    term_ids = np.array([vocabulary[t] for d in corpus for t in d], dtype=np.int32)
    lengths = np.array([len(d) for d in corpus])
    built = BM25Index.from_term_ids(term_ids, lengths, vocabulary)
    expected = BM25Index(corpus)
    assert built.document_frequencies() == expected.document_frequencies()
    assert built.get_scores(query).tolist() == expected.get_scores(query).tolist()
    for term in vocabulary:
        assert built.documents_with(term).tolist() == expected.documents_with(term).tolist()


STORY = [
    ["trump", "said", "putin", "deal"],
    ["kyiv", "strike", "kill", "12", "peopl"],
    ["trump", "deadlin", "fast"],
    ["europ", "reject", "concess"],
]

EDGE_CASES = [
    pytest.param([], 3, [], id="empty-query"),
    pytest.param(["zebra", "unicorn"], 3, [], id="unknown-terms"),
    pytest.param(["kyiv"], 3, [1], id="single-match"),
    pytest.param(["trump"], 10, [2, 0], id="k-larger-than-matches-shorter-first"),
    pytest.param(["trump"], 0, [], id="k-zero"),
    pytest.param(["trump", "zebra"], 5, [2, 0], id="unknown-term-ignored"),
]


@pytest.mark.parametrize(("query", "k", "expected"), EDGE_CASES)
def test_top_k_edge_cases(query: list[str], k: int, expected: list[int]) -> None:
    """Empty/unknown queries give nothing; k beyond the matches returns only the matches."""
    index = BM25Index(STORY)
    assert [i for i, _ in index.top_k(query, k)] == expected


def test_repeated_query_terms_count_twice() -> None:
    """A repeated query token adds its weight again, exactly as rank-bm25 loops over tokens."""
    index = BM25Index(STORY)
    once = index.get_scores(["kyiv", "trump"])
    twice = index.get_scores(["kyiv", "trump", "kyiv"])
    assert twice[1] == pytest.approx(2 * once[1])
    assert twice[0] == once[0]
    assert np.array_equal(twice, LuceneIdfBM25(STORY).get_scores(["kyiv", "trump", "kyiv"]))


def test_single_document() -> None:
    """One document: its terms still get a positive IDF, so it is found."""
    index = BM25Index([["trump", "putin", "trump"]])
    assert index.top_k(["putin"], 3)[0][0] == 0
    assert index.idf("trump") == pytest.approx(math.log(1 + 0.5 / 1.5))


def test_ties_break_by_lower_index() -> None:
    """Identical documents tie; the lower index ranks first."""
    index = BM25Index([["b"], ["a", "c"], ["a", "c"], ["a", "c"]])
    assert [i for i, _ in index.top_k(["a"], 2)] == [1, 2]


def test_no_documents_is_a_clear_error() -> None:
    """An index over nothing is refused with a sentence saying why."""
    with pytest.raises(ValueError, match="at least one document"):
        BM25Index([])


def test_statistics() -> None:
    """Vocabulary, document frequency, IDF and memory reflect the corpus."""
    index = BM25Index(STORY)
    assert index.vocabulary_size == 14
    assert index.postings_count == 15
    assert index.document_frequency("trump") == 2
    assert index.document_frequency("zebra") == 0
    assert index.idf("zebra") == 0.0
    assert index.idf("kyiv") > index.idf("trump") > 0
    assert index.memory_bytes() > 0


@pytest.mark.parametrize(("seed", "documents"), [(1, 1), (2, 12), (3, 12), (4, 40), (5, 300)])
def test_few_postings_ranked_in_python_as_with_numpy(
    seed: int, documents: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A query with few postings (ranked in plain Python) gets numpy's very scores and order."""
    monkeypatch.setattr(index_module, "_FEW_POSTINGS", 10**9)  # every query in Python
    corpus, queries = random_corpus(seed, documents, vocabulary=60, max_length=30)
    corpus[0] = corpus[0] or ["t0"]
    index = BM25Index(corpus)
    for query in [*queries, ["t0", "t0", "t1"], []]:
        for k in (1, 3, 20):
            assert index.top_k(query, k) == index._numpy_top_k(query, k)
