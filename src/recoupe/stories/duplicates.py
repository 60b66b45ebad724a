"""Stage: near-duplicates — the same wire story on two sites, a copy under another headline,
with another footer, or cut short.

MinHash LSH (datasketch) proposes the pairs whose sets of word shingles look alike; each
proposed pair is then confirmed on the real sets (LSH alone gives false pairs): a copy shares
``COPY_CONTAINMENT`` of the shorter text's shingles with the longer. Containment, not Jaccard,
because a copy cut short shares all its shingles with the original and only part of the
original's (Jaccard 0.6 for a copy cut at 60 %). Copies are grouped by connected components,
and the first article of each group in feed order is the one kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .model import FeedArticle

# Shingles: runs of this many words (lower-cased), the text only (a copy may change the headline).
SHINGLE_WORDS = 5
# A text with fewer shingles than this is never called a copy: a two-line brief shares a
# quote or a stock sentence with many articles.
MIN_SHINGLES = 20
# MinHash permutations, and the Jaccard estimate from which LSH proposes a pair: low enough
# for a copy cut at half its length (Jaccard 0.5).
PERMUTATIONS = 128
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


def find_copies(articles: list[FeedArticle]) -> Copies:
    """Every article's original (the first of its copy group in feed order)."""
    sets = [shingles(a.text) for a in articles]
    lsh = MinHashLSH(threshold=PROPOSAL_JACCARD, num_perm=PERMUTATIONS)
    signatures: dict[int, MinHash] = {}
    for k, shingle_set in enumerate(sets):
        if len(shingle_set) < MIN_SHINGLES:
            continue
        signature = MinHash(num_perm=PERMUTATIONS, seed=1)
        signature.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
        signatures[k] = signature
        lsh.insert(k, signature)
    rows, columns = [], []
    for k, signature in signatures.items():
        for other in sorted(lsh.query(signature)):
            if other <= k:
                continue
            shorter, longer = sorted((sets[k], sets[other]), key=len)
            if len(shorter & longer) >= COPY_CONTAINMENT * len(shorter):
                rows.append(k)
                columns.append(other)
    n = len(articles)
    graph = coo_matrix((np.ones(len(rows)), (rows, columns)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    first = {}
    for k, label in enumerate(component.tolist()):
        first.setdefault(label, k)  # the earliest article of a group is its original
    return Copies([first[label] for label in component.tolist()])
