"""Stage: the briefing of one stored story (``recoupe brief --db FILE --story ID``).

The story's originals are briefed as ``brief`` would brief their files (the store keeps what
``brief`` reads of an input: text, title, date, outlet); its copies are left out, since a copy
repeats its original and would count as a second source stating every fact of it, and listed
under the briefing's ``story`` key. The briefing is kept in the store and used again while the
story has the same articles, the options and recoupe's code are the same; a story that grew is
briefed again.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..readers import ReadResult
from ..types import RawDocument
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
    language = Counter(a.language for a in articles).most_common(1)[0][0]
    options = {**options, "lang": language}
    key = hashlib.sha256(json.dumps({"options": options, "full": full, "articles": [a.id for a in articles],
                                     "code": _code_fingerprint()}, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    cached = store.cached_briefing(story, key)
    if cached is not None:
        return json.loads(cached), True
    from ..pipeline import brief_read
    from ..render import briefing_to_dict

    originals = [_document(a) for a in articles if a.copy_of is None]
    briefing = brief_read(ReadResult(documents=originals), progress=progress, **options)
    data = briefing_to_dict(briefing, full)
    data["story"] = {
        "id": story,
        "articles": len(articles),
        "copies": [{"id": a.id, "copy_of": a.copy_of, "outlet": a.outlet} for a in articles if a.copy_of is not None],
    }
    store.cache_briefing(story, key, json.dumps(data, ensure_ascii=False))
    return data, False


@lru_cache(maxsize=1)
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
