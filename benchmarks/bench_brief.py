"""Wall time and peak memory of one `recoupe brief` on the seeds: cold (a new process, model
loading included) and warm (a second brief in the same process, the model already loaded).

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


def cold(path: Path) -> tuple[float, float]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "recoupe.cli", "brief", str(path), "--format", "json", "--out", "/dev/null"], check=True)
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def warm(path: Path) -> tuple[float, float, float]:
    from recoupe import NlpResources, brief, render

    resources = NlpResources()
    started = time.perf_counter()
    render(brief([str(path)], resources=resources), "json")
    first = time.perf_counter() - started
    started = time.perf_counter()
    render(brief([str(path)], resources=resources), "json")
    second = time.perf_counter() - started
    return first, second, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDS
    if not path.exists():
        print(f"skipped: {path} not found (needs ../shared/data beside the checkout)")
        return 0
    cold_seconds, cold_rss = cold(path)
    first, second, rss = warm(path)
    table = Table(title=f"recoupe brief {path}")
    for column in ("run", "wall seconds", "peak RSS MiB"):
        table.add_column(column)
    table.add_row("cold (new process, CLI)", f"{cold_seconds:.2f}", f"{cold_rss:.0f}")
    table.add_row("first brief in process", f"{first:.2f}", f"{rss:.0f}")
    table.add_row("warm (second brief, same process)", f"{second:.2f}", f"{rss:.0f}")
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
