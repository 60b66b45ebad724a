"""Repair extraction artefacts inside kept paragraphs, listing each repair with its original span.

Repairs only touch whitespace and punctuation placement, never words, so every repaired sentence
is still the source's sentence:

1. glued words at a name boundary ("Sergueï Lavrovles ministres" -> "Lavrov les");
2. glued words at a sentence boundary ("cette annéeLe voyage" -> a line break between them, which
   the splitter reads as a boundary: no period is invented);
3. a missing space after closing punctuation ("presse.”Les" -> "presse.” Les");
4. doubled punctuation ("Reuters. ." -> "Reuters.");
5. reversed guillemets ("coopération« ." -> "coopération »."; "» mot" opening a quote -> "« mot").

Glue is detected with a real signal, not a list of cases: the glued token is unknown (zero
frequency in ``wordfreq`` and not in the spaCy vocabulary, never seen alone in the corpus) while
both halves are known words or names.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from wordfreq import zipf_frequency

from .types import Repair

# A half is a "known word" above this Zipf frequency (wordfreq; 1.0 = once per billion words).
# Set on the seeds' glue cases; re-run tests/test_repair.py after a change.
KNOWN_WORD_ZIPF = 1.0
# A function word glued at a sentence start ("Le", "Les", "Il") is this frequent in lower case.
SENTENCE_START_ZIPF = 5.0
# Minimum length of the name half before a glued function word ("Lavrov" + "les").
MIN_NAME_PREFIX = 4

LETTERS_LOWER = "a-zà-öø-ÿœ"
LETTERS_UPPER = "A-ZÀ-ÖØ-ÞŒ"
LOWER_UPPER_GLUE = re.compile(rf"\b([{LETTERS_UPPER}{LETTERS_LOWER}'’-]*[{LETTERS_LOWER}]{{2}})([{LETTERS_UPPER}][{LETTERS_LOWER}]+)\b")
TOKEN = re.compile(rf"[{LETTERS_UPPER}{LETTERS_LOWER}][{LETTERS_UPPER}{LETTERS_LOWER}'’-]*")
MISSING_SPACE = re.compile(rf"([{LETTERS_LOWER}]{{2}}[.!?…][”»\"]?)([{LETTERS_UPPER}][{LETTERS_LOWER}])")
DOUBLED_PERIOD = re.compile(r"(?<=[^\s.])([.!?])((?:[ \u00a0]+\.)+)(?!\.)")
DOUBLED_COMMA = re.compile(r",(?:[ \u00a0]*,)+")
REVERSED_CLOSING = re.compile(r"([\w.!?…])«([ \u00a0]*)([.,;:!?)]|$)")
REVERSED_OPENING = re.compile(r"(^|[\s(])»([ \u00a0]*)(?=\w)")


@dataclass
class Lexicon:
    """Which tokens are known words: wordfreq frequencies, the spaCy vocabulary and the corpus."""

    language: str = "fr"
    vocab: object | None = None  # spaCy Vocab, optional
    corpus_counts: Counter = field(default_factory=Counter)

    def zipf(self, word: str) -> float:
        return _zipf(word.lower(), self.language)

    def is_known(self, word: str) -> bool:
        if self.corpus_counts.get(word, 0) > 0:
            return True
        if self.zipf(word) >= KNOWN_WORD_ZIPF or _zipf(word.lower(), "en") >= KNOWN_WORD_ZIPF:
            return True
        return bool(self.vocab is not None and self.vocab.has_vector(word))

    def is_unknown_token(self, token: str) -> bool:
        """The whole (possibly glued) token is nowhere: not in wordfreq, vocab or seen twice."""
        if self.corpus_counts.get(token, 0) > 1:
            return False
        if self.zipf(token) > 0 or _zipf(token.lower(), "en") > 0:
            return False
        return not (self.vocab is not None and self.vocab.has_vector(token))

    @classmethod
    def from_texts(cls, texts: list[str], language: str, vocab=None) -> "Lexicon":
        counts: Counter = Counter()
        for text in texts:
            counts.update(TOKEN.findall(text))
        return cls(language=language, vocab=vocab, corpus_counts=counts)


@lru_cache(maxsize=200_000)
def _zipf(word: str, language: str) -> float:
    return zipf_frequency(word, language)


def repair_text(text: str, lexicon: Lexicon, lang: ModuleType, offset: int = 0) -> tuple[str, list[Repair]]:
    """Return the repaired text and its repairs (``start`` is ``offset`` + position in ``text``)."""
    edits: list[tuple[int, int, str, str]] = []  # start, end, replacement, kind
    edits += _glue_edits(text, lexicon, lang)
    edits += _punctuation_edits(text)
    edits.sort()
    repaired, repairs, cursor, parts = text, [], 0, []
    for start, end, replacement, kind in edits:
        if start < cursor:
            continue  # overlapping edits: keep the first
        parts.append(text[cursor:start])
        parts.append(replacement)
        repairs.append(Repair(original=text[start:end], repaired=replacement, kind=kind, start=offset + start))
        cursor = end
    parts.append(text[cursor:])
    repaired = "".join(parts)
    return repaired, repairs


def _glue_edits(text: str, lexicon: Lexicon, lang: ModuleType) -> list[tuple[int, int, str, str]]:
    edits = []
    for match in LOWER_UPPER_GLUE.finditer(text):
        token = match.group(0)
        head, tail = match.group(1), match.group(2)
        if not lexicon.is_unknown_token(token):
            continue
        if not (lexicon.is_known(head.split("-")[-1]) and lexicon.is_known(tail)):
            continue
        if lexicon.zipf(tail) >= SENTENCE_START_ZIPF:
            edits.append((match.start(), match.end(), f"{head}\n{tail}", "glue-sentence"))
        else:
            edits.append((match.start(), match.end(), f"{head} {tail}", "glue-name"))
    for match in TOKEN.finditer(text):
        token = match.group(0)
        if not token[0].isupper() or not lexicon.is_unknown_token(token):
            continue
        for suffix in lang.GLUE_SUFFIX_WORDS:
            head = token[: -len(suffix)]
            if not token.endswith(suffix) or len(head) < MIN_NAME_PREFIX or not head[-1].isalpha():
                continue
            next_word = TOKEN.match(text, _skip_spaces(text, match.end()))
            continues_lowercase = bool(next_word and next_word.group(0)[0].islower())
            if lexicon.is_known(head) or (continues_lowercase and suffix in ("le", "la", "les")):
                edits.append((match.start(), match.end(), f"{head} {suffix}", "glue-name"))
                break
    return edits


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \u00a0":
        position += 1
    return position


def _punctuation_edits(text: str) -> list[tuple[int, int, str, str]]:
    edits = []
    for match in MISSING_SPACE.finditer(text):
        edits.append((match.start(), match.end(), f"{match.group(1)} {match.group(2)}", "missing-space"))
    for match in DOUBLED_PERIOD.finditer(text):
        edits.append((match.start(), match.end(), match.group(1), "doubled-punctuation"))
    for match in DOUBLED_COMMA.finditer(text):
        edits.append((match.start(), match.end(), ",", "doubled-punctuation"))
    open_quotes = _unclosed_guillemet_positions(text)
    for match in REVERSED_CLOSING.finditer(text):
        if open_quotes and open_quotes[0] <= match.start():  # positions in text order
            edits.append((match.start(), match.end(), f"{match.group(1)} »{match.group(3)}", "reversed-quote"))
    inside_open_quote = _open_quote_test(text)
    for match in REVERSED_OPENING.finditer(text):
        if not inside_open_quote(match.start()):
            edits.append((match.start(), match.end(), f"{match.group(1)}« ", "reversed-quote"))
    return edits


def _unclosed_guillemet_positions(text: str) -> list[int]:
    """Positions of « that open a quote no » closes later in the text."""
    stack: list[int] = []
    for position, char in enumerate(text):
        if char == "«":
            stack.append(position)
        elif char == "»" and stack:
            stack.pop()
    return stack


def _open_quote_test(text: str) -> Callable[[int], bool]:
    """Whether a position of ``text`` is inside a « » quote opened before it: the guillemets'
    depths read in one pass, then a binary search per question (a scan of the text before each
    position took 11 s on a 48,000-word page of « and » without punctuation)."""
    marks: list[int] = []
    depths: list[int] = []
    depth = 0
    for position, char in enumerate(text):
        if char == "«":
            depth += 1
        elif char == "»" and depth:
            depth -= 1
        else:
            continue
        marks.append(position)
        depths.append(depth)

    def inside(position: int) -> bool:
        before = bisect.bisect_left(marks, position)  # the guillemets before ``position``
        return before > 0 and depths[before - 1] > 0

    return inside
