"""Date expressions of a sentence: found, composed and resolved against a publication date.
One finder for the cross-checking (``values.extract_values``) and the timeline.

1. ``date_tokens`` finds the pieces with the language's words (``lang.WEEKDAYS``, ``MONTHS``,
   ``PARTS_OF_DAY``, ``RELATIVE_DAYS``, ``RELATIVE_PERIODS``, then the timeline's
   ``THIS_PERIODS``, ``FUTURE_PERIODS``, ``ELAPSED_PERIOD``, ``ANAPHORIC_DATES``): day + month
   (+ year), month (+ year), weekday (+ part of day), year, clock time, "hier", "il y a deux ans"...
2. ``find_dates`` composes them into what a reader calls one date: "mercredi 2 juillet",
   "mercredi vers 2h45 du matin" (date + time), "les 18 et 19 juin", "du 14 au 16 novembre",
   "mercredi et jeudi", "la semaine prochaine" (intervals), "fin mai".
3. Each expression is resolved against the publication date, forward when its clause announces
   something (future or conditional verb, "prochain") and backward otherwise.

Who resolves what. ``dateparser`` resolves counted periods from a base date ("il y a deux ans",
"le mois dernier", "l'année dernière", "dans cinq mois", "cette année"). Own rules do the rest,
because dateparser gets them wrong in news text (measured with RELATIVE_BASE = Wednesday
2024-06-19): a weekday on the publication day ("mercredi" -> 2024-06-12, a week early; news mean
the same day), a yearless month or day (its past/future setting is global, not the clause's
tense), intervals ("18 et 19 juin" -> 2019-06-18), date + time ("mercredi vers 2h45" -> None),
"plus tôt cette année", "fin mai", "jeudi dernier", "depuis 24 ans", "l'année suivante" (all None),
and it finds false dates when asked to search ("Mars" the planet, "2h45" without a day).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

# Kinds the cross-checking has always compared; the other kinds are the timeline's additions.
COMPARED_KINDS = ("day", "month", "weekday", "relative_day", "relative_period", "time", "year")
# A weekday + date whose year is not written is searched this many years around the reference
# year (the weekday of a given day repeats after 5, 6 or 11 years: ±1 never hits two).
WEEKDAY_YEAR_WINDOW = 1
# Characters allowed between a date and its clock time beyond ``lang.TIME_LINKS``
# ("mercredi, vers 2h45"): further apart, the time is not that day's.
TIME_GAP = 12


@dataclass(frozen=True)
class DateToken:
    """One piece of date found in a text, unresolved: what was written, as numbers."""

    kind: str  # one of COMPARED_KINDS, or "this_period", "future_period", "elapsed", "anaphoric"
    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    hour: int | None = None
    minute: int | None = None
    offset: int = 0  # relative days ("hier" = -1), elapsed years, anaphoric offsets
    unit: str = ""  # "day" | "week" | "month" | "year" for periods


@dataclass(frozen=True)
class DateExpression:
    """A date as a reader reads it, resolved: ``date`` is ISO at ``precision`` ("2024-06-18",
    "2024-03", "1961"), None when it cannot be known (a relative date without a publication
    date, a yearless day without a reference year)."""

    text: str
    start: int
    end: int
    date: str | None
    precision: str  # "day" | "month" | "year" | "interval"
    relative: bool  # resolved against the publication date (or another date of the sentence)
    time: str | None = None  # "02:45"
    end_date: str | None = None  # last day of an interval
    kind: str = "point"  # "point" | "elapsed" (the start of a counted period: "depuis 24 ans")
    forward: bool = False  # its clause announces it (future verb, "prochain"): resolved forward


# --- 1. pieces ------------------------------------------------------------------------------------

# Sentences whose date pieces are kept (a 160-article story has about 4,000).
DATE_TOKEN_CACHE = 16384


@lru_cache(maxsize=8)
def date_patterns(lang: ModuleType) -> dict[str, re.Pattern]:
    months = "|".join(lang.MONTHS)
    weekdays = "|".join(lang.WEEKDAYS)
    parts = "|".join(re.escape(p) for p in lang.PARTS_OF_DAY)
    relative_days = "|".join(re.escape(w) for w in sorted(lang.RELATIVE_DAYS, key=len, reverse=True))
    anaphoric = "|".join(re.escape(w) for w in sorted(getattr(lang, "ANAPHORIC_DATES", {}), key=len, reverse=True))
    this = "|".join(f"(?:{p})" for p in getattr(lang, "THIS_PERIODS", {}))
    future = "|".join(f"(?:{p})" for p in getattr(lang, "FUTURE_PERIODS", ()))
    elapsed = getattr(lang, "ELAPSED_PERIOD", "")
    never = r"(?!x)x"
    return {
        "day": re.compile(rf"\b(1er|\d{{1,2}})\s+({months})(?:\s+(\d{{4}}))?\b", re.I),
        "month": re.compile(rf"\b({months})(?:\s+(?:de\s+l'an(?:née)?\s+|dernier\s+)?(\d{{4}}))?\b", re.I),
        "weekday": re.compile(rf"(?:\b(?:{parts})\s+(?:de\s+|du\s+)?)?\b({weekdays})\b(?:\s+(?:{parts}))?", re.I),
        "year": re.compile(r"(?<![\d.,])(?<!\d[\s\u00a0\u202f])\b(1[6-9]\d\d|20\d\d)\b(?![\s\u00a0\u202f]?\d)(?!\s*(?:%|€|\$))"),
        "time": re.compile(r"\b([01]?\d|2[0-3])\s?h\s?([0-5]\d)?\b", re.I),
        "relative_day": re.compile(rf"\b(?:{relative_days})\b", re.I),
        "relative_period": re.compile("|".join(f"(?:{p})" for p in lang.RELATIVE_PERIODS), re.I),
        "this_period": re.compile(rf"\b(?:{this or never})\b", re.I),
        "future_period": re.compile(rf"\b(?:{future or never})\b", re.I),
        "elapsed": re.compile(rf"\b{elapsed or never}", re.I),
        "anaphoric": re.compile(rf"(?<!\w)(?:{anaphoric or never})\b", re.I),
    }


@lru_cache(maxsize=DATE_TOKEN_CACHE)
def date_tokens(text: str, lang: ModuleType) -> tuple[DateToken, ...]:
    """Every piece of date in ``text``, in the order the kinds are searched (longest first: a day
    with its month before the month alone), never two on the same characters. Cached: the
    timeline reads each sentence against several bases (the publication date, the story's year)
    and cross-checking reads it again for values (a pure function of the text)."""
    patterns = date_patterns(lang)
    tokens: list[DateToken] = []

    def free(match: re.Match) -> bool:
        return not any(t.start < match.end() and match.start() < t.end for t in tokens)

    def add(match: re.Match, kind: str, **parts) -> None:
        tokens.append(DateToken(kind, match.group().strip(), match.start(), match.end(), **parts))

    for match in patterns["day"].finditer(text):
        day = 1 if match.group(1).lower() == "1er" else int(match.group(1))
        add(match, "day", year=int(match.group(3)) if match.group(3) else None,
            month=_month_number(match.group(2), lang), day=day)
    for match in patterns["month"].finditer(text):
        if free(match) and not _is_name_like(text, match):
            add(match, "month", month=_month_number(match.group(1), lang),
                year=int(match.group(2)) if match.group(2) else None)
    for match in patterns["weekday"].finditer(text):
        if free(match):
            add(match, "weekday", weekday=lang.WEEKDAYS.index(match.group(1).lower()))
    for match in patterns["relative_day"].finditer(text):
        if free(match):
            add(match, "relative_day", offset=lang.RELATIVE_DAYS.get(match.group().lower(), 0))
    for match in patterns["relative_period"].finditer(text):
        if free(match):
            add(match, "relative_period", unit=_period_unit(match.group()))
    for match in patterns["time"].finditer(text):
        if free(match):
            add(match, "time", hour=int(match.group(1)), minute=int(match.group(2) or 0))
    for match in patterns["year"].finditer(text):
        if free(match):
            add(match, "year", year=int(match.group(1)))
    # the timeline's additions come last, so the pieces above are found exactly as before
    for kind in ("this_period", "future_period", "anaphoric", "elapsed"):
        for match in patterns[kind].finditer(text):
            if not free(match):
                continue
            if kind == "this_period":
                add(match, kind, unit=_this_unit(match.group(), lang))
            elif kind == "future_period":
                add(match, kind, unit=_period_unit(match.group()))
            elif kind == "anaphoric":
                unit, offset = _anaphoric(match.group(), lang)
                add(match, kind, unit=unit, offset=offset)
            elif (count := _count(match.group(1), lang)) is not None:
                add(match, kind, unit="year", offset=-count)
    return tuple(tokens)


def _month_number(word: str, lang: ModuleType) -> int:
    return lang.MONTHS.index(word.lower()) + 1


def _is_name_like(text: str, match: re.Match) -> bool:
    """"Mars" capitalised mid-sentence after a non-preposition is more likely a name (the
    planet, a brand) than the month; "mai" likewise in other words."""
    word = match.group(1)
    if not word[:1].isupper() or match.start() == 0:
        return False
    before = text[: match.start()].split()[-1:] or [""]
    return before[0].lower() not in ("en", "de", "depuis", "fin", "début", "mi", "le", "au", "dès", "d'ici", "jusqu'en")


def _period_unit(expression: str) -> str:
    lowered = expression.lower()
    if re.search(r"\b(ans?|années?|year)", lowered):
        return "year"
    if re.search(r"\b(mois|month)", lowered):
        return "month"
    if re.search(r"\b(semaines?|weeks?)", lowered):
        return "week"
    return "day"


def _this_unit(expression: str, lang: ModuleType) -> str:
    return next((unit for pattern, unit in lang.THIS_PERIODS.items() if re.fullmatch(pattern, expression, re.I)), "year")


def _anaphoric(expression: str, lang: ModuleType) -> tuple[str, int]:
    return next(v for k, v in lang.ANAPHORIC_DATES.items() if k.lower() == expression.lower())


def _count(word: str, lang: ModuleType) -> int | None:
    """"24" or "vingt-quatre" -> 24 (text2num), None for a word that is not a number."""
    if word.isdigit():
        return int(word)
    from text_to_num import alpha2digit

    try:
        digits = alpha2digit(word, lang.CODE, threshold=0)
    except (ValueError, KeyError):
        return None
    return int(digits) if digits.isdigit() else None


# --- resolution (shared) --------------------------------------------------------------------------

def year_of(month: int, day: int | None, published: dt.date | None, forward: bool = False) -> int | None:
    """A day or month without a year is the most recent one up to the publication date, or the
    next one from it when the clause announces it."""
    if published is None:
        return None
    if forward:
        return published.year if (month, day or 1) >= (published.month, published.day if day else 1) else published.year + 1
    return published.year if month <= published.month else published.year - 1


def weekday_date(weekday: int, published: dt.date, forward: bool = False) -> dt.date:
    """News name a weekday of the week of publication: the most recent such day on or before
    the publication date ("mardi" in a Wednesday-19-June article is 18 June), or the next one on
    or after it for what is announced ("se rendra au Vietnam jeudi")."""
    if forward:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def dateparser_date(expression: str, lang: ModuleType, published: dt.date) -> dt.date | None:
    """A counted period ("il y a deux ans", "le mois dernier", "dans cinq mois") from the
    publication date, by dateparser."""
    import dateparser

    base = dt.datetime.combine(published, dt.time(12))
    parsed = dateparser.parse(expression, languages=[lang.CODE],
                              settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None


def iso(date: dt.date, precision: str) -> str:
    return {"year": f"{date.year:04d}", "month": f"{date.year:04d}-{date.month:02d}"}.get(precision, date.isoformat())


# --- 2. and 3. expressions --------------------------------------------------------------------------

@dataclass
class _Draft:
    """An expression being composed from tokens."""

    tokens: list[DateToken]
    start: int
    end: int
    interval: DateToken | None = None  # the other end of an interval (a day, a weekday)
    first_day: int | None = None  # "les 18 et 19 juin": 18
    week: bool = False  # "la semaine prochaine"


def find_dates(text: str, lang: ModuleType, published: dt.date | None) -> list[DateExpression]:
    """The date expressions of a sentence, composed and resolved (see the module docstring)."""
    tokens = date_tokens(text, lang)
    drafts = _compose(text, tokens, lang)
    found: list[DateExpression] = []
    for draft in drafts:
        expression = _resolve(text, draft, lang, published, found)
        if expression is not None:
            found.append(expression)
    return found


def _gap(text: str, a: DateToken | _Draft, b: DateToken) -> str:
    return text[a.end: b.start]


def _compose(text: str, tokens: list[DateToken], lang: ModuleType) -> list[_Draft]:
    connectors = "|".join(re.escape(c) for c in lang.INTERVAL_CONNECTORS)
    links = "|".join(re.escape(w) for w in lang.TIME_LINKS)
    weekdays = "|".join(lang.WEEKDAYS)
    drafts: list[_Draft] = []
    for token in sorted(tokens, key=lambda t: t.start):
        last = drafts[-1] if drafts else None
        head = last.tokens[0] if last else None
        gap = _gap(text, last, token) if last else ""
        if last and head.kind == "weekday" and token.kind == "day" and len(last.tokens) == 1 \
                and re.fullmatch(r"\s*,?\s*", gap):
            last.tokens.append(token)  # "mercredi 2 juillet"
            last.end = token.end
            continue
        if last and token.kind == "time" and head.kind in ("day", "weekday", "relative_day") \
                and not any(t.kind == "time" for t in last.tokens) \
                and re.fullmatch(rf"[\s,]*(?:(?:{links})\s+)?", gap, re.I) and len(gap) <= TIME_GAP:
            last.tokens.append(token)  # "mercredi vers 2h45"
            last.end = token.end
            continue
        if last and head.kind == "time" and len(last.tokens) == 1 and token.kind in ("day", "weekday", "relative_day") \
                and re.fullmatch(r"\s*,?\s*", gap):
            last.tokens.insert(0, token)  # "19h45 mardi"
            last.end = token.end
            continue
        if last and token.kind in ("day", "weekday") and head.kind in ("day", "weekday") and last.interval is None \
                and (joined := re.fullmatch(rf"\s*(\d{{1,2}})?\s*(?:{connectors})\s*(?:(?:le|la)\s+)?", gap, re.I)):
            # "mercredi et jeudi", "du 18 juin au 2 juillet", "du mardi 4 au mercredi 5 novembre"
            first_day = int(joined.group(1)) if joined.group(1) and head.kind == "weekday" else None
            drafts[-1] = _Draft([token], last.start, token.end, interval=None if first_day else head,
                                first_day=first_day)
            continue
        draft = _Draft([token], token.start, token.end)
        if token.kind == "day":
            before = re.search(rf"(?:\b(?:les|du|des|from|between)\s+)?(?:\b(?:{weekdays})\s+)?\b(\d{{1,2}}|1er)\s*(?:{connectors})\s*(?:\b(?:{weekdays})\s+)?$",
                               text[: token.start], re.I)
            if before and (not drafts or drafts[-1].end <= before.start()):
                draft.first_day = 1 if before.group(1) == "1er" else int(before.group(1))
                draft.start = before.start()
        if token.kind == "month":
            before = re.search(rf"(?:\b(?:{'|'.join(re.escape(m) for m in lang.MONTH_MODIFIERS)})[\s-]*)$",
                               text[: token.start], re.I)
            if before:
                draft.start = before.start()
        if token.kind == "relative_period" and token.unit == "week":
            draft.week = True
        drafts.append(draft)
    return drafts


def _direction(text: str, draft: _Draft, lang: ModuleType) -> str:
    """"forward" (announced), "back", or "last" (the week before publication's): a qualifier
    next to the date decides ("jeudi dernier", "le 20 janvier prochain"); else the tense of the
    nearest verb form of the date's clause (of the next clause when the date stands alone before
    a comma: "Dimanche, X prononcera"); else back, news telling mostly what happened."""
    after = text[draft.end:].split()[:1]
    before = text[: draft.start].split()[-1:]
    words = [w.lower().strip(",.;") for w in after + before]
    if any(w in lang.FUTURE_QUALIFIERS for w in words):
        return "forward"
    if any(w in lang.PAST_QUALIFIERS for w in words):
        return "last"
    start, end = _clause(text, draft, lang)
    if not re.search(r"\w", text[start: draft.start] + text[draft.end: end]):
        start, end = _clause(text, _Draft([], end + 1, end + 1), lang)
    best: tuple[int, bool] | None = None
    for pattern, forward in ((lang.FUTURE_VERB, True), (lang.PAST_VERB, False)):
        for match in re.finditer(pattern, text[start:end], re.I):
            first, last = match.start() + start, match.end() + start
            if forward and match.group().lower().split()[0] in lang.NOT_FUTURE_WORDS:
                continue
            if draft.start <= first < draft.end:
                continue
            distance = draft.start - last if last <= draft.start else first - draft.end
            if best is None or distance < best[0]:
                best = (distance, forward)
    return "forward" if best and best[1] else "back"


def _clause(text: str, draft: _Draft, lang: ModuleType) -> tuple[int, int]:
    """The stretch of ``text`` around ``draft`` between clause marks (punctuation, conjunctions)."""
    conjunctions = "|".join(re.escape(c).replace("que", "qu(?:e(?!\\w)|['’])") + ("" if c.endswith("que") else r"\b")
                            for c in lang.CLAUSE_CONJUNCTIONS)
    marks = list(re.finditer(rf"[,;:()«»\"“”–]|\b(?:{conjunctions})", text, re.I))
    start = max((m.end() for m in marks if m.end() <= draft.start), default=0)
    end = min((m.start() for m in marks if m.start() >= draft.end), default=len(text))
    return start, end


def _resolve(text: str, draft: _Draft, lang: ModuleType, published: dt.date | None,
             earlier: list[DateExpression]) -> DateExpression | None:
    tokens = {t.kind: t for t in draft.tokens}
    written = text[draft.start: draft.end]
    direction = _direction(text, draft, lang)
    forward = direction == "forward"
    time = tokens.get("time")
    clock = None
    if time:
        hour = time.hour + _part_hours(text[time.end: time.end + 20], lang, time.hour)
        clock = f"{hour:02d}:{time.minute:02d}"

    def make(date: str | None, precision: str, relative: bool, **more) -> DateExpression:
        return DateExpression(written, draft.start, draft.end, date, precision, relative, clock,
                              forward=forward, **more)

    if direction == "last" and published is not None:  # "jeudi dernier": before this week
        published = published - dt.timedelta(days=published.weekday() + 1)
    if "day" in tokens or "weekday" in tokens:
        day = _day(tokens.get("day"), tokens.get("weekday"), published, forward)
        relative = tokens.get("day") is None or tokens["day"].year is None
        if draft.interval is not None or draft.first_day is not None:
            first = _interval_start(draft, tokens.get("day"), published, forward)
            if first is not None and day is not None and first > day:
                day = _day(tokens.get("day"), tokens.get("weekday"), first, True)
            return make(first.isoformat() if first else None, "interval", relative,
                        end_date=day.isoformat() if day else None)
        return make(day.isoformat() if day else None, "day", relative)
    if "relative_day" in tokens:
        offset = tokens["relative_day"].offset
        return make(iso(published + dt.timedelta(days=offset), "day") if published else None, "day", True)
    if "month" in tokens:
        token = tokens["month"]
        year = token.year or year_of(token.month, None, published, forward)
        return make(f"{year:04d}-{token.month:02d}" if year else None, "month", token.year is None)
    if "year" in tokens:
        return make(f"{tokens['year'].year:04d}", "year", False)
    if "time" in tokens:  # a clock time alone: the publication day
        return make(published.isoformat() if published else None, "day", True)
    token = draft.tokens[0]
    if published is None and token.kind != "anaphoric":
        return make(None, _precision(token.unit), True)
    if token.kind == "this_period" or (token.kind == "relative_period" and token.unit == "week"):
        return _period(written, draft, token, lang, published)
    if token.kind in ("relative_period", "future_period"):
        date = dateparser_date(token.text, lang, published)
        return make(iso(date, _precision(token.unit)) if date else None, _precision(token.unit), True)
    if token.kind == "elapsed":
        return make(f"{published.year + token.offset:04d}", "year", True, kind="elapsed")
    if token.kind == "anaphoric":
        return _anaphoric_date(written, draft, token, earlier)
    return None


def _precision(unit: str) -> str:
    return unit if unit in ("year", "month") else "day"


def _part_hours(after: str, lang: ModuleType, hour: int) -> int:
    for part, hours in lang.TIME_PART_HOURS.items():
        if after.lower().lstrip().startswith(part):
            return hours if hour < 12 else 0
    return 0


def _day(day: DateToken | None, weekday: DateToken | None, published: dt.date | None, forward: bool) -> dt.date | None:
    if day is not None:
        year = day.year
        if year is None and weekday is not None and published is not None:
            year = weekday_year(day.month, day.day, weekday.weekday, published.year)
        year = year or year_of(day.month, day.day, published, forward)
        return _safe_date(year, day.month, day.day) if year else None
    if weekday is not None and published is not None:
        return weekday_date(weekday.weekday, published, forward)
    return None


def weekday_year(month: int, day: int, weekday: int, reference: int) -> int | None:
    """The year near ``reference`` in which ``day``/``month`` falls on ``weekday`` ("mercredi
    2 juillet" near 2008 -> 2008)."""
    for year in sorted(range(reference - WEEKDAY_YEAR_WINDOW, reference + WEEKDAY_YEAR_WINDOW + 1),
                       key=lambda y: abs(y - reference)):
        date = _safe_date(year, month, day)
        if date and date.weekday() == weekday:
            return year
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _interval_start(draft: _Draft, day: DateToken | None, published: dt.date | None, forward: bool) -> dt.date | None:
    """The first day of "les 18 et 19 juin" (same month and year as the last) or of "mercredi et
    jeudi" (the weekday before the last one)."""
    end = _day(day, next((t for t in draft.tokens if t.kind == "weekday"), None), published, forward)
    if draft.first_day is not None and end is not None:
        return _safe_date(end.year, end.month, draft.first_day)
    other = draft.interval
    if other is None:
        return None
    if other.kind == "day":
        return _day(other, None, published, forward)
    if end is None:
        return None
    back = (end.weekday() - other.weekday) % 7
    return end - dt.timedelta(days=back)


def _period(written: str, draft: _Draft, token: DateToken, lang: ModuleType, published: dt.date) -> DateExpression:
    """This, last or next week as an interval Monday-Sunday; this year or month as itself."""
    if token.unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        shift = 0 if token.kind == "this_period" else (7 if _direction_word(written, lang) else -7)
        first = monday + dt.timedelta(days=shift)
        return DateExpression(written, draft.start, draft.end, first.isoformat(), "interval", True,
                              end_date=(first + dt.timedelta(days=6)).isoformat(), forward=shift > 0)
    precision = _precision(token.unit)
    return DateExpression(written, draft.start, draft.end, iso(published, precision), precision, True)


def _direction_word(written: str, lang: ModuleType) -> bool:
    return any(w in lang.FUTURE_QUALIFIERS for w in re.findall(r"\w+", written.lower()))


def _anaphoric_date(written: str, draft: _Draft, token: DateToken, earlier: list[DateExpression]) -> DateExpression | None:
    """"La veille", "l'année suivante": from the nearest date before it in the sentence."""
    anchor = next((e for e in reversed(earlier) if e.date and e.precision in ("day", "year", "month")
                   and e.kind == "point"), None)
    if anchor is None:
        return DateExpression(written, draft.start, draft.end, None, _precision(token.unit), True)
    year, month, day = (int(p) for p in (anchor.date.split("-") + ["1", "1"])[:3])
    if token.unit == "year":
        return DateExpression(written, draft.start, draft.end, f"{year + token.offset:04d}", "year", True)
    if token.unit == "month":
        month0 = year * 12 + month - 1 + token.offset
        return DateExpression(written, draft.start, draft.end, f"{month0 // 12:04d}-{month0 % 12 + 1:02d}", "month", True)
    if anchor.precision != "day":
        return DateExpression(written, draft.start, draft.end, None, "day", True)
    date = dt.date(year, month, day) + dt.timedelta(days=token.offset)
    return DateExpression(written, draft.start, draft.end, date.isoformat(), "day", True)
