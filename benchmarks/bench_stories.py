"""``recoupe stories ingest`` on synthetic feeds of 10k, 30k and 100k articles: speed, memory,
and how well it finds the copies planted in them.

    .venv/bin/python benchmarks/bench_stories.py [--sizes 10000 30000 100000] [--scheduler threads]

A feed is made by resampling the stories of the shared sets (rpm2-fr's clusters, Multi-News's
clusters; a text that two clusters share taken once): a story is drawn at random, given a start
day within the feed's span, and its articles published over the next three days; the span
grows with the feed (``ARTICLES_PER_DAY``, a large wire intake), as a real feed's does. A tenth
of the articles are republished as copies (another headline, a footer, cut at 50-90 %, a
dateline, 2 % of the words dropped; from ``bench_duplicates``) a day later at most. A story
drawn twice is the same texts again at another date: within the window its second run is
copies of the first, and one gold story with it.

Each feed is written as JSONL (one article a line) and ingested by the command line into a
new store, timed (wall clock, peak RSS of the process, by GNU time). Copies: a planted copy is
found when it and an article of the same source text (or of a text the shared sets hold twice)
are recorded as copies of one original, whichever came first; a recorded copy is right when it
and its original have the same source. Stories:
B-cubed F1 against the drawn stories. The shared clusters are not all distinct stories (rpm2-fr's
two clusters of a topic, Multi-News's many clusters on one event), so this is a lower bound.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_duplicates import CHANGES, clusters_of_the_sets, copy_of

from recoupe.stories.assign import WINDOW_DAYS
from recoupe.stories.duplicates import find_copies
from recoupe.stories.evaluate import score_stories
from recoupe.stories.model import FeedArticle

ARTICLES_PER_DAY = 2000
STORY_DAYS = 3
COPY_SHARE = 0.1
START = 738000  # an ordinal day (2021-08-12): dates are START + day


def stories_of_the_sets() -> tuple[list[list[FeedArticle]], dict[str, int]]:
    """The shared clusters as lists of articles (repeated texts taken once), and each article's
    source group: its own index, or that of the text the sets hold it a copy of."""
    clusters = clusters_of_the_sets()
    pool = [a for members in clusters for a in members]
    natural = find_copies(pool)  # texts the sets hold twice (agency copies): one source group
    return clusters, {a.id: natural.original_of[k] for k, a in enumerate(pool)}


def make_feed(size: int, clusters: list[list[FeedArticle]], rng: random.Random, path: Path) -> dict[str, dict]:
    """Write a feed of ``size`` articles to ``path``; each article's truth (source, story, planted)."""
    days = max(1, math.ceil(size / ARTICLES_PER_DAY))
    truth: dict[str, dict] = {}
    lines = []
    draw = 0
    draws: dict[int, list[tuple[int, int]]] = {}  # cluster -> (start day, draw)
    while len(lines) < size:
        number = rng.randrange(len(clusters))
        members = clusters[number]
        start = rng.randrange(days)
        draw += 1
        draws.setdefault(number, []).append((start, draw))
        for article in members:
            if len(lines) >= size:
                break
            day = start + rng.randrange(STORY_DAYS)
            emitted = f"d{draw}-{article.id}"
            lines.append({"id": emitted, "title": article.title, "text": article.text, "date": _iso(day),
                          "language": article.language})
            truth[emitted] = {"source": article.id, "story": draw, "planted": False}
            if rng.random() < COPY_SHARE and len(lines) < size:
                donor = rng.choice(rng.choice(clusters))
                change = CHANGES[len(lines) % len(CHANGES)]
                copy = copy_of(article, change, rng, donor, len(lines))
                lines.append({"id": copy.id, "title": copy.title, "text": copy.text, "date": _iso(day + rng.randrange(2)),
                              "language": article.language})
                truth[copy.id] = {"source": article.id, "story": draw, "planted": True}
    # a story drawn again while its first run is still in the window is the same story to a
    # reader (and to the assigner): one gold story
    story_of_draw = {}
    for runs in draws.values():
        label, end = None, None
        for start, number in sorted(runs):
            if end is None or start > end + WINDOW_DAYS:  # the window has closed on the earlier runs
                label, end = number, start
            story_of_draw[number] = label
            end = max(end, start + STORY_DAYS)
    for item in truth.values():
        item["story"] = story_of_draw[item["story"]]
    rng.shuffle(lines)  # ingest puts the feed in publication order itself
    with path.open("w", encoding="utf-8") as stream:
        for line in lines:
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return truth


def _iso(day: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(START + day).isoformat()


def ingest(feed: Path, db: Path, scheduler: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``recoupe stories ingest``."""
    timing = db.with_suffix(".time")
    done = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", str(timing), sys.executable, "-m", "recoupe.cli",
                           "stories", "ingest", str(feed), "--db", str(db), "--scheduler", scheduler, "-q"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    seconds, kilobytes = timing.read_text().split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--scheduler", default="threads")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    clusters, group = stories_of_the_sets()
    print(f"{sum(map(len, clusters)):,} source articles in {len(clusters):,} stories; {ARTICLES_PER_DAY:,} articles a "
          f"day; scheduler {options.scheduler}", flush=True)
    print("| articles | days | seconds | articles/s | peak RSS | store | copies P | copies R | B-cubed F1 | "
          "time / (n log n), 10k = 1 |\n|---|---|---|---|---|---|---|---|---|---|", flush=True)
    base = None
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            feed, db = Path(folder) / f"feed-{size}.jsonl", Path(folder) / f"stories-{size}.sqlite"
            truth = make_feed(size, clusters, random.Random(options.seed), feed)
            seconds, rss = ingest(feed, db, options.scheduler)
            rows = sqlite3.connect(db).execute("SELECT id, story, copy_of FROM articles").fetchall()
            source = {r[0]: group[truth[r[0]]["source"]] for r in rows}
            recorded = [(r[0], r[2]) for r in rows if r[2] is not None]
            precision = sum(source[c] == source[o] for c, o in recorded) / max(1, len(recorded))
            # a planted copy is found when it and an article of its source share an original
            # (either may come first: copy and original can share a date)
            members: dict[str, list[str]] = {}
            for r in rows:
                members.setdefault(r[2] or r[0], []).append(r[0])
            root = {i: r[2] or i for i, r in zip((r[0] for r in rows), rows)}
            planted = [i for i, t in truth.items() if t["planted"]]
            recall = sum(any(o != i and source[o] == source[i] for o in members[root[i]]) for i in planted) / max(1, len(planted))
            scores = score_stories([r[1] for r in rows], [str(truth[r[0]]["story"]) for r in rows])
            cost = seconds / (size * math.log(size))
            base = base or cost
            print(f"| {size:,} | {math.ceil(size / ARTICLES_PER_DAY)} | {seconds:.0f} | {size / seconds:,.0f} | "
                  f"{rss:,.0f} MiB | {db.stat().st_size / 2**20:,.0f} MiB | {precision:.3f} | {recall:.3f} | "
                  f"{scores.bcubed_f1:.3f} | {cost / base:.2f} |", flush=True)
            feed.unlink()
            db.unlink()


if __name__ == "__main__":
    main()
