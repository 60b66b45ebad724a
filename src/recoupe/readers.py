"""Read inputs (.txt, .html/.htm, .jsonl, folders) into RawDocuments.

Bad input never raises: each problem becomes an InputProblem naming the file (and line), and the
other inputs are still read. Only a path that does not exist or a JSONL file whose cluster
cannot be chosen is a usage error (raised as UsageProblem, exit status 2 in the CLI).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .types import InputProblem, RawDocument

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

# Share of control characters above which a file is taken for binary (UTF-8 text has none
# but \t \n \r; a few stray ones are tolerated).
BINARY_CONTROL_RATIO = 0.05
# Encodings tried, in order, when a text file is not valid UTF-8.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
# Surrogate code points in a parsed string (a pair decodes to one character: these are lone), and
# the JSON escape that can write one.
SURROGATE = re.compile("[\ud800-\udfff]")
ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
# Control characters besides tab, line feed and carriage return (C0, DEL, C1).
CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
# Deeper JSON than this is not walked (Python's parser itself stops near 1,000 levels).
MAX_JSON_DEPTH = 200
JSON_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "a boolean", list: "a list",
                   dict: "an object", type(None): "null"}
# trafilatura returns menu crumbs for pages without an article ("menu"); below this many words
# the page is reported as having no article.
MIN_HTML_ARTICLE_WORDS = 15
# A tag whose attributes run past this many characters keeps its name and loses them, before
# any parser sees the page: libxml2 compares each attribute with the others (a <p> of 200,000
# attributes ran past 200 s in lxml alone), and no article's text is in its attributes.
MAX_TAG_CHARACTERS = 20_000
OVERLONG_TAG = re.compile(r"<([A-Za-z][\w:-]*+)[^<>]{%d,}+>" % MAX_TAG_CHARACTERS)  # possessive: no backtracking


# Publication dates outside these years are refused where they enter (the --published option,
# front-matter, JSONL and HTML metadata): no article is dated in year 1 or 9999, and resolving a
# relative date against such a date overflows Python's calendar.
MIN_PUBLICATION_YEAR = 1800
MAX_PUBLICATION_YEAR = 2200
# A date as inputs give it: ISO, optionally followed by a time ("2024-06-19T08:00:00Z").
ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.,+\-Z]*)?\s*", re.I)
# A file larger than this is refused, never read whole: a news article is a few tens of KB, a
# cluster file of thousands of articles a few hundred MB at most ("/dev/zero" is endless).
MAX_INPUT_BYTES = 512 * 1024 * 1024
# Characters that make a text empty to a reader besides Unicode white space (zero-width ones, BOM).
INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
# Byte-order marks of the UTF-16/32 encodings, longest first (UTF-32-LE starts with UTF-16-LE's).
UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def parse_date(value: object) -> tuple[dt.date | None, str | None]:
    """``(date, None)`` for an ISO date or timestamp within the publication years, else
    ``(None, why)`` ("not a date (YYYY-MM-DD)", "out of range")."""
    match = ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None, "not a date (YYYY-MM-DD)"
    try:
        date = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None, "not a date (YYYY-MM-DD)"
    if not MIN_PUBLICATION_YEAR <= date.year <= MAX_PUBLICATION_YEAR:
        return None, f"out of range (years {MIN_PUBLICATION_YEAR}-{MAX_PUBLICATION_YEAR})"
    return date, None


def shown_path(path: object) -> str:
    """A path as a one-line message can show it: undecodable bytes (a file name that is not
    UTF-8) as ``\\xNN``, line breaks and other control characters escaped."""
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)


class UsageProblem(ValueError):
    """An input the user must fix before anything can run (missing path, ambiguous cluster)."""


@dataclass
class ReadResult:
    documents: list[RawDocument] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


# The id and origin of the document read from standard input ("-").
STDIN_ID = "stdin"
STDIN_ORIGIN = "<stdin>"


def read_inputs(paths: list[str], cluster: str | None = None,
                stdin: Callable[[], bytes] | None = None) -> ReadResult:
    """Read every path (file or folder, folders sorted by name) into one list of documents.

    ``-`` is one document read from standard input (``stdin()``, by default the process's):
    HTML when it starts with ``<``, else plain text with optional front-matter lines."""
    result = ReadResult()
    if paths.count("-") > 1:
        raise UsageProblem("'-' (standard input) can be given once")
    for raw_path in paths:
        if raw_path == "-":
            _read_stdin(stdin or (lambda: sys.stdin.buffer.read()), result)
            continue
        if not raw_path:
            raise UsageProblem("'': an empty path names no file (use '.' for the current folder)")
        path = Path(raw_path)
        if not path.exists():
            raise UsageProblem(f"{shown_path(raw_path)}: no such file or folder")
        if path.is_dir():
            for file in _folder_files(path, result):
                _read_file(file, cluster, result, explicit=False)
        else:
            _read_file(path, cluster, result, explicit=True)
    _finish(result)
    return result


def _finish(result: ReadResult) -> None:
    """Control characters removed, documents left without text dropped (one line each), ids
    made unique."""
    documents = []
    for document in map(_without_controls, result.documents):
        if INVISIBLE.sub("", document.text):
            documents.append(document)
        else:
            result.problems.append(InputProblem(document.origin, "no text (only white space, control characters "
                                                                 "or front-matter), skipped"))
    result.documents = documents
    _make_ids_unique(result.documents)


def _without_controls(document: RawDocument) -> RawDocument:
    """The document with the control characters of its text, title and outlet removed (a
    vertical tab or form feed becomes a line break): they are never content, and a terminal
    would obey an escape sequence ("\\x1b[31m") that an article carries."""
    def clean(value: str | None) -> str | None:
        return CONTROL.sub("", value.replace("\x0b", "\n").replace("\x0c", "\n")) if value else value

    if not any(CONTROL.search(v or "") for v in (document.text, document.title, document.outlet)):
        return document
    return replace(document, text=clean(document.text), title=clean(document.title), outlet=clean(document.outlet))


def _folder_files(folder: Path, result: ReadResult) -> list[Path]:
    """The files of a folder, by name, hidden ones left out; what cannot be listed or is no
    regular file (a FIFO, a socket, a device, a sub-folder) is said and skipped."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        result.problems.append(InputProblem(shown_path(folder), f"cannot list folder ({error.strerror}), skipped"))
        return []
    files = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                continue  # folders are not read recursively (as before)
            regular = entry.is_file()
        except OSError as error:
            result.problems.append(InputProblem(shown_path(entry), f"cannot read file ({error.strerror}), skipped"))
            continue
        if not regular:
            result.problems.append(InputProblem(shown_path(entry), "not a regular file (FIFO, socket or device), skipped"))
            continue
        if entry.is_symlink() and not _inside(entry, folder):
            result.problems.append(InputProblem(shown_path(entry), "symbolic link to a file outside the folder "
                                                f"({shown_path(entry.resolve())}), read", skipped=False))
        files.append(entry)
    return files


def _inside(entry: Path, folder: Path) -> bool:
    """Whether a link's target lies in the folder (or below it)."""
    try:
        entry.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def read_bytes(path: Path, problems: list[InputProblem]) -> bytes | None:
    """A regular file's bytes, within ``MAX_INPUT_BYTES``; None (and a problem) otherwise. A FIFO
    or a device is never opened: reading one blocks or never ends."""
    origin = shown_path(path)
    try:
        if not path.is_file():
            problems.append(InputProblem(origin, "not a regular file (FIFO, socket or device), skipped"))
            return None
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            problems.append(InputProblem(origin, f"file of {size:,} bytes, over the limit of {MAX_INPUT_BYTES:,}, skipped"))
            return None
        with path.open("rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        problems.append(InputProblem(origin, f"cannot read file ({error.strerror or error}), skipped"))
        return None
    if len(data) > MAX_INPUT_BYTES:
        problems.append(InputProblem(origin, f"file over the limit of {MAX_INPUT_BYTES:,} bytes, skipped"))
        return None
    return data


def _read_file(path: Path, cluster: str | None, result: ReadResult, explicit: bool) -> None:
    suffix = path.suffix.lower()
    origin = shown_path(path)
    if suffix in JSONL_SUFFIXES:
        _read_jsonl(path, cluster, result)
        return
    if suffix not in SUPPORTED_SUFFIXES and not explicit and suffix:
        result.problems.append(InputProblem(origin, f"unsupported file type {shown_path(suffix)!r}, skipped"))
        return
    data = read_bytes(path, result.problems)
    if data is None:
        return
    text = decode_text(data, origin, result.problems)
    if text is None:
        return
    if suffix in HTML_SUFFIXES:
        document = html_document(text, shown_path(path.stem), origin, result.problems)
        if document is None:
            result.problems.append(InputProblem(origin, "HTML page with no article text, skipped"))
            return
        result.documents.append(document)
        return
    _append_text_document(text, shown_path(path.stem), origin, result)


def _read_stdin(read: Callable[[], bytes], result: ReadResult) -> None:
    text = decode_text(read(), STDIN_ORIGIN, result.problems)
    if text is None:
        return
    if text.lstrip().startswith("<"):
        document = html_document(text, STDIN_ID, STDIN_ORIGIN, result.problems)
        if document is None:
            result.problems.append(InputProblem(STDIN_ORIGIN, "HTML page with no article text, skipped"))
            return
        result.documents.append(document)
        return
    _append_text_document(text, STDIN_ID, STDIN_ORIGIN, result)


def _append_text_document(text: str, doc_id: str, origin: str, result: ReadResult) -> None:
    header = front_matter(text, origin, result.problems)
    result.documents.append(RawDocument(id=doc_id, text=header.text, origin=origin, published=header.published,
                                        published_origin="front-matter" if header.published else None,
                                        outlet=header.outlet, outlet_origin="front-matter" if header.outlet else None))


# A .txt article may start with front-matter lines: its publication date ("published: 2024-06-19",
# "date: 2024-06-19") and its outlet ("source: Le Monde"), optionally inside a "---" block as in
# Markdown front-matter. Without the block, only the first lines that all match are read.
FRONT_MATTER_DATE = re.compile(r"^\s*(?:published|date|publi[ée]e?(?: le)?|date de publication)\s*:\s*(.*?)\s*$", re.I)
FRONT_MATTER_OUTLET = re.compile(r"^\s*(?:source|outlet|site|m[ée]dia|journal)\s*:\s*(.*?)\s*$", re.I)
# Front-matter lines read before the text, without a "---" block (a date and an outlet).
MAX_BARE_FRONT_MATTER_LINES = 2
# An outlet name longer than this is a sentence that happens to start with "Source :", not a name.
MAX_OUTLET_CHARACTERS = 60


@dataclass(frozen=True)
class FrontMatter:
    text: str  # the text without its front-matter lines
    published: str | None = None  # ISO date
    outlet: str | None = None


def front_matter(text: str, origin: str, problems: list[InputProblem]) -> FrontMatter:
    """The text without its front-matter lines, and the date (ISO) and outlet they give."""
    lines = text.split("\n")
    fenced = lines and lines[0].strip() == "---"
    block_end = next((k for k in range(1, min(len(lines), 12)) if lines[k].strip() == "---"), None) if fenced else None
    if block_end:
        header, rest = lines[1:block_end], lines[block_end + 1:]
    else:
        count = 0
        while (count < min(MAX_BARE_FRONT_MATTER_LINES, len(lines))
               and _front_matter_value(lines[count]) is not None):
            count += 1
        header, rest = lines[:count], lines[count:]
    if not header and not block_end:
        return FrontMatter(text)
    published = outlet = None
    for line in header:
        if match := FRONT_MATTER_DATE.match(line):
            value = match.group(1).strip().strip("\"'")
            date, why = parse_date(value)
            if date is None:
                problems.append(InputProblem(origin, f"front-matter date {value!r} is {why}, ignored", skipped=False))
            else:
                published = date.isoformat()
        elif match := FRONT_MATTER_OUTLET.match(line):
            outlet = clean_outlet(match.group(1).strip("\"'"))
    return FrontMatter("\n".join(rest).lstrip("\n"), published, outlet)


def _front_matter_value(line: str) -> str | None:
    """The value of a bare front-matter line, None when the line is text."""
    if match := FRONT_MATTER_DATE.match(line):
        return match.group(1)
    match = FRONT_MATTER_OUTLET.match(line)
    return match.group(1) if match and clean_outlet(match.group(1)) else None


def clean_outlet(value: object) -> str | None:
    """An outlet's display name as the input gives it, on one line; None when it is no name
    (empty, not a string, or sentence-long)."""
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())
    return name if 0 < len(name) <= MAX_OUTLET_CHARACTERS else None


def outlet_from_url(url: object) -> str | None:
    """The host of an article's address, without "www." ("https://www.lemonde.fr/x" → "lemonde.fr"):
    a better name for a source than a file stem when the input gives no outlet."""
    if not isinstance(url, str):
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    return clean_outlet(host.removeprefix("www."))


def decode_text(data: bytes, origin: str, problems: list[InputProblem]) -> str | None:
    """Decode bytes as UTF-8, falling back (and saying so) to cp1252/Latin-1; None if unusable."""
    if not data.strip():
        problems.append(InputProblem(origin, "empty file, skipped"))
        return None
    for bom, encoding in UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return _visible(data.decode(encoding), origin, problems)
            except UnicodeDecodeError:
                problems.append(InputProblem(origin, f"starts as {encoding.upper()} but is not valid {encoding.upper()}, skipped"))
                return None
    if b"\x00" in data or _control_ratio(data) > BINARY_CONTROL_RATIO:
        problems.append(InputProblem(origin, "binary file (not text), skipped"))
        return None
    try:
        return _visible(data.decode("utf-8-sig"), origin, problems)
    except UnicodeDecodeError as error:
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            problems.append(
                InputProblem(
                    origin,
                    f"not valid UTF-8 (byte {error.start}); decoded as {encoding} instead",
                    skipped=False,
                )
            )
            return _visible(text, origin, problems)
    problems.append(InputProblem(origin, "undecodable text, skipped"))
    return None


def _visible(text: str, origin: str, problems: list[InputProblem]) -> str | None:
    """The text, or None (and a problem) when it holds only white space and invisible
    characters (no-break spaces, U+3000, zero-width spaces, a BOM)."""
    if INVISIBLE.fullmatch(text) or not text:
        problems.append(InputProblem(origin, "empty file (only white space), skipped"))
        return None
    return text


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample)


