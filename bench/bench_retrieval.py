"""Retrieval benchmark: storybot's BM25Index vs naive rank-bm25 vs bm25s, side by side.

A deterministic synthetic corpus (seeded; Zipfian vocabulary of pronounceable pseudo-words,
about 60 tokens a paragraph) at several sizes; queries of 3-8 mid-frequency terms. For each
method: index build time, query latency p50/p99 (top 5), and the memory the built index keeps
(tracemalloc, measured in a separate build so it does not slow the timed one). Prints a Markdown
table with ratios against rank-bm25. Never asserts on time.

    python bench/bench_retrieval.py                    # 1k, 10k, 100k paragraphs
    python bench/bench_retrieval.py --sizes 1000,10000 --answer-size 0  # a quick run

Then, through ``Library`` (the whole engine): full-answer latency on the story and on a
synthetic corpus of ``--answer-size`` paragraphs (both built without the lexicon cache), and the
cold start of ``storybot ask``: first with an empty lexicon cache, then with the cache warm
(the same question again, and the other story questions).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.core.index import BM25Index, LuceneIdfBM25

log = logging.getLogger(__name__)

Tokens = list[list[str]]
TOP_K = 5
ROOT = Path(__file__).resolve().parents[1]


# --- synthetic corpus ----------------------------------------------------------------------


def pseudo_words(count: int, rng: np.random.Generator) -> list[str]:
    """``count`` distinct pronounceable pseudo-words (deterministic for a seeded ``rng``)."""
    onsets = ["", "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "st", "tr"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < count:
        syllables = int(rng.integers(1, 5))
        word = "".join(
            onsets[int(rng.integers(len(onsets)))] + vowels[int(rng.integers(len(vowels)))]
            for _ in range(syllables)
        )
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


@dataclass(frozen=True)
class Workload:
    """A corpus of tokenized paragraphs and the queries to run against it."""

    paragraphs: Tokens
    queries: Tokens


def make_workload(
    size: int, *, vocabulary: int = 50_000, queries: int = 200, seed: int = 7
) -> Workload:
    """``size`` paragraphs of ~60 Zipf-distributed tokens; queries of 3-8 mid-frequency terms."""
    rng = np.random.default_rng(seed)
    words = np.array(pseudo_words(vocabulary, rng), dtype=object)
    ranks = np.arange(1, vocabulary + 1, dtype=np.float64)
    cdf = np.cumsum(1.0 / ranks**1.07)
    cdf /= cdf[-1]
    lengths = np.clip(rng.normal(60, 15, size=size).round().astype(int), 10, 150)
    draws = np.searchsorted(cdf, rng.random(int(lengths.sum())))
    tokens = words[draws].tolist()
    offsets = np.concatenate([[0], np.cumsum(lengths)]).tolist()
    paragraphs = [tokens[offsets[i] : offsets[i + 1]] for i in range(size)]
    # Mid-frequency: ranks 100-5000 (present in tens to thousands of paragraphs at 100k).
    query_terms = [
        words[rng.integers(100, 5000, size=int(rng.integers(3, 9)))].tolist()
        for _ in range(queries)
    ]
    return Workload(paragraphs, query_terms)


# --- methods -------------------------------------------------------------------------------


def top_k_nonzero(scores: np.ndarray, k: int) -> list[int]:
    """Top k among the non-zero scores, ties by lower index (as BM25Index.top_k).

    argpartition over the full, mostly-zero array is slow: only the candidates are ranked.
    """
    candidates = np.flatnonzero(scores)
    values = scores[candidates]
    if len(candidates) > k:
        keep = values >= np.partition(values, len(values) - k)[len(values) - k]
        candidates, values = candidates[keep], values[keep]
    return candidates[np.lexsort((candidates, -values))[:k]].tolist()


@dataclass(frozen=True)
class Method:
    """How to build one index and run one top-k query against it."""

    name: str
    build: Callable[[Tokens], Any]
    query: Callable[[Any, list[str]], list[int]]
    max_queries: int | None = None  # cap for slow baselines (None: every query)


def _bm25s_build(paragraphs: Tokens) -> Any:
    import bm25s

    retriever = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    retriever.index(paragraphs, show_progress=False)
    return retriever


def _bm25s_retrieve(retriever: Any, query: list[str]) -> list[int]:
    ids = retriever.get_tokens_ids(query)
    docs, _ = retriever.retrieve([ids], k=TOP_K, show_progress=False, n_threads=1)
    return [int(d) for d in docs[0]]


METHODS = [
    Method("rank-bm25 get_scores + top-k", LuceneIdfBM25, lambda i, q: top_k_nonzero(
        np.asarray(i.get_scores(q)), TOP_K)),
    Method("storybot BM25Index.top_k", BM25Index, lambda i, q: [d for d, _ in i.top_k(q, TOP_K)]),
    Method("bm25s get_scores + top-k", _bm25s_build, lambda i, q: top_k_nonzero(
        i.get_scores(q), TOP_K)),
    Method("bm25s retrieve(k=5)", _bm25s_build, _bm25s_retrieve),
]  # fmt: skip
BASELINE = METHODS[0].name


# --- measuring -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    size: int
    method: str
    build_s: float
    p50_ms: float
    p99_ms: float
    memory_mb: float | None
    top1_agreement: float | None  # share of queries whose best paragraph equals rank-bm25's


def retained_memory(build: Callable[[Tokens], Any], paragraphs: Tokens) -> float:
    """MB still allocated after building (the index itself), traced in a separate build."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = build(paragraphs)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del index
    return (after - before) / 1e6


