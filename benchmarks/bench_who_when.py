"""Who said what, and when: what the briefing asserts, scored against a blind gold, dev and test
side by side (issue 18).

    .venv/bin/python benchmarks/bench_who_when.py [--errors dev|test|all] [--gold DIR]

The gold (``tests/data/who_when/``, rules in its README) was written from the article texts
before anyone looked at recoupe's output on those clusters: quotes with their speakers, every
named actor with its variants, every dated expression resolved against the article's own
publication date, and that date only from evidence about the article. Its clusters are split by
topic into dev (rules may be tuned on it) and test (looked at only to report).

What is scored is what a reader of the briefing sees (``briefing_to_dict``):
- speakers: a gold quote is *found* when a shown quote of the same document overlaps it
  (rapidfuzz partial ratio >= 85 of the normalised texts); its shown speaker is the quote's
  ``speaker_name`` when that source names it (``reports[].actor``), the other speaker it names
  (listed under the quote with its sources), none when it names no one (listed apart).
  *Precision* counts the found quotes shown with a speaker resolved to an actor
  (``speaker`` not null); *coverage* the gold quotes with a named speaker shown with it.
  The anchor: the Gender Gap Tracker's French system (quote F1 81.7, speaker match 80.4 % on
  its 54 articles).
- dates: every timeline mention is a date the briefing gives; it is right when a gold expression
  of that document and sentence has the same date at the gold's precision. A mention no gold
  expression matches is counted apart (an annotation gap or a non-date, listed by --errors).
  Coverage: the gold expressions with a date that a timeline mention gives right.
- publication dates: an ``inferred`` date where the gold has none, or another, is wrong.
- actors: a shown actor is *junk* when none of its variants is a variant of a gold actor; a pair
  of variants of one shown actor that belong to two gold actors is a wrong merge (merge
  precision is over the pairs whose variants are both in the gold).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RPM2 = DATA / "rpm2-fr" / "rpm2-fr.jsonl"
GOLD = ROOT / "tests" / "data" / "who_when"
# A gold quote is found by a shown quote of its document from this partial ratio on.
FOUND_RATIO = 85
# Reference figures of the Gender Gap Tracker (French; Asr et al.), the anchor.
GGT_QUOTE_F1 = 81.7
GGT_SPEAKER_MATCH = 80.4


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("\u00a0", " ").lower()
    return " ".join(text.strip(" «»“”\"'.,;:").split())


@dataclass
class Count:
    right: int = 0
    total: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, ok: bool, example: str = "") -> None:
        self.total += 1
        self.right += ok
        if not ok and example:
            self.examples.append(example)

    def rate(self) -> str:
        return f"{100 * self.right / self.total:.1f} % ({self.right}/{self.total})" if self.total else "–"


@dataclass
class Scores:
    speaker_precision: Count = field(default_factory=Count)
    speaker_coverage: Count = field(default_factory=Count)
    quotes_found: Count = field(default_factory=Count)
    quotes_not_in_gold: int = 0
    shown_quotes: int = 0
    date_precision: Count = field(default_factory=Count)
    dates_not_in_gold: list[str] = field(default_factory=list)
    date_coverage: Count = field(default_factory=Count)
    publication: Count = field(default_factory=Count)
    actor_junk: Count = field(default_factory=Count)  # right = not junk
    speaker_by_how: dict = field(default_factory=lambda: defaultdict(Count))  # precision by evidence
    date_by_how: dict = field(default_factory=lambda: defaultdict(Count))  # precision by resolved_by
    speaker_by_confidence: dict = field(default_factory=lambda: defaultdict(Count))  # calibration
    merge_precision: Count = field(default_factory=Count)


def load_gold(folder: Path) -> dict[str, dict]:
    """Per cluster: its split and its records by kind."""
    clusters = {}
    for path in sorted(folder.glob("who_when_*.jsonl")):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        header = next(r for r in records if r["kind"] == "header")
        by_kind = defaultdict(list)
        for record in records:
            by_kind[record["kind"]].append(record)
        clusters[header["cluster"]] = {"split": header["split"], **by_kind}
    return clusters


def gold_actor_of(gold: dict) -> dict[str, str]:
    """Each normalised variant → its gold actor's name."""
    index = {}
    for actor in gold["actor"]:
        for variant in [actor["name"], *actor["variants"]]:
            index[normalise(variant)] = actor["name"]
    return index


