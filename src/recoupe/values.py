"""Typed values a sentence states — dates, numbers, person names, places — normalised so that two
sources can be compared value by value.

- numbers: words become digits first (``text2num``: "vingt-quatre ans" = "24 ans"), then a
  number is read with its multiplier and the word it counts, its *unit* ("11 000 conteneurs",
  "10,5 milliards d'euros", "24 ans"); two numbers are comparable only when their units agree;
- dates: the pieces ``dates.date_tokens`` finds (the finder the timeline shares), resolved
  against the document's publication date; relative ones ("hier", "il y a deux ans") are left
  out when it is unknown (a relative date of an unknown day cannot disagree with anything);
- names and places: spaCy's PER and LOC entities, honorifics dropped, compared after
  ``unidecode`` with ``rapidfuzz`` so that transliterations ("Ouchakov" / "Ushakov") agree.

Hand-written here: the number/unit reader (no library pairs a French number with the noun it
counts); the date finder, in ``dates.py``, says why dateparser only resolves part of it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from types import ModuleType

from rapidfuzz import fuzz
from unidecode import unidecode

from .dates import COMPARED_KINDS, DateToken, date_tokens, dateparser_date, iso, weekday_date, year_of

# Two name or place tokens are the same from this rapidfuzz ratio on ("ouchakov"/"ushakov": 80,
# "belousov"/"beloussov": 94; "kim"/"kin" never meets a 3-letter token: exact match required).
SAME_NAME_RATIO = 78
# Names shorter than this must match exactly (fuzzy ratios on 3-letter names are meaningless).
FUZZY_MIN_LENGTH = 5
# Name pairs whose match is kept, and distinct name tokens whose transliteration key is kept (a
# story names a few thousand people and places).
NAME_PAIR_CACHE_SIZE = 1 << 18
TRANSLITERATION_CACHE_SIZE = 1 << 16
# Two exact numbers of the same thing agree within this relative difference (rounding: "750" and
# "751 millions"); an approximate one ("près de", "environ", "plus de") within the second.
EXACT_NUMBER_TOLERANCE = 0.01
APPROXIMATE_NUMBER_TOLERANCE = 0.15


@dataclass(frozen=True)
class Value:
    """One value stated in a sentence. ``key`` is what is compared across sources; ``slot`` says
    what is measured (a number's unit, a date's precision, "PER", "LOC")."""

    kind: str  # "date" | "number" | "name" | "place"
    text: str
    key: str
    slot: str
    start: int = 0
    approximate: bool = False  # a number after "près de", "environ", "plus de"...
    relative: bool = False  # a date resolved from a weekday or "hier", "il y a deux ans"...
    bound: str = ""  # "min" after "au moins", "plus de"; "max" after "moins de", "jusqu'à"


@dataclass(frozen=True)
class Entity:
    """A named entity of a sentence, with its character offsets in the sentence."""

    text: str
    label: str
    start: int
    end: int


def extract_values(text: str, entities: list[Entity], lang: ModuleType,
                   published: dt.date | None = None) -> list[Value]:
    """Every dated, numbered, named and placed value in ``text`` (a sentence or a clause)."""
    dates, date_spans = _dates(text, lang, published)
    return dates + _numbers(text, lang, date_spans) + _names_and_places(text, entities, lang)


# --- dates -------------------------------------------------------------------------------------

def _dates(text: str, lang: ModuleType, published: dt.date | None) -> tuple[list[Value], list[tuple[int, int]]]:
    """The date pieces of ``dates.date_tokens`` the cross-checking compares, as values: a
    weekday of an unknown week stays "weekday:N", a yearless day "--MM-DD"."""
    values: list[Value] = []
    spans: list[tuple[int, int]] = []
    for token in date_tokens(text, lang):
        if token.kind not in COMPARED_KINDS:
            continue
        spans.append((token.start, token.end))
        key, slot = _date_key(token, lang, published)
        if key is not None:
            values.append(Value("date", token.text, key, slot, token.start,
                                relative=token.kind in ("weekday", "relative_day", "relative_period")))
    return values, spans


def _date_key(token: DateToken, lang: ModuleType, published: dt.date | None) -> tuple[str | None, str]:
    if token.kind == "day":
        year = token.year or year_of(token.month, None, published)
        return (f"{year:04d}-{token.month:02d}-{token.day:02d}" if year else f"--{token.month:02d}-{token.day:02d}"), "day"
    if token.kind == "month":
        year = token.year or year_of(token.month, None, published)
        return (f"{year:04d}-{token.month:02d}" if year else f"--{token.month:02d}"), "month"
    if token.kind == "weekday":
        return (weekday_date(token.weekday, published).isoformat() if published else f"weekday:{token.weekday}"), "day"
    if token.kind == "relative_day":
        return ((published + dt.timedelta(days=token.offset)).isoformat() if published else None), "day"
    if token.kind == "relative_period":
        precision = "day" if token.unit == "week" else token.unit
        date = dateparser_date(token.text, lang, published) if published else None
        return (iso(date, precision) if date else None), precision
    if token.kind == "time":
        return f"{token.hour:02d}:{token.minute:02d}", "time"
    return f"{token.year:04d}", "year"


def dates_agree(a: Value, b: Value) -> bool | None:
    """True/False when the two dates can be compared, None when they cannot (different
    precision, or a weekday against a date of unknown year)."""
    if a.slot != b.slot:
        return None
    if a.key == b.key:
        return True
    weekday_a, weekday_b = a.key.startswith("weekday:"), b.key.startswith("weekday:")
    if weekday_a and weekday_b:
        return False
    if weekday_a or weekday_b:
        weekday, other = (a, b) if weekday_a else (b, a)
        if other.key.startswith("--"):
            return None
        return int(weekday.key.split(":")[1]) == dt.date.fromisoformat(other.key).weekday()
    if a.key.startswith("--") != b.key.startswith("--"):
        # a day or month without a year against a full one: compare what the yearless one gives
        return _without_year(a.key) == _without_year(b.key)
    return False


def _without_year(key: str) -> str:
    """"--04" / "2008-04" -> "04"; "--07-02" / "2008-07-02" -> "07-02"."""
    return key[2:] if key.startswith("--") else key[5:]


# --- numbers -----------------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w,.])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d+))?(?![\d\w])")
PERCENT = re.compile(r"\s*(%|pour\s*cent|per\s*cent|percent)")
WORD = re.compile(r"\s*([^\W\d_]+(?:-[^\W\d_]+)*)(['’]?)")


def _numbers(text: str, lang: ModuleType, date_spans: list[tuple[int, int]]) -> list[Value]:
    digits = _words_to_digits(_collectives_as_numbers(text, lang), lang.CODE, lang.BARE_MULTIPLIERS)
    if digits != text:
        # offsets moved: find the dates again in the converted text
        date_spans = _dates(digits, lang, None)[1]
    values = []
    matches = [m for m in NUMBER.finditer(digits)
               if not any(s < m.end() and m.start() < e for s, e in date_spans)
               and digits[m.end(): m.end() + 1] not in ("e", "è", "h")
               and digits[m.end(): m.end() + 2] not in ("er", " h")]  # not ordinals ("XXIe", "1er"), clock times
    skip = set()
    for k, match in enumerate(matches):
        if k in skip:
            continue
        number = _digits_value(match)
        position, written = match.end(), match.group()
        before = digits[max(0, match.start() - 40): match.start()].lower().rstrip()
        upper = _range_end(digits, match, matches[k + 1] if k + 1 < len(matches) else None, before, lang)
        if upper is not None:  # "entre 130.000 et 140.000 votants": one value, read at its second end
            skip.add(k + 1)
            position, written = upper.end(), digits[match.start(): upper.end()]
        approximator = next((word for word in lang.NUMBER_APPROXIMATORS if before.endswith(word)), "")
        bound = ("min" if approximator in lang.NUMBER_LOWER_BOUNDS else
                 "max" if approximator in lang.NUMBER_UPPER_BOUNDS else "")
        high = _digits_value(upper) if upper is not None else None
        percent = PERCENT.match(digits, position)
        if percent:  # "près de 4 %" is as loose as "près de 4 000 euros"
            values.append(Value("number", written + "%", _number_key(number, high), "%", match.start(), bool(approximator),
                                bound=bound))
            continue
        unit, position = _unit_after(digits, position, lang)
        if unit in lang.NUMBER_MULTIPLIERS:
            multiplier = lang.NUMBER_MULTIPLIERS[unit]
            if high is not None:
                high *= multiplier  # "de 20 à 25 millions": both ends, unless that puts the first above the second
                number = number * multiplier if number * multiplier <= high else number
            else:
                number *= multiplier
            written = digits[match.start(): position]
            unit, position = _unit_after(digits, position, lang)
        between = {w.lower() for w in re.findall(r"\w+", digits[match.end(): position])}
        slot = _unit_key(unit)
        # an age ("âgé d'au moins 13 ans": the approximator is looked through; "à partir de 13 ans":
        # it is the cue) is not a duration
        if slot in lang.NUMBER_AGE_UNITS and any(re.search(lang.NUMBER_AGE_CUE, text + " ") for text in (
                before, before[: len(before) - len(approximator)].rstrip())):
            slot += ":age"
        elif unit and between & lang.NUMBER_OTHERS_WORDS:
            slot += ":others"  # "14 autres otages" is not "15 otages" miscounted
        values.append(Value("number", digits[match.start(): position].strip() if unit else written,
                            _number_key(number, high), slot, match.start(), bool(approximator), bound=bound))
    return values


def _digits_value(match: re.Match) -> float:
    return float(re.sub(r"[ \u00a0\u202f.]", "", match.group(1)) + ("." + match.group(2) if match.group(2) else ""))


def _range_end(text: str, match: re.Match, following: re.Match | None, before: str, lang: ModuleType) -> re.Match | None:
    """The second number of a range that starts at ``match`` ("de 130.000 à 140.000 votants",
    "1,5 % à 2 %", "entre 10 et 15 morts"), or None."""
    if following is None:
        return None
    link = text[match.end(): following.start()].strip().lower()
    link = re.sub(r"^(?:%|pour\s*cent|per\s*cent|percent)\s*", "", link)
    if link in lang.NUMBER_RANGE_LINKS:
        return following
    opener, joiner = lang.NUMBER_RANGE_BETWEEN
    if link == joiner and re.search(rf"\b{opener}$", before):
        return following
    return None


def numbers_agree(a: Value, b: Value) -> bool:
    """Same number, up to rounding, or up to the looseness of an approximate one; a bound
    against a figure agrees when the figure is within it ("au moins 10 morts" / "13 morts")."""
    (x, x_high), (y, y_high) = number_interval(a), number_interval(b)
    if (x, x_high) == (y, y_high):
        return True
    ranged_a, ranged_b = x_high > x, y_high > y
    if ranged_a and ranged_b:  # end by end: "de 7 à 25 bassins" is also a change from 7 to 25
        return (numbers_agree(replace(a, key=_number_key(x)), replace(b, key=_number_key(y)))
                and numbers_agree(replace(a, key=_number_key(x_high)), replace(b, key=_number_key(y_high))))
    if ranged_a or ranged_b:  # a figure (or a bound) within a range agrees with it
        (low, high), other = ((x, x_high), b) if ranged_a else ((y, y_high), a)
        figure = float(other.key)
        margin = (APPROXIMATE_NUMBER_TOLERANCE if a.approximate or b.approximate else EXACT_NUMBER_TOLERANCE) * high
        if other.bound == "min":
            return high >= figure - margin
        if other.bound == "max":
            return low <= figure + margin
        return low - margin <= figure <= high + margin
    if bool(a.bound) != bool(b.bound):
        bound, limit, figure = (a.bound, x, y) if a.bound else (b.bound, y, x)
        margin = EXACT_NUMBER_TOLERANCE * max(abs(x), abs(y))
        return figure >= limit - margin if bound == "min" else figure <= limit + margin
    tolerance = APPROXIMATE_NUMBER_TOLERANCE if a.approximate or b.approximate else EXACT_NUMBER_TOLERANCE
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def number_gap(a: Value, b: Value) -> float:
    """Relative distance between two numbers (or ranges: 0 when they overlap)."""
    (x, x_high), (y, y_high) = number_interval(a), number_interval(b)
    gap = max(0.0, y - x_high, x - y_high)
    return gap / max(abs(x_high), abs(y_high), 1e-9)


def _unit_after(text: str, position: int, lang: ModuleType) -> tuple[str, int]:
    """The word a number counts, skipping "de", "d'", "plus", "autres", "grands"
    (``NUMBER_UNIT_SKIP``); none when a function word comes first ("contre 21 pour Martine
    Aubry", "le bilan de 19 a été revu": ``NUMBER_NON_UNITS``)."""
    for _ in range(3):
        word = WORD.match(text, position)
        if not word:
            return "", position
        token = (word.group(1) + word.group(2)).lower()
        if token in lang.NUMBER_NON_UNITS or word.group(1).lower() in lang.NUMBER_NON_UNITS:
            return "", position
        position = word.end()
        if token in lang.NUMBER_UNIT_SKIP or word.group(1).lower() in lang.NUMBER_UNIT_SKIP:
            continue
        return word.group(1).lower(), position
    return "", position


def _unit_key(unit: str) -> str:
    unit = unidecode(unit)
    return unit[:-1] if len(unit) > 2 and unit[-1] in "sx" else unit


def _number_key(number: float, high: float | None = None) -> str:
    """"11000"; a range "130000..140000" (its two ends)."""
    if high is not None and high > number:
        return f"{_number_key(number)}..{_number_key(high)}"
    return f"{number:g}" if number < 1e6 else f"{number:.4g}"


def number_interval(value: Value) -> tuple[float, float]:
    """(low, high) of a number's key: both the figure for one number, the two ends for a range."""
    low, _, high = value.key.partition("..")
    return float(low), float(high or low)


# A number already in digits with its multiplier word: text2num must not touch the word
# ("10,5 milliards" would become "10,5 1000000000").
DIGITS_WITH_MULTIPLIER = re.compile(r"\d[\d \u00a0\u202f.,]*\s+(?:mille|millions?|milliards?|thousand|millions?|billions?)\b", re.I)


def _collectives_as_numbers(text: str, lang: ModuleType) -> str:
    """"une vingtaine de milliards" -> "près de 20 milliards", "un millier de manifestants" ->
    "près de 1000 manifestants" (``NUMBER_COLLECTIVES``, the language's first approximator):
    approximate numbers text2num leaves as words, so that the multiplier after them is not read
    as a figure of its own."""
    if not lang.NUMBER_COLLECTIVES:
        return text
    words = "|".join(sorted(lang.NUMBER_COLLECTIVES, key=len, reverse=True))
    pattern = rf"\b({lang.NUMBER_COLLECTIVE_ARTICLES})\s+({words})\s+(?:de\s+|d['’]\s*|of\s+)?"
    return re.sub(pattern, lambda m: f"{lang.NUMBER_APPROXIMATORS[0]} {lang.NUMBER_COLLECTIVES[m.group(2).lower()]} ",
                  text, flags=re.I)


@lru_cache(maxsize=4096)
def _words_to_digits(text: str, language: str, bare_multipliers: str = "") -> str:
    """"vingt-quatre ans" -> "24 ans" (text2num; isolated numbers up to three stay words). A
    multiplier with no number before it ("des milliards d'euros": ``BARE_MULTIPLIERS``) stays a
    word: text2num would read it as exactly one billion."""
    from text_to_num import alpha2digit

    protect = DIGITS_WITH_MULTIPLIER if not bare_multipliers else re.compile(
        rf"{DIGITS_WITH_MULTIPLIER.pattern}|{bare_multipliers}", re.I)
    pieces, position = [], 0
    try:
        for protected in protect.finditer(text):
            pieces += [alpha2digit(text[position: protected.start()], language), protected.group()]
            position = protected.end()
        pieces.append(alpha2digit(text[position:], language))
    except (ValueError, KeyError):  # an unsupported language: numbers stay as written
        return text
    return "".join(pieces)


# --- names and places --------------------------------------------------------------------------

def _names_and_places(text: str, entities: list[Entity], lang: ModuleType) -> list[Value]:
    values = []
    for entity in entities:
        key = name_key(entity.text, lang)
        if entity.label == "PER":
            key = _without_role(key, lang)
        if not key:
            continue
        if entity.label == "PER":
            values.append(Value("name", entity.text, key, "PER", entity.start))
        elif entity.label in ("LOC", "GPE"):
            before = text[: entity.start].split()[-1:] or [""]
            preposition = re.sub(r"^.*['’]", "", before[0].lower())
            if before[0].lower() in lang.LOCATIVE_PREPOSITIONS or preposition in lang.LOCATIVE_PREPOSITIONS:
                values.append(Value("place", entity.text, key, "LOC", entity.start))
    return values


def _without_role(key: str, lang: ModuleType) -> str:
    """A person's name key without a leading role noun: "president nicolas sarkozy" -> "nicolas
    sarkozy"; a title alone is no name ("Président de la République", which NER tags as a
    person, is whoever holds it: "M. Sarkozy" in the other source is no other name)."""
    tokens = key.split()
    if not tokens or tokens[0] not in _role_keys(lang):
        return key
    rest = tokens[1:]
    return "" if not rest or rest[0] in getattr(lang, "ROLE_COMPLEMENTS", ()) else " ".join(rest)


@lru_cache(maxsize=None)
def _role_keys(lang: ModuleType) -> frozenset[str]:
    """The language's role nouns as name keys spell them (ASCII)."""
    return frozenset(unidecode(r) for r in getattr(lang, "ROLE_NOUNS", ()))


def name_key(name: str, lang: ModuleType) -> str:
    """Lower-case ASCII tokens of a name without honorifics or elided articles:
    "M. Poutine" -> "poutine", "l’Élysée" -> "elysee"."""
    tokens = []
    for token in re.split(r"[\s\u00a0]+", name.strip()):
        token = re.sub(r"^(?:l|d)['’]", "", token, flags=re.I)
        lowered = token.lower()
        if not token or lowered in lang.HONORIFICS or lowered.rstrip(".") in lang.HONORIFICS:
            continue
        tokens.append(unidecode(lowered).replace("-", " "))
    return " ".join(" ".join(tokens).split())


@lru_cache(maxsize=NAME_PAIR_CACHE_SIZE)
def names_match(a: str, b: str) -> bool:
    """Same person or place: one name's tokens are all found, exactly or as a transliteration,
    in the other's ("poutine" ~ "vladimir poutine"; "youri ouchakov" ~ "ushakov"). Cached: the
    same few names are compared again and again (261,000 calls at 160 articles, by actors,
    speakers and disagreements)."""
    tokens_a, tokens_b = a.split(), b.split()
    if not tokens_a or not tokens_b:
        return False
    shorter, longer = sorted((tokens_a, tokens_b), key=len)
    return all(any(_token_match(s, t) for t in longer) for s in shorter)


def _token_match(a: str, b: str) -> bool:
    if a == b or transliteration_key(a) == transliteration_key(b):
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LENGTH:
        return False
    return fuzz.ratio(transliteration_key(a), transliteration_key(b)) >= SAME_NAME_RATIO


# French and English transliterations of the same Cyrillic or Korean sounds.
TRANSLITERATIONS = (("iou", "yu"), ("you", "yu"), ("ou", "u"), ("ch", "sh"), ("ss", "s"), ("iu", "yu"),
                    ("ï", "i"), ("ei", "ey"), ("ia", "ya"), ("io", "yo"))


@lru_cache(maxsize=TRANSLITERATION_CACHE_SIZE)
def transliteration_key(token: str) -> str:
    """One spelling for transliteration variants: "iouri", "youri", "yuri" -> "yuri";
    "ouchakov", "ushakov" -> "ushakov". Cached: name matching asks for the same few thousand
    tokens again and again (2 million calls, 5.8 of 45 profiled CPU-s at 160 articles)."""
    for written, common in TRANSLITERATIONS:
        token = token.replace(written, common)
    return token
