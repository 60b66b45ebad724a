"""Extractive multi-document summary within a word budget, every sentence with its sources.

Salience uses what only several sources give (after the centroid and cross-sentence support of
MEAD, Radev et al. 2004):

    score = w_support  * number of *other documents* that state the sentence's content
                       (relative to the best-supported sentence)
          + w_centroid * cosine to the centroid of the other documents (each weighted equally)
          + w_position * early-position prior

(the weights are language data: ``SUMMARY_WEIGHTS`` in ``recoupe/lang/<code>.py``)

A fact repeated inside one source counts once; a fact stated by four sources counts four times.
Selection is greedy MMR (Carbonell & Goldstein 1998) under the word budget: a sentence too close
to one already chosen is merged (its document becomes a corroborating source), not repeated.
Candidates, in a two-step cascade:
1. sentences that can be quoted alone: complete (capital start, closing punctuation), with a
   verb, 7-40 words, not a question, not hanging on a missing antecedent ("Cela...",
   "Ceux-ci..."), not a quote fragment;
2. only when step 1 finds none that fits the budget: any sentence of 7 words or more, each
   marked ``relaxed`` in the output.
"""

from __future__ import annotations

import re
from types import ModuleType

import numpy as np

from .features import SentenceFeatures
from .types import Sentence, SummarySentence, Support

# Default weights of the salience terms (support, centroid, position); each language module
# sets its own SUMMARY_WEIGHTS, tuned with `recoupe eval` on that language's data.
DEFAULT_WEIGHTS = (0.25, 0.40, 0.35)
# Two sentences of different documents "state the same thing" from this TF-IDF cosine on.
# Set on 7 hand-labelled seed pairs (true: 0.316-0.54; false: 0.301-0.309, sharing only the
# actors' names). Measured since on the labelled pairs (``benchmarks/bench_alignment.py``): on
# random cross-document pairs it is right 0.82 / 0.77 of the time (two samples) and finds about
# half the same-fact pairs, more precise than a claim link (p >= 0.75: 0.64 / 0.62), so a
# summary sentence's sources stay counted by it.
SAME_FACT_SIMILARITY = 0.31
# ... and share at least this many content lemmas (short sentences naming the same people,
# "Christine Lagarde, la ministre de l'Economie", reach 0.30 with two lemmas in common).
SAME_FACT_MIN_SHARED_LEMMAS = 3
# A second-hop paraphrase must still be this close to the sentence it corroborates.
SECOND_HOP_MIN_SIMILARITY = 0.20
# The second hop starts from at most this many direct matches, the closest to the sentence
# (tried in input order, as all of them are when there are fewer): a story's sentence has a few
# dozen at most, a folder of 3,000 near-identical articles thousands, each a pass over the
# documents.
SECOND_HOP_SOURCES = 100
# A candidate this close to a chosen sentence is redundant and is merged, not selected.
REDUNDANT_SIMILARITY = 0.45
# Two sentences giving the same number ("24 ans") are redundant from this cosine on (seeds: the
# two "first visit in 24 years" ledes of 001 and 004 score 0.26).
SHARED_NUMBER_REDUNDANT_SIMILARITY = 0.20
# MMR trade-off between salience and novelty.
MMR_LAMBDA = 0.7
# Position prior falls linearly to zero at this sentence index (rpm2-fr: 8 > 5, 10 > 20, 40).
POSITION_HORIZON = 8
# Sentences shorter or longer than these are not picked (captions, run-ons).
# MAX_WORDS: at 60, two 52-60 word sentences took 3/4 of the seeds' 150-word budget.
MIN_WORDS = 7
MAX_WORDS = 40

# A demonstrative pronoun early in the sentence points back as surely as one opening it.
PRONOUN_OBJECT = re.compile(r"\b(cela|ceci|ça|this|that)\b(?!\s+(?:que|qui|dernier|dernière))")
CLOSING = (".", "!", "?", "…", "»", "”", '"', ")")
STARTS_SENTENCE = re.compile(r"^[\"«“(—–-]?\s*[A-ZÀ-ÖØ-ÞŒ0-9]")