def html_document(html: str, doc_id: str, origin: str, problems: list[InputProblem] | None = None) -> RawDocument | None:
    """Main text and metadata of an HTML page, by trafilatura; None when it finds no article.
    Overlong tags lose their attributes first (``MAX_TAG_CHARACTERS``), said in ``problems``."""
    import trafilatura

    html, cut = OVERLONG_TAG.subn(r"<\1>", html)
    if cut and problems is not None:
        problems.append(InputProblem(origin, f"{cut} HTML tag{'s' if cut > 1 else ''} with over "
                                             f"{MAX_TAG_CHARACTERS:,} characters of attributes: attributes dropped",
                                     skipped=False))

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    if extracted is None:
        return None
    text = (extracted.text or "").strip()
    if len(text.split()) < MIN_HTML_ARTICLE_WORDS:
        return None
    return RawDocument(
        id=doc_id,
        text=text,
        origin=origin,
        title=extracted.title or None,
        language=extracted.language or None,
        published=extracted.date or None,
        published_origin="metadata" if extracted.date else None,
        **_outlet(("metadata", clean_outlet(extracted.sitename)), ("url", outlet_from_url(extracted.url))),
    )


def read_each_cluster(paths: list[str]) -> Iterator[tuple[str, ReadResult]]:
    """``(cluster id, its documents and problems)`` for every cluster of the .jsonl files in
    ``paths``, each file parsed once (``recoupe brief --each-cluster``). A path that is no .jsonl
    file is a usage problem; a file's bad lines are reported with its first cluster."""
    for raw_path in paths:
        path = Path(raw_path)
        if raw_path == "-" or path.suffix.lower() not in JSONL_SUFFIXES or not path.is_file():
            raise UsageProblem(f"{shown_path(raw_path)}: --each-cluster reads .jsonl files of clusters")
    for raw_path in paths:
        file_problems = ReadResult()
        clusters = _jsonl_clusters(Path(raw_path), file_problems)
        if not clusters:
            yield shown_path(Path(raw_path).stem), file_problems
        for origin, record in clusters:
            result = ReadResult(problems=file_problems.problems)
            file_problems = ReadResult()
            _append_cluster(origin, record, result)
            _finish(result)
            yield shown_path(record.get("id")), result


