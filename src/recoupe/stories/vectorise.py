"""Stage: each article as a sparse TF-IDF vector of its terms.

Terms are the article's words without stop words, lower-cased, a final plural s dropped; a
title word counts three times and a capitalised word inside a sentence (a name: "Betancourt",
"Lhassa") twice, because the title and the names are what tells one story from another best
(Miranda et al. 2018 weigh title and entities apart for the same reason). No spaCy here: a feed
of 100,000 articles must be read in minutes, and story grouping needs no parse.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from .model import FeedArticle

WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’][^\W\d_][^\W_]*)*")
SENTENCE_END = re.compile(r"[.!?\n«\"]")
# how many times a word counts by where it stands
TITLE_WEIGHT = 3
NAME_WEIGHT = 2
MIN_TERM_CHARACTERS = 3


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop-word list of the language (a plain import: no model is loaded)."""
    if language == "fr":
        from spacy.lang.fr.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def _term(word: str) -> str:
    word = word.lower().replace("’", "'")
    word = word.split("'", 1)[1] if "'" in word[:3] else word  # l'otage, d'Ingrid
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def article_terms(article: FeedArticle) -> list[str]:
    """The article's terms, each as many times as it counts."""
    stops = stop_words(article.language)
    terms: list[str] = []
    for weight, text in ((TITLE_WEIGHT, article.title), (1, article.text)):
        previous_end = None
        for match in WORD.finditer(text):
            word = match.group()
            term = _term(word)
            if len(term) < MIN_TERM_CHARACTERS or term in stops:
                previous_end = match.end()
                continue
            # a capital inside a sentence is a name; after ". " or at the start it says nothing
            starts_sentence = previous_end is None or SENTENCE_END.search(text, previous_end, match.start()) is not None
            count = weight * (NAME_WEIGHT if word[0].isupper() and not starts_sentence else 1)
            terms += [term] * count
            previous_end = match.end()
    return terms


class TermStatistics:
    """Document frequencies of the terms of every article seen so far: what a term's IDF is
    read from. Kept in the story store between runs, so that a second ingest weighs its
    articles against the whole feed."""

    def __init__(self, documents: int = 0, frequency: dict[str, int] | None = None) -> None:
        self.documents = documents
        self.frequency: dict[str, int] = dict(frequency or {})
        self.changed: set[str] = set()  # terms counted since the store last wrote them

    def add(self, terms: list[str]) -> None:
        self.documents += 1
        for term in set(terms):
            self.frequency[term] = self.frequency.get(term, 0) + 1
            self.changed.add(term)

    def weigh(self, terms: list[str]) -> dict[str, float]:
        """L2-normalised TF-IDF of one article: (1 + ln tf) x (ln((1 + n) / (1 + df)) + 1), the
        weighting of scikit-learn's TfidfVectorizer(sublinear_tf=True) written out, so that the
        statistics can grow article by article."""
        counts: dict[str, int] = {}
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
        weights = {term: (1.0 + math.log(count)) * (math.log((1 + self.documents) / (1 + self.frequency.get(term, 0))) + 1.0)
                   for term, count in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {term: w / norm for term, w in weights.items()} if norm else {}


def vectorise(articles: list[FeedArticle]) -> list[dict[str, float]]:
    """Each article's weighted terms (``TermStatistics.weigh``), the statistics read from these
    articles."""
    statistics = TermStatistics()
    documents = [article_terms(a) for a in articles]
    for terms in documents:
        statistics.add(terms)
    return [statistics.weigh(terms) for terms in documents]