def measure(
    method: Method,
    workload: Workload,
    *,
    memory: bool,
    reference: list[int] | None,
) -> tuple[Row, list[int]]:
    """Build once (timed), run the queries (timed one by one), optionally trace memory."""
    gc.collect()
    start = time.perf_counter()
    index = method.build(workload.paragraphs)
    build_s = time.perf_counter() - start
    queries = workload.queries[: method.max_queries]
    for query in queries[:5]:  # warm-up (first-call costs, caches)
        method.query(index, query)
    latencies: list[float] = []
    best: list[int] = []
    for query in queries:
        start = time.perf_counter()
        found = method.query(index, query)
        latencies.append((time.perf_counter() - start) * 1000)
        best.append(found[0] if found else -1)
    del index
    agreement = None
    if reference is not None:
        pairs = list(zip(best, reference, strict=False))
        agreement = sum(a == b for a, b in pairs) / len(pairs)
    row = Row(
        size=len(workload.paragraphs),
        method=method.name,
        build_s=build_s,
        p50_ms=statistics.median(latencies),
        p99_ms=float(np.percentile(latencies, 99)),
        memory_mb=retained_memory(method.build, workload.paragraphs) if memory else None,
        top1_agreement=agreement,
    )
    return row, best


def _ratio(value: float | None, baseline: float | None, *, inverse: bool = False) -> str:
    if value is None or baseline is None or value <= 0 or baseline <= 0:
        return "–"
    ratio = baseline / value if inverse else value / baseline
    return f"{ratio:,.1f}x" if ratio >= 10 else f"{ratio:.2f}x"