def same_speaker(shown: str | None, expected: str, gold: dict) -> bool:
    """The shown name is a variant of the expected gold actor, or names it up to honorifics and
    transliteration ("Monseigneur André Vingt-Trois" / "André Vingt-Trois")."""
    if not shown:
        return False
    if gold["actor_index"].get(normalise(shown)) == expected or normalise(shown) == normalise(expected):
        return True
    from recoupe.lang import fr
    from recoupe.values import name_key, names_match

    shown_key = name_key(shown, fr)
    return any(names_match(shown_key, name_key(v, fr)) for v in gold["variants"].get(expected, [expected])
               if len(name_key(v, fr).split()) > 1 or len(shown_key.split()) == 1)


def score_cluster(data: dict, gold: dict, scores: Scores, cluster: str) -> None:
    actor_index = gold_actor_of(gold)
    gold["actor_index"] = actor_index
    gold["variants"] = {a["name"]: [a["name"], *a["variants"]] for a in gold["actor"]}
    _score_quotes(data, gold, scores, cluster, actor_index)
    _score_dates(data, gold, scores, cluster)
    _score_actors(data, scores, cluster, actor_index)


def shown_speaker(quote: dict, report: dict, actor_names: dict[str, str]) -> str | None:
    """The speaker the views show for this source's report of a quote: the quote's speaker when
    this source names it; the other speaker it names (listed with its sources under the quote);
    none when the source reports the words without naming anyone (listed apart, "no speaker
    given in"). A speaker left as written (not resolved to an actor) is shown for the sources
    that write it."""
    if not quote["speaker"]:
        return quote["speaker_name"] if report["speaker"] and report["speaker"] == quote["speaker_name"] else None
    actor = report.get("actor")
    if actor is None:
        return None
    return quote["speaker_name"] if actor == quote["speaker"] else actor_names.get(actor)


def confidence_band(confidence: float | None) -> str:
    """The band a shown speaker's confidence falls in, for the calibration table."""
    if confidence is None:
        return "none"
    return next(f">= {low:.2f}" for low in (0.9, 0.8, 0.7, 0.0) if confidence >= low)


def _score_quotes(data, gold, scores: Scores, cluster: str, actor_index) -> None:
    actor_names = {a["id"]: a["name"] for a in data["actors"]}
    shown = [(q, r) for q in data["quotes"] for r in q["reports"]]
    scores.shown_quotes += len(data["quotes"])
    matched_reports = set()
    for g in gold["quote"]:
        wanted = normalise(g["quote"])
        best, best_score = None, (0.0, False)
        for k, (quote, report) in enumerate(shown):
            if report["source"] != g["doc"]:
                continue
            # overlap first, then a report of the same kind: an indirect quote inside a direct one
            # ("« Mme Pécresse a dit que ... », a réagi X") is matched to its own report if there is one
            score = (fuzz.partial_ratio(wanted, normalise(report["text"])), report["kind"] == g["type"])
            if score > best_score:
                best, best_score = k, score
        best_score = best_score[0]
        found = best is not None and best_score >= FOUND_RATIO
        scores.quotes_found.add(found, f"{cluster} {g['doc']}: « {g['quote'][:90]} »")
        shown_name = None
        if found:
            matched_reports.add(best)
            quote, report = shown[best]
            shown_name = shown_speaker(quote, report, actor_names)
            if quote["speaker"] and shown_name:
                right = g["speaker"] is not None and same_speaker(shown_name, g["speaker"], gold)
                scores.speaker_by_how[report.get("how") or "other source"].add(right)
                if quote.get("speaker_confidence") is not None:
                    scores.speaker_by_confidence[confidence_band(report.get("confidence"))].add(right)
                scores.speaker_precision.add(right, f"{cluster} {g['doc']}: shown {shown_name!r} "
                                                    f"(this source: {report['speaker']!r}, {len(quote['sources'])} "
                                                    f"sources), gold "
                                                    f"{g['speaker']!r} ({g['speaker_text']!r}) « {g['quote'][:70]} »")
        if g["speaker"]:
            right = found and same_speaker(shown_name, g["speaker"], gold)
            scores.speaker_coverage.add(right, f"{cluster} {g['doc']}: gold {g['speaker']!r}, shown "
                                               f"{shown_name if found else '(not found)'!r} "
                                               f"« {g['quote'][:70]} »")
    scores.quotes_not_in_gold += sum(1 for k in range(len(shown)) if k not in matched_reports)


