"""Offline story commands: ``storybot ask``, ``quote``, ``chat`` and ``corpus check|stats``.

Handlers take ``(args, settings)`` and return an exit code; user errors raise ``StorybotError``
(printed as ``storybot: <message>``, exit 2). The engine is imported inside the handlers so that
``storybot --help`` and the other feature's commands stay fast.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from bot.core.answer import Answer, StoryEngine
    from bot.core.quotes import Quote
    from bot.settings import Settings

PROMPT = "question> "
QUIT_WORDS = frozenset({"quit", "exit", ":q", "q"})


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``ask``, ``quote``, ``chat`` and ``corpus`` to the ``storybot`` parser."""
    corpus_help = "folder of article files (default: the settings' corpus folder)"

    ask = subparsers.add_parser(
        "ask", help="answer a question about the story", description="Answer a question."
    )
    ask.add_argument("question", nargs="+", help='the question, or "-" to read one a line')
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--corpus", type=Path, help=corpus_help)
    ask.set_defaults(handler=handle_ask)

    quote = subparsers.add_parser("quote", help="find quotes by speaker and/or words")
    quote.add_argument("words", nargs="*", help="words the quote should contain")
    quote.add_argument("--speaker", help="speaker name or alias (any case)")
    quote.add_argument("--limit", type=int, default=10, help="most quotes to show (default 10)")
    quote.add_argument("--json", action="store_true", help="print a JSON list")
    quote.add_argument("--corpus", type=Path, help=corpus_help)
    quote.set_defaults(handler=handle_quote)

    chat = subparsers.add_parser("chat", help="ask questions at an interactive prompt")
    chat.add_argument("--corpus", type=Path, help=corpus_help)
    chat.set_defaults(handler=handle_chat)

    corpus = subparsers.add_parser("corpus", help="check the corpus or show its statistics")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", metavar="ACTION", required=True)
    check = corpus_commands.add_parser("check", help="validate every article file")
    check.add_argument("--corpus", type=Path, help=corpus_help)
    check.set_defaults(handler=handle_corpus_check)
    stats = corpus_commands.add_parser("stats", help="articles, paragraphs, quotes, build time")
    stats.add_argument("--corpus", type=Path, help=corpus_help)
    stats.set_defaults(handler=handle_corpus_stats)


def _engine(args: argparse.Namespace, settings: Settings) -> StoryEngine:
    """The engine over the corpus (the tables stemmed as its modules are imported fill the
    lexicon cache, as its build does)."""
    from bot.core import lexicon

    with lexicon.learning():
        from bot.core.library import build_engine

    return build_engine(args.corpus or settings.corpus_dir)


# --------------------------------------------------------------------------------------------
# JSON shapes (documented in the README)


def quote_json(quote: Quote) -> dict[str, Any]:
    """The JSON object of one quote."""
    return {
        "speaker": quote.speaker,
        "text": quote.text,
        "article": quote.article,
        "paragraph": quote.paragraph,
        "fragment": quote.fragment,
    }


def answer_json(answer: Answer) -> dict[str, Any]:
    """The JSON object of one answer."""
    citation = answer.citation
    return {
        "question": answer.question,
        "answered": answer.answered,
        "answer": answer.sentence,
        "citation": None
        if citation is None
        else {
            "article": citation.article,
            "title": citation.title,
            "paragraph": citation.paragraph,
            "url": citation.url,
        },
        "passages": [
            {
                "article": p.citation.article,
                "title": p.citation.title,
                "paragraph": p.citation.paragraph,
                "text": p.text,
                "score": p.score,
            }
            for p in answer.passages
        ],
        "quotes": [quote_json(q) for q in answer.quotes],
        "reason": answer.reason,
    }


# --------------------------------------------------------------------------------------------
# Readable output


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)


def render_answer(answer: Answer) -> str:
    """A readable answer with its citation, passages and quotes."""
    lines: list[str] = []
    if answer.answered and answer.sentence and answer.citation:
        citation = answer.citation
        where = f"{citation.title}, paragraph {citation.paragraph}"
        if citation.url:
            where += f" <{citation.url}>"
        lines += [_wrap(answer.sentence, ""), f"  ({where})"]
        others = answer.passages[1:]
        heading = "Also relevant:"
    else:
        lines.append(answer.reason)
        others = answer.passages
        heading = "Closest passages:"
    if others:
        lines += ["", heading]
        for passage in others:
            c = passage.citation
            lines.append(_wrap(f"[{c.article}#{c.paragraph}] {passage.text}"))
    if answer.quotes:
        lines += ["", "Quotes:"]
        lines += [_wrap(_quote_line(q)) for q in answer.quotes]
    return "\n".join(lines)