def feed_files(paths: list[str]) -> tuple[list[tuple[Path, bool]], list[InputProblem]]:
    """The files a feed's paths name, each with whether it was named itself (not found in a
    folder), folders listed as ``read_inputs`` lists them (by name, not recursively, hidden files
    left out), so that each file can be read on its own worker (``read_feed_file``)."""
    listing = ReadResult()
    files: list[tuple[Path, bool]] = []
    for raw_path in paths:
        if not raw_path or raw_path == "-":
            raise UsageProblem(f"{shown_path(raw_path)!r}: a feed is read from files and folders")
        path = Path(raw_path)
        if not path.exists():
            raise UsageProblem(f"{shown_path(raw_path)}: no such file or folder")
        if path.is_dir():
            files += [(file, False) for file in _folder_files(path, listing)]
        else:
            files.append((path, True))
    return files, listing.problems


def read_feed_file(path: Path, explicit: bool = True) -> ReadResult:
    """One file of a feed: a .jsonl file whole (each line a cluster of documents, whose gold ids
    are not read, or one article), another file as ``brief`` reads it (found in a folder,
    ``explicit`` False, a file of another type is skipped and said)."""
    result = ReadResult()
    if path.suffix.lower() in JSONL_SUFFIXES:
        for origin, record in _jsonl_clusters(path, result, articles_too=True):
            if "documents" in record:
                _append_cluster(origin, record, result)
            else:
                _append_document(record, origin, shown_path(f"{path.stem}-{origin.rsplit(':', 1)[1]}"),
                                 None, None, result)
    else:
        _read_file(path, None, result, explicit=explicit)
    _finish(result)
    return result


