"""How well answers survive a typo: one misspelt word in each question the engine gets right.

Usage: ``python bench/typo_eval.py FILE.jsonl [FILE.jsonl ...] --corpus DIR [--seed N]``
(each FILE in the format of tests/data/qa_dev.jsonl, all over the one corpus ``DIR``).

For every answerable question whose top passage is right, one content word of 5+ letters gets
one random edit (a deleted, swapped, replaced or inserted letter, never the first); the table
gives the share still answered from the right passage, and every miss is listed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qa_eval import contains_any, percent

from bot.core.library import build_engine
from bot.core.text import STOPWORDS

LETTERS = "aeioulnrst"


def misspell(word: str, rng: random.Random) -> str:
    """``word`` with one edit that keeps its first letter."""
    i = rng.randrange(1, len(word) - 1)
    edit = rng.choice("dsri")
    if edit == "d":
        return word[:i] + word[i + 1 :]
    if edit == "s":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if edit == "r":
        return word[:i] + rng.choice(LETTERS) + word[i + 1 :]
    return word[:i] + rng.choice(LETTERS) + word[i:]


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    engine = build_engine(args.corpus)
    rng = random.Random(args.seed)
    tried = kept = 0
    misses: list[str] = []
    for file in args.files:
        for line in file.read_text("utf-8").splitlines():
            case = json.loads(line) if line.strip() else {}
            if case.get("type") != "answerable":
                continue
            gold = case["gold"]
            answer = engine.answer(case["q"])
            if not (answer.answered and contains_any(answer.passages[0].text, gold)):
                continue
            words = [w.strip("?,.!") for w in case["q"].split()]
            words = [w for w in words if len(w) >= 5 and w.isalpha() and w.lower() not in STOPWORDS]
            if not words:
                continue
            word = rng.choice(words)
            question = case["q"].replace(word, misspell(word, rng), 1)
            tried += 1
            again = engine.answer(question)
            if again.answered and contains_any(again.passages[0].text, gold):
                kept += 1
            else:
                misses.append(f"{question!r}: {again.reason}")
    print("| sets | questions with a typo | still right |")
    print("|---|---:|---:|")
    names = ", ".join(f.name for f in args.files)
    print(f"| {names} | {tried} | {percent(kept, tried)} ({kept}/{tried}) |")
    if misses:
        print("\nMisses:")
        for miss in misses:
            print(f"- {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
