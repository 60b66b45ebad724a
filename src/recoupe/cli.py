"""Command line: ``recoupe brief`` and ``recoupe sentences`` (Typer + Rich).

Exit status: 0 all inputs fine; 1 some input was bad (one line on stderr each, the others are
still briefed); 2 usage error (missing path, bad option), as one line on stderr.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

# Typer >= 0.22 vendors click; its exception classes live here (typer is pinned in constraints.txt).
from typer._click.exceptions import ClickException, UsageError
from rich.console import Console, Group
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from .lang import SUPPORTED_LANGUAGES, UnsupportedLanguage
from .pipeline import DEFAULT_WORDS, STAGES, brief as run_brief, publication_date, split_documents
from .readers import UsageProblem, decode_text, read_inputs
from .render import render, to_rich
from .evaluate import SYSTEMS
from .split import SentenceSplitter
from .types import InputProblem, RawDocument

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Cross-check news articles about one story into a cited, extractive briefing.",
)
stderr = Console(stderr=True, highlight=False)


class Format(str, Enum):
    text = "text"
    md = "md"
    json = "json"
    html = "html"


def _fail_usage(message: str) -> None:
    raise UsageError(message)


@app.command()
def brief(
    paths: Annotated[list[str], typer.Argument(help="Folders or .txt/.html/.jsonl files.")],
    words: Annotated[int, typer.Option(min=10, help="Word budget of the summary.")] = DEFAULT_WORDS,
    lang: Annotated[str, typer.Option(help=f"Language: {', '.join(SUPPORTED_LANGUAGES)}.")] = "fr",
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    out: Annotated[Path | None, typer.Option(help="Write the briefing to FILE instead of stdout.")] = None,
    cluster: Annotated[str | None, typer.Option(help="Cluster id to brief in a .jsonl file.")] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) of documents whose input gives none; resolves 'mardi', 'hier'.")] = None,
    crosscheck: Annotated[bool, typer.Option(
        "--crosscheck/--no-crosscheck", help="Align claims across sources and report contradictions.")] = True,
    story: Annotated[bool, typer.Option(
        "--story/--no-story", help="Find the actors, who said what, and the timeline.")] = True,
) -> None:
    """Clean the articles, report the noise, cross-check the sources and write a cited extractive summary."""
    if published is not None and publication_date(published) is None:
        _fail_usage(f"--published: {published!r} is not a date (YYYY-MM-DD)")
    try:
        with _progress() as progress:
            task = progress.add_task("reading", total=len(STAGES))

            def advance(stage: str) -> None:
                progress.update(task, description=stage, advance=1)

            briefing = run_brief(paths, words=words, lang=lang, cluster=cluster, progress=advance,
                                 crosscheck=crosscheck, published=published, story=story)
    except (UsageProblem, UnsupportedLanguage) as error:
        _fail_usage(str(error))
    for problem in briefing.problems:
        stderr.print(f"recoupe: {problem}", markup=False, soft_wrap=True)
    if not briefing.documents:
        stderr.print("recoupe: no readable document in the input", soft_wrap=True)
        raise typer.Exit(1)
    if out is not None:
        rendered = render(briefing, fmt.value)
        try:
            out.write_text(rendered, encoding="utf-8")
        except OSError as error:
            stderr.print(f"recoupe: {out}: cannot write ({error.strerror})", soft_wrap=True)
            raise typer.Exit(1)
    elif fmt is Format.text:
        Console().print(to_rich(briefing))
    else:
        sys.stdout.write(render(briefing, fmt.value))
    raise typer.Exit(1 if briefing.problems else 0)


@app.command()
def sentences(
    paths: Annotated[list[str], typer.Argument(help="Folders or files; '-' reads plain text from stdin.")],
    lang: Annotated[str, typer.Option(help="Language of the splitting rules.")] = "fr",
    cluster: Annotated[str | None, typer.Option(help="Cluster id in a .jsonl file.")] = None,
) -> None:
    """Print the cleaned documents' sentences, one JSON object a line."""
    from .clean import clean_documents
    from .features import load_pipeline
    from .lang import language_data
    from .repair import Lexicon

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
    dataset: Annotated[Path, typer.Argument(help="JSONL clusters with reference summaries (../shared/data/*).")],
    words: Annotated[int, typer.Option(min=10, help="Word budget: every summary is cut to its first N words.")] = 100,
    systems: Annotated[str, typer.Option(help="Comma-separated systems.")] = ",".join(SYSTEMS),
    limit: Annotated[int | None, typer.Option(min=1, help="Evaluate the first K clusters.")] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", help="Output format.")] = EvalFormat.table,
) -> None:
    """ROUGE-1/2/L of recoupe and baselines against the human references."""
    from .evaluate import DatasetProblem, evaluate

    chosen = tuple(s.strip() for s in systems.split(",") if s.strip())
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
        console = Console()
        if not console.is_terminal:
            console = Console(width=170)  # a table of up to 10 metric columns, written to a file
        console.print(eval_table(report))


def eval_table(report: dict) -> Group:
    """Systems x metrics (x groups), with the settings printed under the table."""
    from rich.table import Table

    table = Table(title=f"{report['dataset']} — {report['clusters']} clusters, first {report['words']} words (F1 × 100)")
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


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    )


def main() -> None:
    """Entry point: usage errors become one line on stderr and exit status 2."""
    command = typer.main.get_command(app)
    try:
        # without standalone mode, an Exit raised by a command comes back as the return value
        code = command.main(args=sys.argv[1:], prog_name="recoupe", standalone_mode=False)
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
