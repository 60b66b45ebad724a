"""The confidence the briefing gives a speaker or a date: a table fitted on the dev split of the
blind gold only, every way of deciding in it, and the views marking what is not sure."""

import json
from pathlib import Path

from recoupe import render
from recoupe.confidence import NOT_MEASURED, SURE, _table, confidence_of
from recoupe.render.terminal import to_text

GOLD = Path(__file__).parent / "data" / "who_when"


def test_the_table_is_fitted_on_the_dev_split_only():
    headers = [json.loads(path.read_text(encoding="utf-8").splitlines()[0]) for path in GOLD.glob("who_when_*.jsonl")]
    dev = sorted(h["cluster"] for h in headers if h["split"] == "dev")
    assert dev and _table()["fitted_on"] == dev


def test_every_way_of_deciding_has_a_confidence_from_its_counts():
    table = _table()
    assert set(table["speaker"]) == {"named", "description", "role", "pronoun", "previous"}
    assert set(table["date"]) == {"written", "publication", "cluster-year"}
    for kind in ("speaker", "date"):
        for how, entry in table[kind].items():
            assert 0 <= entry["right"] <= entry["total"]
            assert entry["confidence"] == round((entry["right"] + 1) / (entry["total"] + 2), 3)
            assert confidence_of(kind, how) == entry["confidence"]


def test_nothing_asserted_has_no_confidence_and_an_unknown_way_is_not_sure():
    assert confidence_of("speaker", None) is None
    assert confidence_of("date", "a way nobody measured") == NOT_MEASURED < SURE


def test_the_briefing_gives_each_speaker_and_date_its_confidence(seeds_briefing_published):
    from recoupe import briefing_to_dict

    data = briefing_to_dict(seeds_briefing_published)
    for quote in data["quotes"]:
        naming = [r["confidence"] for r in quote["reports"] if quote["speaker"] and r["actor"] == quote["speaker"]]
        assert quote["speaker_confidence"] == (max(naming) if naming else None)
        for report in quote["reports"]:
            assert report["confidence"] == (confidence_of("speaker", report["how"]) if report["actor"] else None)
    for event in data["timeline"]:
        assert event["confidence"] == max(m["confidence"] for m in event["mentions"])


def test_the_views_mark_a_speaker_or_a_date_that_is_not_sure(seeds_briefing_published):
    from recoupe import briefing_to_dict

    data = briefing_to_dict(seeds_briefing_published)
    quote = next(q for q in data["quotes"] if q["speaker"])
    event = data["timeline"][0]
    sure = {**data, "quotes": [{**quote, "speaker_confidence": 0.95}], "timeline": [{**event, "confidence": 0.95}]}
    unsure = {**data, "quotes": [{**quote, "speaker_confidence": 0.6}], "timeline": [{**event, "confidence": 0.6}]}
    views = {"md": lambda d: render(d, "md", full=True), "html": lambda d: render(d, "html"),
             "text": lambda d: to_text(d, full=True, width=300)}
    for fmt, view in views.items():
        assert f"{quote['speaker_name']} (à vérifier)" not in view(sure), fmt
        marked = view(unsure)
        assert f"{quote['speaker_name']} (à vérifier)" in marked, fmt
        assert f"{event['date']} ?" in marked, fmt
