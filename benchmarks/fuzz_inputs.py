"""Hostile inputs through the whole pipeline (issue 20): thousands of generated cases, each beside
one good article, briefed in a worker process that has the model loaded; a case running past
the time limit is a hang (the worker is killed and restarted).

For each class of input, the table gives: cases, tracebacks (an exception the pipeline let
through), hangs, lost good inputs (the good article missing from the briefing), problem lines
that are not one line or do not name their input, and the worker's peak RSS.

    .venv/bin/python benchmarks/fuzz_inputs.py [--cases 5000] [--seed 0] [--timeout 60]
    .venv/bin/python benchmarks/fuzz_inputs.py --scale [--timeout 600]

``--scale`` runs instead the inputs too big to generate by the thousand, each through the real CLI
(``recoupe brief … --format json``) with its wall time, peak RSS and JSON size: a folder of 3,000
tiny near-identical articles (issue 20: within 2 GiB, a JSON of at most 50 MB), a 48,000-word
unpunctuated page and an HTML ``<p>`` of 200,000 attributes, each beside a good article.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import shutil
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "pyongyang-2024"
WORDS = ("le conseil municipal a voté lundi la construction d'une piscine olympique à Gerland selon "
         "le maire « nous avons gagné » a déclaré Marie Dupont mardi 12 juin 2024 300 millions").split()


# --- generators: each returns {file name: bytes} -----------------------------------------------------

def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _json_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(8 if depth < 3 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 2**63, 10**rng.randrange(1, 400), 1.5, float("1e308")])
    if kind == 3:
        return rng.choice(["", "fr", "2024-06-19", "0001-01-01", "9999-12-31", "x" * 1000, "\ud800", "\u2028",
                           "\x1b[31m", "[/x]", ":smile:", _text(rng, 20)])
    if kind == 4:
        return _text(rng, rng.randrange(1, 60))
    if kind == 5:
        return [_json_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(["id", "title", "text", "date", "language", "source", "url", "documents"]): _json_value(rng, depth + 1)
            for _ in range(rng.randrange(4))}


def gen_jsonl(rng):
    documents = [{key: _json_value(rng) for key in rng.sample(["id", "title", "text", "date", "language", "source",
                                                                "url"], rng.randrange(1, 7))}
                 for _ in range(rng.randrange(4))]
    for document in documents:
        if rng.random() < 0.5:
            document["text"] = _text(rng, rng.randrange(5, 200))
    record = {"id": _json_value(rng), "documents": documents if rng.random() < 0.9 else _json_value(rng)}
    line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.1:
        line = rng.choice(["[" * 50_000 + "]" * 50_000, '{"id": ' + "9" * 5000 + "}", line[: len(line) // 2]])
    return {"case.jsonl": line.encode("utf-8", "surrogatepass")}


def gen_bytes(rng):
    size = rng.choice([0, 1, 3, 100, 5000])
    return {rng.choice(["case.txt", "case.html", "case", "case.md"]): bytes(rng.randrange(256) for _ in range(size))}


def gen_encoding(rng):
    text = "Titre\n\n" + _text(rng, 80) + " Élysée « façon »."
    encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1", "utf-16-le"])
    data = text.encode(encoding, "replace")
    if rng.random() < 0.3:
        data = rng.choice(["\u00a0\u3000\u200b", "\ufeff", " \n\t"]).encode("utf-8")
    return {"case.txt": data}


def gen_text(rng):
    parts = ["published: " + rng.choice(["2024-06-19", "0001-01-01", "9999-12-31", "2024-02-30", "hier", ""])
             if rng.random() < 0.5 else "", "[/x] Titre" if rng.random() < 0.3 else "Titre", "",
             _text(rng, rng.choice([5, 50, 500, 3000]))]
    text = "\n".join(parts)
    for mark in rng.sample(["\x1b[31m", "\r", "\r\n", "\u2028", "[bold]", "«", "»", "\x00", "\x0b", "  "], 3):
        position = rng.randrange(len(text) + 1)
        text = text[:position] + mark + text[position:]
    return {rng.choice(["case.txt", "ca\nse.txt", "[x] [bold].txt", ":smile:.txt"]): text.encode("utf-8")}


def gen_html(rng):
    body = "".join(f"<p>{_text(rng, rng.randrange(5, 60))}.</p>" for _ in range(rng.randrange(6)))
    head = rng.choice(["", "<title>" + _text(rng, 10) + "</title>", '<meta property="og:site_name" content="[/x]">',
                       "<title>" + "T " * 50_000 + "</title>"])
    tail = rng.choice(["", "<script>alert(1)</script>", "<p " + " ".join(f"a{k}=1" for k in range(2000)) + ">x</p>"])
    return {"case.html": f"<html><head>{head}</head><body><article>{body}{tail}</article></body></html>".encode()}


GENERATORS = {"jsonl": gen_jsonl, "bytes": gen_bytes, "encoding": gen_encoding, "text": gen_text, "html": gen_html}


# --- the worker -----------------------------------------------------------------------------------

def worker(inbox, outbox):
    from recoupe import NlpResources, brief, render
    from recoupe.readers import UsageProblem

    resources = NlpResources()
    resources.pipeline("fr")
    good = sorted(EXAMPLES.glob("*.txt"))[0]
    while True:
        folder = inbox.get()
        if folder is None:
            return
        outcome = {"traceback": None, "lost": False, "bad_lines": 0}
        try:
            briefing = brief([str(good), str(Path(folder) / "in")], resources=resources)
            rendered = render(briefing, "json")
            render(briefing, "text")
            render(briefing, "html")
            ids = [d["id"] for d in json.loads(rendered)["documents"]]
            outcome["lost"] = good.stem not in ids
            outcome["bad_lines"] = sum(1 for p in briefing.problems if "\n" in str(p) or "\r" in str(p))
        except UsageProblem:
            pass  # one line, exit 2: a user error the CLI reports
        except Exception:  # noqa: BLE001 - what the benchmark counts
            outcome["traceback"] = traceback.format_exc().strip().splitlines()[-1]
        outcome["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        outbox.put(outcome)


TINY_WORDS = ("projet ville conseil piscine travaux olympique maire la le voté lundi gerland budget municipal "
              "construction a").split()


def scale_cases(rng: random.Random, folder: Path) -> dict[str, Path]:
    """The --scale inputs, written under ``folder``: {name: the path given to recoupe}."""
    good = next(EXAMPLES.glob("*.txt")).read_bytes()
    tiny = folder / "tiny-3000"
    tiny.mkdir()
    for k in range(3000):
        words = [rng.choice(TINY_WORDS) for _ in range(12)]
        (tiny / f"a{k:04}.txt").write_text(f"Titre {k}\n\n{' '.join(words).capitalize()}.\n", encoding="utf-8")
    page = folder / "page-48000-words"
    page.mkdir()
    (page / "good.txt").write_bytes(good)
    (page / "long.txt").write_text("Titre\n\n" + _text(rng, 48000) + "\n", encoding="utf-8")
    attributes = folder / "p-200000-attributes"
    attributes.mkdir()
    (attributes / "good.txt").write_bytes(good)
    (attributes / "page.html").write_text(
        "<html><head><title>Titre</title></head><body><p " + " ".join(f'a{k}="{k}"' for k in range(200000))
        + ">" + _text(rng, 40) + "</p></body></html>", encoding="utf-8")
    return {"3,000 tiny near-identical articles": tiny, "48,000-word unpunctuated page + a good article": page,
            "<p> of 200,000 attributes + a good article": attributes}


def run_scale(options) -> None:
    """Each --scale case through the CLI: exit status, wall time, the child's own peak RSS
    (``os.wait4``), JSON size."""
    import os
    import subprocess
    import sys
    import threading

    folder = Path(tempfile.mkdtemp(prefix="fuzz-scale-"))
    print("| input | exit | seconds | peak RSS (MiB) | JSON (MB) | stderr lines |\n|---|---|---|---|---|---|")
    for name, path in scale_cases(random.Random(options.seed), folder).items():
        out = folder / "briefing.json"
        with tempfile.TemporaryFile("w+") as stderr:
            started = time.monotonic()
            child = subprocess.Popen([sys.executable, "-m", "recoupe.cli", "brief", str(path), "-o", str(out), "-q"],
                                     stdout=subprocess.DEVNULL, stderr=stderr, text=True)
            hung = threading.Event()
            watchdog = threading.Timer(options.timeout, lambda: (hung.set(), child.kill()))
            watchdog.start()
            _, status, usage = os.wait4(child.pid, 0)
            watchdog.cancel()
            child.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.monotonic() - started
            stderr.seek(0)
            lines = len(stderr.read().splitlines())
        size = out.stat().st_size / 1e6 if out.exists() else 0.0
        exit_status = f"hang (> {options.timeout:.0f} s)" if hung.is_set() else str(child.returncode)
        print(f"| {name} | {exit_status} | {seconds:.0f} | {usage.ru_maxrss / 1024:,.0f} | {size:.1f} | {lines} |",
              flush=True)
        out.unlink(missing_ok=True)
    shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is a hang")
    parser.add_argument("--scale", action="store_true", help="run the few very large inputs instead (see above)")
    options = parser.parse_args()
    if options.scale:
        run_scale(options)
        return
    rng = random.Random(options.seed)
    context = multiprocessing.get_context("spawn")
    inbox, outbox = context.Queue(), context.Queue()
    process = context.Process(target=worker, args=(inbox, outbox), daemon=True)
    process.start()
    table: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    peak = 0.0
    started = time.monotonic()
    for number in range(options.cases):
        kind = rng.choice(list(GENERATORS))
        folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
        (folder / "in").mkdir()
        for name, data in GENERATORS[kind](rng).items():
            (folder / "in" / name).write_bytes(data)
        inbox.put(str(folder))
        counts = table[kind]
        counts["cases"] += 1
        try:
            outcome = outbox.get(timeout=options.timeout)
        except Exception:  # noqa: BLE001 - queue.Empty: the case hung
            counts["hangs"] += 1
            examples[kind].append(f"hang: {folder}")
            process.kill()
            process = context.Process(target=worker, args=(inbox, outbox), daemon=True)
            process.start()
            continue
        shutil.rmtree(folder)
        peak = max(peak, outcome["rss"])
        if outcome["traceback"]:
            counts["tracebacks"] += 1
            examples[kind].append(outcome["traceback"])
        counts["lost good inputs"] += outcome["lost"]
        counts["problem lines not one line"] += outcome["bad_lines"] > 0
        if (number + 1) % 100 == 0:
            print(f"{number + 1} cases, {time.monotonic() - started:.0f} s", flush=True)
    inbox.put(None)
    columns = ("cases", "tracebacks", "hangs", "lost good inputs", "problem lines not one line")
    print("\n| class | " + " | ".join(columns) + " |\n|---|" + "---|" * len(columns))
    for kind in GENERATORS:
        print(f"| {kind} | " + " | ".join(str(table[kind][c]) for c in columns) + " |")
    total = Counter()
    for counts in table.values():
        total.update(counts)
    print("| all | " + " | ".join(str(total[c]) for c in columns) + " |")
    print(f"\npeak RSS of the worker: {peak:,.0f} MiB; {time.monotonic() - started:.0f} s")
    for kind, lines in examples.items():
        for line in lines[:5]:
            print(f"{kind}: {line}")


if __name__ == "__main__":
    main()
