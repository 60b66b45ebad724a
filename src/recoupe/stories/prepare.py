"""Stage: what each article needs before the sequential steps, computed one article at a time
so that it can run on any number of workers (``parallel``): its terms (``vectorise``), its word
shingles and their MinHash signature (``duplicates``).

Nothing here depends on another article or on the order of the feed: the same article gives
the same ``PreparedArticle`` on a thread, in another process or on a Dask worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from .duplicates import CopyEvidence, copy_evidence
from .model import FeedArticle
from .vectorise import article_terms


@dataclass(frozen=True)
class PreparedArticle:
    terms: list[str]
    copy: CopyEvidence


def prepare(article: FeedArticle) -> PreparedArticle:
    return PreparedArticle(article_terms(article), copy_evidence(article.text))

