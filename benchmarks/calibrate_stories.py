"""The story assigner's threshold (``stories.assign.NEW_STORY_SIMILARITY``) against the dev part
of the shared sets, and the chosen value's dev and test scores side by side.

    .venv/bin/python benchmarks/calibrate_stories.py

French is set on rpm2-fr by topic (dev topics: all but T02, T11, T16, T19), English on
Multi-News by cluster (dev: every other cluster in file order); the test parts are printed for
the chosen threshold only, to report, never to choose.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from recoupe.stories.assign import NEW_STORY_SIMILARITY
from recoupe.stories.evaluate import evaluate_stories, load_gold

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SETS = (("fr", DATA / "rpm2-fr" / "rpm2-fr.jsonl", "topic"), ("en", DATA / "multinews-test" / "multinews-test.jsonl", "cluster"))
GRID = (0.06, 0.08, 0.10, 0.12, 0.14, 0.17, 0.19, 0.21, 0.23, 0.25)


def main() -> None:
    console = Console(width=140)
    for language, path, by in SETS:
        if not path.exists():
            sys.exit(f"{path} not found: this benchmark needs ../shared/data beside the checkout")
        gold = load_gold(path, by)
        table = Table(title=f"{path.name} by {by}: B-cubed P / R / F1, pairwise F1, stories / gold groups")
        for column in ("threshold", "split", "B-cubed P", "B-cubed R", "B-cubed F1", "pairwise F1", "stories", "gold"):
            table.add_column(column)
        for threshold in GRID:
            chosen = threshold == NEW_STORY_SIMILARITY[language]
            scores = evaluate_stories(gold, {language: threshold, "en": threshold})
            for split in (("dev", "test") if chosen else ("dev",)):
                s = scores[split]
                table.add_row(f"{threshold:.2f}" + (" (chosen)" if chosen else ""), split, f"{s.bcubed_precision:.3f}",
                              f"{s.bcubed_recall:.3f}", f"{s.bcubed_f1:.3f}", f"{s.pairwise_f1:.3f}", str(s.stories),
                              str(s.gold_groups))
        console.print(table)


if __name__ == "__main__":
    main()