def eligible(sentence: Sentence, lang: ModuleType, headings: set[str]) -> bool:
    """Can this sentence be quoted alone in a summary?"""
    text = sentence.text.strip()
    if not (MIN_WORDS <= sentence.words <= MAX_WORDS) or text in headings:
        return False
    if not text.endswith(CLOSING) or not STARTS_SENTENCE.match(text):
        return False
    if text.rstrip(" »”\"").endswith("?"):
        return False  # questions ask, they do not inform
    if "\n" in text:
        return False
    return not needs_antecedent(text, lang) and not is_quote_fragment(text, lang)


def needs_antecedent(text: str, lang: ModuleType) -> bool:
    """True for sentences opening on a pronoun or connective that points to an earlier one."""
    lowered = text.lower().lstrip("«“\"( ")
    if any(lowered.startswith(phrase) for phrase in lang.NON_ANAPHORIC_PHRASES):
        return False
    if any(lowered.startswith(phrase) for phrase in lang.ANAPHORIC_PHRASES):
        return True
    if PRONOUN_OBJECT.search(" ".join(lowered.split()[:8])):
        return True  # "Poutine a déclaré cela dans son article..."
    first = re.match(r"[\w’'-]+", lowered)
    if not first:
        return False
    word = first.group().rstrip("’'")
    if word in ("ce", "cet", "cette", "ces", "this", "these", "those"):
        second = re.match(r"[\w’'-]+\s+([\w-]+)", lowered)
        return bool(second and second.group(1) in lang.DEMONSTRATIVE_ANAPHORIC_HEADS)
    return word in lang.ANAPHORIC_OPENERS


def is_quote_fragment(text: str, lang: ModuleType) -> bool:
    """A sentence that is only (part of) a quotation, or whose quote marks do not pair up."""
    for opening, closing in lang.QUOTE_PAIRS.items():
        if opening != closing and text.count(opening) != text.count(closing):
            return True
    if text.count('"') % 2:
        return True
    stripped = text.rstrip(".!?… ")
    return text[:1] in lang.QUOTE_PAIRS and stripped[-1:] in lang.QUOTE_PAIRS.values()