def _score_dates(data, gold, scores: Scores, cluster: str) -> None:
    gold_dates = defaultdict(list)
    for g in gold["date"]:
        gold_dates[g["doc"]].append(g)
    given = []
    for event in data["timeline"]:
        for mention in event["mentions"]:
            given.append((event, mention))
    covered = set()
    for event, mention in given:
        candidates = [g for g in gold_dates[mention["source"]]
                      if normalise(g["sentence"])[:60] in normalise(mention["sentence"])
                      and (normalise(g["expression"]) in normalise(mention["expression"])
                           or normalise(mention["expression"]) in normalise(g["expression"]))]
        label = f"{cluster} {mention['source']}: « {mention['expression']} » → {event['date']}"
        if not candidates:
            scores.dates_not_in_gold.append(label + f" — {mention['sentence'][:80]}")
            continue
        g = candidates[0]
        right = g["date"] is not None and event["date"] == g["date"]
        scores.date_precision.add(right, label + f", gold {g['date']}")
        scores.date_by_how[mention.get("resolved_by") or "none"].add(right)
        if right:
            covered.add(id(g))
    for g in gold["date"]:
        if g["date"] is not None:
            scores.date_coverage.add(id(g) in covered, f"{cluster} {g['doc']}: « {g['expression']} » {g['date']}")
    published = {g["doc"]: g["published"] for g in gold["document"]}
    for document in data["documents"]:
        if document["published_origin"] == "inferred":
            right = published.get(document["id"]) == document["published"]
            scores.publication.add(right, f"{cluster} {document['id']}: inferred {document['published']}, gold "
                                          f"{published.get(document['id'])}")


def _score_actors(data, scores: Scores, cluster: str, actor_index) -> None:
    for actor in data["actors"]:
        variants = [v["text"] for v in actor["variants"]]
        golds = [actor_index.get(normalise(v)) for v in variants]
        scores.actor_junk.add(any(golds), f"{cluster}: {actor['name']!r} {variants[:4]}")
        known = [g for g in golds if g]
        for a in range(len(known)):
            for b in range(a + 1, len(known)):
                scores.merge_precision.add(known[a] == known[b], f"{cluster}: {actor['name']!r} merges "
                                                                  f"{known[a]!r} and {known[b]!r}")


def briefed(gold: dict[str, dict]):
    """Each gold cluster with the briefing dict of its documents: (cluster, gold records, data)."""
    from recoupe import NlpResources, brief, briefing_to_dict

    resources = NlpResources()
    for cluster, records in gold.items():
        print(f"briefing {cluster} ({records['split']})", file=sys.stderr)
        yield cluster, records, briefing_to_dict(brief([str(RPM2)], cluster=cluster, resources=resources))


