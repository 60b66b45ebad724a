"""Command line: ``recoupe brief``, ``recoupe sentences`` and ``recoupe eval`` (Typer + Rich).

Exit status: 0 all inputs fine; 1 some input was bad (one line on stderr each, the others are
still briefed); 2 usage error (missing path, bad option), as one line on stderr.
"""

from __future__ import annotations

import json
import re
import sys
import time
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

# Typer >= 0.22 vendors click; its exception classes live here (typer is pinned in constraints.txt).
from typer._click.exceptions import ClickException, UsageError
from rich.console import Console, Group
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from . import __version__
from .lang import SUPPORTED_LANGUAGES, UnsupportedLanguage
from .readers import SUPPORTED_SUFFIXES, UsageProblem, shown_path

# The heavy modules (spaCy, scikit-learn, the pipeline) are imported inside the commands that use
# them, so that `recoupe --help` and `recoupe --version` answer at once.

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Cross-check news articles about one story into a cited, extractive briefing.",
)
stderr = Console(stderr=True, highlight=False)

# What each stage does, as the progress line says it.
STAGE_LABELS = {
    "clean": "cleaning the articles (loading the language model)",
    "split": "splitting sentences",
    "features": "analysing the sentences",
    "summarise": "summarising",
    "timeline": "dating events",
    "crosscheck": "cross-checking the sources",
    "actors": "finding the actors",
    "quotes": "finding who said what",
}
# Characters kept in a cluster id used as a file name (--each-cluster); others become "_".
UNSAFE_FILE_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")


class Format(str, Enum):
    text = "text"
    md = "md"
    json = "json"
    html = "html"


def _names_an_input(out: Path, paths: list[str]) -> bool:
    """Whether ``--out`` is one of the input files, or an article of an input folder."""
    try:
        target = Path(out).resolve()
        for raw in paths:
            if raw == "-" or not raw:
                continue
            path = Path(raw).resolve()
            if target == path or (path.is_dir() and target.parent == path and target.exists()
                                   and target.suffix.lower() in SUPPORTED_SUFFIXES):
                return True
    except OSError:
        return False
    return False


def _fail_usage(message: str) -> None:
    raise UsageError(message)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"recoupe {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Cross-check news articles about one story into a cited, extractive briefing."""


