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
    published_origin: str | None = None  # "metadata" | "front-matter" | "option", when published is set
    # the outlet's display name ("Le Monde"), when the input names it; see readers.outlet_name
    outlet: str | None = None
    outlet_origin: str | None = None  # "metadata" | "jsonl" | "url" | "front-matter", when outlet is set


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
    outlet: str = ""  # display name of the source: the outlet, else the document id (the file stem)
    outlet_origin: str = "file-name"  # "metadata" | "jsonl" | "url" | "front-matter" | "file-name"


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
    similarity: float  # the summariser's same-fact similarity; for a claim's, its weakest link
    found_by: str = "summary"  # "summary" (the summariser's test) or "claim" (a sure claim of cross-checking)
    # "corroborated" (it states the same fact, surely enough to count as a source) or "related"
    # (a looser link, shown apart and not counted; ``summarize.CORROBORATED_SIMILARITY``)
    level: str = "corroborated"
    # whether the two sentences' main predicates agree (``frames.same_predication``): a link the
    # summariser's test made that they do not is shown "related"; None when not read (no parser)
    same_predicate: bool | None = None


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
        """Its own source and those that corroborate it (a "related" link does not count)."""
        return (self.source, *(s.source for s in self.corroborated_by if s.level == "corroborated"))


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
    actors: list["Actor"] = field(default_factory=list)
    quotes: list["Quote"] = field(default_factory=list)
    timeline: list["TimelineEvent"] = field(default_factory=list)
    published: dict[str, "PublicationDate"] = field(default_factory=dict)  # by document id


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
    found_by: str = "alignment"  # or "timeline": one event the sources date to different days
    anchor: str | None = None  # the word both disputed values hang on (dependency parse), when they hang on one
    gate: float | None = None  # the contradiction gate's score (a number or date dispute), null otherwise

    @property
    def level(self) -> str:
        """How it is shown (``crosscheck.CONTRADICTION_LEVELS``): "explained" when a sentence
        of the input explains it, else "check" (a possible discrepancy): no detector here is
        yet sure enough of one to show a "contradiction"."""
        return "explained" if self.explanation else "check"


@dataclass(frozen=True)
class Claim:
    """A unit of information with the sources that state it, are silent, or contradict it."""

    id: str
    text: str
    stated_by: tuple[Statement, ...]
    silent: tuple[str, ...]
    contradicted_by: tuple[Statement, ...] = ()
    weakest_link: float | None = None  # the lowest alignment of two of its units; None for one source
    sure: bool = False  # every link reaches ``align.SURE_LINK_PROBABILITY`` and ``one_fact`` is not False
    # whether every member states the fact of its centre by their main predicates
    # (``frames.same_predication``); None when not read (a claim below sure, or no parser)
    one_fact: bool | None = None

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
    sure: list[list[int]] = field(default_factory=list)  # of those, the sure ones (``Claim.sure``)
    disputed: list[list[int]] = field(default_factory=list)  # contradictions between them
    # the sources of the three matrices, in document order: every source, or past
    # ``crosscheck.MATRIX_SOURCES`` the ones stating the most claims of several sources
    matrix_sources: list[str] | None = None

    @property
    def agreement_sources(self) -> list[str]:
        return self.sources if self.matrix_sources is None else self.matrix_sources


# --- who said what, and when (issue 6) ----------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    """Where a source names something: the sentence verbatim and the span of the name in it."""

    source: str  # document id
    sentence_index: int
    sentence: str
    text: str  # the name as written ("M. Poutine")
    start: int  # offsets of ``text`` in ``sentence``
    end: int


@dataclass(frozen=True)
class Actor:
    """A person, organisation or place, its name variants merged across sources."""

    id: str  # "A1", "A2"... in order of importance
    name: str  # canonical name: the fullest variant used
    type: str  # "PER" | "ORG" | "LOC"
    variants: tuple[tuple[str, int], ...]  # (variant as written, count), most frequent first
    mentions: tuple[Mention, ...]
    roles: tuple[str, ...] = ()  # "conseiller en politique étrangère", from appositions

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.source for m in self.mentions))


@dataclass(frozen=True)
class Report:
    """One source reporting a quote: its sentence verbatim, the quoted words as this source has
    them, who it says spoke (as written) and the cue ("a déclaré", "selon")."""

    source: str
    sentence_index: int
    sentence: str
    text: str
    speaker: str | None  # the speaker as written or resolved ("il" -> "Poutine"), None if unknown
    cue: str | None
    kind: str = "direct"  # "direct" (between quote marks) | "indirect" ("a déclaré que ...")
    # how the speaker was found (``quotes.speaker_evidence``): "named" (a name in the sentence),
    # "description" (a phrase in the sentence, "un porte-parole de l'ambassade"), "role" (a
    # phrase resolved to a person named earlier), "pronoun" ("a-t-il dit"), "previous" (a quote
    # continuing the sentence before); None without a speaker
    how: str | None = None
    actor: str | None = None  # the actor id this source's speaker names (``quotes.merge_quotes``)


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker, merged across the sources that report them."""

    id: str  # "Q1"...
    text: str  # the longest reported form
    kind: str  # "direct" | "indirect"
    speaker: str | None  # actor id
    speaker_name: str | None  # that actor's canonical name
    reports: tuple[Report, ...]
    conflicting_speakers: tuple[str, ...] = ()  # other actor ids some sources give

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source for r in self.reports))

    @property
    def speaker_sources(self) -> tuple[str, ...]:
        """The sources whose own text gives the quote's speaker: a source reporting the words
        with no speaker, or with another one, does not vouch for it."""
        if self.speaker is None:
            return ()
        return tuple(dict.fromkeys(r.source for r in self.reports if r.actor == self.speaker))


@dataclass(frozen=True)
class PublicationDate:
    """A document's publication date and where it comes from."""

    date: str | None  # ISO "2024-06-19", None when unknown
    origin: str  # "metadata" | "option" | "front-matter" | "inferred" | "unknown"

    @property
    def inferred(self) -> bool:
        return self.origin == "inferred"


@dataclass(frozen=True)
class DatedMention:
    """A date expression in one source's sentence, as written and as resolved."""

    source: str
    sentence_index: int
    sentence: str
    expression: str  # "mardi soir", "en mars", "il y a deux ans"
    relative: bool  # resolved against the publication date
    published: str | None = None  # the date it was resolved against
    # how its date was decided: "written" (in full), "publication" (against the document's
    # publication date), "cluster-year" (a yearless day or month dated in the year the story's documents
    # agree on), None when it has no date
    resolved_by: str | None = None


@dataclass(frozen=True)
class TimelineEvent:
    """A date (or interval) with the sentences that date an event to it, across sources."""

    date: str  # ISO, as precise as known: "2024-06-18", "2024-03", "1961"
    precision: str  # "day" | "month" | "year" | "interval"
    text: str  # the event sentence of the first source
    mentions: tuple[DatedMention, ...]
    end: str | None = None  # for intervals ("18 et 19 juin")
    time: str | None = None  # "02:45"
    conflicts: tuple[str, ...] = ()  # one line per disagreement between sources

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.source for m in self.mentions))