def score_splits(gold: dict[str, dict]) -> dict[str, Scores]:
    """Brief every gold cluster and score what it shows, per split."""
    scores = {"dev": Scores(), "test": Scores()}
    for cluster, records, data in briefed(gold):
        score_cluster(data, records, scores[records["split"]], cluster)
    return scores


def gold_arguments(description: str, default: Path, load, pattern: str):
    """The command line of a gold benchmark (--gold, --errors) and its gold, loaded by ``load``;
    exits with a message when ../shared or the gold is missing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--gold", type=Path, default=default)
    parser.add_argument("--errors", choices=("dev", "test", "all"), help="list the errors of a split")
    args = parser.parse_args()
    if not RPM2.exists():
        sys.exit(f"{RPM2} not found: this benchmark needs ../shared/data beside the checkout")
    gold = load(args.gold)
    if not gold:
        sys.exit(f"no {pattern} gold in {args.gold}")
    return args, gold


def main() -> None:
    args, gold = gold_arguments(__doc__.split("\n")[0], GOLD, load_gold, "who_when_*.jsonl")
    scores = score_splits(gold)
    table = Table(title="Who said what, and when: what the briefing shows, against the blind gold")
    table.add_column("assertion")
    for split in ("dev", "test"):
        clusters = ", ".join(c for c, r in gold.items() if r["split"] == split)
        table.add_column(f"{split} ({clusters})")
    rows = [
        ("speaker right, among quotes shown with a resolved speaker (precision)", "speaker_precision"),
        ("named gold quotes shown with the right speaker (coverage)", "speaker_coverage"),
        ("gold quotes found", "quotes_found"),
        ("timeline dates right (precision; dates no gold expression matches apart)", "date_precision"),
        ("gold dates given right (coverage)", "date_coverage"),
        ("inferred publication dates right", "publication"),
        ("actors shown that are real actors (1 - junk)", "actor_junk"),
        ("actor merges right (pairs of variants)", "merge_precision"),
    ]
    for label, key in rows:
        table.add_row(label, *(getattr(scores[s], key).rate() for s in ("dev", "test")))
    table.add_row("shown quotes / reports not in the gold", *(f"{scores[s].shown_quotes} / {scores[s].quotes_not_in_gold}"
                                                              for s in ("dev", "test")))
    table.add_row("timeline mentions not in the gold", *(str(len(scores[s].dates_not_in_gold)) for s in ("dev", "test")))
    console = Console(width=160)
    console.print(table)
    how = Table(title="Speaker right among resolved, by how this source's speaker was found")
    how.add_column("evidence")
    how.add_column("dev")
    how.add_column("test")
    for kind in sorted(set(scores["dev"].speaker_by_how) | set(scores["test"].speaker_by_how)):
        how.add_row(kind, *(scores[s].speaker_by_how[kind].rate() for s in ("dev", "test")))
    console.print(how)
    for title, key in (("Timeline dates right, by how the date was resolved", "date_by_how"),
                       ("Speaker right, by the confidence the briefing gives it (calibration)", "speaker_by_confidence")):
        breakdown = Table(title=title)
        for column in ("", "dev", "test"):
            breakdown.add_column(column)
        for kind in sorted(set(getattr(scores["dev"], key)) | set(getattr(scores["test"], key))):
            breakdown.add_row(kind, *(getattr(scores[s], key)[kind].rate() for s in ("dev", "test")))
        console.print(breakdown)
    console.print(f"Anchor (Gender Gap Tracker, French, 54 articles): quote F1 {GGT_QUOTE_F1}, speaker match "
                  f"{GGT_SPEAKER_MATCH} %.", style="dim")
    if args.errors:
        for split in (("dev", "test") if args.errors == "all" else (args.errors,)):
            for _, key in rows:
                for example in getattr(scores[split], key).examples:
                    console.print(f"[{split}] {key}: {example}", markup=False)
            for example in scores[split].dates_not_in_gold:
                console.print(f"[{split}] date not in gold: {example}", markup=False)


if __name__ == "__main__":
    main()
