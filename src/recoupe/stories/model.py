"""The plain records the story stages pass along."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class FeedArticle:
    """One article of a feed: what the story stages read of it."""

    id: str
    title: str
    text: str
    date: dt.date | None = None
    language: str = "fr"
