"""The reference briefing as a reader sees it in each format: short by default, everything with
``full``, outlets named, the interface in the briefing's language."""

import json
import re

import pytest

from recoupe import briefing_to_dict, render
from recoupe.render.labels import source_names
from recoupe.render.terminal import to_text


@pytest.fixture(scope="module")
def data(seeds_briefing_published):
    return briefing_to_dict(seeds_briefing_published)


def test_the_default_terminal_view_reads_in_two_minutes(data):
    text = to_text(data, width=100)
    lines = text.splitlines()
    assert len(lines) <= 80, f"{len(lines)} lines"
    assert all(len(line) <= 100 for line in lines)
    assert lines[0].startswith("Synthèse — 5 sources")
    for item in data["summary"]:  # the whole summary, each sentence with its sources
        assert " ".join(item["text"].split()) in " ".join(text.split())
    assert "Désaccords entre les sources (1)" in text and "deux fuseaux horaires" in " ".join(text.split())
    assert "à vérifier" not in text.split("Désaccords entre les sources")[1].split("Faits importants")[0]  # explained
    assert "Faits importants qu’une seule source rapporte" in text and "(--full)" in text
    assert "single source" not in text and "Summary" not in text  # French interface for a French briefing


def test_the_full_view_has_every_claim_quote_actor_and_date(data):
    text = " ".join(to_text(data, full=True, width=200).split())
    for claim in data["claims"]:
        if claim["sources"] > 1:
            assert " ".join(claim["text"].split())[:60] in text
    for quote in data["quotes"]:
        assert " ".join(quote["text"].split())[:40] in text
    for actor in data["actors"]:
        assert actor["name"] in text
    for event in data["timeline"]:
        assert event["date"] in text
    assert "Sources" in text and "Acteurs (" in text and "Qui a dit quoi (" in text


def test_a_disagreement_no_sentence_explains_is_shown_as_one_to_check_in_every_format(data):
    import copy

    unexplained = copy.deepcopy(data)
    for c in unexplained["contradictions"]:
        c.update(explanation=None, explained_by=None, level="check")
    item = unexplained["summary"][0]
    c = unexplained["contradictions"][0]
    item["contradicted_by"] = [{"type": c["type"], "source": c["b"]["source"], "sentence": c["b"]["sentence"],
                                "sentence_index": c["b"]["sentence_index"], "value": c["b"]["value"],
                                "own_value": c["a"]["value"], "explanation": None, "level": "check"}]
    text = " ".join(to_text(unexplained, width=100).split())
    section = text.split("Désaccords entre les sources (1)")[1]
    assert section.lstrip(" ─").startswith("• date (divergence possible, à vérifier) :")
    assert "⚠ divergence possible, à vérifier — date :" in text  # under the summary sentence too
    markdown = render(unexplained, "md")
    assert "- **date** (divergence possible, à vérifier) :" in markdown
    assert "⚠ divergence possible, à vérifier — date :" in markdown
    page = render(unexplained, "html")
    assert '<tr id="contradiction-1" class="check">' in page and '<div class="level">divergence possible, à vérifier</div>' in page
    assert '<div class="contradiction check">⚠ <span class="level">divergence possible, à vérifier</span>' in page
    english = dict(unexplained, language="en")
    assert "(possible discrepancy, check)" in " ".join(to_text(english, width=100).split())


def test_markdown_is_short_by_default_and_full_on_demand(data):
    short, full = render(data, "md"), render(data, "md", full=True)
    assert short.startswith("# Synthèse — 5 sources") and "## Résumé" in short
    assert len(short.splitlines()) <= 80 < len(full.splitlines())
    assert "## Acteurs" not in short and "## Acteurs" in full and "## Qui a dit quoi" in full


def test_sources_are_named_by_outlet_and_ids_stay_in_the_json(seeds_briefing_published):
    from dataclasses import replace

    briefing = replace(seeds_briefing_published, documents=[
        replace(d, outlet="The Associated Press", outlet_origin="front-matter") if d.id.startswith("004") else d
        for d in seeds_briefing_published.documents])
    data = briefing_to_dict(briefing)
    assert {d["id"]: d["outlet_origin"] for d in data["documents"]}["004_57e72806c7dd39eb"] == "front-matter"
    for fmt in ("text", "md", "html"):
        rendered = render(data, fmt).split('id="sources"')[0]  # the sources list gives each id
        assert "The Associated Press" in rendered
        visible = re.sub(r"<[^>]+>", " ", rendered)  # a tooltip may give the id
        assert "004_57e72806c7dd39eb" not in visible, fmt
    assert json.loads(render(data, "json"))["summary"][0]["source"] == "004_57e72806c7dd39eb"


def test_the_html_page_has_a_viewport_a_table_of_contents_and_french_labels(data):
    page = render(data, "html")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    links = re.findall(r'href="#([^"]+)"', page)
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert {"summary", "contradictions", "claims", "agreement", "timeline", "quotes", "actors", "sources"} <= set(links)
    assert set(links) <= ids  # every link of the table of contents leads somewhere
    assert ">Sommaire<" in page and ">Résumé</h2>" in page and "source unique" in page
    assert "single source" not in page and ">Summary</h2>" not in page


def test_an_english_briefing_has_an_english_interface(data):
    page = render({**data, "language": "en"}, "html")
    assert ">Contents<" in page and ">Summary</h2>" in page and "Résumé" not in page


def test_no_internal_actor_id_reaches_the_reader(data):
    conflicting = [q for q in data["quotes"] if q["conflicting_speakers"]]
    assert conflicting, "the seeds have a quote whose sources give two speakers"
    names = {a["id"]: a["name"] for a in data["actors"]}
    for fmt in ("text", "md", "html"):
        rendered = render(data, fmt, full=True)
        visible = re.sub(r"<[^>]+>", " ", rendered)
        assert not re.search(r"\bA\d+\b", visible), fmt
        assert names[conflicting[0]["conflicting_speakers"][0]] in rendered


def test_the_timeline_picture_has_room_for_its_longest_date(data):
    from recoupe.render.story import DATE_LABEL_CHAR_PX, timeline_svg

    svg = timeline_svg(data["timeline"], "fr")
    labels = re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end"[^>]*>([^<]+)</text>', svg)
    assert labels
    for right_edge, label in labels:  # right-aligned: the label starts right_edge - its width from the left
        assert float(right_edge) - len(label) * DATE_LABEL_CHAR_PX >= 0, label


def test_a_source_that_names_no_speaker_is_listed_apart(data):
    """A quote merged across sources shows its speaker for the sources that name it; a source
    reporting the words without naming anyone is listed apart in every format."""
    quote = json.loads(json.dumps(next(q for q in data["quotes"] if q["conflicting_speakers"])))
    silent = quote["reports"][0]
    silent["actor"], silent["speaker"] = None, None
    quote["conflicting_speakers"] = []
    quote["speaker_sources"] = [r["source"] for r in quote["reports"][1:]]
    changed = {**data, "quotes": [quote]}
    outlet = source_names(data["documents"])[silent["source"]]
    for rendered in (to_text(changed, width=300, full=True), render(changed, "md", full=True),
                     render(changed, "html")):
        assert "ne le donnent pas pour locuteur : " + outlet in rendered
    assert "pour locuteur" not in render(data, "md", full=True)  # every source of the seeds' quotes names one