def _quote_line(quote: Quote) -> str:
    speaker = quote.speaker or "(unattributed)"
    mark = " (fragment)" if quote.fragment else ""
    return f"{speaker}: “{quote.text}”{mark} [{quote.article}#{quote.paragraph}]"


# --------------------------------------------------------------------------------------------
# Handlers


def handle_ask(args: argparse.Namespace, settings: Settings) -> int:
    """``storybot ask QUESTION`` or ``storybot ask [--json] -`` (one question a line on stdin)."""
    engine = _engine(args, settings)
    if args.question == ["-"]:
        return _ask_lines(engine, sys.stdin, sys.stdout, as_json=args.json)
    answer = engine.answer(" ".join(args.question))
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False))
    else:
        print(render_answer(answer))
    return 0


def _ask_lines(engine: StoryEngine, source: TextIO, out: TextIO, *, as_json: bool) -> int:
    """Answer one question per input line; a bad line gives an error object, not a crash."""
    from bot.core.errors import StorybotError

    for raw in source:
        question = raw.rstrip("\r\n")
        try:
            answer = engine.answer(question)
        except StorybotError as error:
            if as_json:
                out.write(json.dumps({"question": question, "error": str(error)}) + "\n")
            else:
                out.write(f"error: {error}\n\n")
        else:
            if as_json:
                out.write(json.dumps(answer_json(answer), ensure_ascii=False) + "\n")
            else:
                out.write(f"Q: {question}\n{render_answer(answer)}\n\n")
        out.flush()
    return 0


def handle_quote(args: argparse.Namespace, settings: Settings) -> int:
    """``storybot quote [--speaker NAME] [WORDS...] [--json]``."""
    engine = _engine(args, settings)
    words = " ".join(args.words) or None
    quotes = engine.quotes.search(speaker=args.speaker, words=words, limit=max(1, args.limit))
    if args.json:
        print(json.dumps([quote_json(q) for q in quotes], ensure_ascii=False))
    elif not quotes:
        print("No quotes found.")
    else:
        for quote in quotes:
            print(_wrap(_quote_line(quote), ""))
    return 0


def handle_chat(args: argparse.Namespace, settings: Settings) -> int:
    """An interactive prompt: one question a line, until EOF or ``quit``."""
    from bot.core.errors import QuestionError

    engine = _engine(args, settings)
    title = engine.corpus.articles[0].title if len(engine.corpus.articles) == 1 else "the stories"
    print(f"Ask about {title}. Type 'quit' or press Ctrl-D to leave.")
    while True:
        try:
            question = input(PROMPT)
        except EOFError:
            print()
            return 0
        if question.strip().casefold() in QUIT_WORDS:
            return 0
        if not question.strip():
            continue
        try:
            print(render_answer(engine.answer(question)), end="\n\n")
        except QuestionError as error:
            print(f"error: {error}", end="\n\n")


def handle_corpus_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate every article file without changing anything."""
    from bot.core.corpus import load_corpus

    folder = args.corpus or settings.corpus_dir
    corpus = load_corpus(folder)
    for article in corpus.articles:
        print(f"ok  {article.slug}: {len(article.paragraphs)} paragraphs  ({article.source})")
    print(f"{len(corpus.articles)} articles, {len(corpus.paragraphs)} paragraphs: all valid")
    return 0


def handle_corpus_stats(args: argparse.Namespace, settings: Settings) -> int:
    """Print articles, paragraphs, sentences, quotes, vocabulary and build time."""
    started = time.perf_counter()
    engine = _engine(args, settings)
    total = time.perf_counter() - started
    stats = engine.stats()
    rows = [
        ("articles", f"{stats.articles:,}"),
        ("paragraphs", f"{stats.paragraphs:,}"),
        ("sentences", f"{stats.sentences:,}"),
        ("quotes", f"{stats.quotes:,}"),
        ("vocabulary", f"{stats.vocabulary:,} terms"),
        ("index build", f"{1000 * stats.build_seconds:.1f} ms"),
        ("load + build", f"{1000 * total:.1f} ms"),
    ]
    for name, value in rows:
        print(f"{name:<13}{value}")
    return 0
