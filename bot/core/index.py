"""The BM25 index over tokenized documents (paragraphs or sentences).

Variant: BM25Okapi's term-frequency saturation and length normalisation (k1, b) with Lucene's
always-positive IDF, ln(1 + (N - df + 0.5) / (df + 0.5)). BM25Okapi's own IDF is zero or negative
for a term in half or more of the documents, which on a short story erases words like "Trump".

rank-bm25 (:class:`LuceneIdfBM25`) is the scoring reference, but its ``get_scores`` looks every
query term up in every document's dict. :class:`BM25Index` keeps the same statistics in an
inverted index instead (term -> numpy arrays of document ids and term counts), so a query touches
only its terms' postings. It adds the same float64 operations in the same order as rank-bm25, so
its scores equal the reference's (the parity test checks them on random corpora).
"""

from __future__ import annotations

import logging
import math
import sys
from collections.abc import Sequence
from itertools import chain

import numpy as np
from rank_bm25 import BM25Okapi

log = logging.getLogger(__name__)

# Up to this many documents a full-length score array is cheaper than sorting the postings.
_SMALL_CORPUS = 4096
# Up to this many postings a query is ranked in plain Python: numpy's cost per call is more
# than the arithmetic (a story of a few paragraphs, a quote book).
_FEW_POSTINGS = 64
# Terms whose postings' weights are kept for such queries (cleared when full).
_FEW_WEIGHTS_KEPT = 65536


class _TermIds(dict[str, int]):
    """Term -> id, a new term getting the next id (``map(ids.__getitem__, ...)`` runs in C)."""

    def __missing__(self, term: str) -> int:
        self[term] = term_id = len(self)
        return term_id


class LuceneIdfBM25(BM25Okapi):
    """rank-bm25's BM25Okapi with Lucene's IDF: the scoring reference for :class:`BM25Index`."""

    def _calc_idf(self, nd: dict[str, int]) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1.0 + (self.corpus_size - freq + 0.5) / (freq + 0.5))


