"""Wall time and peak memory of one `recoupe brief` on the seeds: cold (a new process, model
loading included) and warm (a second brief in the same process, the model already loaded), next
to sumy's LexRank on the same sentences in the same run; then the words/s of each `recoupe eval`
system on the first rpm2-fr clusters.

    .venv/bin/python benchmarks/bench_brief.py [PATH]
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "seeds"


def cold(path: Path, *options: str) -> tuple[float, float]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "recoupe.cli", "brief", str(path), "--format", "json", "--out", "/dev/null", *options],
                   check=True)
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# Warm runs timed: (cross-checking, actors/quotes/timeline).
WARM_VARIANTS = ((True, True), (True, False), (False, True), (False, False))


def warm(path: Path) -> tuple[float, dict, float]:
    """First brief, then the best of 5 warm briefs of each variant (``WARM_VARIANTS``)."""
    from recoupe import NlpResources, brief, render

    resources = NlpResources()
    started = time.perf_counter()
    render(brief([str(path)], resources=resources), "json")
    first = time.perf_counter() - started
    timings = {variant: [] for variant in WARM_VARIANTS}
    for _ in range(5):
        for crosscheck, story in WARM_VARIANTS:
            started = time.perf_counter()
            render(brief([str(path)], resources=resources, crosscheck=crosscheck, story=story), "json")
            timings[crosscheck, story].append(time.perf_counter() - started)
    best = {variant: min(times) for variant, times in timings.items()}
    return first, best, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sumy_lexrank(path: Path) -> tuple[float, float]:
    """sumy LexRank alone, in a new process, on the seeds' text split by recoupe."""
    code = (
        "import sys,time,resource;from recoupe import read_inputs;from recoupe.split import SentenceSplitter;"
        "from recoupe.baselines import lexrank;from recoupe.types import Sentence;"
        f"docs=read_inputs([{str(path)!r}]).documents;t=time.perf_counter();sp=SentenceSplitter('fr');"
        "ss=[Sentence(d.id,i,x.start,x.end,d.text[x.start:x.end]) for d in docs for i,x in enumerate(sp.spans(d.text))];"
        "lexrank(ss,150,'fr');print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    return time.perf_counter() - started, float(out[1])


def eval_speed(limit: int = 4) -> dict:
    from recoupe.evaluate import evaluate

    data = SEEDS.parent / "rpm2-fr" / "rpm2-fr.jsonl"
    if not data.exists():
        return {}
    return evaluate(data, 100, limit=limit)["words_per_second"]


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS
    if not path.exists():
        print(f"skipped: {path} not found (needs ../shared/data beside the checkout)")
        return 0
    cold_seconds, cold_rss = cold(path)
    cold_plain, _ = cold(path, "--no-crosscheck", "--no-story")
    lex_seconds, lex_rss = sumy_lexrank(path)  # before the model is loaded in this process
    first, best, rss = warm(path)
    table = Table(title=f"recoupe brief {path}")
    for column in ("run", "wall seconds", "peak RSS MiB"):
        table.add_column(column)
    table.add_row("cold (new process, CLI)", f"{cold_seconds:.2f}", f"{cold_rss:.0f}")
    table.add_row("cold, --no-crosscheck --no-story", f"{cold_plain:.2f}", "")
    table.add_row("first brief in process", f"{first:.2f}", f"{rss:.0f}")
    table.add_row("warm (same process, best of 5), everything", f"{best[True, True]:.2f}", f"{rss:.0f}")
    table.add_row("warm, cross-checking only (--no-story)", f"{best[True, False]:.2f}", "")
    table.add_row("warm, actors/quotes/timeline only (--no-crosscheck)", f"{best[False, True]:.2f}", "")
    table.add_row("warm, summary only (--no-crosscheck --no-story)", f"{best[False, False]:.2f}", "")
    table.add_row("cross-checking cost, warm (ratio, without the story stages)",
                  f"{best[True, False] / best[False, False]:.2f}x", "")
    table.add_row("sumy LexRank on recoupe's sentences (new process, imports included)", f"{lex_seconds:.2f}", f"{lex_rss:.0f}")
    Console().print(table)
    speeds = eval_speed()
    if speeds:
        speed_table = Table(title="recoupe eval rpm2-fr --limit 4 --words 100: input words per second")
        speed_table.add_column("system")
        speed_table.add_column("words/s", justify="right")
        for system, value in speeds.items():
            speed_table.add_row(system, f"{value:,.0f}")
        Console().print(speed_table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
