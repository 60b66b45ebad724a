"""Baseline summarisers for ``recoupe eval``, fed with recoupe's cleaned sentences.

- lead: the first sentences of each document, round-robin;
- lexrank, textrank: sumy's implementations (Erkan & Radev 2004; Mihalcea & Tarau 2004), given
  recoupe's sentences and word tokens (sumy's own French tokenizer needs NLTK data that cannot
  be downloaded here), Snowball stems and spaCy's stop words;
- oracle: greedy selection maximising ROUGE-2 F1 against the references (the ceiling).

Each returns sentence indices in the order a reader would get them, filling the budget: the
last sentence may cross it (every system is cut to the first N words before scoring).
"""

from __future__ import annotations

from .lang import stop_words
from .rouge import SNOWBALL_LANGUAGES, SnowballTokenizer, bigram_f1, bigrams, first_words, tokenize
from .types import Sentence


def fill_budget(ranked: list[int], sentences: list[Sentence], words: int) -> list[int]:
    chosen, used = [], 0
    for index in ranked:
        if used >= words:
            break
        chosen.append(index)
        used += sentences[index].words
    return chosen


def lead(sentences: list[Sentence], words: int) -> list[int]:
    by_document: dict[str, list[int]] = {}
    for index, sentence in enumerate(sentences):
        by_document.setdefault(sentence.doc_id, []).append(index)
    ranked = []
    depth = max((len(v) for v in by_document.values()), default=0)
    for position in range(depth):
        ranked.extend(v[position] for v in by_document.values() if position < len(v))
    return fill_budget(ranked, sentences, words)


class _Tokenizer:
    """sumy's tokenizer interface over recoupe's word tokens."""

    def to_words(self, text: str) -> list[str]:
        return tokenize(text)

    def to_sentences(self, text: str) -> list[str]:  # pragma: no cover - sentences come split
        return [text]


def _sumy_ranking(summarizer_class, sentences: list[Sentence], language: str) -> list[int]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer

    if not sentences:
        return []
    tokenizer = _Tokenizer()
    sumy_sentences = [SumySentence(s.text, tokenizer) for s in sentences]
    document = ObjectDocumentModel([Paragraph(sumy_sentences)])
    summarizer = summarizer_class(Stemmer(SNOWBALL_LANGUAGES.get(language, "english")))
    summarizer.stop_words = stop_words(language)
    ranked: list = []

    def capture(infos):  # sumy hands the sentences sorted by rating to its count callable
        ranked.extend(infos)
        return infos

    summarizer(document, capture)
    position = {}
    for index, sentence in enumerate(sumy_sentences):
        position.setdefault(sentence, index)  # sumy keys ratings by text: duplicates share one
    return [position[info.sentence] for info in ranked]


def lexrank(sentences: list[Sentence], words: int, language: str = "fr") -> list[int]:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    return fill_budget(_sumy_ranking(LexRankSummarizer, sentences, language), sentences, words)


def textrank(sentences: list[Sentence], words: int, language: str = "fr") -> list[int]:
    from sumy.summarizers.text_rank import TextRankSummarizer

    return fill_budget(_sumy_ranking(TextRankSummarizer, sentences, language), sentences, words)


def oracle(sentences: list[Sentence], words: int, references: list[str], language: str = "fr") -> list[int]:
    """Greedy: add the sentence that most raises mean ROUGE-2 F1 of the first ``words`` words."""
    tokenizer = SnowballTokenizer(language)
    reference_bigrams = [bigrams(tokenizer.tokenize(r)) for r in references]
    chosen: list[int] = []
    best_score = 0.0
    while sum(sentences[i].words for i in chosen) < words:
        best, best_gain = None, best_score
        prefix = " ".join(sentences[i].text for i in chosen)
        for index, sentence in enumerate(sentences):
            if index in chosen:
                continue
            text = first_words(f"{prefix} {sentence.text}", words)
            candidate = bigrams(tokenizer.tokenize(text))
            score = sum(bigram_f1(candidate, ref) for ref in reference_bigrams) / len(reference_bigrams)
            if score > best_gain:
                best, best_gain = index, score
        if best is None:
            break
        chosen.append(best)
        best_score = best_gain
    return chosen

