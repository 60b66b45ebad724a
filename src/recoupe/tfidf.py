"""TF-IDF over token lists, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True, norm="l2")``
computes it, with scipy.sparse only.

Hand-written because importing scikit-learn costs about 0.9 CPU-s (its validation layer pulls in
scipy.stats), a third of what a cold brief spends beyond loading spaCy's model, and a brief needs
nothing else from it. It repeats the library's arithmetic step by step (vocabulary order, the
order of the entries within a row, smoothed idf, log-scaled tf, the row norm summed in order), so
its matrices are the library's bit for bit: ``tests/test_tfidf.py`` compares them on real input.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from scipy.sparse import csr_matrix


class SublinearTfidf:
    """``fit_transform`` learns the vocabulary (``vocabulary_``: term -> column, alphabetical) and
    the idf of a list of token lists; ``transform`` weighs new token lists with them (unknown
    tokens ignored). Both return an L2-normalised ``scipy.sparse.csr_matrix``."""

    def fit_transform(self, documents: Iterable[list[str]]) -> csr_matrix:
        """Raises ValueError when no document has a token (as the library does)."""
        first_seen: dict[str, int] = {}  # term -> column in order of appearance, as counted
        counts = _count(documents, lambda token: first_seen.setdefault(token, len(first_seen)))
        if not first_seen:
            raise ValueError("empty vocabulary: no document has a token")
        matrix = _matrix(counts, len(first_seen))
        # then the columns renumbered alphabetically, entries left in place within their rows
        alphabetical = sorted(first_seen)
        renumber = np.empty(len(alphabetical), dtype=matrix.indices.dtype)
        for column, term in enumerate(alphabetical):
            renumber[first_seen[term]] = column
        matrix.indices = renumber.take(matrix.indices)
        self.vocabulary_ = {term: column for column, term in enumerate(alphabetical)}
        # smoothed idf: ln((1 + n) / (1 + df)) + 1
        df = np.bincount(matrix.indices, minlength=len(alphabetical)).astype(np.float64)
        df += 1.0
        self.idf_ = np.full_like(df, matrix.shape[0] + 1, dtype=np.float64)
        self.idf_ /= df
        np.log(self.idf_, out=self.idf_)
        self.idf_ += 1.0
        return self._weigh(matrix)

    def transform(self, documents: Iterable[list[str]]) -> csr_matrix:
        counts = _count(documents, self.vocabulary_.get)
        return self._weigh(_matrix(counts, len(self.vocabulary_)))

    def _weigh(self, matrix: csr_matrix) -> csr_matrix:
        """1 + ln(tf), times idf, each row divided by its L2 norm (the sum of squares taken in
        the row's order, as ``sklearn.utils.sparsefuncs_fast.inplace_csr_row_normalize_l2``)."""
        np.log(matrix.data, matrix.data)
        matrix.data += 1.0
        matrix.data *= self.idf_[matrix.indices]
        values, bounds = matrix.data.tolist(), matrix.indptr.tolist()
        for start, end in zip(bounds, bounds[1:]):
            total = 0.0
            for value in values[start:end]:
                total += value * value
            if total != 0.0:
                matrix.data[start:end] /= math.sqrt(total)
        return matrix


def _count(documents: Iterable[list[str]], column_of) -> tuple[list[int], list[int], list[int]]:
    """Column indices and counts of each document's tokens, in order of first appearance in the
    document, and the row pointers; a token ``column_of`` maps to None is skipped."""
    indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    for tokens in documents:
        counter: dict[int, int] = {}
        for token in tokens:
            column = column_of(token)
            if column is not None:
                counter[column] = counter.get(column, 0) + 1
        indices.extend(counter)
        values.extend(counter.values())
        indptr.append(len(indices))
    return indices, values, indptr


def _matrix(counts: tuple[list[int], list[int], list[int]], columns: int) -> csr_matrix:
    indices, values, indptr = counts
    matrix = csr_matrix((np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.int32),
                         np.asarray(indptr, dtype=np.int32)), shape=(len(indptr) - 1, columns))
    matrix.sort_indices()
    return matrix
