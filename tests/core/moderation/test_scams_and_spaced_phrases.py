"""Round 4 mechanisms, each in both directions: engagement-selling, dating and giveaway scams,
defanged links, a link as the call to action, adjective-noun insults, "too stupid to", and
letter-spaced phrases with wider gaps between words.

Every row is a new phrasing (not a line of a check set).
"""

from __future__ import annotations

import pytest

from bot.core.moderation.normalize import spaced_runs


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("y o u  a r e  a  m o r o n", {"you", "are", "moron"}),
        ("f r e e   n i t r o", {"free", "nitro"}),
        ("f u c k", set()),  # even gaps: one word, no split
        ("s.h.i.t  h.e.a.d", {"shit", "head"}),
    ],
    ids=["doubled-spaces", "tripled-spaces", "even-gaps", "dots-and-spaces"],
)
def test_spaced_phrase_is_split_at_wider_gaps(text: str, words: set[str]) -> None:
    """A letter-spaced phrase also yields its words, cut where the gaps are wider."""
    split = {run.joined for run in spaced_runs(text) if not run.trim}
    assert split == words