def markdown_table(rows: Sequence[Row]) -> str:
    """Rows with ratios against the rank-bm25 row of the same size."""
    lines = [
        "| paragraphs | method | build s | p50 ms | p99 ms | memory MB "
        "| p50 speed-up | build time | memory | top-1 = rank-bm25 |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    baselines = {r.size: r for r in rows if r.method == BASELINE}
    for row in rows:
        base = baselines.get(row.size)
        memory = "–" if row.memory_mb is None else f"{row.memory_mb:,.1f}"
        agreement = "–" if row.top1_agreement is None else f"{row.top1_agreement:.0%}"
        lines.append(
            f"| {row.size:,} | {row.method} | {row.build_s:.2f} | {row.p50_ms:.3f} "
            f"| {row.p99_ms:.3f} | {memory} "
            f"| {_ratio(row.p50_ms, base.p50_ms if base else None, inverse=True)} "
            f"| {_ratio(row.build_s, base.build_s if base else None)} "
            f"| {_ratio(row.memory_mb, base.memory_mb if base else None)} | {agreement} |"
        )
    return "\n".join(lines)


def run(sizes: Sequence[int], queries: int, memory: bool, baseline_queries: int) -> list[Row]:
    rows: list[Row] = []
    for size in sizes:
        workload = make_workload(size, queries=queries)
        reference: list[int] | None = None
        for method in METHODS:
            capped = (
                Method(method.name, method.build, method.query, baseline_queries)
                if method.name == BASELINE
                else method
            )
            row, best = measure(capped, workload, memory=memory, reference=reference)
            if method.name == BASELINE:
                reference = best
            rows.append(row)
            print(
                f"  {size:>7,} {method.name:<30} build {row.build_s:6.2f}s "
                f"p50 {row.p50_ms:8.3f} ms p99 {row.p99_ms:8.3f} ms",
                file=sys.stderr,
                flush=True,
            )
    return rows


# --- full answers (retrieval + sentence choice + quotes) ----------------------------------

STORY_QUESTIONS = [
    "How many people were killed in Kyiv?",
    "What did Trump say to Putin?",
    "Who did Trump meet on April 24?",
    "What is Trump's deadline?",
    "what did europe think of the concession",
    "How many soldiers are dying each week?",
    "What is the capital of France?",
    "kiev strikes",
]
SPEAKERS = ["Anna Berg", "Tomas Lind", "Maria Costa", "Jonas Holm", "Ruth Adler", "Omar Said"]


def write_synthetic_corpus(directory: Path, paragraphs: int, per_article: int = 100) -> None:
    """Articles of prose-like paragraphs (3-5 sentences of Zipf pseudo-words, some quotes)."""
    workload = make_workload(paragraphs, queries=0, seed=11)
    rng = np.random.default_rng(5)
    for start in range(0, paragraphs, per_article):
        blocks = [f"Synthetic article {start // per_article}"]
        for tokens in workload.paragraphs[start : start + per_article]:
            cuts = sorted(rng.choice(np.arange(3, len(tokens) - 2), size=3, replace=False))
            pieces = np.split(np.array(tokens, dtype=object), cuts)
            sentences = [" ".join(p).capitalize() + "." for p in pieces if len(p)]
            if rng.random() < 0.2:
                speaker = SPEAKERS[int(rng.integers(len(SPEAKERS)))]
                sentences[-1] = f"“{sentences[-1][:-1]},” {speaker} said."
            blocks.append(" ".join(sentences))
        name = f"synthetic-{start // per_article:05d}.txt"
        (directory / name).write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def time_answers(library: Any, questions: Sequence[str], rounds: int) -> tuple[float, float]:
    """p50 and p99 (ms) of ``library.answer`` over ``rounds`` passes of ``questions``."""
    for question in questions:  # warm-up
        library.answer(question)
    latencies: list[float] = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            library.answer(question)
            latencies.append((time.perf_counter() - start) * 1000)
    return statistics.median(latencies), float(np.percentile(latencies, 99))


def answer_rows(size: int, story_dir: Path) -> list[str]:
    """Markdown rows: full answer latency on the story and at ``size`` paragraphs; cold start."""
    from bot.core import lexicon
    from bot.core.library import Library

    lexicon.use(None)  # the builds below are timed without the lexicon cache (as embedded code)
    rows = [
        "| workload | build s | answer p50 ms | answer p99 ms | target |",
        "|---|---:|---:|---:|---|",
    ]
    start = time.perf_counter()
    story = Library(story_dir)
    _ = story.corpus
    build = time.perf_counter() - start
    p50, p99 = time_answers(story, STORY_QUESTIONS, rounds=50)
    rows.append(
        f"| the story ({len(story.corpus.paragraphs)} ¶) | {build:.3f} | {p50:.3f} "
        f"| {p99:.3f} | p50 <= 0.5 ms |"
    )
    if size:
        with tempfile.TemporaryDirectory() as tmp:
            write_synthetic_corpus(Path(tmp), size)
            start = time.perf_counter()
            library = Library(Path(tmp))
            _ = library.corpus
            build = time.perf_counter() - start
            words = make_workload(1000, queries=250, seed=3).queries
            questions = [
                f"What did {SPEAKERS[i % len(SPEAKERS)]} say about {' '.join(q[:2])}?"
                if i % 3 == 0
                else " ".join(q[:4]) + "?"
                for i, q in enumerate(words)
            ]
            p50, p99 = time_answers(library, questions, rounds=1)
            rows.append(
                f"| synthetic {size:,} ¶ | {build:.2f} | {p50:.3f} | {p99:.3f} "
                f"| p50 <= 5 ms, build <= 10 s |"
            )
    first, warm, other = cold_start(story_dir)
    rows += [
        f"| `storybot ask` cold start, first run, empty lexicon cache (wall) | – | {first:.0f} "
        "| – | – |",
        f"| `storybot ask` cold start, warm, same question (median of 5, wall) | – | {warm:.0f} "
        "| – | <= 1000 ms |",
        f"| `storybot ask` cold start, warm, another story question (median of "
        f"{len(STORY_QUESTIONS) - 1}, wall) | – | {other:.0f} | – | – |",
    ]
    return rows


def _timed_run(command: list[str], cache: str) -> float:
    """Wall time (ms) of one ``command`` with ``STORYBOT_CACHE_DIR=cache``."""
    environ = os.environ | {"STORYBOT_CACHE_DIR": cache}
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=environ)
    return (time.perf_counter() - start) * 1000


