"""A stand-in for bot.core.library.Library while the story engine is being built (temporary)."""

from __future__ import annotations

import re
import time
from pathlib import Path

from bot.core.answer import Answer, Citation, Passage
from bot.core.corpus import Article, Corpus, Paragraph
from bot.core.errors import CorpusError, QuestionError
from bot.core.library import ReloadReport
from bot.core.quotes import Quote

_QUOTE = re.compile(r"“([^”]+)”")
_WORD = re.compile(r"\w+")


def _load(directory: Path) -> Corpus:
    articles = []
    for path in sorted(directory.glob("*.txt")):
        data = path.read_bytes()
        if b"\x00" in data:
            raise CorpusError(str(path), "looks like a binary file (it contains NUL bytes)")
        text = data.decode("utf-8")
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        body = [b for b in blocks[1:] if len(b) > 60]
        paragraphs = tuple(Paragraph(path.stem, i, t) for i, t in enumerate(body, 1))
        articles.append(
            Article(
                path.stem,
                blocks[0],
                paragraphs,
                url=f"https://example.com/{path.stem}",
                source=str(path),
                digest=str(hash(text)),
            )
        )
    return Corpus(tuple(articles))


class StubLibrary:
    """Word-overlap answers and curly-quote extraction over ``*.txt`` files."""

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = corpus_dir
        self.corpus = _load(corpus_dir)

    def _quotes(self) -> list[Quote]:
        return [
            Quote("Donald Trump" if "Trump" in p.text else "", m.group(1), p.article, p.number)
            for p in self.corpus.paragraphs
            for m in _QUOTE.finditer(p.text)
        ]

    def answer(self, question: str) -> Answer:
        if not question.strip():
            raise QuestionError("Ask a question with some words in it.")
        words = {w.lower() for w in _WORD.findall(question) if len(w) > 3}
        scored = sorted(
            (
                (len(words & {w.lower() for w in _WORD.findall(p.text)}), p)
                for p in self.corpus.paragraphs
            ),
            key=lambda pair: -pair[0],
        )
        best_score, best = scored[0]
        article = self.corpus.article(best.article)
        assert article is not None
        citation = Citation(article.slug, article.title, best.number, article.url)
        passage = Passage(citation, best.text, float(best_score))
        if best_score < 2:
            return Answer(question, False, None, None, (passage,), (), "No passage matches.")
        sentence = best.text.split(". ")[0] + "."
        quotes = tuple(q for q in self._quotes() if q.paragraph == best.number)
        return Answer(question, True, sentence, citation, (passage,), quotes, "")

    def find_quotes(self, speaker=None, words=None, limit=10):  # type: ignore[no-untyped-def]
        quotes = self._quotes()
        if speaker:
            quotes = [q for q in quotes if speaker.lower() in q.speaker.lower()]
        if words:
            quotes = [q for q in quotes if words.lower() in q.text.lower()]
        return quotes[:limit]

    def speakers(self) -> list[str]:
        return sorted({q.speaker for q in self._quotes() if q.speaker})

    def reload(self) -> ReloadReport:
        start = time.perf_counter()
        new = _load(self.corpus_dir)
        old = self.corpus
        before = {a.slug: a.digest for a in old.articles}
        after = {a.slug: a.digest for a in new.articles}
        quotes_before = len(self._quotes())
        self.corpus = new
        return ReloadReport(
            tuple(sorted(after.keys() - before.keys())),
            tuple(sorted(before.keys() - after.keys())),
            tuple(sorted(s for s in before.keys() & after.keys() if before[s] != after[s])),
            len(old.paragraphs),
            len(new.paragraphs),
            quotes_before,
            len(self._quotes()),
            time.perf_counter() - start,
        )
