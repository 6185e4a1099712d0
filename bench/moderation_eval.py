"""Score the moderation rules on labelled comments (the format of tests/data/moderation_dev.jsonl).

Each line: {"text": ..., "expect": "remove" | "allow", "category": ...}. A comment counts as
flagged when the verdict is not "allow". Prints precision, recall, the share of clean comments
flagged, a table per category and every miss. ``--news DIR`` also moderates every paragraph of
the articles in each corpus folder (news prose must never be flagged) and lists the ones flagged.

    python bench/moderation_eval.py tests/data/moderation_dev.jsonl \
        bench/data/moderation_extra.jsonl
    python bench/moderation_eval.py bench/data/moderation_blind11.jsonl \
        --news corpus bench/data/corpus4 bench/data/corpus5
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.corpus import load_corpus
from bot.core.moderation import Author, Moderator, load_rules


@dataclass
class Score:
    """Counts for one file or category."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.true_pos + self.false_pos + self.false_neg + self.true_neg

    def add(self, expect_remove: bool, flagged: bool) -> None:
        if expect_remove and flagged:
            self.true_pos += 1
        elif expect_remove:
            self.false_neg += 1
        elif flagged:
            self.false_pos += 1
        else:
            self.true_neg += 1


def _ratio(num: int, den: int) -> str:
    return f"{num / den:6.1%}" if den else "     -"


def evaluate(path: Path, moderator: Moderator) -> tuple[Score, dict[str, Score]]:
    """Score every line of ``path``; each line gets its own author so rate rules stay out."""
    overall = Score()
    per_category: dict[str, Score] = defaultdict(Score)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        expect_remove = item["expect"] == "remove"
        verdict = moderator.check(item["text"], Author(number), None, float(number))
        flagged = verdict.action != "allow"
        category = item.get("category", "?")
        overall.add(expect_remove, flagged)
        per_category[category].add(expect_remove, flagged)
        if expect_remove != flagged:
            why = "; ".join(f"{m.rule}: {m.reason}" for m in verdict.matches) or "nothing matched"
            kind = "MISSED" if expect_remove else "FALSE ALARM"
            overall.misses.append(
                f"{path.name}:{number} {kind} [{category}] {item['text']!r} ({why})"
            )
    return overall, per_category


def report(path: Path, overall: Score, per_category: dict[str, Score]) -> None:
    """Print the tables for one file."""
    flagged = overall.true_pos + overall.false_pos
    positives = overall.true_pos + overall.false_neg
    clean = overall.false_pos + overall.true_neg
    print(f"\n## {path} ({overall.total} comments)")
    precision = _ratio(overall.true_pos, flagged)
    recall = _ratio(overall.true_pos, positives)
    print(
        f"precision {precision}  recall {recall}  clean flagged {_ratio(overall.false_pos, clean)}"
    )
    print(f"{'category':<14} {'n':>4} {'caught':>8} {'flagged':>8}")
    for category, score in sorted(per_category.items()):
        caught = _ratio(score.true_pos, score.true_pos + score.false_neg)
        wrongly = _ratio(score.false_pos, score.false_pos + score.true_neg)
        print(f"{category:<14} {score.total:>4} {caught:>8} {wrongly:>8}")
    for miss in overall.misses:
        print(f"  {miss}")


def check_news(folders: list[Path], moderator: Moderator) -> int:
    """Moderate every distinct paragraph of the corpora; print and count the flagged ones."""
    seen: set[str] = set()
    flagged = 0
    for folder in folders:
        for paragraph in load_corpus(folder).paragraphs:
            if paragraph.text in seen:
                continue
            seen.add(paragraph.text)
            verdict = moderator.check(paragraph.text, Author(len(seen)), None, float(len(seen)))
            if verdict.action != "allow":
                flagged += 1
                why = "; ".join(f"{m.rule}: {m.reason}" for m in verdict.matches)
                print(f"  NEWS FLAGGED {paragraph.id} ({why}): {paragraph.text[:120]!r}")
    print(f"\n## news paragraphs: {len(seen)} distinct, {flagged} flagged")
    return flagged


def main(argv: list[str] | None = None) -> int:
    """Score each file given; exit 1 when any comment is misjudged."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rules", type=Path, default=None, help="rules file (default: shipped)")
    parser.add_argument(
        "--news", type=Path, nargs="+", default=[], help="corpus folders whose paragraphs must pass"
    )
    args = parser.parse_args(argv)
    rules = load_rules(args.rules)
    misjudged = 0
    for path in args.files:
        overall, per_category = evaluate(path, Moderator(rules))
        report(path, overall, per_category)
        misjudged += len(overall.misses)
    if args.news:
        misjudged += check_news(args.news, Moderator(rules))
    return 1 if misjudged else 0


if __name__ == "__main__":
    sys.exit(main())