def cold_start(story_dir: Path, runs: int = 5) -> tuple[float, float, float]:
    """Wall times (ms) of fresh ``python -m bot ask ...`` processes: the first question with an
    empty lexicon cache folder; the median of ``runs`` later ones with the cache it left (warm,
    same question); and the median over the other story questions, each on a copy of the cache
    the first run left (warm, another question: its words the corpus lacks still need nltk and
    wordfreq)."""
    import shutil

    base = [sys.executable, "-m", "bot", "ask", "--corpus", str(story_dir)]
    command = [*base, STORY_QUESTIONS[0]]
    _timed_run(command, "off")  # warm the OS file cache (and write bytecode)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        first = _timed_run(command, str(cache))
        left = Path(tmp) / "left"
        shutil.copytree(cache, left)
        warm = [_timed_run(command, str(cache)) for _ in range(runs)]
        others = []
        for question in STORY_QUESTIONS[1:]:
            copy = Path(tmp) / "copy"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(left, copy)
            others.append(_timed_run([*base, question], str(copy)))
    return first, statistics.median(warm), statistics.median(others)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        type=lambda s: [int(x) for x in s.split(",") if x.strip()],
        help="comma-separated corpus sizes in paragraphs (default: 1000,10000,100000)",
    )
    parser.add_argument("--queries", type=int, default=200, help="queries per size (>= 200)")
    parser.add_argument(
        "--baseline-queries",
        type=int,
        default=200,
        help="queries for rank-bm25 (slow at 100k; its top-1 agreement uses these)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc builds")
    parser.add_argument(
        "--answer-size",
        type=int,
        default=100_000,
        help="paragraphs of the synthetic corpus for full-answer latency (0: story only)",
    )
    parser.add_argument("--no-answer", action="store_true", help="skip full-answer timings")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="the story folder")
    args = parser.parse_args(argv)
    rows = run(args.sizes, args.queries, not args.no_memory, args.baseline_queries)
    print(markdown_table(rows))
    if not args.no_answer:
        print()
        print("\n".join(answer_rows(args.answer_size, args.corpus)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
