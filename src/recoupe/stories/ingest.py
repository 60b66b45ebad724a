"""``recoupe stories ingest``: a feed read, its copies found, its articles assigned to stories and
stored, one batch at a time.

    feed paths -> FeedArticles (the briefing's readers: folders, .txt, .html, JSONL clusters)
    -> skip the ids the store holds -> publication order -> batches of ``BATCH_ARTICLES``:
       near-duplicates (``duplicates``) -> terms weighed against the whole feed so far
       (``TermStatistics``) -> assignment (``assign``) -> one transaction (``store``)

A copy joins its original's story and is recorded as its copy; only originals shape a story.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..readers import JSONL_SUFFIXES, parse_date, read_each_cluster, read_inputs
from ..types import InputProblem, RawDocument
from .assign import WINDOW_DAYS, assign_stories
from .duplicates import find_copies
from .model import FeedArticle
from .store import StoredArticle, StoryStore
from .vectorise import article_terms

# Articles written per transaction: what a killed run can lose, and what one batch holds in memory.
BATCH_ARTICLES = 1000


@dataclass
class IngestReport:
    read: int = 0
    already_stored: int = 0
    copies: int = 0
    stored: int = 0
    new_stories: int = 0
    grown_stories: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def read_feed(paths: list[str]) -> tuple[list[FeedArticle], list[str], list[str | None], list[InputProblem]]:
    """The feed's articles with their origins and outlets, and the inputs' problems: JSONL files
    cluster by cluster (every cluster of the file; its gold ids ignored), other paths as ``brief``
    reads them."""
    documents: list[RawDocument] = []
    problems: list[InputProblem] = []
    for raw_path in paths:
        if raw_path != "-" and Path(raw_path).suffix.lower() in JSONL_SUFFIXES and Path(raw_path).is_file():
            for _, read in read_each_cluster([raw_path]):
                documents += read.documents
                problems += read.problems
        else:
            read = read_inputs([raw_path])
            documents += read.documents
            problems += read.problems
    articles, origins, outlets, seen = [], [], [], set()
    for document in documents:
        if document.id in seen:
            problems.append(InputProblem(document.origin, f"article id {document.id!r} already read in this feed, skipped"))
            continue
        seen.add(document.id)
        date = parse_date(document.published)[0] if document.published else None
        articles.append(FeedArticle(document.id, document.title or _first_line(document.text), document.text, date,
                                    document.language if document.language in ("fr", "en") else "fr"))
        origins.append(document.origin)
        outlets.append(document.outlet)
    return articles, origins, outlets, problems


# A text file's first line stands for its title (the briefing's cleaning finds titles better, at
# a cost a feed of thousands cannot pay) when it is at most this long.
TITLE_CHARACTERS = 160


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= TITLE_CHARACTERS else ""


def ingest(paths: list[str], store: StoryStore, batch_size: int = BATCH_ARTICLES,
           progress: Callable[[int, int], None] | None = None) -> IngestReport:
    """Read ``paths`` and add their new articles to the stories of ``store``."""
    articles, origins, outlets, problems = read_feed(paths)
    report = IngestReport(read=len(articles), problems=problems)
    known = store.known([a.id for a in articles])
    report.already_stored = len(known)
    fresh = [k for k, a in enumerate(articles) if a.id not in known]
    fresh.sort(key=lambda k: (articles[k].date is None, articles[k].date or dt.date.min, k))  # publication order
    statistics, assigner = store.statistics(), store.assigner(WINDOW_DAYS)
    stories_before = len(assigner.stories)
    grown: set[int] = set()
    for start in range(0, len(fresh), batch_size):
        batch = [articles[k] for k in fresh[start:start + batch_size]]
        copies = find_copies(batch)
        originals = [k for k, original in enumerate(copies.original_of) if original == k]
        terms = [article_terms(batch[k]) for k in originals]
        for article_terms_ in terms:
            statistics.add(article_terms_)
        stories = assign_stories([statistics.weigh(t) for t in terms], [batch[k].date for k in originals],
                                 [batch[k].language for k in originals], assigner=assigner)
        story_of = dict(zip(originals, stories))
        stored, titles = [], {}
        for k, article in enumerate(batch):
            original = copies.original_of[k]
            story = story_of[original]
            titles.setdefault(story, article.title)
            if story < stories_before:
                grown.add(story)
            stored.append(StoredArticle(article.id, article.title, article.date, article.language,
                                        origins[fresh[start + k]], story, batch[original].id if original != k else None,
                                        article.text, outlets[fresh[start + k]]))
        store.write_batch(stored, statistics, assigner, titles)
        report.stored += len(batch)
        report.copies += len(batch) - len(originals)
        if progress:
            progress(report.stored, len(fresh))
    report.new_stories = len(assigner.stories) - stories_before
    report.grown_stories = len(grown)
    return report