@app.command()
def brief(
    paths: Annotated[list[str] | None, typer.Argument(
        metavar="PATH", help="Folders or .txt/.html/.jsonl files; '-' reads one article from standard input.",
        show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", metavar="FILE", help="Write the briefing to FILE (with --each-cluster: a folder) instead of "
        "stdout; its extension (.json .md .html) sets the format.")] = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", "-f", help="Output format (default: from --out's extension, else text).")] = None,
    full: Annotated[bool, typer.Option(
        "--full", help="Text and Markdown: every claim, quote, actor, the timeline and the noise report "
        "(the default view is short); past 100 articles, every format: each claim's whole list of silent "
        "sources.")] = False,
    words: Annotated[int, typer.Option(min=10, metavar="N", help="Word budget of the summary.")] = 150,
    lang: Annotated[str, typer.Option(metavar="|".join(SUPPORTED_LANGUAGES), help="Language of the articles.")] = "fr",
    published: Annotated[str | None, typer.Option(
        metavar="YYYY-MM-DD",
        help="Publication date of documents whose input gives none; resolves 'mardi', 'hier'.")] = None,
    cluster: Annotated[str | None, typer.Option(metavar="ID", help="Cluster id to brief in a .jsonl file.")] = None,
    each_cluster: Annotated[bool, typer.Option(
        "--each-cluster", help="Brief every cluster of the .jsonl files in one process, one file each in the "
        "--out folder.")] = False,
    crosscheck: Annotated[bool, typer.Option(
        "--crosscheck/--no-crosscheck", help="Align claims across sources and report contradictions.")] = True,
    no_story: Annotated[bool, typer.Option(
        "--no-story", help="Skip the actors, who said what, and the timeline.")] = False,
    db: Annotated[Path | None, typer.Option(
        "--db", metavar="FILE", help="Brief a story of this store (`recoupe stories`) instead of PATHs.")] = None,
    story_id: Annotated[int | None, typer.Option(
        "--story", metavar="ID", help="With --db: the story to brief (`recoupe stories list`); its briefing is kept "
        "in the store until the story grows.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no 'written to' line.")] = False,
) -> None:
    """Brief articles on one story: cited summary, contradictions, who said what, timeline.

    Cleans the articles (and reports the noise removed), cross-checks the sources and writes an
    extractive summary in which every sentence cites the sources that state it."""
    from .readers import parse_date

    paths = paths or []
    if published is not None:
        date, why = parse_date(published)
        if date is None:
            _fail_usage(f"--published: {published!r} is {why}")
    if out is not None and _names_an_input(out, paths):
        _fail_usage(f"--out {shown_path(out)}: that is one of the inputs; it would be overwritten")
    story = not no_story
    if db is not None or story_id is not None:
        if db is None or story_id is None:
            _fail_usage("--db FILE and --story ID go together")
        if paths or each_cluster or cluster is not None:
            _fail_usage("--db --story briefs a stored story: give no PATH, --cluster or --each-cluster")
        if out is not None and _names_an_input(out, [str(db)]):
            _fail_usage(f"--out {shown_path(out)}: that is the story store; it would be overwritten")
        options = dict(words=words, crosscheck=crosscheck, published=published, story=story)
        raise typer.Exit(_brief_stored_story(db, story_id, out, fmt.value if fmt else _format_for(out), full, quiet,
                                             options))
    if not paths:
        _fail_usage("give the articles to brief (PATH...), or --db FILE --story ID")
    options = dict(words=words, lang=lang, crosscheck=crosscheck, published=published, story=story)
    if each_cluster:
        if cluster is not None:
            _fail_usage("--each-cluster and --cluster exclude each other")
        if out is None:
            _fail_usage("--each-cluster needs --out FOLDER")
        raise typer.Exit(_brief_each_cluster(paths, out, (fmt or Format.text).value, full, quiet, options))
    chosen = fmt.value if fmt else _format_for(out)
    try:
        with StageProgress(quiet) as advance:
            from .pipeline import brief as run_brief

            briefing = run_brief(paths, cluster=cluster, progress=advance, **options)
    except (UsageProblem, UnsupportedLanguage) as error:
        _fail_usage(str(error))
    except MemoryError:
        # a last resort, not a bound: thousands of near-identical articles still make cross-checking
        # compare every pair (issue 20)
        stderr.print("recoupe: out of memory while briefing these inputs; brief fewer articles at once",
                     markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    _print_problems(briefing.problems)
    if not briefing.documents:
        stderr.print("recoupe: no readable document in the input", markup=False, soft_wrap=True)
        raise typer.Exit(1)
    from .render import briefing_to_dict

    _show_briefing(briefing_to_dict(briefing, full), out, chosen, full, quiet)
    raise typer.Exit(1 if briefing.problems else 0)


def _show_briefing(data: dict, out: Path | None, chosen: str, full: bool, quiet: bool) -> None:
    """A briefing written to ``out``, or to stdout (drawn by Rich on a terminal)."""
    from .render import render

    if not quiet:
        _note_undated(data)
        _note_many(data)
    if out is not None:
        _write(out, render(data, chosen, full), chosen, quiet)
    elif chosen == "text" and sys.stdout.isatty():
        from .render.terminal import to_rich

        Console().print(to_rich(data, full))
    else:
        sys.stdout.write(render(data, chosen, full))


def _brief_stored_story(db: Path, story: int, out: Path | None, chosen: str, full: bool, quiet: bool,
                        options: dict) -> int:
    """``brief --db FILE --story ID``: the story's briefing, from the store's cache when the
    story has not grown since."""
    from .stories.briefing import StoryProblem, story_briefing

    store = _story_store(db)
    try:
        with StageProgress(quiet) as advance:
            data, cached = story_briefing(store, story, options, full, progress=advance)
    except StoryProblem as error:
        _fail_usage(f"{shown_path(db)}: {error}")
    finally:
        store.close()
    if not quiet and cached:
        stderr.print(f"recoupe: story {story}'s briefing from {shown_path(db)} (the story has not changed since it "
                     "was made)", markup=False, soft_wrap=True)
    _show_briefing(data, out, chosen, full, quiet)
    return 0


def _note_undated(data: dict) -> None:
    """Say on stderr which documents have no usable publication date: their "mardi" and "hier"
    are left out of the timeline, which a reader of the output alone might not notice."""
    undated = [d["id"] for d in data["documents"] if d["published_origin"] == "unknown"]
    if undated:
        shown = ", ".join(undated[:5]) + (f" and {len(undated) - 5} more" if len(undated) > 5 else "")
        stderr.print(f"recoupe: note: {len(undated)} of {len(data['documents'])} documents have no publication date "
                     f"({shown}); their relative dates are left out of the timeline (--published gives one)",
                     markup=False, soft_wrap=True)


def _note_many(data: dict) -> None:
    """Say on stderr when the input is more articles than one story holds (the views say it too)."""
    from .render.contract import MANY_ARTICLES

    if len(data["documents"]) > MANY_ARTICLES:
        stderr.print(f"recoupe: note: {len(data['documents'])} articles briefed as one story; past about "
                     f"{MANY_ARTICLES}, a feed holds several stories: group the articles by story first, and "
                     "brief each story (the agreement matrix and silent lists are cut, --full gives the lists)",
                     markup=False, soft_wrap=True)


def _format_for(out: Path | None) -> str:
    from .render import format_for_path

    return format_for_path(out) if out is not None else "text"


def _brief_each_cluster(paths: list[str], folder: Path, fmt: str, full: bool, quiet: bool, options: dict) -> int:
    """Brief every cluster of the .jsonl files, the model loaded once; one file per cluster."""
    from .features import NlpResources
    from .pipeline import brief_read
    from .readers import read_each_cluster
    from .render import EXTENSION_OF_FORMAT, render

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        stderr.print(f"recoupe: {shown_path(folder)}: cannot create the folder ({error.strerror})", markup=False,
                     soft_wrap=True)
        return 1
    resources, written, status = NlpResources(), set(), 0
    try:
        clusters = read_each_cluster(paths)
        for number, (cluster, read) in enumerate(clusters, start=1):
            _print_problems(read.problems)
            status = 1 if read.problems else status
            if not read.documents:
                continue
            briefing = brief_read(read, resources=resources, **options)
            name = UNSAFE_FILE_CHARACTERS.sub("_", cluster) or f"cluster-{number}"
            while name in written:
                name += "_"
            written.add(name)
            if not _write(folder / f"{name}{EXTENSION_OF_FORMAT[fmt]}", render(briefing, fmt, full), fmt, quiet,
                          prefix=f"[{number}] {cluster}: "):
                status = 1
    except (UsageProblem, UnsupportedLanguage) as error:
        _fail_usage(str(error))
    if not written:
        stderr.print("recoupe: no readable cluster in the input", markup=False, soft_wrap=True)
        return 1
    return status


def _write(path: Path, rendered: str, fmt: str, quiet: bool, prefix: str = "") -> bool:
    try:
        path.write_text(rendered, encoding="utf-8")
    except OSError as error:
        stderr.print(f"recoupe: {shown_path(path)}: cannot write ({error.strerror})", markup=False, soft_wrap=True)
        if not prefix:
            raise typer.Exit(1)
        return False
    if not quiet:
        size = len(rendered.encode("utf-8"))
        stderr.print(f"recoupe: {prefix}briefing written to {shown_path(path)} ({fmt}, {_size(size)})", markup=False,
                     soft_wrap=True)
    return True


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def _print_problems(problems) -> None:
    for problem in problems:
        stderr.print(f"recoupe: {problem}", markup=False, soft_wrap=True)


class StageProgress:
    """Progress of one brief on stderr: a spinner with the stage and the time on a terminal, one
    line per stage otherwise (a log, a pipe), nothing with ``--quiet``."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.started = time.perf_counter()
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=stderr, transient=True, disable=quiet or not stderr.is_terminal)
        self.count = 0

    def __enter__(self):
        from .pipeline import STAGES

        self.progress.__enter__()
        task = self.progress.add_task("reading the input", total=None)

        def advance(stage: str) -> None:
            self.count += 1
            label = STAGE_LABELS.get(stage, stage)
            self.progress.update(task, description=label)
            if not self.quiet and not stderr.is_terminal:
                elapsed = time.perf_counter() - self.started
                stderr.print(f"recoupe: [{self.count}/{len(STAGES)}] {label} ({elapsed:.1f} s)", markup=False,
                             soft_wrap=True)

        return advance

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)


@app.command()
def sentences(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Folders or files; '-' reads plain text from stdin.")],
    lang: Annotated[str, typer.Option(metavar="|".join(SUPPORTED_LANGUAGES), help="Language of the splitting rules.")] = "fr",
    cluster: Annotated[str | None, typer.Option(metavar="ID", help="Cluster id in a .jsonl file.")] = None,
) -> None:
    """Print the cleaned documents' sentences, one JSON object a line."""
    from .clean import clean_documents
    from .features import load_pipeline
    from .lang import language_data
    from .pipeline import split_documents
    from .readers import decode_text, read_inputs
    from .repair import Lexicon
    from .split import SentenceSplitter
    from .types import InputProblem, RawDocument

    try:
        data = language_data(lang)
        problems: list[InputProblem] = []
        documents: list[RawDocument] = []
        files = [p for p in paths if p != "-"]
        if files:
            read = read_inputs(files, cluster=cluster)
            documents, problems = read.documents, read.problems
    except (UsageProblem, UnsupportedLanguage) as error:
        _fail_usage(str(error))
    splitter = SentenceSplitter(data)
    if "-" in paths:
        text = decode_text(sys.stdin.buffer.read(), "<stdin>", problems)
        if text is not None:
            # plain text from stdin is split as it is: one document, no cleaning
            for index, span in enumerate(splitter.spans(text)):
                _print_sentence("-", index, span.start, span.end, text[span.start : span.end])
    if documents:
        lexicon = Lexicon.from_texts([d.text for d in documents], data.CODE, vocab=load_pipeline(data.CODE).vocab)
        cleaned = clean_documents(documents, data, splitter, lexicon)
        for sentence in split_documents(cleaned, splitter):
            _print_sentence(sentence.doc_id, sentence.index, sentence.start, sentence.end, sentence.text)
    for problem in problems:
        stderr.print(f"recoupe: {problem}", markup=False, soft_wrap=True)
    raise typer.Exit(1 if problems else 0)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command(name="eval")
def evaluate_command(
    dataset: Annotated[Path, typer.Argument(metavar="DATASET", help="JSONL clusters with reference summaries (../shared/data/*).")],
    words: Annotated[int, typer.Option(min=10, metavar="N", help="Word budget: every summary is cut to its first N words.")] = 100,
    systems: Annotated[str | None, typer.Option(
        metavar="NAMES", help="Comma-separated systems (default: recoupe,lead,lexrank,textrank,oracle).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, metavar="K", help="Evaluate the first K clusters.")] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", help="Output format.")] = EvalFormat.table,
) -> None:
    """ROUGE of recoupe and the baselines against human summaries."""
    from .evaluate import SYSTEMS, DatasetProblem, evaluate

    chosen = SYSTEMS if systems is None else tuple(s.strip() for s in systems.split(",") if s.strip())
    unknown = [s for s in chosen if s not in SYSTEMS]
    if unknown or not chosen:
        _fail_usage(f"unknown system(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(SYSTEMS)}")
    if not dataset.exists():
        _fail_usage(f"{dataset}: no such file")
    progress = Progress(
        TextColumn("evaluating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, transient=True, disable=not stderr.is_terminal,
    )
    try:
        with progress:
            task = progress.add_task("clusters", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            report = evaluate(dataset, words, chosen, limit, progress=advance)
    except DatasetProblem as error:
        stderr.print(f"recoupe: {error}", markup=False, soft_wrap=True)
        raise typer.Exit(1)
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_table(eval_table(report), 170)  # up to 10 metric columns


class GoldGrouping(str, Enum):
    cluster = "cluster"
    topic = "topic"


@app.command(name="eval-stories")
def eval_stories_command(
    dataset: Annotated[Path, typer.Argument(metavar="DATASET", help="JSONL clusters (../shared/data/*): their documents are the feed.")],
    by: Annotated[GoldGrouping, typer.Option("--by", help="Gold story of a document: its cluster, or its topic "
                                                             "(rpm2-fr: the two clusters of a topic).")] = GoldGrouping.cluster,
    fmt: Annotated[EvalFormat, typer.Option("--format", help="Output format.")] = EvalFormat.table,
) -> None:
    """Stories found blind in the pooled, shuffled documents of a dataset, against its clusters:
    B-cubed and pairwise precision, recall and F1, on the dev and test parts apart."""
    from dataclasses import asdict

    from rich.table import Table

    from rich.markup import escape

    from .stories.evaluate import StoriesDatasetProblem, evaluate_stories, load_gold, without_shared_texts

    if not dataset.exists():
        _fail_usage(f"{shown_path(dataset)}: no such file")
    try:
        with stderr.status("grouping the articles into stories", spinner="dots") if stderr.is_terminal else nullcontext():
            gold = load_gold(dataset, by.value)
            scores = evaluate_stories(gold)
            # and without the texts that copy a text of another gold story: no grouping puts them right
            scores |= {f"{split}_without_shared_texts": s for split, s in evaluate_stories(without_shared_texts(gold)).items()}
    except StoriesDatasetProblem as error:
        stderr.print(f"recoupe: {error}", markup=False, soft_wrap=True)
        raise typer.Exit(1)
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps({split: asdict(s) for split, s in scores.items()}, indent=2) + "\n")
        return
    table = Table(title=escape(f"Stories in {shown_path(dataset.name)} by {by.value}: B-cubed and pairwise, dev / test"))
    for column in ("split", "articles", "gold stories", "stories found", "B-cubed P", "B-cubed R", "B-cubed F1",
                   "pairwise P", "pairwise R", "pairwise F1"):
        table.add_column(column, justify="left" if column == "split" else "right")
    for split, s in scores.items():
        table.add_row(split.replace("_", " "), str(s.articles), str(s.gold_groups), str(s.stories), f"{s.bcubed_precision:.3f}",
                      f"{s.bcubed_recall:.3f}", f"{s.bcubed_f1:.3f}", f"{s.pairwise_precision:.3f}",
                      f"{s.pairwise_recall:.3f}", f"{s.pairwise_f1:.3f}")
    _print_table(table, 150)


stories_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                          no_args_is_help=True, help="A feed of articles grouped into stories, kept in SQLite.")
app.add_typer(stories_app, name="stories")


@stories_app.command(name="ingest")
def stories_ingest(
    feed: Annotated[list[str], typer.Argument(metavar="FEED", help="Folders or .txt/.html/.jsonl files (JSONL: a "
                                              "cluster or an article a line).")],
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The SQLite story store (created if missing).")],
    window: Annotated[str, typer.Option("--window", metavar="DAYS", help="How long a story stays open to new "
                                        "articles after its newest one, e.g. 7d.")] = "7d",
    scheduler: Annotated[str, typer.Option("--scheduler", metavar="NAME", help="Where reading and preparing run: "
                                           "synchronous (this thread, the fastest on 2 cores), threads, processes, or a "
                                           "Dask scheduler's tcp://HOST:PORT; the stories are the same on each.")] = "synchronous",
    batch: Annotated[int, typer.Option("--batch", min=1, metavar="N", help="Articles per transaction.")] = 1000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary line.")] = False,
) -> None:
    """Add a feed's new articles to the stories of the store: copies found, each article assigned
    to a story in publication order, one transaction per batch."""
    from .stories.ingest import ingest
    from .stories.parallel import SchedulerProblem, open_workers

    window_days = _window_days(window)
    for path in feed:  # before the store is created: a mistyped path leaves no empty store behind
        if path == "-" or not Path(path).exists():
            _fail_usage(f"{shown_path(path)}: no such file or folder" if path != "-" else "a feed is read from files")
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=stderr, transient=True, disable=quiet or not stderr.is_terminal)
    tasks: dict[str, int] = {}

    def advance(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task("reading files" if stage == "reading" else "storing articles", total=total)
        progress.update(tasks[stage], completed=done, total=total)

    try:  # the workers first: a scheduler that does not answer leaves no empty store behind
        with open_workers(scheduler) as workers:
            store = _story_store(db, must_exist=False)
            try:
                with progress:
                    report = ingest(feed, store, batch, window_days, workers, progress=advance)
            finally:
                store.close()
    except (SchedulerProblem, UsageProblem) as error:
        _fail_usage(str(error))
    _print_problems(report.problems)
    if not quiet:
        stderr.print(f"recoupe: {report.read} articles read, {report.already_stored} already stored, {report.stored} "
                     f"stored ({report.copies} copies); {report.new_stories} new stories, {report.grown_stories} grown; "
                     f"{shown_path(db)}", markup=False, soft_wrap=True)
    raise typer.Exit(1 if report.problems else 0)


def _window_days(value: str) -> int:
    """``--window``: whole days, written ``7``, ``7d`` or ``2w``."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*([dw]?)\s*", value.lower())
    if not match or int(match.group(1)) == 0:
        _fail_usage(f"--window {value!r}: expected a number of days such as 7d or 2w")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


@stories_app.command(name="problems")
def stories_problems(
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The SQLite story store.")],
    fmt: Annotated[EvalFormat, typer.Option("--format", help="Output format.")] = EvalFormat.table,
) -> None:
    """What the ingests' readers said: each input line or file skipped (or read with a warning)."""
    from rich.table import Table

    store = _story_store(db)
    problems = store.problems()
    store.close()
    if fmt is EvalFormat.json:
        rows = [{"run": r, "origin": o, "message": m, "skipped": s} for r, o, m, s in problems]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=Text(f"{len(problems)} problems said by the ingests into {shown_path(db)}"))
    for column in ("ingest (UTC)", "input", "problem"):
        table.add_column(column)
    for run, origin, message, _ in problems:
        table.add_row(run, Text(origin), Text(message))
    _print_table(table, 150)


@stories_app.command(name="brief")
def stories_brief(
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The SQLite story store.")],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FOLDER", help="Where to write one briefing per story "
                                      "(story-ID.EXT).")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.html,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, metavar="N", help="Brief the stories of at "
                                              "least N articles.")] = 2,
    scheduler: Annotated[str, typer.Option("--scheduler", metavar="NAME", help="Where the briefings are made: "
                                           "processes, synchronous, or a Dask scheduler's tcp://HOST:PORT (threads "
                                           "brief one story at a time).")] = "processes",
    words: Annotated[int, typer.Option(min=10, metavar="N", help="Word budget of each summary.")] = 150,
    full: Annotated[bool, typer.Option("--full", help="As brief --full.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary line.")] = False,
) -> None:
    """One briefing per story of the store, made on the workers; a story that has not grown
    since its last briefing keeps it (kept in the store), so a morning run briefs only the new
    and the grown stories."""
    from .render import EXTENSION_OF_FORMAT, render
    from .stories.briefing import brief_stories
    from .stories.parallel import SchedulerProblem, open_workers

    store = _story_store(db)
    stories = [row.id for row in store.stories() if row.size >= min_articles]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        store.close()
        _fail_usage(f"--out {shown_path(out)}: cannot create the folder ({error.strerror})")
    progress = Progress(TextColumn("briefing stories"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=stderr, transient=True, disable=quiet or not stderr.is_terminal)
    made = kept = 0
    status = 0
    try:
        with open_workers(scheduler) as workers, progress:
            task = progress.add_task("stories", total=len(stories))
            options = dict(words=words, crosscheck=True, published=None, story=True)
            for story, data, cached in brief_stories(store, stories, options, full, workers,
                                                     progress=lambda done, total: progress.update(task, completed=done)):
                kept, made = kept + cached, made + (not cached)
                path = out / f"story-{story}{EXTENSION_OF_FORMAT[fmt.value]}"
                if not _write(path, render(data, fmt.value, full), fmt.value, quiet=True):
                    status = 1
    except SchedulerProblem as error:
        _fail_usage(str(error))
    finally:
        store.close()
    if not quiet:
        stderr.print(f"recoupe: {len(stories)} stories of {min_articles}+ articles: {made} briefed, {kept} unchanged "
                     f"since their last briefing; written to {shown_path(out)}", markup=False, soft_wrap=True)
    raise typer.Exit(status)


def _story_store(db: Path, must_exist: bool = True):
    """The story store at ``db``, opened (and migrated; created unless ``must_exist``); a usage
    error when there is none to read or the file is no story store."""
    from .stories.store import StoreProblem, StoryStore

    if must_exist and not db.is_file():
        _fail_usage(f"{shown_path(db)}: no such story store")
    try:
        return StoryStore.open(db)
    except StoreProblem as error:
        _fail_usage(str(error))


@stories_app.command(name="list")
def stories_list(
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The SQLite story store.")],
    fmt: Annotated[EvalFormat, typer.Option("--format", help="Output format.")] = EvalFormat.table,
) -> None:
    """The stories of the store, the newest first: size, date span, title."""
    from dataclasses import asdict

    from rich.table import Table

    store = _story_store(db)
    rows, problems = store.stories(), store.problems()
    store.close()
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    skipped = sum(1 for p in problems if p[3])
    table = Table(title=Text(f"{len(rows)} stories in {shown_path(db)}"),
                  caption=Text(f"{skipped} inputs skipped by the ingests so far: recoupe stories problems --db "
                               f"{shown_path(db)}") if skipped else None)
    for column in ("story", "articles", "from", "to", "title"):
        table.add_column(column)
    for row in rows:
        table.add_row(str(row.id), str(row.size), row.first_date or "–", row.newest_date or "–", Text(row.title))
    _print_table(table, 150)


@stories_app.command(name="show")
def stories_show(
    story: Annotated[int, typer.Argument(metavar="ID", help="A story id, as `stories list` gives it.")],
    db: Annotated[Path, typer.Option("--db", metavar="FILE", help="The SQLite story store.")],
    fmt: Annotated[EvalFormat, typer.Option("--format", help="Output format.")] = EvalFormat.table,
) -> None:
    """One story's articles in publication order, copies marked."""
    from dataclasses import asdict

    from rich.table import Table

    store = _story_store(db)
    articles = store.articles(story)
    store.close()
    if not articles:
        _fail_usage(f"{shown_path(db)}: no story {story}")
    if fmt is EvalFormat.json:
        rows = [{**asdict(a), "date": a.date.isoformat() if a.date else None} for a in articles]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=Text(f"story {story}: {len(articles)} articles"))
    for column in ("date", "article", "outlet", "title", "copy of"):
        table.add_column(column)
    for a in articles:
        table.add_row(a.date.isoformat() if a.date else "–", Text(a.id), Text(a.outlet or "–"), Text(a.title),
                      Text(a.copy_of or ""))
    _print_table(table, 150)


