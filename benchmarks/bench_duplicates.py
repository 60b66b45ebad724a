"""Near-duplicates planted in a feed of the shared articles: found with what precision and recall?

    .venv/bin/python benchmarks/bench_duplicates.py [--copies 1000] [--seed 0]

The feed is every document of rpm2-fr and Multi-News (about 10,900 real articles once the
repeats of one text are taken once: ``originals``). Copies of
randomly chosen ones are planted, each with one change a republishing site makes: another
headline, a footer (a "read also" paragraph), the text cut at 50-90 % of its words, a dateline
added at the top, or 2 % of the words dropped (light edits). The feed is shuffled and
``stories.duplicates.find_copies`` runs on it. A found pair is right when it joins a planted
copy and its original (or two copies of one original); a pair of two original articles is
counted apart ("natural": the sets do hold the same wire story twice, which a reader should
judge) and a sample of them printed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from itertools import combinations
from pathlib import Path

from recoupe.stories.duplicates import find_copies
from recoupe.stories.model import FeedArticle

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = (DATA / "rpm2-fr" / "rpm2-fr.jsonl", DATA / "multinews-test" / "multinews-test.jsonl")
CHANGES = ("headline", "footer", "truncated", "dateline", "edited")


def originals() -> list[FeedArticle]:
    """Every document of the sets, less the repeats of a text already taken (same words, spacing
    aside): Multi-News holds hundreds of copies of a web archive's notice ("Starting in 1996,
    alexa internet has been donating their crawl data..."), which would make every copy planted
    on one of them a "wrong" pair with the others."""
    return [article for cluster in clusters_of_the_sets() for article in cluster]


def clusters_of_the_sets() -> list[list[FeedArticle]]:
    """The sets' clusters, each a list of its documents, a text already taken left out (see
    ``originals``); a cluster left with none is dropped."""
    clusters, seen = [], set()
    for path in SETS:
        if not path.exists():
            sys.exit(f"{path} not found: this benchmark needs ../shared/data beside the checkout")
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            members = []
            for document in record["documents"]:
                key = " ".join(document["text"].split()).lower()
                if key not in seen:
                    seen.add(key)
                    members.append(FeedArticle(str(document["id"]), document.get("title") or "", document["text"],
                                               None, record.get("language") or "en"))
            if members:
                clusters.append(members)
    return clusters


def copy_of(article: FeedArticle, change: str, rng: random.Random, donor: FeedArticle, number: int) -> FeedArticle:
    words = article.text.split()
    if change == "headline":
        text, title = article.text, "Ce qu'il faut savoir : " + " ".join(donor.title.split()[:6])
    elif change == "footer":
        text, title = article.text + "\n\nLire aussi : " + " ".join(donor.text.split()[:40]), article.title
    elif change == "truncated":
        text, title = " ".join(words[: max(1, int(len(words) * rng.uniform(0.5, 0.9)))]), article.title
    elif change == "dateline":
        text, title = "PARIS (AFP) - Mis à jour le 12 juin à 18h04.\n" + article.text, article.title
    else:  # edited: 2 % of the words dropped
        kept = [w for w in words if rng.random() >= 0.02]
        text, title = " ".join(kept), article.title
    return FeedArticle(f"copy-{number}-of-{article.id}", title, text, None, article.language)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    base = originals()
    planted: dict[str, str] = {}  # copy id -> original id
    feed = list(base)
    for number in range(options.copies):
        original, donor = rng.choice(base), rng.choice(base)
        change = CHANGES[number % len(CHANGES)]
        copy = copy_of(original, change, rng, donor, number)
        planted[copy.id] = original.id
        feed.append(copy)
    rng.shuffle(feed)
    started = time.perf_counter()
    copies = find_copies(feed)
    seconds = time.perf_counter() - started
    groups: dict[int, list[str]] = {}
    for k, root in enumerate(copies.original_of):
        groups.setdefault(root, []).append(feed[k].id)
    source = {a.id: planted.get(a.id, a.id) for a in feed}  # every article's original
    right = wrong = natural = 0
    natural_examples = []
    for members in groups.values():
        for a, b in combinations(members, 2):
            if source[a] == source[b]:
                right += 1
            elif a in planted or b in planted:
                wrong += 1
            else:
                natural += 1
                natural_examples.append((a, b))
    expected = sum(1 for _ in planted) + sum(
        n * (n - 1) // 2 for n in _counts(planted.values()).values())  # copy-original pairs, and copies of one original
    found_expected = right
    by_change = {change: [0, 0] for change in CHANGES}
    for number, (copy_id, original_id) in enumerate(planted.items()):
        change = CHANGES[number % len(CHANGES)]
        by_change[change][1] += 1
        k = next(i for i, a in enumerate(feed) if a.id == copy_id)
        j = next(i for i, a in enumerate(feed) if a.id == original_id)
        by_change[change][0] += copies.original_of[k] == copies.original_of[j]
    print(f"{len(feed):,} articles ({len(base):,} real, {len(planted):,} planted copies); find_copies {seconds:.1f} s, "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    print("| change | planted | found with their original | recall |\n|---|---|---|---|")
    for change, (found, total) in by_change.items():
        print(f"| {change} | {total} | {found} | {found / total:.1%} |")
    print(f"pairs: right {right} of {expected} expected (recall {found_expected / expected:.1%}); "
          f"wrong {wrong} (precision {right / max(1, right + wrong):.2%}); natural pairs of two real articles: {natural}")
    by_id = {a.id: a for a in feed}
    for a, b in natural_examples[:5]:
        print(f"  natural: {a} / {b}: {by_id[a].text[:90]!r} | {by_id[b].text[:90]!r}")


def _counts(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts


if __name__ == "__main__":
    main()
