"""Stories: a feed of articles grouped into the stories they tell (issue 21).

    feed files -> read (``readers``) -> publication order -> per batch:
    ``prepare`` (each article's terms, shingles, MinHash: on any worker, ``parallel``)
    -> near-duplicates (``duplicates.CopyIndex``: MinHash LSH over the window's originals,
    confirmed on the real shingle sets) -> TF-IDF vectors (``vectorise``) -> online assignment
    in publication order (``assign``): each article joins the live story it is closest to, or
    starts one -> ``store`` (SQLite, one transaction per batch)

``ingest`` runs them on a feed and keeps the stories in SQLite, so that the next feed grows
them; ``briefing`` briefs one stored story. The copy index, the statistics and the assigner
are the sequential steps: they see the articles one at a time in a fixed order (date, then
input order), so the same feed gives the same stories on any scheduler. ``evaluate`` scores
the assignment against gold clusters (B-cubed and pairwise F1), which is how its threshold was
set.
"""

from .assign import NEW_STORY_SIMILARITY, OnlineAssigner, assign_stories
from .duplicates import Copies, CopyIndex, find_copies
from .model import FeedArticle
from .vectorise import article_terms, vectorise

__all__ = ["NEW_STORY_SIMILARITY", "Copies", "CopyIndex", "FeedArticle", "OnlineAssigner", "article_terms",
           "assign_stories", "find_copies", "vectorise"]
