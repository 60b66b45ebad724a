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
from sklearn.feature_extraction.text import TfidfVectorizer
from unidecode import unidecode

from .features import SentenceAnalysis, Token
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


class UnitAligner:
    """Pairwise alignment probabilities of every pair of units of different documents."""

    def __init__(self, units: list[Unit], vectors: np.ndarray, coefficients=ALIGNMENT_COEFFICIENTS) -> None:
        self.units = units
        self.coefficients = coefficients
        self.vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, norm="l2")
        self.signals = alignment_signals(units, vectors, self.vectorizer)
        logit = _logit(coefficients, self.signals)
        self.probability = 1.0 / (1.0 + np.exp(-logit))
        # alignment on the words alone (what a contradiction is checked on: its values differ)
        value_weight, shared_value = coefficients[4], self.signals[3]
        self.without_value_evidence = 1.0 / (1.0 + np.exp(-(logit - value_weight * shared_value)))
        self.documents = np.array([u.document for u in units])
        same_document = self.documents[:, None] == self.documents[None, :]
        # a heading or a fragment aligns with nothing: it states no fact to corroborate or dispute
        no_statement = ~np.array([u.statement for u in units], dtype=bool)
        unaligned = same_document | no_statement[:, None] | no_statement[None, :]
        self.probability[unaligned] = 0.0
        self.without_value_evidence[unaligned] = 0.0

    def without_words(self, i: int, j: int, left_out: set[str]) -> float:
        """Alignment of units ``i`` and ``j`` on their words, values aside, as if the words in
        ``left_out`` (lower-case ASCII, as ``values.name_key`` writes them) were not there. A
        name dispute is judged on what the two statements say besides the two names: a
        surname is a rare word, the heaviest of TF-IDF, so "le Premier ministre François
        Fillon" / "le Premier ministre François Lefebvre" align less than the sentences do."""
        if not hasattr(self.vectorizer, "vocabulary_"):
            return float(self.without_value_evidence[i, j])
        kept = [[lemma for lemma in self.units[k].lemmas if unidecode(lemma.lower()) not in left_out] for k in (i, j)]
        tfidf = self.vectorizer.transform(kept)
        cosine = float((tfidf[0] @ tfidf[1].T).toarray()[0, 0])
        first, second = set(kept[0]), set(kept[1])
        overlap = len(first & second) / min(len(first), len(second)) if first and second else 0.0
        # values aside: no shared-value evidence
        signals = (cosine, float(self.signals[1][i, j]), overlap, 0.0, float(self.signals[4][i, j]))
        return 1.0 / (1.0 + math.exp(-_logit(self.coefficients, signals)))


def _logit(coefficients, signals):
    """The alignment model's logit: intercept plus the weighted signals (arrays or numbers)."""
    intercept, *weights = coefficients
    return intercept + sum(w * s for w, s in zip(weights, signals))


def alignment_signals(units: list[Unit], vectors: np.ndarray, vectorizer: TfidfVectorizer) -> tuple[np.ndarray, ...]:
    """(TF-IDF cosine, vector cosine, overlap coefficient, shared value, shared slot) over all
    unit pairs (the order of ``ALIGNMENT_COEFFICIENTS``); ``vectorizer`` is fitted on the units'
    lemmas."""
    n = len(units)
    lemma_lists = [list(u.lemmas) for u in units]
    if not any(lemma_lists):
        return tuple(np.zeros((n, n)) for _ in range(len(ALIGNMENT_COEFFICIENTS) - 1))
    tfidf = vectorizer.fit_transform(lemma_lists)
    cosine = (tfidf @ tfidf.T).toarray()
    binary = (tfidf > 0).astype(float)
    shared = (binary @ binary.T).toarray()
    sizes = np.asarray(binary.sum(axis=1)).ravel()
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    overlap = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
    semantic = np.clip(vectors @ vectors.T, 0.0, 1.0) if vectors.size else np.zeros((n, n))
    return cosine, semantic, overlap, shared_values(units, with_value=True), shared_values(units, with_value=False)


def shared_values(units: list[Unit], with_value: bool) -> np.ndarray:
    """1 where two units give the same number of the same thing or the same (full) date; with
    ``with_value`` False, a number of the same thing or a date of the same precision."""
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
        return np.zeros((len(units), len(units)))
    incidence = np.zeros((len(units), len(column)))
    for k, c in rows:
        incidence[k, c] = 1.0
    return np.minimum(incidence @ incidence.T, 1.0)


def build_claims(units: list[Unit], aligner: UnitAligner) -> list[list[int]]:
    """Group units into claims, at most one unit per document: aligned pairs are merged from the
    most to the least probable, a merge only when every cross pair reaches
    ``CLAIM_LINK_PROBABILITY`` (complete linkage). Returns unit indices per claim; a unit
    aligned with nothing is a claim of its own (single source)."""
    p = aligner.probability
    pairs = np.argwhere(np.triu(p >= ALIGNED_PROBABILITY, k=1))
    order = sorted(pairs.tolist(), key=lambda ij: (-p[ij[0], ij[1]], ij[0], ij[1]))
    cluster_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    for i, j in order:
        a, b = cluster_of[i], cluster_of[j]
        if a == b:
            continue
        docs_a = {units[k].document for k in members[a]}
        if docs_a & {units[k].document for k in members[b]}:
            continue
        if min(p[x, y] for x in members[a] for y in members[b]) < CLAIM_LINK_PROBABILITY:
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
