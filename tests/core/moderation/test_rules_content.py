"""Content rules with the shipped defaults: each rule both ways, evasions, clean look-alikes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.moderation import Author, Moderator

DEV_SET = Path(__file__).resolve().parents[2] / "data" / "moderation_dev.jsonl"
ZW = "\u200b"

# (text, the rule that must fire)
RULE_BREAKING = [
    ("ping me at sarah.lee@example.net", "email"),
    ("mail: bob at example dot org", "email"),
    ("jane(at)proton(dot)me", "email"),
    ("alex [at] outlook [dot] com", "email"),
    ("ｍａｒｙ＠ｅｘａｍｐｌｅ．ｃｏｍ", "email"),
    (f"news{ZW}desk@{ZW}tribune.org", "email"),
    ("dave at hotmail.com", "email"),
    ("ring 555-867-5309 any time", "phone"),
    ("+33 6 12 34 56 78 is my cell", "phone"),
    ("(212) 555-0147", "phone"),
    ("call 07700 900123", "phone"),
    ("555.867.5309", "phone"),
    ("+４４ ２０ ７９４６ ０９５８", "phone"),
    ("this is bullshit", "profanity"),
    ("fck the editors", "profanity"),
    ("what the fuuuuck", "profanity"),
    ("f u c k this", "profanity"),
    ("f.u.c.k it", "profanity"),
    ("total sh1t", "profanity"),
    ("$h!t reporting", "profanity"),
    ("f*ck them", "profanity"),
    ("a$$hole", "profanity"),
    ("fｕｃｋ", "profanity"),
    ("fцck", "profanity"),
    (f"fu{ZW}ck", "profanity"),
    ("fu\u0301ck", "profanity"),
    ("𝐟𝐮𝐜𝐤", "profanity"),
    ("ꜰᴜᴄᴋ", "profanity"),
    ("absofuckinglutely", "profanity"),
    ("you moron", "abuse"),
    ("you're a complete idiot", "abuse"),
    ("shut up you clown", "abuse"),
    ("you degenerate", "abuse"),
    ("you are a waste of oxygen", "abuse"),
    ("u r so stupid", "abuse"),
    ("you're a m o r o n", "abuse"),
    ("idi0t", "abuse"),
    ("go f*** yourself", "abuse"),
    ("kill yourself", "threats"),
    ("kys", "threats"),
    ("k y s", "threats"),
    ("k1ll y0urself", "threats"),
    ("I will find you.", "threats"),
    ("i know where you live", "threats"),
    ("i'll kill you", "threats"),
    ("discord.gg/freeinvite join now", "invites"),
    ("https://discord.com/invite/newsfans", "invites"),
    ("discord . gg / politics", "invites"),
    ("Claim your free nitro gift at steamcommunnity-gift.ru", "links"),
    ("http://disc0rd.gift/xyz", "links"),
    ("free nitro https://bit.ly/abc", "links"),
    ("see grabify.link/abc", "links"),
    ("@everyone look", "mentions"),
    ("@here read this", "mentions"),
    (f"@{ZW}everyone", "mentions"),
    (" ".join(f"<@{n}00000000000000000>" for n in range(1, 8)), "mentions"),
]

CLEAN = [
    "The missile strike on Kyiv was horrific",
    "Three soldiers were killed and 5000 soldiers were redeployed",
    "The assassination attempt failed; the assassin was caught in Essex",
    "She teaches a class on Dickens",
    "Shiitake mushrooms and a cocktail",
    "Scunthorpe United fans are following the talks too",
    "A class action lawsuit was filed",
    "I emailed my MP about this",
    "Hell no, this is not a concession",
    "Damn, that is a big concession",
    "The deadline is April 30? Or May 1?",
    "2,000 chars is the message limit here",
    "The summit is on 2025-08-15 at 10:30",
    "Meeting on 15/08/2025",
    "Version 2.10.4 fixed it",
    "ISBN 978-3-16-148410-0",
    "ISBN 0-306-40615-2",
    "From 2014-2022 the war simmered",
    "In 1991 2014 and 2022",
    "Prices rose to $1,299.99",
    "The score was 3-1",
    "10 Downing Street, London SW1A 2AA",
    "Sanctions on 1 000 000 barrels",
    "The IP 192.168.1.1 is private",
    "Read the original at https://apnews.com",
    "bbc.co.uk has the timeline",
    "Look at the dot com bubble",
    "I will find you the source later",
    "Dick Cheney said something similar",
    "Is Putin a fool or a genius?",
    "Hancock and Cockburn both commented",
    "finance.yahoo.com has the numbers",
    "Does anyone know where Støre is from?",
    "Kill the bill, protesters chanted",
    "Discord is where we discuss this",
    "Experts will assess the damage",
    "The talks may degenerate into chaos",
    "Twatt is a village in Orkney",
]


@pytest.mark.parametrize(("text", "rule"), RULE_BREAKING, ids=[t for t, _ in RULE_BREAKING])
def test_rule_breaking_text_is_caught_by_its_rule(
    moderator: Moderator, text: str, rule: str
) -> None:
    """Each rule-breaking text (plain or disguised) is caught by the rule it breaks."""
    verdict = moderator.check(text, Author(1))
    assert verdict.removes, verdict
    assert rule in {m.rule for m in verdict.matches}


@pytest.mark.parametrize("text", CLEAN, ids=CLEAN)
def test_clean_look_alike_is_allowed(moderator: Moderator, text: str) -> None:
    """Clean comments that look like rule breaking (names, news words, numbers) stand."""
    verdict = moderator.check(text, Author(1))
    assert verdict.action == "allow", verdict.matches


def _dev_lines() -> list[dict[str, str]]:
    return [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("item", _dev_lines(), ids=lambda item: item["text"][:40])
def test_dev_set_line_is_judged_right(moderator: Moderator, item: dict[str, str]) -> None:
    """Every line of the dev set gets the expected verdict."""
    verdict = moderator.check(item["text"], Author(1))
    assert (verdict.action != "allow") == (item["expect"] == "remove"), verdict.matches


@pytest.mark.parametrize(("text", "rule"), RULE_BREAKING, ids=[t for t, _ in RULE_BREAKING])
def test_redacted_copy_passes_the_content_rules(moderator: Moderator, text: str, rule: str) -> None:
    """The redacted copy the author may repost breaks no content rule."""
    redacted = moderator.check(text, Author(1)).redacted
    assert redacted != text
    assert moderator.check(redacted, Author(2)).action == "allow", redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call 555-867-5309 now", "call [phone number hidden] now"),
        ("mail bob@example.org", "mail [email hidden]"),
        ("this is bullshit", "this is ********"),
    ],
)
def test_redaction_masks_the_span(moderator: Moderator, text: str, expected: str) -> None:
    """Addresses and numbers are replaced, bad words starred, the rest kept."""
    assert moderator.check(text, Author(1)).redacted == expected


def test_span_points_at_the_original_text(moderator: Moderator) -> None:
    """Spans index the original text even when folding changed its length."""
    text = f"ok {ZW}ｆｕｃｋ{ZW} ok"
    (match,) = moderator.check(text, Author(1)).matches
    assert match.span is not None
    assert text[match.span[0] : match.span[1]].strip(ZW) == "ｆｕｃｋ"
