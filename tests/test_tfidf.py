"""tfidf: the same matrices as scikit-learn's TfidfVectorizer, bit for bit, on real articles."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from recoupe import read_inputs
from recoupe.tfidf import SublinearTfidf

from conftest import RPM2, SEEDS, require


def identical(ours, theirs) -> bool:
    return (type(ours) is type(theirs) and ours.shape == theirs.shape
            and ours.indices.dtype == theirs.indices.dtype and ours.data.dtype == theirs.data.dtype
            and np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
            and np.array_equal(ours.data, theirs.data))


def sentence_tokens(texts: list[str]) -> list[list[str]]:
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text)]
    return [[w for w in re.findall(r"\w+", s.lower()) if len(w) > 2] for s in sentences] + [[]]


def rpm2_texts(limit: int) -> list[list[str]]:
    with require(RPM2).open(encoding="utf-8") as lines:
        return [[d["text"] for d in json.loads(line)["documents"]] for line, _ in zip(lines, range(limit))]


@pytest.fixture(scope="module")
def inputs() -> list[list[list[str]]]:
    seeds = [d.text for d in read_inputs([str(require(SEEDS))]).documents]
    return [sentence_tokens(texts) for texts in [seeds, *rpm2_texts(6)]]


def test_fit_transform_and_transform_are_scikit_learns(inputs):
    for documents in inputs:
        theirs = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, norm="l2")
        ours = SublinearTfidf()
        fitted, expected = ours.fit_transform(documents), theirs.fit_transform(documents)
        assert identical(fitted, expected)
        assert ours.vocabulary_ == theirs.vocabulary_ and np.array_equal(ours.idf_, theirs.idf_)
        # products read the entries in their stored order: the same order, the same sums
        assert np.array_equal((fitted @ fitted.T).toarray(), (expected @ expected.T).toarray())
        new = [list(reversed(tokens)) + ["inconnu-du-vocabulaire"] for tokens in documents[::7]] + [[]]
        assert identical(ours.transform(new), theirs.transform(new))


def test_stop_words_and_token_pattern_as_the_timeline_reads_them(inputs):
    texts = [" ".join(tokens) for tokens in inputs[0]]
    dropped = {"poutine", "corée", "nord"}
    theirs = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True, norm="l2", stop_words=sorted(dropped))
    tokens = [[w for w in re.findall(r"\S+", text.lower()) if w not in dropped] for text in texts]
    assert identical(SublinearTfidf().fit_transform(tokens), theirs.fit_transform(texts))


def test_no_token_at_all_is_a_value_error():
    with pytest.raises(ValueError):
        SublinearTfidf().fit_transform([[], []])