class FactMatcher:
    """Which sentences of other documents state the same fact as a sentence.

    Direct matches pass ``states_same``; a second hop adds, for a document not matched yet, the
    sentence that states the same as a direct match and is still close to the first sentence
    (paraphrases chain: "la première fois en 24 ans" ~ "sa première visite en 24 ans" ~
    "sa première visite depuis 24 ans")."""

    def __init__(self, sentences: list[Sentence], features: SentenceFeatures) -> None:
        self.doc_ids = list(dict.fromkeys(s.doc_id for s in sentences))  # in input order
        position = {doc_id: d for d, doc_id in enumerate(self.doc_ids)}
        self.doc_of = np.array([position[s.doc_id] for s in sentences])
        self.similarity = features.similarity()
        self.best_in_doc = _best_match_per_document(self.similarity, self.doc_of, len(self.doc_ids))
        self.lemma_sets = [set(lemmas) for lemmas in features.lemmas]
        self.numbers = [{lemma for lemma in lemmas if any(c.isdigit() for c in lemma)} for lemmas in self.lemma_sets]
        # sentence -> its group as two int32 rows (documents, their sentences): every sentence's
        # group is kept, and as dicts they took 1.4 GB in a folder of 3,000 near-identical articles
        self._groups: dict[int, np.ndarray] = {}

    def states_same(self, i: int, j: int) -> bool:
        """Close in words, sharing enough content, and not giving different numbers
        ("pour la première fois en 24 ans" is not "pour la première fois en 2019")."""
        if self.similarity[i, j] < SAME_FACT_SIMILARITY:
            return False
        if self.numbers[i] and self.numbers[j] and not self.numbers[i] & self.numbers[j]:
            return False
        return len(self.lemma_sets[i] & self.lemma_sets[j]) >= SAME_FACT_MIN_SHARED_LEMMAS

    def group(self, i: int) -> dict[int, int]:
        """Document index -> sentence index, for every other document stating sentence i's fact."""
        documents, members = self._group(i)
        return dict(zip(documents.tolist(), members.tolist()))

    def group_size(self, i: int) -> int:
        """How many other documents state sentence i's fact."""
        return self._group(i).shape[1]

    def in_group(self, i: int, j: int) -> bool:
        """Whether sentence j is the one of its document that states sentence i's fact."""
        return bool((self._group(i)[1] == j).any())

    def _group(self, i: int) -> np.ndarray:
        if i not in self._groups:
            group = self._find_group(i)
            self._groups[i] = np.array([list(group), list(group.values())], dtype=np.int32).reshape(2, len(group))
        return self._groups[i]

    def _find_group(self, i: int) -> dict[int, int]:
        own = self.doc_of[i]
        best = self.best_in_doc[i]
        direct = {
            int(d): int(best[d])
            for d in np.flatnonzero(self._close(i))
            if d != own and self.states_same(i, int(best[d]))
        }
        group = dict(direct)
        # the second hop, its cheap tests on whole rows (a folder of near-identical short
        # articles made it a Python loop over every document for every first-hop sentence)
        placed = np.zeros(len(self.doc_ids), dtype=bool)
        placed[own] = True
        placed[list(direct)] = True
        starts = list(direct.values())
        if len(starts) > SECOND_HOP_SOURCES:
            closest = set(sorted(starts, key=lambda j: (-self.similarity[i, j], j))[:SECOND_HOP_SOURCES])
            starts = [j for j in starts if j in closest]
        for j in starts:
            unplaced = np.flatnonzero(~placed)  # only these documents can still be added
            if not unplaced.size:
                break
            best = self.best_in_doc[j, unplaced]
            open_ = self._close(j, unplaced) & (self.similarity[i, np.maximum(best, 0)] >= SECOND_HOP_MIN_SIMILARITY)
            for d, k in zip(unplaced[open_], best[open_]):
                if self.states_same(j, int(k)):
                    group[int(d)] = int(k)
                    placed[d] = True
        return group

    def _close(self, i: int, documents: np.ndarray | None = None) -> np.ndarray:
        """Per document (of ``documents``, or all), whether its closest sentence to i
        (``best_in_doc``) is at ``SAME_FACT_SIMILARITY`` or more (what ``states_same`` asks
        first): one vectorised test instead of a Python call per document (936,000 calls at
        160 articles)."""
        best = self.best_in_doc[i] if documents is None else self.best_in_doc[i, documents]
        return (best >= 0) & (self.similarity[i, np.maximum(best, 0)] >= SAME_FACT_SIMILARITY)

    def redundant(self, i: int, j: int) -> bool:
        """Sentences i and j give the same fact: one of them is enough in a summary."""
        shares_a_number = bool(self.numbers[i] & self.numbers[j])
        return (
            self.similarity[i, j] >= REDUNDANT_SIMILARITY
            or (shares_a_number and self.similarity[i, j] >= SHARED_NUMBER_REDUNDANT_SIMILARITY)
            or self.states_same(i, j)
            or self.in_group(i, j)
            or self.in_group(j, i)
        )


# From this same-fact similarity on, another source's sentence corroborates a summary sentence;
# below it the link is shown as "related" and not counted among its sources. Set on the dev split
# of the pairs judged blind (``benchmarks/bench_links.py``; tests/data/links): of the 35 summary
# links of the dev clusters, 13 state the same fact; of the 6 from 0.5 on, 5. On the test split:
# 8 of 31, and 4 of the 6 from 0.5 on.
CORROBORATED_SIMILARITY = 0.5


def support_level(similarity: float) -> str:
    """"corroborated" from ``CORROBORATED_SIMILARITY`` on, else "related"."""
    return "corroborated" if similarity >= CORROBORATED_SIMILARITY else "related"


