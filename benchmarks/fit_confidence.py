"""Fit the confidence the briefing gives a speaker and a resolved date, on the blind gold's dev
split only, and check its calibration on the test split (issue 18).

    .venv/bin/python benchmarks/fit_confidence.py [--gold DIR] [--dry-run]

A speaker is found in a few ways (``quotes[].reports[].how``: a name in the sentence, a
description, a pronoun, a role resolved to a person named earlier, the speaker of the quote
before) and a date resolved in a few (``timeline[].mentions[].resolved_by``: written in full,
against the publication date, with the story's year). How often each way is right on the dev
clusters is the confidence of an assertion made that way: (right + 1) / (total + 2), Laplace's
rule, so that a way seen a few times is not given 1.0. The model is that table, written to
``src/recoupe/models/confidence.json`` with the counts it comes from; the test split is only
printed beside it. Why a table and not a fitted classifier: a few hundred labelled assertions in
five kinds; a model with more inputs than kinds would fit the dev clusters' noise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_who_when import GOLD, RPM2, load_gold, score_splits  # noqa: E402

# Every way the briefing decides a speaker or a date (``reports[].how``, ``mentions[].resolved_by``):
# one the dev split never shows gets (0 + 1) / (0 + 2) = 0.5, "not measured".
KINDS = {"speaker": ("named", "description", "role", "pronoun", "previous"),
         "date": ("written", "publication", "cluster-year")}
MODEL = Path(__file__).resolve().parents[1] / "src" / "recoupe" / "models" / "confidence.json"


def laplace(right: int, total: int) -> float:
    return round((right + 1) / (total + 2), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--dry-run", action="store_true", help="print the table, do not write the model")
    args = parser.parse_args()
    if not RPM2.exists():
        sys.exit(f"{RPM2} not found: this script needs ../shared/data beside the checkout")
    gold = load_gold(args.gold)
    scores = score_splits(gold)
    model = {"fitted_on": sorted(c for c, r in gold.items() if r["split"] == "dev"),
             "rule": "(right + 1) / (total + 2) on the dev split of tests/data/who_when",
             "speaker": {}, "date": {}}
    console = Console(width=140)
    for kind, key in (("speaker", "speaker_by_how"), ("date", "date_by_how")):
        table = Table(title=f"{kind}: confidence fitted on dev, observed on test")
        for column in ("how", "dev right / total", "confidence", "test observed"):
            table.add_column(column)
        dev, test = getattr(scores["dev"], key), getattr(scores["test"], key)
        for how in KINDS[kind]:
            counts = dev.get(how)
            right, total = (counts.right, counts.total) if counts else (0, 0)
            model[kind][how] = {"right": right, "total": total, "confidence": laplace(right, total)}
            table.add_row(how, f"{right}/{total}", f"{laplace(right, total):.3f}", test[how].rate() if how in test else "–")
        console.print(table)
    if not args.dry_run:
        MODEL.parent.mkdir(exist_ok=True)
        MODEL.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        console.print(f"written to {MODEL}")


if __name__ == "__main__":
    main()
