"""Score the story engine on a question set in the format of tests/data/qa_dev.jsonl.

Usage: ``python bench/qa_eval.py FILE.jsonl [--corpus DIR]``

Each line: ``{"q", "type": "answerable", "gold": [...], "answer": [...]}`` (the top passage must
contain one of ``gold``, the answer sentence one of ``answer``, case-insensitively) or
``{"q", "type": "unanswerable"}`` (the engine must decline). Prints a table and every miss.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.answer import Answer
from bot.core.library import build_engine
from bot.core.text import normalise


@dataclass
class Tally:
    """Counts for one question set."""

    answerable: int = 0
    top_passage: int = 0
    answer_sentence: int = 0
    false_abstention: int = 0
    unanswerable: int = 0
    declined: int = 0
    misses: list[str] = field(default_factory=list)


def contains_any(text: str | None, needles: list[str]) -> bool:
    """Whether ``text`` contains one of ``needles`` (normalised: case, quotes, diacritics)."""
    if text is None:
        return False
    haystack = normalise(text)
    return any(normalise(needle) in haystack for needle in needles)


def score(case: dict[str, object], answer: Answer, tally: Tally) -> None:
    """Add one question's outcome to ``tally``."""
    question = str(case["q"])
    if case["type"] == "unanswerable":
        tally.unanswerable += 1
        if not answer.answered:
            tally.declined += 1
        else:
            tally.misses.append(f"ANSWERED off-topic: {question!r} -> {answer.sentence!r}")
        return
    tally.answerable += 1
    gold = [str(g) for g in case.get("gold", [])]  # type: ignore[attr-defined]
    expected = [str(a) for a in case.get("answer", [])]  # type: ignore[attr-defined]
    if not answer.answered:
        tally.false_abstention += 1
        tally.misses.append(f"DECLINED answerable: {question!r} ({answer.reason})")
        return
    top = answer.passages[0].text if answer.passages else None
    if contains_any(top, gold):
        tally.top_passage += 1
    else:
        tally.misses.append(f"WRONG passage: {question!r} -> {answer.citation} {top!r:.90}")
    if contains_any(answer.sentence, expected):
        tally.answer_sentence += 1
    else:
        tally.misses.append(f"WRONG sentence: {question!r} -> {answer.sentence!r:.120}")


def percent(part: int, whole: int) -> str:
    """``part/whole`` as a percentage, or a dash when there is nothing to count."""
    return f"{100 * part / whole:.1f}%" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args(argv)
    engine = build_engine(args.corpus)
    cases = [json.loads(line) for line in args.file.read_text("utf-8").splitlines() if line.strip()]
    tally = Tally()
    started = time.perf_counter()
    for case in cases:
        score(case, engine.answer(str(case["q"])), tally)
    elapsed_ms = 1000 * (time.perf_counter() - started) / max(1, len(cases))
    print(
        "| set | questions | top passage | answer sentence | off-topic declined | "
        "false abstention | ms/question |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.file.name} | {len(cases)} "
        f"| {percent(tally.top_passage, tally.answerable)} "
        f"({tally.top_passage}/{tally.answerable}) "
        f"| {percent(tally.answer_sentence, tally.answerable)} "
        f"({tally.answer_sentence}/{tally.answerable}) "
        f"| {percent(tally.declined, tally.unanswerable)} ({tally.declined}/{tally.unanswerable}) "
        f"| {percent(tally.false_abstention, tally.answerable)} "
        f"({tally.false_abstention}/{tally.answerable}) | {elapsed_ms:.2f} |"
    )
    if tally.misses:
        print("\nMisses:")
        for miss in tally.misses:
            print(f"- {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
