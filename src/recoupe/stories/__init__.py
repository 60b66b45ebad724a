"""Stories: a feed of articles grouped into the stories they tell (issue 21).

    feed articles -> near-duplicates (``duplicates``: MinHash LSH, confirmed on the real shingle
    sets) -> terms (``vectorise``) -> TF-IDF vectors -> online assignment in publication order
    (``assign``): each article joins the live story it is closest to, or starts one

``ingest`` runs them on a feed batch by batch and keeps the stories in SQLite (``store``), so
that the next feed grows them. The assignment is the one sequential step: it sees the articles one at a time in a fixed order
(date, then input order), so the same feed always gives the same stories. ``evaluate`` scores
it against gold clusters (B-cubed and pairwise F1), which is how its threshold was set.
"""

from .assign import NEW_STORY_SIMILARITY, OnlineAssigner, assign_stories
from .duplicates import Copies, find_copies
from .model import FeedArticle
from .vectorise import article_terms, vectorise

__all__ = ["NEW_STORY_SIMILARITY", "Copies", "FeedArticle", "OnlineAssigner", "article_terms", "assign_stories",
           "find_copies", "vectorise"]
