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
# trafilatura returns menu crumbs for pages without an article ("menu"); below this many words
# the page is reported as having no article.
MIN_HTML_ARTICLE_WORDS = 15


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
        path = Path(raw_path)
        if not path.exists():
            raise UsageProblem(f"{raw_path}: no such file or folder")
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if path.is_dir() and file.name.startswith("."):
                continue
            _read_file(file, cluster, result, explicit=not path.is_dir())
    _make_ids_unique(result.documents)
    return result


def _read_file(path: Path, cluster: str | None, result: ReadResult, explicit: bool) -> None:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        _read_jsonl(path, cluster, result)
        return
    if suffix not in SUPPORTED_SUFFIXES and not explicit and suffix:
        result.problems.append(InputProblem(str(path), f"unsupported file type {suffix!r}, skipped"))
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        result.problems.append(InputProblem(str(path), f"cannot read file ({error.strerror})"))
        return
    text = decode_text(data, str(path), result.problems)
    if text is None:
        return
    if suffix in HTML_SUFFIXES:
        document = html_document(text, path.stem, str(path))
        if document is None:
            result.problems.append(InputProblem(str(path), "HTML page with no article text, skipped"))
            return
        result.documents.append(document)
        return
    _append_text_document(text, path.stem, str(path), result)


def _read_stdin(read: Callable[[], bytes], result: ReadResult) -> None:
    text = decode_text(read(), STDIN_ORIGIN, result.problems)
    if text is None:
        return
    if text.lstrip().startswith("<"):
        document = html_document(text, STDIN_ID, STDIN_ORIGIN)
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
            try:
                published = dt.date.fromisoformat(value[:10]).isoformat()
            except ValueError:
                problems.append(InputProblem(origin, f"front-matter date {value!r} is not a date (YYYY-MM-DD), ignored",
                                             skipped=False))
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
    if b"\x00" in data or _control_ratio(data) > BINARY_CONTROL_RATIO:
        problems.append(InputProblem(origin, "binary file (not text), skipped"))
        return None
    try:
        return data.decode("utf-8-sig")
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
            return text
    problems.append(InputProblem(origin, "undecodable text, skipped"))
    return None


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample)


def html_document(html: str, doc_id: str, origin: str) -> RawDocument | None:
    """Main text and metadata of an HTML page, by trafilatura; None when it finds no article."""
    import trafilatura

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
            raise UsageProblem(f"{raw_path}: --each-cluster reads .jsonl files of clusters")
    for raw_path in paths:
        file_problems = ReadResult()
        clusters = _jsonl_clusters(Path(raw_path), file_problems)
        if not clusters:
            yield Path(raw_path).stem, file_problems
        for origin, record in clusters:
            result = ReadResult(problems=file_problems.problems)
            file_problems = ReadResult()
            _append_cluster(origin, record, result)
            _make_ids_unique(result.documents)
            yield str(record.get("id")), result


def _jsonl_clusters(path: Path, result: ReadResult) -> list[tuple[str, dict]]:
    """``(origin, record)`` of each cluster line of a .jsonl file; bad lines become problems."""
    try:
        data = path.read_bytes()
    except OSError as error:
        result.problems.append(InputProblem(str(path), f"cannot read file ({error.strerror})"))
        return []
    text = decode_text(data, str(path), result.problems)
    if text is None:
        return []
    clusters = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            result.problems.append(InputProblem(origin, f"malformed JSON line ({error.msg}), skipped"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("documents"), list):
            result.problems.append(InputProblem(origin, "not a cluster object with a 'documents' list, skipped"))
            continue
        clusters.append((origin, record))
    return clusters


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


def _append_cluster(origin: str, record: dict, result: ReadResult) -> None:
    cluster_language = record.get("language")
    for position, item in enumerate(record["documents"]):
        doc_origin = f"{origin} document {position}"
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            result.problems.append(InputProblem(doc_origin, "document without text, skipped"))
            continue
        language = item.get("language") or (cluster_language if cluster_language != "mixed" else None)
        result.documents.append(
            RawDocument(
                id=str(item.get("id") or f"{record.get('id')}-{position}"),
                text=item["text"],
                origin=doc_origin,
                title=item.get("title") or None,
                language=language,
                published=item.get("date") or record.get("date") or None,
                published_origin="metadata" if item.get("date") or record.get("date") else None,
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
    """Two files with the same stem in different folders get ``-2``, ``-3`` suffixes."""
    seen: dict[str, int] = {}
    for position, document in enumerate(documents):
        count = seen.get(document.id, 0) + 1
        seen[document.id] = count
        if count > 1:
            documents[position] = replace(document, id=f"{document.id}-{count}")
