"""``recoupe eval-stories``: stories found blind against gold clusters.

The documents of every cluster of a dataset are pooled and shuffled (a fixed seed), grouped
into stories by the assigner as a feed would be, and the stories are scored against the gold
grouping: B-cubed precision, recall and F1 (per article: the share of its story that is its
gold group, and the share of its gold group that is its story; Bagga and Baldwin 1998), pairwise
F1 (over pairs of articles put together), and the counts of stories and gold groups.

The gold group of a document is its cluster (``by="cluster"``) or its topic (``by="topic"``:
rpm2-fr's two clusters of a topic are one story, days apart). Every dataset is split into a dev
part, where thresholds are chosen, and a test part, looked at only to report: rpm2-fr by topic
(the test topics are those of the blind gold of issue 19, tests/data/links: T02, T11, T16,
T19), other datasets by cluster (every second cluster in file order is test).

Some documents cannot be put right by any grouping: a text that is a copy of a text of another
gold group (Multi-News keeps a web archive's notice as a "document" of hundreds of clusters, and
the same AP story under two clusters). ``without_shared_texts`` leaves them out, and
``eval-stories`` reports the scores with and without them.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..readers import shown_path
from .assign import NEW_STORY_SIMILARITY, assign_stories
from .duplicates import find_copies
from .model import FeedArticle
from .vectorise import vectorise

RPM2_TEST_TOPICS = frozenset({"T02", "T11", "T16", "T19"})
SHUFFLE_SEED = 0


class StoriesDatasetProblem(ValueError):
    """The dataset cannot be read (missing file, malformed line, no document)."""


@dataclass(frozen=True)
class GoldArticle:
    article: FeedArticle
    group: str  # the gold story: a cluster id or a topic
    split: str  # "dev" or "test"


@dataclass(frozen=True)
class StoryScores:
    articles: int
    gold_groups: int
    stories: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float


def load_gold(path: Path, by: str = "cluster") -> list[GoldArticle]:
    """Every document of the clusters of a JSONL dataset (one cluster a line, ``documents`` with
    ``id``, ``title``, ``text``), with its gold group and split."""
    if not path.is_file():
        raise StoriesDatasetProblem(f"{shown_path(path)}: no such file" if not path.exists() else
                                    f"{shown_path(path)}: not a file")
    articles: list[GoldArticle] = []
    try:
        with path.open(encoding="utf-8") as lines:
            _read_gold_lines(path, lines, by, articles)
    except OSError as error:
        raise StoriesDatasetProblem(f"{shown_path(path)}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise StoriesDatasetProblem(f"{shown_path(path)}: not UTF-8 text") from None
    if not articles:
        raise StoriesDatasetProblem(f"{shown_path(path)}: no document")
    return articles


def _read_gold_lines(path: Path, lines, by: str, articles: list[GoldArticle]) -> None:
    clusters = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise StoriesDatasetProblem(f"{shown_path(path)}:{number}: malformed JSON line ({error.msg})") from None
        except (ValueError, RecursionError):  # a number past the int limit, brackets nested past the stack
            raise StoriesDatasetProblem(f"{shown_path(path)}:{number}: JSON line the parser refuses") from None
        if not isinstance(record, dict):
            raise StoriesDatasetProblem(f"{shown_path(path)}:{number}: a cluster line must be a JSON object")
        cluster = str(record.get("id") or f"line-{number}")
        topic = record.get("topic")
        if by == "topic" and not topic:
            raise StoriesDatasetProblem(f"{shown_path(path)}:{number}: cluster {cluster!r} has no topic (use --by cluster)")
        documents = record.get("documents") or []
        if not isinstance(documents, list):
            raise StoriesDatasetProblem(f"{shown_path(path)}:{number}: 'documents' must be a list")
        group = str(topic) if by == "topic" else cluster
        clusters += 1
        split = ("test" if str(topic) in RPM2_TEST_TOPICS else "dev") if topic else (
            "test" if clusters % 2 == 0 else "dev")
        language = record.get("language") if record.get("language") in ("fr", "en") else "en"
        for k, document in enumerate(documents):
            if isinstance(document, dict) and isinstance(document.get("text"), str) and document["text"].strip():
                title = document.get("title") if isinstance(document.get("title"), str) else ""
                articles.append(GoldArticle(
                    FeedArticle(str(document.get("id") or f"{cluster}-{k}"), title, document["text"], None,
                                document.get("language") if document.get("language") in ("fr", "en") else language),
                    group, split))


def score_stories(stories: list[int], gold: list[str]) -> StoryScores:
    """B-cubed and pairwise precision, recall and F1 of ``stories`` against ``gold`` (one label
    per article each)."""
    both = Counter(zip(stories, gold))
    story_sizes, gold_sizes = Counter(stories), Counter(gold)
    n = len(stories)
    precision = sum(count * count / story_sizes[s] for (s, _), count in both.items()) / n
    recall = sum(count * count / gold_sizes[g] for (_, g), count in both.items()) / n
    pairs_together = sum(c * (c - 1) / 2 for c in both.values())
    story_pairs = sum(c * (c - 1) / 2 for c in story_sizes.values())
    gold_pairs = sum(c * (c - 1) / 2 for c in gold_sizes.values())
    pair_precision = pairs_together / story_pairs if story_pairs else 1.0
    pair_recall = pairs_together / gold_pairs if gold_pairs else 1.0
    return StoryScores(n, len(gold_sizes), len(story_sizes), round(precision, 4), round(recall, 4),
                       round(_f1(precision, recall), 4), round(pair_precision, 4), round(pair_recall, 4),
                       round(_f1(pair_precision, pair_recall), 4))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_stories(articles: list[GoldArticle], thresholds: dict[str, float] | None = None) -> dict[str, StoryScores]:
    """Per split ("dev", "test"), the stories found among that split's articles, pooled and
    shuffled, against their gold groups."""
    by_split: dict[str, list[GoldArticle]] = defaultdict(list)
    for article in articles:
        by_split[article.split].append(article)
    scores = {}
    for split in ("dev", "test"):
        pool = list(by_split.get(split, []))
        if not pool:
            continue
        random.Random(SHUFFLE_SEED).shuffle(pool)
        feed = [g.article for g in pool]
        stories = assign_stories(vectorise(feed), [a.date for a in feed], [a.language for a in feed],
                                 thresholds or NEW_STORY_SIMILARITY)
        scores[split] = score_stories(stories, [g.group for g in pool])
    return scores


def without_shared_texts(articles: list[GoldArticle]) -> list[GoldArticle]:
    """The articles less those whose text is a copy (``duplicates.find_copies``) of a text of
    another gold group of their split."""
    kept = []
    for split in ("dev", "test"):
        pool = [a for a in articles if a.split == split]
        original_of = find_copies([a.article for a in pool]).original_of
        groups: dict[int, set[str]] = defaultdict(set)
        for k, original in enumerate(original_of):
            groups[original].add(pool[k].group)
        kept += [a for k, a in enumerate(pool) if len(groups[original_of[k]]) == 1]
    return kept
