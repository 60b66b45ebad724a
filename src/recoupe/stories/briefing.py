"""Stage: the briefing of one stored story (``recoupe brief --db FILE --story ID``).

The story's originals are briefed as ``brief`` would brief their files (the store keeps what
``brief`` reads of an input: text, title, date, outlet); its copies are left out, since a copy
repeats its original and would count as a second source stating every fact of it, and listed
under the briefing's ``story`` key. The briefing is kept in the store and used again while the
story has the same articles, the options and recoupe's code are the same; a story that grew is
briefed again.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..features import NlpResources
from ..readers import ReadResult
from ..types import RawDocument
from .parallel import Workers
from .store import StoredArticle, StoryStore


class StoryProblem(ValueError):
    """No such story in the store."""


def story_briefing(store: StoryStore, story: int, options: dict, full: bool,
                   progress: Callable[[str], None] | None = None) -> tuple[dict, bool]:
    """The story's briefing as its JSON contract, and whether it came from the store's cache.
    ``options``: ``brief``'s (words, crosscheck, story...; the language is the story's own)."""
    articles = store.articles(story)
    if not articles:
        raise StoryProblem(f"no story {story}")
    key = briefing_key(articles, options, full)
    cached = store.cached_briefing(story, key)
    if cached is not None:
        return json.loads(cached), True
    data = brief_articles(story, articles, options, full, progress=progress)
    store.cache_briefing(story, key, json.dumps(data, ensure_ascii=False))
    return data, False


def briefing_key(articles: list[StoredArticle], options: dict, full: bool) -> str:
    """What a kept briefing was made from: the story's articles, the options, recoupe's code."""
    return hashlib.sha256(json.dumps({"options": options, "full": full, "articles": [a.id for a in articles],
                                      "code": _code_fingerprint()}, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def brief_articles(story: int, articles: list[StoredArticle], options: dict, full: bool,
                   resources: NlpResources | None = None, progress: Callable[[str], None] | None = None) -> dict:
    """The briefing of a story's stored articles (copies left out, listed under ``story``)."""
    from ..pipeline import brief_read
    from ..render import briefing_to_dict

    language = Counter(a.language for a in articles).most_common(1)[0][0]
    originals = [_document(a) for a in articles if a.copy_of is None]
    briefing = brief_read(ReadResult(documents=originals), resources=resources, progress=progress,
                          **{**options, "lang": language})
    data = briefing_to_dict(briefing, full)
    data["story"] = {
        "id": story,
        "articles": len(articles),
        "copies": [{"id": a.id, "copy_of": a.copy_of, "outlet": a.outlet} for a in articles if a.copy_of is not None],
    }
    return data


@dataclass(frozen=True)
class StoryToBrief:
    """One story's articles and the key of the briefing to make: what a worker needs."""

    story: int
    articles: list[StoredArticle]
    key: str


def brief_stories(store: StoryStore, stories: list[int], options: dict, full: bool, workers: Workers,
                  progress: Callable[[int, int], None] | None = None) -> Iterator[tuple[int, dict, bool]]:
    """``(story, briefing, from the cache)`` for each of ``stories``: the kept briefings first,
    then the others, briefed on ``workers`` (one story per task; each worker process loads the
    language model once) and kept as they come back."""
    if workers.scheduler == "threads":  # a spaCy pipeline is not shared between threads: one at a time
        workers = Workers("synchronous", 1)
    to_brief, done = [], 0
    for story in stories:
        articles = store.articles(story)
        key = briefing_key(articles, options, full)
        cached = store.cached_briefing(story, key)
        if cached is None:
            to_brief.append((story, key))  # its articles read again with its round: memory for one round
        else:
            done += 1
            if progress:
                progress(done, len(stories))
            yield story, json.loads(cached), True
    for start in range(0, len(to_brief), STORIES_PER_ROUND * workers.workers):
        chunk = [StoryToBrief(story, store.articles(story), key)
                 for story, key in to_brief[start:start + STORIES_PER_ROUND * workers.workers]]
        briefed = workers.map(functools.partial(_brief_on_worker, options=options, full=full), chunk)
        for item, data in zip(chunk, briefed):
            store.cache_briefing(item.story, item.key, json.dumps(data, ensure_ascii=False))
            done += 1
            if progress:
                progress(done, len(stories))
            yield item.story, data, False


# Stories briefed per worker before the results come back (and are kept in the store): what an
# interrupted run loses.
STORIES_PER_ROUND = 4


def _brief_on_worker(item: StoryToBrief, options: dict, full: bool) -> dict:
    return brief_articles(item.story, item.articles, options, full, resources=_worker_resources())


@functools.lru_cache(maxsize=1)
def _worker_resources() -> NlpResources:
    """The models, loaded once per worker process."""
    return NlpResources()


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """This recoupe's code (its files' names, sizes and times): a briefing made by other code,
    an older release or an edited checkout, is not used again."""
    package = Path(__file__).resolve().parents[1]
    files = sorted(package.rglob("*.py")) + sorted(package.rglob("*.json"))
    return hashlib.sha256(repr([(str(f.relative_to(package)), f.stat().st_size, f.stat().st_mtime_ns)
                                for f in files]).encode("utf-8")).hexdigest()


def _document(article: StoredArticle) -> RawDocument:
    return RawDocument(id=article.id, text=article.text, origin=article.origin, title=article.input_title,
                       language=article.language,
                       published=article.published or (article.date.isoformat() if article.date else None),
                       published_origin=article.published_origin or ("metadata" if article.date else None),
                       outlet=article.outlet, outlet_origin=article.outlet_origin)
