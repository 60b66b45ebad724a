"""``recoupe stories ingest``: a feed read, its copies found, its articles assigned to stories and
stored, one batch at a time.

    feed paths -> files -> FeedArticles (read on the workers: a folder's .txt/.html as ``brief``
    reads them, JSONL lines of clusters or of articles) -> skip the ids the store holds
    -> publication order -> batches of ``BATCH_ARTICLES``:
       ``prepare`` on the workers (terms, shingles, MinHash) -> near-duplicates (``duplicates``)
       -> terms weighed against the whole feed so far (``TermStatistics``) -> assignment
       (``assign``, sequential) -> one transaction (``store``)

A copy joins its original's story and is recorded as its copy; only originals shape a story.
The workers (``parallel``) only ever see one article or one file at a time and give their
results back in input order, so the stories do not depend on the scheduler.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..readers import JSONL_SUFFIXES, ReadResult, feed_files, make_ids_unique, parse_date, read_feed_file
from ..types import InputProblem, RawDocument
from .assign import WINDOW_DAYS, assign_stories
from .duplicates import CopyIndex, copy_evidence
from .model import FeedArticle
from .parallel import Workers, open_workers
from .prepare import prepare
from .store import StoredArticle, StoryStore

# Articles written per transaction: what a killed run can lose, and what one batch holds in memory.
BATCH_ARTICLES = 1000
# Progress is told as (stage, done, total): "reading" counts files, "storing" articles.
Progress = Callable[[str, int, int], None]


@dataclass
class IngestReport:
    read: int = 0
    already_stored: int = 0
    copies: int = 0
    stored: int = 0
    new_stories: int = 0
    grown_stories: int = 0
    problems: list[InputProblem] = field(default_factory=list)


@dataclass
class FeedRead:
    """The feed's articles, the documents they were read from, and the inputs' problems."""

    articles: list[FeedArticle] = field(default_factory=list)
    documents: list[RawDocument] = field(default_factory=list)  # as read, one per article
    problems: list[InputProblem] = field(default_factory=list)


# Files handed to the workers at once (then progress is told): each worker gets a share.
READ_CHUNK_FILES = 512


def _read_feed_file(file: tuple) -> ReadResult:
    return read_feed_file(*file)


def read_feed(paths: list[str], workers: Workers, progress: Progress | None = None) -> FeedRead:
    """Every article of the feed's files (read on ``workers``), in the order of the files."""
    files, problems = feed_files(paths)
    results = []
    for start in range(0, len(files), READ_CHUNK_FILES):
        chunk = files[start:start + READ_CHUNK_FILES]
        results += workers.map(_read_feed_file, chunk)
        if progress:
            progress("reading", start + len(chunk), len(files))
    for result in results:
        problems += result.problems
    # ids named after files are made unique as brief makes them ("a.txt", "a.html": "a", "a-2");
    # a JSONL article keeps its id (made unique within its file, as brief does), and an article
    # of another file with the same id is skipped below
    from_jsonl = [file.suffix.lower() in JSONL_SUFFIXES for file, _ in files]
    named_by_file = [d for jsonl, result in zip(from_jsonl, results) if not jsonl for d in result.documents]
    make_ids_unique(named_by_file)
    renamed = iter(named_by_file)
    documents = [d if jsonl else next(renamed) for jsonl, result in zip(from_jsonl, results) for d in result.documents]
    read = FeedRead(problems=problems)
    seen: set[str] = set()
    for document in documents:
        if document.id in seen:
            read.problems.append(InputProblem(document.origin, f"article id {document.id!r} already read in this feed, skipped"))
            continue
        seen.add(document.id)
        date = parse_date(document.published)[0] if document.published else None
        read.articles.append(FeedArticle(document.id, document.title or _first_line(document.text), document.text, date,
                                         document.language if document.language in ("fr", "en") else "fr"))
        read.documents.append(document)
    return read


# A text file's first line stands for its title (the briefing's cleaning finds titles better, at
# a cost a feed of thousands cannot pay) when it is at most this long.
TITLE_CHARACTERS = 160


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= TITLE_CHARACTERS else ""


def _copy_index(store: StoryStore, window_days: int, workers: Workers) -> CopyIndex:
    """The originals of the store's last ``window_days``, so that this run's copies of them are
    found: their evidence computed again from the stored texts (cheaper to redo than to store)."""
    index = CopyIndex(window_days)
    recent = store.recent_originals(window_days)
    evidence = workers.map(copy_evidence, [text for _, text, _ in recent])
    for (article_id, _, date), item in zip(recent, evidence):
        index.original_of(article_id, item, date)
    return index


def ingest(paths: list[str], store: StoryStore, batch_size: int = BATCH_ARTICLES, window_days: int = WINDOW_DAYS,
           scheduler: str | Any = "synchronous", progress: Progress | None = None) -> IngestReport:
    """Read ``paths`` and add their new articles to the stories of ``store``; the per-article
    work runs on ``scheduler`` (``parallel.open_workers``)."""
    with open_workers(scheduler) as workers:
        feed = read_feed(paths, workers, progress)
        report = IngestReport(read=len(feed.articles), problems=feed.problems)
        if feed.problems:
            store.record_problems(feed.problems)
        articles = feed.articles
        known = store.known([a.id for a in articles])
        report.already_stored = len(known)
        fresh = [k for k, a in enumerate(articles) if a.id not in known]
        fresh.sort(key=lambda k: (articles[k].date is None, articles[k].date or dt.date.min, k))  # publication order
        statistics, assigner = store.statistics(), store.assigner(window_days)
        copy_index = _copy_index(store, window_days, workers)
        stories_before = len(assigner.stories)
        grown: set[int] = set()
        story_of_id: dict[str, int] = {}
        if progress:
            progress("storing", 0, len(fresh))
        for start in range(0, len(fresh), batch_size):
            batch = [articles[k] for k in fresh[start:start + batch_size]]
            prepared = workers.map(prepare, batch)
            copy_of = [copy_index.original_of(a.id, p.copy, a.date) for a, p in zip(batch, prepared)]
            originals = [k for k, original in enumerate(copy_of) if original is None]
            for k in originals:
                statistics.add(prepared[k].terms)
            stories = assign_stories([statistics.weigh(prepared[k].terms) for k in originals],
                                     [batch[k].date for k in originals], [batch[k].language for k in originals],
                                     assigner=assigner)
            story_of_id.update((batch[k].id, story) for k, story in zip(originals, stories))
            earlier = store.stories_of([o for o in copy_of if o is not None and o not in story_of_id])
            stored, titles = [], {}
            for k, article in enumerate(batch):
                story = story_of_id[article.id] if copy_of[k] is None else story_of_id.get(copy_of[k], earlier.get(copy_of[k]))
                titles.setdefault(story, article.title)
                if story < stories_before:
                    grown.add(story)
                document = feed.documents[fresh[start + k]]
                stored.append(StoredArticle(article.id, article.title, article.date, article.language, document.origin,
                                            story, copy_of[k], article.text, document.outlet, document.title,
                                            document.published, document.published_origin, document.outlet_origin))
            store.write_batch(stored, statistics, assigner, titles)
            report.stored += len(batch)
            report.copies += len(batch) - len(originals)
            if progress:
                progress("storing", report.stored, len(fresh))
    report.new_stories = len(assigner.stories) - stories_before
    report.grown_stories = len(grown)
    return report
