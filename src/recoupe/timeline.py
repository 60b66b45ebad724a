"""What happened when, across sources: each document's publication date, every dated
expression resolved against it (``dates.find_dates``), and one timeline entry per dated event.

1. Publication dates: the one given (metadata, ``--published``, front-matter) when known; else
   inferred from the document's own written days (see ``infer_publication_date``); else unknown,
   and then the document's relative dates ("mardi", "hier") are left out, never guessed.
2. Dated mentions: every date expression of every sentence, resolved; counted periods ("depuis
   24 ans") are kept for the record but make no event (their sentence tells of today).
3. Events: mentions of the same date (and interval) are grouped, and within a date a sentence
   joins an event when its content words are close to one of the event's sentences (TF-IDF
   cosine, story-wide words such as the protagonists' names weigh little); distinct events of
   one day stay apart. Two events of different sources a few days apart whose sentences are very
   close are the same event dated differently: both carry a one-line conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from types import ModuleType

import numpy as np
from unidecode import unidecode

from .dates import DateExpression, find_dates, weekday_year
from .lang import stop_words
from .tfidf import SublinearTfidf
from .types import DatedMention, PublicationDate, Sentence, TimelineEvent

# Two sentences dated to the same day tell the same event from this TF-IDF cosine on (content
# words cut to STEM letters; set by reading the seeds' timeline: the arrival sentences of
# different sources score 0.2-0.4, the White House's Monday statement vs the arrival < 0.1).
SAME_EVENT_SIMILARITY = 0.2
# Two events of different sources and dates are one event dated differently from this cosine on,
# within CONFLICT_WINDOW days; the cosine leaves the story's own words out (STORY_WORD_SHARE), so
# only what is specific to the event counts (seeds: the airport welcome "mardi soir" vs "aux
# premières heures de mercredi" scores 0.22, every other pair of different days < 0.13).
CONFLICT_SIMILARITY = 0.2
CONFLICT_WINDOW = 3
# Words found in at least this share of the sources (3 or more) are the story's own ("Poutine",
# "Corée"): left out, they would make every sentence of the story alike.
STORY_WORD_SHARE = 0.8
# Content words are compared on their first letters so that "arrivé"/"arrivée"/"arrivés" agree.
STEM = 6
# A written day more than this many years before the story's latest year is history ("retenue
# depuis le 23 février 2002"), not a candidate publication date.
MAX_REFERENCE_YEARS_BACK = 1


@dataclass(frozen=True)
class ResolvedMention:
    """One date expression of one source's sentence with what it resolves to. ``date`` is None
    when it cannot be known; ``problem`` then says why."""

    mention: DatedMention
    date: str | None
    precision: str  # "day" | "month" | "year" | "interval"
    end: str | None = None
    time: str | None = None
    kind: str = "point"  # "point" | "elapsed"
    announced: bool = False  # after the publication date (an event still to come)
    problem: str | None = None


# --- 1. publication dates ----------------------------------------------------------------------------

# Characters before a written day searched for a publication cue ("mise à jour le ").
PUBLICATION_CUE_WINDOW = 30

def publication_dates(sentences: list[Sentence], given: dict[str, PublicationDate],
                      lang: ModuleType) -> dict[str, PublicationDate]:
    """Document id -> its publication date: given, else inferred (origin "inferred"), else
    ``PublicationDate(None, "unknown")``."""
    by_doc: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_doc.setdefault(sentence.doc_id, []).append(sentence)
    known = {doc: p for doc, p in given.items() if p.date}
    story_years = [int(p.date[:4]) for p in known.values()]
    written = {doc: _written_years(ss, lang) for doc, ss in by_doc.items()}
    story_years += [y for years in written.values() for y in years]
    result: dict[str, PublicationDate] = {}
    for doc in list(dict.fromkeys([*by_doc, *given])):
        if doc in known:
            result[doc] = known[doc]
            continue
        inferred = infer_publication_date(by_doc.get(doc, []), lang, story_years, written_years=written.get(doc, []))
        result[doc] = PublicationDate(inferred.isoformat(), "inferred") if inferred else PublicationDate(None, "unknown")
    return result


def infer_publication_date(sentences: list[Sentence], lang: ModuleType, story_years: list[int] = (),
                           written_years: list[int] | None = None) -> dt.date | None:
    """The day the article says it is written or published, from evidence about the article
    itself: a day written in full right after a publication cue ("Publié le 2 juillet 2008",
    "aujourd'hui mercredi 2 juillet", "ce mercredi 2 juillet": ``lang.PUBLICATION_DAY_CUE``).
    Never the day of an event it reports: an earlier rule took the latest written day and dated
    documents by an e-mail of the year before, putting every "mardi" of them in the wrong week or
    year (blind gold, issue 18: 0 of 5 inferred dates right). Only days whose year is certain
    count: written ("2 juillet 2008"), or fixed by their weekday ("mercredi 2 juillet": the one
    year near the story's latest year whose calendar matches). None when nothing qualifies:
    unknown is better than wrong. ``written_years``: the document's own (``_written_years``), when
    the caller has read them already."""
    own = _written_years(sentences, lang) if written_years is None else written_years
    years = sorted([*own, *story_years])
    if not years:
        return None
    reference = years[-1]
    base = dt.date(reference, 12, 31)  # a yearless day is resolved into the reference year
    cue = re.compile(lang.PUBLICATION_DAY_CUE, re.I)
    days: list[dt.date] = []
    for sentence in sentences:
        for expression in find_dates(sentence.text, lang, base):
            if expression.forward or not _written_day(expression, lang) or expression.precision == "interval":
                continue
            if not cue.search(sentence.text[max(0, expression.start - PUBLICATION_CUE_WINDOW):expression.start]):
                continue
            day = dt.date.fromisoformat(expression.date) if expression.date else None
            if day and expression.relative:  # no year written: only a weekday can fix it
                day = _year_from_weekday(expression.text, day, reference, lang)
            if day and day.year >= reference - MAX_REFERENCE_YEARS_BACK:
                days.append(day)
    return max(days) if days else None


def _year_from_weekday(text: str, day: dt.date, reference: int, lang: ModuleType) -> dt.date | None:
    """The day in the year near ``reference`` whose calendar matches the one weekday written
    with it ("mercredi 2 juillet" -> 2008-07-02: ``dates.weekday_year``), else None."""
    weekday = _written_weekday(text, lang)
    if weekday is None:
        return None
    year = weekday_year(day.month, day.day, weekday, reference)
    return day.replace(year=year) if year else None


def _written_weekday(text: str, lang: ModuleType) -> int | None:
    """The one weekday an expression writes ("mercredi 2 juillet" -> 2), None for none or two."""
    written = [k for k, name in enumerate(lang.WEEKDAYS) if re.search(rf"\b{name}\b", text, re.I)]
    return written[0] if len(written) == 1 else None


def _written_day(expression: DateExpression, lang: ModuleType) -> bool:
    """A day with its number and month written ("2 juillet", "18 et 19 juin"), not "mardi",
    "hier" nor "mercredi vers 2h45"."""
    months = "|".join(lang.MONTHS)
    return expression.precision in ("day", "interval") and bool(
        re.search(rf"\b(?:1er|\d{{1,2}})\s+(?:{months})\b", expression.text, re.I))


def _written_month(expression: DateExpression, text: str, lang: ModuleType) -> bool:
    """A month named without its year ("en septembre", "fin janvier") in sentence ``text``, not
    "en mars dernier", which counts back from a publication date the document does not give."""
    months = "|".join(lang.MONTHS)
    qualifiers = "|".join(lang.PAST_QUALIFIERS + lang.FUTURE_QUALIFIERS)
    around = text[expression.start: expression.end] + " " + " ".join(text[expression.end:].split()[:1])
    return expression.precision == "month" and bool(re.search(rf"\b(?:{months})\b", expression.text, re.I)) \
        and not re.search(rf"\b(?:{qualifiers})\b", around, re.I)


def _written_years(sentences: list[Sentence], lang: ModuleType) -> list[int]:
    """Years the document writes with a day or a month ("18 juin 2024", "septembre 2023")."""
    years = []
    for sentence in sentences:
        for expression in find_dates(sentence.text, lang, None):
            if expression.date and not expression.relative and expression.precision in ("day", "month", "interval"):
                years.append(int(expression.date[:4]))
    return sorted(years)


# --- 2. dated mentions -------------------------------------------------------------------------------

def dated_mentions(sentences: list[Sentence], published: dict[str, PublicationDate],
                   lang: ModuleType, cluster_year: int | None = None) -> list[ResolvedMention]:
    """Every date expression of every sentence, resolved against its document's publication date.

    In a document without one, a yearless written day ("le 5 août") or month ("en septembre") is
    dated in ``cluster_year``,
    the year the story's documents agree on (``story_year``), when there is one; weekdays and
    "hier" stay unresolved: they need the day of writing, not only its year."""
    found = []
    for sentence in sentences:
        publication = published.get(sentence.doc_id)
        day = dt.date.fromisoformat(publication.date) if publication and publication.date else None
        expressions = find_dates(sentence.text, lang, day)
        if _names_another_time_zone(sentence.text, lang):
            expressions = _first_day_only(expressions)
        in_year = ({(e.start, e.end): e for e in find_dates(sentence.text, lang, dt.date(cluster_year, 12, 31))}
                   if day is None and cluster_year else {})
        for expression in expressions:
            resolved_by = None if expression.date is None else "publication" if expression.relative else "written"
            if expression.date is None and expression.relative and (_written_day(expression, lang)
                                                                    or _written_month(expression, sentence.text, lang)):
                dated = in_year.get((expression.start, expression.end))
                if dated is not None and dated.date and dated.date.startswith(str(cluster_year)):
                    expression, resolved_by = dated, "cluster-year"
            mention = DatedMention(sentence.doc_id, sentence.index, sentence.text, expression.text,
                                   expression.relative, day.isoformat() if day and expression.relative else None,
                                   resolved_by)
            problem = None
            if expression.date is None:
                problem = ("relative date, publication date unknown" if expression.relative and day is None
                           else "cannot be resolved")
            announced = bool(day and expression.date and expression.date[:10] > day.isoformat()
                             and len(expression.date) == 10)
            found.append(ResolvedMention(mention, expression.date, expression.precision, expression.end_date,
                                         expression.time, expression.kind, announced, problem))
    return found


def story_year(sentences: list[Sentence], published: dict[str, PublicationDate], lang: ModuleType) -> int | None:
    """The year the story's documents agree on: that of their known publication dates when they
    share one, else that of the days they write in full ("22 août 2008") when one year is both
    the latest and the most written (a story that recalls 2005 and plans 2009 still happens in
    2008: months and bare years are not counted). None when they disagree or write none."""
    known = {p.date[:4] for p in published.values() if p.date}
    if known:
        return int(known.pop()) if len(known) == 1 else None
    years = []
    for sentence in sentences:
        for expression in find_dates(sentence.text, lang, None):
            if expression.date and not expression.relative and expression.precision == "day":
                years.append(int(expression.date[:4]))
    if not years:
        return None
    latest = max(years)
    if years.count(latest) < max(years.count(y) for y in set(years)):
        return None
    return None if _weekdays_contradict(sentences, latest, lang) else latest


def _weekdays_contradict(sentences: list[Sentence], year: int, lang: ModuleType) -> bool:
    """Whether a yearless day written with its weekday ("jeudi 20 mars") falls on another weekday
    in ``year``: then the story is not of that year (rpm2-fr T09: "22 avril 2005", the date of a
    law, is the only day written in full; "jeudi 20 mars" is 2008)."""
    base = dt.date(year, 12, 31)
    for sentence in sentences:
        for expression in find_dates(sentence.text, lang, base):
            if not (expression.relative and expression.date and expression.precision == "day"
                    and _written_day(expression, lang)):
                continue
            weekday = _written_weekday(expression.text, lang)
            if weekday is not None and dt.date.fromisoformat(expression.date).weekday() != weekday:
                return True
    return False


def _names_another_time_zone(text: str, lang: ModuleType) -> bool:
    return any(re.search(cue, text, re.I) for cue in getattr(lang, "TIME_ZONE_CUES", ()))


def _first_day_only(expressions: list[DateExpression]) -> list[DateExpression]:
    """"mercredi vers 2h45 (19h45 mardi en Espagne)": one moment in two time zones, the local one first."""
    kept, seen_day = [], False
    for expression in expressions:
        if expression.precision == "day":
            if seen_day:
                continue
            seen_day = True
        kept.append(expression)
    return kept


# --- 3. events ------------------------------------------------------------------------------------------

def build_timeline(sentences: list[Sentence], published: dict[str, PublicationDate],
                   lang: ModuleType) -> list[TimelineEvent]:
    """Dated events in chronological order, one per (date, event), with all their mentions."""
    return timeline_and_conflicts(sentences, published, lang)[0]


@dataclass(frozen=True)
class DateConflict:
    """One event that two sources date to different days (what cross-checking reports as a date
    contradiction)."""

    first: ResolvedMention
    second: ResolvedMention
    similarity: float


def timeline_and_conflicts(sentences: list[Sentence], published: dict[str, PublicationDate],
                           lang: ModuleType) -> tuple[list[TimelineEvent], list[DateConflict]]:
    """The timeline, and the events sources date differently (also written into the events)."""
    year = story_year(sentences, published, lang)
    mentions = [m for m in dated_mentions(sentences, published, lang, year) if m.date and m.kind == "point"]
    if not mentions:
        return [], []
    vectors, distinctive = _sentence_vectors(sentences, mentions, lang)
    groups: dict[tuple, list[list[ResolvedMention]]] = {}
    for mention in mentions:
        events = groups.setdefault((mention.date, mention.end, mention.precision), [])
        home = next((e for e in events if any(_same_event(mention, other, vectors) for other in e)), None)
        if home is None:
            events.append([mention])
        else:
            home.append(mention)
    events = [e for group in groups.values() for e in group]
    conflicts = _conflicts(events, distinctive)
    lines: dict[int, list[str]] = {}
    for event_id, conflict in conflicts:
        lines.setdefault(event_id, []).append(_conflict_line(conflict))
    timeline = [_event(e, lines.get(id(e), [])) for e in events]
    unique = list({(c.first.mention, c.second.mention): c for _, c in conflicts}.values())
    return sorted(timeline, key=lambda e: (e.date, e.end or "", e.time or "", e.text)), unique


def _event(mentions: list[ResolvedMention], conflicts: list[str]) -> TimelineEvent:
    first = mentions[0]
    time = next((m.time for m in mentions if m.time), None)
    unique = tuple(dict.fromkeys(m.mention for m in mentions))
    return TimelineEvent(first.date, first.precision, first.mention.sentence, unique, first.end, time,
                         tuple(dict.fromkeys(conflicts)))


def _same_event(a: ResolvedMention, b: ResolvedMention, vectors: dict) -> bool:
    if (a.mention.source, a.mention.sentence_index) == (b.mention.source, b.mention.sentence_index):
        return True
    return _similarity(a, b, vectors) >= SAME_EVENT_SIMILARITY


def _similarity(a: ResolvedMention, b: ResolvedMention, vectors: dict) -> float:
    x, y = vectors[(a.mention.source, a.mention.sentence_index)], vectors[(b.mention.source, b.mention.sentence_index)]
    return float(x @ y)


def _conflicts(events: list[list[ResolvedMention]], vectors: dict) -> list[tuple[int, DateConflict]]:
    """Events of different sources, dated to different days a few days apart, whose sentences
    say the same: (id of the event, the conflict), once for each of the two events."""
    found: list[tuple[int, DateConflict]] = []
    days = [e for e in events if e[0].precision == "day"]
    for i, a in enumerate(days):
        for b in days[i + 1:]:
            gap = abs((dt.date.fromisoformat(a[0].date) - dt.date.fromisoformat(b[0].date)).days)
            if gap == 0 or gap > CONFLICT_WINDOW:
                continue
            pairs = [(x, y) for x in a for y in b if x.mention.source != y.mention.source
                     and _similarity(x, y, vectors) >= CONFLICT_SIMILARITY]
            if not pairs:
                continue
            x, y = max(pairs, key=lambda p: _similarity(*p, vectors))
            conflict = DateConflict(x, y, round(_similarity(x, y, vectors), 4))
            found += [(id(a), conflict), (id(b), conflict)]
    return found


def _conflict_line(conflict: DateConflict) -> str:
    x, y = conflict.first, conflict.second
    return (f"{x.mention.source} dates it {_when(x)} (\u00ab {x.mention.expression} \u00bb), "
            f"{y.mention.source} {_when(y)} (\u00ab {y.mention.expression} \u00bb)")


def _when(mention: ResolvedMention) -> str:
    return f"{mention.date} {mention.time}" if mention.time else mention.date


def _sentence_vectors(sentences: list[Sentence], mentions: list[ResolvedMention], lang: ModuleType) -> tuple[dict, dict]:
    """Unit TF-IDF vectors of the dated sentences' content words, IDF over the whole input, the
    date expressions taken out (a shared date is what groups them, not what makes them alike):
    once with every word, once without the story's own words (``STORY_WORD_SHARE``)."""
    dates = {}
    for m in mentions:
        dates.setdefault((m.mention.source, m.mention.sentence_index), []).append(m.mention.expression)
    keys = [(s.doc_id, s.index) for s in sentences]
    stop = stop_words(lang.CODE)
    texts = []
    for sentence in sentences:
        text = sentence.text
        for expression in dates.get((sentence.doc_id, sentence.index), []):
            text = text.replace(expression, " ")
        texts.append(" ".join(_content_words(text, lang, stop)))
    sources = {s.doc_id for s in sentences}
    words_of = {}
    for sentence, text in zip(sentences, texts):
        words_of.setdefault(sentence.doc_id, set()).update(text.split())
    story = {w for w in set().union(*words_of.values())
             if len(sources) >= 3 and sum(w in ws for ws in words_of.values()) >= STORY_WORD_SHARE * len(sources)}

    def vectors(dropped: set[str]) -> dict:
        # lower-cased, split on spaces, ``dropped`` left out: what TfidfVectorizer(token_pattern=r"\S+",
        # stop_words=dropped) read
        tokens = [[w for w in re.findall(r"\S+", text.lower()) if w not in dropped] for text in texts]
        try:
            matrix = SublinearTfidf().fit_transform(tokens)
        except ValueError:  # no content word at all
            return {key: np.zeros(1) for key in keys}
        return {key: matrix[row].toarray()[0] for row, key in enumerate(keys) if key in dates}

    return vectors(set()), vectors(story)


def _content_words(text: str, lang: ModuleType, stop: frozenset[str]) -> list[str]:
    words = re.findall(r"[^\W\d_]{3,}", text.lower())
    return [unidecode(w)[:STEM] for w in words if w not in stop and w not in lang.WEEKDAYS and w not in lang.MONTHS]
