"""Group similar unanswered questions by the overlap of their search tokens.

The tokenizer (``Callable[[str], list[str]]``) defaults to the story engine's own BM25 analyzer,
:func:`bot.core.text.index_terms`: two phrasings that the search engine sees as the same words land
in the same group. :func:`simple_tokens` (casefolded words, nothing dropped) can be injected where
the engine's stemming and stopwords are not wanted.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.core.insights.model import QuestionGroup
from bot.core.text import index_terms

Tokenizer = Callable[[str], list[str]]

DEFAULT_THRESHOLD = 0.5
MAX_PHRASINGS = 5

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


def simple_tokens(text: str) -> list[str]:
    """Casefolded word tokens, with no stemming and no stopwords dropped."""
    return _WORD.findall(text.casefold())


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    """|A ∩ B| / |A ∪ B|, and 0.0 when both sets are empty."""
    union = len(left | right)
    return len(left & right) / union if union else 0.0


def phrasing_key(question: str) -> str:
    """The form under which two askings count as the same phrasing (case and spacing ignored)."""
    return _SPACES.sub(" ", question).strip().casefold()


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """One unanswered question as recorded: its text and when it was asked."""

    text: str
    asked_at: datetime


@dataclass
class _Phrasing:
    key: str  # phrasing_key(text)
    text: str  # the first spelling seen, shown to the admin
    count: int
    first_asked: datetime
    last_asked: datetime
    tokens: frozenset[str]


def group_questions(
    questions: Iterable[AskedQuestion],
    tokenize: Tokenizer = index_terms,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int | None = None,
) -> list[QuestionGroup]:
    """Group ``questions`` whose token sets have a Jaccard similarity >= ``threshold``.

    Identical phrasings (ignoring case and spacing) are merged first. Then phrasings are taken
    most frequent first (ties: asked first), and each joins the first group whose representative
    it resembles, or starts a new group; the representative of a group is therefore its most
    frequent phrasing.
    Questions without any token only group with their identical phrasings. Groups come back
    largest first (ties: most recently asked, then alphabetical), at most ``limit`` of them.
    """
    groups = [group for group, _ in cluster_questions(questions, tokenize, threshold=threshold)]
    return groups if limit is None else groups[:limit]


def cluster_questions(
    questions: Iterable[AskedQuestion],
    tokenize: Tokenizer = index_terms,
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[tuple[QuestionGroup, frozenset[str]]]:
    """Like :func:`group_questions` (all groups), each with the phrasing keys it holds."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    phrasings: dict[str, _Phrasing] = {}
    for question in questions:
        key = phrasing_key(question.text)
        if not key:
            continue
        seen = phrasings.get(key)
        if seen is None:
            phrasings[key] = _Phrasing(
                key=key,
                text=_SPACES.sub(" ", question.text).strip(),
                count=1,
                first_asked=question.asked_at,
                last_asked=question.asked_at,
                tokens=frozenset(tokenize(question.text)),
            )
        else:
            seen.count += 1
            seen.first_asked = min(seen.first_asked, question.asked_at)
            seen.last_asked = max(seen.last_asked, question.asked_at)

    ordered = sorted(phrasings.values(), key=lambda p: (-p.count, p.first_asked, p.key, p.text))
    clusters: list[list[_Phrasing]] = []
    leaders_with: dict[str, list[int]] = defaultdict(list)  # token -> clusters whose leader has it
    for phrasing in ordered:
        home = _first_similar(clusters, leaders_with, phrasing.tokens, threshold)
        if home is None:
            for token in phrasing.tokens:
                leaders_with[token].append(len(clusters))
            clusters.append([phrasing])
        else:
            clusters[home].append(phrasing)

    result = [(_to_group(members), frozenset(m.key for m in members)) for members in clusters]
    result.sort(
        key=lambda item: (-item[0].count, -item[0].last_asked.timestamp(), item[0].representative)
    )
    return result


def _first_similar(
    clusters: Sequence[list[_Phrasing]],
    leaders_with: dict[str, list[int]],
    tokens: frozenset[str],
    threshold: float,
) -> int | None:
    """The first cluster whose leader's tokens have a Jaccard similarity >= threshold, if any."""
    shared: Counter[int] = Counter()
    for token in tokens:
        shared.update(leaders_with.get(token, ()))
    size = len(tokens)
    similar = (
        index
        for index, overlap in shared.items()
        if overlap >= threshold * (len(clusters[index][0].tokens) + size - overlap)
    )
    return min(similar, default=None)


def _to_group(members: list[_Phrasing]) -> QuestionGroup:
    return QuestionGroup(
        representative=members[0].text,
        count=sum(m.count for m in members),
        phrasings=tuple(m.text for m in members[:MAX_PHRASINGS]),
        last_asked=max(m.last_asked for m in members),
    )