def make_ids_unique(documents: list[RawDocument]) -> None:
    """Documents read apart (``read_feed_file``) given ids as ``read_inputs`` gives them."""
    _make_ids_unique(documents)


def _jsonl_clusters(path: Path, result: ReadResult, articles_too: bool = False) -> list[tuple[str, dict]]:
    """``(origin, record)`` of each cluster line of a .jsonl file (and, when ``articles_too``, of
    each line that is one article: no "documents" key); bad lines become problems."""
    data = read_bytes(path, result.problems)
    if data is None:
        return []
    shown = shown_path(path)
    text = decode_text(data, shown, result.problems)
    if text is None:
        return []
    clusters = []
    # lines end at "\n" only: U+2028 and the other breaks str.splitlines knows are valid inside a
    # JSON string
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{shown}:{number}"
        record = _json_line(line, origin, result.problems)
        if record is None:
            continue
        if articles_too and isinstance(record, dict) and "documents" not in record:
            clusters.append((origin, record))  # one article a line (a feed)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("documents"), list):
            result.problems.append(InputProblem(origin, "not a cluster object with a 'documents' list, skipped"))
            continue
        if not record["documents"]:
            result.problems.append(InputProblem(origin, "cluster with no documents ('documents' is empty), skipped"))
            continue
        clusters.append((origin, record))
    return clusters


