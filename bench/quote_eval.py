"""Score quote speakers against hand labels (bench/data/quotes_labelled.jsonl).

Usage: ``python bench/quote_eval.py [LABELS.jsonl]``

Each label line: ``{"corpus", "article", "paragraph", "quote", "speaker"}`` where ``quote`` is the
first 40 characters of the quotation and ``speaker`` the canonical name a careful reader gives
("" when the text names nobody). Every corpus named in the labels is run through
``extract_quotes``; a quote matches a label by article, paragraph and text prefix. Prints the
accuracy per corpus and overall, then every wrong speaker, every labelled quote the engine missed
and every quote it found that has no label (invented).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qa_eval import percent

from bot.core.corpus import load_corpus
from bot.core.quotes import Quote, extract_quotes
from bot.core.text import normalise

DEFAULT_LABELS = Path(__file__).resolve().parent / "data" / "quotes_labelled.jsonl"
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Label:
    """One hand-labelled quotation."""

    corpus: str
    article: str
    paragraph: int
    quote: str
    speaker: str


@dataclass
class Tally:
    """Counts for one corpus."""

    labelled: int = 0
    right: int = 0
    missed: int = 0
    invented: int = 0
    notes: list[str] = field(default_factory=list)


def read_labels(path: Path) -> list[Label]:
    """The labels in ``path``, one JSON object a line."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [
        Label(r["corpus"], r["article"], int(r["paragraph"]), r["quote"], r["speaker"])
        for r in rows
    ]


def same_quote(label: Label, quote: Quote) -> bool:
    """Whether ``quote`` is (or contains) the labelled quotation: same paragraph, same start.

    A quotation split around its attribution is one quote whose parts are joined by " … ", so
    a label may match the start of any part.
    """
    if (label.article, label.paragraph) != (quote.article, quote.paragraph):
        return False
    wanted = normalise(label.quote)
    for part in quote.text.split(" … "):
        found = normalise(part[:40])
        if wanted.startswith(found) or found.startswith(wanted):
            return True
    return False


def score_corpus(corpus: str, labels: list[Label], tally: Tally) -> None:
    """Extract the quotes of the labelled articles of ``corpus`` and compare them."""
    articles = {label.article for label in labels}
    loaded = load_corpus(ROOT / corpus)
    quotes = [
        quote
        for article in loaded.articles
        if article.slug in articles
        for quote in extract_quotes(article.paragraphs)
    ]
    matched: set[int] = set()
    for label in labels:
        tally.labelled += 1
        index = next((i for i, q in enumerate(quotes) if same_quote(label, q)), None)
        if index is None:
            tally.missed += 1
            tally.notes.append(f"MISSED {label.article}#{label.paragraph} {label.quote!r}")
            continue
        matched.add(index)
        match = quotes[index]
        if normalise(match.speaker) == normalise(label.speaker):
            tally.right += 1
        else:
            tally.notes.append(
                f"WRONG {label.article}#{label.paragraph} {label.quote[:30]!r}: "
                f"{match.speaker!r} (want {label.speaker!r})"
            )
    for quote in (q for i, q in enumerate(quotes) if i not in matched):
        tally.invented += 1
        tally.notes.append(f"INVENTED {quote.article}#{quote.paragraph} {quote.text[:30]!r}")


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table; returns 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path, nargs="?", default=DEFAULT_LABELS)
    args = parser.parse_args(argv)
    by_corpus: dict[str, list[Label]] = defaultdict(list)
    for label in read_labels(args.labels):
        by_corpus[label.corpus].append(label)
    total = Tally()
    print("| corpus | quotes | speaker right | missed | invented |")
    print("|---|---:|---:|---:|---:|")
    for corpus in sorted(by_corpus, key=lambda c: (len(c), c)):
        tally = Tally()
        score_corpus(corpus, by_corpus[corpus], tally)
        print(
            f"| {corpus} | {tally.labelled} | {percent(tally.right, tally.labelled)} "
            f"({tally.right}/{tally.labelled}) | {tally.missed} | {tally.invented} |"
        )
        total.labelled += tally.labelled
        total.right += tally.right
        total.missed += tally.missed
        total.invented += tally.invented
        total.notes.extend(tally.notes)
    print(
        f"| **overall** | {total.labelled} | {percent(total.right, total.labelled)} "
        f"({total.right}/{total.labelled}) | {total.missed} | {total.invented} |"
    )
    if total.notes:
        print("\nMismatches:")
        for note in total.notes:
            print(f"- {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
