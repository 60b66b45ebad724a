"""Fact frames: the main predicate of a clause, to tell the same fact from shared words.

Two sentences can share most of their words and state different facts: "le temple, classé par
l'Unesco, a été bombardé" and "le temple a été classé par l'Unesco en 2008" share the temple and
Unesco; only the second *states* the listing. What a clause states is its main predication: the
root of its dependency parse ("bombarder"), or, under a speech verb, the clause it reports ("X a
affirmé qu'elle allait rencontrer le pape": "rencontrer"). A link between two clauses is a
corroboration only when each one's main predicate is among the other's words: the other says
that same thing happened, in its own sentence. A question states no fact ("Quel est son but ?").

The parser runs only on the clauses a link is about (``features.parse_heads``: running it over
every sentence doubles the cost of the spaCy pass). On the pairs judged blind
(``tests/data/links``, ``benchmarks/bench_links.py``), this test is what keeps a summary
corroboration and a sure claim's member to one fact; its dev and test figures are in
docs/crosscheck.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from .features import Head

# Relations under a speech verb that hold the reported fact ("a affirmé qu'elle viendrait").
REPORTED_CLAUSE_RELATIONS = ("ccomp", "xcomp")
# Two different main predicates still make one fact when their word vectors are this near
# ("annoncer" / "déclarer" 0.63, "tuer" / "abattre" 0.80). Set on the dev split of the pairs judged blind
# (``benchmarks/bench_links.py``): at 0.6 the members of sure claims state one fact 9 times in
# 10 (0.4 and 0.5: 9 in 11), the summary corroborations 3 in 3; lemmas alone: 8 in 9, 3 in 3.
PREDICATE_SIMILARITY = 0.6


@dataclass(frozen=True)
class Frame:
    """A clause's main predicates (the root's lemma, and the reported clause's under a speech
    verb), all its lemmas, and whether it asks rather than states."""

    predicates: frozenset[str]
    lemmas: frozenset[str]
    question: bool = False


def frame_of(text: str, heads: tuple[Head, ...], lang: ModuleType) -> Frame:
    """The frame of one parsed clause."""
    lemmas = frozenset(h.lemma for h in heads)
    roots = [n for n, h in enumerate(heads) if h.head == n]
    predicates = {heads[n].lemma for n in roots}
    for n in roots:
        if heads[n].lemma in lang.SPEECH_VERBS:
            predicates |= {h.lemma for m, h in enumerate(heads)
                           if h.head == n and m != n and h.dep in REPORTED_CLAUSE_RELATIONS}
    return Frame(frozenset(predicates), lemmas, text.rstrip().endswith("?"))


def same_predication(a: Frame, b: Frame, similarity: Callable[[str, str], float] | None = None) -> bool:
    """Whether two clauses state one fact as far as their predicates tell: neither is a
    question, and a main predicate of each is among the other's words, or two of their main
    predicates are near in meaning (``similarity`` from ``PREDICATE_SIMILARITY`` on: "tuer" /
    "abattre" 0.80, "mourir" / "décéder" 1.0; not "effectuer une visite" / "se rendre", 0.29)."""
    if a.question or b.question:
        return False
    if a.predicates & b.lemmas and b.predicates & a.lemmas:
        return True
    return similarity is not None and any(similarity(x, y) >= PREDICATE_SIMILARITY
                                          for x in a.predicates for y in b.predicates)


class FrameReader:
    """Frames of clauses, each text parsed once however many links it is in."""

    def __init__(self, parse: Callable[[list[str]], list[tuple[Head, ...]] | None], lang: ModuleType,
                 similarity: Callable[[str, str], float] | None = None) -> None:
        self.parse, self.lang, self.similarity = parse, lang, similarity
        self._frames: dict[str, Frame | None] = {}

    def read(self, texts: list[str]) -> None:
        """Parse, in one batch, the texts not read yet."""
        new = list(dict.fromkeys(t for t in texts if t not in self._frames))
        if not new:
            return
        parsed = self.parse(new)
        for n, text in enumerate(new):
            self._frames[text] = frame_of(text, parsed[n], self.lang) if parsed is not None else None

    def same_fact(self, a: str, b: str) -> bool:
        """``same_predication`` of two texts; True without a parser (a language without a model
        keeps the alignment's judgement)."""
        self.read([a, b])
        first, second = self._frames[a], self._frames[b]
        return first is None or second is None or same_predication(first, second, self.similarity)