def summarise(
    sentences: list[Sentence],
    features: SentenceFeatures,
    headings: dict[str, set[str]],
    words: int,
    languages: dict[str, ModuleType] | ModuleType,
    fill: bool = False,
    weights: tuple[float, float, float] = DEFAULT_WEIGHTS,
) -> list[SummarySentence]:
    """Stage: pick sentences within ``words`` words, each with the documents that corroborate it.

    ``languages``: the language data of each document (or one module for all)."""
    if not sentences:
        return []
    facts = FactMatcher(sentences, features)
    scores = _salience(sentences, features.vectors, facts, weights)

    candidates = [
        i
        for i, s in enumerate(sentences)
        if features.has_verb[i] and eligible(s, _language_of(languages, s.doc_id), headings.get(s.doc_id, set()))
    ]
    relaxed = False
    if not any(sentences[i].words <= words for i in candidates):
        # 2. fallback: nothing can be quoted alone (one-line pages, headline-only input); take
        #    any sentence with enough words, and say so in the output (``relaxed``).
        relaxed = True
        candidates = [i for i, s in enumerate(sentences) if MIN_WORDS <= s.words <= words]
    chosen = _select(sentences, candidates, scores, facts, words, fill)
    if fill and sum(sentences[i].words for i in chosen) < words:
        # evaluation only: top the summary up with the other sentences rather than leave the
        # budget unused (a briefing prefers fewer, self-contained sentences)
        others = [i for i in range(len(sentences)) if i not in chosen and i not in candidates]
        used = sum(sentences[i].words for i in chosen)
        chosen += _select(sentences, others, scores, facts, words - used, fill, already=chosen)

    doc_of = facts.doc_of
    chosen.sort(key=lambda i: (sentences[i].index / max(1, int(np.sum(doc_of == doc_of[i]))), doc_of[i], i))
    summary = []
    for i in chosen:
        supports = [
            Support(facts.doc_ids[d], sentences[j].text, sentences[j].index, round(float(facts.similarity[i, j]), 4),
                    level=support_level(float(facts.similarity[i, j])))
            for d, j in sorted(facts.group(i).items())
        ]
        summary.append(
            SummarySentence(
                text=sentences[i].text,
                source=sentences[i].doc_id,
                index=sentences[i].index,
                score=round(float(scores[i]), 4),
                corroborated_by=tuple(supports),
                relaxed=relaxed,
            )
        )
    return summary


def _select(sentences, candidates, scores, facts: FactMatcher, words: int, fill: bool = False, already=()) -> list[int]:
    """Greedy MMR under the word budget; a candidate giving a chosen sentence's fact is merged.
    With ``fill``, the last sentence may cross the budget (it is cut when evaluated).
    ``already``: sentences chosen before, that new ones must not repeat."""
    chosen: list[int] = []
    used = 0
    remaining = sorted(candidates, key=lambda i: (-scores[i], i))
    while remaining and used < words:
        best, best_value = None, -np.inf
        for i in remaining:
            if not fill and used + sentences[i].words > words:
                continue
            if any(facts.redundant(i, j) for j in (*already, *chosen)):
                continue
            redundancy = max((facts.similarity[i, j] for j in (*already, *chosen)), default=0.0)
            value = MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        used += sentences[best].words
        remaining.remove(best)
    return chosen


def _best_match_per_document(similarity: np.ndarray, doc_of: np.ndarray, documents: int) -> np.ndarray:
    """For each sentence and each document, the index of that document's closest sentence."""
    best = np.full((len(doc_of), documents), -1, dtype=int)
    for d in range(documents):
        members = np.flatnonzero(doc_of == d)
        if members.size:
            best[:, d] = members[np.argmax(similarity[:, members], axis=1)]
    return best


def _salience(sentences, vectors, facts: FactMatcher, weights=DEFAULT_WEIGHTS) -> np.ndarray:
    n = len(sentences)
    support = np.array([facts.group_size(i) for i in range(n)], dtype=float)
    # relative to the best-supported sentence, so an off-topic extra document changes nothing
    support = support / support.max() if support.max() > 0 else support
    centrality = _centrality_to_other_documents(vectors, facts.doc_of, len(facts.doc_ids))
    position = np.array([max(0.0, 1 - s.index / POSITION_HORIZON) for s in sentences])
    w_support, w_centroid, w_position = weights
    return w_support * support + w_centroid * centrality + w_position * position


def _centrality_to_other_documents(vectors: np.ndarray, doc_of: np.ndarray, documents: int) -> np.ndarray:
    """Cosine of each sentence to the centroid of the *other* documents (each weighted equally):
    what the other sources talk about, so an off-topic document cannot rank itself first."""
    centroids = np.zeros((documents, vectors.shape[1]))
    for d in range(documents):
        members = vectors[doc_of == d]
        if len(members):
            centroids[d] = members.mean(axis=0)
    total = centroids.sum(axis=0)
    centrality = np.zeros(len(vectors))
    for d in range(documents):
        others = total - centroids[d] if documents > 1 else total
        norm = np.linalg.norm(others)
        if norm:
            rows = doc_of == d
            centrality[rows] = vectors[rows] @ (others / norm)
    return centrality


def _language_of(languages, doc_id: str) -> ModuleType:
    return languages[doc_id] if isinstance(languages, dict) else languages
