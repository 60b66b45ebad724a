"""Plain dataclasses passed between the stages. Provenance is part of every type: a sentence
knows its document, its position and its character span from splitting to output."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class InputProblem:
    """Something wrong with one input, reported on one line; ``skipped`` if nothing was read."""

    origin: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class RawDocument:
    """One article as read from disk, before any cleaning."""

    id: str
    text: str
    origin: str
    title: str | None = None  # from metadata (HTML, JSONL), when the input has one
    language: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph of a raw document, with its span in the raw text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Removal:
    """Text taken out of a document as noise, with the reason and its offset in the raw text."""

    text: str
    reason: str
    start: int


@dataclass(frozen=True)
class Repair:
    """An extraction artefact mended in place; ``original`` is the span as it was."""

    original: str
    repaired: str
    kind: str
    start: int


@dataclass(frozen=True)
class CleanDocument:
    """An article after noise removal and repair. ``text`` is the body, paragraphs separated
    by a blank line; the title is kept apart."""

    id: str
    origin: str
    title: str
    title_source: str  # "metadata", "first-line", "line N", "lede" (no title line found)
    text: str
    removed: tuple[Removal, ...] = ()
    repairs: tuple[Repair, ...] = ()
    headings: tuple[str, ...] = ()
    language: str = "fr"


@dataclass(frozen=True)
class Sentence:
    """A sentence of a cleaned document: ``text == document.text[start:end]``."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Support:
    """Another document's sentence that states the same thing as a summary sentence."""

    source: str
    sentence: str
    index: int
    similarity: float


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence: a source sentence quoted verbatim, with every other source that
    states it."""

    text: str
    source: str
    index: int
    score: float
    corroborated_by: tuple[Support, ...] = ()
    relaxed: bool = False  # picked by the fallback step: not a self-contained sentence
    contradicted_by: tuple["Contradiction", ...] = ()  # set by cross-checking

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source, *(s.source for s in self.corroborated_by))


@dataclass
class Briefing:
    """What ``recoupe brief`` returns: cleaned documents, their summary and input problems."""

    language: str
    words: int
    documents: list[CleanDocument] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    crosscheck: "CrossCheck | None" = None


@dataclass(frozen=True)
class Statement:
    """What one source says: its sentence verbatim and the clause of it that carries a claim."""

    source: str
    sentence: str
    sentence_index: int
    clause: str
    probability: float = 1.0  # alignment with the claim's central statement


@dataclass(frozen=True)
class Contradiction:
    """Two aligned statements of different sources that differ on a value of one type."""

    kind: str  # "date" | "number" | "name" | "place"
    a: Statement
    b: Statement
    a_value: str
    b_value: str
    probability: float  # how surely the two statements are about the same thing
    claim: str | None = None
    explanation: str | None = None  # e.g. two time zones, with the sentence that says so
    explained_by: Statement | None = None


@dataclass(frozen=True)
class Claim:
    """A unit of information with the sources that state it, are silent, or contradict it."""

    id: str
    text: str
    stated_by: tuple[Statement, ...]
    silent: tuple[str, ...]
    contradicted_by: tuple[Statement, ...] = ()

    @property
    def sources(self) -> int:
        return len(self.stated_by)


@dataclass
class CrossCheck:
    """Claims, contradictions and the source x source agreement of one input."""

    sources: list[str]
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    shared: list[list[int]] = field(default_factory=list)  # claims both sources state
    disputed: list[list[int]] = field(default_factory=list)  # contradictions between them