class BM25Index:
    """BM25 scores of a query against a fixed list of tokenized documents.

    Parameters
    ----------
    documents
        One sequence of tokens per document; the document's index in this list is its id.
    k1, b
        rank-bm25's term-frequency saturation and length-normalisation parameters.

    Raises
    ------
    ValueError
        If ``documents`` is empty.
    """

    def __init__(
        self, documents: Sequence[Sequence[str]], *, k1: float = 1.5, b: float = 0.75
    ) -> None:
        if not documents:
            raise ValueError("BM25Index needs at least one document; it was given none.")
        lengths = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
        vocab = _TermIds()  # term ids in first-seen order, one per token
        term_ids = np.fromiter(
            map(vocab.__getitem__, chain.from_iterable(documents)),
            dtype=np.int64,
            count=int(lengths.sum()),
        )
        self._build(term_ids, lengths, vocab, k1=k1, b=b)

    @classmethod
    def from_term_ids(
        cls,
        term_ids: np.ndarray,
        lengths: np.ndarray,
        vocabulary: dict[str, int],
        *,
        k1: float = 1.5,
        b: float = 0.75,
    ) -> BM25Index:
        """The index of documents given as term ids, one document after the other.

        ``lengths`` holds each document's number of terms (documents are ``term_ids`` cut into
        runs of those lengths); ``vocabulary`` maps each term to its id. Terms of the vocabulary
        that no document uses are left out. Same result as ``BM25Index(documents)``.
        """
        if len(lengths) == 0:
            raise ValueError("BM25Index needs at least one document; it was given none.")
        if int(np.sum(lengths)) != len(term_ids):
            raise ValueError(
                f"the document lengths add up to {int(np.sum(lengths))} terms, "
                f"but {len(term_ids)} term ids were given"
            )
        term_ids = np.asarray(term_ids)
        if term_ids.dtype.kind not in "iu":  # (any integer type will do)
            term_ids = term_ids.astype(np.int64)
        index = cls.__new__(cls)
        index._build(
            term_ids,
            np.asarray(lengths, dtype=np.int64),
            vocabulary,
            k1=k1,
            b=b,
        )
        return index

    def _build(
        self,
        term_ids: np.ndarray,
        lengths: np.ndarray,
        vocabulary: dict[str, int],
        *,
        k1: float,
        b: float,
    ) -> None:
        self.k1 = k1
        # term id -> its postings' (document, weight), for queries with few postings
        self._few_weights: dict[int, list[tuple[int, float]]] = {}
        self.b = b
        self.size = len(lengths)
        total = int(lengths.sum())
        # As rank-bm25: average length from the integer total, normaliser per document.
        self.avgdl = total / self.size
        self.doc_lengths = lengths.astype(np.int32)
        if total:
            self._norm = k1 * (1 - b + b * lengths / self.avgdl)
        else:  # no tokens at all: no term ever matches, the normaliser is never used
            self._norm = np.zeros(self.size, dtype=np.float64)

        used = np.bincount(term_ids, minlength=len(vocabulary)) > 0
        if not used.all():  # renumber the terms that occur
            new_ids = np.cumsum(used) - 1
            term_ids = new_ids[term_ids]
            keep = used.tolist()
            vocabulary = {term: int(new_ids[i]) for term, i in vocabulary.items() if keep[i]}
        self._vocab: dict[str, int] = dict(vocabulary)
        # (term, document) pairs counted: a key per token (term * size + document), sorted in
        # place; a run of equal keys is one term in one document, its length the term's count.
        # (np.unique(keys, return_counts=True) gives the same, but makes several more arrays as
        # long as the corpus: at 100k paragraphs, allocating them was a good part of the build.)
        keys = term_ids.astype(np.int64)  # a new array, changed in place
        keys *= self.size
        keys += np.repeat(np.arange(self.size, dtype=np.int32), lengths)
        keys.sort()
        boundaries = np.empty(len(keys) + 1, dtype=bool)  # where a run starts, and the end
        boundaries[[0, -1]] = True
        np.not_equal(keys[1:], keys[:-1], out=boundaries[1:-1])
        run_starts = np.flatnonzero(boundaries)
        pairs = keys[run_starts[:-1]]
        del keys, boundaries
        self._counts = np.diff(run_starts).astype(np.int32)
        del run_starts
        self._doc_ids = (pairs % self.size).astype(np.int32)
        pairs //= self.size  # each pair's term
        doc_freqs = np.bincount(pairs, minlength=len(self._vocab))
        self._offsets = np.zeros(len(self._vocab) + 1, dtype=np.int64)
        np.cumsum(doc_freqs, out=self._offsets[1:])
        # math.log per term (not np.log) so each IDF is the reference's to the last bit.
        n = self.size
        self._idf = np.array(
            [math.log(1.0 + (n - df + 0.5) / (df + 0.5)) for df in doc_freqs.tolist()],
            dtype=np.float64,
        )
        log.debug(
            "BM25 index: %d documents, %d terms, %d postings",
            n,
            len(self._vocab),
            len(self._doc_ids),
        )

    @property
    def vocabulary_size(self) -> int:
        """Number of distinct terms."""
        return len(self._vocab)

    @property
    def postings_count(self) -> int:
        """Number of (term, document) pairs stored."""
        return len(self._doc_ids)

    def memory_bytes(self) -> int:
        """Approximate memory held by the index: numpy arrays plus the term dictionary."""
        arrays = (
            self._doc_ids,
            self._counts,
            self._offsets,
            self._idf,
            self._norm,
            self.doc_lengths,
        )
        vocab = sys.getsizeof(self._vocab) + sum(sys.getsizeof(term) for term in self._vocab)
        return sum(a.nbytes for a in arrays) + vocab

    def idf(self, term: str) -> float:
        """The IDF of ``term`` (0.0 for a term not in any document)."""
        term_id = self._vocab.get(term)
        return 0.0 if term_id is None else float(self._idf[term_id])

    def document_frequencies(self) -> dict[str, int]:
        """Number of documents containing each term, for every term."""
        frequencies = np.diff(self._offsets).tolist()
        return {term: frequencies[term_id] for term, term_id in self._vocab.items()}

    def document_frequency(self, term: str) -> int:
        """Number of documents that contain ``term``."""
        term_id = self._vocab.get(term)
        if term_id is None:
            return 0
        return int(self._offsets[term_id + 1] - self._offsets[term_id])

    def documents_with(self, term: str) -> np.ndarray:
        """Ids of the documents that contain ``term`` (ascending; empty for an unknown term)."""
        term_id = self._vocab.get(term)
        if term_id is None:
            return np.empty(0, dtype=np.int32)
        return self._doc_ids[self._offsets[term_id] : self._offsets[term_id + 1]]

    def _postings(self, query: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Document ids and score contributions of every query token, in query order.

        A token repeated in the query contributes once per occurrence, as in rank-bm25.
        """
        doc_parts: list[np.ndarray] = []
        weight_parts: list[np.ndarray] = []
        k1_plus_1 = self.k1 + 1
        for token in query:
            term_id = self._vocab.get(token)
            if term_id is None:
                continue
            start, end = self._offsets[term_id], self._offsets[term_id + 1]
            docs = self._doc_ids[start:end]
            tf = self._counts[start:end].astype(np.float64)
            # The reference's expression, operation for operation.
            weights = float(self._idf[term_id]) * (tf * k1_plus_1 / (tf + self._norm[docs]))
            doc_parts.append(docs)
            weight_parts.append(weights)
        if not doc_parts:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float64)
        if len(doc_parts) == 1:
            return doc_parts[0], weight_parts[0]
        return np.concatenate(doc_parts), np.concatenate(weight_parts)

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """Score of every document for ``query`` (float64, one per document)."""
        docs, weights = self._postings(query)
        # bincount adds each document's weights in input (query) order, like the reference.
        return np.bincount(docs, weights=weights, minlength=self.size).astype(
            np.float64, copy=False
        )

    def _candidate_scores(self, query: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Ids (ascending) and scores of the documents that contain a query term."""
        docs, weights = self._postings(query)
        if len(docs) == 0:
            return docs, weights
        if self.size > _SMALL_CORPUS and 8 * len(docs) < self.size:
            # Few postings: sort them rather than touch an array as long as the corpus.
            candidates, slots = np.unique(docs, return_inverse=True)
            return candidates, np.bincount(slots, weights=weights, minlength=len(candidates))
        scores = np.bincount(docs, weights=weights, minlength=self.size)
        candidates = np.flatnonzero(scores)
        return candidates, scores[candidates]

    def top_k(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The ``k`` best (document index, score) pairs with a score above zero, best first.

        Ties are broken by the lower document index. Only documents containing a query term are
        ranked, so the cost grows with the query terms' postings, not with the corpus.
        """
        if k <= 0:
            return []
        spans = []
        for token in query:
            term_id = self._vocab.get(token)
            if term_id is not None:
                spans.append(
                    (term_id, int(self._offsets[term_id]), int(self._offsets[term_id + 1]))
                )
        if sum(end - start for _, start, end in spans) <= _FEW_POSTINGS:
            return self._few_top_k(spans, k)
        return self._numpy_top_k(query, k)

    def _few_top_k(self, spans: list[tuple[int, int, int]], k: int) -> list[tuple[int, float]]:
        """:meth:`top_k` over the postings ``spans`` (term id, start, end) in plain Python: the
        float64 operations of :meth:`_postings`, summed per document in the same order, so
        the very same scores."""
        scores: dict[int, float] = {}
        for term_id, start, end in spans:
            for doc, weight in self._posting_weights(term_id, start, end):
                scores[doc] = scores.get(doc, 0.0) + weight
        ranked = sorted(
            (doc for doc, score in scores.items() if score > 0), key=lambda d: (-scores[d], d)
        )
        return [(doc, scores[doc]) for doc in ranked[:k]]

    def _posting_weights(self, term_id: int, start: int, end: int) -> list[tuple[int, float]]:
        """(document, score contribution) of each posting of a term (``start``, ``end``: its
        span), as :meth:`_postings` computes them; worked out once per term."""
        found = self._few_weights.get(term_id)
        if found is None:
            k1_plus_1 = self.k1 + 1
            idf = float(self._idf[term_id])
            docs = self._doc_ids[start:end].tolist()
            counts = self._counts[start:end].astype(np.float64).tolist()
            norms = self._norm[docs].tolist()
            found = [
                (doc, idf * (tf * k1_plus_1 / (tf + norm)))
                for doc, tf, norm in zip(docs, counts, norms, strict=True)
            ]
            if len(self._few_weights) >= _FEW_WEIGHTS_KEPT:
                self._few_weights.clear()
            self._few_weights[term_id] = found
        return found

    def _numpy_top_k(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """:meth:`top_k` with numpy, for many postings."""
        candidates, scores = self._candidate_scores(query)
        positive = scores > 0
        if not positive.all():
            candidates, scores = candidates[positive], scores[positive]
        if len(scores) > k:
            # Keep everything tied with the k-th best score, then order that short list.
            kth_best = np.partition(scores, len(scores) - k)[len(scores) - k]
            keep = scores >= kth_best
            candidates, scores = candidates[keep], scores[keep]
        order = np.lexsort((candidates, -scores))[:k]
        return [(int(candidates[i]), float(scores[i])) for i in order]
