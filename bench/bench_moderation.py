"""Throughput, latency and memory of the moderation engine with the default rules.

Messages are realistic chat about a news story: 20-300 characters, mostly clean, with a few
links, numbers, mentions and about 3% rule-breaking ones. Runs on one core (this process).
The baseline in the same run is the cheapest possible check: lower-casing the text and one
regular expression of the plain word list (no disguises, no privacy/spam rules).

    python bench/bench_moderation.py [--messages 50000] [--users 100000]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import random
import re
import time
import tracemalloc

from bot.core.moderation import Author, Moderator, load_rules

CLEAN = [
    "I think the concession on the occupied territories is the real story here",
    "Did anyone read the part about the sanctions relief? Seems huge.",
    "The summit in Alaska lasted almost three hours according to the article",
    "Putin got everything he wanted, Zelensky was not even in the room",
    "Source: https://apnews.com/article/russia-ukraine-talks-2025",
    "Missile strikes on Kharkiv killed at least 12 people overnight",
    "Honestly the ceasefire proposal reads like a surrender document",
    "Is there a transcript of the press conference anywhere?",
    "Trump said the deal was 'very close' but gave no details",
    "The EU foreign ministers meet on 2025-08-20 at 10:30 in Brussels",
    "5000 soldiers were moved to the border last month, per Reuters",
    "lol this thread is wild",
    "Agreed. The article buries the most important paragraph at the end.",
    "What did Peskov actually say? The quote seems cut short.",
    "Version 2.1 of the peace plan has 28 points, down from 30",
    "@Mod can we pin the live blog link?",
    "reuters.com has a better timeline of the negotiations",
    "The vote in the Rada was 240-80 I think",
    "Hell of a week for European diplomacy",
    "Thanks <@123456789012345678>, that clears it up",
]
BAD = [
    "this is bullshit",
    "you moron",
    "call me 555-867-5309",
    "mail bob at example dot org",
    "discord.gg/freeinvite join now",
    "f u c k this",
    "@everyone look",
    "free nitro at dlscord-gift.com",
]


def make_messages(count: int, seed: int = 7) -> list[str]:
    """Mostly clean chat messages of 20-300 characters."""
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        pool = BAD if rng.random() < 0.03 else CLEAN
        text = rng.choice(pool)
        while len(text) < rng.randint(20, 300):
            text += " " + rng.choice(CLEAN)
        messages.append(text[:300])
    return messages


def bench_throughput(
    moderator: Moderator, messages: list[str], users: int
) -> tuple[float, float, float, float]:
    """Return (messages per CPU second, per wall second, p50 ms, p99 ms) over ``messages``.

    CPU time (this process only) is the one-core figure; wall time also counts other processes
    sharing the machine. Latencies are measured separately so the timer does not slow the loop.
    """
    authors = [Author(index % users + 1) for index in range(len(messages))]
    check = moderator.check
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    for index, text in enumerate(messages):
        check(text, authors[index], 1, 1_000_000.0 + index * 0.05)
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start
    latencies = []
    clock = time.thread_time_ns
    for index, text in enumerate(messages):
        before = clock()
        check(text, authors[index], 1, 2_000_000.0 + index * 0.05)
        latencies.append(clock() - before)
    latencies.sort()
    p50 = latencies[len(latencies) // 2] / 1e6
    p99 = latencies[int(len(latencies) * 0.99)] / 1e6
    return len(messages) / cpu, len(messages) / wall, p50, p99


def bench_baseline(messages: list[str]) -> float:
    """messages per CPU second of lower() plus one plain word-list regex."""
    pattern = re.compile(r"\b(?:fuck|shit|bullshit|moron|idiot|cunt|bitch|asshole)\b")
    started = time.process_time()
    for text in messages:
        pattern.search(text.lower())
    return len(messages) / (time.process_time() - started)


def bench_memory(users: int) -> tuple[int, float]:
    """Bytes of per-user rate state after ``users`` distinct users post once each."""
    rules = load_rules()
    tracked = rules.max_tracked_users
    # Allow every user to be tracked, to measure the cost per user.
    moderator = Moderator(dataclasses.replace(rules, max_tracked_users=users))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for index in range(users):
        moderator.check(
            "short clean message about the talks", Author(index + 1), 1, 1000.0 + index * 0.001
        )
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert moderator.tracked_users == users, (moderator.tracked_users, users, tracked)
    return after - before, (after - before) / users


def main() -> None:
    """Print the tables."""
    parser = argparse.ArgumentParser(description="moderation benchmark")
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--users", type=int, default=100_000)
    args = parser.parse_args()
    messages = make_messages(args.messages)
    moderator = Moderator(load_rules())
    bench_throughput(moderator, messages[:2000], 500)  # warm-up (caches, branch predictors)
    rate, wall_rate, p50, p99 = bench_throughput(Moderator(load_rules()), messages, 5000)
    baseline = bench_baseline(messages)
    fresh = Moderator(load_rules())
    flagged = sum(
        fresh.check(m, Author(i + 1)).action != "allow" for i, m in enumerate(messages[:5000])
    )
    mean_len = sum(map(len, messages)) / len(messages)
    print(
        f"{len(messages)} messages, mean {mean_len:.0f} chars, "
        f"{flagged / 50:.1f}% of the first 5000 flagged"
    )
    print(f"{'check':<34} {'msgs/CPU s':>10} {'p50 ms':>8} {'p99 ms':>8}  (CPU time, one core)")
    print(f"{'storybot default rules':<34} {rate:>10,.0f} {p50:>8.3f} {p99:>8.3f}")
    print(f"{'  same, per wall-clock second':<34} {wall_rate:>10,.0f}")
    print(f"{'baseline: lower() + 1 regex':<34} {baseline:>10,.0f} {'':>8} {'':>8}")
    print(f"ratio storybot/baseline: {rate / baseline:.2f}")
    total, per_user = bench_memory(args.users)
    print(
        f"rate state for {args.users:,} distinct users: {total / 1e6:.1f} MB "
        f"({per_user:.0f} bytes a user)"
    )
    print(
        f"default bound: {load_rules().max_tracked_users:,} users "
        f"(~{load_rules().max_tracked_users * per_user / 1e6:.1f} MB)"
    )


if __name__ == "__main__":
    main()
