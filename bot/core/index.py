"""The BM25 index over tokenized documents (paragraphs or sentences).

CONTRACT (skeleton): this first version simply wraps rank-bm25 so that callers can be written
against the interface; the retrieval work replaces the internals with an inverted index whose
query cost grows with the matching postings, keeping rank-bm25's formula and scores.

Variant: BM25Okapi's term-frequency saturation and length normalisation (k1, b) with Lucene's
always-positive IDF, ln(1 + (N - df + 0.5) / (df + 0.5)). BM25Okapi's own IDF is zero or negative
for a term in half or more of the documents, which on a short story erases words like "Trump".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from rank_bm25 import BM25Okapi


class LuceneIdfBM25(BM25Okapi):
    """rank-bm25's BM25Okapi with Lucene's IDF: the scoring reference for :class:`BM25Index`."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1.0 + (self.corpus_size - freq + 0.5) / (freq + 0.5))


class BM25Index:
    """BM25 scores of a query against a fixed list of tokenized documents."""

    def __init__(
        self, documents: Sequence[Sequence[str]], *, k1: float = 1.5, b: float = 0.75
    ) -> None:
        if not documents:
            raise ValueError("BM25Index needs at least one document")
        self.k1 = k1
        self.b = b
        self.size = len(documents)
        self._reference = LuceneIdfBM25([list(doc) for doc in documents], k1=k1, b=b)

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """Score of every document for ``query`` (float64, one per document)."""
        return np.asarray(self._reference.get_scores(list(query)), dtype=np.float64)

    def top_k(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The ``k`` best (document index, score) pairs with a score above zero, best first.

        Ties are broken by the lower document index.
        """
        scores = self.get_scores(query)
        candidates = np.flatnonzero(scores > 0)
        order = sorted(candidates.tolist(), key=lambda i: (-scores[i], i))[:k]
        return [(i, float(scores[i])) for i in order]

    def idf(self, term: str) -> float:
        """The IDF of ``term`` (0.0 for a term not in any document)."""
        return float(self._reference.idf.get(term, 0.0))
