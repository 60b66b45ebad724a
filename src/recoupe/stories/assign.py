"""Stage: online assignment of articles to stories, in publication order.

Each article is compared with the live stories only (those whose newest article is within
``WINDOW_DAYS`` of it), and among them only with the ones sharing one of its most weighted terms
(an inverted index), so the cost of an article does not grow with the feed; a story that falls
out of the window leaves the index and drops its centroid, so memory grows with the window, not
with the feed (undated articles come last and see the stories live at the newest date seen). It
joins the story whose centroid it is closest to (cosine, lowered by a time decay when both
have dates) if that reaches ``NEW_STORY_SIMILARITY``; else it starts a story. Ties go to the
older story. Written by hand: the library clusterers (scikit-learn's Birch, BERTopic's
online mode) either need the number of clusters, re-cluster the past or give story ids that
change from run to run, and a newsroom's stories must keep their ids as the feed grows.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field

# An article joins a story from this cosine to its centroid on, by the article's language. Set
# on the dev parts of the shared sets (``.venv/bin/python benchmarks/calibrate_stories.py``):
# French on rpm2-fr's dev topics by topic (B-cubed F1 0.947 / 0.977 / 0.967 at 0.08 / 0.10 /
# 0.12), English on Multi-News's dev clusters (0.770 / 0.771 / 0.766 at 0.19 / 0.21 / 0.23).
# English articles there are shorter (about 160 words, truncated) and share more common words.
NEW_STORY_SIMILARITY = {"fr": 0.10, "en": 0.21}
# A story takes no more articles when its newest is this many days older than the article.
WINDOW_DAYS = 7
# Similarity is multiplied by exp(-days apart / DECAY_DAYS) when both sides have dates.
DECAY_DAYS = 10.0
# An article looks for stories through this many of its most weighted terms.
INDEX_TERMS = 12


@dataclass
class _Story:
    number: int
    centroid: dict[str, float] = field(default_factory=dict)  # term -> summed weight of the members
    norm: float = 0.0
    newest: dt.date | None = None
    size: int = 0


class OnlineAssigner:
    """Stories built one article at a time; ``add`` returns the article's story number."""

    def __init__(self, window_days: int = WINDOW_DAYS) -> None:
        self.window = dt.timedelta(days=window_days)
        self.stories: list[_Story] = []
        self._index: dict[str, set[int]] = defaultdict(set)  # term -> live stories having it
        self._expiry: list[tuple[dt.date, int]] = []  # (newest date, story), a heap: who leaves the window next
        self.evicted: list[int] = []  # stories that left the window since the caller last emptied it

    def restore(self, story: _Story, centroid: dict[str, float]) -> None:
        """Take back a stored story (numbers in order); a live one with its centroid."""
        if story.number != len(self.stories):
            raise ValueError(f"story {story.number} restored as number {len(self.stories)}")
        self.stories.append(story)
        if centroid:
            story.centroid = dict(centroid)
            story.norm = math.sqrt(sum(w * w for w in centroid.values()))
            for term in centroid:
                self._index[term].add(story.number)
            if story.newest is not None:
                heapq.heappush(self._expiry, (story.newest, story.number))

    def add(self, terms: dict[str, float], date: dt.date | None, threshold: float) -> int:
        """The story the article joins (from ``threshold`` on), or a new one. Articles come in
        publication order: a dated one closes the stories it is past the window of."""
        if date is not None:
            self._evict_before(date - self.window)
        best, best_similarity = None, -1.0
        for story in self._candidates(terms, date):  # oldest first: a tie keeps the older story
            similarity = self._similarity(terms, date, story)
            if similarity >= threshold and similarity > best_similarity:
                best, best_similarity = story, similarity
        if best is None:
            best = _Story(len(self.stories))
            self.stories.append(best)
        self._join(best, terms, date)
        return best.number

    def _candidates(self, terms: dict[str, float], date: dt.date | None) -> list[_Story]:
        strongest = sorted(terms, key=lambda t: (-terms[t], t))[:INDEX_TERMS]
        numbers = set().union(*(self._index.get(t, ()) for t in strongest)) if strongest else set()
        stories = [self.stories[n] for n in sorted(numbers)]
        if date is None:
            return stories
        return [s for s in stories if s.newest is None or abs((date - s.newest).days) <= self.window.days]

    @staticmethod
    def _similarity(terms: dict[str, float], date: dt.date | None, story: _Story) -> float:
        if not story.norm:
            return 0.0
        centroid = story.centroid
        # over the shared terms only (the key views' intersection runs in C); fsum, exactly
        # rounded, so that the set's order (by string hash) cannot change the last bit
        cosine = math.fsum([terms[term] * centroid[term] for term in terms.keys() & centroid.keys()]) / story.norm
        if date is not None and story.newest is not None:
            cosine *= math.exp(-abs((date - story.newest).days) / DECAY_DAYS)
        return cosine

    def _join(self, story: _Story, terms: dict[str, float], date: dt.date | None) -> None:
        for term, weight in terms.items():
            story.centroid[term] = story.centroid.get(term, 0.0) + weight
            self._index[term].add(story.number)
        story.norm = math.sqrt(sum(w * w for w in story.centroid.values()))
        story.size += 1
        if date is not None and (story.newest is None or date > story.newest):
            story.newest = date
            heapq.heappush(self._expiry, (date, story.number))

    def _evict_before(self, oldest: dt.date) -> None:
        """Stories whose newest article is older than ``oldest`` leave the index for good."""
        while self._expiry and self._expiry[0][0] < oldest:
            newest, number = heapq.heappop(self._expiry)
            story = self.stories[number]
            if story.newest != newest:  # it took a newer article since: a later entry stands for it
                continue
            for term in story.centroid:
                live = self._index[term]
                live.discard(number)
                if not live:
                    del self._index[term]
            story.centroid, story.norm = {}, 0.0
            self.evicted.append(number)

    @property
    def live_stories(self) -> int:
        """Stories still in the index (what memory grows with)."""
        return sum(1 for s in self.stories if s.norm)


def assign_stories(vectors: list[dict[str, float]], dates: list[dt.date | None], languages: list[str],
                   thresholds: dict[str, float] | None = None, assigner: OnlineAssigner | None = None) -> list[int]:
    """The story number of each article (its weighted terms in ``vectors``), assigned in
    publication order: by date (undated articles after the dated ones), then input order.
    ``thresholds``: by language, ``NEW_STORY_SIMILARITY`` by default (English's for another
    language); ``assigner``: one holding the stories of earlier articles."""
    thresholds = thresholds or NEW_STORY_SIMILARITY
    order = sorted(range(len(vectors)), key=lambda k: (dates[k] is None, dates[k] or dt.date.min, k))
    assigner = assigner if assigner is not None else OnlineAssigner()
    stories = [0] * len(vectors)
    for k in order:
        stories[k] = assigner.add(vectors[k], dates[k], thresholds.get(languages[k], thresholds["en"]))
    return stories