def _json_line(line: str, origin: str, problems: list[InputProblem]) -> object | None:
    """One JSON value, or None (and a problem): malformed, nested too deep for the parser, or a
    number too long to convert. Lone surrogates ("\\ud800", valid JSON, not text) become U+FFFD,
    and are reported."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        problems.append(InputProblem(origin, f"malformed JSON line ({error.msg}), skipped"))
        return None
    except RecursionError:
        problems.append(InputProblem(origin, "JSON nested too deeply, skipped"))
        return None
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        problems.append(InputProblem(origin, f"unreadable JSON value ({str(error).split(':')[0]}), skipped"))
        return None
    if ESCAPED_SURROGATE.search(line):
        cleaned = _without_surrogates(record)
        if cleaned != record:
            problems.append(InputProblem(origin, "lone surrogate code points (not text) replaced by U+FFFD",
                                         skipped=False))
        record = cleaned
    return record


def _without_surrogates(value: object, depth: int = 0) -> object:
    """The JSON value with every lone surrogate of its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return SURROGATE.sub("\ufffd", value)
    if depth > MAX_JSON_DEPTH:
        return None
    if isinstance(value, list):
        return [_without_surrogates(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {SURROGATE.sub("\ufffd", k): _without_surrogates(v, depth + 1) for k, v in value.items()}
    return value


def _read_jsonl(path: Path, cluster: str | None, result: ReadResult) -> None:
    """One cluster per line: ``{"id", "documents": [{"id", "title", "text", ...}]}``."""
    clusters = _jsonl_clusters(path, result)
    if cluster is not None:
        chosen = [(o, r) for o, r in clusters if str(r.get("id")) == cluster]
        if not chosen:
            raise UsageProblem(f"{path}: no cluster with id {cluster!r}")
    elif len(clusters) > 1:
        ids = ", ".join(str(r.get("id")) for _, r in clusters[:5])
        raise UsageProblem(f"{path}: {len(clusters)} clusters ({ids}, ...); choose one with --cluster ID")
    else:
        chosen = clusters
    for origin, record in chosen:
        _append_cluster(origin, record, result)


def _typed(record: dict, key: str, kinds: tuple[type, ...], origin: str, problems: list[InputProblem]):
    """``record[key]`` when it is of one of ``kinds`` (or absent, or null: None); another type is
    reported (which key, what type) and ignored."""
    value = record.get(key)
    if value is None or isinstance(value, kinds) and not isinstance(value, bool):
        return value
    expected = " or ".join(JSON_TYPE_NAMES[k] for k in kinds)
    problems.append(InputProblem(origin, f"'{key}' is {JSON_TYPE_NAMES.get(type(value), type(value).__name__)}, "
                                         f"expected {expected}; ignored", skipped=False))
    return None


def _checked_date(record: dict, origin: str, problems: list[InputProblem]) -> str | None:
    """The record's "date" as an ISO date, when it is one within the publication years."""
    value = _typed(record, "date", (str,), origin, problems)
    if value is None or not value.strip():
        return None
    date, why = parse_date(value)
    if date is None:
        problems.append(InputProblem(origin, f"'date' {value[:40]!r} is {why}; ignored", skipped=False))
        return None
    return value.strip()


def _append_cluster(origin: str, record: dict, result: ReadResult) -> None:
    problems = result.problems
    cluster_language = _typed(record, "language", (str,), origin, problems)
    cluster_id = _typed(record, "id", (str, int), origin, problems)
    cluster_date = _checked_date(record, origin, problems)
    for position, item in enumerate(record["documents"]):
        _append_document(item, f"{origin} document {position}", f"{cluster_id}-{position}",
                         cluster_language if cluster_language != "mixed" else None, cluster_date, result)


def _append_document(item: object, origin: str, default_id: str, default_language: str | None,
                     default_date: str | None, result: ReadResult) -> None:
    """One JSON article (``{"id", "title", "text", "date"?, "url"?, "source"?, "language"?}``)."""
    problems = result.problems
    if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not INVISIBLE.sub("", item["text"]):
        problems.append(InputProblem(origin, "document without text, skipped"))
        return
    language = _typed(item, "language", (str,), origin, problems) or default_language
    doc_id = _typed(item, "id", (str, int), origin, problems)
    title = _typed(item, "title", (str,), origin, problems)
    date = _checked_date(item, origin, problems) or default_date
    result.documents.append(
        RawDocument(
            id=shown_path(doc_id if doc_id not in (None, "") else default_id),
            text=item["text"],
            origin=origin,
            title=title or None,
            language=language,
            published=date,
            published_origin="metadata" if date else None,
            **_outlet(("jsonl", clean_outlet(item.get("source")) or clean_outlet(item.get("outlet"))),
                      ("url", outlet_from_url(item.get("url")))),
        )
    )


def _outlet(*candidates: tuple[str, str | None]) -> dict:
    """The first named outlet of ``(origin, name)`` candidates, as RawDocument fields."""
    for origin, name in candidates:
        if name:
            return {"outlet": name, "outlet_origin": origin}
    return {}


def _make_ids_unique(documents: list[RawDocument]) -> None:
    """Two files with the same stem in different folders get ``-2``, ``-3`` suffixes, never one
    another document already has (ids "a", "a", "a-2" become "a", "a-3", "a-2")."""
    used = {document.id for document in documents}
    seen: set[str] = set()
    for position, document in enumerate(documents):
        if document.id not in seen:
            seen.add(document.id)
            continue
        count = 2
        while f"{document.id}-{count}" in used:
            count += 1
        new_id = f"{document.id}-{count}"
        used.add(new_id)
        seen.add(new_id)
        documents[position] = replace(document, id=new_id)