def _print_table(table, file_width: int) -> None:
    """A table on stdout: the terminal's width, or ``file_width`` columns when written to a file
    or a pipe (Rich's default of 80 would fold a wide table)."""
    console = Console()
    if not console.is_terminal:
        console = Console(width=file_width)
    console.print(table)


def eval_table(report: dict) -> Group:
    """Systems x metrics (x groups), with the settings printed under the table."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(f"{shown_path(report['dataset'])} — {report['clusters']} clusters, first {report['words']} "
                               "words (F1 × 100)"))
    table.add_column("system")
    columns = [("all", report["systems"])] + [(g, v["systems"]) for g, v in report["groups"].items()]
    for name, _ in columns:
        for metric in ("R-1", "R-2", "R-L"):
            table.add_column(metric if name == "all" else f"{name} {metric}", justify="right")
    table.add_column("words/s", justify="right")
    for system in report["systems"]:
        row = [system]
        for _, values in columns:
            row += [f"{100 * values[system][m]:.2f}" for m in ("rouge1", "rouge2", "rougeL")]
        speed = report["words_per_second"][system]
        row.append(f"{speed:,.0f}" if speed else "-")
        table.add_row(*row)
    groups = ", ".join(f"{g}: {v['clusters']} clusters" for g, v in report["groups"].items())
    lines = [f"{key}: {value}" for key, value in report["settings"].items() if value is not True]
    if groups:
        lines.append(f"groups: {groups}")
    return Group(table, Text("\n".join(lines), style="dim"))


def _print_sentence(doc: str, index: int, start: int, end: int, text: str) -> None:
    record = {"doc": doc, "index": index, "start": start, "end": end, "text": text}
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _plain_argument_help(command) -> None:
    """Typer writes a Python type after each argument's name in the help ("PATH <list[str]>");
    a reader wants the name alone, as the usage line and the options already give it."""
    for sub in getattr(command, "commands", {}).values():
        for param in sub.params:
            if param.param_type_name == "argument":
                param.display_type_rich = lambda ctx: None


def main() -> None:
    """Entry point: usage errors become one line on stderr and exit status 2."""
    command = typer.main.get_command(app)
    _plain_argument_help(command)
    args = sys.argv[1:] or ["--help"]  # `recoupe` alone shows what it can do
    try:
        # without standalone mode, an Exit raised by a command comes back as the return value
        code = command.main(args=args, prog_name="recoupe", standalone_mode=False)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        sys.stderr.write("recoupe: aborted\n")
        sys.exit(130)
    except ClickException as error:
        sys.stderr.write(f"recoupe: error: {' '.join(error.format_message().split())}\n")
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
