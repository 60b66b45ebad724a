"""Stage: near-duplicates — the same wire story on two sites, a copy under another headline,
with another footer, or cut short.

MinHash LSH (datasketch) proposes the earlier articles whose sets of word shingles look alike;
each proposal is then confirmed on the real sets (LSH alone gives false pairs), kept as sorted
64-bit hashes: a copy shares ``COPY_CONTAINMENT`` of the shorter text's shingles with the
longer. Containment, not Jaccard, because a copy cut short shares all its shingles with the
original and only part of the original's (Jaccard 0.6 for a copy cut at 60 %). Articles come in
feed order: one that copies an earlier original is recorded as its copy (the earliest, when it
copies several), any other becomes an original that later ones are checked against.

``CopyIndex`` holds the originals of the last ``window`` days, so that a copy is found in a later
batch or a later run than its original, and memory is bounded by the window, not by the feed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import re
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .model import FeedArticle

# Shingles: runs of this many words (lower-cased), the text only (a copy may change the headline).
SHINGLE_WORDS = 5
# A text with fewer shingles than this is never called a copy: a two-line brief shares a
# quote or a stock sentence with many articles.
MIN_SHINGLES = 20
# MinHash permutations, and the Jaccard estimate from which LSH proposes a pair: low enough
# for a copy cut at half its length (Jaccard 0.5).
PERMUTATIONS = 128
SIGNATURE_SEED = 1
PROPOSAL_JACCARD = 0.4
# Share of the shorter text's shingles the longer one must hold (checked exactly).
COPY_CONTAINMENT = 0.8
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Copies:
    """``original_of[k]``: the index of the article article ``k`` copies (itself when none)."""

    original_of: list[int]

    def pairs(self) -> set[tuple[int, int]]:
        """(original, copy) index pairs."""
        return {(o, k) for k, o in enumerate(self.original_of) if o != k}


def shingles(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[k:k + SHINGLE_WORDS]) for k in range(len(words) - SHINGLE_WORDS + 1)}


@dataclass(frozen=True)
class CopyEvidence:
    """What one article brings to the copy search, computed on its own (on any worker)."""

    shingles: np.ndarray  # sorted unique 64-bit hashes of its shingles
    # None when the text is too short to be called a copy (``MIN_SHINGLES``)
    signature: LeanMinHash | None


def _hash64(shingle: str) -> int:
    # blake2b, not hash(): the same value in every process (Python salts str hashes per process)
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "little")


def copy_evidence(text: str) -> CopyEvidence:
    shingle_set = shingles(text)
    hashes = np.unique(np.fromiter((_hash64(s) for s in shingle_set), dtype=np.uint64, count=len(shingle_set)))
    if len(shingle_set) < MIN_SHINGLES:
        return CopyEvidence(hashes, None)
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SIGNATURE_SEED)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    return CopyEvidence(hashes, LeanMinHash(minhash))  # a third of MinHash's size to send


def is_copy(first: np.ndarray, second: np.ndarray) -> bool:
    """Whether the shorter shingle set lies ``COPY_CONTAINMENT`` within the longer."""
    shared = len(np.intersect1d(first, second, assume_unique=True))
    return shared >= COPY_CONTAINMENT * min(len(first), len(second))


class CopyIndex:
    """The originals seen so far (those of the last ``window_days`` once dated articles come):
    ``original_of`` tells whether an article copies one of them, else adds it to them."""

    def __init__(self, window_days: int | None = None) -> None:
        self.window = dt.timedelta(days=window_days) if window_days is not None else None
        self._lsh = MinHashLSH(threshold=PROPOSAL_JACCARD, num_perm=PERMUTATIONS)
        self._shingles: dict[Hashable, np.ndarray] = {}
        self._order: dict[Hashable, int] = {}  # insertion number: the earliest original wins
        self._inserted = 0
        self._expiry: list[tuple[dt.date, int, Hashable]] = []

    def __len__(self) -> int:
        return len(self._shingles)

    def original_of(self, key: Hashable, evidence: CopyEvidence, date: dt.date | None = None) -> Hashable | None:
        """The key of the earliest held original the article copies; None when it copies none,
        and then it is held as an original (when long enough to be copied)."""
        if date is not None and self.window is not None:
            self._evict_before(date - self.window)
        if evidence.signature is None:
            return None
        confirmed = [other for other in self._lsh.query(evidence.signature)
                     if is_copy(evidence.shingles, self._shingles[other])]
        if confirmed:
            return min(confirmed, key=self._order.__getitem__)
        self._lsh.insert(key, evidence.signature)
        self._shingles[key] = evidence.shingles
        self._order[key] = self._inserted
        self._inserted += 1
        if date is not None:
            heapq.heappush(self._expiry, (date, self._order[key], key))
        return None

    def _evict_before(self, oldest: dt.date) -> None:
        while self._expiry and self._expiry[0][0] < oldest:
            _, _, key = heapq.heappop(self._expiry)
            self._lsh.remove(key)
            del self._shingles[key], self._order[key]


def find_copies(articles: list[FeedArticle], evidence: list[CopyEvidence] | None = None) -> Copies:
    """Every article's original (itself when it copies none), in feed order. ``evidence``: the
    articles' ``copy_evidence`` when already computed (``prepare``), else computed here."""
    evidence = evidence if evidence is not None else [copy_evidence(a.text) for a in articles]
    index = CopyIndex()
    original_of = []
    for k, item in enumerate(evidence):
        original = index.original_of(k, item)
        original_of.append(k if original is None else original)
    return Copies(original_of)
